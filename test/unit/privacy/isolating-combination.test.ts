import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIsolation, type Isolation, type PublishedTable } from '../../../shared/privacy';
import { derivableGroups, isolatingCombinations } from './disclosure-audit';

/** Sales 10 (all frontline); Operations 2 frontline, 6 managers, 2 executives: the leak the adversarial tests found. */
const SALES_OPS = [
  [10, 0, 0],
  [2, 6, 2],
];

/** What an isolation adds up to on a table, recomputed from its coefficients (null: not 0 or 1 on a non-empty cell). */
function sizeOf(counts: readonly (readonly number[])[], found: Isolation): number | null {
  let size = 0;
  for (const [i, row] of counts.entries()) {
    for (const [j, n] of row.entries()) {
      if (n === 0) continue;
      const v = found.total + found.rows[i]! + found.columns[j]!;
      if (v === 1) size += n;
      else if (v !== 0) return null;
    }
  }
  return size;
}

describe('findIsolation', () => {
  it('finds frontline minus Sales when Sales is known to have only frontline staff', () => {
    const found = findIsolation(
      { counts: SALES_OPS, rows: [true, true], columns: [true, false, false], total: true },
      5,
    );
    expect(found).toEqual({ total: 0, rows: [-1, 0], columns: [1, 0, 0], size: 2 });
  });

  it('finds nothing once Sales is hidden, nor on the total alone', () => {
    const table = { counts: SALES_OPS, columns: [true, false, false], total: true };
    expect(findIsolation({ ...table, rows: [false, false] }, 5)).toBeNull();
    expect(
      findIsolation({ counts: SALES_OPS, rows: [false, false], columns: [false, false, false], total: true }, 5),
    ).toBeNull();
  });

  it('leaves unpublished sums and sums over empty rows or columns out of the combination', () => {
    // The executive column is empty: its coefficient is never needed, so it stays 0.
    const found = findIsolation(
      {
        counts: [
          [10, 0, 0],
          [2, 6, 0],
        ],
        rows: [true, true],
        columns: [true, true, true],
        total: true,
      },
      5,
    );
    expect(found?.columns[2]).toBe(0);
    expect(found?.size).toBe(2);
  });

  it('counts sizes up to the minimum only, so large tables cost no more', () => {
    const found = findIsolation(
      {
        counts: [
          [1_000_000, 0, 0],
          [3, 900_000, 0],
        ],
        rows: [true, true],
        columns: [true, true, false],
        total: true,
      },
      5,
    );
    expect(found?.size).toBe(3);
  });

  it('rejects tables whose shape does not match the flags, and bad counts', () => {
    expect(() => findIsolation({ counts: [[1, 2, 3]], rows: [], columns: [true, true, true], total: true }, 5)).toThrow(
      RangeError,
    );
    expect(() =>
      findIsolation({ counts: [[1, 2]], rows: [true], columns: [true, true, true], total: true }, 5),
    ).toThrow(RangeError);
    expect(() =>
      findIsolation({ counts: [[1, -2, 3]], rows: [true], columns: [true, true, true], total: true }, 5),
    ).toThrow(RangeError);
  });
});

/** 2–4 departments × 3 levels, counts 0..8 (often 0, so that known-empty cells come up), some sums unpublished. */
const tables = fc.integer({ min: 2, max: 4 }).chain((rows) =>
  fc.record({
    counts: fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 3 }),
      { minLength: rows, maxLength: rows },
    ),
    rows: fc.array(fc.boolean(), { minLength: rows, maxLength: rows }),
    columns: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    total: fc.boolean(),
  }),
);
const minimum = fc.integer({ min: 3, max: 6 });

describe('findIsolation properties', () => {
  it('finds a small group exactly when a plain enumeration of all {-1, 0, 1} coefficients does, and a true one', () => {
    fc.assert(
      fc.property(tables, minimum, (table: PublishedTable, k) => {
        const small = isolatingCombinations(table.counts, table).filter((c) => c.size > 0 && c.size < k);
        const found = findIsolation(table, k);
        expect(found !== null).toBe(small.length > 0);
        if (!found) return;
        expect(sizeOf(table.counts, found)).toBe(found.size);
        expect(found.size).toBeGreaterThan(0);
        expect(found.size).toBeLessThan(k);
        // Only published sums are used.
        if (!table.total) expect(found.total).toBe(0);
        for (const [i, b] of found.rows.entries()) if (!table.rows[i]) expect(b).toBe(0);
        for (const [j, c] of found.columns.entries()) if (!table.columns[j]) expect(c).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('finds a small group whenever any rational combination of the published sums isolates one', () => {
    // The {-1, 0, 1} restriction loses nothing here: the span of the published sums, with the empty cells known, is
    // what a real attacker can compute.
    fc.assert(
      fc.property(tables, minimum, (table: PublishedTable, k) => {
        const R = table.counts.length;
        const flat = table.counts.flat();
        const vector = (inGroup: (i: number, j: number) => boolean) =>
          flat.map((_, c) => (inGroup(Math.floor(c / 3), c % 3) ? 1 : 0));
        const published = [
          ...(table.total ? [vector(() => true)] : []),
          ...table.rows.flatMap((shown, i) => (shown ? [vector((r) => r === i)] : [])),
          ...table.columns.flatMap((shown, j) => (shown ? [vector((_, c) => c === j)] : [])),
        ];
        const empty = flat.flatMap((n, c) => (n === 0 ? [c] : []));
        const rational = derivableGroups(R * 3, published, empty)
          .map((mask) => flat.reduce((a, n, c) => a + ((mask >> c) & 1 ? n : 0), 0))
          .some((n) => n > 0 && n < k);
        expect(findIsolation(table, k) !== null).toBe(rational);
      }),
      { numRuns: 300 },
    );
  });
});
