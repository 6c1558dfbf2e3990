import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/instrument';
import { noteIn, REPORT_SENTENCES } from '../../../web/report/report-sentences';

// Evidence notes come from the diagnosis engine in English (shared/diagnosis: criteria.ts, traps.ts,
// readiness-report.ts); the report says each part in its own language. These are the notes the engine writes, with
// sample figures, including those the demo report does not show (test/integration/report-languages.test.ts).
const NOTES = [
  '95% CI 67.2–82.8, n = 30',
  'n = 30',
  '12 paid seats for 40 people',
  'EUR per employee per year',
  'profile facts at the high-investment mark, of 3 given',
  'layers where the gap lies beyond its 95% half-width, of 5',
  'managers minus frontline, mean over 5 layers (n = 7 managers, 23 frontline); shown, not required',
  'n = 30; per item, shown, not required',
  'n = 30; AI is in the work: not low',
  'n = 30; AI is in the work: not low (stands in for work taken over by AI, which 2026.1 does not ask)',
  '95% CI 17.2–32.8, n = 30; stands in for work taken over by AI, which instrument 2026.1 does not ask',
  '95% CI 17.2–32.8, n = 30; the layer holding the quality signals and the level that trips a rollback',
  'n = 30; everyone not told what freed time is for: not decided, not told, or does not know',
  "n = 30; leadership 75 vs workforce 50; the threshold is the 95% half-width of the gap (workforce sampling and the leaders' own answer noise); per-layer detail",
  'n = 30; leadership minus workforce, mean over 5 layers; threshold is the larger of 10 points and the mean 95% half-width (6.7) of the gaps',
  'n = 30 of a headcount of 200',
  'weak, and within noise of the others',
  'borderline',
];

const latinRun = /[A-Za-z][A-Za-z’'-]*(?:[\s,;:()]+[A-Za-z][A-Za-z’'-]*){2,}/;
const ENGLISH_ONLY = /\b(?:the|and|of|is|are|with|which|that|than|from|for|their|they|were|not|by|at|to|on|or)\b/i;

describe('evidence notes in the report’s language', () => {
  it('leaves English notes as they are', () => {
    for (const note of NOTES) expect(noteIn(REPORT_SENTENCES.en, note)).toBe(note);
  });

  it('says every part of every note in Chinese and German, figures kept', () => {
    for (const note of NOTES) {
      const zh = noteIn(REPORT_SENTENCES.zh, note);
      expect(zh, note).not.toMatch(latinRun);
      const de = noteIn(REPORT_SENTENCES.de, note);
      expect(de, note).not.toMatch(ENGLISH_ONLY);
      for (const figure of note.match(/\d+(?:\.\d+)?/g) ?? []) {
        expect(zh, note).toContain(figure);
        expect(de, note).toContain(figure);
      }
    }
  });

  it('has every sentence in every language', () => {
    const keys = Object.keys(REPORT_SENTENCES.en).sort();
    for (const lang of LANGUAGES) expect(Object.keys(REPORT_SENTENCES[lang]).sort()).toEqual(keys);
  });
});
