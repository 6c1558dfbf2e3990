import { describe, expect, it } from 'vitest';
import { stageTwoEvidence } from '../../../shared/account/stage-two';
import { type DiagnosisInput, readinessReport } from '../../../shared/diagnosis';
import {
  EVIDENCE_NOTES,
  type EvidenceNoteCode,
  type EvidenceNotePart,
  evidenceNoteText,
} from '../../../shared/diagnosis/evidence-notes';
import { registerRows } from '../../../shared/diagnosis/register-evidence';
import { CORE_INSTRUMENT, LANGUAGES } from '../../../shared/instrument';
import type { Evidence, GroupReport } from '../../../shared/report-model';
import { makeFlow, makeSignal } from '../account/fixtures';
import { bossBSpec, cashPoorSpec, cashRichSpec, groupReport, replacementSpec, shifted } from './group-report-fixture';

// Every note the diagnosis engine can put beside an evidence row is a code of EVIDENCE_NOTES with its figures; the
// report says it in its own language. One sample of each code (a Record over the codes, so a new code without a
// sample does not compile), then the engine's own rows: each carries parts, and its English note is made from them.

const SAMPLES: Record<EvidenceNoteCode, EvidenceNotePart> = {
  interval_n: { code: 'interval_n', figures: { lo: 67.2, hi: 82.8, n: 30 } },
  n: { code: 'n', figures: { n: 31 } },
  n_of_headcount: { code: 'n_of_headcount', figures: { n: 4, headcount: 200 } },
  within_noise: { code: 'within_noise', figures: { verdict: 'borderline' } },
  paid_seats: { code: 'paid_seats', figures: { seats: 12, people: 40 } },
  per_employee_year: { code: 'per_employee_year', figures: { currency: 'EUR' } },
  investment_facts: { code: 'investment_facts', figures: { given: 3 } },
  not_told: { code: 'not_told' },
  top_direction: { code: 'top_direction', figures: { meaning: 'growth' } },
  leadership_vs_workforce: { code: 'leadership_vs_workforce', figures: { leadership: 75.5, workforce: 50.1 } },
  gap_half_width: { code: 'gap_half_width' },
  per_layer_detail: { code: 'per_layer_detail' },
  leadership_gap_mean: { code: 'leadership_gap_mean', figures: { layers: 5 } },
  leadership_gap_threshold: { code: 'leadership_gap_threshold', figures: { minimum: 10, halfWidth: 6.7 } },
  layers_beyond_half_width: { code: 'layers_beyond_half_width', figures: { layers: 4 } },
  manager_frontline: { code: 'manager_frontline', figures: { layers: 5, managers: 7, frontline: 23 } },
  shown_not_required: { code: 'shown_not_required' },
  stands_in_for_replaced: { code: 'stands_in_for_replaced' },
  rollback_layer: { code: 'rollback_layer' },
  ai_in_work: { code: 'ai_in_work' },
  ai_in_work_2026_1: { code: 'ai_in_work_2026_1' },
  per_item_shown: { code: 'per_item_shown' },
  published_waits_only: { code: 'published_waits_only' },
  share_of_waiters: { code: 'share_of_waiters', figures: { n: 17 } },
  time_ledger_hours: { code: 'time_ledger_hours', figures: { n: 160 } },
  knowledge_ledger_checks: { code: 'knowledge_ledger_checks', figures: { n: 158 } },
  corroborates: { code: 'corroborates' },
  flows_ai_handles: { code: 'flows_ai_handles', figures: { flows: 3 } },
  flows_ai_handles_in_register: { code: 'flows_ai_handles_in_register', figures: { flows: 6 } },
  signals_past_threshold: { code: 'signals_past_threshold' },
  signals_past_threshold_in_register: { code: 'signals_past_threshold_in_register' },
  entries_on_account: { code: 'entries_on_account', figures: { entries: 4 } },
  responses_flagged: { code: 'responses_flagged', figures: { flagged: 9, total: 60, straightLining: 5, tooFast: 4 } },
  dont_know_share: { code: 'dont_know_share' },
  departments_apart: { code: 'departments_apart', figures: { high: 'Sales', low: 'Legal' } },
  simultaneous_interval: { code: 'simultaneous_interval', figures: { lo: 8.2, hi: 31.9, comparisons: 10 } },
};

/** Three Latin words in a row: English left in a Chinese text. */
const LATIN_RUN = /[A-Za-z][A-Za-z’'-]*(?:[\s,;:()]+[A-Za-z][A-Za-z’'-]*){2,}/;
const ENGLISH_ONLY = /\b(?:the|and|of|is|are|with|which|that|than|from|for|their|they|were|not|by|at|to|on|or)\b/i;
/** The figures a translation must keep: numbers and names (a verdict or a direction is a word, said translated). */
const figuresOf = (p: EvidenceNotePart) =>
  'figures' in p
    ? Object.values(p.figures)
        .map(String)
        .filter((f) => !['weak', 'borderline', 'cost', 'growth', 'learning', 'none'].includes(f))
    : [];

