import { dataAsOf, type Flow, landedHistory } from '../../shared/account';
import { closedAtOf } from '../lifecycle/campaign-state';
import type { CampaignRecord, Store } from '../store/store';
import { instrumentOf } from './campaign-stats';

/**
 * The organisation's stage-two register as it stood at the wave's close (retired flows too: the diagnosis leaves them
 * out), the evidence a report's replacement-only diagnosis sets beside the staff's answers (docs/METHOD.md §7.5): a
 * flow recorded or edited after the close is not in that wave's evidence, so an old wave's report stays as it was.
 * While the wave runs, the register as it stands. Only for a wave of an instrument with the ledger step (2026.2 on):
 * the register's rows are part of that method, and a 2026.1 wave keeps its diagnosis exactly as it was.
 */
export async function registerFlows(store: Store, campaign: CampaignRecord, now: Date): Promise<Flow[]> {
  if (!instrumentOf(campaign).ledger) return [];
  const items = await store.listAccountItems<Flow>(campaign.orgId, 'flow');
  const closedAt = closedAtOf(campaign, now);
  // Nothing changed since the close (the usual case): the items are the register as it stood, no history to read.
  if (closedAt === null || items.every((r) => r.updatedAt <= closedAt)) return items.map((r) => r.data);
  const changes = await store.listAccountChangesOfKind(campaign.orgId, 'flow');
  return items.flatMap((r) => {
    const chain = landedHistory(
      r.changeId,
      changes.filter((c) => c.itemId === r.id),
    );
    const then = dataAsOf(r.data, chain, closedAt);
    return then ? [then] : [];
  });
}
