import type { AccountKind, ChangeRecord } from '../../shared/account';

// The operating account's part of the storage port (issue 11). Every account item (an entry, a capacity decision, a
// stage-two flow, a review) is one item with a version and the id of the change it last took; its history is change
// records written before the item, chained by their parents (shared/account/history.ts). No write depends on another
// landing: a change whose item write lost or never happened is on no chain and is ignored.

export interface AccountItemRecord<T = unknown> {
  kind: AccountKind;
  orgId: string;
  id: string;
  /** 1 at creation, one more with every change. */
  version: number;
  /** The change this version came from (the head of the item's history). */
  changeId: string;
  /** Hash of the creation request: a retry with the same client key and body is told from another body. */
  createHash: string;
  createdAt: string;
  updatedAt: string;
  data: T;
}

export type CreateAccountItemResult<T> = { created: true } | { created: false; existing: AccountItemRecord<T> };

export interface AccountStore {
  /**
   * Writes the creation's change record, then the item unless one has its id; when one has, the change record is
   * dropped again and the stored item comes back for the caller to compare.
   */
  createAccountItem<T>(item: AccountItemRecord<T>, change: ChangeRecord): Promise<CreateAccountItemResult<T>>;
  /**
   * Writes the change record, then the item if the stored one still has `expected` version and change id (one
   * conditional put); false when another change landed first (the change record is dropped again).
   */
  updateAccountItem<T>(
    item: AccountItemRecord<T>,
    change: ChangeRecord,
    expected: { version: number; changeId: string },
  ): Promise<boolean>;
  getAccountItem<T>(orgId: string, kind: AccountKind, id: string): Promise<AccountItemRecord<T> | null>;
  /** Every item of the kind in the organisation's account, by id. */
  listAccountItems<T>(orgId: string, kind: AccountKind): Promise<AccountItemRecord<T>[]>;
  /** Every change record written for the item, landed or not (readers keep the landed chain). */
  listAccountChanges(orgId: string, kind: AccountKind, id: string): Promise<ChangeRecord[]>;
  /** Every change record of every item of the kind (one query: the register as it stood at a wave's close). */
  listAccountChangesOfKind(orgId: string, kind: AccountKind): Promise<ChangeRecord[]>;
}
