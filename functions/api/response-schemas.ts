import * as z from 'zod/mini';
import { EVIDENCE_NOTES, type EvidenceNoteCode } from '../../shared/diagnosis/evidence-notes';
import { LANGUAGES, LAYERS, type Layer, LEVELS, LIKERT_SIGNALS, SIGNALS } from '../../shared/instrument';
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

export const OrgSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), archived: z.boolean() });
/** Created or changed: `duplicateName` says another organisation the caller sees has this name (case, spacing aside). */
export const OrgChangedSchema = z.extend(OrgSchema, { duplicateName: z.boolean() });
/** `campaignCount` and `createdAt` tell apart two organisations of one name. */
export const OrgListSchema = z.object({ orgs: z.array(z.extend(OrgSchema, { campaignCount: z.number() })) });
/** One organisation with its profile (null when none was set). */
export const OrgWithProfileSchema = z.extend(OrgSchema, { profile: z.nullable(OrgProfileSchema) });
export const HealthSchema = z.object({ status: z.literal('ok') });
/** This document: OpenAPI 3.1. */
export const OpenApiSchema = z.record(z.string(), z.unknown());
export const ProfileResponseSchema = z.object({ orgId: z.string(), profile: z.nullable(OrgProfileSchema) });

export const CreatedTokenSchema = z.object({
  id: z.string(),
  token: z.string(),
  role: roleSchema(),
  orgIds: z.array(z.string()),
  expiresAt: z.string(),
  label: z.nullable(z.string()),
  /** A key limited to one campaign; null for none. */
  campaignId: z.nullable(z.string()),
  readOnly: z.boolean(),
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
  /** Archived (only a closed campaign can be): kept and reported, listed apart. */
  archived: z.boolean(),
});
const ProtectionDoc = z.object({
  kind: z.enum(['open-link', 'handed-out-links', 'mailed-invitations']),
  resistsPadding: z.boolean(),
  statement: z.string(),
});
export const CreatedCampaignSchema = z.extend(CampaignSchema, {
  /** Null when the campaign takes invitations only (`openLink: false`). */
  surveyToken: z.nullable(z.string()),
  surveyUrl: z.nullable(z.string()),
  /** What protects its small groups against answers added to make them show: an open link cannot. */
  protection: ProtectionDoc,
});
export const ChangedCampaignSchema = z.extend(CampaignSchema, {
  /** Only when this change turned the open link on: its new token and address, shown once (only a hash is kept). */
  surveyToken: z.optional(z.string()),
  surveyUrl: z.optional(z.string()),
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
  /** Invitations another run is mailing (or was, when it died): a retry after the mail lease sends them. */
  pending: z.optional(z.number()),
  /** Addresses left uninvited because the campaign closed, or a limit was reached, while the request ran. */
  notSent: z.optional(z.number()),
  /** With `count`: links not made, for the same reasons. */
  notMade: z.optional(z.number()),
  /** Why some were left out. */
  stoppedBy: z.optional(z.enum(['closed', 'hourly-limit', 'cap'])),
  /** With `count`: the single-use links, shown once. */
  links: z.optional(z.array(z.string())),
  /** With `count`: whoever holds the links can answer with them. */
  warning: z.optional(z.string()),
});
/** No count: how many were reminded would tell who answered. */
export const RemindersResultSchema = z.object({ campaignId: z.string(), detail: z.string() });
export const ContactsSchema = z.object({
  orgId: z.string(),
  contacts: z.array(z.object({ name: z.string(), email: z.string(), language: z.optional(z.enum(LANGUAGES)) })),
});
export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) });

const localized = () => z.record(z.enum(LANGUAGES), z.string());
const optionDoc = (extra: Record<string, z.ZodMiniType> = {}) =>
  z.object({ id: z.string(), label: localized(), ...extra });
const rangeDoc = () => z.object({ min: z.number(), max: z.number(), step: z.number() });

