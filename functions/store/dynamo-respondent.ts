import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Key, keys, TTL_ATTRIBUTE, WITHDRAWN_PREFIX } from './keys';
import type {
  CampaignRecord,
  ClaimResult,
  DraftRecord,
  InviteRecord,
  PutResponseResult,
  RespondentStore,
  ResponseRecord,
  SurveyLinkRecord,
} from './store';

// The part of the DynamoDB store that the respondent's path uses (survey links, campaigns as read, responses, drafts,
// invite claims), with the helpers every part shares: DynamoStore (dynamo-store.ts) is this and the rest. The
// respondent Lambda loads only this module, so a cold submission reads this code, not the whole store's.

export type Item = Record<string, unknown>;

/** Bump when an entity's stored shape changes; readers can then migrate by `v`. */
export const VERSION = 1;

// By name: the SDK's exception classes are not imported here (see `DynamoRespondentStore.sdk`).
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export type DocumentSdk = typeof import('@aws-sdk/lib-dynamodb');

export const toEpochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
export const fromEpochSeconds = (s: unknown): string | undefined =>
  typeof s === 'number' ? new Date(s * 1000).toISOString() : undefined;
/** TTL deletes expired items only eventually (and never in dynalite), so every read of an expiring item checks. */
export const expired = (item: Item, now: Date): boolean =>
  typeof item[TTL_ATTRIBUTE] === 'number' && (item[TTL_ATTRIBUTE] as number) * 1000 <= now.getTime();

