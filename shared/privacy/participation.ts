import type { Level } from '../instrument';
import { type CellCount, type PlanRow, planBreakdowns } from './breakdown-plan';

/** One shown group of the live participation: its count, and for a department its response rate where known. */
export interface ParticipationGroup<K> {
  key: K;
  n: number;
}

/** The hidden groups of one breakdown, pooled: how many groups, and their count only when it is at least k. */
export interface PooledGroups<K> {
  keys: K[];
  /** null: the pool is below the minimum group size (or empty), so it is not shown either. */
  n: number | null;
}

export interface ParticipationCounts {
  minGroupSize: number;
  /** null: below the minimum group size, and then every group is pooled and unshown too. */
  total: number | null;
  departments: ParticipationGroup<string | null>[];
  otherDepartments: PooledGroups<string | null> | null;
  levels: ParticipationGroup<Level>[];
  otherLevels: PooledGroups<Level> | null;
}

/**
 * What live participation may show of a running campaign's counts: the report's own privacy plan
 * (`planBreakdowns`, the primary and complementary suppression of both breakdowns and their exact cross-check), so
 * the live counts never show a group the closed report would hide for the same counts. Cross cells are never shown.
 *
 * The hidden groups of a breakdown are pooled as "other groups". The pool's count is the total minus the shown
 * groups, so it tells nothing the total and the shown groups do not already; it is shown when the plan shows the
 * total and the pool is at least k (the complement rule makes a non-empty pool at least k whenever the total is
 * shown, so this is a second line, not the first). The total is shown exactly when the plan shows it: at least k,
 * with every shown group chosen so that no combination of them with it isolates 1..k-1 respondents.
 *
 * Only counts, and only of a settled hour (the caller's job): two readings of one campaign an hour apart differ by the
 * answers of that hour, which is why only the roles that run the campaign, and read its whole report anyway, get it.
 */
export function participationCounts(
  cells: readonly CellCount[],
  minGroupSize: number,
  options: { departments?: readonly string[] } = {},
): ParticipationCounts {
  const plan = planBreakdowns(cells, minGroupSize, options);
  const k = plan.minGroupSize;
  const totalShown = plan.total.suppressed ? null : plan.total.n;
  const split = <K>(rows: PlanRow<K>[]) => {
    const shown: ParticipationGroup<K>[] = [];
    const pooled: K[] = [];
    for (const row of rows) {
      if (row.suppressed || totalShown === null) pooled.push(row.key);
      else shown.push({ key: row.key, n: row.n });
    }
    if (pooled.length === 0) return { shown, other: null };
    const rest = totalShown === null ? null : totalShown - shown.reduce((sum, g) => sum + g.n, 0);
    return { shown, other: { keys: pooled, n: rest !== null && rest >= k ? rest : null } };
  };
  const departments = split(plan.department);
  const levels = split(plan.level);
  return {
    minGroupSize: k,
    total: totalShown,
    departments: departments.shown,
    otherDepartments: departments.other,
    levels: levels.shown,
    otherLevels: levels.other,
  };
}

/**
 * A shown department's response rate: its count over the organisation profile's headcount for it, rounded to a
 * tenth of a percent; null without a headcount (none given, or zero).
 */
export function departmentResponseRate(n: number, headcount: number | undefined): number | null {
  if (headcount === undefined || !(headcount > 0)) return null;
  return Math.round((n / headcount) * 1000) / 1000;
}
