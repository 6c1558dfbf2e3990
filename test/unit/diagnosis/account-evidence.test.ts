import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../shared/account';
import { type AccountEntries, statusAt } from '../../../shared/diagnosis';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import type { Diagnosis } from '../../../shared/report-model';
import { makeEntry } from '../account/fixtures';
import { cashPoorSpec, diagnose, groupReport } from './group-report-fixture';

// Cash-poor's "nothing on the account yet" (issue 10, docs/METHOD.md §5.2): leadership's operating account, read at
// the wave's close, beside the staff's "operating numbers did not move".

const CLOSE = '2026-05-01T00:00:00.000Z';
const BEFORE = '2026-03-01T09:00:00.000Z';
const MID = '2026-04-01T09:00:00.000Z';
const AFTER = '2026-05-10T09:00:00.000Z';

/** An entry whose status log is these (status, time) steps, its status the last. */
const entry = (id: string, ...log: [Entry['status'], string][]): Entry =>
  makeEntry({ id, status: log.at(-1)![0], statusLog: log.map(([status, at]) => ({ status, at })) });

// Operating impact just under 40 with a wide spread: the survey row is met, but not surely, so a record can add.
const spec = cashPoorSpec();
spec.signals = { ...spec.signals, operating_impact: { score: 37, sd: 24 } };
const cashPoor = (account?: AccountEntries): Diagnosis | undefined =>
  diagnose(groupReport(spec), { instrument: CURRENT_INSTRUMENT, ...(account ? { account } : {}) }).diagnoses.find(
    (d) => d.code === 'cash_poor_trap',
  );
const accountRows = (d: Diagnosis | undefined) => (d?.evidence ?? []).filter((e) => e.source.startsWith('account:'));

describe('an entry’s status at the close', () => {
  it('is the last status its log reached by then, null before it existed, its status while the wave runs', () => {
    const e = entry('e1', ['logged', BEFORE], ['compressed', MID], ['verified', AFTER]);
    expect(statusAt(e, CLOSE)).toBe('compressed');
    expect(statusAt(e, '2026-01-01T00:00:00.000Z')).toBeNull();
    expect(statusAt(e, null)).toBe('verified');
  });
});

describe('cash-poor weighs the operating account', () => {
  const without = cashPoor();

  it('an account with work on it and none of it shorter by the close corroborates "no operating impact"', () => {
    const d = cashPoor({
      entries: [entry('e1', ['logged', BEFORE], ['incision_running', MID]), entry('e2', ['logged', MID])],
      at: CLOSE,
    })!;
    expect(accountRows(d).map((e) => [e.source, e.value, e.threshold, e.comparison, e.met])).toEqual([
      ['account:entries_freed', 0, 1, '<', true],
    ]);
    expect(accountRows(d)[0]!.note).toBe(
      'of 2 entries on the operating account at the close; corroborates, never carries',
    );
    // It sits beside the survey row it speaks to, and as leadership's record it can only raise the support.
    const sources = d.evidence.map((e) => e.source);
    expect(sources.indexOf('account:entries_freed')).toBeGreaterThan(sources.indexOf('signal:operating_impact'));
    expect(d.support!).toBeGreaterThan(without!.support!);
    expect(d.confidence).toBeGreaterThanOrEqual(without!.confidence);
  });

  it('work that freed capacity by the close is shown as not met and leaves the support as the survey gives it', () => {
    const d = cashPoor({
      entries: [entry('e1', ['logged', BEFORE], ['removed', MID]), entry('e2', ['logged', MID])],
      at: CLOSE,
    })!;
    expect(accountRows(d)).toEqual([expect.objectContaining({ value: 1, met: false })]);
    expect(d.support).toBe(without!.support);
  });

  it('reads the account as it stood at the close: a later outcome or a later entry does not change the wave', () => {
    const atClose = cashPoor({ entries: [entry('e1', ['logged', BEFORE])], at: CLOSE })!;
    const later = cashPoor({
      entries: [entry('e1', ['logged', BEFORE], ['compressed', AFTER]), entry('e2', ['logged', AFTER])],
      at: CLOSE,
    })!;
    expect(later.evidence).toEqual(atClose.evidence);
    expect(later.support).toBe(atClose.support);
  });

  it('gives no row when nothing was taken onto the account: proposals waiting or dismissed, or no entry at all', () => {
    for (const entries of [
      [],
      [entry('p1', ['proposed', BEFORE]), entry('p2', ['proposed', BEFORE], ['dismissed', MID])],
    ]) {
      const d = cashPoor({ entries, at: CLOSE })!;
      expect(accountRows(d)).toEqual([]);
      expect(d.evidence).toEqual(without!.evidence);
      expect(d.support).toBe(without!.support);
    }
  });

  it('cannot carry a criterion the survey contradicts', () => {
    const moved = cashPoorSpec();
    moved.signals = { ...moved.signals, operating_impact: 55 };
    const r = diagnose(groupReport(moved), {
      instrument: CURRENT_INSTRUMENT,
      account: { entries: [entry('e1', ['logged', BEFORE])], at: CLOSE },
    });
    expect(r.diagnoses.find((d) => d.code === 'cash_poor_trap')).toBeUndefined();
  });
});
