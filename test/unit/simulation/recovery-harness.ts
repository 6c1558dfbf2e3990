// Shared by the recovery tests and by `npx tsx test/unit/simulation/recovery-table.ts` (the tables in METHOD.md).
// Every population is scored by the engine and diagnosed by the report's rules, and compared with what truly holds
// for it (shared/simulation/truth.ts: the same rules on the generating model's expected report, the leaders' true
// view included), so "found", "false flag" and "calibrated" all mean against the truth, not against a label.

import { readinessReport } from '../../../shared/diagnosis';
import { CASCADE, CURRENT_INSTRUMENT, type Instrument, LAYERS, type Layer } from '../../../shared/instrument';
import { emptyLedgerStats, ledgerDesignFor, ledgerReport } from '../../../shared/ledger';
import type { OrgProfile } from '../../../shared/profile';
import type { DiagnosisCode, ReadinessReport } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { createAccumulator, report as scoreReport, scoreResponses } from '../../../shared/scoring';
import {
  expectedScores,
  ledgerProfileFor,
  type NoiseModel,
  PROFILES,
  type ProfileName,
  type RegisterMode,
  simulatePopulation,
  simulateRegister,
  type TrapProfile,
  truthOf,
  withLedgers,
} from '../../../shared/simulation';

/** The holders the simulated ledgers name (TYPICAL_LEDGER), as the campaign's departments. */
const DEPARTMENTS = ['Finance', 'IT', 'Operations', 'Sales'];

export const CODES: readonly DiagnosisCode[] = [
  'cash_rich_trap',
  'cash_poor_trap',
  'boss_b_trap',
  'replacement_only',
  'human_exit_missing',
];

/**
 * `exact`: the truth's first break, or "several together" where the truth has them too; `together`: "several
 * together" with the truth's first break among them (honest about what the sample can tell); `picked`: one layer of
 * the truth's "several together" named (the sample separated what the truth does not); `near`: a layer named that
 * is borderline at truth and earlier in the cascade than the truth's first break (a layer that sits on the cut fell
 * on the other side of it); `wrong`: any other layer named (sound at truth, or later than a truly weak one);
 * `missed`: nothing named where the truth has a break (the conservative error).
 */
export type FirstBreakOutcome = 'exact' | 'together' | 'picked' | 'near' | 'missed' | 'wrong';

/** How a report's first break compares with the truth's. */
export function firstBreakOutcome(report: ReadinessReport, truth: ReadinessReport): FirstBreakOutcome {
  const named = report.firstBreak;
  const truthTogether = (truth.weakTogether ?? []).length > 0;
  const reportTogether = (report.weakTogether ?? []).length > 0;
  if (named !== null) {
    if (named === truth.firstBreak) return 'exact';
    if (truthTogether && truth.weakTogether!.includes(named)) return 'picked';
    const truthFirst = truth.firstBreak ?? truth.weakTogether?.[0] ?? null;
    const earlier = truthFirst === null || CASCADE.indexOf(named) < CASCADE.indexOf(truthFirst);
    return truth.layerVerdicts?.[named] === 'borderline' && earlier ? 'near' : 'wrong';
  }
  if (reportTogether) {
    if (truthTogether) return 'exact';
    // "Several weak together", the true first break among them: honest about what the data can tell.
    return truth.firstBreak !== null && report.weakTogether!.includes(truth.firstBreak) ? 'together' : 'wrong';
  }
  return truth.firstBreak === null && !truthTogether ? 'exact' : 'missed';
}

export interface SupportRecord {
  code: DiagnosisCode;
  support: number;
  confidence: number;
  truth: boolean;
  n: number;
}

export interface RecoveryRun {
  profile: string;
  n: number;
  populations: number;
  /** Share of populations in which each diagnosis was asserted. */
  rates: Record<DiagnosisCode, number>;
  /** Share of populations for which each diagnosis truly holds. */
  truth: Record<DiagnosisCode, number>;
  /** Asserted among the populations where it truly holds (NaN where it never does). */
  sensitivity: Record<DiagnosisCode, number>;
  /** Asserted among the populations where it does not hold (NaN where it always does). */
  falseFlags: Record<DiagnosisCode, number>;
  /** Share of populations with no diagnosis at all. */
  none: number;
  /** Share of populations where the diagnosis was withheld (too few effective respondents, or flagged answers). */
  withheld: number;
  /** Over populations x layers: share within ±5 points of truth, mean error, mean |error|, 95% CI coverage. */
  within5: number;
  meanError: number;
  meanAbsError: number;
  coverage: number;
  /** Per layer, the mean error over populations (bias) and the largest |error| seen. */
  meanErrorByLayer: Record<Layer, number>;
  maxAbsError: Record<Layer, number>;
  /** First break against the truth's (firstBreakOutcome), as shares. */
  firstBreak: Record<FirstBreakOutcome, number>;
  /** How often each layer was named the first break ('together': several weak, none named). */
  named: Partial<Record<Layer | 'none' | 'together', number>>;
  /** Populations where some layer scored below 50 at all: how often a point-estimate rule would name a first break. */
  anyPointBelow50: number;
  /** Every pattern met with support from 0.5 (asserted), with whether it truly holds: the calibration data. */
  supports: SupportRecord[];
}

