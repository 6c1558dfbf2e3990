// Simulated ledger entries for simulated respondents: the demo's waves and the benchmarks. A separate seeded stream,
// so adding ledgers to a population changes none of its answers (the recovery tables stay as they are).

import type { LedgerDesign, LedgerRange, Level } from '../instrument';
import type { LedgerAnswers, WaitHolder } from '../ledger/types';
import type { SurveyResponse } from '../response';
import { createRng, type Rng } from './prng';

/** A value with its typical size: mean and spread (in the ledger's unit), rounded to the design's step. */
type Size = readonly [mean: number, sd: number];

export interface LedgerProfile {
  /** Share of respondents who fill in the step at all. */
  participation: number;
  /** Per ledger, the chance that a participant adds a first, second and third entry. */
  entries: readonly [number, number, number];
  time: { category: string; weight: number; hours: Size }[];
  waiting: { kind: string; heldBy: WaitHolder; weight: number; days: Size; timesPerMonth: Size }[];
  knowledge: { category: string; weight: number; checksPerWeek: Size; sop: Record<string, number> }[];
  /** Weights of the reasons time falls to a person. */
  reasons: Record<string, number>;
}

const dept = (department: string): WaitHolder => ({ department });
const level = (l: Level): WaitHolder => ({ level: l });

/** A plausible organisation: rework and searching eat time, approvals and other departments hold work up. */
export const TYPICAL_LEDGER: LedgerProfile = {
  participation: 0.7,
  entries: [0.9, 0.5, 0.2],
  time: [
    { category: 'rework', weight: 3, hours: [5, 2.5] },
    { category: 'searching', weight: 3, hours: [3, 1.5] },
    { category: 'reports_decks', weight: 2, hours: [4, 2] },
    { category: 'data_entry', weight: 2, hours: [4, 2] },
    { category: 'coordination', weight: 2, hours: [3, 1.5] },
    { category: 'repeat_questions', weight: 1, hours: [3, 1.5] },
    { category: 'checking', weight: 1, hours: [2, 1] },
  ],
  waiting: [
    { kind: 'approval', heldBy: dept('Finance'), weight: 3, days: [3, 1.5], timesPerMonth: [4, 2] },
    { kind: 'other_department', heldBy: dept('IT'), weight: 2, days: [4, 2], timesPerMonth: [3, 1.5] },
    { kind: 'materials', heldBy: dept('Operations'), weight: 2, days: [2, 1], timesPerMonth: [5, 2] },
    { kind: 'boss_decision', heldBy: level('executive'), weight: 1, days: [5, 2], timesPerMonth: [2, 1] },
    { kind: 'confirmation', heldBy: dept('Sales'), weight: 1, days: [1.5, 1], timesPerMonth: [6, 3] },
  ],
  knowledge: [
    { category: 'pricing', weight: 3, checksPerWeek: [4, 2], sop: { none: 3, unused: 2, used: 1 } },
    { category: 'exceptions_refunds', weight: 2, checksPerWeek: [3, 1.5], sop: { none: 2, unused: 2, used: 1 } },
    { category: 'escalations', weight: 2, checksPerWeek: [2, 1], sop: { none: 1, unused: 2, used: 2 } },
    { category: 'technical', weight: 1, checksPerWeek: [3, 1.5], sop: { none: 2, unused: 1, used: 1 } },
  ],
  reasons: { only_me: 3, role_requires: 3, no_access: 1, handed_to_me: 2 },
};

/**
 * The ledger a profile's respondents keep, following its truth (docs/METHOD.md §6.1): time sinks grow as operating
 * impact falls (nothing got shorter), check-backs with senior staff as the knowledge layer falls, and the boss's
 * decisions take a larger part of the waits the more leadership rates the organisation above its staff (the boss who
 * thinks he gets it is still the one everything waits on). Each doubles per 25 points of impact, 12.5 points of
 * knowledge and 10 points of leadership shift from the midpoint; at 50, 50 and 0 it is TYPICAL_LEDGER.
 */
