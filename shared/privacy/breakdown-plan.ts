import { LEVELS, type Level } from '../instrument';
import { normalizeMinGroupSize } from './min-group-size';
import { compareKeys, suppressSegments } from './suppress-segments';

/** Respondents in one (department, level) cell: the grain of the stored statistics. */
export interface CellCount {
  /** null: respondents without a department; kept as a cell of its own so the departments still partition the total. */
  department: string | null;
  level: Level;
  n: number;
}

/** One row of a breakdown: a shown group with its size, or a hidden one that carries no count at all. */
export type PlanRow<K> = { key: K; suppressed: false; n: number } | { key: K; suppressed: true; n?: never };

export interface BreakdownPlan {
  /** The minimum group size applied (normalized). */
  minGroupSize: number;
  /** The whole workforce; hidden when it is itself below the minimum, and then every row is hidden too. */
  total: { suppressed: false; n: number } | { suppressed: true; n?: never };
  /** Marginals over level: campaign departments in the given order, then others by key, then null. */
  department: PlanRow<string | null>[];
  /** Marginals over department, every level in `LEVELS` order. */
  level: PlanRow<Level>[];
}

export interface PlanOptions {
  /** The campaign's department list, so that departments without responses are listed (and treated) like the rest. */
  departments?: readonly string[];
}

/**
 * Decides what the workforce report may show: the total, the department breakdown and the level breakdown, each
 * breakdown with primary and complementary suppression (`suppressSegments`). Cross-tabs (department × level) are
 * never shown; the cells are input only.
 *
 * Combining the two breakdowns needs no further suppression. Everything published is a sum over cells: the total,
 * each shown department (a row of the cell table), each shown level (a column). Adding and subtracting such sums can
 * only produce a vector a_d + b_l over the cells; such a vector picks out a whole group (0 or 1 in every cell that may
 * hold anyone) only if it is a union of departments or a union of levels, and since hidden rows (and hidden columns)
 * enter only through the total, they come all together or not at all. So the groups an attacker can aggregate are
 * unions of shown groups, possibly with one breakdown's whole hidden union, which rule 3 keeps at k or more. Counts
 * alone cannot force a cell to zero either (with both margins at least one, a cell can always hold someone), so no
 * hidden knowledge of empty cells opens more combinations. Zeros that are shown cover whole rows or columns and drop
 * out of the argument. The unit tests check this by enumerating, on small tables, every cell table consistent with a
 * plan and every group derivable from it.
 *
 * Why fixed breakdowns close the filter attack: every aggregate the API and the exports can ever publish for a
 * campaign is one of the rows of this plan, so the whole set of published sums is fixed and checked as one system
 * above. A free filter ("managers in sales", "answers since Tuesday", "without flagged responses") would add groups
 * chosen by the viewer, and two overlapping groups of k or more can differ by a single person; no per-query rule can
 * stop that, because the viewer picks the queries (the tracker attack). The same holds for anything that acts like a
 * filter: two scoring options (flagged responses in or out) or two snapshots of the same campaign before and after
 * more responses or a withdrawal are two overlapping groups, and their difference is the few responses in between.
 */
export function planBreakdowns(
  cells: readonly CellCount[],
  minGroupSize: number,
  options: PlanOptions = {},
): BreakdownPlan {
  const k = normalizeMinGroupSize(minGroupSize);
  const byDepartment = new Map<string | null, number>();
  for (const department of options.departments ?? []) byDepartment.set(department, 0);
  const byLevel = new Map<Level, number>(LEVELS.map((level) => [level, 0]));
  let total = 0;
  for (const { department, level, n } of cells) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(
        `cell ${JSON.stringify([department, level])}: count must be a non-negative integer, got ${n}`,
      );
    }
    const levelCount = byLevel.get(level);
    if (levelCount === undefined) throw new RangeError(`cell ${JSON.stringify(department)}: unknown level ${level}`);
    byLevel.set(level, levelCount + n);
    byDepartment.set(department, (byDepartment.get(department) ?? 0) + n);
    total += n;
  }

  const listed = new Set<string | null>(options.departments ?? []);
  const departmentOrder = [...listed, ...[...byDepartment.keys()].filter((key) => !listed.has(key)).sort(compareKeys)];
  return {
    minGroupSize: k,
    total: total < k ? { suppressed: true } : { suppressed: false, n: total },
    department: rows(
      departmentOrder.map((key) => ({ key, n: byDepartment.get(key) ?? 0 })),
      k,
    ),
    level: rows(
      LEVELS.map((key) => ({ key, n: byLevel.get(key) ?? 0 })),
      k,
    ),
  };
}

function rows<K extends string | null>(counts: { key: K; n: number }[], k: number): PlanRow<K>[] {
  const hidden = suppressSegments(counts, k);
  return counts.map(({ key, n }) => (hidden.has(key) ? { key, suppressed: true } : { key, suppressed: false, n }));
}

/** A group the plan lets be shown with its scores: shown and not empty. */
export type VisibleSegment =
  | { breakdown: 'total'; key: null; n: number }
  | { breakdown: 'department'; key: string | null; n: number }
  | { breakdown: 'level'; key: Level; n: number };

/** Every group whose scores may be shown, total first, then departments and levels in plan order. */
export function visibleSegments(plan: BreakdownPlan): VisibleSegment[] {
  const segments: VisibleSegment[] = [];
  if (!plan.total.suppressed && plan.total.n > 0) segments.push({ breakdown: 'total', key: null, n: plan.total.n });
  for (const row of plan.department) {
    if (!row.suppressed && row.n > 0) segments.push({ breakdown: 'department', key: row.key, n: row.n });
  }
  for (const row of plan.level) {
    if (!row.suppressed && row.n > 0) segments.push({ breakdown: 'level', key: row.key, n: row.n });
  }
  return segments;
}

/**
 * The levels whose workforce scores may be shown, in `LEVELS` order: what the diagnosis's `byLevel` may hold and where
 * the perception gap by level (manager vs frontline, and leadership vs each level) may be drawn. Being at least k is
 * not enough: with frontline 40, managers 8 and executives 2, showing managers and frontline beside the workforce total
 * would give away the two executives, so managers are hidden as the complement and only frontline is returned.
 */
export function visibleLevels(plan: BreakdownPlan): Level[] {
  return plan.level.filter((row) => !row.suppressed && row.n > 0).map((row) => row.key);
}
