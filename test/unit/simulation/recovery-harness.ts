// Shared by the recovery test and by `npx tsx test/unit/simulation/recovery-table.ts` (the wider table in METHOD.md).

import { readinessReport } from '../../../shared/diagnosis';
import { CURRENT_INSTRUMENT, LAYERS, type Layer } from '../../../shared/instrument';
import type { DiagnosisCode } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { scoreResponses } from '../../../shared/scoring';
import { expectedScores, type ProfileName, simulatePopulation } from '../../../shared/simulation';

export const CODES: readonly DiagnosisCode[] = ['cash_rich_trap', 'cash_poor_trap', 'boss_b_trap', 'replacement_only'];

export interface RecoveryRun {
  profile: ProfileName;
  n: number;
  populations: number;
  /** Share of populations in which each diagnosis was asserted. */
  rates: Record<DiagnosisCode, number>;
  /** Share of populations with no diagnosis at all. */
  none: number;
  /** Over populations x layers: share within ±5 points of truth, mean error, mean |error|, 95% CI coverage. */
  within5: number;
  meanError: number;
  meanAbsError: number;
  coverage: number;
  /** Per layer, the mean error over populations (bias) and the largest |error| seen. */
  meanErrorByLayer: Record<Layer, number>;
  maxAbsError: Record<Layer, number>;
  /** How often each layer was named the first break. */
  firstBreak: Partial<Record<Layer | 'none', number>>;
  /** Populations where some layer scored below 50 at all: how often a point-estimate rule would name a first break. */
  anyPointBelow50: number;
}

export interface RecoveryOptions {
  seed?: number;
  /** Applied to every workforce response before scoring: lets a test show the check catches a broken pipeline. */
  mutate?: (r: SurveyResponse) => SurveyResponse;
  /** Size of the simulated leadership team (default 3). */
  leadershipN?: number;
}

export function runRecovery(
  profile: ProfileName,
  n: number,
  populations: number,
  options: RecoveryOptions = {},
): RecoveryRun {
  const seed0 = options.seed ?? 1;
  const mutate = options.mutate ?? ((r: SurveyResponse) => r);
  const truth = expectedScores(CURRENT_INSTRUMENT, profile);
  const counts = Object.fromEntries(CODES.map((c) => [c, 0])) as Record<DiagnosisCode, number>;
  const maxAbsError = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const layerErrSum = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const layerCells = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const firstBreak: Partial<Record<Layer | 'none', number>> = {};
  let none = 0;
  let anyBelow = 0;
  let within = 0;
  let covered = 0;
  let errSum = 0;
  let absSum = 0;
  let cells = 0;
  for (let i = 0; i < populations; i++) {
    const pop = simulatePopulation(CURRENT_INSTRUMENT, profile, {
      n,
      seed: seed0 * 1_000_003 + i,
      leadershipN: options.leadershipN ?? 3,
    });
    const workforce = scoreResponses(CURRENT_INSTRUMENT, pop.workforce.map(mutate));
    const leadership = scoreResponses(CURRENT_INSTRUMENT, pop.leadership);
    const report = readinessReport({
      instrument: CURRENT_INSTRUMENT,
      workforce,
      leadership,
      byLevel: {},
      profile: null,
      minGroupSize: 5,
    });
    for (const d of report.diagnoses) counts[d.code]++;
    if (report.diagnoses.length === 0) none++;
    const fb = report.firstBreak ?? 'none';
    firstBreak[fb] = (firstBreak[fb] ?? 0) + 1;
    if (LAYERS.some((l) => (workforce.layers[l].score ?? 100) < 50)) anyBelow++;
    for (const layer of LAYERS) {
      const s = workforce.layers[layer];
      if (s.score === null) continue;
      const err = s.score - truth.layers[layer];
      cells++;
      errSum += err;
      absSum += Math.abs(err);
      if (Math.abs(err) <= 5) within++;
      if (s.ci95 && s.ci95[0] <= truth.layers[layer] && truth.layers[layer] <= s.ci95[1]) covered++;
      maxAbsError[layer] = Math.max(maxAbsError[layer], Math.abs(err));
      layerErrSum[layer] += err;
      layerCells[layer]++;
    }
  }
  return {
    profile,
    n,
    populations,
    rates: Object.fromEntries(CODES.map((c) => [c, counts[c] / populations])) as Record<DiagnosisCode, number>,
    none: none / populations,
    within5: within / cells,
    meanError: errSum / cells,
    meanAbsError: absSum / cells,
    coverage: covered / cells,
    meanErrorByLayer: Object.fromEntries(LAYERS.map((l) => [l, layerErrSum[l] / layerCells[l]])) as Record<
      Layer,
      number
    >,
    maxAbsError,
    firstBreak,
    anyPointBelow50: anyBelow / populations,
  };
}
