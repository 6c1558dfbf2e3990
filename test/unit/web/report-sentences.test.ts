import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/instrument';
import { REPORT_SENTENCES } from '../../../web/report/report-sentences';

// Evidence notes are said in every language at their source: test/unit/diagnosis/evidence-notes.test.ts.

describe('report sentences', () => {
  it('has every sentence in every language', () => {
    const keys = Object.keys(REPORT_SENTENCES.en).sort();
    for (const lang of LANGUAGES) expect(Object.keys(REPORT_SENTENCES[lang]).sort()).toEqual(keys);
  });
});
