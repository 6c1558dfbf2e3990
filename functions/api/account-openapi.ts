import * as z from 'zod/mini';
import {
  DESTINATIONS,
  ENTRY_STATUSES,
  FINDINGS,
  FLOW_GAPS,
  LEDGERS,
  SIGNAL_KINDS,
  SOP_STATES,
  SUGGESTIONS,
} from '../../shared/account';
import { CAPACITY_MEANINGS, LEVELS } from '../../shared/instrument';
import type { Operation } from './openapi';
import * as S from './schemas';

// The operating account's operations in /api/openapi.json (issue 11), with their response shapes. Their "Access"
// line is replaced by the policy table's (openapi.ts, policy.ts), so the description cannot say other than it.
/** Replaced by the policy table's words for the route (openapi.ts). */
const FROM_POLICY = 'see the policy table';

const AUTH = [401, 403, 404];

const measure = z.object({
  value: z.number(),
  perMonth: z.optional(z.nullable(z.number())),
  people: z.optional(z.nullable(z.number())),
  sop: z.optional(z.nullable(z.enum(SOP_STATES))),
  total: z.optional(z.nullable(z.number())),
});

const item = {
  id: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const median = z.object({ median: z.nullable(z.number()), ci95: z.nullable(z.tuple([z.number(), z.number()])) });

const holder = z.union([z.object({ department: z.string() }), z.object({ level: z.enum(LEVELS) })]);

const cellRef = z.object({
  campaignId: z.string(),
  ledger: z.enum(LEDGERS),
  category: z.string(),
  heldBy: z.optional(z.nullable(holder)),
});

/** A published cell's figures as an entry copied them (its baseline) or a reconciliation read them. */
const figures = z.object({
  name: z.string(),
  respondents: z.number(),
  n: z.number(),
  headline: median,
  perMonth: z.optional(z.nullable(median)),
  total: z.number(),
  sop: z.optional(z.nullable(z.partialRecord(z.enum(SOP_STATES), z.number()))),
});

const reconciliation = z.object({
  campaignId: z.string(),
  suggestion: z.enum(SUGGESTIONS),
  /** Absent when not measurable: the cell is hidden in that wave, and nothing of it is shown. */
  figures: z.optional(figures),
  change: z.optional(z.nullable(z.object({ headline: z.number(), real: z.boolean() }))),
});

const confirmedReconciliation = z.extend(reconciliation, { at: z.string(), confirmed: z.enum(ENTRY_STATUSES) });

const source = z.union([
  z.object({ kind: z.literal('typed') }),
  z.object({ kind: z.literal('cell'), cell: cellRef, figures }),
  z.object({
    kind: z.literal('recommendation'),
    campaignId: z.string(),
    index: z.number(),
    action: z.string(),
    /** A ledger action's published cell, with its figures as the baseline (reconciled like a cell entry). */
    cell: z.optional(cellRef),
    figures: z.optional(figures),
  }),
]);

const due = z.nullable(z.union([z.object({ date: z.string() }), z.object({ wave: z.string() })]));

export const EntrySchema = z.object({
  ...item,
  ledger: z.enum(LEDGERS),
  title: z.string(),
  department: z.nullable(z.string()),
  ownerRole: z.nullable(z.string()),
  baseline: z.nullable(measure),
  target: z.nullable(measure),
  current: z.nullable(measure),
  incision: z.nullable(z.string()),
  due,
  status: z.enum(ENTRY_STATUSES),
  reason: z.nullable(z.string()),
  source,
  reconciliations: z.array(confirmedReconciliation),
  statusLog: z.array(z.object({ status: z.enum(ENTRY_STATUSES), at: z.string() })),
});

const history = z.array(
  z.object({
    version: z.number(),
    at: z.string(),
    role: z.string(),
    fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  }),
);

const EntryWithHistorySchema = z.extend(EntrySchema, {
  pendingReconciliation: z.nullable(reconciliation),
  history,
});

/** A decision as recorded; only the chosen destinations have a share and a precondition. */
const capacityData = {
  id: z.string(),
  decidedOn: z.string(),
  ownerRole: z.string(),
  shares: z.partialRecord(z.enum(DESTINATIONS), z.number()),
  preconditions: z.partialRecord(z.enum(DESTINATIONS), z.string()),
  toldStaffOn: z.nullable(z.string()),
  toldHow: z.nullable(z.string()),
  note: z.nullable(z.string()),
};
const CapacityRecordSchema = z.object(capacityData);
const CapacitySchema = z.object({ ...capacityData, ...item });

const signal = z.object({
  kind: z.enum(SIGNAL_KINDS),
  label: z.nullable(z.string()),
  unit: z.string(),
  threshold: z.nullable(z.number()),
  trips: z.enum(['above', 'below']),
  current: z.nullable(z.number()),
  measuredOn: z.nullable(z.string()),
});

/** A live flow's state in the register: its gaps, each signal against its threshold, the signals past it. */
const flowState = z.object({
  id: z.string(),
  name: z.string(),
  gaps: z.array(z.enum(FLOW_GAPS)),
  signals: z.array(z.extend(signal, { state: z.enum(['past_threshold', 'within', 'no_threshold', 'no_value']) })),
  red: z.array(z.string()),
});

const FlowSchema = z.object({
  ...item,
  name: z.string(),
  humanExit: z.nullable(z.string()),
  adjudicator: z.nullable(z.string()),
  triggerOwner: z.nullable(z.string()),
  retired: z.boolean(),
  signals: z.array(signal),
  /** Null for a retired flow. */
  state: z.nullable(flowState),
});

const doneWork = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(ENTRY_STATUSES),
  ownerRole: z.nullable(z.string()),
  from: z.number(),
  to: z.number(),
  sopFrom: z.optional(z.nullable(z.enum(SOP_STATES))),
  sopTo: z.optional(z.nullable(z.enum(SOP_STATES))),
});

