import type { Level } from '../instrument';
import type { BreakdownPlan } from './breakdown-plan';

/** The groups a comparison of waves may show: each is visible, and not empty, in every wave compared. */
export interface ComparableSegments {
  total: boolean;
  department: (string | null)[];
  level: Level[];
}

/**
 * What a comparison of waves (separate campaigns of one organisation, each planned with its own minimum) may show.
 *
 * Waves share no responses, and responses carry no person id, so nothing links a person across waves: a consultant
 * learns each wave's shown groups and, for a group shown in both, how its aggregate moved, which is a difference
 * between two groups of at least k, not anyone's change. No sum over one wave can cancel a sum over another, so each
 * wave's own plan already protects it in a comparison. The rule here is stricter anyway: a group is compared only
 * when every wave shows it. Then a change is never computed against a hidden value, and should a "wave" ever share
 * responses with another (two snapshots of one campaign, or waves pooled into one group, both of which the API must
 * not offer) a group hidden in either still never appears. Each wave's own report keeps showing its own groups.
 *
 * Departments come in the order of the first wave; with no waves, nothing is comparable.
 */
export function comparableSegments(waves: readonly BreakdownPlan[]): ComparableSegments {
  const first = waves[0];
  if (first === undefined) return { total: false, department: [], level: [] };
  const shown = (plan: BreakdownPlan, breakdown: 'department' | 'level', key: string | null): boolean =>
    plan[breakdown].some((row) => row.key === key && !row.suppressed && row.n > 0);
  const inEvery = (breakdown: 'department' | 'level', key: string | null): boolean =>
    waves.every((plan) => shown(plan, breakdown, key));
  return {
    total: waves.every((plan) => !plan.total.suppressed && plan.total.n > 0),
    department: first.department.map((row) => row.key).filter((key) => inEvery('department', key)),
    level: first.level.map((row) => row.key).filter((key) => inEvery('level', key)),
  };
}
