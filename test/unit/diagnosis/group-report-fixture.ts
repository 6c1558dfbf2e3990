// Hand-made GroupReports for the diagnosis tests: the diagnosis reads only the report, never the engine.

import { type DiagnosisInput, readinessReport } from '../../../shared/diagnosis';
import {
  CAPACITY_OPTIONS,
  type CapacityOption,
  CORE_INSTRUMENT,
  LAYERS,
  type Layer,
  type LikertSignal,
} from '../../../shared/instrument';
import type { GroupReport, ReadinessReport, ScaleScore } from '../../../shared/report-model';

/** Close enough to the t quantile for fixtures (1.96 + 2.5/df: 2.011 at df 49, 2.59 at df 4). */
const tApprox = (df: number): number => 1.96 + 2.5 / df;

export interface ScaleSpec {
  score: number;
  n?: number;
  sd?: number;
}

export function scale(spec: number | ScaleSpec, groupN: number): ScaleScore {
  const { score, n = groupN, sd = 16 } = typeof spec === 'number' ? { score: spec } : spec;
  const half = n >= 2 ? (tApprox(n - 1) * sd) / Math.sqrt(n) : null;
  return {
    score,
    ci95: half === null ? null : [Math.max(0, score - half), Math.min(100, score + half)],
    level: null,
    levelName: null,
    n,
    dontKnowRate: 0.05,
    agreement: 0.7,
    alpha: null,
    sd: n >= 2 ? sd : null,
  };
}

export interface GroupSpec {
  n?: number;
  /** Default sd of every scale. */
  sd?: number;
  layers?: Partial<Record<Layer, number | ScaleSpec>>;
  signals?: Partial<Record<LikertSignal, number | ScaleSpec>>;
  /** Answer counts per capacity option; scaled to n when given as shares summing to 1. */
  capacity?: Partial<Record<CapacityOption, number>>;
}

const HEALTHY_LAYERS: Record<Layer, number> = {
  roles: 64,
  workflows: 66,
  knowledge: 68,
  responsibility: 65,
  governance: 63,
};
// The signals 2026.1 asks about (work_replaced came with 2026.2).
const NEUTRAL_SIGNALS: Record<Exclude<LikertSignal, 'work_replaced'>, number> = {
  investment: 55,
  activity: 55,
  time_ledger: 55,
  waiting_ledger: 55,
  knowledge_ledger: 55,
  operating_impact: 55,
  human_safeguards: 55,
};
const DECIDED_CAPACITY: Record<CapacityOption, number> = {
  profit: 0.12,
  customer_experience: 0.5,
  organisational_learning: 0.22,
  headcount_only: 0.04,
  undecided: 0.12,
};

export function groupReport(spec: GroupSpec = {}): GroupReport {
  const n = spec.n ?? 50;
  const withSd = (v: number | ScaleSpec): number | ScaleSpec =>
    typeof v === 'number' ? { score: v, sd: spec.sd ?? 16 } : { sd: spec.sd ?? 16, ...v };
  const shares = { ...DECIDED_CAPACITY, ...spec.capacity };
  const total = CAPACITY_OPTIONS.reduce((a, o) => a + shares[o], 0);
  const counts = Object.fromEntries(CAPACITY_OPTIONS.map((o) => [o, Math.round((shares[o] / total) * n)])) as Record<
    CapacityOption,
    number
  >;
  const capacityN = CAPACITY_OPTIONS.reduce((a, o) => a + counts[o], 0);
  return {
    instrument: { id: CORE_INSTRUMENT.id, version: CORE_INSTRUMENT.version },
    n,
    layers: Object.fromEntries(
      LAYERS.map((l) => [l, scale(withSd(spec.layers?.[l] ?? HEALTHY_LAYERS[l]), n)]),
    ) as Record<Layer, ScaleScore>,
    signals: Object.fromEntries(
      (Object.keys(NEUTRAL_SIGNALS) as (keyof typeof NEUTRAL_SIGNALS)[]).map((s) => [
        s,
        scale(withSd(spec.signals?.[s] ?? NEUTRAL_SIGNALS[s]), n),
      ]),
    ) as Record<LikertSignal, ScaleScore>,
    capacityDecision: {
      n: capacityN,
      counts,
      shares: Object.fromEntries(
        CAPACITY_OPTIONS.map((o) => [o, capacityN === 0 ? 0 : counts[o] / capacityN]),
      ) as Record<CapacityOption, number>,
    },
    quality: { flagged: 0, straightLining: 0, tooFast: 0, excluded: false },
  };
}

/** Every layer of `base` moved by `shift` points (a leadership or level view). */
export function shifted(base: GroupReport, shift: number, n: number): GroupReport {
  return {
    ...base,
    n,
    layers: Object.fromEntries(
      LAYERS.map((l) => [l, scale({ score: Math.min(100, base.layers[l].score! + shift), sd: 10 }, n)]),
    ) as Record<Layer, ScaleScore>,
  };
}

// ---- one fixture per trap, each clearly inside its pattern at n = 50 -----------------------------------------------

export const cashRichSpec = (): GroupSpec => ({
  layers: { knowledge: 60, workflows: 58, responsibility: 35, governance: 33, roles: 55 },
  signals: { investment: 78, activity: 66 },
  capacity: {
    undecided: 0.6,
    profit: 0.12,
    customer_experience: 0.14,
    organisational_learning: 0.1,
    headcount_only: 0.04,
  },
});

export const cashPoorSpec = (): GroupSpec => ({
  layers: { knowledge: 38, workflows: 42, responsibility: 45, governance: 42, roles: 44 },
  signals: {
    investment: 25,
    activity: 74,
    time_ledger: 25,
    waiting_ledger: 27,
    knowledge_ledger: 22,
    operating_impact: 28,
  },
});

export const bossBSpec = (): GroupSpec => ({
  layers: { knowledge: 40, workflows: 42, responsibility: 45, governance: 46, roles: 47 },
  signals: { investment: 50, activity: 76, operating_impact: 30 },
});

export const replacementSpec = (): GroupSpec => ({
  layers: { knowledge: 58, workflows: 42, responsibility: 47, governance: 34, roles: 46 },
  signals: { investment: 70, human_safeguards: 26, operating_impact: 56 },
  capacity: {
    profit: 0.54,
    headcount_only: 0.2,
    customer_experience: 0.06,
    organisational_learning: 0.04,
    undecided: 0.16,
  },
});

/** The diagnosis of a workforce alone (no leadership, levels or profile; minimum group 5), with what `extra` adds. */
export function diagnose(workforce: GroupReport, extra: Partial<DiagnosisInput> = {}): ReadinessReport {
  return readinessReport({
    instrument: CORE_INSTRUMENT,
    workforce,
    leadership: null,
    byLevel: {},
    profile: null,
    minGroupSize: 5,
    ...extra,
  });
}
