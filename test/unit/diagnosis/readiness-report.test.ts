import { describe, expect, it } from 'vitest';
import { type DiagnosisInput, readinessReport, THRESHOLDS } from '../../../shared/diagnosis';
import { CORE_INSTRUMENT } from '../../../shared/instrument';
import type { OrgProfile } from '../../../shared/profile';
import type { Diagnosis, DiagnosisCode, Evidence, GroupReport, ReadinessReport } from '../../../shared/report-model';
import {
  bossBSpec,
  cashPoorSpec,
  cashRichSpec,
  type GroupSpec,
  groupReport,
  replacementSpec,
  shifted,
} from './group-report-fixture';

function diagnose(overrides: Partial<DiagnosisInput> & { workforce: GroupReport }): ReadinessReport {
  return readinessReport({
    instrument: CORE_INSTRUMENT,
    leadership: null,
    byLevel: {},
    profile: null,
    minGroupSize: 5,
    ...overrides,
  });
}

const codes = (r: ReadinessReport): DiagnosisCode[] => r.diagnoses.map((d) => d.code);
const find = (r: ReadinessReport, code: DiagnosisCode): Diagnosis => {
  const d = r.diagnoses.find((x) => x.code === code);
  if (!d) throw new Error(`${code} not diagnosed; got ${codes(r).join(', ') || 'none'}; notes: ${r.diagnosisNotes}`);
  return d;
};
const row = (d: Diagnosis, source: string): Evidence => {
  const e = d.evidence.find((x) => x.source === source);
  if (!e) throw new Error(`no evidence ${source} in ${d.code}`);
  return e;
};

