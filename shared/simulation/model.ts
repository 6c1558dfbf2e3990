// The generating model. Every attentive respondent has, per scale, a latent true level: the profile's level plus a
// person factor shared by all scales (halo, acquiescence) plus a person-by-scale deviation. Each item answer is that
// latent plus item noise, rounded and clamped to 1..5. Reverse-worded items are recorded flipped, except that with the
// misresponse rate the respondent answers as if the item were worded forwards (the ~20% of the literature). Items
// get "don't know" at random (missing completely at random). A few careless respondents straight-line or speed.

import { normalCdf } from '../diagnosis/probability';
import {
  CAPACITY_OPTIONS,
  type CapacityChoiceItem,
  type CapacityMeaning,
  capacityItem,
  type DecidedChoiceItem,
  DONT_KNOW,
  decidedItem,
  type Instrument,
  isLayerItem,
  isLikert,
  LAYERS,
  type Layer,
  LEVELS,
  type Level,
  LIKERT_MAX,
  LIKERT_MIN,
  type LikertItem,
  type LikertSignal,
  layerItems,
  likertSignalsOf,
  signalItems,
} from '../instrument';
import { CORE_INSTRUMENT as V2026_1 } from '../instrument/core-2026-1';
import type { Answers, SurveyResponse } from '../response';
import { createRng, type Rng } from './prng';
import { PROFILES, type ProfileName, type TrapProfile } from './profiles';

export interface NoiseModel {
  /** SD (answer points) of the person factor shared by all scales. */
  general: number;
  /** SD (answer points) of the person-by-scale deviation. */
  scale: number;
  /** SD (answer points) of item noise around the respondent's latent. */
  item: number;
  /** Probability that a reverse-worded item is answered as if it were worded forwards. */
  reverseMisresponse: number;
  /** Default don't-know probability per item for attentive respondents (profiles may override per scale). */
  dontKnow: number;
  /** Share of respondents giving one raw answer (3 or 4) to every likert item. */
  straightLining: number;
  /** Share of respondents clicking through at random in well under a minute. */
  speeding: number;
  levelShares: Record<Level, number>;
  departments: readonly string[];
}

export const DEFAULT_NOISE: NoiseModel = {
  general: 0.35,
  scale: 0.45,
  item: 0.7,
  reverseMisresponse: 0.2,
  dontKnow: 0.05,
  straightLining: 0.03,
  speeding: 0.02,
  levelShares: { frontline: 0.7, manager: 0.25, executive: 0.05 },
  departments: ['Sales', 'Operations', 'Customer service', 'Finance', 'HR', 'IT'],
};

export interface SimulationOptions {
  /** Workforce respondents. */
  n: number;
  seed: number;
  /** Leadership-view respondents (the leadership team); 0 for none. Default 3. */
  leadershipN?: number;
  noise?: Partial<NoiseModel>;
}

export interface SimulatedPopulation {
  profile: ProfileName;
  workforce: SurveyResponse[];
  leadership: SurveyResponse[];
  /**
   * What these particular leaders truly think, per layer on 0..100: each one's expected answers given their own latent
   * view (item noise averaged out), averaged over the team. The truth a Boss B diagnosis is judged against: a leader's
   * own optimism is real Boss B, their answer noise is not.
   */
  leadershipTruth: Record<Layer, number>;
}

type ScaleKey = { kind: 'layer'; key: Layer } | { kind: 'signal'; key: LikertSignal };

function scaleOf(item: LikertItem): ScaleKey {
  return isLayerItem(item) ? { kind: 'layer', key: item.layer } : { kind: 'signal', key: item.signal };
}

const toLikert = (points: number): number => LIKERT_MIN + (points / 100) * (LIKERT_MAX - LIKERT_MIN);
const clampRound = (y: number): number => Math.min(LIKERT_MAX, Math.max(LIKERT_MIN, Math.round(y)));

function profileOf(profile: ProfileName | TrapProfile): TrapProfile {
  return typeof profile === 'string' ? PROFILES[profile] : profile;
}

function baseLevel(p: TrapProfile, s: ScaleKey): number {
  return s.kind === 'layer' ? p.layers[s.key] : p.signals[s.key];
}

