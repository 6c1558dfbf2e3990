import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type {
  AuthStore,
  ContactsChangeRecord,
  OidcStateRecord,
  SessionRecord,
  SignInCodeRecord,
  UserRecord,
  ViewerLinkRecord,
} from './auth-store';
import { type Key, keys, TTL_ATTRIBUTE } from './keys';
import type { TokenRecord } from './store';

// The DynamoDB adapter of the auth port, in the same table as everything else (keys.ts lists its access patterns).
// It runs its commands through the main store's lazily loaded SDK (`DynamoStore.send`), so it loads nothing itself.

type Item = Record<string, unknown>;
type DocumentSdk = typeof import('@aws-sdk/lib-dynamodb');
export type Exec = <T>(command: (doc: DynamoDBDocumentClient, sdk: DocumentSdk) => Promise<T>) => Promise<T>;

const VERSION = 1;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';
const toEpochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
const fromEpochSeconds = (s: unknown): string => new Date((s as number) * 1000).toISOString();
/** TTL deletes expired items only eventually (never in dynalite): every read of an expiring item checks. */
const expired = (item: Item, now: Date): boolean =>
  typeof item[TTL_ATTRIBUTE] === 'number' && (item[TTL_ATTRIBUTE] as number) * 1000 <= now.getTime();

/** Sign-in addresses compare trimmed, in lower case and NFC. */
export const normaliseEmail = (email: string): string => email.normalize('NFC').trim().toLowerCase();
const emailHash = (email: string): string => createHash('sha256').update(normaliseEmail(email), 'utf8').digest('hex');

function strip<T>(item: Item): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) {
    if (['PK', 'SK', 'GSI1PK', 'GSI1SK', 'entity', 'v', TTL_ATTRIBUTE].includes(k)) continue;
    out[k] = v;
  }
  return out as T;
}

/** The record with `expiresAt` read back from the TTL attribute. */
const withExpiry = <T>(item: Item): T => ({ ...strip<T>(item), expiresAt: fromEpochSeconds(item[TTL_ATTRIBUTE]) });

export class DynamoAuthStore implements AuthStore {
  constructor(
    private readonly exec: Exec,
    private readonly table: string,
  ) {}

  // ---- helpers -------------------------------------------------------------------------------------------------

