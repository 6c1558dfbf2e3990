// Every key of the one table, named after the access pattern it serves. Only the adapter (`dynamo-store.ts`) and
// the table definition use these. Generic attribute names (PK/SK/GSI1PK/GSI1SK) keep one table for every entity.
//
// | access pattern                                  | table / index | key                                              |
// |-------------------------------------------------|---------------|--------------------------------------------------|
// | bearer token by id (hash prefix)                | table         | TOKEN#{id} / TOKEN                               |
// | a subject's granted organisations               | table         | SUBJECT#{subject} / ORG#{orgId}                  |
// | organisation by id                              | table         | ORG#{orgId} / ORG                                |
// | all organisations (admin's portfolio)           | GSI1          | ORGS / {createdAt}#{orgId}                       |
// | organisation profile                            | table         | ORG#{orgId} / PROFILE                            |
// | campaign by id                                  | table         | CAMP#{campaignId} / CAMP                         |
// | an organisation's campaigns by creation         | GSI1          | ORG#{orgId}#CAMPS / {createdAt}#{campaignId}     |
// | survey link by token id (hash prefix)           | table         | LINK#{id} / LINK                                 |
// | a campaign's survey links (open and invites)    | GSI1          | CAMP#{campaignId}#LINKS / {createdAt}#{id}       |
// | response by receipt hash (idempotency, withdraw) | table        | RESP#{receiptHash} / RESP                        |
// | a campaign's response stream after a cursor     | GSI1          | CAMP#{campaignId}#RESP#{shard} / {position}      |
// | ... and its withdrawals after a cursor          | GSI1          | CAMP#{campaignId}#RESP#{shard} / ~W#{position}   |
// | leadership view of a campaign                   | table         | CAMP#{campaignId} / LEADERSHIP                   |
// | report snapshot head, and its chunks            | table         | SNAP#{campaignId} / SNAPSHOT, SNAPSHOT#{v}#{w}#{i} |
// | answers per cell in the last day before a close | table         | CAMP#{campaignId} / LATEANSWERS                  |
// | the report's delivery to one contact            | table         | CAMP#{campaignId} / REPORTTO#{contactKey}        |
// | invite by id (from its link or unsubscribe link) | table        | INVITE#{inviteId} / INVITE                       |
// | a campaign's invites                            | GSI1          | CAMP#{campaignId}#INVITES / {createdAt}#{id}     |
// | the one live invite of an address in a campaign | table         | INVITEADDR#{campaignId}#{addressKey} / INVITEADDR |
// | a campaign's invitation quota (total, this hour) | table        | CAMP#{campaignId} / INVITEQUOTA                  |
// | an organisation's executive contacts            | table         | ORG#{orgId} / CONTACTS                           |
// | a review reminder to one contact, per period    | table         | ORG#{orgId} / REVIEWREMIND#{period}#{contactKey} |
// | lifecycle work due by a time                    | table         | DUE / {dueAt}#{campaignId}#{kind}                |
// | organisations whose operating review falls due by a day | table | REVIEWDUE / {day}#{orgId}                        |
// | the day an organisation's review is due (its marker) | table    | ORG#{orgId} / REVIEWDUE                          |
// | local metadata (seed marker)                    | table         | META / {name}                                    |
// | API keys a subject created (the keys page)      | GSI1          | KEYS#{createdBy} / {createdAt}#{id}              |
// | user by id                                      | table         | USER#{userId} / USER                             |
// | user by sign-in address (hash of the address)   | table         | USEREMAIL#{sha256(email)} / USEREMAIL            |
// | all users (the users page)                      | GSI1          | USERS / {createdAt}#{userId}                     |
// | sign-in code by id (hash prefix), single use    | table         | SIGNIN#{id} / SIGNIN                             |
// | session by the SHA-256 of its cookie value      | table         | SESSION#{hash} / SESSION                         |
// | report viewer link by id (hash prefix)          | table         | VIEWLINK#{id} / VIEWLINK                         |
// | a campaign's report viewer links                | GSI1          | CAMP#{campaignId}#VIEWLINKS / {createdAt}#{id}   |
// | an organisation's contact changes (audit log)   | table         | ORG#{orgId} / CONTACTSLOG#{at}#{id}              |
// | an OpenID Connect sign-in in flight             | table         | OIDCSTATE#{hash} / OIDCSTATE                     |
// | an account item (entry, capacity, flow, review) | table         | ORG#{orgId}#ACCOUNT / ITEM#{kind}#{id}           |
// | an organisation's account items of a kind       | table         | ORG#{orgId}#ACCOUNT / begins ITEM#{kind}#        |
// | an account item's change records                | table         | ORG#{orgId}#ACCOUNT / CHANGE#{kind}#{id}#{v}#{c} |
// | every change record of a kind (register at a close) | table     | ORG#{orgId}#ACCOUNT / begins CHANGE#{kind}#      |

