// Stylised organisations with known true levels: a healthy one, a middling one near the thresholds, and one per trap.
// Levels are latent means on 0..100 (0 = every answer "strongly disagree", 100 = "strongly agree"); the expected
// observed score differs a little (rounding to 1..5 clamps the tails; careless respondents pull towards 50), which is
// why recovery is checked against expectedScores(), not against these numbers.

import type { CapacityOption, Layer, Level, LikertSignal } from '../instrument';

export const PROFILE_NAMES = ['balanced', 'middling', 'cash_rich', 'cash_poor', 'boss_b', 'replacement_only'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface TrapProfile {
  name: ProfileName;
  description: string;
  layers: Record<Layer, number>;
  signals: Record<LikertSignal, number>;
  /**
   * Probability of each answer to 2026.1's "what are freed hours for?" among attentive respondents; later versions'
   * options are answered by meaning (model.ts `capacityWeights`).
   */
  capacity: Record<CapacityOption, number>;
  /** Points added to the layer levels of respondents at a level (managers often see more written down). */
  levelShift: Partial<Record<Level, number>>;
  /** Points added to every layer level for the leadership view. */
  leadershipShift: number;
  /** Don't-know rate per scale where it differs from the noise model's default. */
  dontKnow: Partial<Record<Layer | LikertSignal, number>>;
}

// Frontline staff often cannot see vendor agreements, logs or quality thresholds: more "don't know" on governance.
const DK = { governance: 0.1 } as const;

export const PROFILES: Record<ProfileName, TrapProfile> = {
  balanced: {
    name: 'balanced',
    description: 'Healthy: layers rewritten, ledgers kept and reviewed, a capacity decision people know about.',
    layers: { roles: 64, workflows: 66, knowledge: 68, responsibility: 65, governance: 63 },
    signals: {
      investment: 62,
      activity: 64,
      time_ledger: 62,
      waiting_ledger: 60,
      knowledge_ledger: 61,
      operating_impact: 64,
      human_safeguards: 68,
      work_replaced: 45,
    },
    capacity: {
      profit: 0.12,
      customer_experience: 0.48,
      organisational_learning: 0.24,
      headcount_only: 0.04,
      undecided: 0.12,
    },
    levelShift: { manager: 3 },
    leadershipShift: 4,
    dontKnow: DK,
  },
  middling: {
    name: 'middling',
    description: 'No trap but nothing settled: everything near the neutral band, a hard control for false alarms.',
    layers: { roles: 54, workflows: 52, knowledge: 55, responsibility: 53, governance: 52 },
    signals: {
      investment: 52,
      activity: 56,
      time_ledger: 48,
      waiting_ledger: 46,
      knowledge_ledger: 47,
      operating_impact: 50,
      human_safeguards: 54,
      work_replaced: 40,
    },
    capacity: {
      profit: 0.24,
      customer_experience: 0.3,
      organisational_learning: 0.15,
      headcount_only: 0.06,
      undecided: 0.25,
    },
    levelShift: { manager: 4 },
    leadershipShift: 6,
    dontKnow: DK,
  },
  cash_rich: {
    name: 'cash_rich',
    description:
      'Decision vacuum: heavy investment, no decision on freed capacity, weak responsibility and governance.',
    layers: { roles: 48, workflows: 46, knowledge: 38, responsibility: 34, governance: 32 },
    signals: {
      investment: 78,
      activity: 66,
      time_ledger: 44,
      waiting_ledger: 42,
      knowledge_ledger: 40,
      operating_impact: 46,
      human_safeguards: 52,
      work_replaced: 35,
    },
    capacity: {
      profit: 0.12,
      customer_experience: 0.14,
      organisational_learning: 0.1,
      headcount_only: 0.04,
      undecided: 0.6,
    },
    levelShift: { manager: 4 },
    leadershipShift: 4,
    dontKnow: DK,
  },
  cash_poor: {
    name: 'cash_poor',
    description: 'Activity mistaken for progress: little investment, lively group chats, no ledgers, no impact.',
    layers: { roles: 40, workflows: 40, knowledge: 34, responsibility: 44, governance: 40 },
    signals: {
      investment: 24,
      activity: 74,
      time_ledger: 24,
      waiting_ledger: 26,
      knowledge_ledger: 22,
      operating_impact: 28,
      human_safeguards: 46,
      work_replaced: 22,
    },
    capacity: {
      profit: 0.2,
      customer_experience: 0.15,
      organisational_learning: 0.1,
      headcount_only: 0.1,
      undecided: 0.45,
    },
    levelShift: { manager: 3 },
    leadershipShift: 2,
    dontKnow: DK,
  },
  boss_b: {
    name: 'boss_b',
    description: 'Boss B: leadership rates the organisation far higher than staff; busy, but operating impact is low.',
    layers: { roles: 42, workflows: 40, knowledge: 36, responsibility: 42, governance: 44 },
    signals: {
      investment: 50,
      activity: 76,
      time_ledger: 34,
      waiting_ledger: 36,
      knowledge_ledger: 30,
      operating_impact: 30,
      human_safeguards: 50,
      work_replaced: 30,
    },
    capacity: {
      profit: 0.2,
      customer_experience: 0.25,
      organisational_learning: 0.1,
      headcount_only: 0.1,
      undecided: 0.35,
    },
    levelShift: { manager: 12 },
    leadershipShift: 30,
    dontKnow: DK,
  },
  replacement_only: {
    name: 'replacement_only',
    description: "Klarna's stage one: freed capacity counted as cost and headcount, safeguards and thresholds missing.",
    layers: { roles: 46, workflows: 37, knowledge: 56, responsibility: 46, governance: 34 },
    signals: {
      investment: 70,
      activity: 56,
      time_ledger: 46,
      waiting_ledger: 44,
      knowledge_ledger: 44,
      operating_impact: 56,
      human_safeguards: 26,
      work_replaced: 74,
    },
    capacity: {
      profit: 0.55,
      customer_experience: 0.05,
      organisational_learning: 0.04,
      headcount_only: 0.22,
      undecided: 0.14,
    },
    levelShift: { manager: 4 },
    leadershipShift: 4,
    dontKnow: DK,
  },
};