  private async get(key: Key): Promise<Item | null> {
    const out = await this.exec((doc, sdk) =>
      doc.send(new sdk.GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return (out.Item as Item | undefined) ?? null;
  }

  private async put(item: Item, condition?: string, values?: Record<string, unknown>): Promise<boolean> {
    try {
      await this.exec((doc, sdk) =>
        doc.send(
          new sdk.PutCommand({
            TableName: this.table,
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
  }

  private async update(key: Key, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await this.exec((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeValues: values,
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Deletes the item if it exists and returns what it held: the single use of codes and states. */
  private async take(key: Key): Promise<Item | null> {
    try {
      const out = await this.exec((doc, sdk) =>
        doc.send(
          new sdk.DeleteCommand({
            TableName: this.table,
            Key: key,
            ConditionExpression: 'attribute_exists(PK)',
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      return (out.Attributes as Item | undefined) ?? null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  private async remove(key: Key): Promise<void> {
    await this.exec((doc, sdk) => doc.send(new sdk.DeleteCommand({ TableName: this.table, Key: key })));
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.exec((doc, sdk) =>
        doc.send(new sdk.QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: start })),
      );
      items.push(...((out.Items as Item[] | undefined) ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private gsi(pk: string): Promise<Item[]> {
    return this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
  }

  // ---- API keys ------------------------------------------------------------------------------------------------

  async listTokensBy(createdBy: string): Promise<TokenRecord[]> {
    const items = await this.gsi(keys.tokensOfCreator(createdBy).GSI1PK);
    return items.map((i) => withExpiry<TokenRecord>(i));
  }

  async touchToken(id: string, day: string): Promise<void> {
    await this.update(keys.tokenById(id), 'SET lastUsedOn = :day', 'attribute_exists(PK)', { ':day': day });
  }

  // ---- users ---------------------------------------------------------------------------------------------------

  async createUser(user: UserRecord): Promise<'created' | 'exists'> {
    const index = { ...keys.userByEmailHash(emailHash(user.email)), entity: 'userEmail', v: VERSION, userId: user.id };
    if (!(await this.put(index, 'attribute_not_exists(PK)'))) {
      // Taken: by a live user, or left by a revoked one or by a creation that crashed before its user item.
      const current = await this.get(keys.userByEmailHash(emailHash(user.email)));
      const holder = current ? await this.getUser(current.userId as string) : null;
      if (holder && !holder.revokedAt) return 'exists';
      const replaced = await this.put(index, 'userId = :old', { ':old': current?.userId ?? '' });
      if (!replaced) return 'exists';
    }
    const ok = await this.put(
      {
        ...keys.userById(user.id),
        ...keys.allUsers(user.createdAt, user.id),
        entity: 'user',
        v: VERSION,
        ...user,
        email: normaliseEmail(user.email),
      },
      'attribute_not_exists(PK)',
    );
    if (!ok) throw new Error('user id collision');
    return 'created';
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const item = await this.get(keys.userById(id));
    return item ? strip<UserRecord>(item) : null;
  }

  async getUserByEmail(email: string): Promise<UserRecord | null> {
    const index = await this.get(keys.userByEmailHash(emailHash(email)));
    if (!index) return null;
    const user = await this.getUser(index.userId as string);
    if (!user || user.revokedAt || user.email !== normaliseEmail(email)) return null;
    return user;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.gsi(keys.allUsers().GSI1PK)).map((i) => strip<UserRecord>(i));
  }

  async revokeUser(id: string, at: string): Promise<boolean> {
    const user = await this.getUser(id);
    if (!user || user.revokedAt) return false;
    const ok = await this.update(
      keys.userById(id),
      'SET revokedAt = :at',
      'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
      { ':at': at },
    );
    if (!ok) return false;
    // The address is free again; a crash before this line leaves an index entry to a revoked user, which readers
    // treat as none and the next creation replaces.
    try {
      await this.exec((doc, sdk) =>
        doc.send(
          new sdk.DeleteCommand({
            TableName: this.table,
            Key: keys.userByEmailHash(emailHash(user.email)),
            ConditionExpression: 'userId = :id',
            ExpressionAttributeValues: { ':id': id },
          }),
        ),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return true;
  }

  async markSignInMailed(userId: string, at: string, notSince: string): Promise<boolean> {
    return this.update(
      keys.userById(userId),
      'SET signInMailedAt = :at',
      'attribute_exists(PK) AND attribute_not_exists(revokedAt) AND ' +
        '(attribute_not_exists(signInMailedAt) OR signInMailedAt < :since)',
      { ':at': at, ':since': notSince },
    );
  }

  // ---- sign-in codes and sessions ------------------------------------------------------------------------------

  async putSignInCode(code: SignInCodeRecord): Promise<void> {
    const { expiresAt, ...rest } = code;
    const item = {
      ...keys.signInCode(code.id),
      entity: 'signInCode',
      v: VERSION,
      ...rest,
      [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt),
    };
    if (!(await this.put(item, 'attribute_not_exists(PK)'))) throw new Error('sign-in code collision');
  }

  async takeSignInCode(id: string, now: Date): Promise<SignInCodeRecord | null> {
    const item = await this.take(keys.signInCode(id));
    return item && !expired(item, now) ? withExpiry<SignInCodeRecord>(item) : null;
  }

  async putSession(session: SessionRecord): Promise<void> {
    const { expiresAt, ...rest } = session;
    const item = {
      ...keys.session(session.hash),
      entity: 'session',
      v: VERSION,
      ...rest,
      [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt),
    };
    if (!(await this.put(item, 'attribute_not_exists(PK)'))) throw new Error('session collision');
  }

  async getSession(hash: string, now: Date): Promise<SessionRecord | null> {
    const item = await this.get(keys.session(hash));
    return item && !expired(item, now) ? withExpiry<SessionRecord>(item) : null;
  }

  async deleteSession(hash: string): Promise<void> {
    await this.remove(keys.session(hash));
  }

  // ---- report viewer links -------------------------------------------------------------------------------------

  async putViewerLink(link: ViewerLinkRecord): Promise<void> {
    const { expiresAt, ...rest } = link;
    const item = {
      ...keys.viewerLink(link.id),
      ...keys.viewerLinksOfCampaign(link.campaignId, link.createdAt, link.id),
      entity: 'viewerLink',
      v: VERSION,
      ...rest,
      [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt),
    };
    if (!(await this.put(item, 'attribute_not_exists(PK)'))) throw new Error('viewer link collision');
  }

  async getViewerLink(id: string, now: Date): Promise<ViewerLinkRecord | null> {
    const item = await this.get(keys.viewerLink(id));
    return item && !expired(item, now) ? withExpiry<ViewerLinkRecord>(item) : null;
  }

  async listViewerLinks(campaignId: string): Promise<ViewerLinkRecord[]> {
    const items = await this.gsi(keys.viewerLinksOfCampaign(campaignId).GSI1PK);
    return items.map((i) => withExpiry<ViewerLinkRecord>(i));
  }

  async revokeViewerLink(id: string, at: string): Promise<boolean> {
    return this.update(keys.viewerLink(id), 'SET revokedAt = if_not_exists(revokedAt, :at)', 'attribute_exists(PK)', {
      ':at': at,
    });
  }

  async touchViewerLink(id: string, day: string): Promise<void> {
    await this.update(keys.viewerLink(id), 'SET lastUsedOn = :day', 'attribute_exists(PK)', { ':day': day });
  }

  // ---- contacts audit log --------------------------------------------------------------------------------------

  async appendContactsChange(change: ContactsChangeRecord): Promise<void> {
    const item = { ...keys.contactsChange(change.orgId, change.at, change.id), entity: 'contactsChange', v: VERSION };
    if (!(await this.put({ ...item, ...change }, 'attribute_not_exists(PK)'))) {
      throw new Error('contacts change collision');
    }
  }

  async listContactsChanges(orgId: string): Promise<ContactsChangeRecord[]> {
    const { PK, skPrefix } = keys.contactsChanges(orgId);
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': skPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => strip<ContactsChangeRecord>(i));
  }

  // ---- OpenID Connect ------------------------------------------------------------------------------------------

  async putOidcState(state: OidcStateRecord): Promise<void> {
    const { expiresAt, ...rest } = state;
    const item = {
      ...keys.oidcState(state.hash),
      entity: 'oidcState',
      v: VERSION,
      ...rest,
      [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt),
    };
    if (!(await this.put(item, 'attribute_not_exists(PK)'))) throw new Error('OIDC state collision');
  }

  async takeOidcState(hash: string, now: Date): Promise<OidcStateRecord | null> {
    const item = await this.take(keys.oidcState(hash));
    return item && !expired(item, now) ? withExpiry<OidcStateRecord>(item) : null;
  }
}
