import { LEVELS, type Level } from '../instrument';
import { findIsolation } from './isolating-combination';
import { compareKeys, suppressSegments } from './suppress-segments';

/** Respondents in one (department, level) cell: the grain of the stored statistics. */
export interface CellCount {
  /** null: respondents without a department; kept as a cell of its own so the departments still partition the total. */
  department: string | null;
  level: Level;
  n: number;
}

/** Margins of a cell table and which of them must not be published. */
export interface TableSuppression {
  total: number;
  /** Per department: listed ones first in the given order, then the others by key, null last. */
  departments: { key: string | null; n: number }[];
  /** Per level, in `LEVELS` order. */
  levels: { key: Level; n: number }[];
  hiddenDepartments: Set<string | null>;
  hiddenLevels: Set<Level>;
}

export interface TableSuppressionOptions {
  /** Departments to list even without respondents, in this order. */
  departments?: readonly (string | null)[];
  /** Groups hidden before any rule runs (for a layer: those the respondent-level plan hides). */
  hidden?: { department?: Iterable<string | null>; level?: Iterable<Level> };
}

/**
 * Which departments and levels of a cell table to hide so that neither breakdown, nor both together with the total,
 * single out a group of 1..k-1, for an attacker who also knows which cells are empty.
 *
 * 1. Total below k: everything is hidden (the caller hides the total too).
 * 2. Each breakdown on its own: primary and complementary suppression (`suppressSegments`).
 * 3. Across both: while `findIsolation` finds a combination of the total and the shown groups that isolates 1..k-1
 *    respondents, hide the smallest shown group the combination uses (ties: departments before levels, then by key),
 *    and run step 2 again on its breakdown with everything hidden so far kept hidden, so that the new gap gets its
 *    complement. Ends: each pass hides one more group with respondents and nothing is ever shown again, and once every
 *    department and level is hidden only the total is left, whose multiples isolate nobody or all of it (at least k).
 *    A combination that isolates a small group always uses a shown group (the total alone cannot), so a pass always
 *    has something to hide.
 *
 * The result does not depend on the order of the cells or of the listed departments: step 2 breaks ties by key, and
 * step 3 sees the departments sorted by key.
 */
export function suppressTable(
  cells: readonly CellCount[],
  k: number,
  options: TableSuppressionOptions = {},
): TableSuppression {
  const byCell = new Map<string | null, number[]>();
  for (const department of options.departments ?? [])
    byCell.set(
      department,
      LEVELS.map(() => 0),
    );
  const levelIndex = new Map<Level, number>(LEVELS.map((level, j) => [level, j]));
  for (const { department, level, n } of cells) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(
        `cell ${JSON.stringify([department, level])}: count must be a non-negative integer, got ${n}`,
      );
    }
    const j = levelIndex.get(level);
    if (j === undefined) throw new RangeError(`cell ${JSON.stringify(department)}: unknown level ${level}`);
    const row = byCell.get(department) ?? LEVELS.map(() => 0);
    row[j]! += n;
    byCell.set(department, row);
  }
  const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);
  const listed = new Set(options.departments ?? []);
  const departmentOrder = [...listed, ...[...byCell.keys()].filter((key) => !listed.has(key)).sort(compareKeys)];
  const departments = departmentOrder.map((key) => ({ key, n: sum(byCell.get(key)!) }));
  const levels = LEVELS.map((key, j) => ({ key, n: sum([...byCell.values()].map((row) => row[j]!)) }));
  const total = sum(departments.map((d) => d.n));

  let hiddenDepartments = new Set(options.hidden?.department ?? []);
  let hiddenLevels = new Set(options.hidden?.level ?? []);
  if (total < k) {
    for (const { key } of departments) hiddenDepartments.add(key);
    for (const { key } of levels) hiddenLevels.add(key);
    return { total, departments, levels, hiddenDepartments, hiddenLevels };
  }
  hiddenDepartments = suppressSegments(departments, k, hiddenDepartments);
  hiddenLevels = suppressSegments(levels, k, hiddenLevels);

  const sorted = [...departments].sort((a, b) => compareKeys(a.key, b.key));
  const counts = sorted.map(({ key }) => byCell.get(key)!);
  for (;;) {
    const found = findIsolation(
      {
        counts,
        rows: sorted.map(({ key }) => !hiddenDepartments.has(key)),
        columns: levels.map(({ key }) => !hiddenLevels.has(key)),
        total: true,
      },
      k,
    );
    if (!found) break;
    // findIsolation leaves hidden and empty groups at 0, so every candidate is shown and has respondents.
    const candidates = [
      ...sorted.flatMap((d, i) => (found.rows[i] ? [{ breakdown: 'department' as const, ...d }] : [])),
      ...levels.flatMap((l, j) => (found.columns[j] ? [{ breakdown: 'level' as const, ...l }] : [])),
    ];
    // Stable sort: departments (already by key) before levels (in LEVELS order) among equal sizes.
    const pick = candidates.sort((a, b) => a.n - b.n)[0];
    if (!pick) throw new Error('an isolating combination must use a shown group');
    if (pick.breakdown === 'department') {
      hiddenDepartments = suppressSegments(departments, k, [...hiddenDepartments, pick.key]);
    } else {
      hiddenLevels = suppressSegments(levels, k, [...hiddenLevels, pick.key]);
    }
  }
  return { total, departments, levels, hiddenDepartments, hiddenLevels };
}
