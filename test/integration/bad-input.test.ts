import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  call,
  type Harness,
  makeAnswers,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

// Every kind of bad input answers a problem+json 4xx naming the field, and leaves the table exactly as it was.

let h: Harness;
let survey: { orgId: string; campaignId: string; surveyToken: string };
beforeAll(async () => {
  h = await startHarness();
  survey = await seedCampaign(h.app);
});
afterAll(() => h.close());

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  token?: string | null;
  status: number;
  /** The field the problem must name (400 only). */
  field?: string;
}

const submitPath = () => `/api/v1/surveys/${survey.surveyToken}/responses`;
const submission = (overrides: Record<string, unknown>) => ({ ...makeSubmission(), ...overrides });
const without = (key: string) => {
  const { [key]: _gone, ...rest } = makeSubmission() as Record<string, unknown>;
  return rest;
};

const CASES: Case[] = [
  // The envelope
  { name: 'malformed JSON', method: 'POST', path: submitPath, raw: '{"responseId": ', status: 400, field: 'body' },
  {
    name: 'not JSON at all',
    method: 'POST',
    path: submitPath,
    raw: 'answers=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
  },
  {
    name: 'no content type',
    method: 'POST',
    path: submitPath,
    raw: '{}',
    headers: { 'content-type': '' },
    status: 415,
  },
  { name: 'a JSON array', method: 'POST', path: submitPath, body: [], status: 400 },
  { name: 'JSON null', method: 'POST', path: submitPath, raw: 'null', status: 400 },
  {
    name: 'a body over the limit',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { x: 'y'.repeat(70_000) } }),
    status: 413,
  },
  // Fields of a submission
  {
    name: 'missing responseId',
    method: 'POST',
    path: submitPath,
    body: without('responseId'),
    status: 400,
    field: 'responseId',
  },
  {
    name: 'responseId not a uuid',
    method: 'POST',
    path: submitPath,
    body: submission({ responseId: 'abc' }),
    status: 400,
    field: 'responseId',
  },
  {
    name: 'an unknown field',
    method: 'POST',
    path: submitPath,
    body: submission({ ip: '10.0.0.1' }),
    status: 400,
    field: 'ip',
  },
  {
    name: 'no answers',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: {} }),
    status: 400,
    field: 'answers',
  },
  {
    name: 'an unknown item',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { ...makeAnswers(), nope: 3 } }),
    status: 400,
    field: 'answers.nope',
  },
  {
    name: 'likert above 5',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { ...makeAnswers(), roles_split: 6 } }),
    status: 400,
    field: 'answers.roles_split',
  },
  {
    name: 'likert not an integer',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { ...makeAnswers(), roles_split: 2.5 } }),
    status: 400,
    field: 'answers.roles_split',
  },
  {
    name: 'likert as words',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { ...makeAnswers(), roles_split: 'yes' } }),
    status: 400,
    field: 'answers.roles_split',
  },
  {
    name: 'an answer that is an object',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { roles_split: { v: 1 } } }),
    status: 400,
    field: 'answers.roles_split',
  },
  {
    name: 'an unknown choice',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { ...makeAnswers(), sig_capacity_use: 'robots' } }),
    status: 400,
    field: 'answers.sig_capacity_use',
  },
  {
    name: 'an overlong item id',
    method: 'POST',
    path: submitPath,
    body: submission({ answers: { ['x'.repeat(65)]: 3 } }),
    status: 400,
    field: `answers.${'x'.repeat(65)}`,
  },
  {
    name: 'an unknown level',
    method: 'POST',
    path: submitPath,
    body: submission({ level: 'ceo' }),
    status: 400,
    field: 'level',
  },
  {
    name: 'an empty department',
    method: 'POST',
    path: submitPath,
    body: submission({ department: '' }),
    status: 400,
    field: 'department',
  },
  {
    name: 'a department not in the campaign',
    method: 'POST',
    path: submitPath,
    body: submission({ department: 'Marketing' }),
    status: 400,
    field: 'department',
  },
  {
    name: 'a department with a bidi override',
    method: 'POST',
    path: submitPath,
    body: submission({ department: '\u202eSales' }),
    status: 400,
    field: 'department',
  },
  {
    name: 'an overlong department',
    method: 'POST',
    path: submitPath,
    body: submission({ department: 'D'.repeat(81) }),
    status: 400,
    field: 'department',
  },
  {
    name: 'a negative duration',
    method: 'POST',
    path: submitPath,
    body: submission({ durationS: -1 }),
    status: 400,
    field: 'durationS',
  },
  {
    name: 'a duration as text',
    method: 'POST',
    path: submitPath,
    body: submission({ durationS: 'fast' }),
    status: 400,
    field: 'durationS',
  },
  {
    name: 'a malformed survey token',
    method: 'POST',
    path: () => '/api/v1/surveys/short/responses',
    body: makeSubmission(),
    status: 400,
    field: 'surveyToken',
  },
  {
    name: 'an unknown survey token',
    method: 'POST',
    path: () => `/api/v1/surveys/${'Z'.repeat(43)}/responses`,
    body: makeSubmission(),
    status: 404,
  },
  {
    name: 'a path trick',
    method: 'POST',
    path: () => `/api/v1/surveys/..%2F..%2Forgs/responses`,
    body: makeSubmission(),
    status: 400,
    field: 'surveyToken',
  },
  {
    name: 'a malformed receipt',
    method: 'DELETE',
    path: () => '/api/v1/responses/not-a-receipt!',
    status: 400,
    field: 'receipt',
  },
  // Organisations, tokens, campaigns, leadership, reports
  {
    name: 'an org without a name',
    method: 'POST',
    path: () => '/api/v1/orgs',
    body: {},
    token: ADMIN_TOKEN,
    status: 400,
    field: 'name',
  },
  {
    name: 'an org with a blank name',
    method: 'POST',
    path: () => '/api/v1/orgs',
    body: { name: '   ' },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'name',
  },
  {
    name: 'an org name with a lone surrogate',
    method: 'POST',
    path: () => '/api/v1/orgs',
    raw: '{"name":"Acme \\ud800"}',
    token: ADMIN_TOKEN,
    status: 400,
    field: 'name',
  },
  {
    name: 'an org name with a control character',
    method: 'POST',
    path: () => '/api/v1/orgs',
    body: { name: 'Acme\u0007' },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'name',
  },
  {
    name: 'an org name as a number',
    method: 'POST',
    path: () => '/api/v1/orgs',
    body: { name: 5 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'name',
  },
  {
    name: 'an overlong org name',
    method: 'POST',
    path: () => '/api/v1/orgs',
    body: { name: 'n'.repeat(121) },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'name',
  },
  {
    name: 'an unknown role',
    method: 'POST',
    path: () => '/api/v1/tokens',
    body: { role: 'root', orgIds: [] },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'role',
  },
  {
    name: 'orgIds not a list',
    method: 'POST',
    path: () => '/api/v1/tokens',
    body: { role: 'consultant', orgIds: 'all' },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'orgIds',
  },
  {
    name: 'an expiry of zero days',
    method: 'POST',
    path: () => '/api/v1/tokens',
    body: { role: 'consultant', orgIds: [], expiresInDays: 0 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'expiresInDays',
  },
  {
    name: 'an expiry over a year',
    method: 'POST',
    path: () => '/api/v1/tokens',
    body: { role: 'consultant', orgIds: [], expiresInDays: 366 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'expiresInDays',
  },
  {
    name: 'a token for an unknown org',
    method: 'POST',
    path: () => '/api/v1/tokens',
    body: { role: 'executive', orgIds: ['nope'] },
    token: ADMIN_TOKEN,
    status: 404,
  },
  {
    name: 'a campaign with a minimum below 3',
    method: 'POST',
    path: () => `/api/v1/orgs/${survey.orgId}/campaigns`,
    body: { name: 'x', departments: ['A'], minGroupSize: 2 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'minGroupSize',
  },
  {
    name: 'a campaign for an unknown org',
    method: 'POST',
    path: () => '/api/v1/orgs/nope/campaigns',
    body: { name: 'x', departments: ['A'] },
    token: ADMIN_TOKEN,
    status: 404,
  },
  {
    name: 'an overlong org id',
    method: 'GET',
    path: () => `/api/v1/orgs/${'o'.repeat(65)}`,
    token: ADMIN_TOKEN,
    status: 400,
    field: 'orgId',
  },
  {
    name: 'a profile with a negative count',
    method: 'PUT',
    path: () => `/api/v1/orgs/${survey.orgId}/profile`,
    body: { seats: -3 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'seats',
  },
  {
    name: 'leadership without respondents',
    method: 'PUT',
    path: () => `/api/v1/campaigns/${survey.campaignId}/leadership`,
    body: { respondents: [] },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'respondents',
  },
  {
    name: 'leadership with an unknown item',
    method: 'PUT',
    path: () => `/api/v1/campaigns/${survey.campaignId}/leadership`,
    body: { respondents: [{ answers: { nope: 3 } }] },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'respondents.0.answers.nope',
  },
  {
    name: 'a report format that does not exist',
    method: 'GET',
    path: () => `/api/v1/campaigns/${survey.campaignId}/report?format=xml`,
    token: ADMIN_TOKEN,
    status: 400,
    field: 'format',
  },
  {
    name: 'an unknown report parameter',
    method: 'GET',
    path: () => `/api/v1/campaigns/${survey.campaignId}/report?filter=Sales`,
    token: ADMIN_TOKEN,
    status: 400,
    field: 'filter',
  },
  {
    name: 'a compare without campaigns',
    method: 'GET',
    path: () => '/api/v1/compare',
    token: ADMIN_TOKEN,
    status: 400,
    field: 'campaigns',
  },
  {
    name: 'a compare list with a gap',
    method: 'GET',
    path: () => '/api/v1/compare?campaigns=a,,b',
    token: ADMIN_TOKEN,
    status: 400,
    field: 'campaigns',
  },
  // Invitations, contacts and schedules
  {
    name: 'invites with both emails and count',
    method: 'POST',
    path: () => `/api/v1/campaigns/${survey.campaignId}/invites`,
    body: { emails: ['a@example.com'], count: 2 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'count',
  },
  {
    name: 'invites with neither emails nor count',
    method: 'POST',
    path: () => `/api/v1/campaigns/${survey.campaignId}/invites`,
    body: {},
    token: ADMIN_TOKEN,
    status: 400,
    field: 'emails',
  },
  {
    name: 'an invitation to an address that is not one',
    method: 'POST',
    path: () => `/api/v1/campaigns/${survey.campaignId}/invites`,
    body: { emails: ['a@example.com', 'not an address'] },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'emails.1',
  },
  {
    name: 'more invite links than allowed',
    method: 'POST',
    path: () => `/api/v1/campaigns/${survey.campaignId}/invites`,
    body: { count: 501 },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'count',
  },
  {
    name: 'a contact without an address',
    method: 'PUT',
    path: () => `/api/v1/orgs/${survey.orgId}/contacts`,
    body: { contacts: [{ name: 'Dana' }] },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'contacts.0.email',
  },
  {
    name: 'a contact listed twice',
    method: 'PUT',
    path: () => `/api/v1/orgs/${survey.orgId}/contacts`,
    body: {
      contacts: [
        { name: 'Dana', email: 'dana@example.com' },
        { name: 'Dana W.', email: 'DANA@example.com' },
      ],
    },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'contacts.1.email',
  },
  {
    name: 'reminders given both ways',
    method: 'POST',
    path: () => `/api/v1/orgs/${survey.orgId}/campaigns`,
    body: { name: 'R', departments: ['A'], reminderDays: [3], remindAt: ['2026-03-05T09:00:00Z'] },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'remindAt',
  },
  {
    name: 'a reminder after the campaign closes',
    method: 'POST',
    path: () => `/api/v1/orgs/${survey.orgId}/campaigns`,
    body: {
      name: 'R',
      departments: ['A'],
      closesAt: '2026-03-10T09:00:00Z',
      remindAt: ['2026-03-05T09:00:00Z', '2026-03-12T09:00:00Z'],
    },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'remindAt.1',
  },
  {
    name: 'open link not a boolean',
    method: 'POST',
    path: () => `/api/v1/orgs/${survey.orgId}/campaigns`,
    body: { name: 'R', departments: ['A'], openLink: 'no' },
    token: ADMIN_TOKEN,
    status: 400,
    field: 'openLink',
  },
  {
    name: 'a survey in a language not offered',
    method: 'GET',
    path: () => `/api/v1/surveys/${survey.surveyToken}?lang=fr`,
    status: 400,
    field: 'lang',
  },
];

describe('bad input', () => {
  it('answers each kind with a problem+json 4xx naming the field and stores nothing', async () => {
    const before = JSON.stringify(await h.scanAll());
    const failures: string[] = [];
    for (const c of CASES) {
      const headers: Record<string, string> = { ...c.headers };
      if (c.raw !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
      const res = await call(h.app, c.method, c.path(), {
        ...(c.token ? { token: c.token } : {}),
        headers,
        ...(c.raw !== undefined ? { body: c.raw } : c.body !== undefined ? { body: c.body } : {}),
      });
      const problems: string[] = [];
      if (res.status !== c.status) problems.push(`status ${res.status}`);
      if (res.headers.get('content-type') !== 'application/problem+json') problems.push('not problem+json');
      else {
        for (const key of ['type', 'title', 'status', 'detail']) if (!(key in res.body)) problems.push(`no ${key}`);
        if (c.field && !res.body.errors?.some((e: { field: string }) => e.field === c.field)) {
          problems.push(`field ${c.field} not named: ${JSON.stringify(res.body.errors)}`);
        }
        if (/at .+\.(ts|js):\d+/.test(res.text)) problems.push('leaks a stack');
      }
      if (problems.length) failures.push(`${c.name}: ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(JSON.stringify(await h.scanAll())).toBe(before);
  });
});
