import type { LANGUAGES, Level } from '../../shared/instrument';
import type { CampaignLedgerSettings, LedgerAnswers } from '../../shared/ledger';
import type { OrgProfile } from '../../shared/profile';
import type { Answers, SurveyResponse } from '../../shared/response';
import type { GroupStats } from '../../shared/scoring';
import type { AuthStore } from './auth-store';

// The storage port: what the API needs from persistence, in domain words. `dynamo-store.ts` is the adapter.

/** `viewer`: read-only, one campaign's report (the close e-mail's link, or an API key scoped so). */
export type Role = 'admin' | 'consultant' | 'executive' | 'viewer';

/**
 * An API key (bearer token). Only its SHA-256 hash is stored; `id` is a prefix of that hash, so a lookup is one
 * GetItem.
 */
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
  /** What it is for, shown in the keys list. */
  label?: string;
  /** Only this campaign (its organisation is then the only one in `orgIds`). */
  campaignId?: string;
  /** Refused on every route that changes something. */
  readOnly?: boolean;
  /** A person's own key: it acts as that user (same portfolio) and dies when the user is revoked. */
  userId?: string;
  /** The UTC day it was last used: coarse on purpose. */
  lastUsedOn?: string;
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
  /**
   * When the campaign closed: set by `POST .../close`, or by the lifecycle job to `closesAt` once that passed. Reads
   * treat a passed `closesAt` as closed whether or not the job has run yet.
   */
  closedAt: string | null;
  languages: (typeof LANGUAGES)[number][];
  instrument: { id: string; version: string };
  createdAt: string;
  createdBy: string;
  /** Number of response partitions; fixed for the life of the campaign so every reader queries the same ones. */
  shards: number;
  /** Secret of the campaign that derives receipts from response ids (HMAC); never leaves the server. */
  receiptKey: string;
  /** Id of the open survey link (the hash prefix of its token; the token itself is not stored); null without one. */
  surveyLinkId: string | null;
  /** Whether the open survey link takes answers; false: invitations only. Absent on older campaigns: true. */
  openLink?: boolean;
  /** When reminders go to invitees who have not answered (ISO times, ascending). */
  remindAt?: string[];
  /** Set once the report links went to the organisation's executive contacts. */
  reportSentAt?: string;
  /** The ledger step's own category lists and label setting (instrument 2026.2 on); absent: the defaults, no labels. */
  ledger?: CampaignLedgerSettings;
  /** Set once the ledger's free-text labels were erased from every response and snapshot (labels expire). */
  labelsErasedAt?: string;
}

/**
 * An invitation: a single-use survey link, and for an emailed one the address to send it and its reminders to.
 * Never joined to a response: the response does not know its invite, and the invite records only that it was used.
 */
export interface InviteRecord {
  /** Random, not secret (it is in the unsubscribe link); the survey and unsubscribe tokens derive from it. */
  id: string;
  campaignId: string;
  createdAt: string;
  /** Only to send the invitation and reminders: erased on unsubscribe and when the campaign closes. */
  email?: string;
  /**
   * The UTC day the link answered, not the time: a time could be lined up with a response's `receivedAt` by anyone
   * who reads the table.
   */
  usedAt?: string;
  /**
   * While an answer through this invite is being written: a keyed hash of its response id (not linkable to the stored
   * response without the response id, which is nowhere stored). Removed once the response is written; a crash in
   * between leaves it so the same submission's retry can finish.
   */
  claim?: string;
  remindedAt?: string;
  unsubscribedAt?: string;
}

/** Someone at the organisation who receives the report link when a campaign closes (knowingly not anonymous). */
export interface ContactRecord {
  name: string;
  email: string;
  language?: (typeof LANGUAGES)[number];
}

/** Work the lifecycle job does at a time: close a campaign (and deliver its report), or send its reminders. */
export interface DueRecord {
  dueAt: string;
  campaignId: string;
  /** `expire_labels`: the ledger's free-text labels are past their keeping time and are erased. */
  kind: 'close' | 'remind' | 'expire_labels';
}

