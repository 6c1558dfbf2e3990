import { describe, expect, it } from 'vitest';
import { gapChance, PROFILES, simulateRegister } from '../../../shared/simulation';
import { runRecovery } from './recovery-harness';

// The stage-two register as evidence in the simulation (docs/METHOD.md §6.10): organisations keep a register that
// follows their truth, or one at its most misleading, and the report weighs it. Seeded and small (the full table:
// recovery-table.ts register). A register row only corroborates, so it can make the two patterns it speaks to surer,
// never assert them where the survey's rows are unmet (test/unit/diagnosis/register-evidence.test.ts).

const POPULATIONS = 40;
const gapsOf = (flows: ReturnType<typeof simulateRegister>) =>
  flows.reduce(
    (n, f) =>
      n +
      [f.humanExit, f.adjudicator, f.triggerOwner].filter((x) => x === null).length +
      (f.signals[0]!.threshold === null ? 1 : 0),
    0,
  );

describe('the simulated register', () => {
  it('has gaps the likelier the weaker the truth’s safeguards and governance, seeded', () => {
    expect(gapChance(40, 40)).toBe(0.5);
    expect(gapChance(58, 40)).toBeLessThan(0.05);
    expect(gapChance(22, 40)).toBeGreaterThan(0.95);
    const total = (p: keyof typeof PROFILES) =>
      Array.from({ length: 50 }, (_, i) => gapsOf(simulateRegister(PROFILES[p], i))).reduce((a, b) => a + b, 0);
    // Of 50 registers × 3 flows × 4 possible gaps.
    expect(total('replacement_only')).toBeGreaterThan(400);
    expect(total('balanced')).toBeLessThan(40);
    expect(simulateRegister(PROFILES.klarna_speed, 7)).toEqual(simulateRegister(PROFILES.klarna_speed, 7));
    expect(gapsOf(simulateRegister(PROFILES.balanced, 1, { mode: 'gaps' }))).toBe(12);
    expect(gapsOf(simulateRegister(PROFILES.replacement_only, 1, { mode: 'sound' }))).toBe(0);
  });
});

describe('weighing the register', () => {
  const same = { seed: 61 };

  it('asserts at least what the survey alone does, and exactly that with a register without gaps', () => {
    for (const p of ['replacement_only', 'klarna_speed', 'cash_poor'] as const) {
      const alone = runRecovery(p, 20, POPULATIONS, same);
      const sound = runRecovery(p, 20, POPULATIONS, { ...same, register: 'sound' });
      const truth = runRecovery(p, 20, POPULATIONS, { ...same, register: 'truth' });
      for (const c of ['replacement_only', 'human_exit_missing'] as const) {
        expect(sound.rates[c], `${p} ${c}`).toBe(alone.rates[c]);
        expect(truth.rates[c], `${p} ${c}`).toBeGreaterThanOrEqual(alone.rates[c]);
      }
      // The patterns the register does not speak to are untouched.
      for (const c of ['cash_rich_trap', 'cash_poor_trap', 'boss_b_trap'] as const) {
        expect(truth.rates[c]).toBe(alone.rates[c]);
      }
    }
  });

  it('finds more of a weak-safeguards organisation at n = 20 with a register that follows its truth', () => {
    const alone = runRecovery('replacement_only', 20, POPULATIONS, same);
    const truth = runRecovery('replacement_only', 20, POPULATIONS, { ...same, register: 'truth' });
    expect(truth.sensitivity.replacement_only).toBeGreaterThan(alone.sensitivity.replacement_only);
  });
});
