import type { Flow } from '../../shared/account';
import type { CampaignRecord, Store } from '../store/store';
import { instrumentOf } from './campaign-stats';

/**
 * The organisation's stage-two register as it stands (retired flows too: the diagnosis leaves them out), the
 * evidence a report's replacement-only diagnosis sets beside the staff's answers (docs/METHOD.md §7.5). Only for a
 * wave of an instrument with the ledger step (2026.2 on): the register's rows are part of that method, and a 2026.1
 * wave keeps its diagnosis exactly as it was.
 */
export async function registerFlows(store: Store, campaign: CampaignRecord): Promise<Flow[]> {
  if (!instrumentOf(campaign).ledger) return [];
  return (await store.listAccountItems<Flow>(campaign.orgId, 'flow')).map((r) => r.data);
}
