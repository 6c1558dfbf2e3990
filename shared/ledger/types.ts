// The three ledgers as a respondent fills them in (instrument 2026.2 on): structured entries, never a name. A wait is
// held by a department of the campaign or by a level, never by a person.
import type { ChoiceOption, Level, Localized } from '../instrument';

export const LEDGERS = ['time', 'waiting', 'knowledge'] as const;
export type LedgerName = (typeof LEDGERS)[number];

/** Where time leaks: the kind of work, hours a week, and (optionally) why it falls to this person. */
export interface TimeEntry {
  category: string;
  hoursPerWeek: number;
  reason?: string;
  /** Free text, only when the campaign allows it; cleaned (cleanLabel) before it is stored. */
  label?: string;
}

/** Who holds a wait: a department from the campaign's list, or a level. */
export type WaitHolder = { department: string } | { level: Level };

/** Where work waits: on what, held by whom, the typical wait in working days, and how often a month. */
export interface WaitEntry {
  kind: string;
  heldBy: WaitHolder;
  days: number;
  timesPerMonth: number;
  label?: string;
}

/** Where experience is locked up: the judgment checked with a senior colleague, how often, and whether an SOP exists. */
export interface KnowledgeEntry {
  category: string;
  checksPerWeek: number;
  sop?: string;
  label?: string;
}

/** One respondent's ledger entries; every part optional, each at most `maxEntries` long. */
export interface LedgerAnswers {
  time?: TimeEntry[];
  waiting?: WaitEntry[];
  knowledge?: KnowledgeEntry[];
}

/**
 * What a campaign sets about the ledger step at creation. Category lists replace the instrument's defaults (`other` is
 * always added); free-text labels are off unless `labels` is given.
 */
export interface CampaignLedgerSettings {
  timeCategories?: CampaignCategory[];
  knowledgeCategories?: CampaignCategory[];
  /** Free-text labels per entry: allowed, and deleted this many days after the campaign closes. */
  labels?: { keepDays: number };
}

/** A campaign's own category: a short id and its name in the campaign's languages. */
export interface CampaignCategory {
  id: string;
  label: Partial<Localized>;
}

/** A number range of the design, in the ledger's unit (LedgerRange of the instrument). */
export interface Range {
  min: number;
  max: number;
  step: number;
}

/** The ledger step as one campaign asks it: the instrument's design with the campaign's lists. */
export interface ResolvedLedgerDesign {
  maxEntries: number;
  time: { categories: ChoiceOption[]; reasons: ChoiceOption[]; hoursPerWeek: Range };
  waiting: { kinds: ChoiceOption[]; days: Range; timesPerMonth: Range };
  knowledge: { categories: ChoiceOption[]; checksPerWeek: Range; sop: ChoiceOption[] };
  /**
   * The departments a wait may be held by; null: any department name (a CSV scored without a campaign, where the
   * department column is free text too).
   */
  departments: readonly string[] | null;
  /** Whether entries may carry a free-text label. */
  labels: boolean;
  /**
   * Any category id (CATEGORY_ID) for time and knowledge, not only the listed ones: the scoring engine's check, which
   * has no campaign (the API checks the campaign's own list before anything is stored).
   */
  openCategories?: boolean;
}
