import {
  CAPACITY_OPTIONS,
  type CapacityOption,
  type Instrument,
  LAYERS,
  type Layer,
  LIKERT_SIGNALS,
  type LikertSignal,
} from '../instrument';
import type { GroupReport, ScaleScore } from '../report-model';
import type { SurveyResponse } from '../response';
import { createAccumulator } from './accumulator';
import { InstrumentMismatchError } from './errors';
import type { GroupStats, ScoringOptions } from './group-stats';
import { scaleReport } from './scale-report';

/** The group report from statistics: a pure function, equal to scoring the responses from scratch. */
export function report(instrument: Instrument, stats: GroupStats): GroupReport {
  if (stats.instrument.id !== instrument.id || stats.instrument.version !== instrument.version) {
    throw new InstrumentMismatchError(
      `statistics are for ${stats.instrument.id}@${stats.instrument.version}, not ${instrument.id}@${instrument.version}`,
    );
  }
  const capacityN = CAPACITY_OPTIONS.reduce((sum, o) => sum + stats.capacity[o], 0);
  const option = <T>(f: (o: CapacityOption) => T) =>
    Object.fromEntries(CAPACITY_OPTIONS.map((o) => [o, f(o)])) as Record<CapacityOption, T>;
  const { flagged, straightLining, tooFast } = stats.quality;
  return {
    instrument: { id: instrument.id, version: instrument.version },
    n: stats.n,
    layers: Object.fromEntries(LAYERS.map((l) => [l, scaleReport(stats.layers[l])])) as Record<Layer, ScaleScore>,
    signals: Object.fromEntries(LIKERT_SIGNALS.map((s) => [s, scaleReport(stats.signals[s])])) as Record<
      LikertSignal,
      ScaleScore
    >,
    capacityDecision: {
      n: capacityN,
      counts: option((o) => stats.capacity[o]),
      shares: option((o) => (capacityN === 0 ? 0 : stats.capacity[o] / capacityN)),
    },
    quality: { flagged, straightLining, tooFast, excluded: stats.excludeFlagged },
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
