/** The minimum group size a campaign gets when it sets none (DESIGN.md, "Who may see what"). */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * No campaign may go below this. With groups of two, either member learns the other's answers from the group's
 * mean; three is the smallest size at which a single insider cannot.
 */
export const MIN_GROUP_SIZE_FLOOR = 3;

/**
 * The minimum group size to apply for a campaign setting: the default when unset or not a finite number, rounded up
 * to an integer (up, because a larger minimum only hides more), and never below the floor.
 */
export function normalizeMinGroupSize(value?: number | null): number {
  if (value === undefined || value === null || !Number.isFinite(value)) return DEFAULT_MIN_GROUP_SIZE;
  return Math.max(MIN_GROUP_SIZE_FLOOR, Math.ceil(value));
}