/**
 * DynamoDB holds no number of magnitude below 1e-130 (it answers "Number underflow", a 500 for a request the API
 * accepted): such numbers, which the schemas let through as "at least 0", are stored as 0. Objects go to the
 * marshaller as Maps: it tells a plain object by its `constructor`, which a key named `constructor` (a department of
 * that name) hides, and then refuses the item.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'number') return (Math.abs(value) < 1e-130 ? 0 : value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === 'object') {
    return new Map(Object.entries(value).map(([k, v]) => [k, storable(v)])) as T;
  }
  return value;
}

export function strip<T>(item: Item, omit: readonly string[] = []): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) {
    if (['PK', 'SK', 'GSI1PK', 'GSI1SK', 'entity', 'v', ...omit].includes(k)) continue;
    out[k] = v;
  }
  return out as T;
}

export class DynamoRespondentStore implements RespondentStore {
  private loaded?: Promise<{ doc: DynamoDBDocumentClient; sdk: DocumentSdk }>;

  /**
   * `client` may be a function that builds it: the Lambda passes one that imports the SDK, so a cold start loads the
   * SDK (over 100 ms) on its first store call rather than at init, and requests that need no store never do.
   */
  constructor(
    protected readonly client: DynamoDBClient | (() => Promise<DynamoDBClient>),
    protected readonly table: string,
  ) {}

  // ---- helpers -------------------------------------------------------------------------------------------------

  /**
   * The document client and its commands, loaded on the first call. The SDK is imported dynamically rather than at
   * the top of this module because a bundler hoists a static import of an external package to the top of the bundle,
   * where it would load at init whatever the route. A failed load is not kept: the next call tries again.
   */
  protected sdk(): Promise<{ doc: DynamoDBDocumentClient; sdk: DocumentSdk }> {
    this.loaded ??= (async () => {
      const [sdk, client] = await Promise.all([
        import('@aws-sdk/lib-dynamodb'),
        typeof this.client === 'function' ? this.client() : this.client,
      ]);
      const doc = sdk.DynamoDBDocumentClient.from(client, {
        marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      });
      return { doc, sdk };
    })().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  protected async send<T>(command: (doc: DynamoDBDocumentClient, sdk: DocumentSdk) => Promise<T>): Promise<T> {
    const { doc, sdk } = await this.sdk();
    return command(doc, sdk);
  }

  protected async get(key: Key, consistent = true): Promise<Item | null> {
    const out = await this.send((doc, sdk) =>
      doc.send(new sdk.GetCommand({ TableName: this.table, Key: key, ConsistentRead: consistent })),
    );
    return (out.Item as Item | undefined) ?? null;
  }

  /** Put only when the key is new; false when it already existed. */
  protected async putNew(item: Item): Promise<boolean> {
    try {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** An update that only applies under `condition`: false when the condition did not hold. */
  protected async updateIf(
    key: Key,
    update: string,
    condition: string,
    values: Record<string, unknown>,
    names?: Record<string, string>,
  ): Promise<boolean> {
    try {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: update,
            ConditionExpression: condition,
            ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
            ...(names ? { ExpressionAttributeNames: names } : {}),
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getCampaign(id: string): Promise<CampaignRecord | null> {
    const item = await this.get(keys.campaignById(id));
    return item ? strip<CampaignRecord>(item, ['reportClaimedAt']) : null;
  }

  async getSurveyLink(id: string, now: Date): Promise<SurveyLinkRecord | null> {
    const item = await this.get(keys.surveyLinkById(id));
    if (!item || expired(item, now)) return null;
    const expiresAt = fromEpochSeconds(item[TTL_ATTRIBUTE]);
    return { ...strip<SurveyLinkRecord>(item, [TTL_ATTRIBUTE]), ...(expiresAt ? { expiresAt } : {}) };
  }

  protected responseItem(r: ResponseRecord): Item {
    const { key, position, shard, ...rest } = r;
    return {
      ...keys.responseByReceiptHash(key),
      ...keys.responseStream(r.campaignId, shard, position),
      entity: 'response',
      v: VERSION,
      shard,
      // Field by field: the item's own attributes stay a plain object, the values inside become Maps.
      ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, storable(v)])),
    };
  }

  protected toResponse(item: Item): ResponseRecord {
    const rest = strip<Omit<ResponseRecord, 'key' | 'position'>>(item);
    const sortKey = item.GSI1SK as string;
    // The stream position, wherever in the shard the layout keeps it (keys.withdrawnStream).
    const position = sortKey.startsWith(WITHDRAWN_PREFIX) ? sortKey.slice(WITHDRAWN_PREFIX.length) : sortKey;
    return { ...rest, key: (item.PK as string).slice('RESP#'.length), position };
  }

  async putResponse(response: ResponseRecord): Promise<PutResponseResult> {
    if (await this.putNew(this.responseItem(response))) return { created: true };
    const existing = await this.getResponse(response.key);
    if (!existing) throw new Error('response vanished after a conflicting put');
    return { created: false, existing };
  }

  async getResponse(key: string): Promise<ResponseRecord | null> {
    const item = await this.get(keys.responseByReceiptHash(key));
    return item ? this.toResponse(item) : null;
  }

  async withdrawResponse(key: string, withdrawnAt: string, position: string): Promise<ResponseRecord | null> {
    try {
      const out = await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: keys.responseByReceiptHash(key),
            // Moving the stream position puts the withdrawal after every snapshot cursor that could hold the response;
            // in its shard it moves to the run of withdrawals after the arrivals (keys.withdrawnStream).
            UpdateExpression: 'SET withdrawnAt = :w, GSI1SK = :pos',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(withdrawnAt)',
            ExpressionAttributeValues: { ':w': withdrawnAt, ':pos': `${WITHDRAWN_PREFIX}${position}` },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out.Attributes ? this.toResponse(out.Attributes as Item) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  async putDraft(draft: DraftRecord): Promise<boolean> {
    const { expiresAt, ...rest } = draft;
    return this.putNew({
      ...keys.draftByCodeHash(draft.codeHash),
      ...keys.draftsOfCampaign(draft.campaignId, draft.codeHash),
      entity: 'draft',
      v: VERSION,
      ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, storable(v)])),
      [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt),
    });
  }

  async getDraft(codeHash: string, now: Date): Promise<DraftRecord | null> {
    const item = await this.get(keys.draftByCodeHash(codeHash));
    if (!item || expired(item, now)) return null;
    return { ...strip<DraftRecord>(item), expiresAt: fromEpochSeconds(item[TTL_ATTRIBUTE])! };
  }

  async deleteDraft(codeHash: string): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(new sdk.DeleteCommand({ TableName: this.table, Key: keys.draftByCodeHash(codeHash) })),
    );
  }

  async getInvite(id: string): Promise<InviteRecord | null> {
    const item = await this.get(keys.inviteById(id));
    return item ? strip<InviteRecord>(item) : null;
  }

  async claimInvite(id: string, claim: string, usedAt: string): Promise<ClaimResult> {
    const ok = await this.updateIf(
      keys.inviteById(id),
      'SET usedAt = if_not_exists(usedAt, :used), claim = :claim',
      'attribute_exists(PK) AND (attribute_not_exists(usedAt) OR claim = :claim)',
      { ':used': usedAt, ':claim': claim },
    );
    if (ok) return 'claimed';
    return (await this.get(keys.inviteById(id))) ? 'used' : 'missing';
  }

  async finishInviteClaim(id: string, claim: string): Promise<void> {
    await this.updateIf(keys.inviteById(id), 'REMOVE claim', 'claim = :claim', { ':claim': claim });
  }

  async releaseInviteClaim(id: string, claim: string): Promise<void> {
    await this.updateIf(keys.inviteById(id), 'REMOVE claim, usedAt', 'claim = :claim', { ':claim': claim });
  }

  async unsubscribeInvite(id: string, at: string): Promise<boolean> {
    return this.updateIf(
      keys.inviteById(id),
      'SET unsubscribedAt = if_not_exists(unsubscribedAt, :at) REMOVE email',
      'attribute_exists(PK)',
      { ':at': at },
    );
  }
}
