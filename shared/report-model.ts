import type { Layer, LikertSignal, Localized } from './instrument';
import type { LedgerReport } from './ledger/ledger-report';

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
}

export type DiagnosisCode = 'cash_rich_trap' | 'cash_poor_trap' | 'boss_b_trap' | 'replacement_only';

export interface Evidence {
  /** A layer, a signal, a capacity option share, a profile field, or a gap ("gap:roles"). */
  source: string;
  value: number;
  threshold: number;
  comparison: '<' | '<=' | '>' | '>=';
  /** Whether this piece of evidence holds. */
  met: boolean;
  note?: string;
}

export interface Diagnosis {
  code: DiagnosisCode;
  /** 0..1. */
  confidence: number;
  evidence: Evidence[];
  explanation: string;
}

export interface Recommendation {
  layer: Layer | null;
  ledger: 'time' | 'waiting' | 'knowledge' | null;
  action: string;
  /** The diagnosis a trap-specific recommendation answers; absent for layer recommendations. */
  code?: DiagnosisCode;
  /** The action in every language, when it was written from the ledger (`action` is its English). */
  text?: Localized;
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
  /** The published ledger tables (instruments with a ledger step; shared/ledger). */
  ledger?: LedgerReport;
}
