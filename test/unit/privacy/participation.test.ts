import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../shared/instrument';
import {
  type CellCount,
  departmentResponseRate,
  type ParticipationCounts,
  participationCounts,
} from '../../../shared/privacy';

// Live participation (issue 16): counts of a running campaign by department and by level, never a group below k,
// neither directly nor by subtraction, pooled groups included.

const cell = (department: string | null, level: Level, n: number): CellCount => ({ department, level, n });
const frontline = (department: string, n: number) => cell(department, 'frontline', n);

describe('participationCounts', () => {
  it('shows every group at or above the minimum when none is small', () => {
    const live = participationCounts([frontline('Sales', 6), cell('Ops', 'manager', 7)], 5, {
      departments: ['Sales', 'Ops'],
    });
    expect(live.total).toBe(13);
    expect(live.departments).toEqual([
      { key: 'Sales', n: 6 },
      { key: 'Ops', n: 7 },
    ]);
    expect(live.otherDepartments).toBeNull();
    // Executives (0) would be shown as 0 only if nothing else were hidden; here no level is small.
    expect(live.levels).toEqual([
      { key: 'frontline', n: 6 },
      { key: 'manager', n: 7 },
      { key: 'executive', n: 0 },
    ]);
  });

  it('pools a small department with its complement, so the total minus the shown ones is never the small one', () => {
    // Sales 10, Operations 6, HR 2: HR is hidden, and Operations with it (otherwise 18 - 10 - 6 = 2).
    const live = participationCounts([frontline('Sales', 10), frontline('Operations', 6), frontline('HR', 2)], 5, {
      departments: ['Sales', 'Operations', 'HR'],
    });
    expect(live.departments).toEqual([{ key: 'Sales', n: 10 }]);
    expect(live.otherDepartments).toEqual({ keys: ['Operations', 'HR'], n: 8 });
    expect(live.total).toBe(18);
  });

  it('hides both of two departments when one is small: neither count may be shown beside the total', () => {
    const live = participationCounts([frontline('Sales', 10), frontline('Operations', 1)], 5, {
      departments: ['Sales', 'Operations'],
    });
    expect(live.departments).toEqual([]);
    expect(live.otherDepartments).toEqual({ keys: ['Sales', 'Operations'], n: 11 });
    expect(live.total).toBe(11);
  });

  it('shows nothing but that it is below the minimum while the whole campaign is', () => {
    const live = participationCounts([frontline('Sales', 3), frontline('Operations', 1)], 5, {
      departments: ['Sales', 'Operations'],
    });
    expect(live).toMatchObject({ total: null, departments: [], levels: [] });
    expect(live.otherDepartments).toEqual({ keys: ['Sales', 'Operations'], n: null });
    expect(live.otherLevels).toEqual({ keys: [...LEVELS], n: null });
  });

  it('closes the cross-breakdown gap: frontline minus a frontline-only department is not a small group', () => {
    // Sales 10 frontline; Operations 2 frontline, 6 managers, 2 executives. One-way, Sales (10) and frontline (12)
    // both pass, and 12 - 10 = the two Operations frontline staff for anyone who knows Sales has only frontline.
    const cells = [
      frontline('Sales', 10),
      frontline('Operations', 2),
      cell('Operations', 'manager', 6),
      cell('Operations', 'executive', 2),
    ];
    const live = participationCounts(cells, 5, { departments: ['Sales', 'Operations'] });
    const sales = live.departments.find((d) => d.key === 'Sales');
    const front = live.levels.find((l) => l.key === 'frontline');
    expect(sales !== undefined && front !== undefined).toBe(false);
    expect(smallGroupsFrom(live, tableOf(cells, ['Sales', 'Operations']), ['Sales', 'Operations'])).toEqual([]);
  });

  it('never lets the pool or the total be the way a hidden empty department is learnt', () => {
    // A listed department without answers is hidden too once anything is (a shown 0 would bound the others).
    const live = participationCounts([frontline('Sales', 9), frontline('Operations', 2), frontline('Legal', 6)], 5, {
      departments: ['Sales', 'Operations', 'Legal', 'Empty'],
    });
    expect(live.departments.map((d) => d.key)).toEqual(['Sales']);
    expect(live.otherDepartments?.keys).toEqual(['Operations', 'Legal', 'Empty']);
  });
});

describe('departmentResponseRate', () => {
  it('is the count over the headcount, and nothing without a headcount', () => {
    expect(departmentResponseRate(6, 8)).toBe(0.75);
    expect(departmentResponseRate(2, 3)).toBe(0.667);
    expect(departmentResponseRate(6, undefined)).toBeNull();
    expect(departmentResponseRate(6, 0)).toBeNull();
  });
});

// The attacker: knows the campaign's departments, the levels, which department × level cells are empty, and every
// number shown (the total, each shown department and level, each pooled count), and adds and subtracts them with
// coefficients -1, 0 or 1 each (a pooled count already stands for the total minus the shown groups, so two of them
// with the total reach coefficients up to 3 on the total). A combination that is 0 or 1 on every non-empty cell
// pins the sum of the cells with 1: that sum must never be 1..k-1.

type Table = number[][];
const tableOf = (cells: readonly CellCount[], departments: readonly string[]): Table =>
  departments.map((d) =>
    LEVELS.map((l) => cells.filter((c) => c.department === d && c.level === l).reduce((a, c) => a + c.n, 0)),
  );

