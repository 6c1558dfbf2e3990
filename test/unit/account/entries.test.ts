import { describe, expect, it } from 'vitest';
import { applyEntryPatch, type Entry, loadOf, newEntry } from '../../../shared/account';
import { AT, makeCellEntry, makeEntry } from './fixtures';

const LATER = '2026-04-01T09:00:00.000Z';

function applied(entry: Entry, patch: Parameters<typeof applyEntryPatch>[1]) {
  const result = applyEntryPatch(entry, patch, LATER);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

const issuesOf = (entry: Entry, patch: Parameters<typeof applyEntryPatch>[1]) => {
  const result = applyEntryPatch(entry, patch, LATER);
  return result.ok ? [] : result.issues.map((i) => i.field);
};

describe('a new entry', () => {
  it('starts logged, with its creation in the status log and every set field as a change', () => {
    const result = newEntry(
      'e1',
      {
        ledger: 'time',
        title: 'Month-end decks',
        source: { kind: 'typed' },
        status: 'logged',
        baseline: { value: 14, people: 6 },
      },
      AT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry.status).toBe('logged');
    expect(result.entry.statusLog).toEqual([{ status: 'logged', at: AT }]);
    expect(result.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['title', 'baseline', 'ledger', 'status', 'source']),
    );
    expect(result.fields.find((f) => f.field === 'title')).toEqual({
      field: 'title',
      from: null,
      to: 'Month-end decks',
    });
  });

  it('refuses fields of another ledger and a dismissal without a reason, naming the fields', () => {
    const wrong = newEntry(
      'e1',
      {
        ledger: 'time',
        title: 'x',
        source: { kind: 'typed' },
        status: 'logged',
        baseline: { value: 3, perMonth: 2, sop: 'none' },
      },
      AT,
    );
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.field)).toEqual(['baseline.perMonth', 'baseline.sop']);
    const dismissed = newEntry(
      'e1',
      {
        ledger: 'waiting',
        title: 'x',
        source: { kind: 'recommendation', campaignId: 'w1', index: 0, action: 'a' },
        status: 'dismissed',
      },
      AT,
    );
    expect(dismissed.ok ? [] : dismissed.issues.map((i) => i.field)).toEqual(['reason']);
  });
});

describe('moving an entry along its way', () => {
  it('needs baseline, target, owner and due before it is targeted, an incision before it runs, a reading after', () => {
    const entry = makeEntry();
    expect(issuesOf(entry, { status: 'targeted' })).toEqual(['baseline', 'target', 'ownerRole', 'due']);
    const targeted = applied(entry, {
      status: 'targeted',
      baseline: { value: 4, perMonth: 4, people: 20 },
      target: { value: 1 },
      ownerRole: 'Head of Finance Ops',
      due: { date: '2026-06-30' },
    }).entry;
    expect(targeted.status).toBe('targeted');
    expect(targeted.statusLog.map((s) => s.status)).toEqual(['logged', 'targeted']);
    expect(issuesOf(targeted, { status: 'incision_running' })).toEqual(['incision']);
    const running = applied(targeted, { status: 'incision_running', incision: 'Spending limits per team' }).entry;
    expect(issuesOf(running, { status: 'removed' })).toEqual(['current']);
    const removed = applied(running, { status: 'removed', current: { value: 1, perMonth: 4, people: 20 } }).entry;
    expect(removed.status).toBe('removed');
    expect(applied(removed, { status: 'verified' }).entry.status).toBe('verified');
  });

  it('lets a wait be compressed or removed, knowledge only structured, and verified only after an outcome', () => {
    const running = makeCellEntry();
    const current = { value: 1, perMonth: 4, people: 23 };
    expect(issuesOf(running, { status: 'structured', current })).toEqual(['status']);
    expect(issuesOf(running, { status: 'verified', current })).toEqual(['status']);
    const knowledge = makeCellEntry({ ledger: 'knowledge', baseline: { value: 6, sop: 'none' }, target: { value: 2 } });
    expect(issuesOf(knowledge, { status: 'compressed', current: { value: 2 } })).toEqual(['status']);
    expect(applied(knowledge, { status: 'structured', current: { value: 2, sop: 'used' } }).entry.status).toBe(
      'structured',
    );
  });

  it('drops only with a reason, and a dropped entry moves no more', () => {
    const entry = makeEntry();
    expect(issuesOf(entry, { status: 'dropped' })).toEqual(['reason']);
    const dropped = applied(entry, { status: 'dropped', reason: 'Finance moved to a new system' }).entry;
    expect(issuesOf(dropped, { status: 'logged' })).toEqual(['status']);
    expect(issuesOf(entry, { reason: 'why' })).toEqual(['reason']);
  });

  it('keeps what its status needs: an edit that would break it is refused', () => {
    const running = makeCellEntry();
    expect(issuesOf(running, { target: null })).toEqual(['target']);
    expect(issuesOf(running, { incision: null })).toEqual(['incision']);
    expect(issuesOf(running, { target: { value: 9 } })).toEqual(['target.value']);
  });

  it("never changes a cell entry's baseline: it is the cell's figures", () => {
    expect(issuesOf(makeCellEntry(), { baseline: { value: 1 } })).toEqual(['baseline']);
    expect(applied(makeEntry(), { baseline: { value: 1 } }).entry.baseline).toEqual({ value: 1 });
  });

  it('records only the fields that really changed, with before and after', () => {
    const entry = makeEntry({ ownerRole: 'COO' });
    const { fields } = applied(entry, { ownerRole: 'COO', title: 'Approvals over 5k' });
    expect(fields).toEqual([{ field: 'title', from: 'Approvals held by Finance', to: 'Approvals over 5k' }]);
  });
});

describe('confirming a reconciliation', () => {
  it('keeps the suggestion with the status the owner set and takes the current reading from the cell', () => {
    const entry = makeCellEntry();
    const later = {
      name: 'An approval · Finance',
      respondents: 20,
      n: 60,
      headline: { median: 1, ci95: [0.5, 1.5] as [number, number] },
      perMonth: { median: 4, ci95: [3, 5] as [number, number] },
      total: 80,
    };
    const { entry: next, fields } = applied(entry, {
      status: 'removed',
      reconciliation: {
        campaignId: 'w2',
        suggestion: 'target_met',
        figures: later,
        change: { headline: -3, real: true },
      },
    });
    expect(next.reconciliations).toEqual([
      expect.objectContaining({ campaignId: 'w2', suggestion: 'target_met', confirmed: 'removed', at: LATER }),
    ]);
    // The later wave had half the respondents: its load is scaled to the baseline wave's workforce.
    expect(next.current).toEqual({ value: 1, people: 20, total: 160, perMonth: 4 });
    expect(fields.map((f) => f.field)).toEqual(['current', 'status', 'reconciliations']);
    // The same wave twice, or a typed entry, is refused.
    expect(issuesOf(next, { reconciliation: { campaignId: 'w2', suggestion: 'not_moving' } })).toEqual([
      'reconcile.campaignId',
    ]);
    expect(issuesOf(makeEntry(), { reconciliation: { campaignId: 'w2', suggestion: 'not_moving' } })).toEqual([
      'reconcile',
    ]);
  });
});

describe('the load of a measure', () => {
  it('is the total when given, else value × people (× times a month for a wait)', () => {
    expect(loadOf('waiting', { value: 3, perMonth: 4, people: 23 })).toBe(276);
    expect(loadOf('time', { value: 14, people: 6 })).toBe(84);
    expect(loadOf('knowledge', { value: 9 })).toBe(9);
    expect(loadOf('time', { value: 14, people: 6, total: 90 })).toBe(90);
  });
});
