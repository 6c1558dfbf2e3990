// The truth a diagnosis is judged against: the generating model's expected report (an infinitely large sample of the
// same organisation), diagnosed by the very rules the report uses. A pattern "truly holds" when every one of its
// criteria holds on these expected values; recovery, false flags and calibration (test/unit/simulation) count against it.

import { readinessReport } from '../diagnosis';
import { capacityItem, decidedItem, type Instrument, LAYERS, type Layer, LEVELS, likertSignalsOf } from '../instrument';
import type { OrgProfile } from '../profile';
import type { CapacityDistribution, DiagnosisCode, GroupReport, ReadinessReport, ScaleScore } from '../report-model';
import { capacityWeights, DEFAULT_NOISE, decidedWeights, expectedScores, type NoiseModel } from './model';
import { PROFILES, type ProfileName, type TrapProfile } from './profiles';

/** A sample so large its standard errors vanish: the expected report is then read without uncertainty. */
const HUGE = 10_000_000;

const exact = (score: number): ScaleScore => ({
  score,
  ci95: [score, score],
  level: null,
  levelName: null,
  n: HUGE,
  dontKnowRate: 0,
  agreement: null,
  alpha: null,
  sd: 1e-9,
  se: 0,
});

/** Expected shares of a choice item's options: attentive and straight-lining respondents by weight, speeders at random. */
function expectedDistribution(
  ids: readonly string[],
  weights: readonly number[],
  noise: NoiseModel,
): CapacityDistribution {
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = Object.fromEntries(
    ids.map((id, i) => [id, (1 - noise.speeding) * (weights[i]! / total) + noise.speeding / ids.length]),
  );
  return { n: HUGE, counts: Object.fromEntries(ids.map((id) => [id, 0])), shares };
}

/** The expected workforce report of a profile: every scale at its expected score, choice items at their shares. */
export function truthReport(
  instrument: Instrument,
  profile: ProfileName | TrapProfile,
  noiseOverrides: Partial<NoiseModel> = {},
): GroupReport {
  const p = typeof profile === 'string' ? PROFILES[profile] : profile;
  const noise: NoiseModel = { ...DEFAULT_NOISE, ...noiseOverrides };
  const truth = expectedScores(instrument, p, noiseOverrides);
  const capacity = capacityItem(instrument)!;
  const decided = decidedItem(instrument);
  return {
    instrument: { id: instrument.id, version: instrument.version },
    n: HUGE,
    layers: Object.fromEntries(LAYERS.map((l) => [l, exact(truth.layers[l])])) as Record<Layer, ScaleScore>,
    signals: Object.fromEntries(likertSignalsOf(instrument).map((s) => [s, exact(truth.signals[s]!)])),
    capacityDecision: expectedDistribution(
      capacity.options.map((o) => o.id),
      capacityWeights(capacity, p),
      noise,
    ),
    quality: { flagged: 0, straightLining: 0, tooFast: 0, excluded: false },
    ...(decided
      ? {
          capacityDecided: expectedDistribution(
            decided.options.map((o) => o.id),
            decidedWeights(decided, p),
            noise,
          ),
        }
      : {}),
  };
}

/** The leadership view as these leaders truly see it (SimulatedPopulation.leadershipTruth), without answer noise. */
export function leadershipTruthReport(
  instrument: Instrument,
  truth: Record<Layer, number>,
  leaders: number,
): GroupReport {
  const base = truthReport(instrument, 'balanced');
  return {
    ...base,
    n: leaders,
    layers: Object.fromEntries(LAYERS.map((l) => [l, { ...exact(truth[l]), n: leaders, sd: 0 }])) as Record<
      Layer,
      ScaleScore
    >,
  };
}

/** Expected level groups (for the manager–frontline gap at truth): each level's shift on the layers. */
function levelTruth(instrument: Instrument, p: TrapProfile, noise: Partial<NoiseModel>): Record<string, GroupReport> {
  const out: Record<string, GroupReport> = {};
  for (const level of LEVELS) {
    const shift = p.levelShift[level] ?? 0;
    const shifted: TrapProfile = {
      ...p,
      layers: Object.fromEntries(LAYERS.map((l) => [l, p.layers[l] + shift])) as Record<Layer, number>,
      levelShift: {},
    };
    out[level] = truthReport(instrument, shifted, noise);
  }
  return out;
}

// Expected reports depend only on the instrument, the profile and the noise: worked out once per combination.
const cache = new WeakMap<Instrument, Map<string, { workforce: GroupReport; levels: Record<string, GroupReport> }>>();

function expectedOf(instrument: Instrument, p: TrapProfile, noise: Partial<NoiseModel>) {
  let byKey = cache.get(instrument);
  if (!byKey) {
    byKey = new Map();
    cache.set(instrument, byKey);
  }
  const key = JSON.stringify([p, noise]);
  let hit = byKey.get(key);
  if (!hit) {
    hit = { workforce: truthReport(instrument, p, noise), levels: levelTruth(instrument, p, noise) };
    byKey.set(key, hit);
  }
  return hit;
}

export interface TruthOptions {
  /** The leaders' true view (SimulatedPopulation.leadershipTruth) and how many they are; none: no leadership view. */
  leadershipTruth?: Record<Layer, number>;
  leaders?: number;
  /** The organisation profile, a fact in the report as at truth. */
  profile?: OrgProfile | null;
}

/**
 * The report of an organisation at truth: its expected workforce report, diagnosed by the report's own rules (with the
 * leaders' true view when there is a leadership team). What truly holds: its diagnoses, first break and weak layers.
 */
export function truthOf(
  instrument: Instrument,
  profile: ProfileName | TrapProfile,
  options: TruthOptions = {},
  noise: Partial<NoiseModel> = {},
): ReadinessReport {
  const p = typeof profile === 'string' ? PROFILES[profile] : profile;
  const { workforce, levels } = expectedOf(instrument, p, noise);
  return readinessReport({
    instrument,
    workforce,
    leadership:
      options.leadershipTruth && (options.leaders ?? 0) > 0
        ? leadershipTruthReport(instrument, options.leadershipTruth, options.leaders!)
        : null,
    byLevel: { manager: levels.manager!, frontline: levels.frontline! },
    profile: options.profile ?? null,
    minGroupSize: 5,
  });
}

/** The diagnoses that truly hold for an organisation (truthOf). */
export function trueDiagnoses(
  instrument: Instrument,
  profile: ProfileName | TrapProfile,
  options: TruthOptions = {},
  noise: Partial<NoiseModel> = {},
): Set<DiagnosisCode> {
  return new Set(truthOf(instrument, profile, options, noise).diagnoses.map((d) => d.code));
}
