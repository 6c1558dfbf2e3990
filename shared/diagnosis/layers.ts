import { CASCADE, LAYERS, type Layer } from '../instrument';
import type { GroupReport, LayerVerdict } from '../report-model';
import { round1, scaleMeasure } from './criteria';
import { THRESHOLDS } from './thresholds';

/**
 * `weak`: the whole 95% interval lies below the midpoint, so the data rule out "people on average agree the practice
 * exists". `borderline`: the score is below it but the interval reaches it. `sound`: the score is at or above it.
 * `unknown`: fewer respondents with a score than the minimum group size.
 */
export function layerVerdicts(workforce: GroupReport, minGroupSize: number): Record<Layer, LayerVerdict> {
  const out = {} as Record<Layer, LayerVerdict>;
  for (const layer of LAYERS) {
    const m = scaleMeasure(workforce.layers[layer], minGroupSize);
    if (!m) out[layer] = 'unknown';
    else if (m.value >= THRESHOLDS.layerWeakBelow) out[layer] = 'sound';
    else if (m.ci && m.ci[1] < THRESHOLDS.layerWeakBelow) out[layer] = 'weak';
    else out[layer] = 'borderline';
  }
  return out;
}

/** The earliest weak layer in the cascade order, not the lowest-scoring one: leadership sees the symptom at the tail. */
export function firstBreak(verdicts: Record<Layer, LayerVerdict>): Layer | null {
  return CASCADE.find((layer) => verdicts[layer] === 'weak') ?? null;
}

/** Weak layers in cascade order (so the first break comes first). */
export function weakLayers(verdicts: Record<Layer, LayerVerdict>): Layer[] {
  return CASCADE.filter((layer) => verdicts[layer] === 'weak');
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
