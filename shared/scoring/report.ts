import { capacityItem, decidedItem, type Instrument, LAYERS, type Layer } from '../instrument';
import type { CapacityDistribution, GroupReport, ScaleScore } from '../report-model';
import type { SurveyResponse } from '../response';
import { createAccumulator } from './accumulator';
import { InstrumentMismatchError } from './errors';
import type { GroupStats, ScoringOptions } from './group-stats';
import { scaleReport } from './scale-report';

/** Counts per option, in the options' order, with their shares of everyone who answered the item. */
function distribution(options: readonly string[], counts: Record<string, number>): CapacityDistribution {
  const n = options.reduce((sum, o) => sum + counts[o]!, 0);
  return {
    n,
    counts: Object.fromEntries(options.map((o) => [o, counts[o]!])),
    shares: Object.fromEntries(options.map((o) => [o, n === 0 ? 0 : counts[o]! / n])),
  };
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
  return {
    instrument: { id: instrument.id, version: instrument.version },
    n: stats.n,
    layers: Object.fromEntries(LAYERS.map((l) => [l, scaleReport(stats.layers[l])])) as Record<Layer, ScaleScore>,
    signals: Object.fromEntries(Object.entries(stats.signals).map(([s, scale]) => [s, scaleReport(scale)])),
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