/** Each shown number as its coefficient per cell (1 where the number counts the cell), with the number itself. */
function shownNumbers(live: ParticipationCounts, departments: readonly string[]): { cells: number[][]; n: number }[] {
  const all = (value: (i: number, j: number) => boolean) =>
    departments.map((_, i) => LEVELS.map((_, j) => Number(value(i, j))));
  const numbers: { cells: number[][]; n: number }[] = [];
  if (live.total !== null) numbers.push({ cells: all(() => true), n: live.total });
  for (const d of live.departments) {
    numbers.push({ cells: all((i) => departments[i] === d.key), n: d.n });
  }
  if (live.otherDepartments?.n != null) {
    const pooled = new Set(live.otherDepartments.keys);
    numbers.push({ cells: all((i) => pooled.has(departments[i]!)), n: live.otherDepartments.n });
  }
  for (const l of live.levels) numbers.push({ cells: all((_, j) => LEVELS[j] === l.key), n: l.n });
  if (live.otherLevels?.n != null) {
    const pooled = new Set<string>(live.otherLevels.keys);
    numbers.push({ cells: all((_, j) => pooled.has(LEVELS[j]!)), n: live.otherLevels.n });
  }
  return numbers;
}

/** Every size 1..k-1 some combination of the shown numbers pins (brute force over 3^numbers combinations). */
function smallGroupsFrom(live: ParticipationCounts, table: Table, departments: readonly string[]): number[] {
  const numbers = shownNumbers(live, departments);
  // Every shown number must be what it claims to be over the true table (else the brute force proves nothing).
  for (const { cells, n } of numbers) {
    expect(cells.flat().reduce((sum, c, x) => sum + c * table.flat()[x]!, 0)).toBe(n);
  }
  const flat = table.flat();
  const found: number[] = [];
  const coefficients = new Array<number>(flat.length).fill(0);
  const walk = (index: number): void => {
    if (index === numbers.length) {
      if (!coefficients.every((c, x) => flat[x] === 0 || c === 0 || c === 1)) return;
      const size = coefficients.reduce((sum, c, x) => sum + (c === 1 ? flat[x]! : 0), 0);
      if (size > 0 && size < live.minGroupSize) found.push(size);
      return;
    }
    const cells = numbers[index]!.cells.flat();
    for (const a of [0, 1, -1]) {
      for (let x = 0; x < flat.length; x++) coefficients[x]! += a * cells[x]!;
      walk(index + 1);
      for (let x = 0; x < flat.length; x++) coefficients[x]! -= a * cells[x]!;
    }
  };
  walk(0);
  return found;
}

const DEPARTMENTS = ['d0', 'd1', 'd2'];
/** Often tiny cells, so hidden groups of one, empty cells and margins just at k come up. */
const cellSize = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 2 },
);
const tables = fc
  .integer({ min: 1, max: 3 })
  .chain((rows) => fc.array(fc.array(cellSize, { minLength: 3, maxLength: 3 }), { minLength: rows, maxLength: rows }));
const minimum = fc.oneof(fc.constant(3), fc.integer({ min: 3, max: 8 }));
const cellsOf = (table: Table): CellCount[] =>
  table.flatMap((ns, i) => LEVELS.map((level, j) => cell(DEPARTMENTS[i]!, level, ns[j]!)));

describe('the brute-force attacker', () => {
  it('finds what hiding only the small groups would give away', () => {
    // Primary suppression alone: Operations (1) hidden, Sales (10) and the total (11) shown.
    const naive: ParticipationCounts = {
      minGroupSize: 5,
      total: 11,
      departments: [{ key: 'Sales', n: 10 }],
      otherDepartments: { keys: ['Operations'], n: null },
      levels: [{ key: 'frontline', n: 11 }],
      otherLevels: null,
    };
    const table = tableOf([frontline('Sales', 10), frontline('Operations', 1)], ['Sales', 'Operations']);
    expect(smallGroupsFrom(naive, table, ['Sales', 'Operations'])).toContain(1);
  });
});

describe('participationCounts properties', () => {
  it('no combination of the shown numbers, pooled counts and total included, gives a hidden group below k', () => {
    fc.assert(
      fc.property(tables, minimum, (table, k) => {
        const departments = DEPARTMENTS.slice(0, table.length);
        const live = participationCounts(cellsOf(table), k, { departments });
        expect(smallGroupsFrom(live, table, departments)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('shows every group with its true count or pools it, and shows a pool only at k or more', () => {
    fc.assert(
      fc.property(tables, minimum, (table, k) => {
        const departments = DEPARTMENTS.slice(0, table.length);
        const live = participationCounts(cellsOf(table), k, { departments });
        const total = table.flat().reduce((a, b) => a + b, 0);
        expect(live.total).toBe(total >= k ? total : null);
        const shownAndPooled = [...live.departments.map((d) => d.key), ...(live.otherDepartments?.keys ?? [])];
        expect([...shownAndPooled].sort()).toEqual(departments);
        for (const d of live.departments) {
          expect(d.n).toBe(table[departments.indexOf(d.key as string)]!.reduce((a, b) => a + b, 0));
          expect(d.n === 0 || d.n >= k).toBe(true);
        }
        for (const pool of [live.otherDepartments, live.otherLevels]) {
          if (pool?.n != null) expect(pool.n).toBeGreaterThanOrEqual(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the cells', () => {
    fc.assert(
      fc.property(tables, minimum, (table, k) => {
        const departments = DEPARTMENTS.slice(0, table.length);
        const cells = cellsOf(table);
        expect(participationCounts([...cells].reverse(), k, { departments })).toEqual(
          participationCounts(cells, k, { departments }),
        );
      }),
    );
  });
});
