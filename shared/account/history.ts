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

/**
 * An item's data as it stood at `at` (an ISO time): the landed changes made after it undone, newest first, each field
 * back to the value it had before (a change keeps both). Null when the item was created after `at`. A chain that does
 * not reach back to a creation (no history kept) cannot be undone and leaves the data as it is.
 */
export function dataAsOf<T extends object>(data: T, chain: readonly ChangeRecord[], at: string): T | null {
  const creation = chain[0];
  if (creation && creation.parentId === null && creation.at > at) return null;
  const state = { ...data } as Record<string, unknown>;
  for (const change of [...chain].reverse()) {
    if (change.at <= at || change.parentId === null) break;
    for (const f of change.fields) state[f.field] = f.from;
  }
  return state as T;
}
