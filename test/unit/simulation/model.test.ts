import { describe, expect, it } from 'vitest';
import {
  CURRENT_INSTRUMENT,
  DONT_KNOW,
  isLikert,
  LAYERS,
  type LikertItem,
  layerItems,
  likertSignalsOf,
  signalItems,
} from '../../../shared/instrument';
import { answerIssues, type SurveyResponse } from '../../../shared/response';
import { qualityFlags } from '../../../shared/scoring';
import {
  DEFAULT_NOISE,
  expectedRoundedAnswer,
  expectedScores,
  PROFILES,
  simulatePopulation,
  simulationCsv,
} from '../../../shared/simulation';

const I = CURRENT_INSTRUMENT;

/** A deliberately naive scorer, independent of shared/scoring: mean of flipped answers, at least half answered. */
function referenceScore(items: readonly LikertItem[], responses: readonly SurveyResponse[]): number {
  let total = 0;
  let n = 0;
  for (const r of responses) {
    const values = items
      .map((it) => r.answers[it.id])
      .map((v, i) => (typeof v === 'number' ? (items[i]!.reverse ? 6 - v : v) : null))
      .filter((v): v is number => v !== null);
    if (2 * values.length < items.length) continue;
    total += ((values.reduce((a, b) => a + b, 0) / values.length - 1) / 4) * 100;
    n++;
  }
  return total / n;
}

describe('simulatePopulation', () => {
  const pop = simulatePopulation(I, 'boss_b', { n: 400, seed: 11 });

  it('is a pure function of its seed', () => {
    expect(simulatePopulation(I, 'boss_b', { n: 400, seed: 11 })).toEqual(pop);
    expect(simulatePopulation(I, 'boss_b', { n: 400, seed: 12 }).workforce).not.toEqual(pop.workforce);
  });

  it('gives valid responses for the instrument, with segments, durations and a leadership view', () => {
    expect(pop.workforce).toHaveLength(400);
    expect(pop.leadership).toHaveLength(3);
    for (const r of [...pop.workforce, ...pop.leadership]) {
      expect(answerIssues(I, r.answers)).toEqual([]);
      expect(r.durationS).toBeGreaterThan(0);
      expect(r.department).not.toBeNull();
    }
    expect(pop.leadership.every((r) => r.level === 'executive')).toBe(true);
    const levels = new Set(pop.workforce.map((r) => r.level));
    expect(levels).toEqual(new Set(['frontline', 'manager', 'executive']));
    const frontline = pop.workforce.filter((r) => r.level === 'frontline').length / 400;
    expect(frontline).toBeGreaterThan(0.6);
    expect(frontline).toBeLessThan(0.8);
  });

  it('has some "don\'t know", more on governance, and careless respondents the engine flags', () => {
    const dkShare = (items: readonly LikertItem[]) => {
      const answers = pop.workforce.flatMap((r) => items.map((it) => r.answers[it.id]));
      return answers.filter((a) => a === DONT_KNOW).length / answers.length;
    };
    expect(dkShare(layerItems(I, 'roles'))).toBeGreaterThan(0.02);
    expect(dkShare(layerItems(I, 'governance'))).toBeGreaterThan(dkShare(layerItems(I, 'roles')));
    const flagged = pop.workforce.filter((r) => {
      const f = qualityFlags(I, r);
      return f.straightLining || f.tooFast;
    }).length;
    expect(flagged).toBeGreaterThan(4); // 5% careless of 400: about 20
    expect(flagged).toBeLessThan(45);
  });

  it('records reverse-worded items flipped: agreeing with them means the practice is missing', () => {
    // Healthy organisation: forward items are agreed with, the reverse item of the same layer is disagreed with.
    const healthy = simulatePopulation(I, 'balanced', { n: 300, seed: 5 });
    const mean = (id: string) => {
      const xs = healthy.workforce.map((r) => r.answers[id]).filter((v): v is number => typeof v === 'number');
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('kn_where_to_look')).toBeGreaterThan(3.3);
    expect(mean('kn_ask_senior')).toBeLessThan(2.9);
  });

  it('shifts the leadership view by the profile', () => {
    const big = simulatePopulation(I, 'boss_b', { n: 0, seed: 2, leadershipN: 300 });
    expect(referenceScore(layerItems(I, 'knowledge'), big.leadership)).toBeGreaterThan(
      referenceScore(layerItems(I, 'knowledge'), pop.workforce) + 20,
    );
  });
});

