import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccountKind, ChangeRecord } from '../../shared/account';
import type { LedgerAnswers } from '../../shared/ledger';
import type { OrgProfile } from '../../shared/profile';
import type { GroupStats } from '../../shared/scoring';
import type { AccountItemRecord, AccountStore } from './account-store';
import type { AuthStore } from './auth-store';
import { dynamoAccountStore } from './dynamo-account';
import { DynamoAuthStore } from './dynamo-auth-store';
import {
  DynamoRespondentStore,
  expired,
  fromEpochSeconds,
  type Item,
  isConditionFailure,
  storable,
  strip,
  toEpochSeconds,
  VERSION,
} from './dynamo-respondent';
import { type Key, keys, STREAM_LAYOUT, TTL_ATTRIBUTE, WITHDRAWN_PREFIX } from './keys';
import type {
  CampaignChanges,
  CampaignRecord,
  CampaignSettingsChanges,
  ContactRecord,
  DueRecord,
  InvitationLimits,
  InviteCounts,
  InviteRecord,
  LeadershipRecord,
  OrgChanges,
  OrgRecord,
  QuotaResult,
  ResponseRecord,
  SettingsGuard,
  SnapshotRecord,
  Store,
  StreamChunk,
  SurveyLinkRecord,
  TokenRecord,
} from './store';

/** Snapshot bodies are gzip'd JSON split into chunks well under DynamoDB's 400 KB item limit. */
const SNAPSHOT_CHUNK_BYTES = 300 * 1024;
/** Only report reads use zlib: loaded then, not with the module (a Lambda cold start skips it otherwise). */
const zlib = () => import('node:zlib');

export { storable };

/**
 * One record per response. A withdrawal moves an item forward in its shard while a paginated Query runs: it can be
 * seen twice, and the withdrawn state is the later one.
 */
function latestByKey(records: readonly ResponseRecord[]): ResponseRecord[] {
  const byKey = new Map<string, ResponseRecord>();
  for (const r of records) {
    const seen = byKey.get(r.key);
    if (!seen || (r.withdrawnAt && !seen.withdrawnAt)) byKey.set(r.key, r);
  }
  return [...byKey.values()];
}

/** The whole store: the respondent's part (dynamo-respondent.ts, with the shared helpers) and everything else. */
export class DynamoStore extends DynamoRespondentStore implements Store {
  readonly auth: AuthStore;

