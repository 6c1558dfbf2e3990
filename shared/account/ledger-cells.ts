// The account reads a campaign's published ledger tables (issue 10) through this small shape: what it needs of a
// time, wait or knowledge row and of a wait kind × holder cell. A row hidden by the minimum group size (or as a
// complement) carries its name only, and a hidden kind × holder cell is simply not listed; the account then shows
// nothing of it either.

import type { CellFigures, CellRef, LedgerName, MedianFigure, SopState, WaitHolder } from './types';

interface HiddenRow {
  id: string;
  name: string;
  suppressed: true;
}

interface ShownRow {
  id: string;
  name: string;
  suppressed: false;
  respondents: number;
}

export interface PublishedTimeRow extends ShownRow {
  hoursPerWeek: number;
  hours: MedianFigure;
}

export interface PublishedWaitCell {
  kind: string;
  kindName: string;
  heldBy: WaitHolder;
  holderName: string;
  respondents: number;
  days: MedianFigure;
  timesPerMonth: MedianFigure;
  waitingDaysPerMonth: number;
}

export interface PublishedWaitRow extends ShownRow {
  waitingDaysPerMonth: number;
  days: MedianFigure;
  timesPerMonth: MedianFigure;
}

export interface PublishedKnowledgeRow extends ShownRow {
  checksPerWeek: number;
  checks: MedianFigure;
  sop: Record<string, number>;
}

interface Table<Row> {
  suppressed: boolean;
  rows: (Row | HiddenRow)[];
}

/** A campaign's published ledger tables (the report's `ledger`), as far as the account reads them. */
export interface PublishedLedger {
  n: number;
  minGroupSize: number;
  time: Table<PublishedTimeRow>;
  waiting: Table<PublishedWaitRow> & { cells: PublishedWaitCell[] };
  knowledge: Table<PublishedKnowledgeRow>;
}

/**
 * A cell as the account sees it: its figures, or hidden (below the minimum, a complement, named by nobody, or with its
 * median withheld: a wait kind with a hidden holder publishes its sums but no median, and an entry's baseline and its
 * reconciliation both rest on the median).
 */
export type CellLookup = { state: 'shown'; figures: CellFigures } | { state: 'hidden' };

const sameHolder = (a: WaitHolder, b: WaitHolder): boolean =>
  'level' in a ? 'level' in b && a.level === b.level : 'department' in b && a.department === b.department;

const SOP_STATES: readonly SopState[] = ['none', 'unused', 'used'];

/** The published cell a reference names, in the tables of its campaign (null: that campaign has no ledger tables). */
export function lookupCell(ledger: PublishedLedger | null | undefined, ref: Omit<CellRef, 'campaignId'>): CellLookup {
  const found = findCell(ledger, ref);
  return found.state === 'shown' && found.figures.headline.median === null ? { state: 'hidden' } : found;
}

function findCell(ledger: PublishedLedger | null | undefined, ref: Omit<CellRef, 'campaignId'>): CellLookup {
  if (!ledger) return { state: 'hidden' };
  const n = ledger.n;
  if (ref.ledger === 'waiting' && ref.heldBy) {
    if (ledger.waiting.suppressed) return { state: 'hidden' };
    const held = ref.heldBy;
    const cell = ledger.waiting.cells.find((c) => c.kind === ref.category && sameHolder(c.heldBy, held));
    if (!cell) return { state: 'hidden' };
    return {
      state: 'shown',
      figures: {
        name: `${cell.kindName} · ${cell.holderName}`,
        respondents: cell.respondents,
        n,
        headline: cell.days,
        perMonth: cell.timesPerMonth,
        total: cell.waitingDaysPerMonth,
      },
    };
  }
  const table = ledger[ref.ledger] as Table<PublishedTimeRow | PublishedWaitRow | PublishedKnowledgeRow>;
  if (table.suppressed) return { state: 'hidden' };
  const row = table.rows.find((r) => r.id === ref.category);
  if (!row || row.suppressed) return { state: 'hidden' };
  const base = { name: row.name, respondents: row.respondents, n };
  if (ref.ledger === 'time') {
    const r = row as PublishedTimeRow;
    return { state: 'shown', figures: { ...base, headline: r.hours, total: r.hoursPerWeek } };
  }
  if (ref.ledger === 'waiting') {
    const r = row as PublishedWaitRow;
    return {
      state: 'shown',
      figures: { ...base, headline: r.days, perMonth: r.timesPerMonth, total: r.waitingDaysPerMonth },
    };
  }
  const r = row as PublishedKnowledgeRow;
  const sop = Object.fromEntries(SOP_STATES.filter((s) => r.sop[s] !== undefined).map((s) => [s, r.sop[s]!]));
  return { state: 'shown', figures: { ...base, headline: r.checks, total: r.checksPerWeek, sop } };
}

/** The cells of a published ledger an entry can be made from: every shown row and wait cell, by ledger. */
export function shownCells(
  ledger: PublishedLedger | null | undefined,
): { ref: Omit<CellRef, 'campaignId'>; figures: CellFigures }[] {
  if (!ledger) return [];
  const out: { ref: Omit<CellRef, 'campaignId'>; figures: CellFigures }[] = [];
  const add = (ref: Omit<CellRef, 'campaignId'>) => {
    const found = lookupCell(ledger, ref);
    if (found.state === 'shown') out.push({ ref, figures: found.figures });
  };
  for (const name of ['time', 'waiting', 'knowledge'] as const satisfies readonly LedgerName[]) {
    for (const row of ledger[name].rows) if (!row.suppressed) add({ ledger: name, category: row.id });
  }
  for (const cell of ledger.waiting.cells) add({ ledger: 'waiting', category: cell.kind, heldBy: cell.heldBy });
  return out;
}

/** A title for an entry made from a cell: "Waiting: An approval · Finance". */
export function cellTitle(ref: Pick<CellRef, 'ledger'>, figures: CellFigures): string {
  const what = { time: 'Time sink', waiting: 'Wait', knowledge: 'Check with senior staff' }[ref.ledger];
  return `${what}: ${figures.name}`;
}
