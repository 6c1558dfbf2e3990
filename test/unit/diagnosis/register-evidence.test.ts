import { describe, expect, it } from 'vitest';
import type { Flow, QualitySignal } from '../../../shared/account';
import { humanExitTrap, replacementOnlyTrap } from '../../../shared/diagnosis/traps';
import { CORE_INSTRUMENT } from '../../../shared/instrument';
import type { Diagnosis, ReadinessReport } from '../../../shared/report-model';
import { diagnose, groupReport, replacementSpec } from './group-report-fixture';

// The stage-two register beside the staff's answers in the replacement-only and human-exit diagnoses (docs/METHOD.md
// §5.4, §7.5).

const replacement = (r: ReadinessReport): Diagnosis | undefined =>
  r.diagnoses.find((d) => d.code === 'replacement_only');
const registerRows = (d: Diagnosis | undefined) => (d?.evidence ?? []).filter((e) => e.source.startsWith('register:'));

const signal = (over: Partial<QualitySignal> = {}): QualitySignal => ({
  kind: 'complaints',
  label: null,
  unit: '% of chats',
  threshold: 3,
  trips: 'above',
  current: 2,
  measuredOn: '2026-11-01',
  ...over,
});
const flow = (over: Partial<Flow> = {}): Flow => ({
  id: 'f1',
  name: 'First-line customer chat',
  humanExit: 'a person on the phone',
  adjudicator: 'Customer service lead',
  triggerOwner: 'Head of operations',
  signals: [signal()],
  retired: false,
  ...over,
});
/** Klarna's stage one in the record: no way out to a person, nobody owns bringing people back, nothing trips. */
const bare = flow({ id: 'f2', name: 'Refund chat', humanExit: null, triggerOwner: null, signals: [] });

// Safeguards and governance just under their thresholds with a wide spread: met, but not surely.
const spec = replacementSpec();
spec.signals = { ...spec.signals, human_safeguards: { score: 37, sd: 26 } };
spec.layers = { ...spec.layers, governance: { score: 46, sd: 26 } };
const workforce = groupReport(spec);

describe('the replacement-only diagnosis weighs the stage-two register', () => {
  it('without a register, or with no live flow, rests on the survey alone, exactly as before', () => {
    const alone = diagnose(workforce);
    expect(replacement(alone)).toBeDefined();
    expect(registerRows(replacement(alone))).toEqual([]);
    expect(diagnose(workforce, { register: { flows: [] } })).toEqual(alone);
    expect(diagnose(workforce, { register: { flows: [{ ...bare, retired: true }] } })).toEqual(alone);
  });

  it('shows a flow without a human exit or trigger owner as evidence and counts it toward the support', () => {
    const without = replacement(diagnose(workforce))!;
    const withRegister = replacement(diagnose(workforce, { register: { flows: [flow(), bare] } }))!;
    expect(registerRows(withRegister)).toEqual([
      expect.objectContaining({ source: 'register:no_human_exit', value: 1, threshold: 0, comparison: '>', met: true }),
      expect.objectContaining({ source: 'register:no_trigger_owner', value: 1, met: true }),
      expect.objectContaining({ source: 'register:no_threshold', value: 1, met: true }),
      expect.objectContaining({ source: 'register:past_threshold', value: 0, met: false }),
    ]);
    expect(registerRows(withRegister)[0]!.note).toBe(
      'of 2 flows AI handles, in the register; corroborates, never carries',
    );
    // The perception rows stay, beside the register's.
    expect(withRegister.evidence.find((e) => e.source === 'signal:human_safeguards')).toMatchObject({ value: 37 });
    expect(without.support!).toBeLessThan(0.9);
    expect(withRegister.support!).toBeGreaterThan(without.support!);
    expect(withRegister.confidence).toBeGreaterThanOrEqual(without.confidence);
  });

  it('a register without gaps is shown and lowers nothing', () => {
    const without = replacement(diagnose(workforce))!;
    const sound = replacement(diagnose(workforce, { register: { flows: [flow()] } }))!;
    expect(registerRows(sound).map((e) => [e.source, e.value, e.met])).toEqual([
      ['register:no_human_exit', 0, false],
      ['register:no_trigger_owner', 0, false],
      ['register:no_threshold', 0, false],
      ['register:past_threshold', 0, false],
    ]);
    expect(sound.support).toBe(without.support);
    expect(sound.confidence).toBe(without.confidence);
  });

  it('signals past their threshold are shown, not required: they move no support', () => {
    const red = flow({ signals: [signal({ current: 5 })] });
    const without = replacement(diagnose(workforce))!;
    const d = replacement(diagnose(workforce, { register: { flows: [red] } }))!;
    expect(registerRows(d).find((e) => e.source === 'register:past_threshold')).toMatchObject({ value: 1, met: true });
    expect(d.support).toBe(without.support);
  });

  it('never asserts the pattern the staff’s answers contradict', () => {
    const safe = groupReport({ ...replacementSpec(), signals: { ...replacementSpec().signals, human_safeguards: 62 } });
    const ctx = {
      instrument: CORE_INSTRUMENT,
      workforce: safe,
      leadership: null,
      byLevel: {},
      profile: null,
      minGroupSize: 5,
      register: { flows: [bare, { ...bare, id: 'f3' }] },
    };
    const o = replacementOnlyTrap(ctx);
    expect(o.status).toBe('evaluated');
    if (o.status !== 'evaluated') return;
    // Two flows on record without a human exit, yet staff say safeguards hold: the criterion is not met.
    expect(o.evidence.find((e) => e.source === 'register:no_human_exit')).toMatchObject({ value: 2, met: true });
    expect(o.evidence.find((e) => e.source === 'signal:human_safeguards')).toMatchObject({ value: 62, met: false });
    expect(o.met).toBe(false);
    expect(replacement(diagnose(safe, { register: ctx.register }))).toBeUndefined();
  });
});

