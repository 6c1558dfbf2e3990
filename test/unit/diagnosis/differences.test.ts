import { describe, expect, it } from 'vitest';
import { disjointDifference, partDifference, waveChanges } from '../../../shared/diagnosis';
import { CURRENT_INSTRUMENT, LAYERS } from '../../../shared/instrument';
import type { ScaleScore } from '../../../shared/report-model';
import { scoreResponses, tQuantile } from '../../../shared/scoring';
import { PROFILES, simulatePopulation } from '../../../shared/simulation';

const scale = (score: number, n: number, se: number): ScaleScore => ({
  score,
  ci95: null,
  level: null,
  levelName: null,
  n,
  dontKnowRate: 0,
  agreement: null,
  alpha: null,
  sd: se * Math.sqrt(n),
  se,
});

describe('difference intervals', () => {
  it('between two groups with no one in common: Welch, simultaneous over the comparisons', () => {
    // se 3 and 4: se of the difference 5; equal df 29 each gives Satterthwaite df (9 + 16)² / (81/29 + 256/29) = 53.8.
    const d = disjointDifference(scale(60, 30, 3), scale(50, 30, 4), 5)!;
    const q = tQuantile(1 - 0.05 / 10, 625 / (337 / 29));
    expect(d.value).toBe(10);
    expect(d.ci[0]).toBeCloseTo(10 - q * 5, 1);
    expect(d.ci[1]).toBeCloseTo(10 + q * 5, 1);
    expect(d.beyondNoise).toBe(10 - q * 5 > 0);
  });

  it('a part against the whole it belongs to counts the overlap, from the two published standard errors only', () => {
    // w = 20/100: Var(part − whole) = (1 − 0.4) · 5² + 2² = 19.
    const d = partDifference(scale(62, 20, 5), scale(55, 100, 2), 1)!;
    const q = tQuantile(0.975, 19);
    expect(d.ci[1] - d.ci[0]).toBeCloseTo(2 * q * Math.sqrt(19), 1);
    // A part that is the whole has no difference.
    expect(partDifference(scale(55, 100, 2), scale(55, 100, 2), 1)).toBeNull();
  });
});

describe('wave-over-wave change', () => {
  const pairs = 60;
  const wave = (profile: 'middling' | 'cash_poor', seed: number, n: number, shift = 0) => {
    const p = shift
      ? {
          ...PROFILES[profile],
          layers: Object.fromEntries(LAYERS.map((l) => [l, PROFILES[profile].layers[l] + shift])) as never,
        }
      : profile;
    const r = scoreResponses(CURRENT_INSTRUMENT, simulatePopulation(CURRENT_INSTRUMENT, p, { n, seed }).workforce);
    return { ...r.layers, ...r.signals };
  };

  it('with no true change, some layer moves 5 points often, but a marker appears in at most ~5% of wave pairs', () => {
    let moved = 0;
    let marked = 0;
    for (let i = 0; i < pairs; i++) {
      const a = wave('middling', 700 + 2 * i, 20);
      const b = wave('middling', 701 + 2 * i, 20);
      if (LAYERS.some((l) => Math.abs(b[l].score! - a[l].score!) >= 5)) moved++;
      if (Object.values(waveChanges(a, b)).some((d) => d.beyondNoise)) marked++;
    }
    // What a reader sees by eye without intervals: a layer "moving" in a large share of pairs that did not change.
    expect(moved / pairs).toBeGreaterThan(0.3);
    expect(marked / pairs).toBeLessThanOrEqual(0.08);
  });

  it('with every layer 10 points up at n = 100 per wave, the change is marked in most pairs', () => {
    let found = 0;
    for (let i = 0; i < 20; i++) {
      const changes = waveChanges(wave('cash_poor', 800 + i, 100), wave('cash_poor', 900 + i, 100, 10));
      if (LAYERS.some((l) => changes[l]?.beyondNoise)) found++;
    }
    expect(found).toBeGreaterThanOrEqual(16);
  });
});
