// Every threshold the diagnosis uses, in one place. docs/METHOD.md gives the reason for each; change both together.
// Scores are on 0..100, where 0, 25, 50, 75, 100 are the answers 1..5 ("strongly disagree" .. "strongly agree").

export const THRESHOLDS = {
  /** A layer is weak below the scale midpoint: on average people do not agree the practice exists. */
  layerWeakBelow: 50,
  /** A context signal is high from 60 (mean answer 3.4 or more: the engine's "Managed" level and above). */
  signalHigh: 60,
  /** A context signal is low below 40 (mean answer under 2.6: the engine's "Patched" level and below). */
  signalLow: 40,
  /** Decision vacuum: at least this share answers "nothing decided, or I have not been told". */
  undecidedShareHigh: 0.4,
  /** Decision vacuum, the other way: no decided destination is named by even this share. */
  topDecidedShareLow: 0.4,
  /** Replacement-only: cost and headcount together are named by at least half. */
  costShareDominant: 0.5,
  /** Replacement-only: customer experience and organisational learning together are named by fewer than a quarter. */
  peopleShareLow: 0.25,
  /** Boss B: the leadership view must exceed the workforce view by at least this much (0..100 points) on average. */
  leadershipGapMin: 10,
  /** Boss B: at least this many layers with the leadership score above the workforce 95% interval. */
  layersBeyondInterval: 3,
  /** Manager minus frontline gap shown as notable from this many points (evidence only, never required). */
  levelGapNotable: 10,
  /** A pattern whose joint probability (product of supports) is below this is noted, not asserted. */
  minConfidence: 0.5,
  /** Profile facts that count as high investment (any two, or the only one given). */
  profile: {
    /** Paid AI seats per head. */
    seatCoverage: 0.5,
    pilots: 3,
    /** Yearly AI training hours per employee. */
    trainingHours: 8,
    /** Yearly AI spend per employee, only read in these currencies (roughly one paid assistant seat a year). */
    spendPerEmployee: 300,
    spendCurrencies: ['USD', 'EUR', 'GBP', 'CHF'] as readonly string[],
  },
} as const;
