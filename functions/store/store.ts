import type { LANGUAGES, Level } from '../../shared/instrument';
import type { CampaignLedgerSettings, LedgerAnswers } from '../../shared/ledger';
import type { OrgProfile } from '../../shared/profile';
import type { Answers, SurveyResponse } from '../../shared/response';
import type { GroupStats } from '../../shared/scoring';
import type { AccountStore } from './account-store';
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
  /** When it was archived: kept, listed as archived, left out of the portfolio at a glance. Absent: not archived. */
  archivedAt?: string;
}

/** What a PATCH may change on an organisation; `archivedAt: null` takes it out of the archive. */
export interface OrgChanges {
  name?: string;
  archivedAt?: string | null;
}

/** What a PATCH may change on a campaign (departments only while nothing is stored for it: routes/campaigns.ts). */
export interface CampaignChanges {
  name?: string;
  archivedAt?: string | null;
  departments?: string[];
}

/** The settings a PATCH may change only while the campaign is open (routes/campaign-settings.ts). */
export interface CampaignSettingsChanges extends CampaignChanges {
  closesAt?: string | null;
  languages?: CampaignRecord['languages'];
  openLink?: boolean;
  surveyLinkId?: string | null;
  hadOpenLink?: boolean;
  remindAt?: string[];
}

/**
 * What a settings change was decided on: the campaign's `settingsRev` as read (the write is refused if another change
 * landed since), and the clock (refused once a close was asked for, recorded, or its close date passed).
 */
export interface SettingsGuard {
  settingsRev: number;
  now: string;
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
  /**
   * When a close was asked for (set before `closedAt`): from then on no answer, withdrawal or invitation starts. The
   * close itself takes effect a grace later (lifecycle/answer-window.ts), so answers already under way are counted.
   */
  closingAt?: string;
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
  /**
   * Set when an open link was turned off: answers may have come through it, so its report cannot say that only
   * mailed invitations protect its small groups (shared/privacy/padding.ts).
   */
  hadOpenLink?: boolean;
  /** Bumped by every settings change (close date, reminders, languages, open link): the next change's guard. */
  settingsRev?: number;
  /**
   * Set by the store when it creates the campaign: the layout of its response stream (keys.ts `STREAM_LAYOUT`).
   * Absent on campaigns made before withdrawals had their own run in the stream: those are always read whole.
   */
  streamLayout?: number;
  /** When reminders go to invitees who have not answered (ISO times, ascending). */
  remindAt?: string[];
  /** Set once the report links went to the organisation's executive contacts. */
  reportSentAt?: string;
  /** The ledger step's own category lists and label setting (instrument 2026.2 on); absent: the defaults, no labels. */
  ledger?: CampaignLedgerSettings;
  /** Set once the ledger's free-text labels were erased from every response and snapshot (labels expire). */
  labelsErasedAt?: string;
  /** When it was archived (only a closed campaign can be): kept and reported, listed as archived. */
  archivedAt?: string;
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
  /** Keyed hash of the normalised address (its `inviteOfAddress` lock): erased with the address. */
  addressKey?: string;
  /** Mailed to an address (not a link handed out as a batch): kept after the address is erased. */
  mailed?: boolean;
  /** When the invitation mail went out; absent: a retry of the request (or the job) still sends it. */
  sentAt?: string;
  /** A sender's claim while it mails the invitation; a claim older than the lease is taken over. */
  sendingAt?: string;
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
  /** The language the invitation was mailed in (absent on invites from before it was recorded, and on batch links). */
  language?: (typeof LANGUAGES)[number];
}

/** Someone at the organisation who receives the report link when a campaign closes (knowingly not anonymous). */
export interface ContactRecord {
  name: string;
  email: string;
  language?: (typeof LANGUAGES)[number];
}

/**
 * Work the lifecycle job does at a time: close a campaign (and deliver its report), send its reminders, or fold its
 * new responses into the report snapshot (reports/fold-job.ts).
 */
