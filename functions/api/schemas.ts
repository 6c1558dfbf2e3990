import * as z from 'zod/mini';
import { INSTRUMENT_VERSIONS, LANGUAGES, LEVELS } from '../../shared/instrument';
import { nameKey, normalizeName, RESERVED_NAMES } from '../../shared/names';
import { OrgProfileSchema } from '../../shared/profile';
import { ITEM_ID_PATTERN, isCleanText, MAX_DURATION_S, SECRET_PATTERN } from './respondent-schemas';

// Request schemas (strict: unknown fields are rejected). The same schemas validate at the edge and describe the requests
// in /api/openapi.json; the response shapes, which only the description needs, are in `response-schemas.ts`.
//
// Each is built on its first use (`z.lazy`), not at import: building all of them took a Lambda cold start ~10 ms,
// and a request needs only its own. Parts used by several are functions for the same reason.

// Names are shown in pages, mail and CSV: no lone surrogates (not valid UTF-8 anywhere they go) and no control characters.
const trimmedName = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(max),
      z.refine(isCleanText, { message: 'must be well-formed text without control characters' }),
    );

/** A department: normalised (shared/names.ts) so that names that look alike are one, and never a reserved key. */
const departmentName = () =>
  z.string().check(
    z.overwrite(normalizeName),
    z.minLength(1),
    z.maxLength(80),
    z.refine(isCleanText, { message: 'must be well-formed text without control characters' }),
    z.refine((s) => !RESERVED_NAMES.has(s), { message: 'is a reserved name' }),
  );

/** Ids of organisations, campaigns and tokens. */
const idSchema = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** Survey tokens and receipts: URL-safe secrets. */
const secretSchema = () => z.string().check(z.regex(SECRET_PATTERN));

export const OrgParams = z.lazy(() => z.strictObject({ orgId: idSchema() }));
export const CampaignParams = z.lazy(() => z.strictObject({ campaignId: idSchema() }));
export const TokenParams = z.lazy(() => z.strictObject({ tokenId: idSchema() }));
export const SurveyParams = z.lazy(() => z.strictObject({ surveyToken: secretSchema() }));
export const ReceiptParams = z.lazy(() => z.strictObject({ receipt: secretSchema() }));

export const CreateOrgBody = z.lazy(() => z.strictObject({ name: trimmedName(120) }));

/** At least one field: an empty change is refused rather than answered as if something happened. */
const someField = (fields: readonly string[]) =>
  z.refine((body: unknown) => fields.some((f) => (body as Record<string, unknown>)[f] !== undefined), {
    message: `give at least one of ${fields.join(', ')}`,
  });

export const PatchOrgBody = z.lazy(() =>
  z
    .strictObject({ name: z.optional(trimmedName(120)), archived: z.optional(z.boolean()) })
    .check(someField(['name', 'archived'])),
);

/**
 * A campaign's departments: 1–50 names, normalised, distinct after case and spacing. Distinctness is checked per
 * name, so the error names the repeated one (`departments[2]`).
 */
const departmentsSchema = () =>
  z.array(departmentName()).check(
    z.minLength(1),
    z.maxLength(50),
    z.superRefine((names, ctx) => {
      const seen = new Set<string>();
      names.forEach((name, i) => {
        const key = nameKey(name);
        if (seen.has(key)) {
          ctx.issues.push({
            code: 'custom',
            input: name,
            path: [i],
            message: 'is listed twice (after case, spacing and invisible characters)',
          });
        }
        seen.add(key);
      });
    }),
  );

// The settings a campaign is made with and may change while it is open (campaign creation and PATCH share them).
const languagesSchema = () =>
  z.array(z.enum(LANGUAGES)).check(
    z.minLength(1),
    z.refine((l) => new Set(l).size === l.length, { message: 'languages must be distinct' }),
  );
const reminderDaysSchema = () => z.array(z.number().check(z.int(), z.gte(1), z.lte(365))).check(z.maxLength(10));
const remindAtSchema = () => z.array(z.iso.datetime()).check(z.maxLength(10));

