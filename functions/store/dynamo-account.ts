import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccountKind, ChangeRecord } from '../../shared/account';
import type { AccountItemRecord, AccountStore, CreateAccountItemResult } from './account-store';
import { type Key, keys } from './keys';

// The operating account's adapter: the organisation's account is one partition (ORG#{orgId}#ACCOUNT) holding its
// items and their change records (keys.ts). It runs on DynamoStore's client and lazily loaded SDK.

type Item = Record<string, unknown>;
type DocumentSdk = typeof import('@aws-sdk/lib-dynamodb');
export type Send = <T>(command: (doc: DynamoDBDocumentClient, sdk: DocumentSdk) => Promise<T>) => Promise<T>;

const VERSION = 1;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export function dynamoAccountStore(send: Send, table: string, storable: <T>(value: T) => T): AccountStore {
  const put = async (item: Item, condition?: string, values?: Record<string, unknown>): Promise<boolean> => {
    try {
      await send((doc, sdk) =>
        doc.send(
          new sdk.PutCommand({
            TableName: table,
            Item: item,
            ...(condition ? { ConditionExpression: condition } : {}),
            ...(values ? { ExpressionAttributeValues: values } : {}),
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };
  const remove = (key: Key) => send((doc, sdk) => doc.send(new sdk.DeleteCommand({ TableName: table, Key: key })));
  const get = async (key: Key): Promise<Item | null> => {
    const out = await send((doc, sdk) =>
      doc.send(new sdk.GetCommand({ TableName: table, Key: key, ConsistentRead: true })),
    );
    return (out.Item as Item | undefined) ?? null;
  };
  const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> => {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await send((doc, sdk) =>
        doc.send(new sdk.QueryCommand({ ...input, TableName: table, ExclusiveStartKey: start })),
      );
      items.push(...((out.Items as Item[] | undefined) ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const queryPrefix = ({ PK, skPrefix }: { PK: string; skPrefix: string }) =>
    queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': skPrefix },
      ConsistentRead: true,
    });

  // Field by field: the item's own attributes stay a plain object, the values inside go to the marshaller as storable()
  // makes them (Maps for objects).
  const fields = (record: object): Item => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, storable(v)]));
  const changeKey = (orgId: string, c: ChangeRecord) =>
    keys.accountChange(orgId, c.kind, c.itemId, c.version, c.changeId);
  const changeItem = (orgId: string, c: ChangeRecord): Item => ({
    ...changeKey(orgId, c),
    entity: 'accountChange',
    v: VERSION,
    orgId,
    ...fields(c),
  });
  const itemOf = <T>(r: AccountItemRecord<T>): Item => ({
    ...keys.accountItem(r.orgId, r.kind, r.id),
    entity: 'accountItem',
    v: VERSION,
    ...fields(r),
  });
  const toRecord = <T>(item: Item): AccountItemRecord<T> => ({
    kind: item.kind as AccountKind,
    orgId: item.orgId as string,
    id: item.id as string,
    version: item.version as number,
    changeId: item.changeId as string,
    createHash: item.createHash as string,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    data: item.data as T,
  });
  const toChange = (item: Item): ChangeRecord => ({
    kind: item.kind as AccountKind,
    itemId: item.itemId as string,
    version: item.version as number,
    changeId: item.changeId as string,
    parentId: (item.parentId as string | null | undefined) ?? null,
    at: item.at as string,
    by: item.by as ChangeRecord['by'],
    fields: (item.fields as ChangeRecord['fields'] | undefined) ?? [],
    patchHash: item.patchHash as string,
  });

  return {
    async createAccountItem<T>(
      record: AccountItemRecord<T>,
      change: ChangeRecord,
    ): Promise<CreateAccountItemResult<T>> {
      // The change first: an item never exists without the record of how it came to be.
      await put(changeItem(record.orgId, change), 'attribute_not_exists(PK)');
      if (await put(itemOf(record), 'attribute_not_exists(PK)')) return { created: true };
      await remove(changeKey(record.orgId, change));
      const existing = await get(keys.accountItem(record.orgId, record.kind, record.id));
      if (!existing) throw new Error('account item vanished after a conflicting put');
      return { created: false, existing: toRecord<T>(existing) };
    },

    async updateAccountItem<T>(
      record: AccountItemRecord<T>,
      change: ChangeRecord,
      expected: { version: number; changeId: string },
    ): Promise<boolean> {
      await put(changeItem(record.orgId, change), 'attribute_not_exists(PK)');
      const ok = await put(itemOf(record), 'version = :v AND changeId = :c', {
        ':v': expected.version,
        ':c': expected.changeId,
      });
      // A lost race leaves a change on no chain; dropping it only keeps the partition tidy (readers ignore it anyway).
      if (!ok) await remove(changeKey(record.orgId, change));
      return ok;
    },

    async getAccountItem<T>(orgId: string, kind: AccountKind, id: string) {
      const item = await get(keys.accountItem(orgId, kind, id));
      return item ? toRecord<T>(item) : null;
    },

    async listAccountItems<T>(orgId: string, kind: AccountKind) {
      return (await queryPrefix(keys.accountItems(orgId, kind))).map((i) => toRecord<T>(i));
    },

    async listAccountChanges(orgId: string, kind: AccountKind, id: string) {
      return (await queryPrefix(keys.accountChanges(orgId, kind, id))).map(toChange);
    },

    async listAccountChangesOfKind(orgId: string, kind: AccountKind) {
      return (await queryPrefix(keys.accountChangesOfKind(orgId, kind))).map(toChange);
    },
  };
}
