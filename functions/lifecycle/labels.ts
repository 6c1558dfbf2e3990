import { hasLabels, ledgerWithoutLabels, withoutLabels } from '../../shared/ledger';
import type { GroupStats } from '../../shared/scoring';
import type { CampaignRecord, DueRecord, Store } from '../store/store';
import { labelsExpireAtOf, labelsExpired } from './campaign-state';

// The ledger's free-text labels are the one part of a campaign's data that expires (campaign-state.ts
// `labelsExpireAtOf`: `keepDays` after the close). From that moment reads drop them (reports/campaign-stats.ts), and
// the lifecycle job erases them for good: from every response, then from the stored snapshot. Each step is safe to
// repeat, so a run that stops half-way is finished by the next. Point-in-time recovery keeps the table's older
// states for its window (35 days on AWS), after which nothing of a label is left (docs/DEPLOY.md).

/** The due item that erases a closed campaign's labels once they expire; null when it takes none or is open. */
export function labelExpiryDue(campaign: CampaignRecord, now: Date): DueRecord | null {
  const dueAt = labelsExpireAtOf(campaign, now);
  return dueAt === null ? null : { dueAt, campaignId: campaign.id, kind: 'expire_labels' };
}

const labelledCell = (stats: GroupStats) =>
  stats.ledger !== undefined &&
  [
    ...Object.values(stats.ledger.time.cells),
    ...Object.values(stats.ledger.waiting.kinds),
    ...Object.values(stats.ledger.knowledge.cells),
  ].some((cell) => cell.labels !== undefined);

/** Erases the campaign's labels if they have expired; returns how many responses lost theirs. */
export async function expireLabels(store: Store, campaign: CampaignRecord, now: Date): Promise<number> {
  if (!labelsExpired(campaign, now) || campaign.labelsErasedAt) return 0;
  const responses = await store.readResponses(campaign.id, campaign.shards, null);
  const labelled = responses
    .filter((r) => r.answers && r.ledger && hasLabels(r.ledger))
    .map((r) => ({ key: r.key, ledger: ledgerWithoutLabels(r.ledger!) }));
  await store.eraseLedgerLabels(labelled);
  for (let attempt = 0; attempt < 3; attempt++) {
    const snapshot = await store.getSnapshot(campaign.id);
    if (!snapshot || !Object.values(snapshot.cells).some(labelledCell)) break;
    const cells = Object.fromEntries(
      Object.entries(snapshot.cells).map(([key, stats]) => [
        key,
        stats.ledger ? { ...stats, ledger: withoutLabels(stats.ledger) } : stats,
      ]),
    );
    // The same cursor, one version on: a reader that stored a newer one meanwhile wins, and this loop looks again.
    const stored = await store.putSnapshot(
      { ...snapshot, version: snapshot.version + 1, cells, createdAt: now.toISOString() },
      snapshot.version,
    );
    if (stored) break;
  }
  await store.markLabelsErased(campaign.id, now.toISOString());
  return labelled.length;
}
