// Every threshold the diagnosis uses, in one place. docs/METHOD.md gives the reason for each; change both together.
// Scores are on 0..100, where 0, 25, 50, 75, 100 are the answers 1..5 ("strongly disagree" .. "strongly agree").

export const THRESHOLDS = {
  /** A layer is weak below the scale midpoint: on average people do not agree the practice exists. */
  layerWeakBelow: 50,
  /**
   * ... and by at least this many points (a fifth of an answer point), so that at large n a layer a hair below the
   * midpoint is not named beside one far below it: weakness needs size, not only significance.
   */
  layerWeakMargin: 5,
  /** Weak layers closer than this (points), or whose difference lies within noise, cannot be told apart. */
  layerDistinctGap: 5,
  /**
   * Fewest effective respondents before anything is diagnosed (scores are still shown from the privacy minimum on):
   * the smallest n at which no diagnosis is falsely asserted in more than 5% of simulated populations that do not have
   * it (already so from n = 3) and at most 5% of asserted diagnoses would be unmade by leaving out any one respondent
   * (docs/METHOD.md §6.4).
   */
  diagnosisMinN: 20,
  /**
   * Share of a respondent's scale-score variance that is the person's true level rather than answer noise, used for
   * the finite-population correction and for a leader's own answer noise when the scale has no alpha (a common floor
   * for acceptable reliability; the scale's own alpha replaces it when there is one).
   */
  defaultReliability: 0.7,
  /** Flagged (careless) responses from this share on lead the report and mark every diagnosis. */
  flaggedShareCaution: 0.25,
  /** ... and from this share on, the diagnosis is withheld. */
  flaggedShareWithhold: 0.5,
  /** A scale where at least this share of the answers is "don't know" is a practice most people cannot see. */
  dontKnowInvisible: 0.5,
  /** Two departments this far apart on a layer (one answer point), beyond noise, are polarised. */
  polarisedGap: 25,
  /** Replacement-only (2026.2): staff agree, on average, that AI took over work people did. */
  workReplacedHigh: 60,
  /** Replacement-only (2026.1, which has no work_replaced): operating impact at least at the midpoint stands in. */
  impactProxyAtLeast: 50,
  /** Family-wise error rate of every breakdown's difference markers (Bonferroni over the comparisons shown). */
  familyAlpha: 0.05,
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
  /**
   * Boss B, from the waiting ledger (2026.2): at least a third of the waiting days a month wait on the boss (decisions,
   * and waits held by senior leadership): twice an even share of the six wait kinds, three times the simulation's
   * ordinary organisation (docs/METHOD.md §9.6).
   */
  ledgerBossShareHigh: 0.33,
  /**
   * Cash-poor, from the time ledger: at least 4 hours a week of named time sinks per respondent, a tenth of a working
   * week (the headline, 200 hours a week in a company of 50).
   */
  ledgerTimeHoursHigh: 4,
  /** Cash-poor, from the knowledge ledger: at least 5 checks with a senior colleague a week per respondent (one a day). */
  ledgerChecksHigh: 5,
  /**
   * Spread (coefficient of variation) of a respondent's ledger total between respondents, skipped steps as zero, for
   * the per-respondent figures' standard error: the simulation's ledgers give 1.04–1.06; 1.25 leaves room for heavier
   * tails in real campaigns.
   */
  ledgerSpread: 1.25,
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