/** Sort-key prefix of withdrawals in a response stream shard (`keys.withdrawnStream`); sorts after every ISO time. */
export const WITHDRAWN_PREFIX = '~W#';

/** The stream layout a campaign created by this version has: withdrawals after the arrivals (`keys.withdrawnStream`). */
export const STREAM_LAYOUT = 2;

export interface Key {
  PK: string;
  SK: string;
}

export const keys = {
  tokenById: (id: string): Key => ({ PK: `TOKEN#${id}`, SK: 'TOKEN' }),

  grant: (subject: string, orgId: string): Key => ({ PK: `SUBJECT#${subject}`, SK: `ORG#${orgId}` }),
  grantsOfSubject: (subject: string) => ({ PK: `SUBJECT#${subject}`, skPrefix: 'ORG#' }),

  orgById: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'ORG' }),
  /**
   * All organisations in one GSI partition: the admin's list. Organisations number in the hundreds, far below a
   * partition's limits; the denormalised GSI keys are written with the organisation item itself, so they cannot drift.
   */
  allOrgs: (createdAt?: string, orgId?: string) => ({ GSI1PK: 'ORGS', GSI1SK: `${createdAt ?? ''}#${orgId ?? ''}` }),
  profileOfOrg: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'PROFILE' }),

  campaignById: (campaignId: string): Key => ({ PK: `CAMP#${campaignId}`, SK: 'CAMP' }),
  /** Denormalised onto the campaign item itself (same write), so the list cannot disagree with the campaign. */
  campaignsOfOrg: (orgId: string, createdAt?: string, campaignId?: string) => ({
    GSI1PK: `ORG#${orgId}#CAMPS`,
    GSI1SK: `${createdAt ?? ''}#${campaignId ?? ''}`,
  }),

  surveyLinkById: (id: string): Key => ({ PK: `LINK#${id}`, SK: 'LINK' }),

  responseByReceiptHash: (receiptHash: string): Key => ({ PK: `RESP#${receiptHash}`, SK: 'RESP' }),
  /**
   * The response item also carries its place in the campaign's stream (GSI1): shard partitions spread a large
   * campaign's writes, and the sort key starts with the time, so the tail after a cursor is one Query per shard.
   * Written in the same put as the response (and moved by the same update on withdrawal), so it cannot drift.
   */
  responseStream: (campaignId: string, shard: number, position?: string) => ({
    GSI1PK: `CAMP#${campaignId}#RESP#${shard}`,
    GSI1SK: position ?? '',
  }),
  /**
   * A withdrawn response's place in its shard: after every received one (`~` sorts after any time), ordered by the
   * withdrawal. So a shard reads as two runs, responses by arrival then withdrawals by time, and a fold can take a
   * bounded stretch of arrivals plus the (few) withdrawals since its cursor, without reading to the end of the stream
   * (reports/campaign-stats.ts). Moved by the same update that records the withdrawal. Withdrawals stored before this
   * layout sit among the arrivals at their time; campaigns that may hold them are read whole (`streamLayout`).
   */
  withdrawnStream: (campaignId: string, shard: number, position?: string) => ({
    GSI1PK: `CAMP#${campaignId}#RESP#${shard}`,
    GSI1SK: `${WITHDRAWN_PREFIX}${position ?? ''}`,
  }),

  /**
   * A resume-on-another-device draft, keyed by the SHA-256 of the code its respondent keeps (never by anything about
   * the person). Its campaign's drafts are listed under GSI1 so that a close can delete them all.
   */
  draftByCodeHash: (codeHash: string): Key => ({ PK: `DRAFT#${codeHash}`, SK: 'DRAFT' }),
  draftsOfCampaign: (campaignId: string, codeHash?: string) => ({
    GSI1PK: `CAMP#${campaignId}#DRAFTS`,
    GSI1SK: codeHash ?? '',
  }),

  leadershipOfCampaign: (campaignId: string): Key => ({ PK: `CAMP#${campaignId}`, SK: 'LEADERSHIP' }),

  /**
   * Not in the campaign's partition: the respondent function may read that one (its role is limited by partition key
   * prefix, infra/constructs/respondent-function.ts) and must not read reports. Snapshots stored under CAMP# by
   * earlier versions are caches nothing reads any more; the next fold starts afresh.
   */
  snapshotHead: (campaignId: string): Key => ({ PK: `SNAP#${campaignId}`, SK: 'SNAPSHOT' }),
  /** `writer` tells apart two readers that both try to store the same next version; only the head's one counts. */
  snapshotChunk: (campaignId: string, version: number, writer: string, index: number): Key => ({
    PK: `SNAP#${campaignId}`,
    SK: `SNAPSHOT#${String(version).padStart(10, '0')}#${writer}#${String(index).padStart(4, '0')}`,
  }),
  snapshotChunks: (campaignId: string, version: number, writer?: string) => ({
    PK: `SNAP#${campaignId}`,
    skPrefix: `SNAPSHOT#${String(version).padStart(10, '0')}#${writer === undefined ? '' : `${writer}#`}`,
  }),

  /** Written once, when the campaign's results are published: they never change afterwards, so neither does it. */
  lateAnswersOfCampaign: (campaignId: string): Key => ({ PK: `CAMP#${campaignId}`, SK: 'LATEANSWERS' }),

  /**
   * One marker per contact and review period (the day the review fell due): claimed, sent. At most one reminder per
   * period, whatever the retries and overlapping runs.
   */
  reviewReminder: (orgId: string, period: string, contactKey: string): Key => ({
    PK: `ORG#${orgId}`,
    SK: `REVIEWREMIND#${period}#${contactKey}`,
  }),

  /** One marker per contact and campaign: claimed, its link made, sent. A retry mails exactly the unmarked. */
  reportDelivery: (campaignId: string, contactKey: string): Key => ({
    PK: `CAMP#${campaignId}`,
    SK: `REPORTTO#${contactKey}`,
  }),

  inviteById: (id: string): Key => ({ PK: `INVITE#${id}`, SK: 'INVITE' }),
  /** Written with the invite item itself (same put), so the list cannot disagree with the invites. */
  /** Every survey link item of a campaign, so deleting it finds one that a crash left unnamed by the campaign. */
  surveyLinksOfCampaign: (campaignId: string, createdAt?: string, id?: string) => ({
    GSI1PK: `CAMP#${campaignId}#LINKS`,
    GSI1SK: `${createdAt ?? ''}#${id ?? ''}`,
  }),
  invitesOfCampaign: (campaignId: string, createdAt?: string, id?: string) => ({
    GSI1PK: `CAMP#${campaignId}#INVITES`,
    GSI1SK: `${createdAt ?? ''}#${id ?? ''}`,
  }),

  /**
   * One item per invited address (keyed by a keyed hash of it, never the address): its conditional put is what makes
   * an address invited once however many requests race. Deleted with the address when the campaign closes.
   */
  inviteOfAddress: (campaignId: string, addressKey: string): Key => ({
    PK: `INVITEADDR#${campaignId}#${addressKey}`,
    SK: 'INVITEADDR',
  }),
  invitationQuota: (campaignId: string): Key => ({ PK: `CAMP#${campaignId}`, SK: 'INVITEQUOTA' }),

  contactsOfOrg: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'CONTACTS' }),

  /**
   * Every due item in one partition, sorted by time: the job reads what is due with one Query. A campaign adds a few
   * items (its close and its reminders) and the job deletes them as it goes, so the partition stays small.
   */
  due: (dueAt: string, campaignId: string, kind: string): Key => ({ PK: 'DUE', SK: `${dueAt}#${campaignId}#${kind}` }),
  dueBefore: (now: string) => ({ PK: 'DUE', skMax: `${now}#\uffff` }),

  /**
   * The review's due marker (review-reminder.ts): one per organisation with an account, by the day its operating review
   * falls due, so the job reads the organisations due by today with one Query instead of every account. The pointer
   * in the organisation's own partition says which day its marker is under (to move it, and to delete it with the
   * organisation).
   */
  reviewDue: (day: string, orgId: string): Key => ({ PK: 'REVIEWDUE', SK: `${day}#${orgId}` }),
  reviewDueBy: (day: string) => ({ PK: 'REVIEWDUE', skMax: `${day}#\uffff` }),
  reviewDueOfOrg: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'REVIEWDUE' }),

  meta: (name: string): Key => ({ PK: 'META', SK: name }),

  // ---- sign-in, sessions, users, API keys, viewer links (functions/store/dynamo-auth-store.ts) ----
  /** Written with the token item itself (same put), so the keys page cannot disagree with the keys. */
  tokensOfCreator: (createdBy: string, createdAt?: string, id?: string) => ({
    GSI1PK: `KEYS#${createdBy}`,
    GSI1SK: `${createdAt ?? ''}#${id ?? ''}`,
  }),
  userById: (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'USER' }),
  /** The address's hash, not the address: keys end up in logs and metrics, an address must not. */
  userByEmailHash: (emailHash: string): Key => ({ PK: `USEREMAIL#${emailHash}`, SK: 'USEREMAIL' }),
  /** Users number in the hundreds per deployment: one partition, written with the user item (same put). */
  allUsers: (createdAt?: string, userId?: string) => ({
    GSI1PK: 'USERS',
    GSI1SK: `${createdAt ?? ''}#${userId ?? ''}`,
  }),
  signInCode: (id: string): Key => ({ PK: `SIGNIN#${id}`, SK: 'SIGNIN' }),
  session: (hash: string): Key => ({ PK: `SESSION#${hash}`, SK: 'SESSION' }),
  viewerLink: (id: string): Key => ({ PK: `VIEWLINK#${id}`, SK: 'VIEWLINK' }),
  /** Written with the link item itself (same put). */
  viewerLinksOfCampaign: (campaignId: string, createdAt?: string, id?: string) => ({
    GSI1PK: `CAMP#${campaignId}#VIEWLINKS`,
    GSI1SK: `${createdAt ?? ''}#${id ?? ''}`,
  }),
  contactsChange: (orgId: string, at: string, id: string): Key => ({
    PK: `ORG#${orgId}`,
    SK: `CONTACTSLOG#${at}#${id}`,
  }),
  contactsChanges: (orgId: string) => ({ PK: `ORG#${orgId}`, skPrefix: 'CONTACTSLOG#' }),
  oidcState: (hash: string): Key => ({ PK: `OIDCSTATE#${hash}`, SK: 'OIDCSTATE' }),

  /**
   * The operating account of an organisation is one partition: its items and their change records. An account holds
   * tens to hundreds of entries and their changes, far below a partition's limits, and every read is one Query.
   */
  accountItem: (orgId: string, kind: string, id: string): Key => ({
    PK: `ORG#${orgId}#ACCOUNT`,
    SK: `ITEM#${kind}#${id}`,
  }),
  accountItems: (orgId: string, kind: string) => ({ PK: `ORG#${orgId}#ACCOUNT`, skPrefix: `ITEM#${kind}#` }),
  accountChange: (orgId: string, kind: string, id: string, version: number, changeId: string): Key => ({
    PK: `ORG#${orgId}#ACCOUNT`,
    SK: `CHANGE#${kind}#${id}#${String(version).padStart(6, '0')}#${changeId}`,
  }),
  accountChanges: (orgId: string, kind: string, id: string) => ({
    PK: `ORG#${orgId}#ACCOUNT`,
    skPrefix: `CHANGE#${kind}#${id}#`,
  }),
  accountChangesOfKind: (orgId: string, kind: string) => ({ PK: `ORG#${orgId}#ACCOUNT`, skPrefix: `CHANGE#${kind}#` }),
};

/** The table's key schema, shared with the local server and the tests (infra declares the same in CDK). */
export const TABLE_DEFINITION = {
  AttributeDefinitions: [
    { AttributeName: 'PK', AttributeType: 'S' },
    { AttributeName: 'SK', AttributeType: 'S' },
    { AttributeName: 'GSI1PK', AttributeType: 'S' },
    { AttributeName: 'GSI1SK', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'PK', KeyType: 'HASH' },
    { AttributeName: 'SK', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'GSI1',
      KeySchema: [
        { AttributeName: 'GSI1PK', KeyType: 'HASH' },
        { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  BillingMode: 'PAY_PER_REQUEST',
} as const;

/** Epoch-seconds TTL attribute (DynamoDB deletes expired items within days; readers filter on it). */
export const TTL_ATTRIBUTE = 'expiresAt';
