import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../shared/instrument';
import {
  type BreakdownPlan,
  type CellCount,
  maskFigure,
  planBreakdowns,
  suppressSegments,
  visibleLevels,
  visibleSegments,
} from '../../../shared/privacy';
import {
  derivableGroups,
  hiddenBounds,
  type Knowledge,
  type PublishedSums,
  smallIsolations,
  twoWayCandidates,
} from './disclosure-audit';

/** Cells from a table of counts: one row per department, columns in LEVELS order (frontline, manager, executive). */
const fromTable = (table: Record<string, [number, number, number]>): CellCount[] =>
  Object.entries(table).flatMap(([department, ns]) => LEVELS.map((level, j) => ({ department, level, n: ns[j]! })));

const shown = (plan: BreakdownPlan, breakdown: 'department' | 'level') =>
  Object.fromEntries(plan[breakdown].map((row) => [String(row.key), row.suppressed ? 'hidden' : row.n]));

/** The sums a plan publishes, for a table whose rows are the given departments (in that order) and LEVELS columns. */
const publishedOf = (plan: BreakdownPlan, departments: readonly (string | null)[]): PublishedSums => ({
  total: !plan.total.suppressed,
  rows: departments.map((key) => plan.department.some((row) => row.key === key && !row.suppressed)),
  columns: LEVELS.map((key) => plan.level.some((row) => row.key === key && !row.suppressed)),
});