export interface DueRecord {
  dueAt: string;
  campaignId: string;
  /**
   * `erase`: erase the addresses again once every write that raced the close has landed and shows in the index;
   * `fold`: bring the report snapshot up to date (reports/fold-job.ts); `expire_labels`: the ledger's free-text labels
   * are past their keeping time and are erased. `scheduled_close`: the close date may have come; the campaign's
   * current `closesAt` decides (it may have moved since), where `close` closes whatever the date (a close asked for,
   * and the close dates of campaigns made before close dates could move).
   */
  kind: 'close' | 'scheduled_close' | 'remind' | 'erase' | 'fold' | 'expire_labels';
}

export type ClaimResult = 'claimed' | 'used' | 'missing';

export interface InviteCounts {
  sent: number;
  answered: number;
  handedOut: number;
}

/** The invitation limits of a campaign: in all, and per clock hour. */
export interface InvitationLimits {
  total: number;
  perHour: number;
}

/** A reservation of invitations: granted, or which limit refused it. */
export type QuotaResult = { granted: true } | { granted: false; limit: 'total' | 'hour' };

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
 * so the first write is one conditional put. Answers, segment and speeding flag are erased once a withdrawn response
 * no longer counts in any stored snapshot. Its times are whole hours (stored-time.ts); items stored before that may
 * hold finer times and an exact `durationS`, and read as before.
 */
export interface ResponseRecord {
  key: string;
  campaignId: string;
  shard: number;
  /** Position in the campaign's response stream: receivedAt (or withdrawnAt once withdrawn) plus a suffix. */
  position: string;
  /** The hour it was received (stored-time.ts). */
  receivedAt: string;
  /** The hour it was withdrawn. */
  withdrawnAt?: string;
  contentHash?: string;
  answers?: Answers;
  level?: Level;
  department?: string | null;
  /** Too fast to have read the items (METHOD.md §3.5), decided at submission; absent otherwise. */
  tooFast?: true;
  /** The exact duration, on responses stored before only the flag was kept; never written now. */
  durationS?: number;
  /** The ledger step's entries, labels already cleaned; erased with the answers. */
  ledger?: LedgerAnswers;
}

/**
 * Answers so far, saved to resume on another device (issue 16): keyed by the hash of a random code only the
 * respondent holds, never counted, never in a report or export, deleted on submission and at the close.
 */
export interface DraftRecord {
  codeHash: string;
  campaignId: string;
  /** The client's response id, so that the answers sent from either device are one response. */
  responseId?: string;
  answers: Answers;
  level?: Level;
  department?: string;
  /** The hour after which the code no longer works (7 days, or the campaign's close if sooner). */
  expiresAt: string;
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
  /**
   * The erase its fold still owes: the withdrawals at stream positions in [eraseFrom, cursor) (null: before cursor)
   * may still hold answers. Stored with the snapshot and cleared once they are erased, so a fold that stops in
   * between leaves the work to the next (campaign-stats.ts `finishErase`).
   */
  eraseFrom?: string | null;
}

export interface StreamChunk {
  items: ResponseRecord[];
  /** The end of the stretch actually read: `to`, or lower when more than `limit` arrivals lay before it. */
  to: string;
}

export type PutResponseResult = { created: true } | { created: false; existing: ResponseRecord };

/**
 * What the respondent's path (the survey page, submissions, withdrawals, drafts, unsubscribing) calls, and all the
 * respondent Lambda's store implements (dynamo-respondent.ts).
 */
export type RespondentStore = Pick<
  Store,
  | 'getSurveyLink'
  | 'getCampaign'
  | 'getInvite'
  | 'claimInvite'
  | 'finishInviteClaim'
  | 'releaseInviteClaim'
  | 'unsubscribeInvite'
  | 'putResponse'
  | 'getResponse'
  | 'withdrawResponse'
  | 'putDraft'
  | 'getDraft'
  | 'deleteDraft'
>;

