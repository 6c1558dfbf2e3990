// Honest uncertainty, in the suite: calibrated confidence, the diagnosis minimum, a single leader's answer noise,
// "don't know" on the hard items, and reliability under "don't know". Small seeded copies of recovery-table.ts.

import { describe, expect, it } from 'vitest';
import { CALIBRATION, MAX_CONFIDENCE, THRESHOLDS } from '../../../shared/diagnosis';
import { CURRENT_INSTRUMENT, type Instrument, LAYERS } from '../../../shared/instrument';
import { scoreResponses } from '../../../shared/scoring';
import { createRng, expectedScores, PROFILES, type ProfileName, simulatePopulation } from '../../../shared/simulation';
import { CODES, jitteredProfile, runRecovery, type SupportRecord } from './recovery-harness';

const I = CURRENT_INSTRUMENT;

describe('calibrated confidence', () => {
  it('is never overstated: of diagnoses shown at a confidence, at least about that share truly hold', () => {
    const rng = createRng(404);
    const records: SupportRecord[] = [];
    const bases: ProfileName[] = ['cash_rich', 'cash_poor', 'boss_b', 'replacement_only', 'klarna_speed', 'middling'];
    for (const base of bases) {
      for (let j = 0; j < 10; j++) {
        const n = [20, 35, 50, 100][j % 4]!;
        records.push(
          ...runRecovery(
            jitteredProfile(PROFILES[base], () => rng.uniform()),
            n,
            1,
            { seed: 50 + j },
          ).supports,
        );
      }
    }
    expect(records.length).toBeGreaterThan(40);
    for (const r of records) expect(r.confidence).toBeLessThanOrEqual(MAX_CONFIDENCE);
    for (const bin of CALIBRATION) {
      const inBin = records.filter((r) => r.confidence === bin.confidence);
      if (inBin.length < 15) continue;
      const held = inBin.filter((r) => r.truth).length / inBin.length;
      expect({ confidence: bin.confidence, held: held >= bin.confidence - 0.12 }).toEqual({
        confidence: bin.confidence,
        held: true,
      });
    }
  });
});

describe('the diagnosis minimum', () => {
  it(`at ${THRESHOLDS.diagnosisMinN} respondents no diagnosis is falsely asserted in more than 5% of populations; below it none is`, () => {
    for (const p of ['balanced', 'middling', 'cash_poor', 'boss_b', 'overlap'] as const) {
      const at = runRecovery(p, THRESHOLDS.diagnosisMinN, 30, { minGroupSize: 3 });
      for (const c of CODES) if (!Number.isNaN(at.falseFlags[c])) expect(at.falseFlags[c]).toBeLessThanOrEqual(0.05);
      expect(at.withheld).toBe(0);
      const below = runRecovery(p, THRESHOLDS.diagnosisMinN - 1, 5, { minGroupSize: 3 });
      expect(below.withheld).toBe(1);
    }
  });

  it('counts a survey of most of a small organisation for more: the finite-population correction', () => {
    // 15 of 25 answering: variance factor 0.7 · 10/24 + 0.3 = 0.592, worth 25 respondents from a large organisation.
    const small = runRecovery('cash_poor', 15, 10, { orgProfile: { headcount: { total: 25 } } });
    expect(small.withheld).toBe(0);
    expect(runRecovery('cash_poor', 15, 3).withheld).toBe(1);
  });
});

describe('Boss B with a single executive', () => {
  it.each(['balanced', 'middling', 'cash_poor'] as const)(
    '%s: one leader’s own answer noise does not make the trap (at most 5% false)',
    (p) => {
      const r = runRecovery(p, 50, 40, { leadershipN: 1, seed: 77 });
      expect(r.falseFlags.boss_b_trap).toBeLessThanOrEqual(0.05);
    },
  );
});

describe('"don\'t know" on the hard items', () => {
  it('lifts a respondent-means score by points, while the item-means score of 2026.2 stays on the truth', () => {
    const respondentMeans: Instrument = { ...I, scoring: 'respondent-means' };
    const truth = expectedScores(I, 'dk_hard').layers.governance;
    const bias = (inst: Instrument) => {
      let sum = 0;
      for (let i = 0; i < 40; i++)
        sum += scoreResponses(inst, simulatePopulation(I, 'dk_hard', { n: 50, seed: 600 + i }).workforce).layers
          .governance.score!;
      return sum / 40 - truth;
    };
    // 200 populations (recovery-table.ts): +4.2 against +0.6; the rest of the item-means error is the careless
    // respondents, who answer the hard items too and so weigh a little more among those who did.
    expect(bias(respondentMeans)).toBeGreaterThan(3);
    expect(Math.abs(bias(I))).toBeLessThan(1.5);
  });

  it('shows each item’s own don’t-know rate, so the reader sees where people cannot answer', () => {
    const r = scoreResponses(I, simulatePopulation(I, 'dk_hard', { n: 200, seed: 9 }).workforce);
    expect(r.items!.gov_rollback_threshold!.dontKnowRate).toBeGreaterThan(0.4);
    expect(r.items!.gov_permissions!.dontKnowRate).toBeLessThan(0.15);
  });
});

describe('reliability under "don\'t know"', () => {
  it('2026.2 takes alpha from pairwise covariances, where complete cases leave most layers without one', () => {
    const completeCases: Instrument = { ...I, scoring: 'respondent-means' };
    const shown = (inst: Instrument) => {
      let count = 0;
      for (let i = 0; i < 20; i++) {
        const r = scoreResponses(
          inst,
          simulatePopulation(I, 'balanced', { n: 40, seed: 700 + i, noise: { dontKnow: 0.1 } }).workforce,
        );
        count += LAYERS.filter((l) => r.layers[l].alpha !== null).length;
      }
      return count / (20 * LAYERS.length);
    };
    expect(shown(completeCases)).toBeLessThan(0.5);
    expect(shown(I)).toBeGreaterThan(0.9);
  });
});
