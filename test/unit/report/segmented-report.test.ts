import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, LAYERS, LEVELS, type Level, layerItems } from '../../../shared/instrument';
import { isShown, type SegmentedReport, segmentedReport } from '../../../shared/report';
import type { SurveyResponse } from '../../../shared/response';
import { emptyStats, fold, merge, report } from '../../../shared/scoring';
import { makeResponses } from '../../factories';
import { smallIsolations } from '../privacy/disclosure-audit';

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

const inDepartment = (department: string, count: number, seed: number, level: Level = 'frontline') =>
  makeResponses(count, seed, { departments: [department], levels: [level], skipRate: 0, dontKnowRate: 0 });

/**
 * Every published figure an attacker who knows the organisation's structure could isolate a small group with: per
 * figure (respondent counts, then each layer's score), every combination with coefficients -1, 0, 1 of the groups that
 * publish it, over the cells' counts of respondents with that figure (cells where nobody has it are known).
 */
function isolatedFigures(model: SegmentedReport, responses: SurveyResponse[], departments: string[]): string[] {
  const cells = departments.map((d) => LEVELS.map((l) => responses.filter((r) => r.department === d && r.level === l)));
  const k = model.minGroupSize;
  const rowOf = (breakdown: 'department' | 'level', name: string) =>
    model.segments[breakdown].find((r) => r.name === name);
  const found: string[] = [];
  const counts = cells.map((row) => row.map((rs) => rs.length));
  const shownCounts = {
    total: !model.suppressed,
    rows: departments.map((d) => rowOf('department', d)?.suppressed === false),
    columns: LEVELS.map((l) => rowOf('level', l)?.suppressed === false),
  };
  for (const size of smallIsolations(counts, shownCounts, k)) found.push(`count of ${size}`);
  for (const layer of LAYERS) {
    const layerCounts = cells.map((row) =>
      row.map((rs) => (rs.length === 0 ? 0 : report(instrument, cellsOf(rs)[0]!.stats).layers[layer].n)),
    );
    const scored = (row: { layers?: Record<string, { score: number | null }> } | undefined) =>
      row?.layers?.[layer]?.score !== null && row?.layers?.[layer]?.score !== undefined;
    const shownScores = {
      total: model.layers?.[layer].score !== null && model.layers?.[layer].score !== undefined,
      rows: departments.map((d) => scored(rowOf('department', d))),
      columns: LEVELS.map((l) => scored(rowOf('level', l))),
    };
    for (const size of smallIsolations(layerCounts, shownScores, k)) found.push(`${layer} of ${size}`);
  }
  return found;
}

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

  it('hides Sales beside frontline when Sales has only frontline staff, so neither counts nor scores give away two', () => {
    // Sales 10 (all frontline); Operations 2 frontline, 6 managers, 2 executives. Shown beside frontline (12), Sales
    // would give away the two Operations frontline respondents, count and scores, as frontline minus Sales.
    const responses = [
      ...inDepartment('Sales', 10, 11),
      ...inDepartment('Operations', 2, 12),
      ...inDepartment('Operations', 6, 13, 'manager'),
      ...inDepartment('Operations', 2, 14, 'executive'),
    ];
    const model = segmentedReport({
      instrument,
      cells: cellsOf(responses),
      leadership: null,
      profile: null,
      minGroupSize: 5,
      departments: ['Sales', 'Operations'],
    });
    expect(model.segments.department).toEqual([
      { name: 'Sales', suppressed: true },
      { name: 'Operations', suppressed: true },
    ]);
    expect(model.segments.level.map((r) => [r.name, r.suppressed ? 'hidden' : r.n])).toEqual([
      ['frontline', 12],
      ['manager', 'hidden'],
      ['executive', 'hidden'],
    ]);
    expect(model.byLevel.frontline?.layers.roles.score).not.toBeNull();
    expect(isolatedFigures(model, responses, ['Sales', 'Operations'])).toEqual([]);

    // The audit can fail: with Sales shown, as each breakdown alone allows, it finds the two.
    const sales = report(instrument, cellsOf(responses.filter((r) => r.department === 'Sales'))[0]!.stats);
    const doctored: SegmentedReport = {
      ...model,
      segments: {
        ...model.segments,
        department: [{ name: 'Sales', suppressed: false, n: 10, layers: sales.layers }, model.segments.department[1]!],
      },
    };
    expect(isolatedFigures(doctored, responses, ['Sales', 'Operations'])).toEqual(
      expect.arrayContaining(['count of 2', 'roles of 2', 'knowledge of 2']),
    );
  });

  it('blanks a layer where frontline minus a frontline-only department would be the few who answered it', () => {
    // Respondents: Sales 10 frontline; Operations 5 frontline and 5 managers. Every group is shown (frontline minus
    // Sales is 5). On knowledge, only 2 of the Operations frontline answer: frontline's knowledge score minus Sales'
    // would be theirs. Each group's own knowledge count is at least 5, so only the check across both breakdowns sees it.
    const responses = [
      ...inDepartment('Sales', 10, 21),
      ...inDepartment('Operations', 2, 22),
      ...dontKnowOn('knowledge', inDepartment('Operations', 3, 23)),
      ...inDepartment('Operations', 5, 24, 'manager'),
    ];
    const model = segmentedReport({
      instrument,
      cells: cellsOf(responses),
      leadership: null,
      profile: null,
      minGroupSize: 5,
      departments: ['Sales', 'Operations'],
    });
    const rows = [...model.segments.department, ...model.segments.level];
    expect(rows.filter((r) => r.suppressed).map((r) => r.name)).toEqual([]);
    const knowledge = Object.fromEntries(rows.map((r) => [r.name, r.layers?.knowledge.score ?? null]));
    expect(knowledge.Sales === null || knowledge.frontline === null).toBe(true);
    // Every other layer rests on everyone and stays.
    expect(rows.filter((r) => r.n).every((r) => r.layers?.roles.score !== null)).toBe(true);
    expect(model.layers?.knowledge.score).not.toBeNull();
    expect(isolatedFigures(model, responses, ['Sales', 'Operations'])).toEqual([]);

    // The audit can fail: with both knowledge scores back, as per-breakdown masking alone left them, it finds the two.
    const unmasked = (name: string, pick: (r: SurveyResponse) => boolean) => {
      const row = rows.find((r) => r.name === name)!;
      const full = report(
        instrument,
        cellsOf(responses.filter(pick)).reduce((acc, c) => merge(acc, c.stats), emptyStats(instrument)),
      );
      return { ...row, layers: { ...row.layers!, knowledge: full.layers.knowledge } };
    };
    const doctored: SegmentedReport = {
      ...model,
      segments: {
        department: model.segments.department.map((r) =>
          r.name === 'Sales' ? unmasked('Sales', (x) => x.department === 'Sales') : r,
        ),
        level: model.segments.level.map((r) =>
          r.name === 'frontline' ? unmasked('frontline', (x) => x.level === 'frontline') : r,
        ),
      },
    };
    expect(new Set(isolatedFigures(doctored, responses, ['Sales', 'Operations']))).toEqual(new Set(['knowledge of 2']));
  });

  it('keeps a group the plan hides hidden on every layer', () => {
    const responses = [...inDepartment('Sales', 10, 31), ...inDepartment('Legal', 2, 32)];
    const model = segmentedReport({
      instrument,
      cells: cellsOf(responses),
      leadership: null,
      profile: null,
      minGroupSize: 5,
    });
    expect(model.segments.department.every((r) => r.suppressed && r.layers === undefined)).toBe(true);
    expect(isolatedFigures(model, responses, ['Sales', 'Legal'])).toEqual([]);
  });
});
