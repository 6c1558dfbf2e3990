import { burstRuleApplies, burstWindowStart, hourBucket } from '../../shared/privacy';
import { closedAtOf, isPublished } from '../lifecycle/campaign-state';
import type { CampaignRecord, Store } from '../store/store';
import { cellKey, inSnapshot, reportEnd } from './campaign-stats';

// Counted answers per segment cell that arrived in the final window before the close (shared/privacy/padding.ts),
// for the late-burst flag. Read from the response stream, whose positions start with `receivedAt`, from the window's
// first hour bucket on: one Query per shard over the last day of the campaign (and the little written after its
// close). Computed once the results are published and stored: they never change afterwards, so neither do these.

/** Counts per cell key; empty when the campaign ran too short for the rule; null while the results are unpublished. */
export async function lateAnswers(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
  settleMs: number,
): Promise<Map<string, number> | null> {
  const closedAt = closedAtOf(campaign, now);
  if (closedAt === null || !isPublished(campaign, now, settleMs)) return null;
  if (!burstRuleApplies(campaign.createdAt, closedAt)) return new Map();
  const stored = await store.getLateAnswers(campaign.id);
  if (stored) return new Map(Object.entries(stored));
  const start = burstWindowStart(closedAt);
  const end = reportEnd(campaign, now);
  const counts = new Map<string, number>();
  // Positions are `${receivedAt}#…` (or `${withdrawnAt}#…`): the bucket's bare prefix sorts before all of them.
  for (const r of await store.readResponses(campaign.id, campaign.shards, start)) {
    if (!r.level || !inSnapshot(r, end) || hourBucket(r.receivedAt) < start) continue;
    const key = cellKey(r.department ?? null, r.level);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  await store.putLateAnswers(campaign.id, Object.fromEntries(counts));
  return counts;
}
