// The operating account as evidence for the cash-poor diagnosis (docs/METHOD.md §5.2): "activity mistaken for
// progress" is AI activity while nothing got shorter. The respondents say the second in the operating-impact item and
// show its size in the time ledger; leadership's own account says it too when it holds work and none of it had freed
// capacity (compressed, removed, structured or verified) by the wave's close.
//
// Like a register row (register-evidence.ts), an account row corroborates, it never carries: it joins the
// operating-impact criterion and may raise its support, but the criterion is met only when the survey row is. No
// account kept (no entry ever taken onto it by the close) gives no row at all: a first wave can have none, and an
// organisation that keeps its account elsewhere is not thereby stuck.

import { hasFreed } from '../account/entries';
import type { Entry, EntryStatus } from '../account/types';
import type { Row } from './criteria';
import { part, withNote } from './evidence-notes';

/** The account's entries and the time to read them at (the wave's close; null while it runs: as they stand). */
export interface AccountEntries {
  entries: readonly Entry[];
  at: string | null;
}

/** An entry's status at `at` from its own status log; null when it did not exist yet. */
export function statusAt(entry: Pick<Entry, 'status' | 'statusLog'>, at: string | null): EntryStatus | null {
  if (at === null) return entry.status;
  let status: EntryStatus | null = null;
  for (const s of entry.statusLog) if (s.at <= at) status = s.status;
  return status;
}

/**
 * Entries that had freed capacity by `at`, of those on the account then (taken onto it: neither a proposal still
 * waiting nor one dismissed). A record, not a sample: support 1 when none had (the row is met), 0 when some had.
 */
export function accountRow(account: AccountEntries | undefined): Row | null {
  if (!account) return null;
  const statuses = account.entries
    .map((e) => statusAt(e, account.at))
    .filter((s): s is EntryStatus => s !== null && s !== 'proposed' && s !== 'dismissed');
  if (statuses.length === 0) return null;
  const freed = statuses.filter(hasFreed).length;
  const evidence = withNote(
    { source: 'account:entries_freed', value: freed, threshold: 1, comparison: '<' as const, met: freed < 1 },
    [part('entries_on_account', { entries: statuses.length }), part('corroborates')],
  );
  return { evidence, support: evidence.met ? 1 : 0 };
}