/** The instrument as data: every item with its text in each language, options, the segment questions, the ledgers. */
function InstrumentDoc() {
  const base = { id: z.string(), text: localized(), help: z.optional(localized()) };
  return z.object({
    id: z.string(),
    version: z.string(),
    /** How scale scores are worked out (docs/METHOD.md §3); absent: respondent-means. */
    scoring: z.optional(z.enum(['respondent-means', 'item-means'])),
    languages: z.array(z.enum(LANGUAGES)),
    layers: z.record(z.enum(LAYERS), z.object({ name: localized(), question: localized() })),
    signals: z.partialRecord(z.enum(SIGNALS), z.object({ name: localized() })),
    likertLabels: z.object({
      1: localized(),
      2: localized(),
      3: localized(),
      4: localized(),
      5: localized(),
      dk: localized(),
    }),
    items: z.array(
      z.union([
        z.object({ ...base, type: z.literal('likert'), layer: z.enum(LAYERS), reverse: z.boolean() }),
        z.object({ ...base, type: z.literal('likert'), signal: z.enum(LIKERT_SIGNALS), reverse: z.boolean() }),
        z.object({
          ...base,
          type: z.literal('choice'),
          signal: z.enum(['capacity_decision', 'capacity_decided']),
          options: z.array(optionDoc({ meaning: z.optional(z.string()) })),
        }),
      ]),
    ),
    segments: z.object({
      level: z.object({ text: localized(), options: z.array(optionDoc({ id: z.enum(LEVELS) })) }),
      department: z.object({ text: localized() }),
    }),
    ledger: z.optional(
      z.object({
        maxEntries: z.number(),
        time: z.object({
          prompt: localized(),
          categories: z.array(optionDoc()),
          reasons: z.array(optionDoc()),
          hoursPerWeek: rangeDoc(),
        }),
        waiting: z.object({
          prompt: localized(),
          kinds: z.array(optionDoc()),
          days: rangeDoc(),
          timesPerMonth: rangeDoc(),
        }),
        knowledge: z.object({
          prompt: localized(),
          categories: z.array(optionDoc()),
          checksPerWeek: rangeDoc(),
          sop: z.array(optionDoc()),
        }),
      }),
    ),
  });
}

/** The ledger step as one campaign asks it (shared/ledger ResolvedLedgerDesign): the campaign's lists and holders. */
function ResolvedLedgerDoc() {
  return z.object({
    maxEntries: z.number(),
    time: z.object({ categories: z.array(optionDoc()), reasons: z.array(optionDoc()), hoursPerWeek: rangeDoc() }),
    waiting: z.object({ kinds: z.array(optionDoc()), days: rangeDoc(), timesPerMonth: rangeDoc() }),
    knowledge: z.object({ categories: z.array(optionDoc()), checksPerWeek: rangeDoc(), sop: z.array(optionDoc()) }),
    /** The departments a wait may be held by (besides a level). */
    departments: z.nullable(z.array(z.string())),
    /** Whether entries may carry a free-text label. */
    labels: z.boolean(),
    openCategories: z.optional(z.boolean()),
  });
}

