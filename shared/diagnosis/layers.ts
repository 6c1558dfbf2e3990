import { CASCADE, LAYERS, type Layer } from '../instrument';
import type { GroupReport, LayerVerdict } from '../report-model';
import { tQuantile } from '../scoring/t-quantile';
import { type Basis, round1, scaleMeasure } from './criteria';
import { THRESHOLDS as T } from './thresholds';

/**
 * `weak`: the score lies at least the margin below the midpoint (size) and the whole 95% interval below the midpoint
 * (more than noise), so the data rule out "people on average agree the practice exists". `borderline`: below the
 * midpoint, but not both. `sound`: at or above it. `unknown`: fewer respondents with a score than the minimum.
 */
export function layerVerdicts(workforce: GroupReport, basis: number | Basis): Record<Layer, LayerVerdict> {
  const out = {} as Record<Layer, LayerVerdict>;
  for (const layer of LAYERS) {
    const m = scaleMeasure(workforce.layers[layer], basis);
    if (!m) out[layer] = 'unknown';
    else if (m.value >= T.layerWeakBelow) out[layer] = 'sound';
    else if (m.ci && m.ci[1] < T.layerWeakBelow && m.value <= T.layerWeakBelow - T.layerWeakMargin) out[layer] = 'weak';
    else out[layer] = 'borderline';
  }
  return out;
}

/** Weak layers in cascade order (so the first break comes first). */
export function weakLayers(verdicts: Record<Layer, LayerVerdict>): Layer[] {
  return CASCADE.filter((layer) => verdicts[layer] === 'weak');
}

/**
 * Whether two or more weak layers cannot be told apart: every pair closer than the distinct gap, or with a
 * simultaneous 95% interval of the difference (Bonferroni over the pairs) that reaches 0. Errors are taken as
 * independent, which is conservative: layer scores of the same respondents correlate positively. Then no single
 * layer is named the first break: the survey shows where practice is weak, not which broke first.
 */
export function indistinguishable(workforce: GroupReport, weak: readonly Layer[], basis: number | Basis): boolean {
  if (weak.length < 2) return false;
  const m = weak.map((l) => scaleMeasure(workforce.layers[l], basis)!);
  const pairs = (m.length * (m.length - 1)) / 2;
  const df = Math.max(1, Math.min(...m.map((x) => x.df)));
  const q = tQuantile(1 - T.familyAlpha / (2 * pairs), df);
  for (let i = 0; i < m.length; i++) {
    for (let j = i + 1; j < m.length; j++) {
      const d = Math.abs(m[i]!.value - m[j]!.value);
      const se = Math.sqrt(m[i]!.se ** 2 + m[j]!.se ** 2);
      if (d >= T.layerDistinctGap && d - q * se > 0) return false;
    }
  }
  return true;
}

/**
 * The earliest weak layer in the cascade order, not the lowest-scoring one (leadership sees the symptom at the tail);
 * null when no layer is weak, or when the weak layers cannot be told apart (`indistinguishable`).
 */
export function firstBreak(verdicts: Record<Layer, LayerVerdict>, together = false): Layer | null {
  if (together) return null;
  return CASCADE.find((layer) => verdicts[layer] === 'weak') ?? null;
}

/** Leadership minus workforce per layer, for layers both views score (the workforce side under the usual size rule). */
export function leadershipGap(
  workforce: GroupReport,
  leadership: GroupReport | null,
  minGroupSize: number,
): Partial<Record<Layer, number>> | null {
  if (!leadership || leadership.n === 0) return null;
  const gap: Partial<Record<Layer, number>> = {};
  for (const layer of LAYERS) {
    const w = scaleMeasure(workforce.layers[layer], minGroupSize);
    const l = leadership.layers[layer].score;
    if (w && l !== null) gap[layer] = round1(l - w.value);
  }
  return Object.keys(gap).length > 0 ? gap : null;
}
