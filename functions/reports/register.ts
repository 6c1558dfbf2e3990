import { dataAsOf, type Entry, type Flow, landedHistory } from '../../shared/account';
import type { AccountEntries } from '../../shared/diagnosis';
import { closedAtOf } from '../lifecycle/campaign-state';
import type { AccountItemRecord } from '../store/account-store';
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
  return flowsAsOf(store, campaign.orgId, items, closedAtOf(campaign, now));
}

/**
 * The flows (their stored items, already read) as they stood at `at`, an ISO time (null: as they stand): each flow's
 * landed changes after it undone, a flow recorded after it left out. The report's diagnosis, its "Operating account"
 * section and the close email all read the register this way, so none of them moves when a flow changes later.
 */
export async function flowsAsOf(
  store: Store,
  orgId: string,
  items: readonly AccountItemRecord<Flow>[],
  at: string | null,
): Promise<Flow[]> {
  // Nothing changed since (the usual case): the items are the register as it stood, no history to read.
  if (at === null || items.every((r) => r.updatedAt <= at)) return items.map((r) => r.data);
  const changes = await store.listAccountChangesOfKind(orgId, 'flow');
  return items.flatMap((r) => {
    const chain = landedHistory(
      r.changeId,
      changes.filter((c) => c.itemId === r.id),
    );
    const then = dataAsOf(r.data, chain, at);
    return then ? [then] : [];
  });
}

/**
 * The operating account's entries with the time the wave's diagnosis reads them at (its close; while it runs, as
 * they stand): each entry's status then comes from its own status log, so no history is read. Only for a wave of an
 * instrument with the ledger step, as the register: a 2026.1 wave's diagnosis stays exactly as it was.
 */
export async function accountEntries(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
): Promise<AccountEntries | undefined> {
  if (!instrumentOf(campaign).ledger) return undefined;
  const items = await store.listAccountItems<Entry>(campaign.orgId, 'entry');
  return { entries: items.map((r) => r.data), at: closedAtOf(campaign, now) };
}
