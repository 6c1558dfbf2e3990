// Ledger entries: how one is made and how it may change. Pure: the caller passes the time and, for a reconciliation,
// the reconciled view of the cell; the functions answer the new entry and the fields it changed, or the issues that
// stop the change, each naming its field as the API reports it.

import { canonicalJson } from './canonical';
import {
  type CellFigures,
  type CellRef,
  type Due,
  type Entry,
  type EntrySource,
  type EntryStatus,
  type FieldChange,
  type LedgerName,
  type Measure,
  OUTCOMES,
  OUTCOMES_OF,
  type Outcome,
  type ReconciliationView,
} from './types';

export interface Issue {
  field: string;
  message: string;
}

/** Where a status sits on the way: 3 is any outcome; dropped and dismissed are off the way. */
const STAGE: Record<EntryStatus, number> = {
  proposed: -1,
  logged: 0,
  targeted: 1,
  incision_running: 2,
  compressed: 3,
  removed: 3,
  structured: 3,
  verified: 4,
  dropped: 9,
  dismissed: 9,
};

export const isOutcome = (s: EntryStatus): s is Outcome => (OUTCOMES as readonly string[]).includes(s);
/** Statuses that count as work done: freed capacity is booked for them. */
export const hasFreed = (s: EntryStatus): boolean => isOutcome(s) || s === 'verified';
export const isClosedStatus = (s: EntryStatus): boolean => s === 'dropped' || s === 'dismissed';

/** The published cell an entry's baseline comes from (made from a cell, or from a ledger action naming one). */
export function baselineCell(source: EntrySource): { cell: CellRef; figures: CellFigures } | null {
  if (source.kind === 'typed' || !source.cell || !source.figures) return null;
  return { cell: source.cell, figures: source.figures };
}

/** The load of a measure: hours a week, waiting days a month, checks a week (types.ts `Measure`). */
export function loadOf(ledger: LedgerName, m: Measure): number {
  if (typeof m.total === 'number') return m.total;
  const people = m.people ?? 1;
  return ledger === 'waiting' ? m.value * (m.perMonth ?? 1) * people : m.value * people;
}

/** A measure's fields that belong to another ledger. */
export function measureIssues(ledger: LedgerName, m: Measure | null | undefined, field: string): Issue[] {
  if (!m) return [];
  const issues: Issue[] = [];
  if (ledger !== 'waiting' && m.perMonth !== undefined && m.perMonth !== null) {
    issues.push({ field: `${field}.perMonth`, message: 'only a wait happens a number of times a month' });
  }
  if (ledger !== 'knowledge' && m.sop !== undefined && m.sop !== null) {
    issues.push({ field: `${field}.sop`, message: 'only a knowledge entry has a procedure' });
  }
  return issues;
}

/** The measure a published cell's figures stand for, its load scaled to a workforce of `scaleToN` (default: its own). */
export function measureFromFigures(
  ledger: LedgerName,
  figures: NonNullable<ReconciliationView['figures']>,
  scaleToN?: number,
): Measure {
  const scale = scaleToN && figures.n > 0 ? scaleToN / figures.n : 1;
  const sop = figures.sop
    ? (Object.entries(figures.sop).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]?.[0] as Measure['sop'])
    : undefined;
  return {
    value: figures.headline.median ?? 0,
    people: figures.respondents,
    total: Math.round(figures.total * scale * 1000) / 1000,
    ...(ledger === 'waiting' ? { perMonth: figures.perMonth?.median ?? null } : {}),
    ...(ledger === 'knowledge' && sop ? { sop } : {}),
  };
}

/** What must be set before an entry may stand at `to`, as issues naming the missing fields. */
function requirementIssues(entry: Entry, to: EntryStatus): Issue[] {
  const issues: Issue[] = [];
  const stage = STAGE[to];
  const need = (field: keyof Entry, what: string) => {
    if (entry[field] === null || entry[field] === '')
      issues.push({ field, message: `${what} before the entry is ${to.replace('_', ' ')}` });
  };
  if (to === 'dropped' || to === 'dismissed') {
    need('reason', 'give the reason');
    return issues;
  }
  if (stage >= 1) {
    need('baseline', 'set the baseline');
    need('target', 'set the target');
    need('ownerRole', 'name the owner role');
    need('due', 'set a due date or wave');
  }
  if (stage >= 2) need('incision', 'describe the incision');
  if (stage >= 3) need('current', 'record the current reading');
  if (isOutcome(to) && !OUTCOMES_OF[entry.ledger].includes(to)) {
    issues.push({
      field: 'status',
      message: `a ${entry.ledger} entry is ${OUTCOMES_OF[entry.ledger].join(' or ')}, not ${to}`,
    });
  }
  return issues;
}

/** Whether the way allows moving from `from` to `to` (requirements aside). */
function transitionIssue(from: EntryStatus, to: EntryStatus): Issue | null {
  if (from === to) return null;
  if (isClosedStatus(from)) return { field: 'status', message: `a ${from} entry does not move again; log a new one` };
  if (from === 'proposed') {
    return to === 'logged' || to === 'dismissed'
      ? null
      : { field: 'status', message: 'a proposed entry is accepted (logged) or dismissed first' };
  }
  if (to === 'proposed') return { field: 'status', message: 'an entry cannot become a proposal again' };
  if (to === 'dismissed') return { field: 'status', message: 'only a proposed entry is dismissed; drop this one' };
  if (to === 'verified' && !isOutcome(from)) {
    return { field: 'status', message: 'an entry is verified once it was compressed, removed or structured' };
  }
  return null;
}

