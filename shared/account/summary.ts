// What an operating review looks at: the essay's three questions answered with the account's own numbers (which
// time sink got compressed, which wait got removed, which knowledge got structured), freed capacity by destination,
// and the stage-two register's state. A recorded review keeps this summary frozen as it stood.

import { bookFreedCapacity, type FreedBooking, recordInForce } from './capacity';
import { hasFreed } from './entries';
import type { PublishedLedger } from './ledger-cells';
import { type FlowState, registerState } from './stage-two';
import {
  type CapacityRecord,
  ENTRY_STATUSES,
  type Entry,
  type EntryStatus,
  type Flow,
  type LedgerName,
  type SopState,
} from './types';

export interface DoneWork {
  id: string;
  title: string;
  status: EntryStatus;
  ownerRole: string | null;
  /** Headline figure before and now: hours a week, days of wait, checks a week. */
  from: number;
  to: number;
  sopFrom?: SopState | null;
  sopTo?: SopState | null;
}

export interface AccountSummary {
  /** The day the summary is of (YYYY-MM-DD). */
  asOf: string;
  entries: { total: number; byStatus: Partial<Record<EntryStatus, number>> };
  /** The essay's three questions: time sinks compressed, waits removed, knowledge structured. */
  questions: Record<'compressed' | 'removed' | 'structured', DoneWork[]>;
  freed: Record<LedgerName, FreedBooking>;
  capacity: CapacityRecord | null;
  register: FlowState[];
}

const QUESTION_OF: Record<LedgerName, keyof AccountSummary['questions']> = {
  time: 'compressed',
  waiting: 'removed',
  knowledge: 'structured',
};

export function accountSummary(
  entries: readonly Entry[],
  records: readonly CapacityRecord[],
  flows: readonly Flow[],
  asOf: string,
): AccountSummary {
  const byStatus: Partial<Record<EntryStatus, number>> = {};
  for (const s of ENTRY_STATUSES) {
    const n = entries.filter((e) => e.status === s).length;
    if (n > 0) byStatus[s] = n;
  }
  const questions: AccountSummary['questions'] = { compressed: [], removed: [], structured: [] };
  for (const e of entries) {
    if (!hasFreed(e.status) || !e.baseline || !e.current) continue;
    questions[QUESTION_OF[e.ledger]].push({
      id: e.id,
      title: e.title,
      status: e.status,
      ownerRole: e.ownerRole,
      from: e.baseline.value,
      to: e.current.value,
      ...(e.ledger === 'knowledge' ? { sopFrom: e.baseline.sop ?? null, sopTo: e.current.sop ?? null } : {}),
    });
  }
  const capacity = recordInForce(records, asOf);
  return {
    asOf,
    entries: { total: entries.length, byStatus },
    questions,
    freed: bookFreedCapacity(entries, capacity),
    capacity,
    register: registerState(flows),
  };
}

/** Entries whose status moved after `from` and at or before `to` (ISO times); making an entry is not a move. */
export function movedBetween(entries: readonly Entry[], from: string, to: string): Entry[] {
  return entries.filter((e) => e.statusLog.slice(1).some((s) => s.at > from && s.at <= to));
}

/** How far before a wave's close reviews count as the account being reviewed "regularly" (a quarter). */
export const REVIEW_WINDOW_DAYS = 92;

export type CadenceFinding = 'not_reviewed' | 'reviewed_not_seen' | 'reviewed_and_seen' | 'not_measured';

export interface ReviewCadence {
  /** Reviews held in the REVIEW_WINDOW_DAYS up to the day. */
  reviews: number;
  lastHeldOn: string | null;
  /**
   * The workforce's view: the share agreeing that where time goes is discussed in operating reviews when the report
   * has that item, else the time-ledger signal's score (0–100) that contains it; null when not published.
   */
  workforce: { measure: 'item_favourable' | 'signal_score'; value: number } | null;
  finding: CadenceFinding;
}

