import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTable, type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { makeSubmission } from './harness';
import { context, event } from './lambda-event';

// The respondent function's entry: the respondent's path (survey page, submission, withdrawal) and nothing else,
// against dynalite through the environment, beside the API function that sets the campaign up.

const ADMIN = 'respondent-admin-token-0123456789abcdef';
let dynamo: LocalDynamo;
let api: typeof import('../../functions/api/lambda').handler;
let respondent: typeof import('../../functions/api/respondent-lambda').handler;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite();
  const table = `orgos-respondent-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.client, table);
  Object.assign(process.env, {
    ORGOS_TABLE: table,
    ORGOS_ADMIN_TOKEN: ADMIN,
    ORGOS_PUBLIC_URL: 'https://survey.example.org/',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  ({ handler: api } = await import('../../functions/api/lambda'));
  ({ handler: respondent } = await import('../../functions/api/respondent-lambda'));
});

afterAll(async () => {
  process.env = saved;
  await dynamo.close();
});

const json = (res: { body: string }) => JSON.parse(res.body);

async function openCampaign(): Promise<{ campaignId: string; surveyToken: string }> {
  const org = await api(event('POST', '/api/v1/orgs', { token: ADMIN, body: { name: 'Respondent Org' } }), context);
  const campaign = await api(
    event('POST', `/api/v1/orgs/${json(org).id}/campaigns`, {
      token: ADMIN,
      body: { name: 'R1', departments: ['Sales', 'Operations'] },
    }),
    context,
  );
  expect(campaign.statusCode).toBe(201);
  return { campaignId: json(campaign).id, surveyToken: json(campaign).surveyToken };
}

describe('the respondent Lambda entry', () => {
  it('shows the survey, takes a submission with its metric, and takes the withdrawal', async () => {
    const { surveyToken } = await openCampaign();
    const page = await respondent(event('GET', `/s/${surveyToken}`), context);
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toContain('text/html');
    expect(page.body).toContain('<form');

    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let submitted: Awaited<ReturnType<typeof respondent>>;
    let emitted = '';
    try {
      submitted = await respondent(
        event('POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() }),
        context,
      );
      emitted = out.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      out.mockRestore();
    }
    expect(submitted.statusCode).toBe(201);
    const emf = emitted
      .split('\n')
      .filter((l) => l.includes('"_aws"'))
      .map((l) => JSON.parse(l));
    expect(emf).toEqual([
      expect.objectContaining({
        service: 'orgos-respondent',
        ResponseSubmitted: 1,
        _aws: expect.objectContaining({
          CloudWatchMetrics: [expect.objectContaining({ Namespace: 'orgos', Dimensions: [['service']] })],
        }),
      }),
    ]);

    const withdrawn = await respondent(event('DELETE', `/api/v1/responses/${json(submitted).receipt}`), context);
    expect(withdrawn.statusCode).toBe(204);
    const health = await respondent(event('GET', '/health'), context);
    expect(json(health)).toEqual({ status: 'ok' });
  });

  it('runs an invite, its draft and a retry on its own part of the store (dynamo-respondent.ts)', async () => {
    const { campaignId } = await openCampaign();
    const made = await api(
      event('POST', `/api/v1/campaigns/${campaignId}/invites`, { token: ADMIN, body: { count: 1 } }),
      context,
    );
    expect(made.statusCode).toBe(201);
    const token = new URL(json(made).links[0]).pathname.split('/').pop()!;
    const first = makeSubmission();

    const saved = await respondent(
      event('PUT', `/api/v1/surveys/${token}/drafts`, {
        body: { responseId: first.responseId, answers: first.answers, level: 'frontline' },
      }),
      context,
    );
    expect(saved.statusCode).toBe(201);
    const { code } = json(saved);
    const restore = () =>
      respondent(event('POST', `/api/v1/surveys/${token}/drafts/restore`, { body: { code } }), context);
    const restored = await restore();
    expect(restored.statusCode).toBe(200);
    expect(json(restored)).toMatchObject({ responseId: first.responseId, answers: first.answers, level: 'frontline' });

    const submit = (body: object) => respondent(event('POST', `/api/v1/surveys/${token}/responses`, { body }), context);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const counted = await submit({ ...first, draftCode: code });
      expect(counted.statusCode).toBe(201);
      // A retry gets the same receipt; another answer through the used invite is refused.
      const retried = await submit(first);
      expect(retried.statusCode).toBe(200);
      expect(json(retried).receipt).toBe(json(counted).receipt);
      const other = await submit(makeSubmission());
      expect(other.statusCode).toBe(409);
      expect(json(other).type).toMatch(/invite-used$/);
    } finally {
      out.mockRestore();
    }
    // The counted answers took their draft with them.
    expect((await restore()).statusCode).toBe(404);
  });

  it('answers nothing of the admin, report or API description routes, even with the admin token', async () => {
    const { campaignId } = await openCampaign();
    for (const path of ['/api/v1/orgs', `/api/v1/campaigns/${campaignId}/report`, '/api/openapi.json', '/api/docs']) {
      const res = await respondent(event('GET', path, { token: ADMIN }), context);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers?.['content-type']).toBe('application/problem+json');
    }
  });

  it('maps its own errors to problem+json naming the field', async () => {
    const { surveyToken } = await openCampaign();
    const bad = await respondent(
      event('POST', `/api/v1/surveys/${surveyToken}/responses`, { body: { ...makeSubmission(), level: 'ceo' } }),
      context,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toBe('application/problem+json');
    expect(json(bad).errors).toEqual([expect.objectContaining({ field: 'level' })]);
  });
});
