// Weighting, response rates and difference intervals on the segmented report, with the disclosure audit they need: a
// weighted total beside the unweighted one is a second equation over the group means, so the tests prove that every
// published figure is the same in two organisations that differ only inside the hidden groups.

import { describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT, type Instrument, LAYERS, type Level } from '../../../shared/instrument';
import type { OrgProfile } from '../../../shared/profile';
import { type CellStats, isShown, segmentedReport } from '../../../shared/report';
import type { SurveyResponse } from '../../../shared/response';
import { emptyStats, fold, merge, report } from '../../../shared/scoring';
import { makeResponses } from '../../factories';

function cellsOf(instrument: Instrument, responses: SurveyResponse[]): CellStats[] {
  const cells = new Map<string, CellStats>();
  for (const r of responses) {
    const key = `${r.department}|${r.level}`;
    const cell = cells.get(key) ?? { department: r.department, level: r.level, stats: emptyStats(instrument) };
    cell.stats = fold(instrument, cell.stats, r);
    cells.set(key, cell);
  }
  return [...cells.values()];
}

const group = (
  department: string,
  count: number,
  seed: number,
  tendency: number,
  level: Level = 'frontline',
  instrument: Instrument = CURRENT_INSTRUMENT,
) =>
  makeResponses(count, seed, {
    instrument,
    departments: [department],
    levels: [level],
    skipRate: 0,
    dontKnowRate: 0,
    tendency: Object.fromEntries(LAYERS.map((l) => [l, tendency])),
  });

const DEPARTMENTS = ['Sales', 'Support', 'HR', 'Finance'];
const PROFILE: OrgProfile = {
  headcount: { total: 100, byDepartment: { Sales: 40, Support: 30, HR: 10, Finance: 20 } },
};

/** Sales 12 and Support 10 are shown; HR 3 and Finance 3 are hidden, pooled they are 6. */
function organisation(instrument: Instrument, swapHidden: boolean) {
  const hr = group('HR', 3, 31, 5, 'frontline', instrument);
  const finance = group('Finance', 3, 32, 1, 'frontline', instrument);
  // The other world: the same six hidden answers, HR's now Finance's and Finance's HR's.
  const hidden = swapHidden
    ? [...hr.map((r) => ({ ...r, department: 'Finance' })), ...finance.map((r) => ({ ...r, department: 'HR' }))]
    : [...hr, ...finance];
  const responses = [
    ...group('Sales', 12, 11, 4, 'frontline', instrument),
    ...group('Support', 10, 12, 2, 'frontline', instrument),
    ...hidden,
  ];
  return segmentedReport({
    instrument,
    cells: cellsOf(instrument, responses),
    leadership: null,
    profile: PROFILE,
    minGroupSize: 5,
    departments: DEPARTMENTS,
  });
}

describe('weighting to the headcount', () => {
  it.each([CORE_INSTRUMENT, CURRENT_INSTRUMENT])(
    'pools every hidden group: two organisations that differ only inside the hidden groups publish the same (%s)',
    (instrument) => {
      const a = organisation(instrument, false);
      const b = organisation(instrument, true);
      expect(a.segments.department.filter((r) => r.suppressed).map((r) => r.name)).toEqual(['HR', 'Finance']);
      expect(a.weighting?.department).not.toBeNull();
      // Everything published, weighted figures and intervals included, is equal: nothing tells HR from Finance.
      expect(JSON.stringify(b)).toEqual(JSON.stringify(a));
    },
  );

  it('would leak with a stratum per hidden group: the same two organisations then differ (the audit can fail)', () => {
    const naive = (swap: boolean) => {
      const g = (d: string, count: number, seed: number, t: number) =>
        group(d, count, seed, t, 'frontline', CORE_INSTRUMENT);
      const responses = [
        ...g('Sales', 12, 11, 4),
        ...g('Support', 10, 12, 2),
        ...(swap
          ? [
              ...g('HR', 3, 31, 5).map((r) => ({ ...r, department: 'Finance' })),
              ...g('Finance', 3, 32, 1).map((r) => ({ ...r, department: 'HR' })),
            ]
          : [...g('HR', 3, 31, 5), ...g('Finance', 3, 32, 1)]),
      ];
      const heads = PROFILE.headcount!.byDepartment!;
      let sum = 0;
      for (const d of DEPARTMENTS) {
        const members = cellsOf(
          CORE_INSTRUMENT,
          responses.filter((r) => r.department === d),
        );
        const stats = members.reduce((acc, c) => merge(acc, c.stats), emptyStats(CORE_INSTRUMENT));
        sum += (heads[d]! / 100) * report(CORE_INSTRUMENT, stats).layers.roles.score!;
      }
      return sum;
    };
    expect(Math.abs(naive(false) - naive(true))).toBeGreaterThan(1);
  });

  it('2026.1: the weighted score is what the published figures give, the pool being the whole minus the shown', () => {
    const r = organisation(CORE_INSTRUMENT, false);
    if (!isShown(r)) throw new Error('expected a shown report');
    for (const layer of LAYERS) {
      const rows = r.segments.department.filter((x) => !x.suppressed);
      const shownN = rows.reduce((s, x) => s + x.layers![layer].n, 0);
      const shownSum = rows.reduce((s, x) => s + x.layers![layer].n * x.layers![layer].score!, 0);
      const pool = (r.layers[layer].n * r.layers[layer].score! - shownSum) / (r.layers[layer].n - shownN);
      const expected = (40 * rows[0]!.layers![layer].score! + 30 * rows[1]!.layers![layer].score! + 30 * pool) / 100;
      expect(r.weighting!.department!.layers[layer]!.weighted).toBeCloseTo(expected, 1);
      expect(r.weighting!.department!.layers[layer]!.unweighted).toBeCloseTo(r.layers[layer].score!, 1);
    }
  });

  it('gives response rates per published group and one for the hidden ones together', () => {
    const r = organisation(CORE_INSTRUMENT, false);
    expect(r.weighting?.department?.strata).toEqual([
      { name: 'Sales', responses: 12, headcount: 40, rate: 0.3 },
      { name: 'Support', responses: 10, headcount: 30, rate: 0.333 },
      { name: null, responses: 6, headcount: 30, rate: 0.2 },
    ]);
    // The weighted score leans towards Sales, under-represented at 30% against Support's 33%… and the hidden 20%.
    const roles = r.weighting!.department!.layers.roles!;
    expect(roles.weighted).not.toBe(roles.unweighted);
    // No headcount by level in the profile: no level weighting rather than a guess.
    expect(r.weighting?.level).toBeNull();
  });
});