/** The operating account's methods are declared in `account-store.ts`. */
export interface Store extends AccountStore {
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
  /** Applies the changes; null when the organisation does not exist. */
  updateOrg(id: string, changes: OrgChanges): Promise<OrgRecord | null>;
  /**
   * Deletes the organisation's profile, contacts, contact log, operating account, review due marker and the grants of
   * `grantSubjects`, then the organisation itself: a crash in between leaves the organisation, so the same delete can
   * finish the job.
   */
  deleteOrg(org: OrgRecord, grantSubjects: readonly string[]): Promise<void>;
  putProfile(orgId: string, profile: OrgProfile, at: string): Promise<void>;
  getProfile(orgId: string): Promise<OrgProfile | null>;

  /**
   * Writes the survey link (when the campaign has an open one) and the due items first, then the campaign, so a crash
   * leaves at most a link or a due item pointing at nothing (the lifecycle job drops such items).
   */
  createCampaign(campaign: CampaignRecord, link: SurveyLinkRecord | null, due?: readonly DueRecord[]): Promise<void>;
  /** Records that a close was asked for (`closingAt`, kept if set); false when the campaign does not exist. */
  markClosing(id: string, at: string): Promise<boolean>;
  /** Sets `closedAt` unless it is set; false when the campaign was already closed (or does not exist). */
  closeCampaign(id: string, closedAt: string): Promise<boolean>;
  /** Every contact has the report: the campaign says so. */
  markReportSent(id: string, at: string): Promise<void>;
  /**
   * Takes the right to mail the report to one contact (by a hash of the address): refused when it went out, or
   * another run claimed it less than `leaseMs` ago. `previousLink` is the link a run that died after making it left
   * (it may have been mailed): revoke it before sending another, so a contact never holds two working links.
   */
  /**
   * Takes the right to send one contact the review reminder of one period (the day the review fell due): refused when
   * it went out, or another run claimed it less than `leaseMs` ago (one conditional write).
   */
  claimReviewReminder(orgId: string, period: string, contactKey: string, now: Date, leaseMs: number): Promise<boolean>;
  markReviewReminderSent(orgId: string, period: string, contactKey: string, at: string): Promise<void>;
  /** The contact has the reminder of the period (a refused claim is either this or another run sending it now). */
  reviewReminderSent(orgId: string, period: string, contactKey: string): Promise<boolean>;
  /**
   * Puts the organisation's review due marker under `day`, and takes away the one its pointer named before (the new
   * one first: a crash in between leaves one marker too many, which the job drops when it finds the review not due).
   */
  putReviewDue(orgId: string, day: string): Promise<void>;
  /** The day the organisation's pointer names (its marker may be gone: the reminder of that period went out). */
  getReviewDue(orgId: string): Promise<string | null>;
  /** Markers under days up to and including `day`, oldest first, at most `limit`. */
  listReviewsDue(day: string, limit: number): Promise<{ orgId: string; day: string }[]>;
  /** Takes one marker away (the pointer stays: it still says when the review was due). */
  deleteReviewDueMarker(orgId: string, day: string): Promise<void>;
  /**
   * Takes the right to sweep every organisation's account (the safety net under the markers): refused when a sweep
   * began less than `everyMs` ago (one conditional write).
   */
  claimReviewSweep(now: Date, everyMs: number): Promise<boolean>;
  claimReportContact(
    campaignId: string,
    contactKey: string,
    now: Date,
    leaseMs: number,
  ): Promise<{ claimed: boolean; previousLink?: string }>;
  /** The link made for the contact (its token id), recorded before it is mailed. */
  recordReportContactLink(campaignId: string, contactKey: string, linkId: string): Promise<void>;
  markReportContactSent(campaignId: string, contactKey: string, at: string): Promise<void>;
  reportContactSent(campaignId: string, contactKey: string): Promise<boolean>;
  getCampaign(id: string): Promise<CampaignRecord | null>;
  listCampaigns(orgId: string): Promise<CampaignRecord[]>;
  /** Applies the changes; null when the campaign does not exist. */
  updateCampaign(id: string, changes: CampaignChanges): Promise<CampaignRecord | null>;
  /**
   * Applies settings changes and bumps `settingsRev`, in one update conditional on the guard: no close asked for or
   * recorded, the close date (if any) after `guard.now`, and `settingsRev` as read. Null when the condition failed
   * (or the campaign does not exist): the caller reads it again to say why.
   */
  updateCampaignSettings(
    id: string,
    changes: CampaignSettingsChanges,
    guard: SettingsGuard,
  ): Promise<CampaignRecord | null>;
  /** Whether any response (an answer, an imported row, a withdrawn one) is stored for the campaign: one read per shard. */
  hasResponses(campaign: Pick<CampaignRecord, 'id' | 'shards'>): Promise<boolean>;
  /**
   * Deletes everything stored for a campaign with no responses: its survey links (`surveyLinkIds`: the open one and
   * every invite's; and every link item stored for the campaign, also one a crash left that the campaign never
   * named), invites and their address locks, viewer links, due work (close, reminders, folds), snapshot,
   * leadership view, report delivery markers and quota, then the campaign itself, last, so a crash leaves a campaign
   * the same delete can finish.
   */
  deleteCampaign(campaign: CampaignRecord, surveyLinkIds: readonly string[]): Promise<void>;
  putSurveyLink(link: SurveyLinkRecord): Promise<void>;
  getSurveyLink(id: string, now: Date): Promise<SurveyLinkRecord | null>;
  deleteSurveyLink(id: string): Promise<void>;

