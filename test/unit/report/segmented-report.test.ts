import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, type Level, layerItems } from '../../../shared/instrument';
import { isShown, segmentedReport } from '../../../shared/report';
import type { SurveyResponse } from '../../../shared/response';
import { emptyStats, fold } from '../../../shared/scoring';
import { makeResponses } from '../../factories';

const instrument = CURRENT_INSTRUMENT;

/** Folds responses into department × level cells, as the API and the CLI do. */
function cellsOf(responses: SurveyResponse[]) {
  const cells = new Map<string, { department: string | null; level: Level; stats: ReturnType<typeof emptyStats> }>();
  for (const r of responses) {
    const key = `${r.department}|${r.level}`;
    const cell = cells.get(key) ?? { department: r.department, level: r.level, stats: emptyStats(instrument) };
    cell.stats = fold(instrument, cell.stats, r);
    cells.set(key, cell);
  }
  return [...cells.values()];
}

const inDepartment = (department: string, count: number, seed: number) =>
  makeResponses(count, seed, { departments: [department], levels: ['frontline'], skipRate: 0, dontKnowRate: 0 });

/** Every answer of a layer turned into "don't know". */
const dontKnowOn = (layer: 'knowledge', responses: SurveyResponse[]) => {
  const ids = layerItems(instrument, layer).map((i) => i.id);
  return responses.map((r) => ({
    ...r,
    answers: { ...r.answers, ...Object.fromEntries(ids.map((id) => [id, 'dk'])) },
  }));
};

describe('segmentedReport', () => {
  it('shows neither department when one has 10 responses and the other 2', () => {
    const model = segmentedReport({
      instrument,
      cells: cellsOf([...inDepartment('Sales', 10, 1), ...inDepartment('Legal', 2, 2)]),
      leadership: null,
      profile: null,
      minGroupSize: 5,
    });
    expect(model.suppressed).toBe(false);
    expect(model.n).toBe(12);
    expect(model.segments.department).toEqual([
      { name: 'Legal', suppressed: true },
      { name: 'Sales', suppressed: true },
    ]);
    expect(JSON.stringify(model.segments.department)).not.toMatch(/score/);
  });

  it('shows only the count when the whole workforce is below the minimum', () => {
    const model = segmentedReport({
      instrument,
      cells: cellsOf(inDepartment('Sales', 4, 3)),
      leadership: null,
      profile: null,
      minGroupSize: 5,
    });
    expect(model.suppressed).toBe(true);
    expect(isShown(model)).toBe(false);
    expect(model.n).toBe(4);
    expect(model.layers).toBeUndefined();
    expect(model.diagnoses).toBeUndefined();
    expect(model.segments.department.every((row) => row.suppressed && row.n === undefined)).toBe(true);
  });

  it('blanks a layer that fewer than k people answered, in the total', () => {
    const responses = [...inDepartment('Sales', 3, 4), ...dontKnowOn('knowledge', inDepartment('Sales', 5, 5))];
    const model = segmentedReport({
      instrument,
      cells: cellsOf(responses),
      leadership: null,
      profile: null,
      minGroupSize: 5,
    });
    if (!isShown(model)) throw new Error('expected a shown report');
    expect(model.layers.knowledge.n).toBe(3);
    expect(model.layers.knowledge.score).toBeNull();
    expect(model.layers.knowledge.ci95).toBeNull();
    expect(model.layers.roles.score).not.toBeNull();
    expect(model.firstBreak).not.toBe('knowledge');
  });

  it('blanks a layer across departments so the total cannot single out the few who answered it', () => {
    // Sales: 6 answer knowledge. Support: 6 respondents, only 2 answer knowledge. Showing Sales' knowledge score
    // beside the total's would give away the two in Support by subtraction, so both are blanked on that layer.
    const support = [...inDepartment('Support', 2, 6), ...dontKnowOn('knowledge', inDepartment('Support', 4, 7))];
    const model = segmentedReport({
      instrument,
      cells: cellsOf([...inDepartment('Sales', 6, 8), ...support]),
      leadership: null,
      profile: null,
      minGroupSize: 5,
      departments: ['Sales', 'Support'],
    });
    const [sales, supportRow] = model.segments.department;
    expect(sales?.suppressed).toBe(false);
    expect(supportRow?.suppressed).toBe(false);
    expect(sales?.layers?.knowledge.score).toBeNull();
    expect(supportRow?.layers?.knowledge.score).toBeNull();
    expect(sales?.layers?.roles.score).not.toBeNull();
    expect(model.layers?.knowledge.score).not.toBeNull();
  });
});
