import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTable, type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { makeSubmission } from './harness';
import { context, event } from './lambda-event';

// The Lambda entry as API Gateway HTTP API (payload 2.0) invokes it, against dynalite through the environment.

const ADMIN = 'lambda-admin-token-0123456789abcdef';
let dynamo: LocalDynamo;
let handler: typeof import('../../functions/api/lambda').handler;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite();
  const table = `orgos-lambda-${randomUUID().slice(0, 8)}`;
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
  ({ handler } = await import('../../functions/api/lambda'));
});

afterAll(async () => {
  process.env = saved;
  await dynamo.close();
});

const json = (res: { body: string }) => JSON.parse(res.body);

describe('the Lambda entry', () => {
  it('serves the whole flow from API Gateway v2 events and emits a metric per submission', async () => {
    const org = await handler(event('POST', '/api/v1/orgs', { token: ADMIN, body: { name: 'Lambda Org' } }), context);
    expect(org.statusCode).toBe(201);
    const orgId = json(org).id;
    const campaign = await handler(
      event('POST', `/api/v1/orgs/${orgId}/campaigns`, {
        token: ADMIN,
        body: { name: 'W1', departments: ['Sales', 'Operations'] },
      }),
      context,
    );
    expect(campaign.statusCode).toBe(201);
    const { id: campaignId, surveyToken, surveyUrl } = json(campaign);
    expect(surveyUrl).toBe(`https://survey.example.org/s/${surveyToken}`);

    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let emitted = '';
    try {
      const submitted = await handler(
        event('POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() }),
        context,
      );
      expect(submitted.statusCode).toBe(201);
      emitted = out.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      out.mockRestore();
    }
    const emf = emitted
      .split('\n')
      .filter((l) => l.includes('"_aws"'))
      .map((l) => JSON.parse(l));
    expect(emf.some((m) => m.ResponseSubmitted === 1)).toBe(true);

    const report = await handler(event('GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN }), context);
    expect(report.statusCode).toBe(200);
    // Open: no count (nothing that shows answer volume while it runs).
    expect(json(report)).toMatchObject({ n: null, suppressed: true, published: false });

    const csv = await handler(
      event('GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN, query: 'format=csv' }),
      context,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers?.['content-type']).toContain('text/csv');
  });

  it('answers problems as problem+json through API Gateway', async () => {
    const unauth = await handler(event('GET', '/api/v1/orgs'), context);
    expect(unauth.statusCode).toBe(401);
    expect(unauth.headers?.['content-type']).toBe('application/problem+json');
    const bad = await handler(event('POST', '/api/v1/orgs', { token: ADMIN, body: { name: '' } }), context);
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const missing = await handler(event('GET', '/nope'), context);
    expect(missing.statusCode).toBe(404);
  });
});