function expectSaidIn(parts: EvidenceNotePart[], label: string) {
  const en = evidenceNoteText(parts, 'en');
  const zh = evidenceNoteText(parts, 'zh');
  const de = evidenceNoteText(parts, 'de');
  expect(zh, label).not.toMatch(LATIN_RUN);
  // "n = 30" is the same everywhere; anything with words is said anew.
  if (/[A-Za-z]{2,}/.test(en)) expect(zh, label).not.toBe(en);
  expect(de, label).not.toMatch(ENGLISH_ONLY);
  for (const figure of parts.flatMap(figuresOf)) {
    expect(zh, `${label}: ${figure}`).toContain(figure);
    expect(de, `${label}: ${figure}`).toContain(figure);
  }
}

describe('evidence notes in every report language', () => {
  it('says each note the engine can emit in English, Chinese and German, its figures kept', () => {
    for (const code of Object.keys(EVIDENCE_NOTES) as EvidenceNoteCode[]) {
      const sample = SAMPLES[code];
      expect(sample.code).toBe(code);
      for (const lang of LANGUAGES) expect(evidenceNoteText([sample], lang), `${code} in ${lang}`).not.toBe('');
      expectSaidIn([sample], code);
    }
  });

  it('says a word figure (a verdict, a direction) in the language too', () => {
    expect(evidenceNoteText([SAMPLES.within_noise], 'de')).toBe('grenzwertig, und im Rauschen der anderen');
    expect(evidenceNoteText([SAMPLES.top_direction], 'zh')).toBe('按含义被提到最多的方向：增长');
  });

  it('joins the parts as each language joins clauses', () => {
    const parts = [SAMPLES.n, SAMPLES.per_item_shown];
    expect(evidenceNoteText(parts, 'en')).toBe('n = 31; per item, shown, not required');
    expect(evidenceNoteText(parts, 'zh')).toBe('n = 31；逐题，仅供参考，非必要条件');
    expect(evidenceNoteText(parts, 'de')).toBe('n = 31; je Frage, gezeigt, keine Bedingung');
  });

  it('says nothing for a code it does not know (a newer engine), rather than a guess', () => {
    const unknown = { code: 'from_the_future' } as unknown as EvidenceNotePart;
    expect(evidenceNoteText([unknown, SAMPLES.n], 'de')).toBe('n = 31');
  });
});

describe('the engine’s evidence rows', () => {
  const diagnose = (overrides: Partial<DiagnosisInput> & { workforce: GroupReport }) =>
    readinessReport({
      instrument: CORE_INSTRUMENT,
      leadership: null,
      byLevel: {},
      profile: null,
      minGroupSize: 5,
      ...overrides,
    });

  it('carry every note as parts, with the English note made from them, said in every language', () => {
    const boss = groupReport(bossBSpec());
    const reports = [
      diagnose({ workforce: groupReport(cashPoorSpec()) }),
      diagnose({
        workforce: groupReport(cashRichSpec()),
        profile: { seats: 400, headcount: { total: 500 }, pilots: 5, aiSpendPerEmployee: 900, currency: 'EUR' },
      }),
      diagnose({
        workforce: boss,
        leadership: shifted(boss, 30, 3),
        byLevel: { manager: shifted(boss, 14, 12), frontline: shifted(boss, -3, 35) },
      }),
      diagnose({ workforce: groupReport(replacementSpec()) }),
      diagnose({ workforce: groupReport({ ...cashPoorSpec(), n: 8 }), profile: { headcount: { total: 200 } } }),
    ];
    const rows: Evidence[] = reports.flatMap((r) => [
      ...r.diagnoses.flatMap((d) => d.evidence),
      ...(r.findings ?? []).flatMap((f) => f.evidence ?? []),
    ]);
    const flows = [makeFlow({ humanExit: null, signals: [makeSignal({ current: 20 })] })];
    const register = registerRows(flows);
    rows.push(...stageTwoEvidence(flows), ...register.pastThreshold, register.noHumanExit!.evidence);

    const seen = new Set<string>();
    for (const e of rows) {
      if (e.note === undefined && e.noteParts === undefined) continue;
      expect(e.noteParts?.length, `${e.source}: ${e.note}`).toBeGreaterThan(0);
      expect(e.note, e.source).toBe(evidenceNoteText(e.noteParts!, 'en'));
      for (const p of e.noteParts!) {
        expect(Object.keys(EVIDENCE_NOTES), e.source).toContain(p.code);
        seen.add(p.code);
      }
      expectSaidIn(e.noteParts!, e.source);
    }
    // The fixtures reach the usual notes of the traps, the register and the too-few finding.
    for (const code of ['interval_n', 'n', 'n_of_headcount', 'leadership_vs_workforce', 'manager_frontline'])
      expect(seen, code).toContain(code);
    for (const code of ['flows_ai_handles', 'flows_ai_handles_in_register', 'signals_past_threshold_in_register'])
      expect(seen, code).toContain(code);
  });
});