/** Share of the profile's 2026.1 capacity answers with each meaning (2026.1 options carry their meaning). */
function meaningShares(p: TrapProfile): Record<CapacityMeaning, number> {
  const shares: Record<CapacityMeaning, number> = { cost: 0, growth: 0, learning: 0, undecided: 0, unknown: 0 };
  const meaningOf = capacityItem(V2026_1)!.options;
  for (const o of meaningOf) shares[o.meaning] += p.capacity[o.id as keyof TrapProfile['capacity']];
  return shares;
}

/**
 * Weights of the capacity item's options. Profiles are written in 2026.1's options; for a later version each meaning's
 * share is spread evenly over its options, and 2026.1's "nothing decided, or I have not been told" is split between
 * "nothing decided" and "I don't know" (half each).
 */
export function capacityWeights(item: CapacityChoiceItem, p: TrapProfile): number[] {
  if (item.options.every((o, i) => o.id === CAPACITY_OPTIONS[i])) {
    return CAPACITY_OPTIONS.map((o) => p.capacity[o]);
  }
  const chosen = p.destinations;
  if (chosen) return item.options.map((o) => chosen[o.id] ?? 0);
  const shares = meaningShares(p);
  const undecided = shares.undecided + shares.unknown;
  const target: Record<CapacityMeaning, number> = { ...shares, undecided: undecided / 2, unknown: undecided / 2 };
  const per = (m: CapacityMeaning) => item.options.filter((o) => o.meaning === m).length;
  return item.options.map((o) => target[o.meaning] / per(o.meaning));
}

/** "Has leadership decided": told in proportion to the decided share; the undecided share split across the rest. */
export function decidedWeights(item: DecidedChoiceItem, p: TrapProfile): number[] {
  const undecided = meaningShares(p).undecided;
  const weight = {
    told: 1 - undecided,
    not_told: 0.3 * undecided,
    not_decided: 0.5 * undecided,
    unknown: 0.2 * undecided,
  };
  return item.options.map((o) => weight[o.meaning]);
}

function dontKnowRate(p: TrapProfile, noise: NoiseModel, s: ScaleKey, item?: LikertItem): number {
  return (item && p.itemDontKnow?.[item.id]) ?? p.dontKnow[s.key] ?? noise.dontKnow;
}

/** An item's own difficulty, in answer points (profiles give it in points of 0..100). */
const itemShiftOf = (p: TrapProfile, item: LikertItem): number =>
  ((p.itemShift?.[item.id] ?? 0) / 100) * (LIKERT_MAX - LIKERT_MIN);

// Durations: attentive respondents log-normal around 4 minutes; speeders 15-45 s for the whole survey.
function duration(rng: Rng, kind: 'attentive' | 'straight' | 'speeder'): number {
  if (kind === 'speeder') return Math.round(15 + 30 * rng.uniform());
  const median = kind === 'straight' ? 150 : 240;
  return Math.round(median * Math.exp(0.35 * rng.normal()));
}

interface Respondent {
  level: Level;
  /** Points added to layer levels (level shift, leadership shift). */
  layerShift: number;
  kind: 'attentive' | 'straight' | 'speeder';
}

