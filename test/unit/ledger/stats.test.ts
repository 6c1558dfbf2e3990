import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { LedgerAccumulator, LedgerStatsError } from '../../../shared/ledger/stats';
import type { SurveyResponse } from '../../../shared/response';
import {
  accumulatorFrom,
  createAccumulator,
  emptyStats,
  fold,
  type GroupStats,
  InvalidResponseError,
  merge,
  StatsMismatchError,
  unfold,
} from '../../../shared/scoring';
import { baseAnswers, ledgerResponseArb, makeResponse } from '../../factories';
import { directStats } from '../scoring/direct-stats';

const I = CURRENT_INSTRUMENT;
const RUNS = { numRuns: 60 };
const responses = (maxLength = 25) => fc.array(ledgerResponseArb, { maxLength });
const foldAll = (rs: SurveyResponse[], excludeFlagged = false) =>
  rs.reduce<GroupStats>((s, r) => fold(I, s, r), emptyStats(I, { excludeFlagged }));
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

const withLedger = makeResponse({
  ledger: {
    time: [{ category: 'rework', hoursPerWeek: 6.5, reason: 'only_me' }],
    waiting: [
      { kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4 },
      { kind: 'approval', heldBy: { level: 'executive' }, days: 1.5, timesPerMonth: 2 },
    ],
    knowledge: [{ category: 'pricing', checksPerWeek: 5, sop: 'none' }],
  },
});

