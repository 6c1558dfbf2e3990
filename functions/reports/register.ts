import type { Flow } from '../../shared/account';
import type { Store } from '../store/store';

/**
 * The organisation's stage-two register as it stands (retired flows too: the diagnosis leaves them out), the
 * evidence its reports' replacement-only diagnosis sets beside the staff's answers (docs/METHOD.md §7.5).
 */
export async function registerFlows(store: Store, orgId: string): Promise<Flow[]> {
  return (await store.listAccountItems<Flow>(orgId, 'flow')).map((r) => r.data);
}
