import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTable, type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { DynamoStore } from '../../functions/store/dynamo-store';

// The scheduler's Lambda entry as EventBridge invokes it (a scheduled event), against dynalite through the
// environment: it reads what is due and closes a campaign whose closing time has passed.

let dynamo: LocalDynamo;
let table: string;
let handler: typeof import('../../functions/scheduler/lambda').handler;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite();
  table = `orgos-sched-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.client, table);
  Object.assign(process.env, {
    ORGOS_TABLE: table,
    ORGOS_PUBLIC_URL: 'https://survey.example.org',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  ({ handler } = await import('../../functions/scheduler/lambda'));
});

afterAll(async () => {
  process.env = saved;
  await dynamo.close();
});

const context = { functionName: 'orgos-scheduler', awsRequestId: randomUUID() } as unknown as Context;
const scheduledEvent = {
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  time: '2026-03-02T09:00:00Z',
  resources: ['arn:aws:events:eu-central-1:123456789012:rule/orgos-Lifecycle'],
  detail: {},
};

describe('the scheduler Lambda', () => {
  it('closes a campaign whose closing time has passed, once', async () => {
    const store = new DynamoStore(dynamo.client, table);
    const closesAt = new Date(Date.now() - 60_000).toISOString();
    await store.createOrg({ id: 'o1', name: 'Acme', createdAt: closesAt, createdBy: 'admin' });
    await store.createCampaign(
      {
        id: 'c1',
        orgId: 'o1',
        name: 'Wave',
        departments: ['Sales'],
        minGroupSize: 5,
        closesAt,
        closedAt: null,
        languages: ['en'],
        instrument: { id: 'orgos-core', version: '2026.1' },
        createdAt: closesAt,
        createdBy: 'admin',
        shards: 1,
        receiptKey: 'k'.repeat(43),
        surveyLinkId: null,
      },
      null,
      [{ dueAt: closesAt, campaignId: 'c1', kind: 'close' }],
    );
    const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await handler(scheduledEvent, context)).toMatchObject({ closed: 1, reminded: 0, failed: 0 });
      expect(await handler(scheduledEvent, context)).toMatchObject({ closed: 0, reminded: 0, failed: 0 });
    } finally {
      log.mockRestore();
    }
    expect((await store.getCampaign('c1'))!.closedAt).toBe(closesAt);
  });
});
