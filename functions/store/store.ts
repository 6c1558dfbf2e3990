import type { LANGUAGES, Level } from '../../shared/instrument';
import type { OrgProfile } from '../../shared/profile';
import type { Answers, SurveyResponse } from '../../shared/response';
import type { GroupStats } from '../../shared/scoring';

// The storage port: what the API needs from persistence, in domain words. `dynamo-store.ts` is the adapter.

export type Role = 'admin' | 'consultant' | 'executive';

/** A bearer token. Only its SHA-256 hash is stored; `id` is a prefix of that hash, so a lookup is one GetItem. */
export interface TokenRecord {
  id: string;
  /** SHA-256 of the token, hex. */
  hash: string;
  role: Role;
  orgIds: string[];
  /** Subject (token id, or "admin") that created it: a consultant may revoke only its own. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export interface OrgRecord {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

export interface CampaignRecord {
  id: string;
  orgId: string;
  name: string;
  departments: string[];
  minGroupSize: number;
  closesAt: string | null;
  /** Set when the campaign was closed by hand (issue 7); `closesAt` closes it by the clock. */
  closedAt: string | null;
  languages: (typeof LANGUAGES)[number][];
  instrument: { id: string; version: string };
  createdAt: string;
  createdBy: string;
  /** Number of response partitions; fixed for the life of the campaign so every reader queries the same ones. */
  shards: number;
  /** Secret of the campaign that derives receipts from response ids (HMAC); never leaves the server. */
  receiptKey: string;
  /** Id of the open survey link (the hash prefix of its token; the token itself is not stored). */
  surveyLinkId: string;
}

/** A survey link token resolves to its campaign; invites (issue 7) add their id. */
export interface SurveyLinkRecord {
  id: string;
  hash: string;
  campaignId: string;
  inviteId?: string;
  createdAt: string;
  /** ISO time after which the link no longer works (invites); absent for the open link. */
  expiresAt?: string;
}

/**
 * One stored response. `key` is the SHA-256 of its receipt, which is itself derived from the client's response id,
 * so the first write is one conditional put. Answers, segment and duration are erased once a withdrawn response no
 * longer counts in any stored snapshot.
 */
export interface ResponseRecord {
  key: string;
  campaignId: string;
  shard: number;
  /** Position in the campaign's response stream: receivedAt (or withdrawnAt once withdrawn) plus a suffix. */
  position: string;
  receivedAt: string;
  withdrawnAt?: string;
  contentHash?: string;
  answers?: Answers;
  level?: Level;
  department?: string | null;
  durationS?: number;
}

export interface LeadershipRecord {
  campaignId: string;
  respondents: SurveyResponse[];
  updatedAt: string;
  updatedBy: string;
}

/** Folded statistics per segment cell of everything in the response stream before `cursor`. */
export interface SnapshotRecord {
  campaignId: string;
  version: number;
  cursor: string;
  cells: Record<string, GroupStats>;
  createdAt: string;
}

export type PutResponseResult = { created: true } | { created: false; existing: ResponseRecord };

export interface Store {
  putToken(token: TokenRecord): Promise<void>;
  /** The token, or null when unknown or expired at `now`. */
  getToken(id: string, now: Date): Promise<TokenRecord | null>;
  /** Marks the token revoked; false when it does not exist. */
  revokeToken(id: string, at: string): Promise<boolean>;

  /** Adds an organisation to a subject's portfolio (a consultant's own organisations). */
  grantOrg(subject: string, orgId: string, at: string): Promise<void>;
  hasGrant(subject: string, orgId: string): Promise<boolean>;
  grantedOrgIds(subject: string): Promise<string[]>;

  createOrg(org: OrgRecord): Promise<void>;
  getOrg(id: string): Promise<OrgRecord | null>;
  getOrgs(ids: readonly string[]): Promise<OrgRecord[]>;
  listOrgs(): Promise<OrgRecord[]>;
  putProfile(orgId: string, profile: OrgProfile, at: string): Promise<void>;
  getProfile(orgId: string): Promise<OrgProfile | null>;

  /** Writes the survey link first and then the campaign, so a crash leaves at most a link to nothing. */
  createCampaign(campaign: CampaignRecord, link: SurveyLinkRecord): Promise<void>;
  getCampaign(id: string): Promise<CampaignRecord | null>;
  listCampaigns(orgId: string): Promise<CampaignRecord[]>;
  putSurveyLink(link: SurveyLinkRecord): Promise<void>;
  getSurveyLink(id: string, now: Date): Promise<SurveyLinkRecord | null>;

  /** One conditional put; when the key exists, the stored response comes back for the caller to compare. */
  putResponse(response: ResponseRecord): Promise<PutResponseResult>;
  getResponse(key: string): Promise<ResponseRecord | null>;
  /** Marks the response withdrawn and moves it to `position` in the stream; null when absent or already withdrawn. */
  withdrawResponse(key: string, withdrawnAt: string, position: string): Promise<ResponseRecord | null>;
  /** Erases answers, segment, duration and content hash of withdrawn responses. */
  eraseWithdrawn(keys: readonly string[]): Promise<void>;
  /** Every response of the campaign whose position is at or after `from` (all when null), over all shards. */
  readResponses(campaignId: string, shards: number, from: string | null): Promise<ResponseRecord[]>;

  getSnapshot(campaignId: string): Promise<SnapshotRecord | null>;
  /** Stores the snapshot if the stored version is still `expectedVersion` (null: none yet); false when it lost. */
  putSnapshot(snapshot: SnapshotRecord, expectedVersion: number | null): Promise<boolean>;

  putLeadership(record: LeadershipRecord): Promise<void>;
  getLeadership(campaignId: string): Promise<LeadershipRecord | null>;

  /** A marker that the local demo was seeded. */
  getMeta(name: string): Promise<Record<string, unknown> | null>;
  putMeta(name: string, value: Record<string, unknown>): Promise<boolean>;
}
