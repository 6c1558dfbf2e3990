// The accumulator counts answer patterns per scale and works out their statistics only when asked (or when a byte
// counter fills). These tests hold it to the per-update arithmetic it replaced, kept below as the reference: every
// statistic updated row by row, on the same plan and buffer layout.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import type { SurveyResponse } from '../../../shared/response';
import {
  answerCodes,
  createAccumulator,
  DONT_KNOW_CODE,
  decodeAnswers,
  type GroupStats,
  isScaleScored,
  isStraightLining,
  isTooFast,
  UNANSWERED,
} from '../../../shared/scoring';
import {
  CHOICE_ITEM,
  DECIDED_ITEM,
  PAIR_SUMS,
  planOf,
  REVERSED_ITEM,
  toStats,
  VALUE_COUNTS,
} from '../../../shared/scoring/scoring-plan';

const I = CURRENT_INSTRUMENT;
const coding = answerCodes(I);
const plan = planOf(I);

interface CodedRow {
  codes: Uint8Array;
  durationS?: number;
}

/** The statistics of the rows, each folded statistic by statistic as the accumulator did before pattern counts. */
function perUpdateStats(rows: readonly CodedRow[], excludeFlagged: boolean): GroupStats {
  const stats = new Float64Array(plan.length);
  const { kinds, stride, values: table, slotItems } = plan;
  for (const { codes, durationS } of rows) {
    let matched = 0;
    let numeric = 0;
    let seen = 0;
    let reversed = false;
    let forward = false;
    let capacity = 0;
    let decided = 0;
    for (let i = 0; i < kinds.length; i++) {
      const code = codes[i]!;
      if (code === UNANSWERED) continue;
      matched++;
      if (kinds[i] === CHOICE_ITEM) {
        const counter = table[i * stride + code]!;
        if (counter !== 0) capacity = counter;
      } else if (kinds[i] === DECIDED_ITEM) {
        decided = table[i * stride + code]!;
      } else if (code !== DONT_KNOW_CODE) {
        numeric++;
        seen |= 1 << code;
        if (kinds[i] === REVERSED_ITEM) reversed = true;
        else forward = true;
      }
    }
    const straightLining = isStraightLining(numeric, seen !== 0 && (seen & (seen - 1)) === 0, reversed, forward);
    const tooFast = isTooFast(durationS, matched);
    const flagged = straightLining || tooFast;
    if (flagged) stats[plan.quality]!++;
    if (straightLining) stats[plan.quality + 1]!++;
    if (tooFast) stats[plan.quality + 2]!++;
    if (flagged && excludeFlagged) continue;
    stats[plan.n]!++;
    if (capacity !== 0) stats[plan.capacity + capacity - 1]!++;
    if (decided !== 0) stats[plan.decided + decided - 1]!++;
    for (const l of plan.scales) {
      const values: number[] = [];
      let k = 0;
      let total = 0;
      for (let j = l.first; j < l.first + l.size; j++) {
        const item = slotItems[j]!;
        const code = codes[item]!;
        let v = 0;
        if (code !== UNANSWERED) {
          stats[l.answers]!++;
          stats[l.itemAnswers + j - l.first]!++;
          if (code === DONT_KNOW_CODE) {
            stats[l.dontKnow]!++;
            stats[l.itemDontKnow + j - l.first]!++;
          } else {
            v = table[item * stride + code]!;
            k++;
            total += v;
          }
        }
        values.push(v);
      }
      if (!isScaleScored(k, l.size)) continue;
      stats[l.respondentsN + k]!++;
      stats[l.respondentsSum + k]! += total;
      stats[l.respondentsSumSq + k]! += total * total;
      values.forEach((v, i) => {
        if (v === 0) return;
        stats[l.itemsN + i]!++;
        stats[l.itemsSum + i]! += v;
        stats[l.itemsSumSq + i]! += v * v;
        stats[l.values + i * VALUE_COUNTS + v - 1]!++;
      });
      let pair = l.pairs;
      for (let i = 0; i < l.size; i++) {
        for (let j = i + 1; j < l.size; j++, pair += PAIR_SUMS) {
          const [x, y] = [values[i]!, values[j]!];
          if (x === 0 || y === 0) continue;
          stats[pair]!++;
          stats[pair + 1]! += x;
          stats[pair + 2]! += y;
          stats[pair + 3]! += x * x;
          stats[pair + 4]! += y * y;
          stats[pair + 5]! += x * y;
        }
      }
      if (k !== l.size) continue;
      stats[l.completeN]!++;
      let at = l.cross;
      for (let i = 0; i < l.size; i++) {
        stats[l.completeSum + i]! += values[i]!;
        for (let j = i; j < l.size; j++) stats[at++]! += values[i]! * values[j]!;
      }
    }
  }
  return toStats(plan, stats, excludeFlagged);
}