describe('readinessReport: layers and first break', () => {
  it('a healthy organisation gets no diagnosis, no first break and no incision', () => {
    const r = diagnose({ workforce: groupReport() });
    expect(r.diagnoses).toEqual([]);
    expect(r.firstBreak).toBeNull();
    expect(r.recommendations).toEqual([]);
    expect(r.layerVerdicts).toEqual({
      roles: 'sound',
      workflows: 'sound',
      knowledge: 'sound',
      responsibility: 'sound',
      governance: 'sound',
    });
    expect(r.leadershipGap).toBeNull();
    expect(r.diagnosisNotes?.join(' ')).toMatch(/Boss B trap was not checked.*leadership view/);
  });

  it('keeps the workforce report it was given', () => {
    const workforce = groupReport(cashPoorSpec());
    const r = diagnose({ workforce });
    expect(r.layers).toEqual(workforce.layers);
    expect(r.signals).toEqual(workforce.signals);
    expect(r.n).toBe(50);
    expect(r.minGroupSize).toBe(5);
  });

  it('points at the earliest weak layer in the cascade, not at the lowest score', () => {
    const r = diagnose({ workforce: groupReport({ layers: { knowledge: 42, roles: 15 } }) });
    expect(r.firstBreak).toBe('knowledge');
    expect(r.recommendations.map((x) => x.layer)).toEqual(['knowledge', 'roles']);
    expect(r.recommendations[0]?.ledger).toBe('knowledge');
  });

  it('orders incisions by the cascade whatever the scores, at most three', () => {
    const r = diagnose({
      workforce: groupReport({
        layers: { roles: 20, governance: 25, responsibility: 30, workflows: 35, knowledge: 40 },
      }),
    });
    expect(r.firstBreak).toBe('knowledge');
    expect(r.recommendations.map((x) => x.layer)).toEqual(['knowledge', 'workflows', 'responsibility']);
  });

  it('does not call a layer the first break while its 95% interval still reaches 50', () => {
    // knowledge 43 with n = 20, sd 16: interval about 35.5-50.5, so only borderline; workflows 30 is clearly weak.
    const r = diagnose({
      workforce: groupReport({ n: 20, layers: { knowledge: 43, workflows: 30 } }),
    });
    expect(r.layerVerdicts?.knowledge).toBe('borderline');
    expect(r.layerVerdicts?.workflows).toBe('weak');
    expect(r.firstBreak).toBe('workflows');
    expect(r.recommendations.map((x) => x.layer)).toEqual(['workflows']);
    expect(r.diagnosisNotes?.join(' ')).toMatch(/knowledge/);
  });

  it('the same knowledge score is weak once enough people answer to narrow its interval', () => {
    const r = diagnose({ workforce: groupReport({ n: 200, layers: { knowledge: 43, workflows: 30 } }) });
    expect(r.layerVerdicts?.knowledge).toBe('weak');
    expect(r.firstBreak).toBe('knowledge');
  });

  it('never calls a layer a hair below 50 weak, however many answer: weakness needs size as well as an interval', () => {
    // n = 1,500: knowledge 48.7 has an interval of about ±0.8, wholly below 50, but lies within 5 points of it.
    const r = diagnose({ workforce: groupReport({ n: 1500, layers: { knowledge: 48.7, governance: 18.1 } }) });
    expect(r.layerVerdicts?.knowledge).toBe('borderline');
    expect(r.firstBreak).toBe('governance');
    expect(r.recommendations[0]?.layer).toBe('governance');
  });

  it('names no single first break when the weak layers cannot be told apart, and says so', () => {
    const r = diagnose({
      workforce: groupReport({
        layers: { roles: 40, workflows: 39, knowledge: 41, responsibility: 38, governance: 39 },
      }),
    });
    expect(r.firstBreak).toBeNull();
    expect(r.weakTogether).toEqual(['knowledge', 'workflows', 'responsibility', 'governance', 'roles']);
    const f = r.findings?.find((x) => x.code === 'several_weak_layers');
    expect(f?.text.en).toMatch(/cannot tell which of them broke first/);
    expect(f?.text.zh).toMatch(/无法判断哪一层最先断裂/);
    expect(f?.text.de).toMatch(/kein erster Bruch/);
    // The incisions still start where the usual cascade does, and say why.
    expect(r.recommendations[0]?.layer).toBe('knowledge');
    expect(r.recommendations[0]?.because?.en).toMatch(/several layers are weak together/);
  });

  it('asserts nothing below the minimum group size, and says why', () => {
    const r = diagnose({ workforce: groupReport({ n: 4, ...cashPoorSpec() }), minGroupSize: 5 });
    expect(r.diagnoses).toEqual([]);
    expect(r.firstBreak).toBeNull();
    expect(r.recommendations).toEqual([]);
    expect(r.leadershipGap).toBeNull();
    expect(r.diagnosisNotes).toEqual(['Only 4 responses so far; at least 5 are needed before anything is diagnosed.']);
    expect(r.notes?.[0]?.text.zh).toBe('目前只有4份回答；至少需要5份才能做任何诊断。');
  });

  it('never uses a scale that too few respondents scored', () => {
    const spec = cashRichSpec();
    spec.layers = { ...spec.layers, governance: { score: 33, n: 3 } };
    const r = diagnose({ workforce: groupReport(spec) });
    expect(codes(r)).not.toContain('cash_rich_trap');
    expect(r.layerVerdicts?.governance).toBe('unknown');
    expect(r.diagnosisNotes?.join(' ')).toMatch(
      /cash-rich trap was not checked.*governance \(layer:governance\) has 3/,
    );
  });
});

