// Minimum-group-size privacy for the workforce view (DESIGN.md, "Who may see what"). Pure functions over counts:
// they decide which groups may be shown; scoring and rendering only ever touch the groups these functions allow.
//
// Attacker: anyone who sees a report, a comparison or an export, knows these rules, the minimum, the campaign's
// departments and levels, and may add and subtract everything published. Guarantees, checked by brute force on small
// tables in test/unit/privacy: no group of 1..k-1 respondents has an aggregate (score, share, count) that follows from
// published sums, and no hidden count below k follows exactly from published counts. Not covered: an attacker who
// replays the complement choice itself ("the complement was the smallest visible cell, so it is at most 7") can in
// rare tie cases pin a hidden count, never a score, since the choice depends on counts only; and outside knowledge
// (who answered when, who withdrew) combined with two snapshots of one campaign, which the API must not offer.

export {
  type BreakdownPlan,
  type CellCount,
  type PlanOptions,
  type PlanRow,
  planBreakdowns,
  type VisibleSegment,
  visibleLevels,
  visibleSegments,
} from './breakdown-plan';
export { type ExportRow, exportRows } from './export-rows';
export { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR, normalizeMinGroupSize } from './min-group-size';
export { type SegmentCount, suppressSegments } from './suppress-segments';
export { type ComparableSegments, comparableSegments } from './wave-comparison';