/** The fields that change only while the campaign is open (name and the archive flag change any time). */
export const OPEN_ONLY_FIELDS = [
  'departments',
  'closesAt',
  'languages',
  'openLink',
  'reminderDays',
  'remindAt',
] as const;

const PATCH_FIELDS = ['name', 'archived', ...OPEN_ONLY_FIELDS];

export const PatchCampaignBody = z.lazy(() =>
  z
    .strictObject({
      name: z.optional(trimmedName(120)),
      archived: z.optional(z.boolean()),
      /** Only while no response (nor import) is stored for the campaign. */
      departments: z.optional(departmentsSchema()),
      /** A new close date, at least 5 minutes ahead (null: no close date, close by hand). Only while open. */
      closesAt: z.optional(z.nullable(z.iso.datetime())),
      /** Languages offered: any the instrument has may be added; one is removed only with no invitation pending in it. */
      languages: z.optional(languagesSchema()),
      /** false: the open link stops at once; true (when off): a new open link, shown once in this answer. */
      openLink: z.optional(z.boolean()),
      /** Replaces the reminders still to come: this many days from now (or give `remindAt`). */
      reminderDays: z.optional(reminderDaysSchema()),
      /** Replaces the reminders still to come with these times (before the close date). */
      remindAt: z.optional(remindAtSchema()),
    })
    .check(someField(PATCH_FIELDS)),
);

export { OrgProfileSchema };

export const roleSchema = () => z.enum(['admin', 'consultant', 'executive', 'viewer']);
/** An API key: role, organisations, optionally one campaign and read-only (a viewer key is always read-only). */
export const CreateTokenBody = z.lazy(() =>
  z.strictObject({
    role: roleSchema(),
    orgIds: z.array(idSchema()).check(z.maxLength(200)),
    expiresInDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(365))),
    label: z.optional(trimmedName(80)),
    campaignId: z.optional(idSchema()),
    readOnly: z.optional(z.boolean()),
  }),
);

export const CreateCampaignBody = z.lazy(() =>
  z.strictObject({
    name: trimmedName(120),
    departments: departmentsSchema(),
    minGroupSize: z.optional(z.number().check(z.int(), z.gte(3), z.lte(1000))),
    closesAt: z.optional(z.iso.datetime()),
    languages: z.optional(languagesSchema()),
    /** Whether the campaign's open survey link takes answers (default true); false: invitations only. */
    openLink: z.optional(z.boolean()),
    /** The instrument version the campaign asks (default: the newest); fixed for the campaign's life. */
    instrumentVersion: z.optional(z.enum(INSTRUMENT_VERSIONS as [string, ...string[]])),
    /** Reminders to invitees who have not answered, this many days after creation (or give `remindAt`). */
    reminderDays: z.optional(reminderDaysSchema()),
    /** Reminders at these times. */
    remindAt: z.optional(remindAtSchema()),
    /** The ledger step (instrument 2026.2 on): the campaign's own category lists, and free-text labels. */
    ledger: z.optional(ledgerSettingsSchema()),
  }),
);

/** A campaign's own ledger category: an id (CATEGORY_ID in shared/ledger) and its name per campaign language. */
const ledgerCategorySchema = () =>
  z.strictObject({
    id: z
      .string()
      .check(z.regex(/^[a-z0-9][a-z0-9_]{0,39}$/, { message: 'lower-case letters, digits and _, up to 40' })),
    label: z.partialRecord(z.enum(LANGUAGES), trimmedName(80)),
  });

const ledgerSettingsSchema = () =>
  z.strictObject({
    /** Kinds of work for the time ledger, replacing the instrument's defaults ("other" is always added). */
    timeCategories: z.optional(z.array(ledgerCategorySchema()).check(z.minLength(1), z.maxLength(20))),
    /** Judgments for the knowledge ledger, replacing the defaults. */
    knowledgeCategories: z.optional(z.array(ledgerCategorySchema()).check(z.minLength(1), z.maxLength(20))),
    /** A short free-text label per entry; off unless given. Labels are deleted `keepDays` after the close. */
    labels: z.optional(z.strictObject({ keepDays: z.number().check(z.int(), z.gte(1), z.lte(365)) })),
  });

