// Hand-computed examples. The roles layer has three plain items and one reverse-worded item (roles_squeezed).

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT, type Instrument } from '../../../shared/instrument';
import type { Answers } from '../../../shared/response';
import { lowestTerms, scoreResponses, tQuantile } from '../../../shared/scoring';
import { makeResponse } from '../../factories';

const score = (answersList: Answers[], instrument: Instrument = CURRENT_INSTRUMENT) =>
  scoreResponses(
    instrument,
    answersList.map((answers) => makeResponse({ answers })),
  );
const roles = (split: number | 'dk', review: number | 'dk', exceptions: number | 'dk', squeezed: number | 'dk') => ({
  roles_split: split,
  roles_review_time: review,
  roles_exceptions: exceptions,
  roles_squeezed: squeezed,
});

describe("a respondent's layer score", () => {
  it('flips reverse-worded items before taking the mean', () => {
    // 5, 4, 3 and 6 - 2 = 4: mean 4, (4 - 1) / 4 * 100 = 75.
    const r = score([roles(5, 4, 3, 2)]).layers.roles;
    expect(r.score).toBe(75);
    expect(r.n).toBe(1);
    expect(r).toMatchObject({ level: 4, levelName: 'Managed', ci95: null, sd: null, agreement: null, alpha: null });
  });

  it('counts a respondent who answered exactly half the items', () => {
    // roles_split 5 and roles_squeezed 6 - 5 = 1: mean 3, score 50.
    const r = score([{ roles_split: 5, roles_squeezed: 5 }]).layers.roles;
    expect(r.n).toBe(1);
    expect(r.score).toBe(50);
  });

  it('does not count a respondent with fewer than half, and "don\'t know" is not an answer', () => {
    const r = score([roles(5, 'dk', 'dk', 'dk')]).layers.roles;
    expect(r.n).toBe(0);
    expect(r.score).toBeNull();
    expect(r.level).toBeNull();
    expect(r.dontKnowRate).toBe(3 / 4);
  });

  it("gives an empty scale no score and a don't-know rate of 0", () => {
    const r = score([{}]);
    expect(r.n).toBe(1);
    expect(r.layers.governance).toMatchObject({ n: 0, score: null, dontKnowRate: 0, ci95: null });
  });
});

describe("a group's layer statistics", () => {
  // Scored values (after flipping roles_squeezed): (4,4,4,4) → 75, (2,4,3,3) → 50, (3,4,3,4) → 62.5.
  // The fourth respondent answers one item and two "don't know": unscored, but its answers count for the dk rate.
  const group = score([roles(4, 4, 4, 2), roles(2, 4, 3, 3), roles(3, 4, 3, 2), roles('dk', 'dk', 5, 'dk')]).layers
    .roles;

  it('averages respondent scores, with sd and a t-based 95% interval', () => {
    expect(group.n).toBe(3);
    expect(group.score).toBe(62.5);
    expect(group.level).toBe(4);
    // Deviations 12.5, -12.5, 0: variance 312.5 / 2, sd 12.5.
    expect(group.sd).toBeCloseTo(12.5, 12);
    const half = (4.302652729749464 * 12.5) / Math.sqrt(3);
    expect(group.ci95![0]).toBeCloseTo(62.5 - half, 9);
    expect(group.ci95![1]).toBeCloseTo(62.5 + half, 9);
  });

  it('reports the share of "don\'t know" among all answers to the layer', () => {
    // 12 answers from the scored three, 4 from the fourth of which 3 are dk.
    expect(group.dontKnowRate).toBe(3 / 16);
  });

  it('measures agreement as rwg(j) against the uniform null', () => {
    // Item variances over the three: 1, 0, 1/3, 1/3; mean 5/12; ratio to σ²_EU = 2 is 5/24.
    // rwg(4) = 4(1 - 5/24) / (4(1 - 5/24) + 5/24) = 76/81.
    expect(group.agreement).toBeCloseTo(76 / 81, 12);
  });

  it('reports agreement 0 when answers spread more than random answering would', () => {
    const split = score([roles(1, 1, 1, 5), roles(5, 5, 5, 1)]).layers.roles;
    // Each item variance is 8 > 2.
    expect(split.agreement).toBe(0);
  });

  it('reports full agreement, and sd 0, when everyone answers alike', () => {
    const same = score([roles(4, 3, 4, 2), roles(4, 3, 4, 2), roles(4, 3, 4, 2)]).layers.roles;
    expect(same.agreement).toBe(1);
    expect(same.sd).toBe(0);
    expect(same.ci95).toEqual([same.score, same.score]);
  });

  it('clamps the interval to 0..100', () => {
    const wide = score([roles(5, 5, 5, 1), roles(1, 1, 1, 5)]).layers.roles;
    // Scores 100 and 0: half-width 12.706 * 70.7 / 1.414 far beyond the scale.
    expect(wide.ci95).toEqual([0, 100]);
    expect(tQuantile(0.975, 1)).toBeGreaterThan(12);
  });
});

