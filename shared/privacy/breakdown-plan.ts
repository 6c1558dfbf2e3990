import type { Level } from '../instrument';
import { normalizeMinGroupSize } from './min-group-size';
import { type CellCount, suppressTable } from './table-suppression';

export type { CellCount };

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
 * Decides what the workforce report may show: the total, the department breakdown and the level breakdown. Cross-tabs
 * (department × level) are never shown; the cells are input only.
 *
 * Attacker: knows every published count and figure, these rules, and the organisation's structure, down to which
 * department × level cells are empty ("Sales has no managers or executives"). Everything published is a sum over
 * cells: the total, each shown department (a row of the cell table), each shown level (a column). Each breakdown gets
 * primary and complementary suppression on its own (`suppressSegments`), which stops "total minus the shown rows".
 * That is not enough across the two: with Sales 10 (all frontline) and Operations 2 frontline + 6 managers +
 * 2 executives, Sales and frontline (12) both pass, and frontline minus Sales is the two Operations frontline
 * respondents, for anyone who knows Sales has only frontline staff. So the plan then runs an exact check
 * (`findIsolation`): no combination a·total + Σ b_d·department_d + Σ c_l·level_l with coefficients in {-1, 0, 1}
 * (0 for hidden groups) may be 0 or 1 on every non-empty cell and add up to 1..k-1 respondents; while one does, the
 * smallest shown group it uses is hidden and the breakdown's complement rule runs again (`suppressTable`, which also
 * shows why this ends). When no such combination exists on the one-way plan, the plan is exactly the one-way plan:
 * nothing is hidden that the breakdowns alone would show. The result does not depend on the order of the cells or of
 * `options.departments` (which orders the listing only).
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
  const table = suppressTable(cells, k, options.departments ? { departments: options.departments } : {});
  return {
    minGroupSize: k,
    total: table.total < k ? { suppressed: true } : { suppressed: false, n: table.total },
    department: rows(table.departments, table.hiddenDepartments),
    level: rows(table.levels, table.hiddenLevels),
  };
}

function rows<K extends string | null>(counts: { key: K; n: number }[], hidden: Set<K>): PlanRow<K>[] {
  return counts.map(({ key, n }) => (hidden.has(key) ? { key, suppressed: true } : { key, suppressed: false, n }));
}

/** Which groups must withhold one figure (true, or in the set: withheld). */
export interface FigureMask {
  total: boolean;
  department: Set<string | null>;
  level: Set<Level>;
}

/**
 * Which of a plan's shown groups must withhold a figure that rests on only some of their respondents: a layer score
 * rests on those who answered the layer, not on those who said "don't know" throughout. `cells` holds, per
 * department × level cell, the respondents the figure rests on. Every group the plan hides stays withheld, and the
 * same rules as the plan's run on these counts (`suppressTable`), so that no combination of the published figures
 * (total, departments, levels) rests on 1..k-1 of those respondents, even for an attacker who knows in which cells
 * nobody has the figure. The total is withheld when the figure rests on fewer than k in all.
 */
export function maskFigure(plan: BreakdownPlan, cells: readonly CellCount[]): FigureMask {
  const hiddenIn = <K>(rows: PlanRow<K>[]) => rows.filter((row) => row.suppressed).map((row) => row.key);
  if (plan.total.suppressed) {
    return { total: true, department: new Set(hiddenIn(plan.department)), level: new Set(hiddenIn(plan.level)) };
  }
  const table = suppressTable(cells, plan.minGroupSize, {
    departments: plan.department.map((row) => row.key),
    hidden: { department: hiddenIn(plan.department), level: hiddenIn(plan.level) },
  });
  return {
    total: table.total < plan.minGroupSize,
    department: table.hiddenDepartments,
    level: table.hiddenLevels,
  };
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