const emailSchema = () => z.email().check(z.maxLength(254));

/** Either `emails` (one invitation each, mailed) or `count` (that many links, returned once). */
export const InviteBody = z.lazy(() =>
  z.strictObject({
    /** One invitation per address, each with a personal single-use link. */
    emails: z.optional(z.array(emailSchema()).check(z.minLength(1), z.maxLength(500))),
    /** The language of the invitations; the campaign's first language by default. */
    language: z.optional(z.enum(LANGUAGES)),
    /** This many single-use links, returned (shown once) rather than mailed. */
    count: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500))),
  }),
);

export const ContactsBody = z.lazy(() =>
  z.strictObject({
    contacts: z
      .array(
        z.strictObject({
          name: trimmedName(120),
          email: emailSchema(),
          language: z.optional(z.enum(LANGUAGES)),
        }),
      )
      .check(z.maxLength(20)),
  }),
);

export const UnsubscribeParams = z.lazy(() =>
  z.strictObject({
    token: z.string().check(z.regex(/^[0-9a-f]{24}[A-Za-z0-9_-]{43}$/)),
  }),
);

export const SurveyQuery = z.lazy(() => z.strictObject({ lang: z.optional(z.enum(LANGUAGES)) }));

/** Item ids: a plain key, never one that a JavaScript object would drop (`__proto__`) or an unprintable one. */
const itemIdSchema = () =>
  z.string().check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(ITEM_ID_PATTERN, { message: 'is not an item id' }),
    z.refine((s) => !RESERVED_NAMES.has(s), { message: 'is not an item id' }),
  );

const answersSchema = () =>
  z
    .record(itemIdSchema(), z.union([z.number(), z.string().check(z.maxLength(64))]))
    .check(z.refine((a) => Object.keys(a).length > 0, { message: 'at least one answer is required' }));

// The ledger step's entries: types and broad bounds here, every field optional; which fields an entry needs, the
// campaign's lists, the design's ranges and steps, one entry per category and at most `maxEntries` per ledger are
// checked against the campaign (shared/ledger validate.ts), so one answer names every problem of an entry at once.
const ledgerId = () => z.optional(z.string().check(z.minLength(1), z.maxLength(40)));
const ledgerNumber = () => z.optional(z.number().check(z.gte(0), z.lte(1000)));
const ledgerLabel = () => z.optional(z.string().check(z.maxLength(200)));
const ledgerEntries = <T extends z.ZodMiniType>(entry: T) => z.optional(z.array(entry).check(z.maxLength(10)));

const ledgerSchema = () =>
  z.strictObject({
    time: ledgerEntries(
      z.strictObject({ category: ledgerId(), hoursPerWeek: ledgerNumber(), reason: ledgerId(), label: ledgerLabel() }),
    ),
    waiting: ledgerEntries(
      z.strictObject({
        kind: ledgerId(),
        /** A department of the campaign or a level: never a person. */
        heldBy: z.optional(
          z.union([z.strictObject({ department: trimmedName(80) }), z.strictObject({ level: z.enum(LEVELS) })]),
        ),
        days: ledgerNumber(),
        timesPerMonth: ledgerNumber(),
        label: ledgerLabel(),
      }),
    ),
    knowledge: ledgerEntries(
      z.strictObject({ category: ledgerId(), checksPerWeek: ledgerNumber(), sop: ledgerId(), label: ledgerLabel() }),
    ),
  });