export const SurveySchema = z.object({
  campaign: z.object({
    name: z.string(),
    departments: z.array(z.string()),
    languages: z.array(z.enum(LANGUAGES)),
    closesAt: z.nullable(z.string()),
  }),
  language: z.enum(LANGUAGES),
  /** The campaign's instrument version, whole: the survey page renders from it (shared/instrument/types.ts). */
  instrument: InstrumentDoc(),
  /** The ledger step as this campaign asks it (its lists, departments as holders, ranges); null without one. */
  ledger: z.optional(z.nullable(ResolvedLedgerDoc())),
});
export const ReceiptSchema = z.object({
  receipt: z.string(),
  /** The hour it was received, as stored (whole hours only: no finer time is kept of a response). */
  receivedAt: z.string(),
  /** The response can be withdrawn until the campaign closes: its closing time when set, else null ("until closed"). */
  withdrawUntil: z.nullable(z.string()),
});
export const DraftSavedSchema = z.object({
  /** Shown once: the only key to the draft (only its hash is stored). Groups of four; dashes and case do not matter. */
  code: z.string(),
  /** After this the code no longer works: 7 days, or the campaign's close if sooner. */
  expiresAt: z.string(),
});
export const DraftSchema = z.object({
  /** The response id saved with the draft: send the answers with it, so both devices' sends are one response. */
  responseId: z.nullable(z.string()),
  answers: z.record(z.string(), z.union([z.number(), z.string()])),
  level: z.nullable(z.string()),
  department: z.nullable(z.string()),
  expiresAt: z.string(),
});
export const LeadershipResponseSchema = z.object({
  campaignId: z.string(),
  respondents: z.number(),
  updatedAt: z.string(),
});
/** The stored leadership view as it was put (leadership's own answers, knowingly not anonymous). */
export const LeadershipViewSchema = z.object({
  campaignId: z.string(),
  /** Empty, with `updatedAt` null, while nothing is stored. */
  respondents: z.array(
    z.object({
      answers: z.record(z.string(), z.union([z.number(), z.string()])),
      level: z.enum(LEVELS),
    }),
  ),
  updatedAt: z.nullable(z.string()),
});

/** One scale (a layer or a likert signal) for one group; every figure derived from answers null when withheld. */
const ScaleScoreDoc = z.object({
  score: z.nullable(z.number()),
  ci95: z.nullable(z.tuple([z.number(), z.number()])),
  level: z.nullable(z.number()),
  levelName: z.nullable(z.string()),
  n: z.number(),
  dontKnowRate: z.number(),
  agreement: z.nullable(z.number()),
  alpha: z.nullable(z.number()),
  sd: z.nullable(z.number()),
  /** Standard error of the score on 0..100 (docs/METHOD.md §3); null when n < 2. */
  se: z.optional(z.nullable(z.number())),
  /** Item-means scales: alpha computed but unstable (few respondents behind a pairwise covariance). */
  alphaUnstable: z.optional(z.boolean()),
});
/** Text in every report language. */
const LocalizedDoc = z.partialRecord(z.enum(LANGUAGES), z.string());
const DIAGNOSIS_CODES = [
  'cash_rich_trap',
  'cash_poor_trap',
  'boss_b_trap',
  'replacement_only',
  'human_exit_missing',
] as const;
const EvidenceDoc = z.object({
  source: z.string(),
  value: z.number(),
  threshold: z.number(),
  comparison: z.enum(['<', '<=', '>', '>=']),
  met: z.boolean(),
  /** In English. */
  note: z.optional(z.string()),
  /** The note's parts, each a code with its figures, for saying it in another language. */
  noteParts: z.optional(
    z.array(
      z.object({
        code: z.enum(Object.keys(EVIDENCE_NOTES) as [EvidenceNoteCode, ...EvidenceNoteCode[]]),
        figures: z.optional(z.record(z.string(), z.union([z.number(), z.string()]))),
      }),
    ),
  ),
});
/** A difference between two published groups with its simultaneous interval (docs/METHOD.md). */
const DifferenceDoc = z.object({ value: z.number(), ci: z.tuple([z.number(), z.number()]), beyondNoise: z.boolean() });
const ItemScoreDoc = z.object({
  n: z.number(),
  counts: z.array(z.number()),
  favourable: z.nullable(z.number()),
  neutral: z.nullable(z.number()),
  unfavourable: z.nullable(z.number()),
  score: z.nullable(z.number()),
  dontKnowRate: z.nullable(z.number()),
  answers: z.number(),
});
const WeightingDoc = z.object({
  by: z.enum(['department', 'level']),
  strata: z.array(
    z.object({ name: z.nullable(z.string()), responses: z.number(), headcount: z.number(), rate: z.number() }),
  ),
  layers: z.partialRecord(z.enum(LAYERS), z.object({ weighted: z.number(), unweighted: z.number() })),
  unrepresented: z.array(z.string()),
});
const layersDoc = () => z.record(z.enum(LAYERS), ScaleScoreDoc);
/** Answers to a choice item, per option id of the campaign's instrument (GET /surveys/{token} lists them). */
const DistributionDoc = z.object({
  n: z.number(),
  counts: z.record(z.string(), z.number()),
  shares: z.record(z.string(), z.number()),
});
const SegmentDoc = z.object({
  name: z.string(),
  suppressed: z.boolean(),
  n: z.optional(z.number()),
  layers: z.optional(layersDoc()),
  /** Per published layer, this group minus the whole workforce, simultaneous over the breakdown. */
  differences: z.optional(z.partialRecord(z.enum(LAYERS), DifferenceDoc)),
});
const GroupDoc = () => z.object({ n: z.number(), layers: layersDoc() });
/** A median with its distribution-free 95% interval (null below 6 values). */
const MedianDoc = () =>
  z.object({ median: z.nullable(z.number()), ci95: z.nullable(z.tuple([z.number(), z.number()])) });
