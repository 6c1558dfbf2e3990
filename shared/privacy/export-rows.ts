import type { BreakdownPlan, VisibleSegment } from './breakdown-plan';

/** One row of an aggregate export: a group from the plan with its values, or a hidden group with none. */
export interface ExportRow<V> {
  breakdown: 'total' | 'department' | 'level';
  /** null for the total and for respondents without a department. */
  key: string | null;
  /** null when the group is hidden. */
  n: number | null;
  suppressed: boolean;
  /** null when the group is hidden or empty. */
  values: V | null;
}

/**
 * The rows an aggregate export (CSV or JSON) may contain, in plan order: the total, then departments, then levels.
 * Hidden groups appear as rows without count or values, as in the report. `valuesFor` (scores, shares, whatever the
 * export carries) is called only for groups the plan shows and that have respondents, so a hidden group's figures
 * are never even computed. Building both the JSON report and the CSV from these rows is what keeps them from
 * diverging.
 */
export function exportRows<V>(plan: BreakdownPlan, valuesFor: (segment: VisibleSegment) => V): ExportRow<V>[] {
  const hidden = (breakdown: ExportRow<V>['breakdown'], key: string | null): ExportRow<V> => ({
    breakdown,
    key,
    n: null,
    suppressed: true,
    values: null,
  });
  const shown = (segment: VisibleSegment): ExportRow<V> => ({
    breakdown: segment.breakdown,
    key: segment.key,
    n: segment.n,
    suppressed: false,
    values: segment.n > 0 ? valuesFor(segment) : null,
  });
  return [
    plan.total.suppressed ? hidden('total', null) : shown({ breakdown: 'total', key: null, n: plan.total.n }),
    ...plan.department.map((row) =>
      row.suppressed ? hidden('department', row.key) : shown({ breakdown: 'department', key: row.key, n: row.n }),
    ),
    ...plan.level.map((row) =>
      row.suppressed ? hidden('level', row.key) : shown({ breakdown: 'level', key: row.key, n: row.n }),
    ),
  ];
}