describe('differences on the breakdowns', () => {
  it('marks a department that differs from the rest beyond noise, and only published ones get a difference', () => {
    const responses = [
      ...group('Sales', 30, 11, 4.5),
      ...group('Support', 30, 12, 1.5),
      ...group('HR', 3, 31, 5),
      ...group('Finance', 3, 32, 1),
    ];
    const r = segmentedReport({
      instrument: CURRENT_INSTRUMENT,
      cells: cellsOf(CURRENT_INSTRUMENT, responses),
      leadership: null,
      profile: null,
      minGroupSize: 5,
      departments: DEPARTMENTS,
    });
    const sales = r.segments.department.find((x) => x.name === 'Sales')!;
    const support = r.segments.department.find((x) => x.name === 'Support')!;
    expect(sales.differences?.roles).toMatchObject({ beyondNoise: true });
    expect(sales.differences!.roles!.value).toBeGreaterThan(0);
    expect(support.differences!.roles!.value).toBeLessThan(0);
    for (const hidden of r.segments.department.filter((x) => x.suppressed)) expect(hidden.differences).toBeUndefined();
    // Sales ≈ 88 and Support ≈ 13 on every layer: polarised, a finding of its own.
    const polarised = r.findings?.filter((f) => f.code === 'polarised_departments') ?? [];
    expect(polarised.length).toBeGreaterThan(0);
    expect(polarised[0]!.text.en).toMatch(/^Departments see \w+ very differently: Sales \d+\/100, Support \d+\/100/);
  });

  it('in organisations where no department differs, markers appear in at most about 5% of breakdowns', () => {
    let marked = 0;
    const runs = 25;
    for (let i = 0; i < runs; i++) {
      const responses = makeResponses(90, 900 + i, {
        instrument: CORE_INSTRUMENT,
        departments: ['A', 'B', 'C', 'D', 'E', 'F'],
        levels: ['frontline'],
      });
      const r = segmentedReport({
        instrument: CORE_INSTRUMENT,
        cells: cellsOf(CORE_INSTRUMENT, responses),
        leadership: null,
        profile: null,
        minGroupSize: 5,
      });
      if (r.segments.department.some((x) => LAYERS.some((l) => x.differences?.[l]?.beyondNoise))) marked++;
    }
    // Simultaneous over 6 departments × 5 layers: family-wise 5%; 25 breakdowns allow a few by chance (pointwise 95%
    // intervals would mark one in most of them: recovery-table.ts, waves).
    expect(marked / runs).toBeLessThanOrEqual(0.12);
  });

  it('shows managers minus frontline whenever both are published, with no leadership view at all', () => {
    const responses = [
      ...group('Sales', 20, 41, 2, 'frontline'),
      ...group('Support', 20, 42, 2, 'frontline'),
      ...group('Sales', 10, 43, 4, 'manager'),
      ...group('Support', 10, 44, 4, 'manager'),
    ];
    const r = segmentedReport({
      instrument: CURRENT_INSTRUMENT,
      cells: cellsOf(CURRENT_INSTRUMENT, responses),
      leadership: null,
      profile: null,
      minGroupSize: 5,
    });
    expect(r.leadershipGap).toBeNull();
    expect(r.levelGap?.upper).toBe('manager');
    expect(r.levelGap!.mean).toBeGreaterThan(30);
    expect(r.levelGap!.layers.roles?.beyondNoise).toBe(true);
  });
});