const countsDoc = () => z.record(z.string(), z.number());
/** A row hidden by the minimum group size or as a complement: its name only. */
const HiddenRowDoc = () => z.object({ id: z.string(), name: z.string(), suppressed: z.literal(true) });
const shownRow = () => ({
  id: z.string(),
  name: z.string(),
  suppressed: z.literal(false),
  respondents: z.number(),
  share: z.number(),
  shareCi95: z.nullable(z.tuple([z.number(), z.number()])),
  /** Only when labels are on and the row is large enough (labelsShownFrom). */
  labels: z.optional(z.array(z.object({ text: z.string(), count: z.number() }))),
});
const holderDoc = () => z.union([z.object({ department: z.string() }), z.object({ level: z.enum(LEVELS) })]);
const WaitCellDoc = () =>
  z.object({
    kind: z.string(),
    kindName: z.string(),
    heldBy: holderDoc(),
    holderName: z.string(),
    respondents: z.number(),
    share: z.number(),
    shareCi95: z.nullable(z.tuple([z.number(), z.number()])),
    days: MedianDoc(),
    timesPerMonth: MedianDoc(),
    waitingDaysPerMonth: z.number(),
  });
const ledgerTableDoc = (row: z.ZodMiniType) => ({
  /** Fewer than the minimum named anything in this ledger: nothing of it is shown. */
  suppressed: z.boolean(),
  /** Hours a week, waiting days a month or checks a week over every entry; null when suppressed. */
  total: z.nullable(z.number()),
  /** Shown rows, highest cost first, then hidden ones. */
  rows: z.array(z.union([row, HiddenRowDoc()])),
});
/** The published ledger tables (2026.2 on; docs/METHOD.md §8). */
const LedgerReportDoc = () =>
  z.object({
    n: z.number(),
    minGroupSize: z.number(),
    labelsShownFrom: z.nullable(z.number()),
    time: z.object(
      ledgerTableDoc(z.object({ ...shownRow(), hoursPerWeek: z.number(), hours: MedianDoc(), reasons: countsDoc() })),
    ),
    waiting: z.object({
      ...ledgerTableDoc(
        z.object({
          ...shownRow(),
          waitingDaysPerMonth: z.number(),
          days: MedianDoc(),
          timesPerMonth: MedianDoc(),
          holders: z.array(WaitCellDoc()),
        }),
      ),
      /** Every kind × holder that may be shown, most waiting days first: the waits to remove. */
      cells: z.array(WaitCellDoc()),
    }),
    knowledge: z.object(
      ledgerTableDoc(z.object({ ...shownRow(), checksPerWeek: z.number(), checks: MedianDoc(), sop: countsDoc() })),
    ),
  });
