import { capacityItem, decidedItem, type Instrument, LAYERS, type Layer } from '../instrument';
import type { CapacityDistribution, GroupReport, ItemScore, ScaleScore } from '../report-model';
import type { SurveyResponse } from '../response';
import { createAccumulator } from './accumulator';
import { InstrumentMismatchError } from './errors';
import type { GroupStats, ScaleStats, ScoringOptions } from './group-stats';
import { scaleReport } from './scale-report';
import { scalesOf } from './scales';

/** Counts per option, in the options' order, with their shares of everyone who answered the item. */
function distribution(options: readonly string[], counts: Record<string, number>): CapacityDistribution {
  const n = options.reduce((sum, o) => sum + counts[o]!, 0);
  return {
    n,
    counts: Object.fromEntries(options.map((o) => [o, counts[o]!])),
    shares: Object.fromEntries(options.map((o) => [o, n === 0 ? 0 : counts[o]! / n])),
  };
}

/** Per-question results of one scale's items (ScaleStats.values: scored values, so 4–5 is always favourable). */
function itemScores(stats: ScaleStats, ids: readonly string[], into: Record<string, ItemScore>): void {
  ids.forEach((id, i) => {
    const counts = stats.values[i]!;
    const n = counts.reduce((a, b) => a + b, 0);
    const share = (from: number, to: number) =>
      n === 0 ? null : counts.slice(from, to).reduce((a, b) => a + b, 0) / n;
    const answers = stats.itemAnswers[i]!;
    into[id] = {
      n,
      counts: [...counts],
      favourable: share(3, 5),
      neutral: share(2, 3),
      unfavourable: share(0, 2),
      score: n === 0 ? null : ((stats.items.sum[i]! / n - 1) / 4) * 100,
      dontKnowRate: answers === 0 ? 0 : stats.itemDontKnow[i]! / answers,
      answers,
    };
  });
}

/** The group report from statistics: a pure function, equal to scoring the responses from scratch. */
export function report(instrument: Instrument, stats: GroupStats): GroupReport {
  if (stats.instrument.id !== instrument.id || stats.instrument.version !== instrument.version) {
    throw new InstrumentMismatchError(
      `statistics are for ${stats.instrument.id}@${stats.instrument.version}, not ${instrument.id}@${instrument.version}`,
    );
  }
  const capacityOptions = capacityItem(instrument)?.options.map((o) => o.id) ?? [];
  const decided = decidedItem(instrument);
  const { flagged, straightLining, tooFast } = stats.quality;
  const method = instrument.scoring ?? 'respondent-means';
  const items: Record<string, ItemScore> = {};
  for (const scale of scalesOf(instrument)) {
    const s = scale.kind === 'layer' ? stats.layers[scale.key] : stats.signals[scale.key];
    if (s)
      itemScores(
        s,
        scale.items.map((i) => i.id),
        items,
      );
  }
  return {
    instrument: { id: instrument.id, version: instrument.version },
    n: stats.n,
    layers: Object.fromEntries(LAYERS.map((l) => [l, scaleReport(stats.layers[l], method)])) as Record<
      Layer,
      ScaleScore
    >,
    signals: Object.fromEntries(Object.entries(stats.signals).map(([s, scale]) => [s, scaleReport(scale, method)])),
    capacityDecision: distribution(capacityOptions, stats.capacity),
    quality: { flagged, straightLining, tooFast, excluded: stats.excludeFlagged },
    ...(decided && stats.decided
      ? {
          capacityDecided: distribution(
            decided.options.map((o) => o.id),
            stats.decided,
          ),
        }
      : {}),
    items,
  };
}

/** Folds the responses from scratch and reports them. */
export function scoreResponses(
  instrument: Instrument,
  responses: Iterable<SurveyResponse>,
  options: ScoringOptions = {},
): GroupReport {
  const accumulator = createAccumulator(instrument, options);
  for (const r of responses) accumulator.add(r);
  return report(instrument, accumulator.toStats());
}
