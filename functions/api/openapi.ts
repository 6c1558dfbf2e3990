import * as z from 'zod/mini';
import { ACCOUNT_OPERATIONS } from './account-openapi';
import { PROBLEM_TYPES } from './errors';
import { AUTH_OPERATIONS } from './openapi-auth';
import { accessText } from './policy';
import * as R from './response-schemas';
import * as S from './schemas';

type Schema = z.ZodMiniType;

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono path syntax (`:id`); converted to OpenAPI's `{id}`. */
  path: string;
  summary: string;
  /**
   * Who may call it: roles, "respondent" (no token) or "anyone". For protected routes the policy table's words
   * replace what is written here (policy.ts is the one source).
   */
  access: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  ok: { status: number; schema?: Schema; description: string; csv?: boolean; html?: boolean };
  /** Other success statuses answered with the same schema (a retried submission's 200). */
  also?: number[];
  /** The body is a file upload (text/csv or multipart/form-data), not JSON. */
  upload?: boolean;
  errors: number[];
}

const AUTH = [401, 403, 404];

/** Every route of the API; a test checks this list against the routes the app really has. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness check',
    access: 'anyone',
    ok: { status: 200, schema: R.HealthSchema, description: 'OK' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/orgs',
    summary: 'Create an organisation',
    access: 'admin, consultant',
    body: S.CreateOrgBody,
    ok: {
      status: 201,
      schema: R.OrgChangedSchema,
      description: 'Created (duplicateName: another organisation of the portfolio has this name; it is allowed)',
    },
    errors: [400, 401, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/api/v1/orgs',
    summary: "The caller's portfolio of organisations",
    access: 'admin, consultant, executive',
    ok: { status: 200, schema: R.OrgListSchema, description: 'Organisations' },
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId',
    summary: 'One organisation with its profile',
    access: 'admin, consultant, executive (own)',
    params: S.OrgParams,
    ok: { status: 200, schema: R.OrgWithProfileSchema, description: 'Organisation' },
    errors: [400, ...AUTH],
  },
  {
    method: 'patch',
    path: '/api/v1/orgs/:orgId',
    summary: 'Rename or archive (archived: true) an organisation, or take it out of the archive (archived: false)',
    access: 'admin, consultant (own)',
    params: S.OrgParams,
    body: S.PatchOrgBody,
    ok: { status: 200, schema: R.OrgChangedSchema, description: 'Changed' },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/:orgId',
    summary:
      'Delete an organisation without campaigns, with its profile, contacts and operating account (409 org-has-campaigns while it has any)',
    access: 'admin, consultant (own)',
    params: S.OrgParams,
    ok: { status: 204, description: 'Deleted' },
    errors: [400, ...AUTH, 409],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/profile',
    summary: 'The organisation profile',
    access: 'admin, consultant, executive (own)',
    params: S.OrgParams,
    ok: { status: 200, schema: R.ProfileResponseSchema, description: 'Profile (null when none)' },
    errors: [400, ...AUTH],
  },
  {
    method: 'put',
    path: '/api/v1/orgs/:orgId/profile',
    summary: 'Set the organisation profile (investment facts, headcount)',
    access: 'admin, consultant, executive (own)',
    params: S.OrgParams,
    body: S.OrgProfileSchema,
    ok: { status: 200, schema: R.ProfileResponseSchema, description: 'Stored' },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'post',
    path: '/api/v1/orgs/:orgId/campaigns',
    summary: 'Create a survey campaign; the survey link is shown once',
    access: 'admin, consultant (own)',
    params: S.OrgParams,
    body: S.CreateCampaignBody,
    ok: { status: 201, schema: R.CreatedCampaignSchema, description: 'Created' },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/campaigns',
    summary: "The organisation's campaigns by creation",
    access: 'admin, consultant, executive (own)',
    params: S.OrgParams,
    ok: { status: 200, schema: R.CampaignListSchema, description: 'Campaigns' },
    errors: [400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/orgs/:orgId/contacts',
    summary: 'The executive contacts who receive the report link when a campaign closes',
    access: 'admin, consultant, executive (own)',
    params: S.OrgParams,
    ok: { status: 200, schema: R.ContactsSchema, description: 'Contacts' },
    errors: [400, ...AUTH],
  },
  {
    method: 'put',
    path: '/api/v1/orgs/:orgId/contacts',
    summary: 'Replace the executive contacts (name, email, language)',
    access: 'admin, consultant, executive (own)',
    params: S.OrgParams,
    body: S.ContactsBody,
    ok: { status: 200, schema: R.ContactsSchema, description: 'Stored' },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'post',
    path: '/api/v1/tokens',
    summary: 'Create a bearer token (shown once)',
    access: 'admin (any role), consultant (executive tokens for its organisations)',
    body: S.CreateTokenBody,
    ok: { status: 201, schema: R.CreatedTokenSchema, description: 'Created' },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/v1/tokens/:tokenId',
    summary: 'Revoke a token',
    access: 'admin, consultant (tokens it created)',
    params: S.TokenParams,
    ok: { status: 204, description: 'Revoked' },
    errors: [400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId',
    summary: 'One campaign',
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    ok: { status: 200, schema: R.CampaignSchema, description: 'Campaign' },
    errors: [400, ...AUTH],
  },
  {
    method: 'patch',
    path: '/api/v1/campaigns/:campaignId',
    summary:
      'Rename, archive (only once closed: 409 campaign-open) or un-archive a campaign; while it is open, change its departments (only while no response or import is stored: 409 departments-locked), close date (at least 5 minutes ahead), reminders still to come, languages (one invitations were mailed in stays: 409 language-in-use) and open link (off: it stops at once; on: a new link, shown once). Closed or closing: 409 settings-locked naming each field',
    access: 'admin, consultant (own)',
    params: S.CampaignParams,
    body: S.PatchCampaignBody,
    ok: {
      status: 200,
      schema: R.ChangedCampaignSchema,
      description: 'Changed (surveyToken and surveyUrl only when the open link was turned on)',
    },
    errors: [400, ...AUTH, 409, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/v1/campaigns/:campaignId',
    summary:
      'Delete a campaign while nothing is stored for it, with its survey links, invites, viewer links and reminders (409 campaign-has-responses: archive it instead)',
    access: 'admin, consultant (own)',
    params: S.CampaignParams,
    ok: { status: 204, description: 'Deleted' },
    errors: [400, ...AUTH, 409],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/leadership',
    summary:
      "The stored leadership view as it was put (leadership's own record, not workforce data); empty while none is stored",
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    ok: { status: 200, schema: R.LeadershipViewSchema, description: 'Stored leadership view' },
    errors: [400, ...AUTH],
  },
  {
    method: 'put',
    path: '/api/v1/campaigns/:campaignId/leadership',
    summary:
      "Store the leadership view (the leadership's own answers, not anonymous, never mixed into workforce scores)",
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    body: S.LeadershipBody,
    ok: { status: 200, schema: R.LeadershipResponseSchema, description: 'Stored' },
    errors: [400, ...AUTH, 413, 415],
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/:campaignId/invites',
    summary:
      'Invite by email ({ emails }: one personal single-use link each, mailed) or make single-use links ({ count }: returned once); never linked to answers',
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    body: S.InviteBody,
    ok: { status: 201, schema: R.InvitesResultSchema, description: 'Invited' },
    // 409: the campaign's invitation cap; 429: its hourly quota (Retry-After).
    errors: [400, ...AUTH, 409, 410, 413, 415, 429, 503],
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/:campaignId/imports',
    summary:
      'Import answers collected in another survey tool: a CSV (text/csv), or multipart/form-data with an optional "mapping" part (JSON, as `orgos map` proposes) before the "file" part. Each row becomes a response as a survey submission would; a file with any bad row stores nothing; uploading the same file again adds nothing',
    access: 'admin, consultant (own)',
    params: S.CampaignParams,
    upload: true,
    ok: { status: 201, schema: R.ImportResultSchema, description: 'Imported (200: every row was imported before)' },
    also: [200],
    errors: [400, ...AUTH, 410, 413, 415, 503],
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/:campaignId/reminders',
    summary:
      'Remind invitees who have not answered through their invitation (at most once a day each, none within a day of the invitation); no count',
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    ok: { status: 200, schema: R.RemindersResultSchema, description: 'Reminded' },
    errors: [400, ...AUTH, 410, 503],
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/:campaignId/close',
    summary:
      'Close the campaign: no more answers or withdrawals, results published, report links mailed to the executive contacts',
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    ok: { status: 200, schema: R.ClosedCampaignSchema, description: 'Closed (also when it was closed already)' },
    errors: [400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/report',
    summary:
      'The readiness report (JSON, or an aggregate CSV with ?format=csv); published once the campaign closes, with groups below the minimum size suppressed',
    access: 'admin, consultant, executive (own)',
    params: S.CampaignParams,
    query: S.ReportQuery,
    ok: { status: 200, schema: R.ReportSchema, description: 'Report', csv: true },
    // 202: the snapshot is behind (a large campaign just after its close): try again after Retry-After.
    errors: [202, 400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/waves',
    summary:
      "The organisation's published waves up to this campaign, oldest first: whole-workforce layer scores and the change from the wave before with its uncertainty; a wave below its minimum group size shows only its count",
    access: 'admin, consultant, executive, viewer (own)',
    params: S.CampaignParams,
    ok: { status: 200, schema: R.WavesSchema, description: 'Waves' },
    errors: [202, 400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/participation',
    summary:
      "Live participation while the campaign runs: answers received before the last settled whole hour, by department and by level, each group only from the minimum group size on, smaller ones counted together as other groups (shown from that size on too), the total only where it gives no hidden group away by subtraction, and a department's response rate where the profile has its headcount. No department × level cells. Once closed, only that the counts are in the report",
    access: 'admin, consultant (own)',
    params: S.CampaignParams,
    ok: { status: 200, schema: R.ParticipationSchema, description: 'Participation' },
    // 202: too many answers since the last fold to count on a request; try again after Retry-After.
    errors: [202, 400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/compare',
    summary:
      'Campaigns side by side: scores, percentiles among the other organisations of the portfolio (each by its latest closed wave; none below 5 peers), and change between waves',
    access: 'admin, consultant',
    query: S.CompareQuery,
    ok: { status: 200, schema: R.CompareSchema, description: 'Comparison' },
    errors: [202, 400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/portfolio',
    summary:
      "Every organisation of the portfolio at a glance: its latest closed wave's five layers (score, level), first break, diagnoses, response rate and the change since its previous wave with its significance; archived organisations with ?archived=include; a CSV with ?format=csv. While a campaign runs, participation gives its answers before the last settled hour, as its own participation route does (none below the minimum group size)",
    access: 'admin, consultant',
    query: S.PortfolioQuery,
    ok: { status: 200, schema: R.PortfolioSchema, description: 'Portfolio', csv: true },
    errors: [202, 400, ...AUTH],
  },
  {
    method: 'get',
    path: '/api/v1/surveys/:surveyToken',
    summary: 'The survey behind a survey link',
    access: 'respondent',
    params: S.SurveyParams,
    query: S.SurveyQuery,
    ok: { status: 200, schema: R.SurveySchema, description: 'Survey' },
    errors: [400, 404, 409, 410],
  },
  {
    method: 'post',
    path: '/api/v1/surveys/:surveyToken/responses',
    summary: 'Submit a response; a retry with the same responseId and answers gets the same receipt (200)',
    access: 'respondent',
    params: S.SurveyParams,
    body: S.SubmitResponseBody,
    ok: { status: 201, schema: R.ReceiptSchema, description: 'Counted (200: a retry of a response already counted)' },
    also: [200],
    errors: [400, 404, 409, 410, 413, 415, 429, 503],
  },
  {
    method: 'put',
    path: '/api/v1/surveys/:surveyToken/drafts',
    summary:
      'Save the answers so far to continue on another device: a random code (shown once, stored only as a hash) is the only key; it works for 7 days or until the campaign closes, and the draft is deleted on submission (send its code as draftCode) and at the close. Never counted, never in a report or export',
    access: 'respondent',
    params: S.SurveyParams,
    body: S.SaveDraftBody,
    ok: { status: 201, schema: R.DraftSavedSchema, description: 'Saved' },
    errors: [400, 404, 409, 410, 413, 415, 429],
  },
  {
    method: 'post',
    path: '/api/v1/surveys/:surveyToken/drafts/restore',
    summary:
      'The answers saved under a code, for this survey only; a wrong or expired code is 404 (400 when it cannot be a code), and failures are throttled per client (429)',
    access: 'respondent',
    params: S.SurveyParams,
    body: S.RestoreDraftBody,
    ok: { status: 200, schema: R.DraftSchema, description: 'The saved answers' },
    errors: [400, 404, 410, 413, 415, 429],
  },
  {
    method: 'delete',
    path: '/api/v1/responses/:receipt',
    summary: 'Withdraw a response with its receipt, until the campaign closes',
    access: 'respondent',
    params: S.ReceiptParams,
    ok: { status: 204, description: 'Withdrawn' },
    errors: [400, 404, 410],
  },
  ...ACCOUNT_OPERATIONS,
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    access: 'anyone',
    ok: { status: 200, schema: R.OpenApiSchema, description: 'OpenAPI 3.1' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'Readable API documentation',
    access: 'anyone',
    ok: { status: 200, description: 'HTML', html: true },
    errors: [],
  },
  ...AUTH_OPERATIONS,
];

for (const op of OPERATIONS) op.access = accessText(op.method, op.path) ?? op.access;

const jsonSchema = (schema: Schema): Record<string, unknown> => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

/** A CSV file as it was exported, or a form carrying it with its mapping. */
const UPLOAD_BODY = {
  required: true,
  content: {
    'text/csv': { schema: { type: 'string', format: 'binary' } },
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          mapping: { type: 'string', description: 'the mapping file (JSON); must come before the file part' },
          file: { type: 'string', format: 'binary' },
        },
      },
      encoding: { mapping: { contentType: 'application/json' } },
    },
  },
};

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