export const ReportSchema = z.object({
  campaign: z.object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    name: z.string(),
    status: z.enum(['open', 'closed']),
    closesAt: z.nullable(z.string()),
  }),
  instrument: z.optional(z.object({ id: z.string(), version: z.string() })),
  /** Null while the campaign is open: no answer volume is shown until it closes. */
  n: z.nullable(z.number()),
  minGroupSize: z.number(),
  suppressed: z.boolean(),
  protection: ProtectionDoc,
  /** Shown groups whose answers came mostly in the last day before the close: maybe padded. */
  lateBursts: z.optional(
    z.array(z.object({ breakdown: z.enum(['department', 'level']), group: z.string(), note: z.string() })),
  ),
  /** False while the campaign is open (and while its close settles): no workforce figures, and `reason` says why. */
  published: z.boolean(),
  reason: z.optional(z.string()),
  layers: z.optional(layersDoc()),
  signals: z.optional(z.partialRecord(z.enum(LIKERT_SIGNALS), ScaleScoreDoc)),
  capacityDecision: z.optional(DistributionDoc),
  /** Whether leadership has decided at all (instrument 2026.2 on). */
  capacityDecided: z.optional(DistributionDoc),
  quality: z.optional(
    z.object({ flagged: z.number(), straightLining: z.number(), tooFast: z.number(), excluded: z.boolean() }),
  ),
  /** Per likert item: favourable / neutral / unfavourable shares and its own don't-know rate (whole workforce). */
  items: z.optional(z.record(z.string(), ItemScoreDoc)),
  diagnoses: z.optional(
    z.array(
      z.object({
        code: z.enum(DIAGNOSIS_CODES),
        /** Calibrated: of patterns asserted at this confidence, about this share hold (docs/METHOD.md). */
        confidence: z.number(),
        evidence: z.array(EvidenceDoc),
        explanation: z.string(),
        support: z.optional(z.number()),
        likelihood: z.optional(z.enum(['more_likely', 'likely', 'very_likely'])),
        explanations: z.optional(LocalizedDoc),
        caution: z.optional(z.literal('flagged_responses')),
      }),
    ),
  ),
  diagnosisNotes: z.optional(z.array(z.string())),
  /** The same notes in every report language. */
  notes: z.optional(
    z.array(
      z.object({
        code: z.enum(['not_checked', 'not_asserted', 'borderline', 'diagnosis_withheld']),
        about: z.optional(z.enum(DIAGNOSIS_CODES)),
        text: LocalizedDoc,
      }),
    ),
  ),
  /** Findings beside the traps (too few to diagnose, careless answers, "don't know", several weak, polarised). */
  findings: z.optional(
    z.array(
      z.object({
        code: z.enum([
          'too_few_to_diagnose',
          'careless_responses',
          'practices_invisible',
          'several_weak_layers',
          'polarised_departments',
        ]),
        lead: z.boolean(),
        text: LocalizedDoc,
        evidence: z.array(EvidenceDoc),
      }),
    ),
  ),
  diagnosisMinimum: z.optional(
    z.object({
      n: z.number(),
      effectiveN: z.number(),
      required: z.number(),
      headcount: z.nullable(z.number()),
      met: z.boolean(),
    }),
  ),
  /** Why nothing is diagnosed although scores are shown. */
  diagnosisWithheld: z.optional(z.nullable(z.enum(['too_few_responses', 'flagged_responses']))),
  /** Weak layers that cannot be told apart: no single first break is named then. */
  weakTogether: z.optional(z.array(z.enum(LAYERS))),
  /** Managers minus frontline (both published). */
  levelGap: z.optional(
    z.nullable(
      z.object({
        upper: z.enum(LEVELS),
        lower: z.enum(LEVELS),
        n: z.object({ upper: z.number(), lower: z.number() }),
        layers: z.partialRecord(z.enum(LAYERS), DifferenceDoc),
        mean: z.number(),
      }),
    ),
  ),
  /** Response rates and scores weighted to the profile's headcount, per breakdown that has one. */
  weighting: z.optional(z.object({ department: z.nullable(WeightingDoc), level: z.nullable(WeightingDoc) })),
  firstBreak: z.optional(z.nullable(z.enum(LAYERS))),
  layerVerdicts: z.optional(z.record(z.enum(LAYERS), z.enum(['weak', 'borderline', 'sound', 'unknown']))),
  recommendations: z.optional(
    z.array(
      z.object({
        layer: z.nullable(z.enum(LAYERS)),
        ledger: z.nullable(z.enum(['time', 'waiting', 'knowledge'])),
        action: z.string(),
        code: z.optional(z.string()),
        topic: z.optional(z.string()),
        actions: z.optional(LocalizedDoc),
        because: z.optional(LocalizedDoc),
        source: z.optional(z.enum(['diagnosis', 'layer', 'ledger'])),
        /** The action in every language, when it was written from the ledger (`action` is its English). */
        text: z.optional(localized()),
        /** The published ledger row a ledger action names: a category, or a wait's kind and holder. */
        cell: z.optional(z.object({ category: z.string(), heldBy: z.optional(holderDoc()) })),
      }),
    ),
  ),
  leadershipGap: z.optional(z.nullable(z.partialRecord(z.enum(LAYERS), z.number()))),
  /** The leadership view (knowingly not anonymous), shown beside the workforce view, never merged into it. */
  leadership: z.nullable(GroupDoc()),
  /** Per level large enough to show (and not given away by a suppressed one). */
  byLevel: z.partialRecord(z.enum(LEVELS), GroupDoc()),
  /** The ledger step's tables (2026.2 on): per ledger its total and rows by cost, hidden rows by name only. */
  ledger: z.optional(LedgerReportDoc()),
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
  /** The fewest other organisations a percentile is given over (5). */
  minPeers: z.number(),
  measures: z.array(z.enum([...LAYERS, ...LIKERT_SIGNALS])),
  campaigns: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      name: z.string(),
      createdAt: z.string(),
      /** Null while the campaign is open. */
      n: z.nullable(z.number()),
      status: z.enum(['open', 'closed']),
      /** False while the campaign is open: it is listed, not compared. */
      published: z.boolean(),
      suppressed: z.boolean(),
      previousCampaignId: z.nullable(z.string()),
      scores: z.optional(z.record(z.string(), z.nullable(z.number()))),
      /** Other organisations whose latest closed, published wave shows scores: the ranking's peers. */
      peers: z.optional(z.number()),
      /** Per measure, the peers with a score on it. */
      peerCounts: z.optional(z.record(z.string(), z.number())),
      /** Mid-rank percentile among the peers; null below minPeers of them or without a score. */
      percentiles: z.optional(z.record(z.string(), z.nullable(z.number()))),
      /** Why a percentile is null ("fewer than 5 other organisations"); null where one is given. */
      percentileReasons: z.optional(z.record(z.string(), z.nullable(z.string()))),
      change: z.optional(z.nullable(z.record(z.string(), z.nullable(z.number())))),
      /** The change per measure with its simultaneous interval; `beyondNoise` only where noise would not make it. */
      changeIntervals: z.optional(
        z.nullable(
          z.record(
            z.string(),
            z.object({ value: z.number(), ci: z.tuple([z.number(), z.number()]), beyondNoise: z.boolean() }),
          ),
        ),
      ),
    }),
  ),
});

