import { createRequire } from 'node:module';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldStep, freshStats } from '../../functions/reports/campaign-stats';
import { keys } from '../../functions/store/keys';
import { STORED_TIME_UNIT_MS } from '../../functions/store/stored-time';
import { call, type Harness, makeSubmission, seedCampaign, startHarness } from '../http/harness';

// The local engine (dynalite) must write an item and its index entries whole, as DynamoDB does. Here LevelDB refuses
// every write that carries a response item for a while, as a process killed between dynalite's two writes would have
// left it: the submission fails, the client sends it again later, and the stream must hold it once, so that the
// scheduler's fold in stretches counts it once (the kill -9 test in test/adversarial/crash.test.ts, without the kill).

const SAFETY = 60_000;

type Operation = { type: string; key: string; value?: { entity?: { S?: string } } };
type Method = (this: unknown, ...args: unknown[]) => unknown;

/** The in-memory LevelDB class dynalite opens (harness: no data folder). */
const memoryLevel = (
  createRequire(createRequire(import.meta.url).resolve('dynalite'))('memory-level') as {
    MemoryLevel: { prototype: Record<string, Method | undefined> };
  }
).MemoryLevel.prototype;

let refusing = false;
/** LevelDB writes that carried a response item: single puts, and batches. */
const responseWrites = { puts: 0, batches: 0 };
const isResponseItem = (op: Operation): boolean =>
  op.type === 'put' && op.key.startsWith('item-') && op.value?.entity?.S === 'response';
const refused = () =>
  Object.assign(new Error('injected: the disk refuses the write'), {
    statusCode: 500,
    body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'injected' },
  });

let h: Harness;
const own = { put: Object.hasOwn(memoryLevel, 'put'), batch: Object.hasOwn(memoryLevel, 'batch') };
const original = { put: memoryLevel.put!, batch: memoryLevel.batch! };
beforeAll(async () => {
  // Before dynalite opens its database: it binds the methods it calls when it opens it.
  memoryLevel.put = function (this: unknown, key: unknown, value: unknown, ...rest: unknown[]) {
    if (isResponseItem({ type: 'put', key: String(key), value: value as Operation['value'] })) {
      if (refusing) return Promise.reject(refused());
      responseWrites.puts++;
    }
    return original.put.call(this, key, value, ...rest);
  };
  memoryLevel.batch = function (this: unknown, operations: unknown, ...rest: unknown[]) {
    if (Array.isArray(operations) && (operations as Operation[]).some(isResponseItem)) {
      if (refusing) return Promise.reject(refused());
      responseWrites.batches++;
    }
    return original.batch.call(this, operations, ...rest);
  };
  h = await startHarness({ snapshotSafetyMs: SAFETY, snapshotRefreshItems: 5 });
});
afterAll(async () => {
  await h.close();
  for (const method of ['put', 'batch'] as const) {
    if (own[method]) memoryLevel[method] = original[method];
    else delete memoryLevel[method];
  }
});

describe('the local engine writes an item and its index entries whole', () => {
  it('writes a response once: one batch of the item and its index entries, no second write of the item', async () => {
    const { surveyToken } = await seedCampaign(h.app);
    const before = { ...responseWrites };
    for (let i = 0; i < 3; i++) {
      h.clock.advance(1000);
      const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
      expect(res.status).toBe(201);
    }
    expect(responseWrites.batches - before.batches).toBe(3);
    expect(responseWrites.puts - before.puts).toBe(0);
  });

  it('leaves no index entry of a refused write, so a fold in stretches counts a response sent again once', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    const submit = (body: ReturnType<typeof makeSubmission>) => {
      h.clock.advance(1000);
      return call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body });
    };
    for (let i = 0; i < 4; i++) expect((await submit(makeSubmission())).status).toBe(201);
    const lost = makeSubmission({ department: 'Operations', level: 'manager' });
    refusing = true;
    const failed = await submit(lost);
    refusing = false;
    expect(failed.status).toBe(503);
    for (let i = 0; i < 6; i++) expect((await submit(makeSubmission())).status).toBe(201);
    // Sent again: received later, at a later place in the stream. Stored times are whole hours (stored-time.ts), so
    // an hour later: in the same hour it would have the very place an entry of the refused write would hold.
    h.clock.advance(STORED_TIME_UNIT_MS);
    expect((await submit(lost)).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await submit(makeSubmission())).status).toBe(201);

    const c = (await h.store.getCampaign(campaignId))!;
    const doc = DynamoDBDocumentClient.from(h.dynamo.client);
    let entries = 0;
    for (let shard = 0; shard < c.shards; shard++) {
      const out = await doc.send(
        new QueryCommand({
          TableName: h.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.responseStream(campaignId, shard).GSI1PK },
          Select: 'COUNT',
        }),
      );
      entries += out.Count ?? 0;
    }
    expect(entries).toBe(13);

    // The scheduler's fold in stretches of one arrival per shard (so the entry of the refused write and the
    // response's own are never in one stretch), then the fold from scratch.
    h.clock.advance(STORED_TIME_UNIT_MS + SAFETY);
    let stored = 0;
    for (let steps = 0; steps < 50; steps++) {
      const step = await foldStep(h.store, c, h.clock.now, { safetyMs: SAFETY, refreshItems: 5, chunkItems: 1 });
      if (step.stored) stored++;
      if (step.caughtUp) break;
    }
    expect(stored).toBeGreaterThan(1);
    const snapshot = (await h.store.getSnapshot(campaignId))!;
    expect(new Map(Object.entries(snapshot.cells))).toEqual(await freshStats(h.store, c));
    expect(Object.values(snapshot.cells).reduce((n, cell) => n + cell.n, 0)).toBe(13);
  });
});
