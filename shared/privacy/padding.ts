// Padding: someone who can both add answers to a campaign and read its report adds k-1 answers of their own to a
// group of one, the group shows at k, and `k·score − (k−1)·own` is the one real person's answers. The minimum group
// size cannot stop that; what can is who may add answers (invitations mailed one per person, not links anyone can
// use), that nobody sees a group's count grow while the campaign runs, and a flag on a group whose answers came
// mostly in a burst just before the close. Pure: the counts come from the caller.

/** How answers could reach a campaign, weakest first. */
export type ProtectionKind = 'open-link' | 'handed-out-links' | 'mailed-invitations';

export interface Protection {
  kind: ProtectionKind;
  /** True only when every answer came through a personal link mailed one per address. */
  resistsPadding: boolean;
  statement: string;
}

export interface AnswerChannels {
  /** The campaign's open survey link takes answers. */
  openLink: boolean;
  /** Single-use links handed out as a batch (`{ count }`), which whoever holds them can answer. */
  handedOutLinks: number;
}

const STATEMENTS: Record<ProtectionKind, string> = {
  'open-link':
    'Anyone with the survey link can answer, as often as they like. Someone who can both answer and read this report could add answers to a small group until it shows and work out the others’ answers by subtraction: the minimum group size does not protect against that. Read small groups with this in mind, and use invitations only for the next wave.',
  'handed-out-links':
    'Answers came through personal invitations, but some links were handed out as a batch: whoever held them could answer with them and so add answers to a small group. Read small groups with this in mind.',
  'mailed-invitations':
    'Every answer came through a personal link mailed to one address, at most one per person and no more than the campaign’s invitation cap. Adding answers to a group would need mailboxes of one’s own invited, which stays visible in the invitations.',
};

export function protectionOf(channels: AnswerChannels): Protection {
  const kind: ProtectionKind = channels.openLink
    ? 'open-link'
    : channels.handedOutLinks > 0
      ? 'handed-out-links'
      : 'mailed-invitations';
  return { kind, resistsPadding: kind === 'mailed-invitations', statement: STATEMENTS[kind] };
}

/** What creating a campaign with an open link, or handing out links, says at once. */
export const OPEN_LINK_WARNING = STATEMENTS['open-link'];
export const HANDED_OUT_LINKS_WARNING =
  'Whoever holds these links can answer with them. A report of a campaign that took answers through handed-out links says that it cannot rule out answers added to make a small group show.';

// ---- a burst just before the close -------------------------------------------------------------------------------

/**
 * Answers are bucketed by the UTC clock hour they were received in, never a finer time: the rule works the same if
 * stored times are coarsened to the hour. The final window is the 24 hour-buckets ending with the close's hour.
 */
export const BURST_WINDOW_HOURS = 24;
/** A campaign shorter than this many windows has no "before" to compare with: no flags. */
export const BURST_MIN_RUN_WINDOWS = 4;

/** The hour bucket of an ISO time: `2026-03-02T09`. */
export const hourBucket = (iso: string): string => iso.slice(0, 13);

/** The first hour bucket of the final window before a close at `closedAt`. */
export function burstWindowStart(closedAt: string): string {
  const closeHour = Date.parse(`${hourBucket(closedAt)}:00:00.000Z`);
  return hourBucket(new Date(closeHour - (BURST_WINDOW_HOURS - 1) * 3_600_000).toISOString());
}

/** Whether the campaign ran long enough before its final window for a burst to mean anything. */
export function burstRuleApplies(createdAt: string, closedAt: string): boolean {
  const start = Date.parse(`${burstWindowStart(closedAt)}:00:00.000Z`);
  return Date.parse(createdAt) <= start - (BURST_MIN_RUN_WINDOWS - 1) * BURST_WINDOW_HOURS * 3_600_000;
}

export interface GroupArrivals {
  /** Counted answers of the group. */
  n: number;
  /** Of those, received in the final window. */
  late: number;
}

/**
 * A shown group whose answers came mostly in the final window, far more than the rest of the campaign's: more than
 * half of the group's answers, at least two of them, and at least twice the share of all other answers. A rush after
 * a last reminder lifts every group alike and flags none; answers added to one group to make it show flag it.
 */
export function isLateBurst(group: GroupArrivals, rest: GroupArrivals): boolean {
  if (group.n === 0 || group.late < 2 || 2 * group.late <= group.n) return false;
  const share = group.late / group.n;
  const restShare = rest.n === 0 ? 0 : rest.late / rest.n;
  return share >= 2 * restShare;
}

export const LATE_BURST_NOTE =
  'More than half of this group’s answers arrived in the last 24 hours before the close, far more than in the rest of the campaign. Answers may have been added to make the group show: read its figures with care.';