  /** Stores a draft under a new code hash (false when the hash exists: draw another code). */
  putDraft(draft: DraftRecord): Promise<boolean>;
  /** The draft, or null when unknown or expired at `now`. */
  getDraft(codeHash: string, now: Date): Promise<DraftRecord | null>;
  deleteDraft(codeHash: string): Promise<void>;
  /** Deletes every draft of the campaign (at its close); returns how many. */
  deleteCampaignDrafts(campaignId: string): Promise<number>;

  /** One conditional put; when the key exists, the stored response comes back for the caller to compare. */
  putResponse(response: ResponseRecord): Promise<PutResponseResult>;
  getResponse(key: string): Promise<ResponseRecord | null>;
  /** Marks the response withdrawn and moves it to `position` in the stream; null when absent or already withdrawn. */
  withdrawResponse(key: string, withdrawnAt: string, position: string): Promise<ResponseRecord | null>;
  /** Erases answers, segment, speeding flag (or duration), ledger and content hash of withdrawn responses. */
  eraseWithdrawn(keys: readonly string[]): Promise<void>;
  /** Keys of the withdrawn responses at stream positions in [from, to) (null: before `to`) that still hold answers. */
  withdrawnHoldingAnswers(
    campaign: Pick<CampaignRecord, 'id' | 'shards' | 'streamLayout'>,
    from: string | null,
    to: string,
  ): Promise<string[]>;
  /**
   * Replaces each response's ledger with the same entries without labels, unless its answers were erased meanwhile
   * (a withdrawal): labels expire before the rest (lifecycle `expireLabels`).
   */
  eraseLedgerLabels(responses: readonly { key: string; ledger: LedgerAnswers }[]): Promise<void>;
  /** Records that a campaign's labels are erased. */
  markLabelsErased(campaignId: string, at: string): Promise<void>;
  /** Every response of the campaign whose position is at or after `from` (all when null), over all shards. */
  readResponses(campaignId: string, shards: number, from: string | null): Promise<ResponseRecord[]>;
  /**
   * A bounded stretch of the stream for a fold: the responses received at positions in [from, to), and every
   * withdrawal at or after `from` (whatever its response's arrival). About `limit` arrivals at most: when there are
   * more, `to` comes back lower, at a stream position (a cursor: every arrival before it is in `items`), which may
   * fall inside an hour (campaign-stats.ts `inSnapshot`). The withdrawals are not bounded (each is one respondent's
   * own). A campaign without `streamLayout` is read to the end, as its old withdrawals sit among the arrivals.
   */
  readStreamChunk(
    campaign: Pick<CampaignRecord, 'id' | 'shards' | 'streamLayout'>,
    from: string | null,
    to: string,
    limit: number,
  ): Promise<StreamChunk>;