describe('planBreakdowns', () => {
  it('shows neither department when one has 10 responses and the other 2', () => {
    const plan = planBreakdowns(fromTable({ sales: [10, 0, 0], ops: [2, 0, 0] }), 5);
    expect(plan.total).toEqual({ suppressed: false, n: 12 });
    expect(plan.department).toEqual([
      { key: 'ops', suppressed: true },
      { key: 'sales', suppressed: true },
    ]);
    expect(shown(plan, 'level')).toEqual({ frontline: 12, manager: 0, executive: 0 });
  });

  it('hides managers beside two executives, so the perception gap by level is drawn for frontline only', () => {
    const plan = planBreakdowns(fromTable({ sales: [25, 4, 1], ops: [15, 4, 1] }), 5);
    expect(shown(plan, 'level')).toEqual({ frontline: 40, manager: 'hidden', executive: 'hidden' });
    expect(visibleLevels(plan)).toEqual(['frontline']);
    expect(shown(plan, 'department')).toEqual({ ops: 20, sales: 30 });
  });

  it('shows every level of at least the minimum when none is small', () => {
    const plan = planBreakdowns(fromTable({ sales: [12, 5, 3], ops: [8, 3, 3] }), 5);
    expect(visibleLevels(plan)).toEqual(['frontline', 'manager', 'executive']);
  });

  it('hides everything, the total included, when the campaign is below the minimum', () => {
    const plan = planBreakdowns(fromTable({ sales: [2, 1, 0], ops: [1, 0, 0] }), 5);
    expect(plan.total).toEqual({ suppressed: true });
    expect([...plan.department, ...plan.level].every((row) => row.suppressed)).toBe(true);
    expect(visibleSegments(plan)).toEqual([]);
  });

  it('keeps respondents without a department as a group of their own, listed last', () => {
    const plan = planBreakdowns(
      [
        { department: null, level: 'frontline', n: 2 },
        { department: 'sales', level: 'frontline', n: 9 },
        { department: 'ops', level: 'manager', n: 6 },
      ],
      5,
    );
    expect(plan.department.map((row) => row.key)).toEqual(['ops', 'sales', null]);
    // The two without a department are hidden, ops (6) beside them. Sales (9) used to be shown too, but anyone who
    // knows that sales has only frontline staff gets the two as frontline (11) minus sales: sales, the smaller of
    // the two groups involved, is hidden as well, and the levels stay.
    expect(shown(plan, 'department')).toEqual({ ops: 'hidden', sales: 'hidden', null: 'hidden' });
    expect(shown(plan, 'level')).toEqual({ frontline: 11, manager: 6, executive: 0 });
  });

  it('hides Sales beside frontline when Sales has only frontline staff (Sales 10; Operations 2 + 6 + 2)', () => {
    const cells = fromTable({ Sales: [10, 0, 0], Operations: [2, 6, 2] });
    const plan = planBreakdowns(cells, 5);
    // Each breakdown alone would show Sales (10), Operations (10) and frontline (12): frontline minus Sales is then
    // the two Operations frontline respondents, for anyone who knows that Sales has no managers or executives.
    const oneWay = [
      [10, 0, 0],
      [2, 6, 2],
    ];
    expect(smallIsolations(oneWay, { total: true, rows: [true, true], columns: [true, false, false] }, 5)).toContain(2);
    expect(shown(plan, 'department')).toEqual({ Sales: 'hidden', Operations: 'hidden' });
    expect(shown(plan, 'level')).toEqual({ frontline: 12, manager: 'hidden', executive: 'hidden' });
    expect(smallIsolations(oneWay, publishedOf(plan, ['Sales', 'Operations']), 5)).toEqual([]);
  });

  it('hides nothing when every cell has at least the minimum', () => {
    const plan = planBreakdowns(fromTable({ sales: [5, 6, 5], ops: [9, 5, 7], legal: [5, 5, 5] }), 5);
    expect([plan.total, ...plan.department, ...plan.level].some((row) => row.suppressed)).toBe(false);
  });

  it('does not depend on the order of the cells or of the listed departments', () => {
    const cells = fromTable({ sales: [10, 0, 0], ops: [2, 5, 0], legal: [6, 6, 1], hr: [0, 5, 0] });
    const hiddenKeys = (plan: BreakdownPlan) =>
      [...plan.department, ...plan.level]
        .filter((row) => row.suppressed)
        .map((row) => String(row.key))
        .sort();
    const reference = hiddenKeys(planBreakdowns(cells, 5));
    expect(hiddenKeys(planBreakdowns([...cells].reverse(), 5))).toEqual(reference);
    expect(hiddenKeys(planBreakdowns(cells, 5, { departments: ['ops', 'legal', 'hr', 'sales'] }))).toEqual(reference);
    expect(hiddenKeys(planBreakdowns(cells, 5, { departments: ['sales', 'hr', 'legal', 'ops'] }))).toEqual(reference);
  });

  it("lists the campaign's departments in its order, those without responses included", () => {
    const plan = planBreakdowns(fromTable({ sales: [9, 0, 0], ops: [6, 0, 0] }), 5, {
      departments: ['sales', 'legal', 'ops'],
    });
    expect(plan.department).toEqual([
      { key: 'sales', suppressed: false, n: 9 },
      { key: 'legal', suppressed: false, n: 0 },
      { key: 'ops', suppressed: false, n: 6 },
    ]);
  });

  it('normalizes the minimum and rejects bad counts and levels', () => {
    expect(planBreakdowns([], 1).minGroupSize).toBe(3);
    expect(() => planBreakdowns([{ department: 'a', level: 'frontline', n: -2 }], 5)).toThrow(RangeError);
    expect(() => planBreakdowns([{ department: 'a', level: 'intern' as Level, n: 2 }], 5)).toThrow(RangeError);
  });

  it('lists the groups whose scores may be shown, total first', () => {
    const plan = planBreakdowns(fromTable({ sales: [10, 5, 0], ops: [2, 4, 0] }), 5);
    expect(visibleSegments(plan)).toEqual([
      { breakdown: 'total', key: null, n: 21 },
      { breakdown: 'department', key: 'ops', n: 6 },
      { breakdown: 'department', key: 'sales', n: 15 },
      { breakdown: 'level', key: 'frontline', n: 12 },
      { breakdown: 'level', key: 'manager', n: 9 },
    ]);
  });
});

const DEPARTMENTS = ['d0', 'd1', 'd2'];
/** Cell sizes, often tiny, so that hidden groups of one and empty margins come up. */
const cellSize = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 2 },
);
const tables = fc.integer({ min: 1, max: 3 }).chain((rows) =>
  fc.array(fc.array(cellSize, { minLength: 3, maxLength: 3 }), {
    minLength: rows,
    maxLength: rows,
  }),
);
/** The minimum, often 3 (the floor), where the fewest respondents make a hidden union. */
const minimum = fc.oneof(fc.constant(3), fc.integer({ min: 3, max: 10 }));
const cellsOf = (table: number[][]): CellCount[] =>
  table.flatMap((ns, i) => LEVELS.map((level, j) => ({ department: DEPARTMENTS[i]!, level, n: ns[j]! })));
