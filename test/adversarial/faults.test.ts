import { ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStats, mergeCells } from '../../functions/reports/campaign-stats';
import type { Store } from '../../functions/store/store';
import { STORED_TIME_UNIT_MS } from '../../functions/store/stored-time';
import { landedHistory } from '../../shared/account';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { ADMIN_TOKEN, call, type Harness, makeAnswers, seedCampaign, startHarness } from '../http/harness';
import { seededRandom, sha256Hex, uuidsFrom } from './support';

// Fault injection: every call to the store port fails one time in five, chosen by a seeded PRNG, as DynamoDB fails:
// throttled before anything happened, or timed out either before or after the write landed (the caller cannot tell).
// The API must answer 503 with Retry-After, a client that retries with the same responseId must get through with
// one receipt, and the final counts must be exact.

const SEED = 7_202_603;
const FAULT_RATE = 0.2;
const DAY = 86_400_000;

interface FaultStats {
  calls: number;
  throttled: number;
  timedOutBefore: number;
  timedOutAfter: number;
}

const throttle = (random: () => number): Error =>
  random() < 0.5
    ? new ProvisionedThroughputExceededException({
        message: 'The level of configured provisioned throughput for the table was exceeded.',
        $metadata: { httpStatusCode: 400 },
      })
    : new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} });

// What @smithy/node-http-handler throws when the socket times out.
const timeout = (): Error =>
  Object.assign(new Error('the request socket timed out after 1000 ms of inactivity'), { name: 'TimeoutError' });

/** A Proxy over the store port: each method call fails with probability `rate`. */
function faulty(store: Store, seed: number, rate: number): { store: Store; stats: FaultStats } {
  const random = seededRandom(seed);
  const stats: FaultStats = { calls: 0, throttled: 0, timedOutBefore: 0, timedOutAfter: 0 };
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        stats.calls++;
        const r = random();
        if (r < rate / 2) {
          stats.throttled++;
          throw throttle(random);
        }
        if (r < (rate * 3) / 4) {
          stats.timedOutBefore++;
          throw timeout();
        }
        const result = await value.apply(target, args);
        if (r < rate) {
          // The write landed; the caller never hears of it.
          stats.timedOutAfter++;
          throw timeout();
        }
        return result;
      };
    },
  });
  return { store: proxy, stats };
}

let h: Harness;
beforeAll(async () => {
  // Small snapshot thresholds, so reads under faults also store snapshots and fold tails.
  h = await startHarness({ snapshotRefreshItems: 10, snapshotSafetyMs: 1000 });
});
afterAll(() => h.close());

type App = Harness['app'];
interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: bodies are read field by field
  body: any;
  text: string;
}

/** Retries on 503 as a client would, checking each 503 on the way; at most 60 attempts. */
async function retrying(
  app: App,
  method: string,
  path: string,
  options: Parameters<typeof call>[3],
  seen: { unavailable: number },
): Promise<Answer> {
  for (let attempt = 1; attempt <= 60; attempt++) {
    const res = await call(app, method, path, options);
    if (res.status !== 503) return res;
    seen.unavailable++;
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.body).toMatchObject({ status: 503, type: '/api/docs#problem-unavailable' });
  }
  throw new Error(`${method} ${path}: still 503 after 60 attempts`);
}