const codeArb = (item: number) => fc.integer({ min: UNANSWERED, max: coding[item]!.values.length - 1 });
const durationArb = fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined });
/** Any row of valid codes, or one giving the same likert answer throughout (to reach the straight-lining rule). */
const rowArb: fc.Arbitrary<CodedRow> = fc.oneof(
  fc.record({
    codes: fc.tuple(...coding.map((_, i) => codeArb(i))).map((c) => Uint8Array.from(c)),
    durationS: durationArb,
  }),
  fc.record({
    codes: fc.integer({ min: 1, max: 5 }).map((v) => Uint8Array.from(coding, (c) => (c.type === 'likert' ? v : 1))),
    durationS: durationArb,
  }),
);
/** A few distinct rows, each repeated up to 600 times: past the byte counters' 255, so counts spill. */
const repeatedRows = fc
  .array(fc.tuple(rowArb, fc.integer({ min: 1, max: 600 })), { minLength: 1, maxLength: 6 })
  .map((groups) => groups.flatMap(([row, times]) => Array.from({ length: times }, () => row)));

const responseOf = (row: CodedRow): SurveyResponse => ({
  answers: decodeAnswers(coding, row.codes),
  level: 'frontline',
  department: null,
  ...(row.durationS === undefined ? {} : { durationS: row.durationS }),
});

describe('pattern counts', () => {
  it('give exactly the statistics of the per-update arithmetic, however often a row repeats', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), repeatedRows, fc.boolean(), (mixed, repeated, ex) => {
        const rows = [...mixed, ...repeated];
        const accumulator = createAccumulator(I, { excludeFlagged: ex });
        for (const r of rows) accumulator.addCoded(r.codes, r.durationS);
        expect(accumulator.toStats()).toEqual(perUpdateStats(rows, ex));
      }),
      { numRuns: 40 },
    );
  });

  it('carry on exactly after statistics are read and after responses are withdrawn', () => {
    fc.assert(
      fc.property(repeatedRows, fc.array(rowArb, { maxLength: 10 }), fc.boolean(), (first, then, ex) => {
        const accumulator = createAccumulator(I, { excludeFlagged: ex });
        for (const r of first) accumulator.addCoded(r.codes, r.durationS);
        expect(accumulator.toStats()).toEqual(perUpdateStats(first, ex));
        for (const r of then) accumulator.addCoded(r.codes, r.durationS);
        // Withdraw every other row of the first batch, then every row added after it.
        const kept = first.filter((_, i) => i % 2 === 1);
        first.forEach((r, i) => {
          if (i % 2 === 0) accumulator.remove(responseOf(r));
        });
        expect(accumulator.toStats()).toEqual(perUpdateStats([...kept, ...then], ex));
        for (const r of then) accumulator.remove(responseOf(r));
        expect(accumulator.toStats()).toEqual(perUpdateStats(kept, ex));
      }),
      { numRuns: 25 },
    );
  });
});
