import { describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT } from '../../../shared/instrument/core-2026-1';
import { CORE_INSTRUMENT_2026_2 } from '../../../shared/instrument/core-2026-2';
import { surveySteps } from '../../../web/survey/render-survey';

// Issue 16: the survey's steps are titled for the person answering, not with the reports' construct names.

describe('survey step titles', () => {
  for (const instrument of [CORE_INSTRUMENT, CORE_INSTRUMENT_2026_2]) {
    for (const lang of instrument.languages) {
      it(`${instrument.version} in ${lang}: no construct name, no two steps alike`, () => {
        const constructs = new Set([
          ...Object.values(instrument.layers).map((l) => l.name[lang]),
          ...Object.values(instrument.signals).map((s) => s.name[lang]),
        ]);
        const titles = surveySteps(instrument, lang).map((s) => s.title);
        expect(titles).toHaveLength(8);
        for (const title of titles) {
          expect(constructs.has(title), title).toBe(false);
          expect(title).not.toContain(' · ');
        }
        expect(new Set(titles).size).toBe(titles.length);
      });
    }
  }

  it('asks 2026.2 about freed time scaled to the team, and keeps 2026.1 word for word', () => {
    const text = (items: typeof CORE_INSTRUMENT.items, id: string) => items.find((i) => i.id === id)?.text;
    expect(text(CORE_INSTRUMENT_2026_2.items, 'sig_capacity_for')?.en).toContain('one day a week for each person');
    expect(JSON.stringify(text(CORE_INSTRUMENT_2026_2.items, 'sig_capacity_for'))).not.toContain('200');
    expect(text(CORE_INSTRUMENT.items, 'sig_capacity_use')?.en).toBe(
      'If AI freed 200 hours a week in your team, what has leadership decided those hours are for?',
    );
  });
});