  /** Counted answers per segment cell received in the final window before the close (reports/late-answers.ts). */
  getLateAnswers(campaignId: string): Promise<Record<string, number> | null>;
  /** Stores them once (a second write is dropped: the results, and so the counts, never change once published). */
  putLateAnswers(campaignId: string, cells: Record<string, number>): Promise<void>;

  getSnapshot(campaignId: string): Promise<SnapshotRecord | null>;
  /** Stores the snapshot if the stored version is still `expectedVersion` (null: none yet); false when it lost. */
  putSnapshot(snapshot: SnapshotRecord, expectedVersion: number | null): Promise<boolean>;
  /** Clears the stored snapshot's `eraseFrom` if it is still version `version` (a newer one has its own). */
  clearSnapshotErase(campaignId: string, version: number): Promise<void>;

  /**
   * Writes the invite's survey link first, then the invite (a crash leaves at most a link that resolves to nothing).
   * False when the invite was there already (a retry after a crash, or a racing request: the link is the same).
   */
  createInvite(invite: InviteRecord, link: SurveyLinkRecord): Promise<boolean>;
  getInvite(id: string): Promise<InviteRecord | null>;
  /** Every invite of the campaign (for reminders and duplicate addresses); eventually consistent. */
  listInvites(campaignId: string): Promise<InviteRecord[]>;
  /**
   * Invites made and invites whose link answered (the response rate's denominator and numerator), and how many of
   * them were links handed out as a batch rather than mailed (invites from before that was recorded count as such).
   */
  inviteCounts(campaignId: string): Promise<InviteCounts>;
  /** Marks the invite used under `claim`; 'used' when it was used already under another claim (or finished). */
  claimInvite(id: string, claim: string, usedAt: string): Promise<ClaimResult>;
  /** The response was written: drop the claim, keep `usedAt`. */
  finishInviteClaim(id: string, claim: string): Promise<void>;
  /** The response could not be written (a conflict): the invite is unused again. */
  releaseInviteClaim(id: string, claim: string): Promise<void>;
  /**
   * Marks a reminder sent if the invite still has an address, is unused, not unsubscribed, was made before
   * `invitedBefore` and was not reminded after `notSince`; false otherwise. Checked and written in one conditional
   * update, so an answer that lands before the reminder stops it.
   */
  markReminded(id: string, at: string, notSince: string, invitedBefore: string): Promise<boolean>;
  /** Drops the address: no more reminders. False when the invite does not exist. */
  unsubscribeInvite(id: string, at: string): Promise<boolean>;
  /** Drops the address and its lock once they are no longer needed (the campaign closed). */
  eraseInviteEmail(id: string): Promise<void>;
  /**
   * Makes `inviteId` the campaign's invite for the address (conditional put on `addressKey`): the id that holds the
   * address, ours when it was free.
   */
  claimInviteAddress(campaignId: string, addressKey: string, inviteId: string, at: string): Promise<string>;
  /** Which of the addresses (by `addressKey`) the campaign has invited; a read, so only an estimate under races. */
  invitedAddresses(campaignId: string, addressKeys: readonly string[]): Promise<Set<string>>;
  /** Takes the right to mail the invitation: false when it was sent, or another sender claimed it within `leaseMs`. */
  claimInviteSending(id: string, now: Date, leaseMs: number): Promise<boolean>;
  markInviteSent(id: string, at: string): Promise<void>;
  /**
   * Reserves `count` invitations in the campaign's quota for the hour `hour` (one conditional update): refused when
   * either limit would be passed. The quota is a throttle, not a figure: a crash after reserving only uses it up.
   */
  reserveInvitations(campaignId: string, count: number, hour: string, limits: InvitationLimits): Promise<QuotaResult>;
  /** Gives back what a reservation did not use. */
  refundInvitations(campaignId: string, count: number, hour: string): Promise<void>;

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