describe('the human-exit diagnosis weighs the stage-two register', () => {
  const humanExit = (r: ReadinessReport): Diagnosis | undefined =>
    r.diagnoses.find((d) => d.code === 'human_exit_missing');
  const rowsOf = (d: Diagnosis | undefined) => registerRows(d).map((e) => [e.source, e.value, e.met]);

  it('without a register, or with no live flow, rests on the survey alone, exactly as before', () => {
    const alone = humanExit(diagnose(workforce));
    expect(alone).toBeDefined();
    expect(registerRows(alone)).toEqual([]);
    expect(humanExit(diagnose(workforce, { register: { flows: [{ ...bare, retired: true }] } }))).toEqual(alone);
  });

  it('the register supports: a flow with no human exit, or nobody adjudicating, corroborates "safeguards < 40"', () => {
    const without = humanExit(diagnose(workforce))!;
    expect(without.support!).toBeLessThan(0.9);
    const noExit = humanExit(diagnose(workforce, { register: { flows: [flow(), bare] } }))!;
    expect(rowsOf(noExit)).toEqual([
      ['register:no_human_exit', 1, true],
      ['register:no_adjudicator', 0, false],
      ['register:no_trigger_owner', 1, true],
    ]);
    expect(noExit.support!).toBeGreaterThan(without.support!);
    // Only the adjudicator missing: the escalation safeguard, on record, is enough to corroborate.
    const noJudge = humanExit(diagnose(workforce, { register: { flows: [flow({ adjudicator: null })] } }))!;
    expect(rowsOf(noJudge)).toEqual([
      ['register:no_human_exit', 0, false],
      ['register:no_adjudicator', 1, true],
      ['register:no_trigger_owner', 0, false],
    ]);
    expect(noJudge.support).toBe(noExit.support);
    expect(noJudge.confidence).toBeGreaterThanOrEqual(without.confidence);
    // The survey rows stay as they were, beside the register's.
    const survey = (d: Diagnosis) => d.evidence.filter((e) => !e.source.startsWith('register:'));
    expect(survey(noJudge)).toEqual(survey(without));
  });

  it('the register contradicts staff who say safeguards are weak: shown, and it lowers nothing', () => {
    const without = humanExit(diagnose(workforce))!;
    // Every flow has its exit, its adjudicator and its trigger owner; a missing threshold is not this pattern's row.
    const sound = humanExit(diagnose(workforce, { register: { flows: [flow({ signals: [] })] } }))!;
    expect(rowsOf(sound)).toEqual([
      ['register:no_human_exit', 0, false],
      ['register:no_adjudicator', 0, false],
      ['register:no_trigger_owner', 0, false],
    ]);
    expect(sound.support).toBe(without.support);
    expect(sound.confidence).toBe(without.confidence);
  });

  it('the register contradicts staff who say safeguards hold: the gaps on record never assert the pattern', () => {
    const safe = groupReport({ ...replacementSpec(), signals: { ...replacementSpec().signals, human_safeguards: 62 } });
    const register = { flows: [bare, flow({ id: 'f3', adjudicator: null })] };
    const o = humanExitTrap({
      instrument: CORE_INSTRUMENT,
      workforce: safe,
      leadership: null,
      byLevel: {},
      profile: null,
      minGroupSize: 5,
      register,
    });
    expect(o.status).toBe('evaluated');
    if (o.status !== 'evaluated') return;
    expect(o.evidence.find((e) => e.source === 'register:no_human_exit')).toMatchObject({ value: 1, met: true });
    expect(o.evidence.find((e) => e.source === 'register:no_adjudicator')).toMatchObject({ value: 1, met: true });
    expect(o.evidence.find((e) => e.source === 'signal:human_safeguards')).toMatchObject({ value: 62, met: false });
    expect(o.met).toBe(false);
    expect(o.support).toBe(0);
    expect(humanExit(diagnose(safe, { register }))).toBeUndefined();
  });
});