describe('a store that throttles and times out one call in five', () => {
  it('answers 503 with Retry-After, lets retries through with one receipt each, and counts exactly', async () => {
    const start = h.clock.now.getTime();
    const { campaignId, surveyToken } = await seedCampaign(h.app, {
      departments: ['Sales', 'Operations', 'Support'],
      closesAt: new Date(start + 2 * DAY).toISOString(),
    });
    const { store, stats } = faulty(h.store, SEED, FAULT_RATE);
    const app = h.withDeps({ store });
    const seen = { unavailable: 0 };
    const random = seededRandom(SEED + 1);
    const uuid = uuidsFrom(random);

    // 240 respondents in waves of 12; the clock moves between waves (by an hour before each read), so report reads
    // store snapshots and later ones fold the tail after them. Requests go one at a time, so the order of store calls,
    // and with it which ones fail, is the same on every run (concurrent submissions are
    // test/integration/concurrency.test.ts's subject).
    const bodies = Array.from({ length: 240 }, (_, i) => ({
      responseId: uuid(),
      answers: makeAnswers(() => 1 + Math.floor(random() * 5)),
      level: i % 5 === 0 ? 'manager' : 'frontline',
      department: ['Sales', 'Operations', 'Support'][i % 3]!,
      durationS: 300,
    }));
    const receipts = new Map<string, string>();
    const submit = async (body: (typeof bodies)[number]) => {
      const res = await retrying(app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body }, seen);
      expect([200, 201]).toContain(res.status);
      const first = receipts.get(body.responseId);
      if (first) expect(res.body.receipt).toBe(first);
      receipts.set(body.responseId, res.body.receipt);
    };
    for (let wave = 0; wave < bodies.length / 12; wave++) {
      for (const body of bodies.slice(wave * 12, wave * 12 + 12)) await submit(body);
      h.clock.advance(2000);
      if (wave % 4 === 3) {
        // Stored times are whole hours (stored-time.ts) and the cursor trails at an hour's start: an hour on, this
        // read's cursor passes every wave before it.
        h.clock.advance(STORED_TIME_UNIT_MS);
        const report = await retrying(
          app,
          'GET',
          `/api/v1/campaigns/${campaignId}/report`,
          { token: ADMIN_TOKEN },
          seen,
        );
        // Read through the faults (it stores snapshots); it shows no count while open, the close's report checks it.
        expect(report.status).toBe(200);
        expect(report.body.n).toBeNull();
      }
    }
    expect(receipts.size).toBe(240);

    // The client lost some confirmations: it sends 40 again, between withdrawals of 20 others.
    const again = bodies.filter((_, i) => i % 6 === 1);
    const withdrawn = bodies.filter((_, i) => i % 12 === 4);
    for (let i = 0; i < again.length; i++) {
      await submit(again[i]!);
      const body = withdrawn[i];
      if (!body) continue;
      const res = await retrying(app, 'DELETE', `/api/v1/responses/${receipts.get(body.responseId)}`, {}, seen);
      expect(res.status).toBe(204);
    }

    // Protected reads go through the same faults: never a 5xx other than 503, never a wrong answer.
    const orgs = await retrying(app, 'GET', '/api/v1/orgs', { token: ADMIN_TOKEN }, seen);
    expect(orgs.status).toBe(200);
    const campaign = await retrying(app, 'GET', `/api/v1/campaigns/${campaignId}`, { token: ADMIN_TOKEN }, seen);
    expect(campaign.body.status).toBe('open');

    // Exact: every accepted responseId once, withdrawals out, in the store's Query of the stream...
    const record = (await h.store.getCampaign(campaignId))!;
    const stream = await h.store.readResponses(campaignId, record.shards, null);
    const expectedKeys = [...receipts.values()].map(sha256Hex);
    expect(new Set(stream.map((r) => r.key))).toEqual(new Set(expectedKeys));
    expect(stream).toHaveLength(240);
    const withdrawnKeys = new Set(withdrawn.map((b) => sha256Hex(receipts.get(b.responseId)!)));
    expect(new Set(stream.filter((r) => r.withdrawnAt).map((r) => r.key))).toEqual(withdrawnKeys);
    expect(mergeCells(CURRENT_INSTRUMENT, await freshStats(h.store, record)).n).toBe(240 - withdrawnKeys.size);

    // ...and in the report after the close, read through the faults as well.
    h.clock.advance(3 * DAY);
    const report = await retrying(app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN }, seen);
    expect(report.status).toBe(200);
    expect(report.body.campaign.status).toBe('closed');
    expect(report.body.n).toBe(240 - withdrawnKeys.size);
    const clean = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    expect({ ...report.body, generatedAt: null }).toEqual({ ...clean.body, generatedAt: null });

    // Reads under faults stored snapshots, so the exact counts above went through snapshot plus tail folds.
    const snapshot = await h.store.getSnapshot(campaignId);
    expect(snapshot?.version ?? 0).toBeGreaterThan(1);
    const after = await h.store.readResponses(campaignId, record.shards, null);
    const unerased = after.filter((r) => r.withdrawnAt && r.position < snapshot!.cursor && r.answers);
    // Withdrawn answers behind the stored snapshot are erased (store.ts), faults or not.
    expect(unerased).toEqual([]);
    const injected = stats.throttled + stats.timedOutBefore + stats.timedOutAfter;
    expect(injected / stats.calls).toBeGreaterThan(0.15);
    expect(injected / stats.calls).toBeLessThan(0.25);
    expect(stats.timedOutAfter).toBeGreaterThan(20);
    // One request makes several store calls, some in parallel: a 503 can stand for more than one fault.
    expect(seen.unavailable).toBeGreaterThan(injected / 2);
    expect(seen.unavailable).toBeLessThanOrEqual(injected);
    console.log(
      `faults: ${injected} injected in ${stats.calls} store calls (${stats.throttled} throttled, ` +
        `${stats.timedOutBefore} timed out before and ${stats.timedOutAfter} after the write); ` +
        `${seen.unavailable} answers 503, all retried (seed ${SEED})`,
    );
  });

  it('lets retried account writes land exactly once: one entry per client key, one version per change', async () => {
    const { orgId } = await seedCampaign(h.app);
    const { store, stats } = faulty(h.store, SEED + 7, FAULT_RATE);
    const app = h.withDeps({ store });
    const seen = { unavailable: 0 };
    const base = `/api/v1/orgs/${orgId}/account`;
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const body = { clientKey: `faulty-entry-${i}`, ledger: 'time', title: `Time sink ${i}` };
      const res = await retrying(app, 'POST', `${base}/entries`, { token: ADMIN_TOKEN, body }, seen);
      // A retry whose first attempt landed (a timeout after the write) answers 200 with the same entry.
      expect([200, 201]).toContain(res.status);
      ids.push(res.body.id);
      for (const version of [1, 2]) {
        const change = await retrying(
          app,
          'PATCH',
          `${base}/entries/${res.body.id}`,
          { token: ADMIN_TOKEN, body: { version, title: `Time sink ${i}, v${version + 1}` } },
          seen,
        );
        expect(change.status, change.text).toBe(200);
        expect(change.body.version).toBe(version + 1);
      }
    }
    const items = await h.store.listAccountItems(orgId, 'entry');
    expect(items.map((e) => e.id).sort()).toEqual([...new Set(ids)].sort());
    expect(ids).toHaveLength(15);
    for (const item of items) {
      expect(item.version).toBe(3);
      const history = landedHistory(item.changeId, await h.store.listAccountChanges(orgId, 'entry', item.id));
      expect(history.map((c) => c.version)).toEqual([1, 2, 3]);
    }
    expect(stats.timedOutAfter).toBeGreaterThan(0);
    expect(seen.unavailable).toBeGreaterThan(0);
  });
});
