import * as z from 'zod/mini';
import { LANGUAGES, LAYERS, LIKERT_SIGNALS } from '../../shared/instrument';
import { OrgProfileSchema } from '../../shared/profile';
import { roleSchema } from './schemas';

// The response shapes documented in /api/openapi.json. Only the description uses them, and it is built on request
// (app.ts imports openapi.ts when /api/openapi.json or /api/docs is asked for), so a cold start builds none of them.

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});

export const OrgSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export const OrgListSchema = z.object({ orgs: z.array(OrgSchema) });
export const ProfileResponseSchema = z.object({ orgId: z.string(), profile: z.nullable(OrgProfileSchema) });

export const CreatedTokenSchema = z.object({
  id: z.string(),
  token: z.string(),
  role: roleSchema(),
  orgIds: z.array(z.string()),
  expiresAt: z.string(),
});

export const CampaignSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  departments: z.array(z.string()),
  minGroupSize: z.number(),
  closesAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  status: z.enum(['open', 'closed']),
  languages: z.array(z.enum(LANGUAGES)),
  instrument: z.object({ id: z.string(), version: z.string() }),
  createdAt: z.string(),
  openLink: z.boolean(),
  remindAt: z.array(z.string()),
  reportSentAt: z.nullable(z.string()),
  /** The ledger step's own category lists and label setting; null: the instrument's defaults, no labels. */
  ledger: z.optional(
    z.nullable(
      z.object({
        timeCategories: z.optional(z.array(z.object({ id: z.string(), label: z.record(z.string(), z.string()) }))),
        knowledgeCategories: z.optional(z.array(z.object({ id: z.string(), label: z.record(z.string(), z.string()) }))),
        labels: z.optional(z.object({ keepDays: z.number() })),
      }),
    ),
  ),
});
export const CreatedCampaignSchema = z.extend(CampaignSchema, {
  /** Null when the campaign takes invitations only (`openLink: false`). */
  surveyToken: z.nullable(z.string()),
  surveyUrl: z.nullable(z.string()),
});
export const ClosedCampaignSchema = z.extend(CampaignSchema, {
  /** Report links mailed to the executive contacts by this call (0 when they went out before). */
  reportLinksSent: z.number(),
});
export const InvitesResultSchema = z.object({
  campaignId: z.string(),
  /** With `emails`: invitations sent, addresses skipped because they were invited before, sends that failed. */
  emailed: z.optional(z.number()),
  alreadyInvited: z.optional(z.number()),
  failed: z.optional(z.number()),
  /** With `count`: the single-use links, shown once. */
  links: z.optional(z.array(z.string())),
});
export const RemindersResultSchema = z.object({ campaignId: z.string(), reminded: z.number() });
export const ContactsSchema = z.object({
  orgId: z.string(),
  contacts: z.array(z.object({ name: z.string(), email: z.string(), language: z.optional(z.enum(LANGUAGES)) })),
});
export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) });

export const SurveySchema = z.object({
  campaign: z.object({
    name: z.string(),
    departments: z.array(z.string()),
    languages: z.array(z.enum(LANGUAGES)),
    closesAt: z.nullable(z.string()),
  }),
  language: z.enum(LANGUAGES),
  instrument: z.object({ id: z.string(), version: z.string() }),
  /** The ledger step as this campaign asks it (its lists, departments as holders, ranges); null without one. */
  ledger: z.optional(z.nullable(z.object({ maxEntries: z.number(), labels: z.boolean() }))),
});
export const ReceiptSchema = z.object({
  receipt: z.string(),
  receivedAt: z.string(),
  /** The response can be withdrawn until the campaign closes: its closing time when set, else null ("until closed"). */
  withdrawUntil: z.nullable(z.string()),
});
export const LeadershipResponseSchema = z.object({
  campaignId: z.string(),
  respondents: z.number(),
  updatedAt: z.string(),
});

const ScaleScoreDoc = z.object({
  score: z.nullable(z.number()),
  ci95: z.nullable(z.tuple([z.number(), z.number()])),
  n: z.number(),
});
const SegmentDoc = z.object({
  name: z.string(),
  suppressed: z.boolean(),
  n: z.optional(z.number()),
  layers: z.optional(z.record(z.enum(LAYERS), ScaleScoreDoc)),
});
const LedgerTableDoc = z.object({
  suppressed: z.boolean(),
  total: z.nullable(z.number()),
  rows: z.array(
    z.object({ id: z.string(), name: z.string(), suppressed: z.boolean(), respondents: z.optional(z.number()) }),
  ),
});
export const ReportSchema = z.object({
  campaign: z.object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    status: z.enum(['open', 'closed']),
    closesAt: z.nullable(z.string()),
  }),
  n: z.number(),
  minGroupSize: z.number(),
  suppressed: z.boolean(),
  /** False while the campaign is open: no workforce figures until it closes, and `reason` says why. */
  published: z.boolean(),
  reason: z.optional(z.string()),
  layers: z.optional(z.record(z.enum(LAYERS), ScaleScoreDoc)),
  signals: z.optional(z.record(z.string(), ScaleScoreDoc)),
  /** Shares per option id of the campaign's instrument version (GET /surveys/{token} lists the options). */
  capacityDecision: z.optional(z.object({ n: z.number(), shares: z.record(z.string(), z.number()) })),
  capacityDecided: z.optional(z.object({ n: z.number(), shares: z.record(z.string(), z.number()) })),
  diagnoses: z.optional(z.array(z.object({ code: z.string(), confidence: z.number() }))),
  firstBreak: z.optional(z.nullable(z.enum(LAYERS))),
  leadershipGap: z.optional(z.nullable(z.record(z.enum(LAYERS), z.number()))),
  /**
   * The ledger step's tables (2026.2 on; docs/METHOD.md §8): per ledger its total and rows by cost, hidden rows by name
   * only; waits also per kind × holder.
   */
  ledger: z.optional(
    z.object({
      n: z.number(),
      minGroupSize: z.number(),
      labelsShownFrom: z.nullable(z.number()),
      time: LedgerTableDoc,
      waiting: z.extend(LedgerTableDoc, { cells: z.array(z.object({ kind: z.string(), holderName: z.string() })) }),
      knowledge: LedgerTableDoc,
    }),
  ),
  segments: z.object({ department: z.array(SegmentDoc), level: z.array(SegmentDoc) }),
  responseRate: z.nullable(
    z.object({
      rate: z.number(),
      responded: z.number(),
      invited: z.number(),
      basis: z.enum(['invites', 'headcount']),
    }),
  ),
  generatedAt: z.string(),
});

export const CompareSchema = z.object({
  generatedAt: z.string(),
  portfolioSize: z.number(),
  measures: z.array(z.enum([...LAYERS, ...LIKERT_SIGNALS])),
  campaigns: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      name: z.string(),
      createdAt: z.string(),
      n: z.number(),
      status: z.enum(['open', 'closed']),
      /** False while the campaign is open: it is listed, not compared. */
      published: z.boolean(),
      suppressed: z.boolean(),
      previousCampaignId: z.nullable(z.string()),
      scores: z.optional(z.record(z.string(), z.nullable(z.number()))),
      percentiles: z.optional(z.record(z.string(), z.nullable(z.number()))),
      change: z.optional(z.nullable(z.record(z.string(), z.nullable(z.number())))),
    }),
  ),
});
