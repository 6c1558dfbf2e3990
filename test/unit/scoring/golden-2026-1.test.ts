import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findInstrument } from '../../../shared/instrument';
import type { SurveyResponse } from '../../../shared/response';
import { createAccumulator, scoreResponses } from '../../../shared/scoring';

// Campaigns on instrument 2026.1 keep scoring exactly as they did before 2026.2 existed: the fixture holds responses
// and the reports and statistics the engine gave for them then (generated once, never edited). Every figure of those
// stays exactly equal; later releases may only add figures beside them (toMatchObject: extra fields allowed, arrays
// and values exact).
interface Golden {
  instrument: { id: string; version: string };
  groups: {
    name: string;
    responses: SurveyResponse[];
    stats: unknown;
    report: unknown;
    reportExcludingFlagged: unknown;
  }[];
}

const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/scoring-2026-1-golden.json', import.meta.url), 'utf8'),
) as Golden;

describe('instrument 2026.1 scores exactly as before 2026.2', () => {
  const instrument = findInstrument(golden.instrument.id, golden.instrument.version);

  it('is still known', () => {
    expect(instrument?.version).toBe('2026.1');
  });

  for (const group of golden.groups) {
    it(`gives the same report and statistics for ${group.name}`, () => {
      const acc = createAccumulator(instrument!);
      for (const r of group.responses) acc.add(r);
      expect(acc.toStats()).toMatchObject(group.stats as object);
      expect(scoreResponses(instrument!, group.responses)).toMatchObject(group.report as object);
      expect(scoreResponses(instrument!, group.responses, { excludeFlagged: true })).toMatchObject(
        group.reportExcludingFlagged as object,
      );
    });
  }
});