const freedBooking = z.object({
  unit: z.enum(['hours_per_week', 'waiting_days_per_month', 'checks_per_week']),
  freed: z.number(),
  byDestination: z.partialRecord(z.enum(DESTINATIONS), z.number()),
  unallocated: z.number(),
});

const entryCounts = z.object({
  total: z.number(),
  byStatus: z.partialRecord(z.enum(ENTRY_STATUSES), z.number()),
});

const questions = z.object({
  compressed: z.array(doneWork),
  removed: z.array(doneWork),
  structured: z.array(doneWork),
});

const freed = z.record(z.enum(LEDGERS), freedBooking);

/** The essay's three questions with numbers, freed capacity by destination, the decision in force, the register. */
const summary = z.object({
  asOf: z.string(),
  entries: entryCounts,
  questions,
  freed,
  capacity: z.nullable(CapacityRecordSchema),
  register: z.array(flowState),
});

const ReviewSchema = z.object({
  ...item,
  heldOn: z.string(),
  reviewerRole: z.string(),
  notes: z.string(),
  summary,
});

const wave = z.nullable(z.object({ campaignId: z.string(), name: z.string(), closedAt: z.string() }));

const AccountSchema = z.object({
  orgId: z.string(),
  entries: z.array(z.extend(EntrySchema, { pendingReconciliation: z.nullable(reconciliation) })),
  proposals: z.array(
    z.object({
      campaignId: z.string(),
      index: z.number(),
      action: z.string(),
      ledger: z.nullable(z.string()),
      entryId: z.nullable(z.string()),
    }),
  ),
  capacity: z.array(CapacitySchema),
  flows: z.array(FlowSchema),
  reviews: z.array(ReviewSchema),
  summary,
  latestWave: wave,
  cells: z.array(z.object({ ref: cellRef, figures })),
});

