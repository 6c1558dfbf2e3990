import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, capacityItem, DONT_KNOW, type Instrument, isLikert } from '../../../shared/instrument';
import { type Answers, answerIssues, type SurveyResponse } from '../../../shared/response';
import {
  accumulatorFrom,
  createAccumulator,
  DONT_KNOW_CODE,
  emptyStats,
  FIRST_OPTION_CODE,
  fold,
  type GroupStats,
  InstrumentMismatchError,
  InvalidResponseError,
  merge,
  StatsMismatchError,
  UNANSWERED,
} from '../../../shared/scoring';
import { baseAnswers, makeResponse, makeResponses, responseArb } from '../../factories';
import { directStats } from './direct-stats';

const I = CURRENT_INSTRUMENT;
const CAPACITY = capacityItem(I)!;
/** A capacity answer other than the one baseAnswers gives. */
const OTHER_CAPACITY = CAPACITY.options.find((o) => o.meaning === 'cost')!.id;
const RUNS = { numRuns: 60 };
const responses = (maxLength = 25) => fc.array(responseArb, { maxLength });
const foldAll = (rs: SurveyResponse[], excludeFlagged = false) =>
  rs.reduce<GroupStats>((s, r) => fold(I, s, r), emptyStats(I, { excludeFlagged }));
function accumulate(rs: SurveyResponse[], excludeFlagged = false) {
  const accumulator = createAccumulator(I, { excludeFlagged });
  for (const r of rs) accumulator.add(r);
  return accumulator;
}
/** Answer codes as answer-codes.ts documents them, worked out here independently of the engine's encoder. */
function codesOf(answers: Answers, into = new Uint8Array(I.items.length)): Uint8Array {
  I.items.forEach((item, i) => {
    const value = answers[item.id];
    if (value === undefined) into[i] = UNANSWERED;
    else if (!isLikert(item)) into[i] = FIRST_OPTION_CODE + item.options.findIndex((o) => o.id === value);
    else into[i] = value === DONT_KNOW ? DONT_KNOW_CODE : (value as number);
  });
  return into;
}
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('accumulator statistics', () => {
  it('equal the statistics computed directly from the responses, exactly', () => {
    fc.assert(
      fc.property(responses(40), fc.boolean(), (rs, ex) => {
        expect(accumulate(rs, ex).toStats()).toEqual(directStats(I, rs, ex));
      }),
      RUNS,
    );
  });

  it('equal folding the responses one at a time', () => {
    fc.assert(
      fc.property(responses(), fc.boolean(), (rs, ex) => {
        expect(accumulate(rs, ex).toStats()).toEqual(foldAll(rs, ex));
      }),
      RUNS,
    );
  });

  it('continue from added statistics as fold continues from them', () => {
    fc.assert(
      fc.property(responses(), responses(), fc.boolean(), (a, b, ex) => {
        const expected = foldAll([...a, ...b], ex);
        const joined = createAccumulator(I, { excludeFlagged: ex });
        joined.addStats(foldAll(a, ex));
        for (const r of b) joined.add(r);
        expect(joined.toStats()).toEqual(expected);
        const from = accumulatorFrom(I, foldAll(a, ex));
        for (const r of b) from.add(r);
        expect(from.toStats()).toEqual(expected);
        expect(from.excludeFlagged).toBe(ex);
        const both = accumulate(a, ex);
        both.addStats(accumulate(b, ex).toStats());
        expect(both.toStats()).toEqual(merge(foldAll(a, ex), foldAll(b, ex)));
      }),
      RUNS,
    );
  });

  it('start empty', () => {
    expect(createAccumulator(I).toStats()).toEqual(emptyStats(I));
    expect(createAccumulator(I, { excludeFlagged: true }).toStats()).toEqual(emptyStats(I, { excludeFlagged: true }));
  });

  it('are handed out as fresh copies that later changes do not reach', () => {
    const accumulator = accumulate(makeResponses(20, 5));
    const before = accumulator.toStats();
    const kept = structuredClone(before);
    before.n = 999;
    before.layers.roles.items.sum[0] = 999;
    expect(accumulator.toStats()).toEqual(kept);
    const again = accumulator.toStats();
    accumulator.add(makeResponse());
    expect(again).toEqual(kept);
    expect(accumulator.toStats().n).toBe(kept.n + 1);
  });

  it('do not take in or change statistics they were given', () => {
    const given = foldAll(makeResponses(10, 2));
    const kept = structuredClone(given);
    const accumulator = accumulatorFrom(I, given);
    accumulator.add(makeResponse());
    const other = createAccumulator(I);
    other.addStats(given);
    other.add(makeResponse());
    expect(given).toEqual(kept);
  });

  it('read answers kept in an object without a prototype (as the CSV reader builds them)', () => {
    const answers: Answers = Object.assign(Object.create(null), baseAnswers());
    expect(accumulate([makeResponse({ answers })]).toStats()).toEqual(accumulate([makeResponse()]).toStats());
  });
});

