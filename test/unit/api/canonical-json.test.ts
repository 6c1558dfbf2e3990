import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson, sha256Hex } from '../../../functions/api/token-hash';

// The content hash of every stored response is the SHA-256 of this text: a retry is told from another submission by
// it, so the fast writer must give exactly what the first definition gave, JSON.stringify of a key-sorted copy.
const sortedCopy = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
};

describe('canonical JSON', () => {
  it('is JSON.stringify of a copy with sorted keys, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out undefined fields as JSON does, and hashes a submission independent of key order', () => {
    const a = { level: 'manager', answers: { q2: 3, q1: 'dk' }, department: 'Sales', durationS: undefined };
    const b = { department: 'Sales', answers: { q1: 'dk', q2: 3 }, level: 'manager' };
    expect(canonicalJson(a)).toBe('{"answers":{"q1":"dk","q2":3},"department":"Sales","level":"manager"}');
    expect(canonicalHash(a)).toBe(canonicalHash(b));
    expect(canonicalHash(b)).toBe(sha256Hex(JSON.stringify(sortedCopy(b))));
  });
});
