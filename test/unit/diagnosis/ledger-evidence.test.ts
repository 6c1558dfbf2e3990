import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import {
  emptyLedgerStats,
  type LedgerAnswers,
  type LedgerReport,
  ledgerDesignFor,
  ledgerReport,
} from '../../../shared/ledger';
import type { Diagnosis, DiagnosisCode, ReadinessReport } from '../../../shared/report-model';
import { createAccumulator } from '../../../shared/scoring';
import { LEDGER_DEPARTMENTS, makeResponse } from '../../factories';
import { bossBSpec, cashPoorSpec, diagnose, groupReport, shifted } from './group-report-fixture';

const design = ledgerDesignFor(CURRENT_INSTRUMENT, undefined, [...LEDGER_DEPARTMENTS])!;

/** The published ledger of n respondents, `named` of whom log these entries (the rest skip the step). */
function ledgerOf(entries: LedgerAnswers, named: number, n = 50, k = 5): LedgerReport {
  const acc = createAccumulator(CURRENT_INSTRUMENT);
  for (let i = 0; i < n; i++) acc.add(i < named ? makeResponse({ ledger: entries }) : makeResponse({}));
  return ledgerReport({ design, stats: acc.toStats().ledger ?? emptyLedgerStats(), n, minGroupSize: k });
}

const find = (r: ReadinessReport, code: DiagnosisCode): Diagnosis | undefined =>
  r.diagnoses.find((d) => d.code === code);
const ledgerRows = (d: Diagnosis | undefined) => (d?.evidence ?? []).filter((e) => e.source.startsWith('ledger:'));

const bossWaits: LedgerAnswers = {
  waiting: [
    { kind: 'boss_decision', heldBy: { level: 'executive' }, days: 5, timesPerMonth: 3 },
    { kind: 'approval', heldBy: { department: 'Operations' }, days: 2, timesPerMonth: 2 },
  ],
};
const departmentWaits: LedgerAnswers = {
  waiting: [{ kind: 'approval', heldBy: { department: 'Operations' }, days: 3, timesPerMonth: 4 }],
};
const bigSinks: LedgerAnswers = {
  time: [{ category: 'rework', hoursPerWeek: 8 }],
  knowledge: [{ category: 'pricing', checksPerWeek: 9, sop: 'none' }],
};

describe('Boss B weighs the waiting ledger', () => {
  // Operating impact just under 40 with a wide spread: the survey row is met, but not surely.
  const spec = bossBSpec();
  spec.signals = { ...spec.signals, operating_impact: { score: 37, sd: 24 } };
  const workforce = groupReport(spec);
  const leadership = shifted(workforce, 30, 3);

  it('shows the boss’s share of the waiting days as evidence and counts it toward the support', () => {
    const without = find(diagnose(workforce, { leadership }), 'boss_b_trap')!;
    const withLedger = find(
      diagnose(workforce, { leadership, ledger: { report: ledgerOf(bossWaits, 30), design } }),
      'boss_b_trap',
    )!;
    expect(ledgerRows(without)).toEqual([]);
    // 30 × 15 decision days of 30 × (15 + 4) waiting days a month: 0.789 ≥ 0.33.
    expect(ledgerRows(withLedger)).toEqual([
      expect.objectContaining({
        source: 'ledger:boss_share_of_waiting_days',
        value: 0.789,
        threshold: 0.33,
        comparison: '>=',
        met: true,
      }),
    ]);
    expect(withLedger.support!).toBeGreaterThan(without.support!);
    expect(withLedger.confidence).toBeGreaterThanOrEqual(without.confidence);
  });

  it('is shown but does not count when the waits are not the boss’s', () => {
    const r = find(
      diagnose(workforce, { leadership, ledger: { report: ledgerOf(departmentWaits, 30), design } }),
      'boss_b_trap',
    )!;
    expect(ledgerRows(r)).toEqual([expect.objectContaining({ value: 0, met: false })]);
    expect(r.support).toBe(find(diagnose(workforce, { leadership }), 'boss_b_trap')!.support);
  });

  it('never asserts the trap when the survey says operating numbers moved', () => {
    const moved = groupReport({ ...bossBSpec(), signals: { ...bossBSpec().signals, operating_impact: 60 } });
    const r = diagnose(moved, {
      leadership: shifted(moved, 30, 3),
      ledger: { report: ledgerOf(bossWaits, 50), design },
    });
    expect(find(r, 'boss_b_trap')).toBeUndefined();
  });

  it('is absent, not false, when the waiting ledger is hidden or not asked', () => {
    // Three people named a wait: below the minimum of 5, the whole waiting ledger is hidden.
    const hidden = diagnose(workforce, { leadership, ledger: { report: ledgerOf(bossWaits, 3), design } });
    expect(ledgerRows(find(hidden, 'boss_b_trap'))).toEqual([]);
    expect(find(hidden, 'boss_b_trap')!.support).toBe(
      find(diagnose(workforce, { leadership }), 'boss_b_trap')!.support,
    );
  });
});

describe('cash-poor weighs the time and knowledge ledgers', () => {
  it('large time sinks corroborate "no operating impact", frequent check-backs "no knowledge ledger"', () => {
    const r = find(
      diagnose(groupReport(cashPoorSpec()), { ledger: { report: ledgerOf(bigSinks, 40), design } }),
      'cash_poor_trap',
    )!;
    // 40 × 8 hours over 50 respondents = 6.4 ≥ 4; 40 × 9 checks / 50 = 7.2 ≥ 5.
    expect(ledgerRows(r).map((e) => [e.source, e.value, e.threshold, e.met])).toEqual([
      ['ledger:checks_per_respondent', 7.2, 5, true],
      ['ledger:time_hours_per_respondent', 6.4, 4, true],
    ]);
    // Each sits beside the survey row it corroborates.
    const sources = r.evidence.map((e) => e.source);
    expect(sources.indexOf('ledger:checks_per_respondent')).toBe(sources.indexOf('signal:knowledge_ledger') + 1);
    expect(sources.indexOf('ledger:time_hours_per_respondent')).toBe(sources.indexOf('signal:operating_impact') + 1);
  });

  it('cannot carry a criterion the survey contradicts', () => {
    const spec = cashPoorSpec();
    spec.signals = { ...spec.signals, operating_impact: 55 };
    const r = diagnose(groupReport(spec), { ledger: { report: ledgerOf(bigSinks, 50), design } });
    expect(find(r, 'cash_poor_trap')).toBeUndefined();
  });

  it('small time sinks are shown as not met and leave the support as the survey gives it', () => {
    const small: LedgerAnswers = { time: [{ category: 'rework', hoursPerWeek: 1 }] };
    const withLedger = find(
      diagnose(groupReport(cashPoorSpec()), { ledger: { report: ledgerOf(small, 40), design } }),
      'cash_poor_trap',
    )!;
    const without = find(diagnose(groupReport(cashPoorSpec())), 'cash_poor_trap')!;
    expect(ledgerRows(withLedger)).toEqual([
      expect.objectContaining({ source: 'ledger:time_hours_per_respondent', value: 0.8, met: false }),
    ]);
    expect(withLedger.support).toBe(without.support);
  });
});