describe('adding answer codes', () => {
  it('gives exactly the statistics of adding the responses, with one buffer reused for every row', () => {
    fc.assert(
      fc.property(responses(40), fc.boolean(), (rs, ex) => {
        const coded = createAccumulator(I, { excludeFlagged: ex });
        const buffer = new Uint8Array(I.items.length);
        for (const r of rs) coded.addCoded(codesOf(r.answers, buffer), r.durationS);
        expect(coded.toStats()).toEqual(accumulate(rs, ex).toStats());
      }),
      RUNS,
    );
  });

  it('flags straight-lining and too-fast rows as add does, and leaves them out under excludeFlagged', () => {
    const straight = makeResponse({ answers: Object.fromEntries(I.items.filter(isLikert).map((i) => [i.id, 4])) });
    const tooFast = makeResponse({ durationS: 3 });
    for (const ex of [false, true]) {
      const coded = createAccumulator(I, { excludeFlagged: ex });
      for (const r of [straight, tooFast, makeResponse()]) coded.addCoded(codesOf(r.answers), r.durationS);
      const stats = coded.toStats();
      expect(stats.quality).toEqual({ flagged: 2, straightLining: 1, tooFast: 1 });
      expect(stats.n).toBe(ex ? 1 : 3);
      expect(stats).toEqual(accumulate([straight, tooFast, makeResponse()], ex).toStats());
    }
  });

  it('are withdrawn by removing the response they code', () => {
    fc.assert(
      fc.property(responses(), responseArb, fc.boolean(), (rs, r, ex) => {
        const accumulator = accumulate(rs, ex);
        const before = accumulator.toStats();
        accumulator.addCoded(codesOf(r.answers), r.durationS);
        accumulator.remove(r);
        expect(accumulator.toStats()).toEqual(before);
      }),
      RUNS,
    );
  });

  it('are refused when a code is no answer to its item or the row is not one code per item', () => {
    const accumulator = accumulate(makeResponses(5, 1));
    const before = accumulator.toStats();
    const likert = I.items.findIndex(isLikert);
    const choice = I.items.findIndex((item) => !isLikert(item));
    const cases: [Uint8Array, string][] = [
      [codesOf(baseAnswers()).fill(DONT_KNOW_CODE + 1, likert, likert + 1), I.items[likert]!.id],
      [codesOf(baseAnswers()).fill(200, choice, choice + 1), I.items[choice]!.id],
      [new Uint8Array(I.items.length - 1), 'answers'],
      [new Uint8Array(I.items.length + 1), 'answers'],
    ];
    for (const [codes, field] of cases) {
      const error = thrown(() => accumulator.addCoded(codes, 300));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).issues.map((i) => i.field)).toEqual([field]);
    }
    expect(accumulator.toStats()).toEqual(before);
  });
});

describe('removing a response', () => {
  it('undoes adding it exactly, and removing everyone leaves empty statistics', () => {
    fc.assert(
      fc.property(responses(), responseArb, fc.boolean(), (rs, r, ex) => {
        const accumulator = accumulate(rs, ex);
        const before = accumulator.toStats();
        accumulator.add(r);
        accumulator.remove(r);
        expect(accumulator.toStats()).toEqual(before);
        for (const x of [...rs].reverse()) accumulator.remove(x);
        expect(accumulator.toStats()).toEqual(emptyStats(I, { excludeFlagged: ex }));
      }),
      RUNS,
    );
  });

  it('leaves the statistics of the responses that stay, whatever was added and removed in between', () => {
    const split = fc
      .array(fc.tuple(responseArb, fc.boolean()), { maxLength: 30 })
      .chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs.map((_, i) => i))));
    fc.assert(
      fc.property(split, fc.boolean(), ([pairs, order], ex) => {
        // Add everyone, then withdraw those marked, in an order of their own.
        const accumulator = accumulate(
          pairs.map(([r]) => r),
          ex,
        );
        for (const i of order) if (pairs[i]![1]) accumulator.remove(pairs[i]![0]);
        const kept = pairs.filter(([, withdrawn], i) => !(withdrawn && order.includes(i))).map(([r]) => r);
        expect(accumulator.toStats()).toEqual(directStats(I, kept, ex));
      }),
      RUNS,
    );
  });

  it('is refused for a response the statistics cannot hold, leaving them unchanged', () => {
    const empty = createAccumulator(I);
    expect(() => empty.remove(makeResponse())).toThrow(StatsMismatchError);
    expect(empty.toStats()).toEqual(emptyStats(I));

    const one = accumulate([makeResponse()]);
    const before = one.toStats();
    expect(() => one.remove(makeResponse({ answers: { [CAPACITY.id]: OTHER_CAPACITY } }))).toThrow(StatsMismatchError);
    expect(one.toStats()).toEqual(before);
  });
});

