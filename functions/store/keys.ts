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
// | response by receipt hash (idempotency, withdraw) | table        | RESP#{receiptHash} / RESP                        |
// | a campaign's response stream after a cursor     | GSI1          | CAMP#{campaignId}#RESP#{shard} / {position}      |
// | leadership view of a campaign                   | table         | CAMP#{campaignId} / LEADERSHIP                   |
// | report snapshot head, and its chunks            | table         | CAMP#{campaignId} / SNAPSHOT, SNAPSHOT#{v}#{w}#{i} |
// | invite by id (from its link or unsubscribe link) | table        | INVITE#{inviteId} / INVITE                       |
// | a campaign's invites                            | GSI1          | CAMP#{campaignId}#INVITES / {createdAt}#{id}     |
// | an organisation's executive contacts            | table         | ORG#{orgId} / CONTACTS                           |
// | lifecycle work due by a time                    | table         | DUE / {dueAt}#{campaignId}#{kind}                |
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

  leadershipOfCampaign: (campaignId: string): Key => ({ PK: `CAMP#${campaignId}`, SK: 'LEADERSHIP' }),

  snapshotHead: (campaignId: string): Key => ({ PK: `CAMP#${campaignId}`, SK: 'SNAPSHOT' }),
  /** `writer` tells apart two readers that both try to store the same next version; only the head's one counts. */
  snapshotChunk: (campaignId: string, version: number, writer: string, index: number): Key => ({
    PK: `CAMP#${campaignId}`,
    SK: `SNAPSHOT#${String(version).padStart(10, '0')}#${writer}#${String(index).padStart(4, '0')}`,
  }),
  snapshotChunks: (campaignId: string, version: number, writer?: string) => ({
    PK: `CAMP#${campaignId}`,
    skPrefix: `SNAPSHOT#${String(version).padStart(10, '0')}#${writer === undefined ? '' : `${writer}#`}`,
  }),

  inviteById: (id: string): Key => ({ PK: `INVITE#${id}`, SK: 'INVITE' }),
  /** Written with the invite item itself (same put), so the list cannot disagree with the invites. */
  invitesOfCampaign: (campaignId: string, createdAt?: string, id?: string) => ({
    GSI1PK: `CAMP#${campaignId}#INVITES`,
    GSI1SK: `${createdAt ?? ''}#${id ?? ''}`,
  }),

  contactsOfOrg: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'CONTACTS' }),

  /**
   * Every due item in one partition, sorted by time: the job reads what is due with one Query. A campaign adds a few
   * items (its close and its reminders) and the job deletes them as it goes, so the partition stays small.
   */
  due: (dueAt: string, campaignId: string, kind: string): Key => ({ PK: 'DUE', SK: `${dueAt}#${campaignId}#${kind}` }),
  dueBefore: (now: string) => ({ PK: 'DUE', skMax: `${now}#\uffff` }),

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
