import type { EvidenceNotePart } from './diagnosis/evidence-notes';
import type { Layer, Level, LikertSignal, Localized } from './instrument';
import type { LedgerReport } from './ledger/ledger-report';
import type { WaitHolder } from './ledger/types';

/** Maturity levels 1..5; names and cut-offs are in docs/METHOD.md. */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/** Statistics of one scale (a layer or a likert signal) for one group of respondents. */
export interface ScaleScore {
  /** 0..100 (mean of respondent scale scores mapped from 1..5); null when no respondent has a scale score. */
  score: number | null;
  /** 95% confidence interval of the score, clamped to 0..100; null when n < 2. */
  ci95: [number, number] | null;
  level: MaturityLevel | null;
  levelName: string | null;
  /** Respondents with a scale score (at least half the scale's items answered). */
  n: number;
  /** Share of this scale's item answers that were "don't know", over all item answers given (0..1). */
  dontKnowRate: number;
  /** rwg(j) against the uniform null (0..1), null when n < 2. */
  agreement: number | null;
  /** Cronbach's alpha from complete cases; null below 30 complete cases (Spearman-Brown for two-item scales). */
  alpha: number | null;
  /** Standard deviation of respondent scale scores on 0..100. */
  sd: number | null;
  /**
   * Standard error of the score on 0..100 (sd / √n for respondent-means; from item variances and pairwise
   * covariances for item-means, docs/METHOD.md §3); null when n < 2. Absent in reports made before it existed.
   */
  se?: number | null;
  /** Item-means scales only: alpha was computed but is unstable (few respondents behind a pairwise covariance). */
  alphaUnstable?: boolean;
}

/** One likert item's answers in a group: per-question results (top-2-box) and its own don't-know rate. */
export interface ItemScore {
  /** Respondents with a score on the item's scale who answered it 1..5. */
  n: number;
  /** Of those, how many gave each scored value 1..5 (reverse-worded items flipped: 5 is always the mature end). */
  counts: number[];
  /** Shares of n scoring 4–5 (agreeing with the mature practice), 3, and 1–2; null when n = 0 or withheld. */
  favourable: number | null;
  neutral: number | null;
  unfavourable: number | null;
  /** The item's mean on 0..100; null when n = 0 or withheld. */
  score: number | null;
  /** "Don't know" among all answers given to the item, by every respondent; null when withheld. */
  dontKnowRate: number | null;
  /** Answers of any kind given to the item. */
  answers: number;
}

/** Answers to a choice item, per option id of the instrument's item (docs/METHOD.md: option meanings). */
export interface CapacityDistribution {
  n: number;
  counts: Record<string, number>;
  /** counts / n; all 0 when n = 0. */
  shares: Record<string, number>;
}

export interface QualitySummary {
  /** Responses flagged for any reason. */
  flagged: number;
  straightLining: number;
  tooFast: number;
  /** Whether flagged responses were left out of the scores (they are always counted here). */
  excluded: boolean;
}

/** The engine's report for one group: what `report(stats)` returns. */
export interface GroupReport {
  instrument: { id: string; version: string };
  /** Responses scored (after any quality exclusion). */
  n: number;
  layers: Record<Layer, ScaleScore>;
  /** The likert signals the instrument asks about; a signal it does not ask about is absent. */
  signals: Partial<Record<LikertSignal, ScaleScore>>;
  /** What freed capacity is for (the capacity item, per option). */
  capacityDecision: CapacityDistribution;
  quality: QualitySummary;
  /** Whether leadership has decided at all (2026.2 on; absent for instruments without that item). */
  capacityDecided?: CapacityDistribution;
  /** Per likert item id, its answers (absent in reports made before per-item statistics existed). */
  items?: Record<string, ItemScore>;
}

export type DiagnosisCode =
  | 'cash_rich_trap'
  | 'cash_poor_trap'
  | 'boss_b_trap'
  | 'replacement_only'
  // Klarna's lesson, whatever freed capacity is said to be for: customers cannot reliably reach a person.
  | 'human_exit_missing';

export interface Evidence {
  /** A layer, a signal, a capacity option share, a profile field, or a gap ("gap:roles"). */
  source: string;
  value: number;
  threshold: number;
  comparison: '<' | '<=' | '>' | '>=';
  /** Whether this piece of evidence holds. */
  met: boolean;
  /** The note in English (for the API and the CLI), made from `noteParts`. */
  note?: string;
  /** The note's parts as codes with their figures: the report says them in its language (evidence-notes.ts). */
  noteParts?: EvidenceNotePart[];
}

export interface Diagnosis {
  code: DiagnosisCode;
  /** Calibrated (docs/METHOD.md §6.5): of patterns asserted at this confidence, about this share hold. Below 1. */
  confidence: number;
  evidence: Evidence[];
  /** The explanation in English, the reference language. */
  explanation: string;
  /** The joint support of the criteria before calibration (absent in reports made before calibration existed). */
  support?: number;
  /** The confidence in words (docs/METHOD.md §6.5). */
  likelihood?: 'more_likely' | 'likely' | 'very_likely';
  /** The explanation in every report language, built from the same numbers. */
  explanations?: Localized;
  /** Set when many responses are flagged as careless: read with care (the finding says why). */
  caution?: 'flagged_responses';
}

