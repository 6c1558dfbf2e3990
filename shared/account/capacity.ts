// The capacity-allocation record: leadership's decision on what freed capacity is for, the freed capacity of the
// account's entries booked against it, and what the workforce says was decided set beside it.

import { DESTINATIONS as MEANINGS } from '../diagnosis/capacity';
import { type CapacityMeaning, capacityItem, type Instrument } from '../instrument';
import type { CapacityDistribution } from '../report-model';
import { hasFreed, type Issue, loadOf } from './entries';
import { type CapacityRecord, DESTINATIONS, type Destination, type Entry, LEDGERS, type LedgerName } from './types';

/**
 * The destination meaning the workforce names most (summed over the options of that meaning, as the diagnosis reads
 * them: shared/diagnosis/capacity.ts), or null when nobody names one.
 */
function topMeaning(instrument: Instrument, dist: CapacityDistribution): (typeof MEANINGS)[number] | null {
  const shares = new Map<CapacityMeaning, number>();
  for (const option of capacityItem(instrument)?.options ?? []) {
    shares.set(option.meaning, (shares.get(option.meaning) ?? 0) + (dist.shares[option.id] ?? 0));
  }
  let top: { meaning: (typeof MEANINGS)[number]; share: number } | null = null;
  for (const meaning of MEANINGS) {
    const share = shares.get(meaning) ?? 0;
    if (share > 0 && (top === null || share > top.share)) top = { meaning, share };
  }
  return top?.meaning ?? null;
}

/** What each destination means in the survey's terms (instrument 2026.2's option meanings). */
export const DESTINATION_MEANING: Record<Destination, Exclude<CapacityMeaning, 'undecided' | 'unknown'>> = {
  cost_down: 'cost',
  redeployment: 'learning',
  more_output: 'growth',
  higher_quality: 'growth',
  faster_response: 'growth',
  new_business: 'growth',
  learning: 'learning',
};

/** The unit freed capacity of a ledger is counted in. */
export const FREED_UNIT: Record<LedgerName, 'hours_per_week' | 'waiting_days_per_month' | 'checks_per_week'> = {
  time: 'hours_per_week',
  waiting: 'waiting_days_per_month',
  knowledge: 'checks_per_week',
};

/** Shares, preconditions and dates that do not fit together, naming the fields. */
export function capacityIssues(record: Omit<CapacityRecord, 'id'>): Issue[] {
  const issues: Issue[] = [];
  const chosen = DESTINATIONS.filter((d) => (record.shares[d] ?? 0) > 0);
  const sum = DESTINATIONS.reduce((s, d) => s + (record.shares[d] ?? 0), 0);
  if (chosen.length === 0) issues.push({ field: 'shares', message: 'give at least one destination a share' });
  if (sum > 100) issues.push({ field: 'shares', message: `the shares add up to ${sum}%, more than 100%` });
  for (const d of chosen) {
    if (!record.preconditions[d]) {
      issues.push({
        field: `preconditions.${d}`,
        message: 'answer the precondition of every destination with a share',
      });
    }
  }
  for (const d of DESTINATIONS) {
    if (record.preconditions[d] && !chosen.includes(d)) {
      issues.push({ field: `preconditions.${d}`, message: 'this destination has no share' });
    }
  }
  if ((record.toldStaffOn === null) !== (record.toldHow === null)) {
    issues.push({
      field: record.toldStaffOn === null ? 'toldStaffOn' : 'toldHow',
      message: 'give both when and how staff were told',
    });
  }
  if (record.toldStaffOn !== null && record.toldStaffOn < record.decidedOn) {
    issues.push({ field: 'toldStaffOn', message: 'staff were told of the decision before it was taken' });
  }
  return issues;
}

/** The decision in force on a day: the latest decided on or before it (records by `decidedOn`, then list order). */
export function recordInForce<R extends Pick<CapacityRecord, 'decidedOn'>>(
  records: readonly R[],
  day: string,
): R | null {
  let found: R | null = null;
  for (const r of records) if (r.decidedOn <= day && (!found || r.decidedOn >= found.decidedOn)) found = r;
  return found;
}