export interface RecoveryOptions {
  seed?: number;
  /** Applied to every workforce response before scoring: lets a test show the check catches a broken pipeline. */
  mutate?: (r: SurveyResponse) => SurveyResponse;
  /** Size of the simulated leadership team (default 3; 0 for none). */
  leadershipN?: number;
  instrument?: Instrument;
  /** The organisation profile (a fact the report and the truth both read); its headcount brings the correction. */
  orgProfile?: OrgProfile | null;
  noise?: Partial<NoiseModel>;
  /** Minimum group size (privacy), default 5. */
  minGroupSize?: number;
  /** Diagnosis minimum, default THRESHOLDS.diagnosisMinN (the table that chooses it sets others). */
  diagnosisMinN?: number;
  /**
   * Respondents keep ledgers that follow the profile's truth (ledgerProfileFor), and the report weighs them: the
   * instrument must have a ledger step. Off by default, so the tables without ledgers stay as they are.
   */
  ledgers?: boolean;
  /** The organisation keeps a stage-two register of this kind (shared/simulation/register.ts) and the report weighs it. */
  register?: RegisterMode;
}

const zeros = () => Object.fromEntries(CODES.map((c) => [c, 0])) as Record<DiagnosisCode, number>;

export function runRecovery(
  profile: ProfileName | TrapProfile,
  n: number,
  populations: number,
  options: RecoveryOptions = {},
): RecoveryRun {
  const instrument = options.instrument ?? CURRENT_INSTRUMENT;
  const p = typeof profile === 'string' ? PROFILES[profile] : profile;
  const seed0 = options.seed ?? 1;
  const mutate = options.mutate ?? ((r: SurveyResponse) => r);
  const leadershipN = options.leadershipN ?? 3;
  const noise = options.noise ?? {};
  const expected = expectedScores(instrument, p, noise);
  const asserted = zeros();
  const truthCount = zeros();
  const hit = zeros();
  const falseFlag = zeros();
  const maxAbsError = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const layerErrSum = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const layerCells = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const fb: Record<FirstBreakOutcome, number> = { exact: 0, together: 0, picked: 0, near: 0, missed: 0, wrong: 0 };
  const named: RecoveryRun['named'] = {};
  const supports: SupportRecord[] = [];
  let none = 0;
  let withheld = 0;
  let anyBelow = 0;
  let within = 0;
  let covered = 0;
  let errSum = 0;
  let absSum = 0;
  let cells = 0;
  for (let i = 0; i < populations; i++) {
    const pop = simulatePopulation(instrument, p, {
      n,
      seed: seed0 * 1_000_003 + i,
      leadershipN,
      noise,
    });
    const answers = pop.workforce.map(mutate);
    const ledgerDesign =
      options.ledgers && instrument.ledger ? ledgerDesignFor(instrument, undefined, DEPARTMENTS) : null;
    const rows =
      ledgerDesign && instrument.ledger
        ? withLedgers(instrument.ledger, answers, seed0 * 1_000_003 + i, ledgerProfileFor(p))
        : answers;
    const accumulator = createAccumulator(instrument);
    for (const r of rows) accumulator.add(r);
    const stats = accumulator.toStats();
    const workforce = scoreReport(instrument, stats);
    const minGroupSize = options.minGroupSize ?? 5;
    const ledger = ledgerDesign
      ? {
          report: ledgerReport({
            design: ledgerDesign,
            stats: stats.ledger ?? emptyLedgerStats(),
            n: workforce.n,
            minGroupSize,
          }),
          design: ledgerDesign,
        }
      : undefined;
    const leadership = leadershipN > 0 ? scoreResponses(instrument, pop.leadership) : null;
    const report = readinessReport({
      instrument,
      workforce,
      leadership,
      byLevel: {},
      profile: options.orgProfile ?? null,
      minGroupSize,
      ...(options.diagnosisMinN === undefined ? {} : { diagnosisMinN: options.diagnosisMinN }),
      ...(ledger ? { ledger } : {}),
      ...(options.register
        ? { register: { flows: simulateRegister(p, seed0 * 1_000_003 + i, { mode: options.register }) } }
        : {}),
    });
    const truth = truthOf(
      instrument,
      p,
      { leadershipTruth: pop.leadershipTruth, leaders: leadershipN, profile: options.orgProfile ?? null },
      noise,
    );
    const trueCodes = new Set(truth.diagnoses.map((d) => d.code));
    for (const c of CODES) {
      const isTrue = trueCodes.has(c);
      const isAsserted = report.diagnoses.some((d) => d.code === c);
      if (isTrue) truthCount[c]++;
      if (isAsserted) asserted[c]++;
      if (isTrue && isAsserted) hit[c]++;
      if (!isTrue && isAsserted) falseFlag[c]++;
    }
    for (const d of report.diagnoses)
      supports.push({
        code: d.code,
        support: d.support ?? 0,
        confidence: d.confidence,
        truth: trueCodes.has(d.code),
        n,
      });
    if (report.diagnoses.length === 0) none++;
    if (report.diagnosisWithheld) withheld++;
    fb[firstBreakOutcome(report, truth)]++;
    const key = report.firstBreak ?? ((report.weakTogether ?? []).length > 0 ? 'together' : 'none');
    named[key] = (named[key] ?? 0) + 1;
    if (LAYERS.some((l) => (workforce.layers[l].score ?? 100) < 50)) anyBelow++;
    for (const layer of LAYERS) {
      const s = workforce.layers[layer];
      if (s.score === null) continue;
      const err = s.score - expected.layers[layer];
      cells++;
      errSum += err;
      absSum += Math.abs(err);
      if (Math.abs(err) <= 5) within++;
      if (s.ci95 && s.ci95[0] <= expected.layers[layer] && expected.layers[layer] <= s.ci95[1]) covered++;
      maxAbsError[layer] = Math.max(maxAbsError[layer], Math.abs(err));
      layerErrSum[layer] += err;
      layerCells[layer]++;
    }
  }
  const share = (x: number) => x / populations;
  return {
    profile: p.name,
    n,
    populations,
    rates: Object.fromEntries(CODES.map((c) => [c, share(asserted[c])])) as Record<DiagnosisCode, number>,
    truth: Object.fromEntries(CODES.map((c) => [c, share(truthCount[c])])) as Record<DiagnosisCode, number>,
    sensitivity: Object.fromEntries(CODES.map((c) => [c, hit[c] / truthCount[c]])) as Record<DiagnosisCode, number>,
    falseFlags: Object.fromEntries(CODES.map((c) => [c, falseFlag[c] / (populations - truthCount[c])])) as Record<
      DiagnosisCode,
      number
    >,
    none: share(none),
    withheld: share(withheld),
    within5: within / cells,
    meanError: errSum / cells,
    meanAbsError: absSum / cells,
    coverage: covered / cells,
    meanErrorByLayer: Object.fromEntries(LAYERS.map((l) => [l, layerErrSum[l] / layerCells[l]])) as Record<
      Layer,
      number
    >,
    maxAbsError,
    firstBreak: {
      exact: share(fb.exact),
      together: share(fb.together),
      picked: share(fb.picked),
      near: share(fb.near),
      missed: share(fb.missed),
      wrong: share(fb.wrong),
    },
    named,
    anyPointBelow50: anyBelow / populations,
    supports,
  };
}

/** A profile moved at random around a base one: latent levels ±spread points, shares and leadership shift jittered. */
export function jitteredProfile(base: TrapProfile, rng: () => number, spread = 12): TrapProfile {
  const move = (x: number) => Math.min(95, Math.max(5, x + (rng() * 2 - 1) * spread));
  const layers = Object.fromEntries(Object.entries(base.layers).map(([k, v]) => [k, move(v)])) as TrapProfile['layers'];
  const signals = Object.fromEntries(
    Object.entries(base.signals).map(([k, v]) => [k, move(v)]),
  ) as TrapProfile['signals'];
  const raw = Object.fromEntries(
    Object.entries(base.capacity).map(([k, v]) => [k, Math.max(0.01, v * (0.5 + rng()))]),
  ) as TrapProfile['capacity'];
  const total = Object.values(raw).reduce((a, b) => a + b, 0);
  const capacity = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v / total])) as TrapProfile['capacity'];
  const { destinations: _ignored, ...rest } = base;
  return {
    ...rest,
    layers,
    signals,
    capacity,
    leadershipShift: Math.max(-5, base.leadershipShift + (rng() * 2 - 1) * 15),
  };
}
