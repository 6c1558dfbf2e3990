import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, capacityItem, type Instrument } from '../../../shared/instrument';
import {
  emptyStats,
  fold,
  type GroupStats,
  InstrumentMismatchError,
  InvalidResponseError,
  merge,
  mergeMany,
  report,
  StatsMismatchError,
  unfold,
} from '../../../shared/scoring';
import { ledgerResponseArb, makeResponse, makeResponses } from '../../factories';

const I = CURRENT_INSTRUMENT;
const CAPACITY = capacityItem(I)!.id;
const COST = capacityItem(I)!.options.find((o) => o.meaning === 'cost')!.id;
const foldAll = (responses = makeResponses(40, 7), stats = emptyStats(I)) =>
  responses.reduce<GroupStats>((s, r) => fold(I, s, r), stats);

function numbersIn(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbersIn);
  if (v && typeof v === 'object') return Object.values(v).flatMap(numbersIn);
  return [];
}

describe('group statistics', () => {
  it('are plain JSON of non-negative safe integers (storable in DynamoDB)', () => {
    const stats = foldAll();
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
    const numbers = numbersIn(stats);
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((x) => Number.isSafeInteger(x) && x >= 0)).toBe(true);
  });

  it('do not change the input on fold', () => {
    const before = emptyStats(I);
    const copy = structuredClone(before);
    fold(I, before, makeResponse());
    expect(before).toEqual(copy);
  });

  it('withdraw a response exactly', () => {
    const base = foldAll();
    const r = makeResponse({ answers: { roles_split: 2, roles_squeezed: 'dk', [CAPACITY]: COST } });
    expect(unfold(I, fold(I, base, r), r)).toEqual(base);
  });

  it('refuse to withdraw a response they never held', () => {
    const stats = fold(I, emptyStats(I), makeResponse());
    expect(() => unfold(I, stats, makeResponse({ answers: { [CAPACITY]: COST } }))).toThrow(StatsMismatchError);
    expect(() => unfold(I, emptyStats(I), makeResponse())).toThrow(StatsMismatchError);
  });

  it('refuse an answer outside the instrument', () => {
    expect(() => fold(I, emptyStats(I), makeResponse({ answers: { roles_split: 7 } }))).toThrow(InvalidResponseError);
    expect(() => fold(I, emptyStats(I), makeResponse({ answers: { no_such_item: 3 } }))).toThrow(InvalidResponseError);
  });

  it('refuse to merge or fold across instruments', () => {
    const other: Instrument = { ...I, version: '2099.1' };
    expect(() => merge(emptyStats(I), emptyStats(other))).toThrow(InstrumentMismatchError);
    expect(() => fold(other, emptyStats(I), makeResponse())).toThrow(InstrumentMismatchError);
    expect(() => report(other, emptyStats(I))).toThrow(InstrumentMismatchError);
  });

  it('keep the exclusion setting they were started with', () => {
    const strict = emptyStats(I, { excludeFlagged: true });
    expect(() => merge(strict, emptyStats(I))).toThrow(StatsMismatchError);
    expect(() => fold(I, strict, makeResponse(), { excludeFlagged: false })).toThrow(StatsMismatchError);
    expect(fold(I, strict, makeResponse(), { excludeFlagged: true }).excludeFlagged).toBe(true);
    expect(report(I, strict).quality.excluded).toBe(true);
  });

  it('withdraw an excluded flagged response from the quality counters only', () => {
    const strict = foldAll(makeResponses(10, 3), emptyStats(I, { excludeFlagged: true }));
    const flagged = makeResponse({ durationS: 1 });
    const withIt = fold(I, strict, flagged);
    expect(withIt.n).toBe(strict.n);
    expect(withIt.quality.tooFast).toBe(strict.quality.tooFast + 1);
    expect(unfold(I, withIt, flagged)).toEqual(strict);
  });

  it('merge with empty statistics as identity', () => {
    const stats = foldAll();
    expect(merge(stats, emptyStats(I))).toEqual(stats);
    expect(merge(emptyStats(I), stats)).toEqual(stats);
  });

  it('merge many groups at once exactly as one by one, ledger included or left out', () => {
    fc.assert(
      fc.property(fc.array(fc.array(ledgerResponseArb, { maxLength: 6 }), { maxLength: 5 }), (groups) => {
        const parts = groups.map((g) => foldAll(g));
        const pairwise = parts.reduce(merge, emptyStats(I));
        expect(mergeMany(I, parts)).toEqual(pairwise);
        const { ledger: _ledger, ...withoutLedger } = pairwise;
        expect(mergeMany(I, parts, { ledger: false })).toEqual(withoutLedger);
      }),
      { numRuns: 60 },
    );
    expect(() => mergeMany(I, [emptyStats(I, { excludeFlagged: true })])).toThrow(StatsMismatchError);
    expect(() => mergeMany(I, [emptyStats({ ...I, version: '2099.1' })])).toThrow(InstrumentMismatchError);
  });

  it('give a realistic group reliability and agreement once it is large enough', () => {
    const r = report(I, foldAll(makeResponses(200, 11, { tendency: { roles: 4 } })));
    expect(r.n).toBe(200);
    for (const layer of Object.values(r.layers)) {
      expect(layer.alpha).not.toBeNull();
      expect(layer.agreement).not.toBeNull();
    }
    expect(r.layers.roles.score!).toBeGreaterThan(r.layers.governance.score!);
  });
});
