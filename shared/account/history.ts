import type { ChangeRecord } from './types';

/**
 * An item's history, oldest first: the chain of changes from the one the item holds back to its creation. Changes
 * written by a writer whose item update then lost (a stale version) or never happened (a crash between the two
 * writes) are on no chain and left out, so the history never shows a change the item does not carry.
 */
export function landedHistory(headChangeId: string, changes: readonly ChangeRecord[]): ChangeRecord[] {
  const byId = new Map(changes.map((c) => [c.changeId, c]));
  const chain: ChangeRecord[] = [];
  const seen = new Set<string>();
  for (let id: string | null = headChangeId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const change = byId.get(id);
    if (!change) break;
    chain.push(change);
    id = change.parentId;
  }
  return chain.reverse();
}
