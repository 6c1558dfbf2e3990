import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTable, type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { makeSubmission } from './harness';

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

const context = {
  functionName: 'orgos-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:orgos-api',
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/orgos-api',
  logStreamName: '2026/03/02/[$LATEST]abcdef',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

/** An HTTP API v2 event as API Gateway sends it. */
function event(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; query?: string } = {},
): LambdaEvent {
  const headers: Record<string, string> = {
    accept: '*/*',
    host: 'abc123.execute-api.eu-central-1.amazonaws.com',
    'user-agent': 'curl/8.5.0',
    'x-amzn-trace-id': 'Root=1-65f0c0de-0123456789abcdef01234567',
    'x-forwarded-for': '203.0.113.7',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body) headers['content-length'] = String(Buffer.byteLength(body));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers,
    ...(options.query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(options.query)) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-central-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLoAMESsA=',
      routeKey: '$default',
      stage: '$default',
      time: '02/Mar/2026:09:00:00 +0000',
      timeEpoch: 1772442000000,
    },
    // API Gateway leaves `body` out when there is none; hono's type says null.
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

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