describe('"don\'t know" on a hard item', () => {
  // Four answer every roles item (4, 4, 2 on the hard one, and 2 on the reversed one, scored 4): mean 3.5 each.
  // Four more answer the same but "don't know" on the hard item: mean 4 over the three they answered.
  const all = roles(4, 4, 2, 2);
  const dk = roles(4, 4, 'dk', 2);
  const group = [all, all, all, all, dk, dk, dk, dk];

  it('raises a 2026.1 score (respondent-means): those who skip the hard item look better', () => {
    // (4 · 3.5 + 4 · 4) / 8 = 3.75 → 68.75.
    expect(score(group, CORE_INSTRUMENT).layers.roles.score).toBe(68.75);
  });

  it('does not raise a 2026.2 score (item-means): each item counts once, answered by whoever answered it', () => {
    // Item means 4, 4, 2, 4 → 3.5 → 62.5: what the first four alone give.
    expect(score(group).layers.roles.score).toBe(62.5);
    expect(score([all, all, all, all]).layers.roles.score).toBe(62.5);
  });

  it("shows each item's answers and its own don't-know rate, with reversed items counted as scored", () => {
    const items = score(group).items!;
    expect(items.roles_exceptions).toEqual({
      n: 4,
      counts: [0, 4, 0, 0, 0],
      favourable: 0,
      neutral: 0,
      unfavourable: 1,
      score: 25,
      dontKnowRate: 0.5,
      answers: 8,
    });
    // "I am expected to keep all my old duties…" answered 2 (disagree): scored 4, favourable.
    expect(items.roles_squeezed).toMatchObject({ n: 8, counts: [0, 0, 0, 8, 0], favourable: 1, dontKnowRate: 0 });
  });
});

describe('reliability', () => {
  // operating_impact has three plain items. Rows (1,2,2), (3,3,4), (5,4,5), ten copies each.
  // Item variances (population form) 8/3, 2/3, 14/9, sum 44/9; totals 5, 10, 14 have variance 122/9.
  // alpha = 3/2 (1 - 44/122) = 117/122; replicating rows leaves the ratio unchanged.
  const rows = [
    [1, 2, 2],
    [3, 3, 4],
    [5, 4, 5],
  ];
  const impact = (row: number[]) => ({
    sig_workflow_shorter: row[0]!,
    sig_wait_removed: row[1]!,
    sig_no_senior_check: row[2]!,
  });
  const thirty = Array.from({ length: 30 }, (_, i) => impact(rows[i % 3]!));

  it("computes Cronbach's alpha from complete cases", () => {
    expect(score(thirty).signals.operating_impact!.alpha).toBeCloseTo(117 / 122, 12);
  });

  it('2026.1 (respondent-means): ignores incomplete cases for alpha while scoring them', () => {
    const partial = { sig_workflow_shorter: 1, sig_wait_removed: 5 };
    const r = score([...thirty, partial, partial], CORE_INSTRUMENT).signals.operating_impact!;
    expect(r.n).toBe(32);
    expect(r.alpha).toBeCloseTo(117 / 122, 12);
    expect(r.alphaUnstable).toBeUndefined();
  });

  it('2026.2 (item-means): takes alpha from pairwise covariances, so incomplete cases count, and says when unstable', () => {
    // The two partial rows add (1, 5) to items 1 and 2 only. Item variances over everyone who answered each:
    // 175/62, 55/62, 140/87; covariances over each pair's respondents: (1,2) 65/62, (1,3) 60/29, (2,3) 30/29.
    // alpha = 3/2 · 2Σcov / (Σvar + 2Σcov) = 13437/14696. Those covariances form no covariance matrix (its smallest
    // eigenvalue is −0.032: pairwise deletion mixed two groups of respondents), so alpha is marked unstable.
    const partial = { sig_workflow_shorter: 1, sig_wait_removed: 5 };
    const r = score([...thirty, partial, partial]).signals.operating_impact!;
    expect(r.n).toBe(32);
    expect(r.alpha).toBeCloseTo(13437 / 14696, 12);
    expect(r.alphaUnstable).toBe(true);
    // Without them the same alpha as from complete cases, and stable (half-width ≈ 0.03 at 30).
    const complete = score(thirty).signals.operating_impact!;
    expect(complete.alpha).toBeCloseTo(117 / 122, 12);
    expect(complete.alphaUnstable).toBe(false);
  });

  it('gives no alpha below 30 complete cases (2026.1); 2026.2 gives one from 20 behind every covariance', () => {
    expect(score(thirty.slice(0, 29), CORE_INSTRUMENT).signals.operating_impact!.alpha).toBeNull();
    // 21 rows of the three patterns (7 each): the same alpha, and so high that even n = 21 pins it (half-width 0.03).
    const few = score(thirty.slice(0, 21)).signals.operating_impact!;
    expect(few.alpha).toBeCloseTo(117 / 122, 12);
    expect(few.alphaUnstable).toBe(false);
    expect(score(thirty.slice(0, 19)).signals.operating_impact!.alpha).toBeNull();
  });

  it('2026.2: alpha survives "don\'t know" that leaves too few complete cases for 2026.1', () => {
    // 60 rows; rows 0, 1, 2 of every four each say "don't know" to a different item: 15 complete cases (2026.1 has no
    // alpha), while every pair of items is answered together by 60 − 2·15 = 30.
    const rowsDk = Array.from({ length: 60 }, (_, i) => {
      const row: Record<string, number | 'dk'> = impact(rows[i % 3]!);
      const item = ['sig_workflow_shorter', 'sig_wait_removed', 'sig_no_senior_check'][i % 4];
      if (item) row[item] = 'dk';
      return row;
    });
    expect(score(rowsDk, CORE_INSTRUMENT).signals.operating_impact!.alpha).toBeNull();
    const now = score(rowsDk).signals.operating_impact!;
    expect(now.alpha!).toBeGreaterThan(0.9);
  });

  it('uses Spearman-Brown for a two-item scale', () => {
    // investment: rows (1,2), (3,4), (5,3): deviations (-2,-1), (0,1), (2,0); r = 2 / √(8·2) = 0.5; 2r/(1+r) = 2/3.
    const pairs = [
      [1, 2],
      [3, 4],
      [5, 3],
    ];
    const data = Array.from({ length: 30 }, (_, i) => ({
      sig_tools_provided: pairs[i % 3]![0]!,
      sig_training_pilots: pairs[i % 3]![1]!,
    }));
    expect(score(data).signals.investment!.alpha).toBeCloseTo(2 / 3, 12);
  });

  it('gives no alpha when an item or the total does not vary', () => {
    const flat = Array.from({ length: 30 }, () => impact([3, 3, 3]));
    expect(score(flat).signals.operating_impact!.alpha).toBeNull();
  });
});