describe('expectedScores (the truth the recovery test measures against)', () => {
  it('E[rounded, clamped answer] matches known limits', () => {
    expect(expectedRoundedAnswer(3, 0.01)).toBeCloseTo(3, 9);
    expect(expectedRoundedAnswer(3, 1)).toBeCloseTo(3, 9); // symmetric around the midpoint
    expect(expectedRoundedAnswer(1, 1)).toBeGreaterThan(1); // clamping lifts the floor
    expect(expectedRoundedAnswer(5, 1)).toBeLessThan(5);
  });

  it('equals a huge-sample estimate from a naive scorer, scale by scale', () => {
    const m = 16_000;
    for (const profile of ['cash_poor', 'balanced'] as const) {
      const { workforce } = simulatePopulation(I, profile, { n: m, seed: 99, leadershipN: 0 });
      const truth = expectedScores(I, profile);
      // Sampling SE at this size is about 0.14 points: 0.6 is more than four of them.
      for (const l of LAYERS)
        expect(Math.abs(referenceScore(layerItems(I, l), workforce) - truth.layers[l])).toBeLessThan(0.6);
      for (const s of likertSignalsOf(I))
        expect(Math.abs(referenceScore(signalItems(I, s), workforce) - truth.signals[s]!)).toBeLessThan(0.6);
    }
  });

  it('is not just the latent level: clamping, careless answers and reverse misreading move it', () => {
    const truth = expectedScores(I, 'cash_poor');
    expect(truth.signals.knowledge_ledger).toBeGreaterThan(PROFILES.cash_poor.signals.knowledge_ledger + 1);
    const clean = expectedScores(I, 'cash_poor', { straightLining: 0, speeding: 0, reverseMisresponse: 0 });
    expect(Math.abs(clean.layers.knowledge - truth.layers.knowledge)).toBeGreaterThan(0.5);
    expect(DEFAULT_NOISE.reverseMisresponse).toBe(0.2);
  });
});

describe('simulationCsv', () => {
  const { workforce } = simulatePopulation(I, 'cash_rich', { n: 30, seed: 4 });
  const csv = simulationCsv(I, workforce);
  const lines = csv.trimEnd().split('\n');

  it('writes the header the CLI reads and one row per response', () => {
    expect(lines[0]).toBe(['level', 'department', 'duration_s', ...I.items.map((i) => i.id)].join(','));
    expect(lines).toHaveLength(31);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('round-trips: parsing the rows back gives the same responses', () => {
    const header = lines[0]!.split(',');
    const parsed = lines.slice(1).map((line): SurveyResponse => {
      const cells = line.split(',');
      const answers: SurveyResponse['answers'] = {};
      I.items.forEach((item, i) => {
        const v = cells[3 + i]!;
        if (v === '') return;
        answers[item.id] = isLikert(item) && v !== DONT_KNOW ? Number(v) : v;
      });
      expect(cells).toHaveLength(header.length);
      return {
        answers,
        level: cells[0] as SurveyResponse['level'],
        department: cells[1] || null,
        durationS: Number(cells[2]),
      };
    });
    expect(parsed).toEqual(workforce);
  });

  it('quotes a department with a comma or a quote, and leaves unknowns empty', () => {
    const out = simulationCsv(I, [
      { answers: { roles_split: 4, kn_ask_senior: 'dk' }, level: 'manager', department: 'R&D, "Labs"' },
    ]);
    const row = out.trimEnd().split('\n')[1]!;
    expect(row.startsWith('manager,"R&D, ""Labs""",,4,')).toBe(true);
    expect(row).toContain(',dk,');
  });
});