  constructor(client: DynamoDBClient | (() => Promise<DynamoDBClient>), table: string) {
    super(client, table);
    this.auth = new DynamoAuthStore((command) => this.send(command), table);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.send((doc, sdk) =>
        doc.send(new sdk.QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: start })),
      );
      items.push(...((out.Items as Item[] | undefined) ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Deletes the keys, 25 to a batch, until none is left unprocessed. */
  private async deleteKeys(list: readonly Key[]): Promise<void> {
    const unique = [...new Map(list.map((k) => [`${k.PK}\u0000${k.SK}`, k])).values()];
    for (let i = 0; i < unique.length; i += 25) {
      let request: Record<string, { DeleteRequest: { Key: Key } }[]> | undefined = {
        [this.table]: unique.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.send((doc, sdk) => doc.send(new sdk.BatchWriteCommand({ RequestItems: request })));
        request = out.UnprocessedItems as typeof request;
      }
    }
  }

  /** The keys of every item in a partition (prefix: only sort keys that start with it). */
  private async partitionKeys(pk: string, skPrefix?: string): Promise<Key[]> {
    const items = await this.queryAll({
      KeyConditionExpression: skPrefix ? 'PK = :pk AND begins_with(SK, :sk)' : 'PK = :pk',
      ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':sk': skPrefix } : { ':pk': pk },
      ProjectionExpression: 'PK, SK',
      ConsistentRead: true,
    });
    return items.map((i) => ({ PK: i.PK as string, SK: i.SK as string }));
  }

  /** SET and REMOVE clauses for the changed fields (names through placeholders: `name` is a reserved word). */
  private async applyChanges<T>(
    key: Key,
    changes: Record<string, unknown>,
    guard?: {
      condition: string;
      add: string;
      names: Record<string, string>;
      values: Record<string, unknown>;
      /** Fields stored as null rather than removed (readers expect the attribute: `closesAt`, `surveyLinkId`). */
      nullable: readonly string[];
    },
  ): Promise<T | null> {
    const set: string[] = [];
    const remove: string[] = [];
    const names: Record<string, string> = { ...guard?.names };
    const values: Record<string, unknown> = { ...guard?.values };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      if (value === null && !guard?.nullable.includes(field)) remove.push(`#${field}`);
      else {
        set.push(`#${field} = :${field}`);
        values[`:${field}`] = value;
      }
    }
    if (set.length === 0 && remove.length === 0 && !guard) {
      const item = await this.get(key);
      return item ? strip<T>(item, ['reportClaimedAt']) : null;
    }
    try {
      const out = await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: [
              set.length ? `SET ${set.join(', ')}` : '',
              remove.length ? `REMOVE ${remove.join(', ')}` : '',
              guard ? `ADD ${guard.add}` : '',
            ]
              .filter(Boolean)
              .join(' '),
            ConditionExpression: guard ? `attribute_exists(PK) AND ${guard.condition}` : 'attribute_exists(PK)',
            ExpressionAttributeNames: names,
            ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out.Attributes ? strip<T>(out.Attributes as Item, ['reportClaimedAt']) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  // ---- tokens and grants ---------------------------------------------------------------------------------------

  async putToken(token: TokenRecord): Promise<void> {
    const { expiresAt, ...rest } = token;
    const ok = await this.putNew({
      ...keys.tokenById(token.id),
      ...keys.tokensOfCreator(token.createdBy, token.createdAt, token.id),
      entity: 'token',
      v: VERSION,
      ...rest,
      [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt),
    });
    if (!ok) throw new Error('token id collision');
  }

  async getToken(id: string, now: Date): Promise<TokenRecord | null> {
    const item = await this.get(keys.tokenById(id));
    if (!item || expired(item, now)) return null;
    return { ...strip<TokenRecord>(item), expiresAt: fromEpochSeconds(item[TTL_ATTRIBUTE])! };
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    try {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: keys.tokenById(id),
            UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async grantOrg(subject: string, orgId: string, at: string): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(
        new sdk.PutCommand({
          TableName: this.table,
          Item: { ...keys.grant(subject, orgId), entity: 'grant', v: VERSION, subject, orgId, createdAt: at },
        }),
      ),
    );
  }

  async hasGrant(subject: string, orgId: string): Promise<boolean> {
    return (await this.get(keys.grant(subject, orgId))) !== null;
  }

  async grantedOrgIds(subject: string): Promise<string[]> {
    const { PK, skPrefix } = keys.grantsOfSubject(subject);
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': skPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => i.orgId as string);
  }

  // ---- organisations -------------------------------------------------------------------------------------------

  async createOrg(org: OrgRecord): Promise<void> {
    const ok = await this.putNew({
      ...keys.orgById(org.id),
      ...keys.allOrgs(org.createdAt, org.id),
      entity: 'org',
      v: VERSION,
      ...org,
    });
    if (!ok) throw new Error('organisation id collision');
  }

  async getOrg(id: string): Promise<OrgRecord | null> {
    const item = await this.get(keys.orgById(id));
    return item ? strip<OrgRecord>(item) : null;
  }

  async getOrgs(ids: readonly string[]): Promise<OrgRecord[]> {
    const unique = [...new Set(ids)];
    const found: OrgRecord[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Key[]; ConsistentRead: boolean }> | undefined = {
        [this.table]: { Keys: unique.slice(i, i + 100).map((id) => keys.orgById(id)), ConsistentRead: true },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.send((doc, sdk) => doc.send(new sdk.BatchGetCommand({ RequestItems: request })));
        for (const item of out.Responses?.[this.table] ?? []) found.push(strip<OrgRecord>(item));
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async listOrgs(): Promise<OrgRecord[]> {
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.allOrgs().GSI1PK },
    });
    return items.map((i) => strip<OrgRecord>(i));
  }

  async updateOrg(id: string, changes: OrgChanges): Promise<OrgRecord | null> {
    return this.applyChanges<OrgRecord>(keys.orgById(id), { name: changes.name, archivedAt: changes.archivedAt });
  }

  async deleteOrg(org: OrgRecord, grantSubjects: readonly string[]): Promise<void> {
    const { PK } = keys.orgById(org.id);
    const [own, account] = await Promise.all([
      this.partitionKeys(PK),
      this.partitionKeys(keys.accountItems(org.id, '').PK),
    ]);
    const orgKey = keys.orgById(org.id);
    // The review marker lives outside the organisation's partitions: its pointer (deleted with them) says where.
    const reviewDay = await this.getReviewDue(org.id);
    await this.deleteKeys([
      ...grantSubjects.map((s) => keys.grant(s, org.id)),
      ...account,
      ...(reviewDay ? [keys.reviewDue(reviewDay, org.id)] : []),
      ...own.filter((k) => k.SK !== orgKey.SK),
    ]);
    await this.deleteKeys([orgKey]);
  }

  async putProfile(orgId: string, profile: OrgProfile, at: string): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(
        new sdk.PutCommand({
          TableName: this.table,
          Item: {
            ...keys.profileOfOrg(orgId),
            entity: 'profile',
            v: VERSION,
            orgId,
            profile: storable(profile),
            updatedAt: at,
          },
        }),
      ),
    );
  }

  async getProfile(orgId: string): Promise<OrgProfile | null> {
    const item = await this.get(keys.profileOfOrg(orgId));
    return item ? (item.profile as OrgProfile) : null;
  }

  // ---- campaigns and survey links ------------------------------------------------------------------------------

  async createCampaign(
    campaign: CampaignRecord,
    link: SurveyLinkRecord | null,
    due: readonly DueRecord[] = [],
  ): Promise<void> {
    if (link) await this.putSurveyLink(link);
    await Promise.all(due.map((d) => this.putDue(d)));
    const ok = await this.putNew({
      ...keys.campaignById(campaign.id),
      ...keys.campaignsOfOrg(campaign.orgId, campaign.createdAt, campaign.id),
      entity: 'campaign',
      v: VERSION,
      ...campaign,
      // Its withdrawals go after its arrivals in the stream (keys.withdrawnStream): it may be read in stretches.
      streamLayout: STREAM_LAYOUT,
    });
    if (!ok) throw new Error('campaign id collision');
  }

  async markClosing(id: string, at: string): Promise<boolean> {
    return this.updateIf(
      keys.campaignById(id),
      'SET closingAt = if_not_exists(closingAt, :at)',
      'attribute_exists(PK)',
      {
        ':at': at,
      },
    );
  }

  async closeCampaign(id: string, closedAt: string): Promise<boolean> {
    // closedAt is stored as null while open (a NULL attribute), hence attribute_type rather than a comparison.
    return this.updateIf(
      keys.campaignById(id),
      'SET closedAt = :at',
      'attribute_exists(PK) AND (attribute_not_exists(closedAt) OR attribute_type(closedAt, :null))',
      { ':at': closedAt, ':null': 'NULL' },
    );
  }

  async markReportSent(id: string, at: string): Promise<void> {
    await this.updateIf(
      keys.campaignById(id),
      'SET reportSentAt = :at REMOVE reportClaimedAt',
      'attribute_exists(PK)',
      {
        ':at': at,
      },
    );
  }

  async claimReportContact(
    campaignId: string,
    contactKey: string,
    now: Date,
    leaseMs: number,
  ): Promise<{ claimed: boolean; previousLink?: string }> {
    try {
      const out = await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: keys.reportDelivery(campaignId, contactKey),
            UpdateExpression: 'SET claimedAt = :now, #entity = :entity, #v = :v',
            ConditionExpression:
              'attribute_not_exists(sentAt) AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
            ExpressionAttributeValues: {
              ':now': now.toISOString(),
              ':stale': new Date(now.getTime() - leaseMs).toISOString(),
              ':entity': 'reportDelivery',
              ':v': VERSION,
            },
            ExpressionAttributeNames: { '#entity': 'entity', '#v': 'v' },
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      const previous = (out.Attributes as Item | undefined)?.linkId as string | undefined;
      return previous ? { claimed: true, previousLink: previous } : { claimed: true };
    } catch (error) {
      if (isConditionFailure(error)) return { claimed: false };
      throw error;
    }
  }

  async recordReportContactLink(campaignId: string, contactKey: string, linkId: string): Promise<void> {
    await this.updateIf(keys.reportDelivery(campaignId, contactKey), 'SET linkId = :link', 'attribute_exists(PK)', {
      ':link': linkId,
    });
  }

  async claimReviewReminder(
    orgId: string,
    period: string,
    contactKey: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    try {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: keys.reviewReminder(orgId, period, contactKey),
            UpdateExpression: 'SET claimedAt = :now, #entity = :entity, #v = :v',
            ConditionExpression:
              'attribute_not_exists(sentAt) AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
            ExpressionAttributeValues: {
              ':now': now.toISOString(),
              ':stale': new Date(now.getTime() - leaseMs).toISOString(),
              ':entity': 'reviewReminder',
              ':v': VERSION,
            },
            ExpressionAttributeNames: { '#entity': 'entity', '#v': 'v' },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async markReviewReminderSent(orgId: string, period: string, contactKey: string, at: string): Promise<void> {
    await this.updateIf(keys.reviewReminder(orgId, period, contactKey), 'SET sentAt = :at', 'attribute_exists(PK)', {
      ':at': at,
    });
  }

  async reviewReminderSent(orgId: string, period: string, contactKey: string): Promise<boolean> {
    return (await this.get(keys.reviewReminder(orgId, period, contactKey)))?.sentAt !== undefined;
  }

  async putReviewDue(orgId: string, day: string): Promise<void> {
    const before = await this.getReviewDue(orgId);
    const put = (item: Item) =>
      this.send((doc, sdk) => doc.send(new sdk.PutCommand({ TableName: this.table, Item: item })));
    await put({ ...keys.reviewDue(day, orgId), entity: 'reviewDue', v: VERSION, orgId, day });
    await put({ ...keys.reviewDueOfOrg(orgId), entity: 'reviewDuePointer', v: VERSION, orgId, day });
    if (before !== null && before !== day) await this.deleteReviewDueMarker(orgId, before);
  }

  async getReviewDue(orgId: string): Promise<string | null> {
    return ((await this.get(keys.reviewDueOfOrg(orgId)))?.day as string | undefined) ?? null;
  }

  async listReviewsDue(day: string, limit: number): Promise<{ orgId: string; day: string }[]> {
    const { PK, skMax } = keys.reviewDueBy(day);
    const out = await this.send((doc, sdk) =>
      doc.send(
        new sdk.QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND SK <= :max',
          ExpressionAttributeValues: { ':pk': PK, ':max': skMax },
          ConsistentRead: true,
          Limit: limit,
        }),
      ),
    );
    return ((out.Items as Item[] | undefined) ?? []).map((i) => ({ orgId: i.orgId as string, day: i.day as string }));
  }

  async deleteReviewDueMarker(orgId: string, day: string): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(new sdk.DeleteCommand({ TableName: this.table, Key: keys.reviewDue(day, orgId) })),
    );
  }

  async claimReviewSweep(now: Date, everyMs: number): Promise<boolean> {
    return this.updateIf(
      keys.meta('REVIEWSWEEP'),
      'SET sweptAt = :now, #entity = :entity, #v = :v',
      'attribute_not_exists(sweptAt) OR sweptAt < :stale',
      {
        ':now': now.toISOString(),
        ':stale': new Date(now.getTime() - everyMs).toISOString(),
        ':entity': 'meta',
        ':v': VERSION,
      },
      { '#entity': 'entity', '#v': 'v' },
    );
  }

  async markReportContactSent(campaignId: string, contactKey: string, at: string): Promise<void> {
    await this.updateIf(keys.reportDelivery(campaignId, contactKey), 'SET sentAt = :at', 'attribute_exists(PK)', {
      ':at': at,
    });
  }

  async reportContactSent(campaignId: string, contactKey: string): Promise<boolean> {
    return (await this.get(keys.reportDelivery(campaignId, contactKey)))?.sentAt !== undefined;
  }

  async listCampaigns(orgId: string): Promise<CampaignRecord[]> {
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.campaignsOfOrg(orgId).GSI1PK },
    });
    return items.map((i) => strip<CampaignRecord>(i, ['reportClaimedAt']));
  }

  async updateCampaign(id: string, changes: CampaignChanges): Promise<CampaignRecord | null> {
    return this.applyChanges<CampaignRecord>(keys.campaignById(id), {
      name: changes.name,
      archivedAt: changes.archivedAt,
      departments: changes.departments,
    });
  }

  async updateCampaignSettings(
    id: string,
    changes: CampaignSettingsChanges,
    guard: SettingsGuard,
  ): Promise<CampaignRecord | null> {
    // closedAt and closesAt are stored as null while unset (a NULL attribute), hence attribute_type.
    const open =
      'attribute_not_exists(#g_closingAt) AND (attribute_not_exists(#g_closedAt) OR attribute_type(#g_closedAt, :g_null))' +
      ' AND (attribute_not_exists(#g_closesAt) OR attribute_type(#g_closesAt, :g_null) OR #g_closesAt > :g_now)';
    const rev = guard.settingsRev === 0 ? '(attribute_not_exists(#g_rev) OR #g_rev = :g_rev)' : '#g_rev = :g_rev';
    return this.applyChanges<CampaignRecord>(
      keys.campaignById(id),
      { ...changes },
      {
        condition: `${open} AND ${rev}`,
        add: '#g_rev :g_one',
        names: {
          '#g_closingAt': 'closingAt',
          '#g_closedAt': 'closedAt',
          '#g_closesAt': 'closesAt',
          '#g_rev': 'settingsRev',
        },
        values: { ':g_null': 'NULL', ':g_now': guard.now, ':g_rev': guard.settingsRev, ':g_one': 1 },
        nullable: ['closesAt', 'surveyLinkId'],
      },
    );
  }

  async hasResponses(campaign: Pick<CampaignRecord, 'id' | 'shards'>): Promise<boolean> {
    const perShard = await Promise.all(
      Array.from({ length: campaign.shards }, (_, shard) =>
        this.send((doc, sdk) =>
          doc.send(
            new sdk.QueryCommand({
              TableName: this.table,
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': keys.responseStream(campaign.id, shard).GSI1PK },
              ProjectionExpression: 'PK',
              Limit: 1,
            }),
          ),
        ),
      ),
    );
    return perShard.some((out) => (out.Items?.length ?? 0) > 0);
  }

  async deleteCampaign(campaign: CampaignRecord, surveyLinkIds: readonly string[]): Promise<void> {
    const gsiKeys = async (pk: string): Promise<Item[]> =>
      this.queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      });
    const [links, invites, viewerLinks, own, snapshot, due] = await Promise.all([
      // Every link item naming the campaign, also one a crash stored before the campaign named it (a new open link
      // whose settings change failed, an invite's link without its invite): `surveyLinkIds` covers links stored
      // before link items carried these keys.
      gsiKeys(keys.surveyLinksOfCampaign(campaign.id).GSI1PK),
      gsiKeys(keys.invitesOfCampaign(campaign.id).GSI1PK),
      gsiKeys(keys.viewerLinksOfCampaign(campaign.id).GSI1PK),
      this.partitionKeys(keys.campaignById(campaign.id).PK),
      this.partitionKeys(keys.snapshotHead(campaign.id).PK),
      // The due partition is small (the job deletes what it did): its items of this campaign, whatever their time.
      this.queryAll({
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: 'campaignId = :id',
        ExpressionAttributeValues: { ':pk': keys.due('', '', '').PK, ':id': campaign.id },
        ProjectionExpression: 'PK, SK',
        ConsistentRead: true,
      }),
    ]);
    const campaignKey = keys.campaignById(campaign.id);
    // The links first: from then on no answer can start through them.
    await this.deleteKeys([
      ...surveyLinkIds.map((id) => keys.surveyLinkById(id)),
      ...links.map((l) => keys.surveyLinkById(l.id as string)),
    ]);
    await this.deleteKeys([
      ...invites.map((i) => keys.inviteById(i.id as string)),
      ...invites
        .filter((i) => typeof i.addressKey === 'string')
        .map((i) => keys.inviteOfAddress(campaign.id, i.addressKey as string)),
      ...viewerLinks.map((l) => keys.viewerLink(l.id as string)),
      ...due.map((d) => ({ PK: d.PK as string, SK: d.SK as string })),
      ...snapshot,
      ...own.filter((k) => k.SK !== campaignKey.SK),
    ]);
    await this.deleteKeys([campaignKey]);
  }

  async putSurveyLink(link: SurveyLinkRecord): Promise<void> {
    const { expiresAt, ...rest } = link;
    const ok = await this.putNew({
      ...keys.surveyLinkById(link.id),
      ...keys.surveyLinksOfCampaign(link.campaignId, link.createdAt, link.id),
      entity: 'surveyLink',
      v: VERSION,
      ...rest,
      ...(expiresAt ? { [TTL_ATTRIBUTE]: toEpochSeconds(expiresAt) } : {}),
    });
    if (!ok) throw new Error('survey link id collision');
  }

  async deleteSurveyLink(id: string): Promise<void> {
    await this.deleteKeys([keys.surveyLinkById(id)]);
  }

  // ---- responses -----------------------------------------------------------------------------------------------

  async eraseWithdrawn(receiptHashes: readonly string[]): Promise<void> {
    await Promise.all(
      receiptHashes.map((key) =>
        this.send((doc, sdk) =>
          doc.send(
            new sdk.UpdateCommand({
              TableName: this.table,
              Key: keys.responseByReceiptHash(key),
              UpdateExpression: 'REMOVE answers, #level, department, tooFast, durationS, contentHash, ledger',
              ConditionExpression: 'attribute_exists(withdrawnAt)',
              ExpressionAttributeNames: { '#level': 'level' },
            }),
          ),
        ).catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        }),
      ),
    );
  }

  async withdrawnHoldingAnswers(
    campaign: Pick<CampaignRecord, 'id' | 'shards' | 'streamLayout'>,
    from: string | null,
    to: string,
  ): Promise<string[]> {
    // The run of withdrawals in [from, to); in the old layout also the arrivals after `from`, among which its old
    // withdrawals sit.
    const lower = campaign.streamLayout === STREAM_LAYOUT ? `${WITHDRAWN_PREFIX}${from ?? ''}` : (from ?? '');
    const perShard = await Promise.all(
      Array.from({ length: campaign.shards }, (_, shard) =>
        this.queryAll({
          IndexName: 'GSI1',
          KeyConditionExpression:
            lower === '' ? 'GSI1PK = :pk AND GSI1SK < :to' : 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          FilterExpression: 'attribute_exists(withdrawnAt) AND attribute_exists(answers)',
          ProjectionExpression: 'PK, GSI1SK',
          ExpressionAttributeValues: {
            ':pk': keys.responseStream(campaign.id, shard).GSI1PK,
            ':to': `${WITHDRAWN_PREFIX}${to}`,
            ...(lower === '' ? {} : { ':from': lower }),
          },
        }),
      ),
    );
    return [
      ...new Set(
        perShard
          .flat()
          .map((item) => this.toResponse(item))
          .filter((r) => (from === null || r.position >= from) && r.position < to)
          .map((r) => r.key),
      ),
    ];
  }

  async eraseLedgerLabels(responses: readonly { key: string; ledger: LedgerAnswers }[]): Promise<void> {
    await Promise.all(
      responses.map(({ key, ledger }) =>
        this.send((doc, sdk) =>
          doc.send(
            new sdk.UpdateCommand({
              TableName: this.table,
              Key: keys.responseByReceiptHash(key),
              UpdateExpression: 'SET ledger = :ledger',
              // A withdrawal's erasure got there first: nothing to put back.
              ConditionExpression: 'attribute_exists(answers)',
              ExpressionAttributeValues: { ':ledger': storable(ledger) },
            }),
          ),
        ).catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        }),
      ),
    );
  }

  async markLabelsErased(campaignId: string, at: string): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(
        new sdk.UpdateCommand({
          TableName: this.table,
          Key: keys.campaignById(campaignId),
          UpdateExpression: 'SET labelsErasedAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    ).catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }

  async readResponses(campaignId: string, shards: number, from: string | null): Promise<ResponseRecord[]> {
    const perShard = await Promise.all(
      Array.from({ length: shards }, (_, shard) => {
        const { GSI1PK } = keys.responseStream(campaignId, shard);
        // From `from` to the end of the shard: the arrivals after it and every withdrawal (filtered below).
        return this.queryAll({
          IndexName: 'GSI1',
          KeyConditionExpression: from === null ? 'GSI1PK = :pk' : 'GSI1PK = :pk AND GSI1SK >= :from',
          ExpressionAttributeValues: from === null ? { ':pk': GSI1PK } : { ':pk': GSI1PK, ':from': from },
        });
      }),
    );
    return latestByKey(perShard.flat().map((item) => this.toResponse(item))).filter(
      (r) => from === null || r.position >= from,
    );
  }

  async readStreamChunk(
    campaign: Pick<CampaignRecord, 'id' | 'shards' | 'streamLayout'>,
    from: string | null,
    to: string,
    limit: number,
  ): Promise<StreamChunk> {
    // Old layout: withdrawals sit among the arrivals, so one after `to` may belong to this stretch: read to the end.
    if (campaign.streamLayout !== STREAM_LAYOUT) {
      const items = await this.readResponses(campaign.id, campaign.shards, from);
      return { items, to };
    }
    // Arrivals end where the withdrawals begin (`~W#` sorts after every time).
    const upper = to < WITHDRAWN_PREFIX ? to : WITHDRAWN_PREFIX;
    const perShard = Math.max(1, Math.ceil(limit / campaign.shards));
    const fromPosition = from ?? '';
    const shards = await Promise.all(
      Array.from({ length: campaign.shards }, async (_, shard) => {
        const { GSI1PK } = keys.responseStream(campaign.id, shard);
        const arrivals: Item[] = [];
        let cut: string | null = null;
        let start: Record<string, unknown> | undefined;
        do {
          const out = await this.send((doc, sdk) =>
            doc.send(
              new sdk.QueryCommand({
                TableName: this.table,
                IndexName: 'GSI1',
                KeyConditionExpression:
                  from === null ? 'GSI1PK = :pk AND GSI1SK < :to' : 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
                ExpressionAttributeValues: { ':pk': GSI1PK, ':to': upper, ...(from === null ? {} : { ':from': from }) },
                ExclusiveStartKey: start,
                Limit: Math.min(1000, perShard + 1),
              }),
            ),
          );
          arrivals.push(...((out.Items as Item[] | undefined) ?? []));
          start = out.LastEvaluatedKey;
          // Past the limit, stop at the last position read after `from`: every arrival before it in this shard has
          // been read. A cut may fall inside an hour: stored times are whole hours (stored-time.ts), so one hour may
          // hold any number of arrivals, ordered within it by their receipt hash (the position's suffix).
          const last = arrivals.at(-1)?.GSI1SK as string | undefined;
          if (start && arrivals.length >= perShard && last !== undefined && last > fromPosition) cut = last;
        } while (start && cut === null);
        return { arrivals, cut };
      }),
    );
    const end = shards.reduce((min, s) => (s.cut !== null && s.cut < min ? s.cut : min), to);
    // Withdrawals last: one that moves while the arrivals are read is then seen at least once (and kept withdrawn).
    const withdrawals = await Promise.all(
      Array.from({ length: campaign.shards }, (_, shard) => {
        const { GSI1PK, GSI1SK } = keys.withdrawnStream(campaign.id, shard, from ?? '');
        return this.queryAll({
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :from',
          ExpressionAttributeValues: { ':pk': GSI1PK, ':from': GSI1SK },
        });
      }),
    );
    const items = [...shards.flatMap((s) => s.arrivals), ...withdrawals.flat()]
      .map((item) => this.toResponse(item))
      .filter((r) => r.withdrawnAt !== undefined || r.position < end);
    return { items: latestByKey(items), to: end };
  }

  // ---- drafts ---------------------------------------------------------------------------------------------------

  async deleteCampaignDrafts(campaignId: string): Promise<number> {
    const { GSI1PK } = keys.draftsOfCampaign(campaignId);
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': GSI1PK },
    });
    for (const item of items) await this.deleteDraft(String(item.GSI1SK));
    return items.length;
  }

  // ---- late answers --------------------------------------------------------------------------------------------

  async getLateAnswers(campaignId: string): Promise<Record<string, number> | null> {
    const item = await this.get(keys.lateAnswersOfCampaign(campaignId));
    return item ? (JSON.parse(item.cells as string) as Record<string, number>) : null;
  }

  async putLateAnswers(campaignId: string, cells: Record<string, number>): Promise<void> {
    // The cells as JSON text: their keys hold department names, which are no attribute names.
    await this.putNew({
      ...keys.lateAnswersOfCampaign(campaignId),
      entity: 'lateAnswers',
      v: VERSION,
      campaignId,
      cells: JSON.stringify(cells),
    });
  }

  // ---- snapshots -----------------------------------------------------------------------------------------------

  async getSnapshot(campaignId: string): Promise<SnapshotRecord | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const head = await this.get(keys.snapshotHead(campaignId));
      if (!head) return null;
      const version = head.version as number;
      const { PK, skPrefix } = keys.snapshotChunks(campaignId, version, head.writer as string);
      const chunks = await this.queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': PK, ':sk': skPrefix },
        ConsistentRead: true,
      });
      // A newer snapshot replaced this one and deleted its chunks while we read: read the head again.
      if (chunks.length !== head.chunks) continue;
      const body = Buffer.concat(chunks.map((c) => Buffer.from(c.body as Uint8Array)));
      return {
        campaignId,
        version,
        cursor: head.cursor as string,
        createdAt: head.createdAt as string,
        // Absent: nothing owed; null: everything before the cursor (a DynamoDB NULL).
        ...(head.eraseFrom === undefined ? {} : { eraseFrom: head.eraseFrom as string | null }),
        cells: JSON.parse((await zlib()).gunzipSync(body).toString('utf8')) as Record<string, GroupStats>,
      };
    }
    return null;
  }

  async putSnapshot(snapshot: SnapshotRecord, expectedVersion: number | null): Promise<boolean> {
    const { campaignId, version } = snapshot;
    const body = (await zlib()).gzipSync(JSON.stringify(snapshot.cells));
    const count = Math.max(1, Math.ceil(body.length / SNAPSHOT_CHUNK_BYTES));
    const writer = randomBytes(6).toString('hex');
    // Chunks of a new version never overwrite the current one's; the head flips to them in one conditional put.
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        this.send((doc, sdk) =>
          doc.send(
            new sdk.PutCommand({
              TableName: this.table,
              Item: {
                ...keys.snapshotChunk(campaignId, version, writer, i),
                entity: 'snapshotChunk',
                v: VERSION,
                body: body.subarray(i * SNAPSHOT_CHUNK_BYTES, (i + 1) * SNAPSHOT_CHUNK_BYTES),
              },
            }),
          ),
        ),
      ),
    );
    try {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.PutCommand({
            TableName: this.table,
            Item: {
              ...keys.snapshotHead(campaignId),
              entity: 'snapshot',
              v: VERSION,
              campaignId,
              version,
              cursor: snapshot.cursor,
              createdAt: snapshot.createdAt,
              chunks: count,
              writer,
              ...(snapshot.eraseFrom === undefined ? {} : { eraseFrom: snapshot.eraseFrom }),
            },
            ConditionExpression: expectedVersion === null ? 'attribute_not_exists(PK)' : 'version = :expected',
            ExpressionAttributeValues: expectedVersion === null ? undefined : { ':expected': expectedVersion },
          }),
        ),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await this.deleteSnapshotChunks(campaignId, version, writer);
      return false;
    }
    if (expectedVersion !== null) await this.deleteSnapshotChunks(campaignId, expectedVersion);
    return true;
  }

  async clearSnapshotErase(campaignId: string, version: number): Promise<void> {
    try {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: keys.snapshotHead(campaignId),
            UpdateExpression: 'REMOVE eraseFrom',
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': version },
          }),
        ),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  private async deleteSnapshotChunks(campaignId: string, version: number, writer?: string): Promise<void> {
    const { PK, skPrefix } = keys.snapshotChunks(campaignId, version, writer);
    const chunks = await this.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': skPrefix },
      ProjectionExpression: 'PK, SK',
    });
    await Promise.all(
      chunks.map((c) =>
        this.send((doc, sdk) =>
          doc.send(new sdk.DeleteCommand({ TableName: this.table, Key: { PK: c.PK as string, SK: c.SK as string } })),
        ),
      ),
    );
  }

  // ---- invites ------------------------------------------------------------------------------------------------

  async createInvite(invite: InviteRecord, link: SurveyLinkRecord): Promise<boolean> {
    // The link derives from the invite id: one already there is this very link, left by a run that crashed.
    await this.putSurveyLink(link).catch((error: unknown) => {
      if (!(error instanceof Error && error.message === 'survey link id collision')) throw error;
    });
    return this.putNew({
      ...keys.inviteById(invite.id),
      ...keys.invitesOfCampaign(invite.campaignId, invite.createdAt, invite.id),
      entity: 'invite',
      v: VERSION,
      ...invite,
    });
  }

  async listInvites(campaignId: string): Promise<InviteRecord[]> {
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.invitesOfCampaign(campaignId).GSI1PK },
    });
    return items.map((i) => strip<InviteRecord>(i));
  }

  async inviteCounts(campaignId: string): Promise<InviteCounts> {
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.invitesOfCampaign(campaignId).GSI1PK },
      // Only what the count needs: no addresses travel for a report.
      ProjectionExpression: 'usedAt, mailed',
    });
    return {
      sent: items.length,
      answered: items.filter((i) => i.usedAt !== undefined).length,
      handedOut: items.filter((i) => i.mailed !== true).length,
    };
  }

  async markReminded(id: string, at: string, notSince: string, invitedBefore: string): Promise<boolean> {
    return this.updateIf(
      keys.inviteById(id),
      'SET remindedAt = :at',
      'attribute_exists(email) AND attribute_not_exists(usedAt) AND attribute_not_exists(unsubscribedAt) AND ' +
        'createdAt <= :invitedBefore AND (attribute_not_exists(remindedAt) OR remindedAt < :since)',
      { ':at': at, ':since': notSince, ':invitedBefore': invitedBefore },
    );
  }

  async eraseInviteEmail(id: string): Promise<void> {
    let old: Item | undefined;
    try {
      const out = await this.send((doc, sdk) =>
        doc.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: keys.inviteById(id),
            UpdateExpression: 'REMOVE email, addressKey',
            ConditionExpression: 'attribute_exists(email) OR attribute_exists(addressKey)',
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      old = out.Attributes as Item | undefined;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return;
    }
    // The lock after the address: a crash in between leaves a keyed hash with no address, which the next erasure (the
    // job's, after the close) does not see; it names nobody without the campaign's key, and expires with the table.
    if (old?.addressKey) {
      await this.send((doc, sdk) =>
        doc.send(
          new sdk.DeleteCommand({
            TableName: this.table,
            Key: keys.inviteOfAddress(old.campaignId as string, old.addressKey as string),
          }),
        ),
      );
    }
  }

  async claimInviteAddress(campaignId: string, addressKey: string, inviteId: string, at: string): Promise<string> {
    const key = keys.inviteOfAddress(campaignId, addressKey);
    if (await this.putNew({ ...key, entity: 'inviteAddress', v: VERSION, campaignId, inviteId, createdAt: at })) {
      return inviteId;
    }
    const held = await this.get(key);
    if (!held) throw new Error('address lock vanished after a conflicting put');
    return held.inviteId as string;
  }

  async invitedAddresses(campaignId: string, addressKeys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(addressKeys)];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Key[]; ConsistentRead: boolean }> | undefined = {
        [this.table]: {
          Keys: unique.slice(i, i + 100).map((k) => keys.inviteOfAddress(campaignId, k)),
          ConsistentRead: true,
        },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.send((doc, sdk) => doc.send(new sdk.BatchGetCommand({ RequestItems: request })));
        for (const item of out.Responses?.[this.table] ?? []) {
          found.add((item.PK as string).slice(`INVITEADDR#${campaignId}#`.length));
        }
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  async claimInviteSending(id: string, now: Date, leaseMs: number): Promise<boolean> {
    return this.updateIf(
      keys.inviteById(id),
      'SET sendingAt = :now',
      'attribute_exists(email) AND attribute_not_exists(sentAt) AND ' +
        '(attribute_not_exists(sendingAt) OR sendingAt < :stale)',
      { ':now': now.toISOString(), ':stale': new Date(now.getTime() - leaseMs).toISOString() },
    );
  }

  async markInviteSent(id: string, at: string): Promise<void> {
    await this.updateIf(keys.inviteById(id), 'SET sentAt = :at REMOVE sendingAt', 'attribute_exists(PK)', {
      ':at': at,
    });
  }

  async reserveInvitations(
    campaignId: string,
    count: number,
    hour: string,
    limits: InvitationLimits,
  ): Promise<QuotaResult> {
    const key = keys.invitationQuota(campaignId);
    const names = { '#total': 'total', '#hour': 'hour', '#hourCount': 'hourCount' };
    if (count > limits.perHour) return { granted: false, limit: 'hour' };
    if (count > limits.total) return { granted: false, limit: 'total' };
    const values = { ':n': count, ':hour': hour, ':maxTotal': limits.total - count };
    // Two racing first reservations of an hour can both miss both branches: the loser tries again.
    for (let attempt = 0; attempt < 4; attempt++) {
      // The same hour as the last reservation: add to both counts.
      if (
        await this.updateIf(
          key,
          'ADD #total :n, #hourCount :n',
          '#hour = :hour AND #hourCount <= :maxHour AND #total <= :maxTotal',
          { ...values, ':maxHour': limits.perHour - count },
          names,
        )
      ) {
        return { granted: true };
      }
      // A new hour (or the first reservation): the hour's count starts again.
      if (
        await this.updateIf(
          key,
          'SET #hour = :hour, #hourCount = :n, #entity = :entity, #v = :v ADD #total :n',
          '(attribute_not_exists(#hour) OR #hour < :hour) AND (attribute_not_exists(#total) OR #total <= :maxTotal)',
          { ...values, ':entity': 'invitationQuota', ':v': VERSION },
          { ...names, '#entity': 'entity', '#v': 'v' },
        )
      ) {
        return { granted: true };
      }
      const item = await this.get(key);
      const total = (item?.total as number | undefined) ?? 0;
      if (total + count > limits.total) return { granted: false, limit: 'total' };
      const hourCount = item?.hour === hour ? ((item.hourCount as number | undefined) ?? 0) : 0;
      if (hourCount + count > limits.perHour) return { granted: false, limit: 'hour' };
    }
    throw new Error('invitation quota: too much contention');
  }

  async refundInvitations(campaignId: string, count: number, hour: string): Promise<void> {
    if (count <= 0) return;
    const key = keys.invitationQuota(campaignId);
    const names = { '#total': 'total', '#hour': 'hour', '#hourCount': 'hourCount' };
    const same = await this.updateIf(
      key,
      'ADD #total :neg, #hourCount :neg',
      '#hour = :hour',
      {
        ':neg': -count,
        ':hour': hour,
      },
      names,
    );
    if (!same) {
      await this.updateIf(
        key,
        'ADD #total :neg',
        'attribute_exists(#total)',
        { ':neg': -count },
        { '#total': 'total' },
      );
    }
  }

  // ---- contacts and due work -----------------------------------------------------------------------------------

  async putContacts(orgId: string, contacts: readonly ContactRecord[], at: string): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(
        new sdk.PutCommand({
          TableName: this.table,
          Item: { ...keys.contactsOfOrg(orgId), entity: 'contacts', v: VERSION, orgId, contacts, updatedAt: at },
        }),
      ),
    );
  }

  async getContacts(orgId: string): Promise<ContactRecord[]> {
    const item = await this.get(keys.contactsOfOrg(orgId));
    return (item?.contacts as ContactRecord[] | undefined) ?? [];
  }

  async putDue(due: DueRecord): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(
        new sdk.PutCommand({
          TableName: this.table,
          Item: { ...keys.due(due.dueAt, due.campaignId, due.kind), entity: 'due', v: VERSION, ...due },
        }),
      ),
    );
  }

  async listDue(now: Date, limit: number): Promise<DueRecord[]> {
    const { PK, skMax } = keys.dueBefore(now.toISOString());
    const out = await this.send((doc, sdk) =>
      doc.send(
        new sdk.QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND SK <= :max',
          ExpressionAttributeValues: { ':pk': PK, ':max': skMax },
          ConsistentRead: true,
          Limit: limit,
        }),
      ),
    );
    return ((out.Items as Item[] | undefined) ?? []).map((i) => strip<DueRecord>(i));
  }

  async deleteDue(due: DueRecord): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(new sdk.DeleteCommand({ TableName: this.table, Key: keys.due(due.dueAt, due.campaignId, due.kind) })),
    );
  }

  // ---- leadership view -----------------------------------------------------------------------------------------

  async putLeadership(record: LeadershipRecord): Promise<void> {
    await this.send((doc, sdk) =>
      doc.send(
        new sdk.PutCommand({
          TableName: this.table,
          Item: { ...keys.leadershipOfCampaign(record.campaignId), entity: 'leadership', v: VERSION, ...record },
        }),
      ),
    );
  }

  async getLeadership(campaignId: string): Promise<LeadershipRecord | null> {
    const item = await this.get(keys.leadershipOfCampaign(campaignId));
    return item ? strip<LeadershipRecord>(item) : null;
  }

  // ---- metadata ------------------------------------------------------------------------------------------------

  async getMeta(name: string): Promise<Record<string, unknown> | null> {
    const item = await this.get(keys.meta(name));
    return item ? strip<Record<string, unknown>>(item) : null;
  }

  async putMeta(name: string, value: Record<string, unknown>): Promise<boolean> {
    return this.putNew({ ...keys.meta(name), entity: 'meta', v: VERSION, ...value });
  }

  // ---- operating account (dynamo-account.ts) ---------------------------------------------------------------------

  private accountStore?: AccountStore;
  private account(): AccountStore {
    this.accountStore ??= dynamoAccountStore((command) => this.send(command), this.table, storable);
    return this.accountStore;
  }
  createAccountItem<T>(item: AccountItemRecord<T>, change: ChangeRecord) {
    return this.account().createAccountItem(item, change);
  }
  updateAccountItem<T>(
    item: AccountItemRecord<T>,
    change: ChangeRecord,
    expected: { version: number; changeId: string },
  ) {
    return this.account().updateAccountItem(item, change, expected);
  }
  getAccountItem<T>(orgId: string, kind: AccountKind, id: string) {
    return this.account().getAccountItem<T>(orgId, kind, id);
  }
  listAccountItems<T>(orgId: string, kind: AccountKind) {
    return this.account().listAccountItems<T>(orgId, kind);
  }
  listAccountChanges(orgId: string, kind: AccountKind, id: string) {
    return this.account().listAccountChanges(orgId, kind, id);
  }
  listAccountChangesOfKind(orgId: string, kind: AccountKind) {
    return this.account().listAccountChangesOfKind(orgId, kind);
  }
}