const PortfolioSchema = z.object({
  orgs: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      entries: entryCounts,
      questions,
      freed,
      capacityDecided: z.boolean(),
      red: z.array(z.object({ flow: z.string(), signal: z.string() })),
      flows: z.number(),
      lastReview: z.nullable(z.string()),
      latestWave: wave,
    }),
  ),
  common: z.object({
    companies: z.number(),
    cells: z.array(
      z.object({ ledger: z.enum(['time', 'waiting']), category: z.string(), name: z.string(), companies: z.number() }),
    ),
  }),
  next: z.nullable(z.string()),
});

const AccountSectionSchema = z.object({
  campaignId: z.string(),
  orgId: z.string(),
  entries: z.object({
    total: z.number(),
    moved: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        ledger: z.enum(LEDGERS),
        title: z.string(),
        status: z.enum(ENTRY_STATUSES),
        ownerRole: z.nullable(z.string()),
        baseline: z.nullable(measure),
        target: z.nullable(measure),
        current: z.nullable(measure),
        due,
        /** The same cell in this wave: confirmed by the owner (with when and the status set), or suggested. */
        reconciliation: z.nullable(
          z.extend(reconciliation, { at: z.optional(z.string()), confirmed: z.optional(z.enum(ENTRY_STATUSES)) }),
        ),
        /** The index of this wave's recommendation the entry was taken from (accepted or dismissed), else null. */
        recommendation: z.nullable(z.number()),
        /** The published cell the entry's baseline comes from (in its own wave); null for a typed entry. */
        cell: z.nullable(cellRef),
      }),
    ),
  }),
  communication: z.nullable(
    z.object({
      finding: z.enum(FINDINGS),
      record: z.nullable(CapacityRecordSchema),
      workforce: z.nullable(
        z.object({
          n: z.number(),
          told: z.number(),
          notTold: z.number(),
          notDecided: z.number(),
          unknown: z.number(),
        }),
      ),
      directions: z.nullable(
        z.object({
          recorded: z.enum(CAPACITY_MEANINGS),
          workforce: z.nullable(z.enum(CAPACITY_MEANINGS)),
          match: z.boolean(),
        }),
      ),
    }),
  ),
  summary,
  cadence: z.object({
    reviews: z.number(),
    lastHeldOn: z.nullable(z.string()),
    workforce: z.nullable(z.object({ measure: z.enum(['item_favourable', 'signal_score']), value: z.number() })),
    finding: z.enum(['not_reviewed', 'reviewed_not_seen', 'reviewed_and_seen', 'not_measured']),
  }),
});

const WRITE_ERRORS = [400, ...AUTH, 413, 415];