const dayMinus = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The review log set beside the workforce's answer on whether ledgers are discussed in operating reviews: not
 * reviewed (no review in the quarter), reviewed but not seen (the workforce does not agree: below half favourable,
 * or a signal score below the midpoint), reviewed and seen, or not measured.
 */
export function reviewCadence(
  reviews: readonly { heldOn: string }[],
  day: string,
  workforce: ReviewCadence['workforce'],
): ReviewCadence {
  const since = dayMinus(day, REVIEW_WINDOW_DAYS);
  const inWindow = reviews.filter((r) => r.heldOn > since && r.heldOn <= day);
  const last = reviews
    .filter((r) => r.heldOn <= day)
    .reduce<string | null>((a, r) => (a && a > r.heldOn ? a : r.heldOn), null);
  let finding: CadenceFinding;
  if (inWindow.length === 0) finding = 'not_reviewed';
  else if (!workforce) finding = 'not_measured';
  else {
    const seen = workforce.measure === 'item_favourable' ? workforce.value >= 0.5 : workforce.value >= 50;
    finding = seen ? 'reviewed_and_seen' : 'reviewed_not_seen';
  }
  return { reviews: inWindow.length, lastHeldOn: last, workforce, finding };
}

export interface CommonCell {
  ledger: 'time' | 'waiting';
  category: string;
  name: string;
  /** Companies where it is among the top cells. */
  companies: number;
}

/**
 * Across a portfolio, how often each time sink and wait kind is among a company's top `top` (by hours a week, by
 * waiting days a month), counting only rows published in that company: a hidden row counts nowhere.
 */
export function commonTopCells(
  ledgers: readonly PublishedLedger[],
  top = 3,
): { companies: number; cells: CommonCell[] } {
  const tally = new Map<string, CommonCell>();
  const count = (ledger: CommonCell['ledger'], rows: { id: string; name: string; load: number }[]) => {
    for (const row of [...rows].sort((a, b) => b.load - a.load || a.id.localeCompare(b.id)).slice(0, top)) {
      const key = `${ledger}:${row.id}`;
      const seen = tally.get(key) ?? { ledger, category: row.id, name: row.name, companies: 0 };
      seen.companies++;
      tally.set(key, seen);
    }
  };
  for (const l of ledgers) {
    if (!l.time.suppressed) {
      count(
        'time',
        l.time.rows.flatMap((r) => (r.suppressed ? [] : [{ id: r.id, name: r.name, load: r.hoursPerWeek }])),
      );
    }
    if (!l.waiting.suppressed) {
      count(
        'waiting',
        l.waiting.rows.flatMap((r) => (r.suppressed ? [] : [{ id: r.id, name: r.name, load: r.waitingDaysPerMonth }])),
      );
    }
  }
  return { companies: ledgers.length, cells: ordered([...tally.values()]) };
}

const ordered = (cells: CommonCell[]): CommonCell[] =>
  cells.sort(
    (a, b) => b.companies - a.companies || a.ledger.localeCompare(b.ledger) || a.category.localeCompare(b.category),
  );

/**
 * The tallies of disjoint sets of companies (the pages of GET /portfolio/accounts) as one: each counts companies, so
 * they add up to the tally of all of them (`commonTopCells` of every ledger), in the same order.
 */
export function mergeCommonCells(parts: readonly { companies: number; cells: readonly CommonCell[] }[]): {
  companies: number;
  cells: CommonCell[];
} {
  const tally = new Map<string, CommonCell>();
  let companies = 0;
  for (const part of parts) {
    companies += part.companies;
    for (const c of part.cells) {
      const key = `${c.ledger}:${c.category}`;
      const seen = tally.get(key);
      tally.set(key, seen ? { ...seen, companies: seen.companies + c.companies } : { ...c });
    }
  }
  return { companies, cells: ordered([...tally.values()]) };
}
