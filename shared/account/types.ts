// The operating account (issue 11): the three ledgers' entries owned and moved by leadership, the decision on what
// freed capacity is for, and the register of work AI now does in people's place (Klarna's stage two). All of it is
// leadership's own record, knowingly not anonymous; it names roles and departments, never a person.

import type { Level } from '../instrument';

export const LEDGERS = ['time', 'waiting', 'knowledge'] as const;
export type LedgerName = (typeof LEDGERS)[number];

/**
 * An entry's life: `logged → targeted → incision_running → compressed / removed / structured → verified`, or `dropped`
 * (with a reason). `proposed` is a report recommendation not yet taken up; the executive accepts it (`logged`) or
 * dismisses it (`dismissed`, with a reason).
 */
export const ENTRY_STATUSES = [
  'proposed',
  'logged',
  'targeted',
  'incision_running',
  'compressed',
  'removed',
  'structured',
  'verified',
  'dropped',
  'dismissed',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const OUTCOMES = ['compressed', 'removed', 'structured'] as const satisfies readonly EntryStatus[];
export type Outcome = (typeof OUTCOMES)[number];

/** Which outcomes a ledger's work can reach: a time sink or a wait shrinks or goes; knowledge gets structured. */
export const OUTCOMES_OF: Record<LedgerName, readonly Outcome[]> = {
  time: ['compressed', 'removed'],
  waiting: ['compressed', 'removed'],
  knowledge: ['structured'],
};

export const SOP_STATES = ['none', 'unused', 'used'] as const;
export type SopState = (typeof SOP_STATES)[number];

/**
 * A figure in the ledger's own unit. `value` is the headline: hours a week per person (time), the median wait in
 * working days (waiting), checks with a senior colleague a week per person (knowledge). `total` is the load freed
 * capacity is counted in: hours a week, waiting days a month, checks a week, over everyone it touches.
 */
export interface Measure {
  value: number;
  /** Times a month the wait happens (waiting only). */
  perMonth?: number | null;
  /** People it touches. */
  people?: number | null;
  /** Whether a written procedure exists and is used (knowledge only). */
  sop?: SopState | null;
  /** The load; when absent it is value × people (× perMonth for a wait). */
  total?: number | null;
}

/** Who holds a wait: a department of the campaign or a level, never a person (the ledger step's holders). */
export type WaitHolder = { department: string } | { level: Level };

/** A published cell of a campaign's ledger tables: a time or knowledge category, a wait kind, or kind × holder. */
export interface CellRef {
  campaignId: string;
  ledger: LedgerName;
  /** The category id (time, knowledge) or the wait kind (waiting). */
  category: string;
  /** Waits only: the holder of the kind × holder cell; absent: the kind as a whole. */
  heldBy?: WaitHolder | null;
}

/** A median with its distribution-free 95% interval (null below 6 answers), as the ledger tables publish it. */
export interface MedianFigure {
  median: number | null;
  ci95: [number, number] | null;
}

/** What a published cell says, copied when an entry is made from it or reconciled against it. */
export interface CellFigures {
  /** The category's (and holder's) name as the table shows it. */
  name: string;
  /** Respondents naming it. */
  respondents: number;
  /** The workforce's n in that wave (shares and the load's scaling are of it). */
  n: number;
  /** The headline figure: hours a week per person, days of wait, checks a week. */
  headline: MedianFigure;
  /** Waits: times a month. */
  perMonth?: MedianFigure | null;
  /** The load: hours a week, waiting days a month, checks a week in all. */
  total: number;
  /** Knowledge: answers per SOP state. */
  sop?: Partial<Record<SopState, number>> | null;
}

export type EntrySource =
  | { kind: 'typed' }
  | { kind: 'cell'; cell: CellRef; figures: CellFigures }
  | {
      kind: 'recommendation';
      campaignId: string;
      index: number;
      action: string;
      /**
       * The published cell a ledger action names, with its figures when it was accepted: the entry's baseline, and
       * what it is reconciled against, as for an entry made from the cell itself.
       */
      cell?: CellRef;
      figures?: CellFigures;
    };

/** Until when: a date, or a survey wave (a campaign of the organisation) by which the next reading is taken. */
export type Due = { date: string } | { wave: string };

export const SUGGESTIONS = ['target_met', 'moving', 'not_moving', 'worse', 'not_measurable'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

/** The same cell in a later wave beside the baseline (docs/METHOD.md: the reconciliation rule). */
export interface ReconciliationView {
  campaignId: string;
  suggestion: Suggestion;
  /** Absent when not measurable: the cell is below the minimum group size (or absent), and nothing is shown. */
  figures?: CellFigures;
  /** Later minus baseline headline, and whether it counts as real (the two 95% intervals do not overlap). */
  change?: { headline: number; real: boolean } | null;
}

/** A reconciliation the owner confirmed: what the data suggested and the status the owner set, both kept. */
export interface Reconciliation extends ReconciliationView {
  at: string;
  confirmed: EntryStatus;
}

export interface Entry {
  id: string;
  ledger: LedgerName;
  title: string;
  /** Where the work sits, or who holds the wait: a department or a level, never a person. */
  department: string | null;
  /** The role that owns the entry ("Head of Finance Ops"), never a name. */
  ownerRole: string | null;
  baseline: Measure | null;
  target: Measure | null;
  /** The latest reading: typed in, or the reconciled cell. */
  current: Measure | null;
  /** What will change. */
  incision: string | null;
  due: Due | null;
  status: EntryStatus;
  /** Why it was dropped or dismissed. */
  reason: string | null;
  source: EntrySource;
  reconciliations: Reconciliation[];
  /** Every status the entry had, with when it was set (kept on the entry so a wave's moves need no history read). */
  statusLog: { status: EntryStatus; at: string }[];
}

/** The essay's destinations for freed capacity, each on its own organisational logic. */
export const DESTINATIONS = [
  'cost_down',
  'redeployment',
  'more_output',
  'higher_quality',
  'faster_response',
  'new_business',
  'learning',
] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Leadership's decision on what freed capacity is for: dated, owned, shares in percent, each precondition answered. */
export interface CapacityRecord {
  id: string;
  /** The day the decision was taken (YYYY-MM-DD). */
  decidedOn: string;
  /** The role that owns the decision. */
  ownerRole: string;
  /** Percent per destination; the sum is at most 100, the rest is not allocated. */
  shares: Partial<Record<Destination, number>>;
  /** The answer to each chosen destination's precondition (essay): which work was replaced, who moves where, ... */
  preconditions: Partial<Record<Destination, string>>;
  /** When and how staff were told, if they were. */
  toldStaffOn: string | null;
  toldHow: string | null;
  note: string | null;
}

export const SIGNAL_KINDS = [
  'repeat_inquiries',
  'complaints',
  'refunds',
  'brand_negatives',
  'escalation_rate',
  'other',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** A quality signal of a flow AI handles, with the threshold that trips the rollback. */
export interface QualitySignal {
  kind: SignalKind;
  /** Required for `other`; a short name otherwise optional. */
  label: string | null;
  /** The unit the threshold and value are in ("% of chats", "per 1,000 orders"). */
  unit: string;
  threshold: number | null;
  /** Past the threshold means above it (complaints) or below it (a satisfaction score). */
  trips: 'above' | 'below';
  current: number | null;
  measuredOn: string | null;
}

/** A flow AI now handles in people's place, and who carries its stage two. */
export interface Flow {
  id: string;
  /** "First-line customer chat". */
  name: string;
  /** How a customer reaches a person. */
  humanExit: string | null;
  /** The role that adjudicates complex cases. */
  adjudicator: string | null;
  /** The role that owns the rollback and re-staffing trigger. */
  triggerOwner: string | null;
  signals: QualitySignal[];
  retired: boolean;
}

/** An operating review of the account: who held it, when, the notes, and the account as it stood (frozen). */
export interface Review<Summary = unknown> {
  id: string;
  heldOn: string;
  reviewerRole: string;
  notes: string;
  summary: Summary;
}

export type AccountKind = 'entry' | 'capacity' | 'flow' | 'review';

export type Actor = { role: 'admin' | 'consultant' | 'executive' | 'viewer'; subject: string };

/** One field an account change set: its value before and after. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * One change of an account item, written before the item itself. It names its parent (the change the item held when
 * the writer read it), so the item's history is the chain from its current change back to its creation; a change
 * whose item write never landed (a lost race, a crash) is on no chain and readers ignore it.
 */
export interface ChangeRecord {
  kind: AccountKind;
  itemId: string;
  version: number;
  changeId: string;
  parentId: string | null;
  at: string;
  by: Actor;
  fields: FieldChange[];
  /** Tells a retry of this very change (the same patch on the same version) from another writer's. */
  patchHash: string;
}