export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/account',
    summary:
      "The organisation's operating account: entries (with any reconciliation pending against the latest wave), the report's recommendations as proposals, capacity decisions, the stage-two register, reviews and the review summary",
    access: FROM_POLICY,
    params: S.OrgParams,
    ok: { status: 200, schema: AccountSchema, description: 'Account' },
    errors: [400, ...AUTH],
  },
  {
    method: 'post',
    path: '/api/v1/orgs/:orgId/account/entries',
    summary:
      'Log a ledger entry: typed in, from a published ledger cell (its figures become the baseline), or a report recommendation accepted or dismissed; a retry with the same clientKey and body answers 200',
    access: FROM_POLICY,
    params: S.OrgParams,
    body: S.CreateEntryBody,
    ok: { status: 201, schema: EntrySchema, description: 'Logged' },
    also: [200],
    errors: [...WRITE_ERRORS, 409],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/account/entries/:entryId',
    summary: 'One entry with its history (every change: version, time, role, the fields changed)',
    access: FROM_POLICY,
    params: S.AccountEntryParams,
    ok: { status: 200, schema: EntryWithHistorySchema, description: 'Entry' },
    errors: [400, ...AUTH],
  },
  {
    method: 'patch',
    path: '/api/v1/orgs/:orgId/account/entries/:entryId',
    summary:
      'Change an entry (fields, status, or confirm a reconciliation against a later wave); `version` must be the current one, else 409 naming it',
    access: FROM_POLICY,
    params: S.AccountEntryParams,
    body: S.UpdateEntryBody,
    ok: { status: 200, schema: EntrySchema, description: 'Changed' },
    errors: [...WRITE_ERRORS, 409],
  },
  {
    method: 'post',
    path: '/api/v1/orgs/:orgId/account/capacity',
    summary:
      'Record a capacity-allocation decision: dated, owned, shares of freed capacity by destination, each precondition answered; a retry with the same clientKey and body answers 200',
    access: FROM_POLICY,
    params: S.OrgParams,
    body: S.CreateCapacityBody,
    ok: { status: 201, schema: CapacitySchema, description: 'Recorded' },
    also: [200],
    errors: [...WRITE_ERRORS, 409],
  },
  {
    method: 'post',
    path: '/api/v1/orgs/:orgId/account/flows',
    summary:
      'Add a flow AI now handles to the stage-two register: quality signals with thresholds, the human exit, the adjudicator, the owner of the re-staffing trigger; a retry with the same clientKey and body answers 200',
    access: FROM_POLICY,
    params: S.OrgParams,
    body: S.CreateFlowBody,
    ok: { status: 201, schema: FlowSchema, description: 'Registered' },
    also: [200],
    errors: [...WRITE_ERRORS, 409],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/account/flows/:flowId',
    summary: 'One flow of the stage-two register with its state and history',
    access: FROM_POLICY,
    params: S.AccountFlowParams,
    ok: { status: 200, schema: z.extend(FlowSchema, { history }), description: 'Flow' },
    errors: [400, ...AUTH],
  },
  {
    method: 'patch',
    path: '/api/v1/orgs/:orgId/account/flows/:flowId',
    summary: 'Change a flow (signals and their current values, roles, retired); `version` must be the current one',
    access: FROM_POLICY,
    params: S.AccountFlowParams,
    body: S.UpdateFlowBody,
    ok: { status: 200, schema: FlowSchema, description: 'Changed' },
    errors: [...WRITE_ERRORS, 409],
  },
  {
    method: 'post',
    path: '/api/v1/orgs/:orgId/account/reviews',
    summary:
      'Record an operating review (date, reviewer role, notes); the account summary is kept with it as it stood; a retry with the same clientKey and body answers 200',
    access: FROM_POLICY,
    params: S.OrgParams,
    body: S.CreateReviewBody,
    ok: { status: 201, schema: ReviewSchema, description: 'Recorded' },
    also: [200],
    errors: [...WRITE_ERRORS, 409],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/account',
    summary:
      "The account as this wave's report shows it: entries (those from an earlier wave's cell reconciled to this wave), how many moved during it, the capacity decision beside what the workforce says was decided, freed capacity by destination, the register, the review log beside the workforce's view",
    access: FROM_POLICY,
    params: S.CampaignParams,
    ok: { status: 200, schema: AccountSectionSchema, description: 'Operating account of the wave' },
    errors: [400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/portfolio/accounts',
    summary:
      "Each portfolio company's account, a page at a time in the order the companies were created, and the time sinks and waits most often among a company's top ones (published cells only) among the page's companies: `common` counts companies, so adding the pages' counts gives the portfolio's. Paged by the API's convention: at most `limit` companies (1–50, default 20); `next` is an opaque cursor for the page after (null on the last), sent back as `cursor`. A company added between two pages is given once; a cursor is bound to its caller, and another caller's or an edited one is a 400 naming `cursor`",
    access: FROM_POLICY,
    query: S.PageQuery,
    ok: { status: 200, schema: PortfolioSchema, description: 'One page of the portfolio accounts' },
    errors: [400, ...AUTH],
  },
];
