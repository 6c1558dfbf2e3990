import { describe, expect, it } from 'vitest';
import {
  applyEntryPatch,
  bookFreedCapacity,
  type Entry,
  lookupCell,
  measureFromFigures,
  newEntry,
  reconcile,
  shownCells,
} from '../../../shared/account';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { emptyLedgerStats, type LedgerAnswers, ledgerDesignFor, ledgerReport } from '../../../shared/ledger';
import { createAccumulator } from '../../../shared/scoring';
import { AT, makeRecord } from './fixtures';

// The account against the ledger tables the report really publishes (shared/ledger), not a hand-made shape: answers
// in, the engine's tables out, an entry made from a cell, and the same cell in the next wave.

const design = ledgerDesignFor(CURRENT_INSTRUMENT, undefined, ['Finance', 'Sales'])!;
const LATER = '2026-09-01T09:00:00.000Z';

/** The published tables of a wave whose respondents filled in these ledgers (and the rest nothing). */
function tables(ledgers: LedgerAnswers[], others = 0) {
  const acc = createAccumulator(CURRENT_INSTRUMENT);
  const base = { answers: {}, level: 'frontline' as const, department: 'Sales', durationS: 300 };
  for (const ledger of ledgers) acc.add({ ...base, ledger });
  for (let i = 0; i < others; i++) acc.add(base);
  const n = ledgers.length + others;
  return ledgerReport({ design, stats: acc.toStats().ledger ?? emptyLedgerStats(), n, minGroupSize: 5 });
}

const financeWait = (days: number): LedgerAnswers => ({
  waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days, timesPerMonth: 4 }],
});
const FINANCE = { ledger: 'waiting', category: 'approval', heldBy: { department: 'Finance' } } as const;

/** Spring: twelve wait on Finance's approvals, 3 to 5 days, four times a month. */
const spring = tables(Array.from({ length: 12 }, (_, i) => financeWait(3 + (i % 3))));

function entryFromFinance(): Entry {
  const found = lookupCell(spring, FINANCE);
  if (found.state !== 'shown') throw new Error('the Finance cell is hidden');
  const made = newEntry(
    'e1',
    {
      ledger: 'waiting',
      title: 'Approvals held by Finance',
      ownerRole: 'Head of Finance Operations',
      baseline: measureFromFigures('waiting', found.figures),
      target: { value: 2 },
      due: { wave: 'autumn' },
      incision: 'Pre-approved spending limits',
      source: { kind: 'cell', cell: { campaignId: 'spring', ...FINANCE }, figures: found.figures },
      status: 'logged',
    },
    AT,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  return { ...made.entry, status: 'incision_running' };
}

describe('an entry made from a published ledger cell', () => {
  it("copies the cell's figures as its baseline", () => {
    const entry = entryFromFinance();
    expect(entry.source.kind === 'cell' && entry.source.figures).toMatchObject({
      name: 'An approval · Finance',
      respondents: 12,
      n: 12,
      headline: { median: 4, ci95: [3, 5] },
      perMonth: { median: 4 },
      // 4 × (3 + 4 + 5) × 4 times a month.
      total: 192,
    });
    expect(entry.baseline).toEqual({ value: 4, people: 12, total: 192, perMonth: 4 });
  });

  it('is not offered, and finds nothing, where the tables withhold the median (a kind with a hidden holder)', () => {
    // Two more wait on the boss's approvals: that holder is hidden, and Sales's six with it (its complement), so the
    // approval kind shows its sums but no median; Finance's own cell stays shown.
    const wait = (heldBy: { department: string } | { level: 'executive' }, days: number) => ({
      waiting: [{ kind: 'approval', heldBy, days, timesPerMonth: 2 }],
    });
    const mixed = tables([
      ...Array.from({ length: 12 }, (_, i) => financeWait(3 + (i % 3))),
      ...Array.from({ length: 6 }, () => wait({ department: 'Sales' }, 2)),
      ...[1, 2].map(() => wait({ level: 'executive' }, 9)),
    ]);
    const kind = mixed.waiting.rows.find((r) => r.id === 'approval');
    expect(kind && !kind.suppressed && kind.days.median).toBeNull();
    expect(lookupCell(mixed, { ledger: 'waiting', category: 'approval' })).toEqual({ state: 'hidden' });
    expect(lookupCell(mixed, FINANCE).state).toBe('shown');
    expect(shownCells(mixed).map((c) => c.ref)).toEqual([FINANCE]);
  });
});

describe('the same cell in the next wave', () => {
  it('meets the target when the wait really shrank, and books the freed waiting days by the decision', () => {
    const entry = entryFromFinance();
    // Autumn: fourteen wait a day, four times a month, and two more people answered without a ledger.
    const autumn = tables(
      Array.from({ length: 14 }, () => financeWait(1)),
      2,
    );
    const view = reconcile(entry, 'autumn', lookupCell(autumn, FINANCE))!;
    expect(view).toMatchObject({ suggestion: 'target_met', change: { headline: -3, real: true } });
    const confirmed = applyEntryPatch(entry, { status: 'removed', reconciliation: view }, LATER);
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues));
    // 14 × 1 × 4 = 56 waiting days a month among 16 respondents, scaled to spring's 12: 42.
    expect(confirmed.entry.current).toEqual({ value: 1, people: 14, total: 42, perMonth: 4 });
    expect(confirmed.entry.reconciliations).toEqual([{ ...view, at: LATER, confirmed: 'removed' }]);
    const booked = bookFreedCapacity([confirmed.entry], makeRecord({ shares: { faster_response: 60, learning: 40 } }));
    expect(booked.waiting).toEqual({
      unit: 'waiting_days_per_month',
      freed: 150,
      byDestination: { faster_response: 90, learning: 60 },
      unallocated: 0,
    });
  });

  it('is not moving when the change is within the uncertainty, and not measurable (nothing shown) below the minimum', () => {
    const entry = entryFromFinance();
    const same = tables(Array.from({ length: 12 }, (_, i) => financeWait(3 + ((i + 1) % 3))));
    expect(reconcile(entry, 'autumn', lookupCell(same, FINANCE))).toMatchObject({
      suggestion: 'not_moving',
      change: { headline: 0, real: false },
    });
    // Only three still wait on Finance: their cell is below the minimum group size.
    const few = tables(
      Array.from({ length: 3 }, () => financeWait(1)),
      10,
    );
    expect(reconcile(entry, 'autumn', lookupCell(few, FINANCE))).toEqual({
      campaignId: 'autumn',
      suggestion: 'not_measurable',
    });
  });
});
