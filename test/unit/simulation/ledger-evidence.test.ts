// The ledgers as evidence in the simulation: respondents keep ledgers that follow their organisation's truth
// (ledgerProfileFor), and the report weighs them. Seeded and small (the full table: recovery-table.ts ledger). The
// ledger may only make a pattern the survey shows surer: it finds at least as much and flags no more than 5% (that a
// ledger cannot carry a criterion the survey contradicts is test/unit/diagnosis/ledger-evidence.test.ts).

import { describe, expect, it } from 'vitest';
import type { DiagnosisCode } from '../../../shared/report-model';
import { ledgerProfileFor, PROFILES, type TYPICAL_LEDGER } from '../../../shared/simulation';
import { CODES, runRecovery } from './recovery-harness';

const POPULATIONS = 30;

describe('the ledgers follow the truth', () => {
  it('time sinks grow as impact falls, check-backs as knowledge falls, the boss’s waits with leadership’s optimism', () => {
    const bossWeight = (p: typeof TYPICAL_LEDGER) => p.waiting.find((w) => w.kind === 'boss_decision')!.weight;
    const balanced = ledgerProfileFor(PROFILES.balanced);
    const cashPoor = ledgerProfileFor(PROFILES.cash_poor);
    const bossB = ledgerProfileFor(PROFILES.boss_b);
    expect(cashPoor.time[0]!.hours[0]).toBeGreaterThan(balanced.time[0]!.hours[0]);
    expect(cashPoor.knowledge[0]!.checksPerWeek[0]).toBeGreaterThan(balanced.knowledge[0]!.checksPerWeek[0]);
    expect(bossWeight(bossB)).toBeGreaterThan(4 * bossWeight(balanced));
  });
});

describe('weighing the ledgers', () => {
  const pairs = (['balanced', 'middling', 'cash_poor', 'boss_b'] as const).map((p) => ({
    p,
    without: runRecovery(p, 30, POPULATIONS, { seed: 77 }),
    with: runRecovery(p, 30, POPULATIONS, { seed: 77, ledgers: true }),
  }));

  it('finds every trap at least as often as the survey alone', () => {
    for (const { p, without, with: w } of pairs)
      for (const c of CODES) {
        if (Number.isNaN(without.sensitivity[c])) continue;
        expect(w.sensitivity[c], `${p} ${c}`).toBeGreaterThanOrEqual(without.sensitivity[c]);
      }
  });

  it('asserts nothing the survey alone would not have met, and flags no more than 5% where a trap does not hold', () => {
    for (const { p, without, with: w } of pairs)
      for (const c of CODES as DiagnosisCode[]) {
        if (!Number.isNaN(w.falseFlags[c])) expect(w.falseFlags[c], `${p} ${c}`).toBeLessThanOrEqual(0.05);
        // Corroboration only raises support: every pattern asserted with ledgers was met by the survey's rows, so at
        // most it adds ones the survey met below the confidence floor.
        expect(w.rates[c], `${p} ${c}`).toBeGreaterThanOrEqual(without.rates[c]);
      }
  });
});