const rowSums = (table: number[][]) => table.map((ns) => ns.reduce((a, b) => a + b, 0));
const colSums = (table: number[][]) => LEVELS.map((_, j) => table.reduce((a, ns) => a + ns[j]!, 0));
const total = (table: number[][]) => rowSums(table).reduce((a, b) => a + b, 0);
/** Every respondent in a hidden margin of one, nothing left to hide but the total (see suppress-segments.ts). */
const exhausted = (margins: number[]) => margins.every((n) => n <= 1);

describe('planBreakdowns properties', () => {
  it('applies one-way suppression to each marginal, and more only where the two together isolate a small group', () => {
    fc.assert(
      fc.property(tables, minimum, (table, k) => {
        const plan = planBreakdowns(cellsOf(table), k);
        const depts = suppressSegments(
          rowSums(table).map((n, i) => ({ key: DEPARTMENTS[i]!, n })),
          k,
        );
        const levels = suppressSegments(
          colSums(table).map((n, j) => ({ key: LEVELS[j]!, n })),
          k,
        );
        const hiddenDepts = plan.department.filter((r) => r.suppressed).map((r) => r.key);
        const hiddenLevels = plan.level.filter((r) => r.suppressed).map((r) => r.key);
        expect(hiddenDepts).toEqual(expect.arrayContaining([...depts]));
        expect(hiddenLevels).toEqual(expect.arrayContaining([...levels]));
        // Stricter than each breakdown alone only where the one-way plan lets an attacker who knows the empty cells
        // isolate 1..k-1 respondents (frontline minus a frontline-only department, say).
        const oneWay: PublishedSums = {
          total: total(table) >= k,
          rows: table.map((_, i) => !depts.has(DEPARTMENTS[i]!)),
          columns: LEVELS.map((l) => !levels.has(l)),
        };
        if (total(table) >= k && smallIsolations(table, oneWay, k).length === 0) {
          expect(hiddenDepts).toEqual([...depts].sort());
          expect(hiddenLevels).toEqual(LEVELS.filter((l) => levels.has(l)));
        }
        expect(plan.total.suppressed).toBe(total(table) < k);
        for (const row of [...plan.department, ...plan.level]) {
          if (!row.suppressed) expect(row.n === 0 || row.n >= k).toBe(true);
        }
      }),
    );
  });

  for (const knowledge of ['arithmetic', 'knows-empty'] as Knowledge[]) {
    it(`leaves no cross-tab cell or hidden marginal below the minimum pinned, over every table consistent with both breakdowns (${knowledge})`, () => {
      fc.assert(
        fc.property(tables, minimum, (table, k) => {
          fc.pre(total(table) >= k);
          if (knowledge === 'knows-empty') {
            fc.pre(!exhausted(rowSums(table)) && !exhausted(colSums(table)));
          }
          const plan = planBreakdowns(cellsOf(table), k);
          const found = twoWayCandidates(
            plan,
            (i) => hiddenBounds(knowledge, rowSums(table)[i]!),
            (j) => hiddenBounds(knowledge, colSums(table)[j]!),
            (values) => values.size > 1 || [...values].some((v) => v === 0 || v >= k),
          );
          expect(found.tables).toBeGreaterThan(0);
          const pinnedSmall = (values: Set<number>) => values.size === 1 && [...values].some((v) => v > 0 && v < k);
          expect(found.cells.flat().some(pinnedSmall)).toBe(false);
          expect([...found.rows, ...found.cols].some(pinnedSmall)).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  }

  for (const knowledge of ['arithmetic', 'knows-empty'] as Knowledge[]) {
    it(`lets no group below the minimum be aggregated from the total and both breakdowns together (${knowledge})`, () => {
      fc.assert(
        fc.property(tables, minimum, (table, k) => {
          fc.pre(total(table) >= k);
          const plan = planBreakdowns(cellsOf(table), k);
          const R = table.length;
          const C = LEVELS.length;
          const vector = (inGroup: (i: number, j: number) => boolean) =>
            Array.from({ length: R * C }, (_, c) => (inGroup(Math.floor(c / C), c % C) ? 1 : 0));
          const published = [
            vector(() => true),
            ...plan.department.flatMap((row, i) => (row.suppressed ? [] : [vector((r) => r === i)])),
            ...plan.level.flatMap((row, j) => (row.suppressed ? [] : [vector((_, c) => c === j)])),
          ];
          // Cells the attacker can tell are empty: every table consistent with the plan has 0 there.
          const found = twoWayCandidates(
            plan,
            (i) => hiddenBounds(knowledge, rowSums(table)[i]!),
            (j) => hiddenBounds(knowledge, colSums(table)[j]!),
            (values) => [...values].some((v) => v > 0),
          );
          const knownEmpty = found.cells
            .flatMap((row, i) => row.map((values, j) => (values.size === 1 && values.has(0) ? i * C + j : -1)))
            .filter((c) => c >= 0);
          for (const mask of derivableGroups(R * C, published, knownEmpty)) {
            const n = table.flat().reduce((a, v, c) => a + ((mask >> c) & 1 ? v : 0), 0);
            expect(n === 0 || n >= k).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('lets no combination of published groups isolate 1..k-1 respondents, for an attacker who knows the empty cells', () => {
    const structured = fc.integer({ min: 2, max: 4 }).chain((rows) =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 3 }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
    const departments = ['d0', 'd1', 'd2', 'd3'];
    fc.assert(
      fc.property(structured, fc.integer({ min: 3, max: 6 }), (table, k) => {
        fc.pre(total(table) >= k);
        const cells = table.flatMap((ns, i) =>
          LEVELS.map((level, j) => ({ department: departments[i]!, level, n: ns[j]! })),
        );
        const plan = planBreakdowns(cells, k);
        const published = publishedOf(plan, departments.slice(0, table.length));
        expect(smallIsolations(table, published, k)).toEqual([]);
        // Nor any rational combination, with every empty cell known.
        const R = table.length;
        const vector = (inGroup: (i: number, j: number) => boolean) =>
          Array.from({ length: R * 3 }, (_, c) => (inGroup(Math.floor(c / 3), c % 3) ? 1 : 0));
        const sums = [
          vector(() => true),
          ...published.rows.flatMap((on, i) => (on ? [vector((r) => r === i)] : [])),
          ...published.columns.flatMap((on, j) => (on ? [vector((_, c) => c === j)] : [])),
        ];
        const empty = table.flat().flatMap((n, c) => (n === 0 ? [c] : []));
        for (const mask of derivableGroups(R * 3, sums, empty)) {
          const n = table.flat().reduce((a, v, c) => a + ((mask >> c) & 1 ? v : 0), 0);
          expect(n === 0 || n >= k).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hides nothing when every cell has at least the minimum or none', () => {
    // Every combination then isolates whole cells, so nobody or at least k: there is nothing to protect.
    const balanced = fc.integer({ min: 1, max: 3 }).chain((rows) =>
      fc.array(fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 3 }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
    fc.assert(
      fc.property(balanced, fc.integer({ min: 3, max: 6 }), (offsets, k) => {
        const table = offsets.map((ns) => ns.map((n) => (n < 0 ? 0 : k + n)));
        fc.pre(total(table) > 0);
        const plan = planBreakdowns(cellsOf(table), k);
        expect([plan.total, ...plan.department, ...plan.level].some((row) => row.suppressed)).toBe(false);
      }),
    );
  });

  it('plans the same whatever the order of the cells', () => {
    const shuffled = tables.chain((table) =>
      fc.tuple(
        fc.constant(table),
        fc.shuffledSubarray(cellsOf(table), { minLength: table.length * 3, maxLength: table.length * 3 }),
      ),
    );
    fc.assert(
      fc.property(shuffled, minimum, ([table, reordered], k) => {
        const strip = (plan: BreakdownPlan) => ({
          ...plan,
          department: [...plan.department].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1)),
        });
        expect(strip(planBreakdowns(reordered, k))).toEqual(strip(planBreakdowns(cellsOf(table), k)));
      }),
    );
  });

  it('would leak a small group if a cross-tab cell were published (the audit can fail)', () => {
    // Sales: 6 frontline, 2 managers; ops: 7 frontline. Publishing the sales × frontline cell beside the sales row
    // gives the two sales managers away.
    const row = [1, 1, 0, 0];
    const cell = [1, 0, 0, 0];
    expect(derivableGroups(4, [[1, 1, 1, 1], row, cell], [3])).toContain(0b0010);
  });
});

describe('maskFigure', () => {
  const departments = ['d0', 'd1', 'd2', 'd3'];
  const cellsFrom = (table: number[][]): CellCount[] =>
    table.flatMap((ns, i) => LEVELS.map((level, j) => ({ department: departments[i]!, level, n: ns[j]! })));
  /** A table of respondents and, per cell, how many of them have the figure (answered the layer). */
  const figureTables = fc.integer({ min: 2, max: 4 }).chain((rows) =>
    fc.array(
      fc.array(
        fc
          .oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }))
          .chain((n) => fc.tuple(fc.constant(n), fc.oneof(fc.constant(n), fc.integer({ min: 0, max: n })))),
        { minLength: 3, maxLength: 3 },
      ),
      { minLength: rows, maxLength: rows },
    ),
  );

  it('withholds the figure where frontline minus a frontline-only department rests on two who answered', () => {
    // Respondents: d0 10 frontline; d1 5 frontline, 5 managers: every group shown. Only 2 of d1's frontline answered.
    const plan = planBreakdowns(
      cellsFrom([
        [10, 0, 0],
        [5, 5, 0],
      ]),
      5,
    );
    expect(visibleSegments(plan)).toHaveLength(5);
    const figure = [
      [10, 0, 0],
      [2, 5, 0],
    ];
    const mask = maskFigure(plan, cellsFrom(figure));
    const published = {
      total: !mask.total,
      rows: ['d0', 'd1'].map((d) => !mask.department.has(d)),
      columns: LEVELS.map((l) => !mask.level.has(l)),
    };
    expect(smallIsolations(figure, published, 5)).toEqual([]);
    expect(mask.department.size + mask.level.size).toBeGreaterThan(0);
    // Per breakdown alone, nothing would be withheld: each group's own count of answers is at least 5.
    expect(smallIsolations(figure, { total: true, rows: [true, true], columns: [true, true, true] }, 5)).toContain(2);
  });

  it('keeps every group the plan hides withheld, and leaves no combination resting on 1..k-1 with the figure', () => {
    fc.assert(
      fc.property(figureTables, fc.integer({ min: 3, max: 6 }), (pairs, k) => {
        const counts = pairs.map((row) => row.map(([n]) => n));
        const figure = pairs.map((row) => row.map(([, m]) => m));
        fc.pre(total(counts) >= k);
        const plan = planBreakdowns(cellsFrom(counts), k);
        const mask = maskFigure(plan, cellsFrom(figure));
        for (const row of plan.department) if (row.suppressed) expect(mask.department.has(row.key)).toBe(true);
        for (const row of plan.level) if (row.suppressed) expect(mask.level.has(row.key)).toBe(true);
        expect(mask.total).toBe(total(figure) < k);
        const keys = departments.slice(0, counts.length);
        const published = {
          total: !mask.total,
          rows: keys.map((d) => !mask.department.has(d)),
          columns: LEVELS.map((l) => !mask.level.has(l)),
        };
        expect(smallIsolations(figure, published, k)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('withholds nothing more than the plan hides when everyone has the figure', () => {
    fc.assert(
      fc.property(tables, minimum, (table, k) => {
        fc.pre(total(table) >= k);
        const plan = planBreakdowns(cellsOf(table), k);
        const mask = maskFigure(plan, cellsOf(table));
        expect([...mask.department].sort()).toEqual(
          plan.department
            .filter((r) => r.suppressed)
            .map((r) => r.key)
            .sort(),
        );
        expect(mask.level).toEqual(new Set(plan.level.filter((r) => r.suppressed).map((r) => r.key)));
        expect(mask.total).toBe(false);
      }),
    );
  });
});