describe('ledger statistics in GroupStats', () => {
  it('equal the counts computed directly from the entries, exactly', () => {
    fc.assert(
      fc.property(responses(40), fc.boolean(), (rs, ex) => {
        const accumulator = createAccumulator(I, { excludeFlagged: ex });
        for (const r of rs) accumulator.add(r);
        expect(accumulator.toStats()).toEqual(directStats(I, rs, ex));
      }),
      RUNS,
    );
  });

  it('merge = folding the union, commutative and associative, empty statistics the identity', () => {
    fc.assert(
      fc.property(responses(), responses(), responses(), (a, b, c) => {
        const [sa, sb, sc] = [foldAll(a), foldAll(b), foldAll(c)];
        expect(merge(sa, sb)).toEqual(foldAll([...a, ...b]));
        expect(merge(sa, sb)).toEqual(merge(sb, sa));
        expect(merge(sa, merge(sb, sc))).toEqual(merge(merge(sa, sb), sc));
        expect(merge(sa, emptyStats(I))).toEqual(sa);
        // Canonical JSON, not only equal objects: a snapshot and a fold from scratch store the same bytes.
        expect(JSON.stringify(merge(sb, sa))).toBe(JSON.stringify(foldAll([...a, ...b])));
      }),
      RUNS,
    );
  });

  it('do not depend on the order of respondents', () => {
    const permuted = responses().chain((rs) =>
      fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
    );
    fc.assert(
      fc.property(permuted, ([rs, shuffled]) => {
        expect(JSON.stringify(foldAll(shuffled))).toBe(JSON.stringify(foldAll(rs)));
      }),
      RUNS,
    );
  });

  it('withdraw exactly: unfold(fold(s, r), r) is s, and withdrawing everyone leaves empty statistics', () => {
    fc.assert(
      fc.property(responses(), ledgerResponseArb, fc.boolean(), (rs, r, ex) => {
        const s = foldAll(rs, ex);
        expect(unfold(I, fold(I, s, r), r)).toEqual(s);
        const drained = [...rs].reverse().reduce((acc, x) => unfold(I, acc, x), s);
        expect(drained).toEqual(emptyStats(I, { excludeFlagged: ex }));
        expect(drained).not.toHaveProperty('ledger');
      }),
      RUNS,
    );
  });

  it('survive a snapshot: statistics read back carry on exactly, with or without a ledger block', () => {
    fc.assert(
      fc.property(responses(), responses(), (a, b) => {
        const snapshot = JSON.parse(JSON.stringify(foldAll(a))) as GroupStats;
        const accumulator = accumulatorFrom(I, snapshot);
        for (const r of b) accumulator.add(r);
        expect(accumulator.toStats()).toEqual(foldAll([...a, ...b]));
      }),
      RUNS,
    );
    // Statistics stored before the ledger step existed have no block: they read as no entries.
    const old = foldAll([makeResponse()]);
    expect(old).not.toHaveProperty('ledger');
    expect(merge(old, foldAll([withLedger]))).toEqual(foldAll([makeResponse(), withLedger]));
  });

  it('withdraw a respondent whose waits of one kind have two holders, down to nothing', () => {
    const s = foldAll([withLedger]);
    expect(unfold(I, s, withLedger)).toEqual(emptyStats(I));
    const both = foldAll([withLedger, makeResponse({ ledger: { waiting: [withLedger.ledger!.waiting![1]!] } })]);
    expect(unfold(I, both, withLedger)).toEqual(
      foldAll([makeResponse({ ledger: { waiting: [withLedger.ledger!.waiting![1]!] } })]),
    );
    // In one accumulator: what is left after the withdrawal carries on exactly.
    const other = makeResponse({ ledger: { waiting: [withLedger.ledger!.waiting![1]!] } });
    const accumulator = createAccumulator(I);
    accumulator.add(withLedger);
    accumulator.remove(withLedger);
    accumulator.add(other);
    expect(accumulator.toStats()).toEqual(foldAll([other]));
  });

  it('refuse to withdraw entries they do not hold, and change nothing then', () => {
    const s = foldAll([makeResponse()]);
    const error = thrown(() => unfold(I, s, { ...makeResponse(), ledger: withLedger.ledger! }));
    expect(error).toBeInstanceOf(StatsMismatchError);
    const accumulator = accumulatorFrom(I, foldAll([withLedger, makeResponse()]));
    const other = { ...withLedger, ledger: { time: [{ category: 'rework', hoursPerWeek: 7 }] } };
    expect(() => accumulator.remove(other)).toThrow(StatsMismatchError);
    expect(accumulator.toStats()).toEqual(foldAll([withLedger, makeResponse()]));
  });

  it('hold the figures the report needs: counts by tick, the load of waits, respondents by set', () => {
    const ledger = foldAll([withLedger, withLedger]).ledger!;
    expect(ledger.time.cells.rework).toEqual({ hours: { '13': 2 }, reasons: { only_me: 2 } });
    expect(ledger.waiting.sets).toEqual({ '["approval"]': 2 });
    expect(ledger.waiting.kinds.approval!.sets).toEqual({ '["department:Finance","level:executive"]': 2 });
    // 3 days = 6 half-day ticks × 4 times: 24 per entry.
    expect(ledger.waiting.kinds.approval!.holders['department:Finance']).toEqual({
      days: { '6': 2 },
      times: { '4': 2 },
      load: 48,
    });
    expect(ledger.knowledge.cells.pricing).toEqual({ checks: { '5': 2 }, sop: { none: 2 } });
  });

  it('refuse entries that do not fit, naming each field, and keep the statistics as they were', () => {
    const accumulator = createAccumulator(I);
    accumulator.add(withLedger);
    const before = accumulator.toStats();
    const bad = {
      ...makeResponse(),
      ledger: {
        time: [
          { category: 'rework', hoursPerWeek: 41 },
          { category: 'rework', hoursPerWeek: 2.25 },
        ],
        waiting: [{ kind: 'approval', heldBy: { level: 'boss' }, days: 3, timesPerMonth: 4 }],
      },
    } as unknown as SurveyResponse;
    const error = thrown(() => accumulator.add(bad)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.issues.map((i) => i.field)).toEqual([
      'ledger.time[0].hoursPerWeek',
      'ledger.time[1].hoursPerWeek',
      'ledger.time[1].category',
      'ledger.waiting[0].heldBy.level',
    ]);
    expect(accumulator.toStats()).toEqual(before);
    // 2026.1 has no ledger step.
    const old = thrown(() =>
      createAccumulator(CORE_INSTRUMENT).add({
        ...makeResponse({ answers: baseAnswers(CORE_INSTRUMENT) }),
        ledger: {},
      }),
    );
    expect((old as InvalidResponseError).issues).toEqual([
      { field: 'ledger', message: 'instrument orgos-core@2026.1 has no ledger step' },
    ]);
  });

  it('refuse stored statistics whose ledger block is of another shape', () => {
    const good = foldAll([withLedger]);
    const cases: unknown[] = [
      { ...good.ledger, time: { sets: {} } },
      { ...good.ledger, time: { sets: { '["rework"]': -1 }, cells: {} } },
      { ...good.ledger, extra: {} },
      'ledger',
    ];
    for (const ledger of cases) {
      expect(() => accumulatorFrom(I, { ...good, ledger } as GroupStats)).toThrow(StatsMismatchError);
      expect(() => merge(good, { ...good, ledger } as GroupStats)).toThrow();
    }
  });

  it('add nothing of a ledger block that fails its check, even where it fails last', () => {
    const good = foldAll([withLedger]);
    const accumulator = new LedgerAccumulator(null);
    accumulator.addStats(good.ledger);
    const before = accumulator.toStats();
    // Sound counts first, then a tick that is no tick in the last part read (knowledge): nothing of it may land.
    const ledger = {
      ...good.ledger!,
      knowledge: { ...good.ledger!.knowledge, cells: { pricing: { checks: { '1.5': 1 }, sop: { none: 1 } } } },
    };
    expect(() => accumulator.addStats(ledger)).toThrow(LedgerStatsError);
    expect(accumulator.toStats()).toEqual(before);
    accumulator.addStats(good.ledger);
    expect(accumulator.toStats()).toEqual(foldAll([withLedger, withLedger]).ledger);
  });
});