function targetIssues(entry: Entry): Issue[] {
  const { baseline, target } = entry;
  if (!baseline || !target || target.value <= baseline.value) return [];
  return [{ field: 'target.value', message: `must not be above the baseline (${baseline.value})` }];
}

export interface NewEntryInput {
  ledger: LedgerName;
  title: string;
  department?: string | null;
  ownerRole?: string | null;
  baseline?: Measure | null;
  target?: Measure | null;
  incision?: string | null;
  due?: Due | null;
  source: EntrySource;
  /** `logged`, or `dismissed` for a recommendation the executive turned down. */
  status: 'logged' | 'dismissed';
  reason?: string | null;
}

export type EntryResult = { ok: true; entry: Entry; fields: FieldChange[] } | { ok: false; issues: Issue[] };

const EDITABLE = [
  'title',
  'department',
  'ownerRole',
  'baseline',
  'target',
  'current',
  'incision',
  'due',
  'reason',
] as const;
export type EntryPatch = Partial<Pick<Entry, (typeof EDITABLE)[number] | 'status'>> & {
  /** The owner confirms a reconciliation: its view (computed by the caller from the later wave's published cell). */
  reconciliation?: ReconciliationView;
};

function changedFields(before: Entry | null, after: Entry): FieldChange[] {
  const fields = [...EDITABLE, 'ledger', 'status', 'source', 'reconciliations'] as const;
  return fields
    .filter((f) => canonicalJson(before?.[f] ?? null) !== canonicalJson(after[f] ?? null))
    .map((f) => ({ field: f, from: before ? (before[f] ?? null) : null, to: after[f] ?? null }));
}

/** A new entry, or the issues that stop it. */
export function newEntry(id: string, input: NewEntryInput, at: string): EntryResult {
  const entry: Entry = {
    id,
    ledger: input.ledger,
    title: input.title,
    department: input.department ?? null,
    ownerRole: input.ownerRole ?? null,
    baseline: input.baseline ?? null,
    target: input.target ?? null,
    current: null,
    incision: input.incision ?? null,
    due: input.due ?? null,
    status: input.status,
    reason: input.reason ?? null,
    source: input.source,
    reconciliations: [],
    statusLog: [{ status: input.status, at }],
  };
  const issues = [
    ...measureIssues(entry.ledger, entry.baseline, 'baseline'),
    ...measureIssues(entry.ledger, entry.target, 'target'),
    ...targetIssues(entry),
    ...requirementIssues(entry, entry.status),
  ];
  if (input.status === 'logged' && input.reason) {
    issues.push({ field: 'reason', message: 'only a dismissed or dropped entry has a reason' });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, entry, fields: changedFields(null, entry) };
}

/**
 * The entry after the patch, or the issues that stop it. A cell entry's baseline is the cell's figures and does not
 * change; a reconciliation is kept with the status the owner set (the patch's, or the entry's own when it gives none)
 * and sets the current reading from the cell when the cell is measurable.
 */
export function applyEntryPatch(entry: Entry, patch: EntryPatch, at: string): EntryResult {
  const issues: Issue[] = [];
  const next: Entry = { ...entry };
  const cell = baselineCell(entry.source);
  const fromCell = cell !== null;
  if (patch.baseline !== undefined && fromCell) {
    issues.push({ field: 'baseline', message: 'comes from the ledger cell the entry was made from' });
  }
  for (const field of EDITABLE) {
    if (patch[field] === undefined || (field === 'baseline' && fromCell)) continue;
    (next as unknown as Record<string, unknown>)[field] = patch[field];
  }
  const to = patch.status ?? entry.status;
  const transition = transitionIssue(entry.status, to);
  if (transition) issues.push(transition);
  if (patch.reconciliation) {
    const r = patch.reconciliation;
    if (!cell) {
      issues.push({ field: 'reconcile', message: 'only an entry made from a ledger cell is reconciled' });
    } else {
      if (r.campaignId === cell.cell.campaignId) {
        issues.push({ field: 'reconcile.campaignId', message: 'reconcile against a later wave than the baseline' });
      }
      if (entry.reconciliations.some((x) => x.campaignId === r.campaignId)) {
        issues.push({ field: 'reconcile.campaignId', message: 'this wave was reconciled already' });
      }
      if (r.figures && patch.current === undefined) {
        next.current = measureFromFigures(entry.ledger, r.figures, cell.figures.n);
      }
      next.reconciliations = [...entry.reconciliations, { ...r, at, confirmed: to }];
    }
  }
  next.status = to;
  if (to !== entry.status) next.statusLog = [...entry.statusLog, { status: to, at }];
  if (!isClosedStatus(to) && next.reason !== null && patch.reason !== undefined) {
    issues.push({ field: 'reason', message: 'only a dismissed or dropped entry has a reason' });
  }
  issues.push(
    ...measureIssues(next.ledger, patch.baseline, 'baseline'),
    ...measureIssues(next.ledger, patch.target, 'target'),
    ...measureIssues(next.ledger, patch.current, 'current'),
    ...targetIssues(next),
  );
  // Requirements bind a status being set and any later edit that would break the status the entry stands at.
  if (issues.length === 0) issues.push(...requirementIssues(next, to));
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) };
  const fields = changedFields(entry, next);
  return { ok: true, entry: next, fields };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\n${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
