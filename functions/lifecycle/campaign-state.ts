import type { CampaignRecord } from '../store/store';

/** Closed by hand or by the job, or past its closing time (reads never wait for the job). */
export const isClosed = (c: CampaignRecord, now: Date): boolean =>
  c.closedAt !== null || (c.closesAt !== null && c.closesAt <= now.toISOString());

/** Campaigns made before invitations existed have no flag: their open link works. */
export const openLinkAllowed = (c: CampaignRecord): boolean => c.openLink !== false;