describe('invalid answers', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a likert value above the scale', { roles_split: 7 }, 'roles_split'],
    ['a likert value below the scale', { roles_split: 0 }, 'roles_split'],
    ['a fractional likert value', { roles_review_time: 2.5 }, 'roles_review_time'],
    ['a likert value given as text', { roles_split: '4' }, 'roles_split'],
    ['a likert answer of null', { roles_split: null }, 'roles_split'],
    ['a likert answer present but undefined', { roles_split: undefined }, 'roles_split'],
    ['an unknown capacity option', { [CAPACITY.id]: 'world_peace' }, CAPACITY.id],
    ['"don\'t know" for the choice item', { [CAPACITY.id]: DONT_KNOW }, CAPACITY.id],
    ['a number for the choice item', { [CAPACITY.id]: 1 }, CAPACITY.id],
    ['an item the instrument does not have', { no_such_item: 3 }, 'no_such_item'],
  ];

  it.each(cases)('are refused: %s, naming the field and leaving the statistics unchanged', (_, extra, field) => {
    const accumulator = accumulate(makeResponses(5, 1));
    const before = accumulator.toStats();
    const response = makeResponse({ answers: { ...baseAnswers(), ...extra } as Answers });
    for (const call of [() => accumulator.add(response), () => accumulator.remove(response)]) {
      const error = thrown(call);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).issues.map((i) => i.field)).toEqual([field]);
      expect((error as InvalidResponseError).message).toContain(field);
    }
    expect(accumulator.toStats()).toEqual(before);
    expect(() => fold(I, before, response)).toThrow(InvalidResponseError);
  });

  it('are refused exactly when answerIssues finds issues, with those issues', () => {
    const likertIds = I.items.filter((i) => i.type === 'likert').map((i) => i.id);
    const anyValue = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 2, arbitrary: fc.constant(DONT_KNOW) },
      { weight: 2, arbitrary: fc.constantFrom(...CAPACITY.options.map((o) => o.id)) },
      { weight: 1, arbitrary: fc.integer({ min: -2, max: 8 }) },
      { weight: 1, arbitrary: fc.double() },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    );
    const answersArb = fc
      .record({
        known: fc.dictionary(fc.constantFrom(...I.items.map((i) => i.id)), anyValue, { maxKeys: 12 }),
        unknown: fc.option(fc.constantFrom('no_such_item', 'roles', 'sig_capacity'), { freq: 6 }),
      })
      .map(({ known, unknown }) => {
        const answers: Answers = { ...known };
        if (unknown !== null) answers[unknown] = 3;
        return answers;
      });
    fc.assert(
      fc.property(answersArb, (answers) => {
        const issues = answerIssues(I, answers);
        const accumulator = createAccumulator(I);
        const error = issues.length > 0 ? thrown(() => accumulator.add(makeResponse({ answers }))) : undefined;
        if (issues.length === 0) {
          accumulator.add(makeResponse({ answers }));
          expect(accumulator.toStats().n).toBe(1);
        } else {
          expect(error).toBeInstanceOf(InvalidResponseError);
          expect((error as InvalidResponseError).issues).toEqual(issues);
          expect(accumulator.toStats()).toEqual(emptyStats(I));
        }
      }),
      { numRuns: 300, examples: [[Object.fromEntries(likertIds.map((id) => [id, 3]))]] },
    );
  });
});

describe('adding statistics', () => {
  const stats = () => foldAll(makeResponses(8, 4));

  it('refuses statistics of another instrument or setting, leaving its own unchanged', () => {
    const other: Instrument = { ...I, version: '2099.1' };
    const accumulator = accumulate(makeResponses(3, 9));
    const before = accumulator.toStats();
    expect(() => accumulator.addStats(emptyStats(other))).toThrow(InstrumentMismatchError);
    expect(() => accumulator.addStats(emptyStats(I, { excludeFlagged: true }))).toThrow(StatsMismatchError);
    expect(() => accumulatorFrom(other, stats())).toThrow(InstrumentMismatchError);
    expect(accumulator.toStats()).toEqual(before);
  });

  it('refuses statistics of another shape or with values no fold can produce, naming where', () => {
    const accumulator = accumulate(makeResponses(3, 9));
    const before = accumulator.toStats();
    const broken: [(s: GroupStats) => void, RegExp][] = [
      [(s) => s.layers.roles.items.sum.pop(), /stats\.layers\.roles\.items\.sum/],
      [(s) => s.signals.investment!.complete.cross[1]!.push(0), /stats\.signals\.investment\.complete\.cross\[1\]/],
      [(s) => delete s.capacity[OTHER_CAPACITY], /stats\.capacity/],
      [(s) => delete s.decided, /stats/],
      [(s) => Object.assign(s.quality, { extra: 1 }), /stats\.quality/],
      [(s) => (s.layers.knowledge.dontKnow = -1), /stats\.layers\.knowledge\.dontKnow/],
      [(s) => (s.layers.roles.respondents.sum[2] = 1.5), /stats\.layers\.roles\.respondents\.sum\[2\]/],
      [(s) => (s.n = Number.NaN), /stats\.n/],
    ];
    for (const [breakIt, where] of broken) {
      const s = stats();
      breakIt(s);
      expect(() => accumulator.addStats(s)).toThrow(StatsMismatchError);
      expect(() => accumulator.addStats(s)).toThrow(where);
      expect(() => accumulatorFrom(I, s)).toThrow(StatsMismatchError);
      expect(() => fold(I, s, makeResponse())).toThrow(StatsMismatchError);
    }
    expect(accumulator.toStats()).toEqual(before);
  });
});