/** Report-level findings: what the report leads with, beside or instead of the traps. */
export type FindingCode =
  /** Fewer effective respondents than a diagnosis needs: scores are shown, nothing is diagnosed. */
  | 'too_few_to_diagnose'
  /** A large share of responses is flagged as careless: the diagnosis is marked or withheld. */
  | 'careless_responses'
  /** Most answers on a layer or signal are "don't know": nobody can see these practices. */
  | 'practices_invisible'
  /** Several layers weak at about the same level: no single first break. */
  | 'several_weak_layers'
  /** Two departments far apart on a layer, beyond noise. */
  | 'polarised_departments';

export interface Finding {
  code: FindingCode;
  /** Shown before the diagnosis (a finding that changes how everything below is read). */
  lead: boolean;
  text: Localized;
  evidence: Evidence[];
}

/** A report note (what was not diagnosed and why), in every report language. */
export interface Note {
  code: 'not_checked' | 'not_asserted' | 'borderline' | 'diagnosis_withheld';
  /** The diagnosis the note is about, when it is about one. */
  about?: DiagnosisCode;
  text: Localized;
}

export interface Recommendation {
  layer: Layer | null;
  ledger: 'time' | 'waiting' | 'knowledge' | null;
  /** One sentence of action, in English. */
  action: string;
  /** The diagnosis a trap-specific recommendation answers; absent for layer recommendations. */
  code?: DiagnosisCode;
  /** What the action is about; no two recommendations of a report share one. */
  topic?: string;
  /** The action in every report language. */
  actions?: Localized;
  /** The evidence the action answers, one short clause in every report language. */
  because?: Localized;
  /** Where the action comes from: a diagnosis, a weak layer, or the ledgers respondents kept (issue 10). */
  source?: 'diagnosis' | 'layer' | 'ledger';
  /** The action in every language, when it was written from the ledger (`action` is its English). */
  text?: Localized;
  /**
   * The published ledger row a ledger action names (source `ledger`): a category, or a wait's kind (`category`) and
   * holder. The operating account makes an accepted action's baseline from it and reconciles it like a cell entry.
   */
  cell?: { category: string; heldBy?: WaitHolder };
}

/** A difference between two published groups with its simultaneous interval (docs/METHOD.md §5.7). */
export interface DifferenceEstimate {
  value: number;
  ci: [number, number];
  beyondNoise: boolean;
}

/** Managers minus frontline, per layer and on average, whenever both are published and large enough. */
export interface LevelGap {
  upper: Level;
  lower: Level;
  n: { upper: number; lower: number };
  layers: Partial<Record<Layer, DifferenceEstimate>>;
  /** Mean of the per-layer gaps. */
  mean: number;
}

/**
 * How a layer was judged for the first break (docs/METHOD.md): `weak` when the whole 95% interval lies below the
 * midpoint, `borderline` when only the score does, `unknown` when too few respondents have a score for it.
 */
export type LayerVerdict = 'weak' | 'borderline' | 'sound' | 'unknown';

/** The full readiness report: the workforce group report plus diagnosis. */
export interface ReadinessReport extends GroupReport {
  minGroupSize: number;
  diagnoses: Diagnosis[];
  firstBreak: Layer | null;
  recommendations: Recommendation[];
  /** Leadership minus workforce per layer, when a leadership view exists. */
  leadershipGap: Partial<Record<Layer, number>> | null;
  /** Per-layer verdict behind firstBreak; optional only so reports stored before it existed still type-check. */
  layerVerdicts?: Record<Layer, LayerVerdict>;
  /** Plain-English notes on what was not diagnosed and why (too few responses, a pattern below confidence). */
  diagnosisNotes?: string[];
  /** The same notes in every report language. */
  notes?: Note[];
  /** Findings beside the traps; `lead` ones come first on the page. */
  findings?: Finding[];
  /** Whether the workforce is large enough to diagnose (apart from the privacy minimum), and how that was read. */
  diagnosisMinimum?: {
    n: number;
    effectiveN: number;
    required: number;
    headcount: number | null;
    met: boolean;
  };
  /** Why nothing is diagnosed although scores are shown; absent when the diagnosis ran. */
  diagnosisWithheld?: 'too_few_responses' | 'flagged_responses' | null;
  /** Weak layers that cannot be told apart (in cascade order): no single first break is named then. */
  weakTogether?: Layer[];
  /** Managers minus frontline (both published), whether or not a leadership view exists. */
  levelGap?: LevelGap | null;
  /** The published ledger tables (instruments with a ledger step; shared/ledger). */
  ledger?: LedgerReport;
}