export const SubmitResponseBody = z.lazy(() =>
  z.strictObject({
    /** Generated by the client (a v4 UUID): a retry with the same id is answered as the first submission was. */
    responseId: z.uuid(),
    answers: answersSchema(),
    level: z.enum(LEVELS),
    // Matched against the campaign's names as sent (routes/surveys.ts), not normalised: a look-alike is refused.
    department: trimmedName(80),
    /** Seconds taken; only decides the speeding flag (METHOD.md §3.5), which is stored instead of it. */
    durationS: z.optional(z.number().check(z.gte(0), z.lte(MAX_DURATION_S))),
    /** The optional ledger step (instrument 2026.2 on); leave it out to skip the step. */
    ledger: z.optional(ledgerSchema()),
    /** The code of a draft these answers were resumed from (or saved to): deleted once the response is counted. */
    draftCode: z.optional(z.string().check(z.maxLength(64))),
  }),
);

/** Answers so far, kept to resume on another device (the ledger step is not kept). */
export const SaveDraftBody = z.lazy(() =>
  z.strictObject({
    /** The response id the answers will be sent with: the other device sends them as the same response, so they count once. */
    responseId: z.optional(z.uuid()),
    answers: answersSchema(),
    level: z.optional(z.enum(LEVELS)),
    department: z.optional(trimmedName(80)),
  }),
);
export const RestoreDraftBody = z.lazy(() =>
  z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(64)) }),
);

export const LeadershipBody = z.lazy(() =>
  z.strictObject({
    respondents: z
      .array(
        z.strictObject({
          answers: answersSchema(),
          level: z.optional(z.enum(LEVELS)),
        }),
      )
      .check(z.minLength(1), z.maxLength(200)),
  }),
);

export const ReportQuery = z.lazy(() => z.strictObject({ format: z.optional(z.enum(['json', 'csv'])) }));

/** The portfolio at a glance: archived organisations only with `archived=include`; `format=csv` for the export. */
export const PortfolioQuery = z.lazy(() =>
  z.strictObject({ archived: z.optional(z.enum(['include'])), format: z.optional(z.enum(['json', 'csv'])) }),
);

/** A paged list's query (api/paging.ts): `limit` 1–50 (PAGE_LIMIT_MAX), `cursor` the `next` of the page before. */
export const PageQuery = z.lazy(() =>
  z.strictObject({
    limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-4][0-9]|50)$/, { message: 'a whole number from 1 to 50' }))),
    cursor: z.optional(
      z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{1,600}\.[A-Za-z0-9_-]{22}$/, { message: 'is not a cursor this list gave you' })),
    ),
  }),
);

/** Campaign ids: comma-separated, or the key repeated (`?campaigns=a&campaigns=b`, as API Gateway passes it on). */
const campaignIdList = () =>
  z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$/, { message: 'a comma-separated list of 1-50 ids' }),
    );
export const CompareQuery = z.lazy(() =>
  z.strictObject({
    campaigns: z.union([campaignIdList(), z.array(campaignIdList()).check(z.minLength(1), z.maxLength(50))]),
  }),
);

// ---- sign-in, users, report viewer links (functions/api/routes/auth.ts, users.ts, viewer-links.ts) ----

/** Sign-in codes, viewer codes: 32 random bytes base64url. */
const codeSchema = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{32,128}$/));

export const SignInBody = z.lazy(() => z.strictObject({ email: emailSchema() }));
export const CodeBody = z.lazy(() => z.strictObject({ code: codeSchema() }));

export const CreateUserBody = z.lazy(() =>
  z.strictObject({
    email: emailSchema(),
    name: z.optional(trimmedName(120)),
    role: z.enum(['admin', 'consultant', 'executive']),
    /** The organisations an executive reads (a consultant's portfolio grows as it creates organisations). */
    orgIds: z.optional(z.array(idSchema()).check(z.maxLength(200))),
  }),
);
export const UserParams = z.lazy(() => z.strictObject({ userId: idSchema() }));

export const ViewerLinkParams = z.lazy(() => z.strictObject({ campaignId: idSchema(), linkId: idSchema() }));
export const CreateViewerLinkBody = z.lazy(() =>
  z.strictObject({
    /** Whom it is for (a name, shown in the list of links). */
    label: trimmedName(120),
    expiresInDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(30))),
  }),
);

// The operating account's request schemas (issue 11).
export * from './account-schemas';
