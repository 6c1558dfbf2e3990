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

/** Campaigns made before invitations existed have no flag: their open link works. */
export const openLinkAllowed = (c: CampaignRecord): boolean => c.openLink !== false;