describe('capacity decision', () => {
  it('counts and shares the options chosen', () => {
    const r = score(
      [
        { sig_capacity_use: 'profit' },
        { sig_capacity_use: 'profit' },
        { sig_capacity_use: 'undecided' },
        { sig_capacity_use: 'headcount_only' },
        {},
      ],
      CORE_INSTRUMENT,
    ).capacityDecision;
    expect(r.n).toBe(4);
    expect(r.counts).toEqual({
      profit: 2,
      customer_experience: 0,
      organisational_learning: 0,
      headcount_only: 1,
      undecided: 1,
    });
    expect(r.shares.profit).toBe(0.5);
    expect(r.shares.undecided).toBe(0.25);
  });

  it('has all shares 0 when nobody answered', () => {
    const r = score([], CORE_INSTRUMENT).capacityDecision;
    expect(r.n).toBe(0);
    expect(Object.values(r.shares)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts "has leadership decided" apart from what for (2026.2), so one answer never says both', () => {
    const r = score([
      { sig_capacity_decided: 'not_decided', sig_capacity_for: 'not_decided' },
      { sig_capacity_decided: 'decided_not_told', sig_capacity_for: 'dont_know' },
      { sig_capacity_decided: 'decided_told', sig_capacity_for: 'faster_response' },
      { sig_capacity_decided: 'decided_told' },
    ]);
    expect(r.capacityDecided).toEqual({
      n: 4,
      counts: { decided_told: 2, decided_not_told: 1, not_decided: 1, dont_know: 0 },
      shares: { decided_told: 0.5, decided_not_told: 0.25, not_decided: 0.25, dont_know: 0 },
    });
    expect(r.capacityDecision.n).toBe(3);
    expect(r.capacityDecision.counts.faster_response).toBe(1);
    expect(r.capacityDecision.counts.not_decided).toBe(1);
    expect(Object.keys(r.capacityDecision.counts)).toHaveLength(10);
  });

  it('has no "has leadership decided" figures for 2026.1, which never asked it', () => {
    expect(score([{ sig_capacity_use: 'profit' }], CORE_INSTRUMENT).capacityDecided).toBeUndefined();
  });
});

describe('lowestTerms', () => {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  it('reduces a fraction over a product of counts to the lowest terms Euclid gives', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 1n << 400n }),
        fc.array(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
        (seed, factors, shared) => {
          // Numerators sharing factors with the denominator, as the item-means variance's do.
          const num = shared.reduce((n, f) => n * BigInt(f), seed);
          const all = [...factors, ...shared];
          const den = all.reduce((d, f) => d * BigInt(f), 1n);
          const g = gcd(num, den);
          expect(lowestTerms(num, all)).toEqual([num / g, den / g]);
        },
      ),
      { numRuns: 300 },
    );
    expect(lowestTerms(0n, [6, 10])).toEqual([0n, 1n]);
    expect(lowestTerms(12n, [4, 6])).toEqual([1n, 2n]);
  });
});