describe('readinessReport: the traps', () => {
  it('cash-rich: investment high, no capacity decision, responsibility and governance weak', () => {
    const r = diagnose({ workforce: groupReport(cashRichSpec()) });
    expect(codes(r)).toEqual(['cash_rich_trap']);
    const d = find(r, 'cash_rich_trap');
    expect(d).toMatchObject({ confidence: 0.95, likelihood: 'very_likely' });
    expect(row(d, 'signal:investment')).toMatchObject({ value: 78, threshold: 60, comparison: '>=', met: true });
    expect(row(d, 'capacity:undecided')).toMatchObject({ value: 0.6, threshold: 0.4, comparison: '>=', met: true });
    expect(row(d, 'layer:responsibility')).toMatchObject({ value: 35, threshold: 50, comparison: '<', met: true });
    expect(row(d, 'layer:governance')).toMatchObject({ value: 33, met: true });
    expect(d.explanation).toContain('78/100');
    expect(d.explanation).toContain('60% of staff say nothing has been decided');
    expect(d.explanation).toContain('Responsibility scores 35/100');
    expect(r.recommendations.find((x) => x.code === 'cash_rich_trap')?.action).toMatch(
      /^Before the next tool purchase/,
    );
  });

  it('cash-rich also when no decided use of freed time reaches 40%, though few say "undecided"', () => {
    const spec = cashRichSpec();
    spec.capacity = {
      undecided: 0.2,
      profit: 0.26,
      customer_experience: 0.24,
      organisational_learning: 0.2,
      headcount_only: 0.1,
    };
    const d = find(diagnose({ workforce: groupReport(spec) }), 'cash_rich_trap');
    // By meaning: cost 0.26 + 0.10, customers 0.24, learning 0.20: no direction reaches two in five.
    expect(row(d, 'capacity:undecided').met).toBe(false);
    expect(row(d, 'capacity:top_destination')).toMatchObject({ value: 0.36, met: true });
    expect(d.explanation).toContain(
      'no direction for freed time is named by more than 36% of staff (the most named: lower costs or fewer people)',
    );
  });

  it('cash-rich from the organisation profile when staff rate investment only middling', () => {
    const spec = cashRichSpec();
    spec.signals = { ...spec.signals, investment: 50 };
    const profile: OrgProfile = { seats: 400, headcount: { total: 500 }, pilots: 5, trainingHoursPerEmployee: 2 };
    expect(codes(diagnose({ workforce: groupReport(spec) }))).not.toContain('cash_rich_trap');
    const d = find(diagnose({ workforce: groupReport(spec), profile }), 'cash_rich_trap');
    expect(row(d, 'signal:investment').met).toBe(false);
    expect(row(d, 'profile:investment_facts')).toMatchObject({ value: 2, threshold: 2, met: true });
    expect(row(d, 'profile:seat_coverage')).toMatchObject({ value: 0.8, met: true });
    expect(row(d, 'profile:training_hours_per_employee').met).toBe(false);
    expect(d.explanation).toContain('paid AI seats for 80% of staff');
  });

  it('cash-poor: little investment, busy people, no ledgers, no operating impact', () => {
    const r = diagnose({ workforce: groupReport(cashPoorSpec()) });
    expect(codes(r)).toEqual(['cash_poor_trap']);
    const d = find(r, 'cash_poor_trap');
    expect(d).toMatchObject({ confidence: 0.95, likelihood: 'very_likely' });
    for (const source of ['signal:time_ledger', 'signal:waiting_ledger', 'signal:knowledge_ledger'])
      expect(row(d, source)).toMatchObject({ threshold: 40, comparison: '<', met: true });
    expect(d.explanation).toContain('activity 74/100');
    expect(d.explanation).toContain('operating impact is 28/100');
    // Every layer 38–45: weak together, none singled out (knowledge first among them, as the cascade starts there).
    expect(r.firstBreak).toBeNull();
    expect(r.weakTogether?.[0]).toBe('knowledge');
    // The trap's own incision first (build the ledgers); it covers the knowledge ledger, so the next layers follow.
    expect(r.recommendations.map((x) => x.code ?? x.layer)).toEqual(['cash_poor_trap', 'workflows', 'responsibility']);
    expect(r.recommendations[0]?.action).toMatch(/^Build the three ledgers/);
    expect(r.recommendations[0]?.because?.en).toBe('activity 74, but ledgers 25/27/22 and operating impact 28');
  });

  it('cash-poor is vetoed by a profile that shows heavy investment staff may not see', () => {
    const profile: OrgProfile = { aiSpendPerEmployee: 900, currency: 'EUR', pilots: 6 };
    const r = diagnose({ workforce: groupReport(cashPoorSpec()), profile });
    expect(codes(r)).not.toContain('cash_poor_trap');
  });

  it('Boss B: leadership far above the workforce interval, busy, no impact; managers above frontline', () => {
    const workforce = groupReport(bossBSpec());
    const leadership = shifted(workforce, 30, 3);
    const manager = shifted(workforce, 14, 12);
    const frontline = shifted(workforce, -3, 35);
    const r = diagnose({ workforce, leadership, byLevel: { manager, frontline } });
    expect(codes(r)).toEqual(['boss_b_trap']);
    const d = find(r, 'boss_b_trap');
    expect(d).toMatchObject({ confidence: 0.95, likelihood: 'very_likely' });
    // The threshold is the mean 95% half-width of the gaps: workforce sampling (sd 16, n 50) and three leaders' own
    // answer noise ((1 − 0.7) · 16² / 3): 1.96 · √(16²/50 + 25.6) = 10.9 points.
    expect(row(d, 'gap:mean')).toMatchObject({ value: 30, threshold: 10.9, comparison: '>', met: true });
    expect(row(d, 'gap:layers_beyond_ci')).toMatchObject({ value: 5, threshold: 3, met: true });
    expect(row(d, 'gap:knowledge')).toMatchObject({ value: 30, met: true });
    expect(row(d, 'gap:manager-frontline')).toMatchObject({ value: 17, threshold: 10, met: true });
    expect(d.explanation).toContain('30 points higher on average');
    expect(d.explanation).toContain('Managers, too, rate the layers 17 points higher');
    expect(r.leadershipGap).toEqual({ roles: 30, workflows: 30, knowledge: 30, responsibility: 30, governance: 30 });
    expect(r.recommendations[0]).toMatchObject({ code: 'boss_b_trap', layer: null });
    expect(r.levelGap?.mean).toBe(17);
    expect(r.levelGap?.layers.knowledge?.beyondNoise).toBe(true);
  });

  it('Boss B leaves out a level group below the minimum size', () => {
    const workforce = groupReport(bossBSpec());
    const r = diagnose({
      workforce,
      leadership: shifted(workforce, 30, 3),
      byLevel: { manager: shifted(workforce, 14, 4), frontline: shifted(workforce, -3, 35) },
    });
    expect(find(r, 'boss_b_trap').evidence.some((e) => e.source === 'gap:manager-frontline')).toBe(false);
  });

  it('Boss B needs the gap to clear the workforce uncertainty, not just 10 points', () => {
    // n = 8, sd 25: the workforce interval is about ±22 points, so a 15-point gap is within it.
    const workforce = groupReport({ ...bossBSpec(), n: 8, sd: 25 });
    const r = diagnose({ workforce, leadership: shifted(workforce, 15, 1) });
    expect(codes(r)).not.toContain('boss_b_trap');
    expect(r.leadershipGap?.knowledge).toBe(15);
  });

  it('replacement-only: a decision for cost, work taken over, safeguards and governance missing', () => {
    const r = diagnose({ workforce: groupReport(replacementSpec()) });
    // Safeguards at 26 are Klarna's human-exit finding too.
    expect(codes(r).sort()).toEqual(['human_exit_missing', 'replacement_only']);
    const d = find(r, 'replacement_only');
    expect(d.confidence).toBeGreaterThan(0.9);
    expect(d.confidence).toBeLessThan(1);
    expect(row(d, 'capacity:undecided')).toMatchObject({ value: 0.16, threshold: 0.4, comparison: '<', met: true });
    expect(row(d, 'capacity:cost')).toMatchObject({ value: 0.74, threshold: 0.5, met: true });
    expect(row(d, 'capacity:growth+learning')).toMatchObject({ value: 0.1, met: true });
    // 2026.1 never asked whether work was taken over: operating impact at the midpoint or above stands in.
    expect(row(d, 'signal:operating_impact')).toMatchObject({ value: 56, threshold: 50, comparison: '>=', met: true });
    expect(d.explanation).toContain('74% of staff name lower costs or fewer people');
    expect(d.explanation).toContain("Klarna's stage one");
    expect(r.recommendations.find((x) => x.code === 'replacement_only')?.action).toMatch(/trips a rollback/);
    expect(r.recommendations.find((x) => x.code === 'human_exit_missing')?.action).toMatch(/reach a person/);
  });

  const breakOne: [string, () => DiagnosisInput['workforce'], DiagnosisCode][] = [
    ['cash-rich with a decision people know', () => groupReport({ ...cashRichSpec(), capacity: {} }), 'cash_rich_trap'],
    [
      'cash-rich with governance in place',
      () => groupReport({ ...cashRichSpec(), layers: { ...cashRichSpec().layers, governance: 62 } }),
      'cash_rich_trap',
    ],
    [
      'cash-poor with operating impact',
      () => groupReport({ ...cashPoorSpec(), signals: { ...cashPoorSpec().signals, operating_impact: 55 } }),
      'cash_poor_trap',
    ],
    [
      'cash-poor with a waiting ledger kept',
      () => groupReport({ ...cashPoorSpec(), signals: { ...cashPoorSpec().signals, waiting_ledger: 48 } }),
      'cash_poor_trap',
    ],
    [
      'replacement-only with safeguards in place',
      () => groupReport({ ...replacementSpec(), signals: { ...replacementSpec().signals, human_safeguards: 60 } }),
      'replacement_only',
    ],
  ];
  it.each(breakOne)('not asserted: %s', (_, workforce, code) => {
    expect(codes(diagnose({ workforce: workforce() }))).not.toContain(code);
  });

  it('Boss B not asserted when leadership sees what staff see, or when operating impact is there', () => {
    const workforce = groupReport(bossBSpec());
    expect(codes(diagnose({ workforce, leadership: shifted(workforce, 4, 3) }))).not.toContain('boss_b_trap');
    const withImpact = groupReport({ ...bossBSpec(), signals: { ...bossBSpec().signals, operating_impact: 60 } });
    expect(codes(diagnose({ workforce: withImpact, leadership: shifted(withImpact, 30, 3) }))).not.toContain(
      'boss_b_trap',
    );
  });

  it('confidence grows with n for the same scores', () => {
    const at = (n: number) =>
      find(diagnose({ workforce: groupReport({ ...cashPoorSpec(), n, sd: 22 }) }), 'cash_poor_trap');
    const small = at(25);
    const large = at(60);
    // The joint support grows; the calibrated confidence (binned, calibration.ts) never falls.
    expect(small.support!).toBeLessThan(large.support!);
    expect(small.confidence).toBeLessThanOrEqual(large.confidence);
    expect(small.support!).toBeGreaterThanOrEqual(THRESHOLDS.minConfidence);
  });

  it('a pattern too uncertain to assert is noted, not diagnosed', () => {
    // Every value just past its threshold, n = 30, wide spread: the joint probability is far below one half.
    const workforce = groupReport({
      n: 30,
      sd: 25,
      signals: {
        investment: 38,
        activity: 62,
        time_ledger: 38,
        waiting_ledger: 38,
        knowledge_ledger: 38,
        operating_impact: 38,
      },
    });
    const r = diagnose({ workforce });
    expect(codes(r)).not.toContain('cash_poor_trap');
    expect(r.diagnosisNotes?.join(' ')).toMatch(
      /cash-poor trap pattern is present but not asserted: its confidence 0\.\d\d/,
    );
  });

  it('lists several diagnoses most certain first', () => {
    // Cash-rich and replacement-only cannot co-occur (decided vs undecided); cash-poor and Boss B can.
    const spec: GroupSpec = { ...cashPoorSpec(), n: 40 };
    const workforce = groupReport(spec);
    const r = diagnose({ workforce, leadership: shifted(workforce, 22, 2) });
    expect(codes(r).sort()).toEqual(['boss_b_trap', 'cash_poor_trap']);
    const conf = r.diagnoses.map((d) => d.confidence);
    expect([...conf].sort((a, b) => b - a)).toEqual(conf);
    expect(r.recommendations.filter((x) => x.code).map((x) => x.code)).toEqual(codes(r));
  });
});