function respond(
  instrument: Instrument,
  p: TrapProfile,
  noise: NoiseModel,
  rng: Rng,
  who: Respondent,
  latent = new Map<string, number>(),
): Answers {
  const answers: Answers = {};
  const straightValue = rng.uniform() < 0.5 ? 3 : 4;
  const general = noise.general * rng.normal();
  const capacity = capacityItem(instrument);
  for (const item of instrument.items) {
    if (!isLikert(item)) continue;
    if (who.kind === 'straight') {
      answers[item.id] = straightValue;
      continue;
    }
    if (who.kind === 'speeder') {
      answers[item.id] = LIKERT_MIN + Math.floor(rng.uniform() * (LIKERT_MAX - LIKERT_MIN + 1));
      continue;
    }
    const s = scaleOf(item);
    const id = `${s.kind}:${s.key}`;
    let theta = latent.get(id);
    if (theta === undefined) {
      const shift = s.kind === 'layer' ? who.layerShift : 0;
      theta = toLikert(baseLevel(p, s) + shift) + general + noise.scale * rng.normal();
      latent.set(id, theta);
    }
    if (rng.uniform() < dontKnowRate(p, noise, s, item)) {
      answers[item.id] = DONT_KNOW;
      continue;
    }
    const scored = clampRound(theta + itemShiftOf(p, item) + noise.item * rng.normal());
    const misread = item.reverse && rng.uniform() < noise.reverseMisresponse;
    answers[item.id] = item.reverse && !misread ? LIKERT_MIN + LIKERT_MAX - scored : scored;
  }
  if (capacity) {
    const weights = who.kind === 'speeder' ? capacity.options.map(() => 1) : capacityWeights(capacity, p);
    answers[capacity.id] = capacity.options[rng.pick(weights)]!.id;
  }
  const decided = decidedItem(instrument);
  if (decided) {
    const weights = who.kind === 'speeder' ? decided.options.map(() => 1) : decidedWeights(decided, p);
    answers[decided.id] = decided.options[rng.pick(weights)]!.id;
  }
  return answers;
}

/**
 * A simulated survey of one organisation: `n` workforce responses with segments and durations, and a leadership view
 * (the same instrument answered by the leadership team, attentive, with the profile's leadership shift on layers).
 */
export function simulatePopulation(
  instrument: Instrument,
  profile: ProfileName | TrapProfile,
  options: SimulationOptions,
): SimulatedPopulation {
  const p = profileOf(profile);
  const noise: NoiseModel = { ...DEFAULT_NOISE, ...options.noise };
  const rng = createRng(options.seed);
  const levelWeights = LEVELS.map((l) => noise.levelShares[l]);
  const workforce: SurveyResponse[] = [];
  for (let i = 0; i < options.n; i++) {
    const u = rng.uniform();
    const kind =
      u < noise.straightLining ? 'straight' : u < noise.straightLining + noise.speeding ? 'speeder' : 'attentive';
    const level = LEVELS[rng.pick(levelWeights)]!;
    const department = noise.departments[Math.floor(rng.uniform() * noise.departments.length)] ?? null;
    const answers = respond(instrument, p, noise, rng, { level, layerShift: p.levelShift[level] ?? 0, kind });
    workforce.push({ answers, level, department, durationS: duration(rng, kind) });
  }
  const leadership: SurveyResponse[] = [];
  const truth = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const leaders = options.leadershipN ?? 3;
  for (let i = 0; i < leaders; i++) {
    const latent = new Map<string, number>();
    const answers = respond(
      instrument,
      p,
      noise,
      rng,
      { level: 'executive', layerShift: p.leadershipShift, kind: 'attentive' },
      latent,
    );
    leadership.push({ answers, level: 'executive', department: 'Leadership', durationS: duration(rng, 'attentive') });
    for (const layer of LAYERS) {
      const theta = latent.get(`layer:${layer}`) ?? toLikert(p.layers[layer] + p.leadershipShift);
      truth[layer] += expectedViewOf(layerItems(instrument, layer), p, noise, theta) / leaders;
    }
  }
  return { profile: p.name, workforce, leadership, leadershipTruth: truth };
}

/** A respondent's expected 0..100 scale score given their latent level θ: item noise and misresponse averaged out. */
function expectedViewOf(items: readonly LikertItem[], p: TrapProfile, noise: NoiseModel, theta: number): number {
  const mid = (LIKERT_MIN + LIKERT_MAX) / 2;
  const perItem = items.map((it) => {
    const e = expectedRoundedAnswer(theta + itemShiftOf(p, it), noise.item);
    return it.reverse ? (1 - noise.reverseMisresponse) * e + noise.reverseMisresponse * (2 * mid - e) : e;
  });
  const mean = perItem.reduce((a, b) => a + b, 0) / perItem.length;
  return ((mean - LIKERT_MIN) / (LIKERT_MAX - LIKERT_MIN)) * 100;
}

// ---- the truth ----------------------------------------------------------------------------------------------------

