// Stylised organisations with known true levels: a healthy one, a middling one near the thresholds, and one per trap.
// Levels are latent means on 0..100 (0 = every answer "strongly disagree", 100 = "strongly agree"); the expected
// observed score differs a little (rounding to 1..5 clamps the tails; careless respondents pull towards 50), which is
// why recovery is checked against expectedScores(), not against these numbers.

import type { CapacityOption, Layer, Level, LikertSignal } from '../instrument';

export const PROFILE_NAMES = [
  'balanced',
  'middling',
  'cash_rich',
  'cash_poor',
  'boss_b',
  'replacement_only',
  'klarna_speed',
  'overlap',
  'far_apart',
  'dk_hard',
] as const;
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
  /**
   * 2026.2's "what is freed time for" by option id, where a profile means particular destinations (Klarna's faster
   * service); absent: 2026.1's shares spread over each meaning's options.
   */
  destinations?: Partial<Record<string, number>>;
  /** Points added to one item's latent level: an item harder (negative) or easier than its scale. */
  itemShift?: Partial<Record<string, number>>;
  /** Don't-know rate of one item where it differs from its scale's. */
  itemDontKnow?: Partial<Record<string, number>>;
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
  klarna_speed: {
    name: 'klarna_speed',
    description:
      "Klarna's faster service: AI took over customer work for better, faster answers, but customers cannot reach a person.",
    layers: { roles: 52, workflows: 44, knowledge: 60, responsibility: 50, governance: 42 },
    signals: {
      investment: 70,
      activity: 62,
      time_ledger: 48,
      waiting_ledger: 46,
      knowledge_ledger: 48,
      operating_impact: 62,
      human_safeguards: 21,
      work_replaced: 78,
    },
    capacity: {
      profit: 0.08,
      customer_experience: 0.62,
      organisational_learning: 0.1,
      headcount_only: 0.04,
      undecided: 0.16,
    },
    destinations: {
      cost_down: 0.08,
      fewer_people: 0.04,
      redeploy: 0.05,
      more_output: 0.07,
      higher_quality: 0.1,
      faster_response: 0.45,
      new_business: 0,
      learning: 0.05,
      not_decided: 0.08,
      dont_know: 0.08,
    },
    levelShift: { manager: 4 },
    leadershipShift: 6,
    dontKnow: DK,
  },
  overlap: {
    name: 'overlap',
    description: 'Every layer weak, all within a few points of each other: no single first break can be told apart.',
    layers: { roles: 40, workflows: 39, knowledge: 41, responsibility: 38, governance: 39 },
    signals: {
      investment: 50,
      activity: 52,
      time_ledger: 46,
      waiting_ledger: 45,
      knowledge_ledger: 44,
      operating_impact: 48,
      human_safeguards: 52,
      work_replaced: 40,
    },
    capacity: {
      profit: 0.2,
      customer_experience: 0.35,
      organisational_learning: 0.15,
      headcount_only: 0.05,
      undecided: 0.25,
    },
    levelShift: { manager: 3 },
    leadershipShift: 4,
    dontKnow: DK,
  },
  far_apart: {
    name: 'far_apart',
    description:
      'Knowledge a hair below the midpoint, governance far below it: at large n the first break must be governance.',
    layers: { roles: 62, workflows: 60, knowledge: 48, responsibility: 58, governance: 10 },
    signals: {
      investment: 55,
      activity: 55,
      time_ledger: 52,
      waiting_ledger: 50,
      knowledge_ledger: 50,
      operating_impact: 55,
      human_safeguards: 55,
      work_replaced: 40,
    },
    capacity: {
      profit: 0.15,
      customer_experience: 0.4,
      organisational_learning: 0.2,
      headcount_only: 0.05,
      undecided: 0.2,
    },
    levelShift: { manager: 3 },
    leadershipShift: 4,
    dontKnow: DK,
  },
  dk_hard: {
    name: 'dk_hard',
    description:
      'Governance where the hard items (quality signals, rollback level) draw most of the "don\'t know": answered-item means rise.',
    layers: { roles: 60, workflows: 58, knowledge: 60, responsibility: 58, governance: 36 },
    signals: {
      investment: 55,
      activity: 55,
      time_ledger: 52,
      waiting_ledger: 50,
      knowledge_ledger: 50,
      operating_impact: 55,
      human_safeguards: 55,
      work_replaced: 40,
    },
    capacity: {
      profit: 0.15,
      customer_experience: 0.4,
      organisational_learning: 0.2,
      headcount_only: 0.05,
      undecided: 0.2,
    },
    levelShift: { manager: 3 },
    leadershipShift: 4,
    dontKnow: DK,
    itemShift: {
      gov_permissions: 20,
      gov_can_check_ai: 10,
      gov_quality_signals: -20,
      gov_rollback_threshold: -25,
      gov_conscience: 15,
    },
    itemDontKnow: { gov_quality_signals: 0.45, gov_rollback_threshold: 0.5 },
  },
};