function parameters(op: Operation): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

const STATUS_TEXT: Record<number, string> = Object.fromEntries(PROBLEM_TYPES.map((p) => [p.status, p.title]));

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [op.ok.status]: {
        description: op.ok.description,
        ...(op.ok.schema
          ? {
              content: {
                'application/json': { schema: jsonSchema(op.ok.schema) },
                ...(op.ok.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
              },
            }
          : op.ok.html
            ? { content: { 'text/html': { schema: { type: 'string' } } } }
            : {}),
      },
    };
    for (const status of op.also ?? []) responses[status] = responses[op.ok.status];
    // Any route that reads the table can meet a throttled or timed-out store: 503 with Retry-After.
    const errors = op.access === 'anyone' ? op.errors : [...new Set([...op.errors, 503])].sort((a, b) => a - b);
    for (const status of errors) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const protectedRoute = !['anyone', 'respondent'].includes(op.access);
    const path = openApiPath(op.path);
    paths[path] ??= {};
    paths[path][op.method] = {
      summary: op.summary,
      description: `Access: ${op.access}.`,
      ...(protectedRoute ? { security: [{ bearer: [] }] } : { security: [] }),
      parameters: parameters(op),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
        : {}),
      ...(op.upload ? { requestBody: UPLOAD_BODY } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'orgos API',
      version: '1',
      description: 'Org OS readiness survey: organisations, campaigns, anonymous responses, reports.',
    },
    servers: [{ url: publicUrl }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Problem: jsonSchema(R.ProblemSchema) },
    },
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function fields(schema: Schema | undefined): string {
  if (!schema) return '';
  const js = jsonSchema(schema) as { properties?: Record<string, { type?: unknown }>; required?: string[] };
  const rows = Object.entries(js.properties ?? {}).map(
    ([name, s]) =>
      `<li><code>${esc(name)}</code>${(js.required ?? []).includes(name) ? '' : ' (optional)'}${s.type ? ` <small>${esc(String(s.type))}</small>` : ''}</li>`,
  );
  return rows.length ? `<ul>${rows.join('')}</ul>` : '';
}