/** E[clamp(round(Y))] for Y ~ N(mu, sigma²), exactly, from the normal CDF at the rounding boundaries. */
export function expectedRoundedAnswer(mu: number, sigma: number): number {
  let e = 0;
  for (let k = LIKERT_MIN; k <= LIKERT_MAX; k++) {
    const upper = k === LIKERT_MAX ? 1 : normalCdf((k + 0.5 - mu) / sigma);
    const lower = k === LIKERT_MIN ? 0 : normalCdf((k - 0.5 - mu) / sigma);
    e += k * (upper - lower);
  }
  return e;
}

/** P(at least half of the items answered) when item i is "don't know" independently with probability d[i]. */
function scoredProbability(d: readonly number[]): number {
  const k = d.length;
  let p = 0;
  // Every subset of answered items (k is a handful): exact for item-specific rates.
  for (let mask = 0; mask < 1 << k; mask++) {
    let answered = 0;
    let prob = 1;
    for (let i = 0; i < k; i++) {
      if (mask & (1 << i)) {
        answered++;
        prob *= 1 - d[i]!;
      } else prob *= d[i]!;
    }
    if (2 * answered >= k) p += prob;
  }
  return p;
}

export interface ExpectedScores {
  layers: Record<Layer, number>;
  /** The likert signals the instrument asks about. */
  signals: Partial<Record<LikertSignal, number>>;
}

/**
 * The expected 0..100 workforce score of every scale under the generating model: the score an infinitely large
 * sample converges to. Exact, not simulated: with don't-know missing at random and equal across a scale's items, a
 * respondent's expected scale mean is the mean of the items' expected scored answers, whichever items were answered;
 * the only weighting needed is by how likely each kind of respondent is to have a scale score at all.
 */
export function expectedScores(
  instrument: Instrument,
  profile: ProfileName | TrapProfile,
  noiseOverrides: Partial<NoiseModel> = {},
): ExpectedScores {
  const p = profileOf(profile);
  const noise: NoiseModel = { ...DEFAULT_NOISE, ...noiseOverrides };
  const sigma = Math.sqrt(noise.general ** 2 + noise.scale ** 2 + noise.item ** 2);
  const attentive = 1 - noise.straightLining - noise.speeding;
  const mid = (LIKERT_MIN + LIKERT_MAX) / 2;
  const shareTotal = LEVELS.reduce((a, l) => a + noise.levelShares[l], 0);

  const expected = (s: ScaleKey, items: readonly LikertItem[]): number => {
    const q = scoredProbability(items.map((it) => dontKnowRate(p, noise, s, it)));
    let weight = 0;
    let total = 0;
    for (const level of LEVELS) {
      const shift = s.kind === 'layer' ? (p.levelShift[level] ?? 0) : 0;
      const perItem = items.map((it) => {
        const e = expectedRoundedAnswer(toLikert(baseLevel(p, s) + shift) + itemShiftOf(p, it), sigma);
        return it.reverse ? (1 - noise.reverseMisresponse) * e + noise.reverseMisresponse * (2 * mid - e) : e;
      });
      const w = ((attentive * noise.levelShares[level]) / shareTotal) * q;
      weight += w;
      total += w * (perItem.reduce((a, b) => a + b, 0) / items.length);
    }
    // Straight-liners answer 3 or 4 (mean 3.5) raw, so a reverse item scores 6 - 3.5; speeders average the midpoint.
    const straight = items.reduce((a, it) => a + (it.reverse ? 2 * mid - 3.5 : 3.5), 0) / items.length;
    weight += noise.straightLining + noise.speeding;
    total += noise.straightLining * straight + noise.speeding * mid;
    return ((total / weight - LIKERT_MIN) / (LIKERT_MAX - LIKERT_MIN)) * 100;
  };

  return {
    layers: Object.fromEntries(
      LAYERS.map((l) => [l, expected({ kind: 'layer', key: l }, layerItems(instrument, l))]),
    ) as Record<Layer, number>,
    signals: Object.fromEntries(
      likertSignalsOf(instrument).map((s) => [s, expected({ kind: 'signal', key: s }, signalItems(instrument, s))]),
    ),
  };
}
