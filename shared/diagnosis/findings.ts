// Findings beside the traps (docs/METHOD.md §5.6): what the answers say that no trap rule covers, and what changes how
// the rest of the report must be read. Each works only from figures the report publishes.

import { type Instrument, LAYERS, type Layer, likertSignalsOf } from '../instrument';
import type { Evidence, Finding, GroupReport } from '../report-model';
import { disjointDifference } from './differences';
import { part, withNote } from './evidence-notes';
import { carelessText, finding, invisibleText, polarisedText } from './texts';
import { THRESHOLDS as T } from './thresholds';

/** How flagged responses bear on the diagnosis: none, a caution on every diagnosis, or no diagnosis at all. */
export type CarelessEffect = 'none' | 'caution' | 'withheld';

/** Flagged (careless) responses: a lead finding from FLAGGED_SHARE_CAUTION on; withheld from the higher share. */
export function carelessFinding(workforce: GroupReport): { finding: Finding | null; effect: CarelessEffect } {
  const q = workforce.quality;
  // Excluded responses are not in n; kept ones are.
  const total = q.excluded ? workforce.n + q.flagged : workforce.n;
  const share = total === 0 ? 0 : q.flagged / total;
  if (share < T.flaggedShareCaution) return { finding: null, effect: 'none' };
  const effect: CarelessEffect = q.excluded ? 'none' : share >= T.flaggedShareWithhold ? 'withheld' : 'caution';
  const evidence = withNote<Evidence>(
    {
      source: 'quality:flagged_share',
      value: Math.round(share * 1000) / 1000,
      threshold: effect === 'withheld' ? T.flaggedShareWithhold : T.flaggedShareCaution,
      comparison: '>=',
      met: true,
    },
    [part('responses_flagged', { flagged: q.flagged, total, straightLining: q.straightLining, tooFast: q.tooFast })],
  );
  const mode = q.excluded ? 'excluded' : effect === 'withheld' ? 'withheld' : 'caution';
  return {
    finding: finding(
      'careless_responses',
      true,
      carelessText(q.flagged, total, q.straightLining, q.tooFast, mode, workforce.n),
      [evidence],
    ),
    effect,
  };
}

/** Scales where most answers were "don't know": practices people cannot see. Leads when it is every layer. */
export function invisibleFinding(instrument: Instrument, workforce: GroupReport): Finding | null {
  const scales: { source: string; rate: number }[] = [];
  for (const layer of LAYERS) {
    const s = workforce.layers[layer];
    if (s.dontKnowRate >= T.dontKnowInvisible) scales.push({ source: `layer:${layer}`, rate: s.dontKnowRate });
  }
  const everyLayer = scales.length === LAYERS.length;
  for (const signal of likertSignalsOf(instrument)) {
    const s = workforce.signals[signal];
    if (s && s.dontKnowRate >= T.dontKnowInvisible) scales.push({ source: `signal:${signal}`, rate: s.dontKnowRate });
  }
  if (scales.length === 0) return null;
  const evidence: Evidence[] = scales.map((s) =>
    withNote<Evidence>(
      {
        source: s.source,
        value: Math.round(s.rate * 1000) / 1000,
        threshold: T.dontKnowInvisible,
        comparison: '>=',
        met: true,
      },
      [part('dont_know_share')],
    ),
  );
  return finding('practices_invisible', everyLayer, invisibleText(scales, everyLayer, instrument), evidence);
}

/**
 * Departments at least a full answer point apart on a layer, beyond noise (simultaneous over every pair of published
 * departments and layer): one finding per such layer, naming the pair furthest apart. Published departments only,
 * with the layer scores they publish.
 */
export function polarisedFindings(
  instrument: Instrument,
  workforce: GroupReport,
  byDepartment: Readonly<Record<string, GroupReport>>,
): Finding[] {
  const departments = Object.entries(byDepartment).filter(([, r]) => r.n > 0);
  const pairs: { layer: Layer; a: string; b: string }[] = [];
  for (const layer of LAYERS) {
    for (let i = 0; i < departments.length; i++) {
      for (let j = i + 1; j < departments.length; j++) {
        const [a, ra] = departments[i]!;
        const [b, rb] = departments[j]!;
        if (ra.layers[layer].score !== null && rb.layers[layer].score !== null) pairs.push({ layer, a, b });
      }
    }
  }
  const out: Finding[] = [];
  for (const layer of LAYERS) {
    let best: { hi: string; lo: string; gap: number; ci: [number, number] } | null = null;
    for (const p of pairs.filter((x) => x.layer === layer)) {
      const d = disjointDifference(byDepartment[p.a]!.layers[layer], byDepartment[p.b]!.layers[layer], pairs.length);
      if (!d?.beyondNoise || Math.abs(d.value) < T.polarisedGap) continue;
      if (best === null || Math.abs(d.value) > best.gap) {
        const [hi, lo] = d.value > 0 ? [p.a, p.b] : [p.b, p.a];
        const ci: [number, number] = d.value > 0 ? d.ci : [-d.ci[1], -d.ci[0]];
        best = { hi, lo, gap: Math.abs(d.value), ci };
      }
    }
    const total = workforce.layers[layer].score;
    if (!best || total === null) continue;
    const high = { name: best.hi, score: byDepartment[best.hi]!.layers[layer].score! };
    const low = { name: best.lo, score: byDepartment[best.lo]!.layers[layer].score! };
    out.push(
      finding('polarised_departments', false, polarisedText(layer, high, low, total, instrument), [
        withNote<Evidence>(
          {
            source: `departments:${layer}`,
            value: best.gap,
            threshold: T.polarisedGap,
            comparison: '>=',
            met: true,
          },
          [
            part('departments_apart', { high: best.hi, low: best.lo }),
            part('simultaneous_interval', { lo: best.ci[0], hi: best.ci[1], comparisons: pairs.length }),
          ],
        ),
      ]),
    );
  }
  return out;
}