export interface FreedBooking {
  unit: (typeof FREED_UNIT)[LedgerName];
  /** Freed capacity of the ledger's done entries (baseline load minus current load, never below 0). */
  freed: number;
  /** Booked per destination with a share. */
  byDestination: Partial<Record<Destination, number>>;
  /** What no decision covers: all of it without a record, the rest of 100% with one. */
  unallocated: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Freed capacity of one entry: the baseline's load minus the current reading's, for entries whose work is done. */
export function freedOf(entry: Entry): number {
  if (!hasFreed(entry.status) || !entry.baseline || !entry.current) return 0;
  return Math.max(0, loadOf(entry.ledger, entry.baseline) - loadOf(entry.ledger, entry.current));
}

/** The freed capacity of every ledger booked against the record's shares; without a record all of it is unallocated. */
export function bookFreedCapacity(
  entries: readonly Entry[],
  record: CapacityRecord | null,
): Record<LedgerName, FreedBooking> {
  const out = {} as Record<LedgerName, FreedBooking>;
  for (const ledger of LEDGERS) {
    const freed = entries.filter((e) => e.ledger === ledger).reduce((s, e) => s + freedOf(e), 0);
    const byDestination: Partial<Record<Destination, number>> = {};
    let booked = 0;
    for (const d of DESTINATIONS) {
      const share = record?.shares[d] ?? 0;
      if (share > 0) {
        byDestination[d] = round1((freed * share) / 100);
        booked += (freed * share) / 100;
      }
    }
    out[ledger] = {
      unit: FREED_UNIT[ledger],
      freed: round1(freed),
      byDestination,
      unallocated: round1(freed - booked),
    };
  }
  return out;
}

export const FINDINGS = [
  'nothing_decided',
  'decided_not_told',
  'told_but_not_heard',
  'decided_and_told',
  'believed_without_record',
  'not_measured',
] as const;
export type CommunicationFinding = (typeof FINDINGS)[number];

export interface Communication {
  finding: CommunicationFinding;
  /** The decision in force when the wave closed. */
  record: CapacityRecord | null;
  /** What the workforce says: shares of "decided and told us", "decided, not told", "not decided", "don't know". */
  workforce: { n: number; told: number; notTold: number; notDecided: number; unknown: number } | null;
  /** The record's leading direction and the workforce's most-named one, by meaning; null when either is missing. */
  directions: { recorded: CapacityMeaning; workforce: CapacityMeaning | null; match: boolean } | null;
}

/** A majority of the workforce saying "decided, and we were told" counts as told. */
export const TOLD_MAJORITY = 0.5;

function leadingMeaning(record: CapacityRecord): CapacityMeaning {
  const totals: Partial<Record<CapacityMeaning, number>> = {};
  for (const d of DESTINATIONS) {
    const m = DESTINATION_MEANING[d];
    totals[m] = (totals[m] ?? 0) + (record.shares[d] ?? 0);
  }
  return (Object.entries(totals).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]?.[0] ?? 'cost') as CapacityMeaning;
}

/**
 * The survey's capacity answers as a communication measure: "nothing decided" (no record, and the workforce does not
 * believe otherwise), "decided but not told" (a record, a workforce without a told majority), "told but not heard"
 * (the record says staff were told), "decided and told", or "believed without a record". Not measured when the
 * wave has no published "has leadership decided" answers (2026.1, or too few).
 */
export function communicationOf(
  instrument: Instrument,
  record: CapacityRecord | null,
  decided: CapacityDistribution | undefined,
  decision: CapacityDistribution | undefined,
  minGroupSize: number,
): Communication {
  const options = instrument.items.find((i) => i.type === 'choice' && i.signal === 'capacity_decided');
  if (!decided || !options || options.type !== 'choice' || decided.n < minGroupSize) {
    return { finding: 'not_measured', record, workforce: null, directions: null };
  }
  const share = (meaning: string) =>
    options.options.filter((o) => o.meaning === meaning).reduce((s, o) => s + (decided.shares[o.id] ?? 0), 0);
  const workforce = {
    n: decided.n,
    told: share('told'),
    notTold: share('not_told'),
    notDecided: share('not_decided'),
    unknown: share('unknown'),
  };
  const told = workforce.told >= TOLD_MAJORITY;
  const finding: CommunicationFinding = record
    ? told
      ? 'decided_and_told'
      : record.toldStaffOn
        ? 'told_but_not_heard'
        : 'decided_not_told'
    : told
      ? 'believed_without_record'
      : 'nothing_decided';
  let directions: Communication['directions'] = null;
  if (record) {
    const recorded = leadingMeaning(record);
    const workforceMeaning = decision && decision.n >= minGroupSize ? topMeaning(instrument, decision) : null;
    directions = { recorded, workforce: workforceMeaning, match: workforceMeaning === recorded };
  }
  return { finding, record, workforce, directions };
}