export type ClaimResult = 'claimed' | 'used' | 'missing';

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
  /** The ledger step's entries, labels already cleaned; erased with the answers. */
  ledger?: LedgerAnswers;
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
  /** Users, sign-in codes, sessions, API key lists and report viewer links (`auth-store.ts`). */
  readonly auth: AuthStore;

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

  /**
   * Writes the survey link (when the campaign has an open one) and the due items first, then the campaign, so a crash
   * leaves at most a link or a due item pointing at nothing (the lifecycle job drops such items).
   */
  createCampaign(campaign: CampaignRecord, link: SurveyLinkRecord | null, due?: readonly DueRecord[]): Promise<void>;
  /** Sets `closedAt` unless it is set; false when the campaign was already closed (or does not exist). */
  closeCampaign(id: string, closedAt: string): Promise<boolean>;
  /**
   * Takes the right to deliver the report: true unless it was delivered, or another run took it less than `leaseMs`
   * ago (a run that crashed mid-way is taken over after the lease).
   */
  claimReportDelivery(id: string, now: Date, leaseMs: number): Promise<boolean>;
  markReportSent(id: string, at: string): Promise<void>;
  getCampaign(id: string): Promise<CampaignRecord | null>;
  listCampaigns(orgId: string): Promise<CampaignRecord[]>;
  putSurveyLink(link: SurveyLinkRecord): Promise<void>;
  getSurveyLink(id: string, now: Date): Promise<SurveyLinkRecord | null>;

  /** One conditional put; when the key exists, the stored response comes back for the caller to compare. */
  putResponse(response: ResponseRecord): Promise<PutResponseResult>;
  getResponse(key: string): Promise<ResponseRecord | null>;
  /** Marks the response withdrawn and moves it to `position` in the stream; null when absent or already withdrawn. */
  withdrawResponse(key: string, withdrawnAt: string, position: string): Promise<ResponseRecord | null>;
  /** Erases answers, segment, duration, ledger and content hash of withdrawn responses. */
  eraseWithdrawn(keys: readonly string[]): Promise<void>;
  /**
   * Replaces each response's ledger with the same entries without labels, unless its answers were erased meanwhile
   * (a withdrawal): labels expire before the rest (lifecycle `expireLabels`).
   */
  eraseLedgerLabels(responses: readonly { key: string; ledger: LedgerAnswers }[]): Promise<void>;
  /** Records that a campaign's labels are erased. */
  markLabelsErased(campaignId: string, at: string): Promise<void>;
  /** Every response of the campaign whose position is at or after `from` (all when null), over all shards. */
  readResponses(campaignId: string, shards: number, from: string | null): Promise<ResponseRecord[]>;

  getSnapshot(campaignId: string): Promise<SnapshotRecord | null>;
  /** Stores the snapshot if the stored version is still `expectedVersion` (null: none yet); false when it lost. */
  putSnapshot(snapshot: SnapshotRecord, expectedVersion: number | null): Promise<boolean>;

  /** Writes the invite's survey link first, then the invite (a crash leaves at most a link that resolves to nothing). */
  createInvite(invite: InviteRecord, link: SurveyLinkRecord): Promise<void>;
  getInvite(id: string): Promise<InviteRecord | null>;
  /** Every invite of the campaign (for reminders and duplicate addresses); eventually consistent. */
  listInvites(campaignId: string): Promise<InviteRecord[]>;
  /** Invites sent and invites whose link answered: the response rate's numerator and denominator. */
  inviteCounts(campaignId: string): Promise<{ sent: number; answered: number }>;
  /** Marks the invite used under `claim`; 'used' when it was used already under another claim (or finished). */
  claimInvite(id: string, claim: string, usedAt: string): Promise<ClaimResult>;
  /** The response was written: drop the claim, keep `usedAt`. */
  finishInviteClaim(id: string, claim: string): Promise<void>;
  /** The response could not be written (a conflict): the invite is unused again. */
  releaseInviteClaim(id: string, claim: string): Promise<void>;
  /**
   * Marks a reminder sent if the invite still has an address, is unused, not unsubscribed and was not reminded after
   * `notSince`; false otherwise. Checked and written in one conditional update, so an answer that lands before the
   * reminder stops it.
   */
  markReminded(id: string, at: string, notSince: string): Promise<boolean>;
  /** Drops the address: no more reminders. False when the invite does not exist. */
  unsubscribeInvite(id: string, at: string): Promise<boolean>;
  /** Drops the address once it is no longer needed (the campaign closed). */
  eraseInviteEmail(id: string): Promise<void>;

  putContacts(orgId: string, contacts: readonly ContactRecord[], at: string): Promise<void>;
  getContacts(orgId: string): Promise<ContactRecord[]>;

  putDue(due: DueRecord): Promise<void>;
  /** Due items at or before `now`, oldest first, at most `limit`. */
  listDue(now: Date, limit: number): Promise<DueRecord[]>;
  deleteDue(due: DueRecord): Promise<void>;

  putLeadership(record: LeadershipRecord): Promise<void>;
  getLeadership(campaignId: string): Promise<LeadershipRecord | null>;

  /** A marker that the local demo was seeded. */
  getMeta(name: string): Promise<Record<string, unknown> | null>;
  putMeta(name: string, value: Record<string, unknown>): Promise<boolean>;
}