const GlanceLayerDoc = z.object({ score: z.nullable(z.number()), level: z.nullable(z.string()) });
const GlanceChangeDoc = z.object({ delta: z.nullable(z.number()), significant: z.nullable(z.boolean()) });
/** GET /portfolio: one row per organisation, its latest closed and published wave (shared/report/portfolio.ts). */
export const PortfolioSchema = z.object({
  companies: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      archived: z.boolean(),
      campaignId: z.nullable(z.string()),
      campaignName: z.nullable(z.string()),
      closedAt: z.nullable(z.string()),
      /** As the wave's report shows them: a withheld layer is null. */
      layers: z.object(
        Object.fromEntries(LAYERS.map((l) => [l, GlanceLayerDoc])) as Record<Layer, typeof GlanceLayerDoc>,
      ),
      firstBreak: z.nullable(z.enum(LAYERS)),
      /** Codes of the diagnoses made. */
      diagnoses: z.array(z.string()),
      /** Responses over the profile's headcount; null without one. */
      responseRate: z.nullable(z.number()),
      /** Since the organisation's previous published wave, per layer, with the waves route's significance rule. */
      change: z.nullable(
        z.object({
          fromCampaignId: z.string(),
          fromCampaignName: z.string(),
          layers: z.object(
            Object.fromEntries(LAYERS.map((l) => [l, GlanceChangeDoc])) as Record<Layer, typeof GlanceChangeDoc>,
          ),
        }),
      ),
      /** Each open campaign with its live participation, as GET /campaigns/{id}/participation gives it. */
      participation: z.array(
        z.object({
          campaignId: z.string(),
          campaignName: z.string(),
          asOf: z.nullable(z.string()),
          minGroupSize: z.number(),
          total: z.nullable(z.number()),
        }),
      ),
    }),
  ),
});