/** A plain page: no scripts, no external styles (CSP default-src 'self'). */
export function docsPage(): string {
  const ops = OPERATIONS.map(
    (op) => `<section>
<h3><code>${op.method.toUpperCase()} ${esc(openApiPath(op.path))}</code></h3>
<p>${esc(op.summary)}. <strong>Access:</strong> ${esc(op.access)}. <strong>Success:</strong> ${op.ok.status}.</p>
${op.params ? `<h4>Path</h4>${fields(op.params)}` : ''}${op.query ? `<h4>Query</h4>${fields(op.query)}` : ''}${op.body ? `<h4>Body (JSON, unknown fields rejected)</h4>${fields(op.body)}` : ''}
${op.errors.length ? `<p>Errors: ${op.errors.join(', ')} (application/problem+json)</p>` : ''}
</section>`,
  ).join('\n');
  const problems = PROBLEM_TYPES.map(
    (p) => `<dt id="problem-${p.slug}"><code>${p.status}</code> ${esc(p.title)}</dt><dd>${esc(p.when)}</dd>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>orgos API</title></head>
<body><main>
<h1>orgos API</h1>
<p>JSON under <code>/api/v1</code>. Scripts authenticate with an API key, <code>Authorization: Bearer &lt;key&gt;</code> (made on
<code>/keys.html</code>); pages use the session cookie of a signed-in person and send its CSRF token in <code>X-CSRF-Token</code> on
every change. Respondents need nothing. Who may call what is the policy table in <code>functions/api/policy.ts</code>.
The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2>
${ops}
<h2 id="problems">Errors</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code>,
<code>detail</code>, and for invalid input <code>errors: [{ field, message }]</code>.</p>
<dl>
${problems}
</dl>
</main></body></html>`;
}
