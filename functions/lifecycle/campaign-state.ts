import type { CampaignRecord } from '../store/store';

/** Closed by hand or by the job, or past its closing time (reads never wait for the job). */
export const isClosed = (c: CampaignRecord, now: Date): boolean =>
  c.closedAt !== null || (c.closesAt !== null && c.closesAt <= now.toISOString());

/**
 * When a closed campaign stopped taking answers: `closedAt`, or the passed `closesAt` the job has not recorded yet
 * (the earlier of the two); null while it is open. Its published results are exactly the responses received at or
 * before this moment and not withdrawn by then (reports/campaign-stats.ts), so an answer that is written after the
 * close (one that read the campaign while it was still open, directly or through a cache) changes nothing published.
 */
export function closedAtOf(c: CampaignRecord, now: Date): string | null {
  const passed = c.closesAt !== null && c.closesAt <= now.toISOString() ? c.closesAt : null;
  if (c.closedAt === null) return passed;
  return passed !== null && passed < c.closedAt ? passed : c.closedAt;
}

/**
 * When a closed campaign's workforce results are published: its close plus `settleMs`, the snapshot cursor's safety
 * window (StatsOptions.safetyMs), longer than any write can take and than the stream index's lag. A submission dated
 * before the close can still land (or become visible to a read) that long after it; publishing only then means the
 * first published view already holds it, so no two published views differ. Null while the campaign is open.
 */
export function publishesAtOf(c: CampaignRecord, now: Date, settleMs: number): string | null {
  const closedAt = closedAtOf(c, now);
  return closedAt === null ? null : new Date(Date.parse(closedAt) + settleMs).toISOString();
}

/** Closed, and the close is older than the settling window: the results may be shown. */
export function isPublished(c: CampaignRecord, now: Date, settleMs: number): boolean {
  const at = publishesAtOf(c, now, settleMs);
  return at !== null && at <= now.toISOString();
}

/** Campaigns made before invitations existed have no flag: their open link works. */
export const openLinkAllowed = (c: CampaignRecord): boolean => c.openLink !== false;

const DAY_MS = 86_400_000;

/**
 * When the ledger's free-text labels expire: `keepDays` after the close (closedAtOf). Null while the campaign is open
 * or when it takes no labels. From then on no report shows a label, and the lifecycle job erases them from every
 * response and snapshot (lifecycle/labels.ts); a campaign's other data does not expire.
 */
export function labelsExpireAtOf(c: CampaignRecord, now: Date): string | null {
  const keepDays = c.ledger?.labels?.keepDays;
  const closedAt = closedAtOf(c, now);
  if (keepDays === undefined || closedAt === null) return null;
  return new Date(Date.parse(closedAt) + keepDays * DAY_MS).toISOString();
}

/** Labels are past their keeping time (or were erased already): nothing may show or keep them. */
export function labelsExpired(c: CampaignRecord, now: Date): boolean {
  if (c.labelsErasedAt) return true;
  const at = labelsExpireAtOf(c, now);
  return at !== null && at <= now.toISOString();
}