/** GET /campaigns/{id}/waves: the organisation's published waves up to this one, oldest first. */
export const WavesSchema = z.object({
  campaignId: z.string(),
  generatedAt: z.string(),
  waves: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.string(),
      n: z.nullable(z.number()),
      /** Below the wave's minimum group size: no scores and no change. */
      suppressed: z.boolean(),
      scores: z.optional(z.partialRecord(z.enum(LAYERS), z.nullable(z.number()))),
      /** Change from the previous published wave per layer, with its simultaneous interval. */
      change: z.optional(z.nullable(z.partialRecord(z.enum(LAYERS), DifferenceDoc))),
      previousId: z.nullable(z.string()),
    }),
  ),
});

/** GET /campaigns/{id}/participation: live counts of a running campaign as of its last settled hour (issue 16). */
export const ParticipationSchema = z.object({
  campaignId: z.string(),
  status: z.enum(['open', 'closed']),
  /** The counts hold the answers received before this time (a whole hour); null once closed. */
  asOf: z.nullable(z.string()),
  minGroupSize: z.number(),
  /** null: below the minimum group size (or closed). */
  total: z.nullable(z.number()),
  /** Shown departments only (null name: answers without a department). */
  departments: z.array(
    z.object({
      name: z.nullable(z.string()),
      n: z.number(),
      /** From the organisation profile's headcount by department; null without one. */
      headcount: z.nullable(z.number()),
      /** n over headcount, rounded to 0.001; null without a headcount. */
      responseRate: z.nullable(z.number()),
    }),
  ),
  /** The departments not shown, counted together; n null when that count is below the minimum group size. */
  otherDepartments: z.nullable(z.object({ groups: z.array(z.nullable(z.string())), n: z.nullable(z.number()) })),
  levels: z.array(z.object({ level: z.enum(LEVELS), n: z.number() })),
  otherLevels: z.nullable(z.object({ groups: z.array(z.enum(LEVELS)), n: z.nullable(z.number()) })),
  note: z.string(),
});

export const ImportResultSchema = z.object({
  campaignId: z.string(),
  /** Data rows in the file, empty ones included. */
  rows: z.number(),
  /** Responses written by this upload. */
  imported: z.number(),
  /** Rows stored by an earlier upload of the same content. */
  alreadyImported: z.number(),
  /** Rows whose every cell was empty, by data row number. */
  skipped: z.object({ count: z.number(), rows: z.array(z.number()) }),
  file: z.object({
    encoding: z.enum(['UTF-8', 'UTF-16 LE', 'UTF-16 BE', 'Windows-1252']),
    bom: z.boolean(),
    delimiter: z.enum(['comma', 'semicolon', 'tab']),
    lineEnds: z.nullable(z.enum(['LF', 'CRLF', 'CR'])),
    headerRows: z.number(),
    tool: z.nullable(z.string()),
  }),
  columns: z.object({
    /** Each column read, and as what (an item id, level, department, duration_s). */
    read: z.array(z.object({ column: z.string(), as: z.string() })),
    ignored: z.array(z.string()),
    /** Named, never read. */
    identifying: z.array(z.string()),
  }),
});
