import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../shared/instrument';
import {
  type BreakdownPlan,
  type CellCount,
  planBreakdowns,
  suppressSegments,
  visibleLevels,
  visibleSegments,
} from '../../../shared/privacy';
import { derivableGroups, hiddenBounds, type Knowledge, twoWayCandidates } from './disclosure-audit';

/** Cells from a table of counts: one row per department, columns in LEVELS order (frontline, manager, executive). */
const fromTable = (table: Record<string, [number, number, number]>): CellCount[] =>
  Object.entries(table).flatMap(([department, ns]) => LEVELS.map((level, j) => ({ department, level, n: ns[j]! })));

const shown = (plan: BreakdownPlan, breakdown: 'department' | 'level') =>
  Object.fromEntries(plan[breakdown].map((row) => [String(row.key), row.suppressed ? 'hidden' : row.n]));

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
    expect(shown(plan, 'department')).toEqual({ ops: 'hidden', sales: 9, null: 'hidden' });
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
  it('applies one-way suppression to each marginal and hides the total exactly when it is below the minimum', () => {
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
        expect(plan.department.filter((r) => r.suppressed).map((r) => r.key)).toEqual([...depts].sort());
        expect(plan.level.filter((r) => r.suppressed).map((r) => r.key)).toEqual(LEVELS.filter((l) => levels.has(l)));
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

  it('would leak a small group if a cross-tab cell were published (the audit can fail)', () => {
    // Sales: 6 frontline, 2 managers; ops: 7 frontline. Publishing the sales × frontline cell beside the sales row
    // gives the two sales managers away.
    const row = [1, 1, 0, 0];
    const cell = [1, 0, 0, 0];
    expect(derivableGroups(4, [[1, 1, 1, 1], row, cell], [3])).toContain(0b0010);
  });
});
