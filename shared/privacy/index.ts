// Minimum-group-size privacy for the workforce view (DESIGN.md, "Who may see what"). Pure functions over counts:
// they decide which groups may be shown; scoring and rendering only ever touch the groups these functions allow.
//
// Attacker: anyone who sees a report, a comparison or an export, knows these rules, the minimum, the campaign's
// departments and levels, the organisation's structure down to which department × level cells are empty (for a
// layer: in which cells nobody answered it), and may add and subtract everything published.
// Guarantees:
//  - No combination with coefficients -1, 0, 1 of the published groups (total, shown departments, shown levels), per
//    figure (counts, and each layer score over those who answered the layer), is 0 or 1 on every non-empty cell and
//    adds up to 1..k-1 respondents. `findIsolation` decides this exactly and the plan suppresses until it holds. The
//    tests compare it with a plain enumeration of coefficients, and on random tables with the rational span too.
//  - Without knowledge of empty cells (beyond which hidden groups are empty), no hidden count below k follows exactly
//    from the published counts (brute force on small tables in test/unit/privacy).
// Not covered, counts only and never a score: an attacker who replays the choice of complements ("the complement was
// the smallest visible cell, so it is at most 7") can in rare ties pin a hidden count, since the choice depends on
// counts only; one who knows which cells are non-empty can in some tables pin a cell's count (at exactly one when a
// combination isolates a group of k or more spread over as many non-empty cells). Nor outside knowledge (who answered
// when, who withdrew) combined with two snapshots of one campaign, which the API must not offer.

export {
  type BreakdownPlan,
  type CellCount,
  type FigureMask,
  maskFigure,
  type PlanOptions,
  type PlanRow,
  planBreakdowns,
  type VisibleSegment,
  visibleLevels,
  visibleSegments,
} from './breakdown-plan';
export { type ExportRow, exportRows } from './export-rows';
export { type Coefficient, findIsolation, type Isolation, type PublishedTable } from './isolating-combination';
export { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR, normalizeMinGroupSize } from './min-group-size';
export { suppressOverlapping } from './overlapping-suppression';
export {
  type AnswerChannels,
  BURST_MIN_RUN_WINDOWS,
  BURST_WINDOW_HOURS,
  burstRuleApplies,
  burstWindowStart,
  type GroupArrivals,
  HANDED_OUT_LINKS_WARNING,
  hourBucket,
  isLateBurst,
  LATE_BURST_NOTE,
  OPEN_LINK_WARNING,
  type Protection,
  type ProtectionKind,
  protectionOf,
} from './padding';
export {
  departmentResponseRate,
  type ParticipationCounts,
  type ParticipationGroup,
  type PooledGroups,
  participationCounts,
} from './participation';
export { type SegmentCount, suppressSegments } from './suppress-segments';
export { suppressTable, type TableSuppression, type TableSuppressionOptions } from './table-suppression';
export { type ComparableSegments, comparableSegments } from './wave-comparison';
