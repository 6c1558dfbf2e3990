import * as z from 'zod/mini';
import { DESTINATIONS, ENTRY_STATUSES, LEDGERS, SIGNAL_KINDS, SOP_STATES } from '../../shared/account';
import { LEVELS } from '../../shared/instrument';

// Request schemas of the operating account (issue 11), re-exported by schemas.ts so `validate(target, name)` finds
// them. Strict like the rest: unknown fields are refused, naming them. Built on first use.

const plain = (s: string, allowBreaks: boolean) =>
  s.isWellFormed() && !/\p{Cc}/u.test(allowBreaks ? s.replace(/[\n\r\t]/g, '') : s);

/** One line of text: trimmed, not empty, no control characters or lone surrogates. */
const line = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => plain(s, false), { message: 'must be well-formed text without control characters' }),
  );

/** Notes: line breaks and tabs allowed. */
const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => plain(s, true), { message: 'must be well-formed text without control characters' }),
  );

const idSchema = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** Chosen by the client, so a retried creation is recognised: the same key and body answer as the first did. */
const clientKey = () =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'expected 8-64 of A-Z a-z 0-9 _ -' }));

/** A calendar day, YYYY-MM-DD, that exists. */
const day = () =>
  z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day as YYYY-MM-DD' }),
    z.refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        message: 'is not a calendar day',
      },
    ),
  );

const figure = (max: number) => z.number().check(z.gte(0), z.lte(max));

const measure = () =>
  z.strictObject({
    /** Hours a week per person (time), working days of wait (waiting), checks a week per person (knowledge). */
    value: figure(10_000),
    perMonth: z.optional(z.nullable(figure(1_000))),
    people: z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(1_000_000)))),
    sop: z.optional(z.nullable(z.enum(SOP_STATES))),
    total: z.optional(z.nullable(figure(1_000_000_000))),
  });

const due = () => z.union([z.strictObject({ date: day() }), z.strictObject({ wave: idSchema() })]);

const holder = () => z.union([z.strictObject({ department: line(80) }), z.strictObject({ level: z.enum(LEVELS) })]);

const CATEGORY = /^[a-z0-9][a-z0-9_]{0,39}$/;

export const AccountEntryParams = z.lazy(() => z.strictObject({ orgId: idSchema(), entryId: idSchema() }));
export const AccountFlowParams = z.lazy(() => z.strictObject({ orgId: idSchema(), flowId: idSchema() }));

export const CreateEntryBody = z.lazy(() =>
  z.strictObject({
    clientKey: clientKey(),
    /** Where it comes from: typed in (default), a published ledger cell, or a report recommendation taken up. */
    source: z.optional(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('typed') }),
        z.strictObject({
          kind: z.literal('cell'),
          campaignId: idSchema(),
          ledger: z.enum(LEDGERS),
          category: z.string().check(z.regex(CATEGORY)),
          heldBy: z.optional(holder()),
        }),
        z.strictObject({
          kind: z.literal('recommendation'),
          campaignId: idSchema(),
          index: z.number().check(z.int(), z.gte(0), z.lte(9)),
          decision: z.enum(['accept', 'dismiss']),
        }),
      ]),
    ),
    ledger: z.optional(z.enum(LEDGERS)),
    title: z.optional(line(160)),
    department: z.optional(z.nullable(line(80))),
    ownerRole: z.optional(z.nullable(line(120))),
    baseline: z.optional(z.nullable(measure())),
    target: z.optional(z.nullable(measure())),
    incision: z.optional(z.nullable(text(1000))),
    due: z.optional(z.nullable(due())),
    reason: z.optional(z.nullable(text(500))),
  }),
);

export const UpdateEntryBody = z.lazy(() =>
  z.strictObject({
    /** The version the change was made on; a stale one is refused with 409. */
    version: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
    title: z.optional(line(160)),
    department: z.optional(z.nullable(line(80))),
    ownerRole: z.optional(z.nullable(line(120))),
    baseline: z.optional(z.nullable(measure())),
    target: z.optional(z.nullable(measure())),
    current: z.optional(z.nullable(measure())),
    incision: z.optional(z.nullable(text(1000))),
    due: z.optional(z.nullable(due())),
    status: z.optional(z.enum(ENTRY_STATUSES)),
    reason: z.optional(z.nullable(text(500))),
    /** Confirms the reconciliation against this later wave, with `status` (or the entry's own) as the owner's call. */
    reconcile: z.optional(z.strictObject({ campaignId: idSchema() })),
  }),
);

const percent = () => z.number().check(z.int(), z.gte(0), z.lte(100));

export const CreateCapacityBody = z.lazy(() =>
  z.strictObject({
    clientKey: clientKey(),
    decidedOn: day(),
    ownerRole: line(120),
    shares: z.strictObject(
      Object.fromEntries(DESTINATIONS.map((d) => [d, z.optional(percent())])) as Record<
        (typeof DESTINATIONS)[number],
        z.ZodMiniOptional<ReturnType<typeof percent>>
      >,
    ),
    preconditions: z.strictObject(
      Object.fromEntries(DESTINATIONS.map((d) => [d, z.optional(text(500))])) as Record<
        (typeof DESTINATIONS)[number],
        z.ZodMiniOptional<ReturnType<typeof text>>
      >,
    ),
    toldStaffOn: z.optional(z.nullable(day())),
    toldHow: z.optional(z.nullable(line(300))),
    note: z.optional(z.nullable(text(1000))),
  }),
);

const signal = () =>
  z.strictObject({
    kind: z.enum(SIGNAL_KINDS),
    label: z.optional(z.nullable(line(80))),
    unit: line(40),
    threshold: z.nullable(z.number().check(z.gte(-1e9), z.lte(1e9))),
    trips: z.enum(['above', 'below']),
    current: z.nullable(z.number().check(z.gte(-1e9), z.lte(1e9))),
    measuredOn: z.nullable(day()),
  });

const flowFields = {
  name: line(120),
  humanExit: z.optional(z.nullable(line(300))),
  adjudicator: z.optional(z.nullable(line(120))),
  triggerOwner: z.optional(z.nullable(line(120))),
  retired: z.optional(z.boolean()),
};

export const CreateFlowBody = z.lazy(() =>
  z.strictObject({
    clientKey: clientKey(),
    ...flowFields,
    signals: z.array(signal()).check(z.maxLength(10)),
  }),
);

export const UpdateFlowBody = z.lazy(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
    name: z.optional(line(120)),
    humanExit: flowFields.humanExit,
    adjudicator: flowFields.adjudicator,
    triggerOwner: flowFields.triggerOwner,
    retired: flowFields.retired,
    signals: z.optional(z.array(signal()).check(z.maxLength(10))),
  }),
);

export const CreateReviewBody = z.lazy(() =>
  z.strictObject({
    clientKey: clientKey(),
    heldOn: day(),
    reviewerRole: line(120),
    notes: text(4000),
  }),
);