export function ledgerProfileFor(
  truth: { signals: { operating_impact: number }; layers: { knowledge: number }; leadershipShift: number },
  base: LedgerProfile = TYPICAL_LEDGER,
): LedgerProfile {
  const time = 2 ** ((50 - truth.signals.operating_impact) / 25);
  const checks = 2 ** ((50 - truth.layers.knowledge) / 12.5);
  const boss = 2 ** (Math.max(0, truth.leadershipShift) / 10);
  const scale = ([mean, sd]: Size, f: number): Size => [mean * f, sd * f];
  return {
    ...base,
    time: base.time.map((t) => ({ ...t, hours: scale(t.hours, time) })),
    waiting: base.waiting.map((w) =>
      w.kind === 'boss_decision' || ('level' in w.heldBy && w.heldBy.level === 'executive')
        ? { ...w, weight: w.weight * boss }
        : w,
    ),
    knowledge: base.knowledge.map((k) => ({ ...k, checksPerWeek: scale(k.checksPerWeek, checks) })),
  };
}

function sized(rng: Rng, [mean, sd]: Size, r: LedgerRange): number {
  const v = mean + sd * rng.normal();
  const ticks = Math.round((Math.min(r.max, Math.max(r.min, v)) - r.min) / r.step);
  // A named time sink, wait or check is at least one step: a zero would say it is not one.
  return r.min + Math.max(1, ticks) * r.step;
}

/** Up to three distinct picks by weight, each further one only with its chance. */
function picks<T>(rng: Rng, options: readonly (T & { weight: number })[], chances: readonly number[]): T[] {
  const left = [...options];
  const out: T[] = [];
  for (const chance of chances) {
    if (left.length === 0 || rng.uniform() >= chance) break;
    const i = rng.pick(left.map((o) => o.weight));
    out.push(left[i]!);
    left.splice(i, 1);
  }
  return out;
}

const pickKey = (rng: Rng, weights: Record<string, number>): string => {
  const keys = Object.keys(weights);
  return keys[rng.pick(keys.map((k) => weights[k]!))]!;
};

/** One simulated respondent's ledger, or undefined when they skip the step. */
export function simulateLedger(rng: Rng, design: LedgerDesign, profile: LedgerProfile): LedgerAnswers | undefined {
  if (rng.uniform() >= profile.participation) return undefined;
  const time = picks(rng, profile.time, profile.entries).map((t) => ({
    category: t.category,
    hoursPerWeek: sized(rng, t.hours, design.time.hoursPerWeek),
    reason: pickKey(rng, profile.reasons),
  }));
  const waiting = picks(rng, profile.waiting, profile.entries).map((w) => ({
    kind: w.kind,
    heldBy: w.heldBy,
    days: sized(rng, w.days, design.waiting.days),
    timesPerMonth: sized(rng, w.timesPerMonth, design.waiting.timesPerMonth),
  }));
  const knowledge = picks(rng, profile.knowledge, profile.entries).map((k) => ({
    category: k.category,
    checksPerWeek: sized(rng, k.checksPerWeek, design.knowledge.checksPerWeek),
    sop: pickKey(rng, k.sop),
  }));
  const out: LedgerAnswers = {
    ...(time.length ? { time } : {}),
    ...(waiting.length ? { waiting } : {}),
    ...(knowledge.length ? { knowledge } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

/**
 * The same respondents with simulated ledger entries, from their own seeded stream; waits are held only by the
 * profile's holders (give departments the campaign has).
 */
export function withLedgers(
  design: LedgerDesign,
  responses: readonly SurveyResponse[],
  seed: number,
  profile: LedgerProfile = TYPICAL_LEDGER,
): SurveyResponse[] {
  const rng = createRng(seed ^ 0x1ed9e7);
  return responses.map((r) => {
    const ledger = simulateLedger(rng, design, profile);
    return ledger ? { ...r, ledger } : r;
  });
}
