import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDue } from '../../functions/lifecycle/lifecycle';
import { FoldBudget } from '../../functions/reports/fold-job';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

// A report read folds at most a short tail on the request path (here 8 arrivals). A campaign whose snapshot is further
// behind answers 202 "being prepared" for the JSON, the CSV and a comparison, each such read storing one more stretch;
// the scheduler's fold (a due item, no Scan) brings it up to date, after which the published read is one snapshot read.

const TAIL = 8;
const N = 30;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ reportTailItems: TAIL });
});
afterAll(() => h.close());

async function closedCampaign(n: number) {
  const seeded = await seedCampaign(h.app, { minGroupSize: 3 });
  for (let i = 0; i < n; i++) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${seeded.surveyToken}/responses`, {
      body: makeSubmission({ department: i % 2 ? 'Sales' : 'Operations' }),
    });
    expect(res.status).toBe(201);
    h.clock.advance(10);
  }
  await closeCampaign(h.app, seeded.campaignId);
  return seeded;
}

const report = (campaignId: string, query = '') =>
  call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report${query}`, { token: ADMIN_TOKEN });

describe('a report whose snapshot is behind', () => {
  it('answers 202 with Retry-After for the JSON, the CSV and a comparison, then the published report', async () => {
    const { campaignId } = await closedCampaign(N);
    const json = await report(campaignId);
    expect(json.status).toBe(202);
    expect(json.headers.get('retry-after')).toBe('5');
    expect(json.headers.get('content-type')).toBe('application/problem+json');
    expect(json.body).toMatchObject({ type: '/api/docs#problem-report-preparing', status: 202 });
    const csv = await report(campaignId, '?format=csv');
    expect(csv.status).toBe(202);
    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${campaignId}`, { token: ADMIN_TOKEN });
    expect(compare.status).toBe(202);

    // Each of those reads stored one stretch; reads alone get there too, a stretch at a time.
    let reads = 3;
    let res = await report(campaignId);
    while (res.status === 202 && reads < 20) {
      reads++;
      res = await report(campaignId);
    }
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ published: true, n: N });
    expect(reads).toBeGreaterThanOrEqual(Math.floor(N / TAIL) - 1);
  });

  it('is brought up to date by the scheduler: the first published read is then one snapshot read', async () => {
    const { campaignId } = await closedCampaign(N);
    const before = await h.store.getSnapshot(campaignId);
    expect(before).toBeNull();
    const run = await runDue(h.deps, h.clock.now, new FoldBudget(1_000, 60_000));
    expect(run.folded).toBeGreaterThanOrEqual(N);
    const snapshot = await h.store.getSnapshot(campaignId);
    const campaign = (await h.store.getCampaign(campaignId))!;
    expect(snapshot?.cursor).toBe(`${campaign.closedAt}~`);
    // Done: no fold of this campaign is due now, and the one set at its creation ends it for good when it comes.
    const due = async () => (await h.scanAll()).filter((i) => i.entity === 'due' && i.campaignId === campaignId);
    expect((await due()).filter((d) => String(d.dueAt) <= h.clock.now.toISOString())).toEqual([]);
    const res = await report(campaignId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ published: true, n: N });
    h.clock.advance(11 * 60_000);
    await runDue(h.deps, h.clock.now);
    expect(await due()).toEqual([]);
  });

  it('goes on from its stored cursor in the next run when one run may fold only part of it', async () => {
    const { campaignId } = await closedCampaign(N);
    const small = { ...h.deps, config: { ...h.deps.config, foldChunkItems: 5 } };
    const first = await runDue(small, h.clock.now, new FoldBudget(12, 60_000));
    expect(first.folded).toBeGreaterThan(0);
    expect(first.folded).toBeLessThan(N);
    const partial = await h.store.getSnapshot(campaignId);
    const campaign = (await h.store.getCampaign(campaignId))!;
    expect(partial!.cursor < `${campaign.closedAt}~`).toBe(true);
    // Still due, so the next run takes it up.
    const due = (await h.scanAll()).filter((i) => i.entity === 'due' && i.campaignId === campaignId);
    expect(due.map((d) => d.kind)).toContain('fold');
    for (let i = 0; i < 5; i++) await runDue(small, h.clock.now, new FoldBudget(12, 60_000));
    expect((await h.store.getSnapshot(campaignId))?.cursor).toBe(`${campaign.closedAt}~`);
    const res = await report(campaignId);
    expect(res.body).toMatchObject({ published: true, n: N });
  });
});
