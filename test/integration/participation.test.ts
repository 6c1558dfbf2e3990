import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldStep, freshStats } from '../../functions/reports/campaign-stats';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

// Live participation (issue 16): what the consultant sees of a running campaign, as of the last settled hour, with
// the report's suppression; and what it costs (reads from the stored snapshot, not every response).

const HOUR = 3_600_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const get = (path: string, token = ADMIN_TOKEN) => call(h.app, 'GET', path, { token });
const answer = (surveyToken: string, department: string, level = 'frontline') =>
  call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission({ department, level }) });

async function campaign(departments: string[]) {
  const c = await seedCampaign(h.app, { departments });
  return { ...c, path: `/api/v1/campaigns/${c.campaignId}/participation` };
}

describe('GET /campaigns/{id}/participation', () => {
  it('counts the answers of settled hours only, shows groups from the minimum on and pools the rest', async () => {
    const c = await campaign(['Sales', 'Operations', 'HR']);
    await call(h.app, 'PUT', `/api/v1/orgs/${c.orgId}/profile`, {
      token: ADMIN_TOKEN,
      body: { headcount: { byDepartment: { Sales: 20, Operations: 9 } } },
    });
    // Sales: 5 frontline, 5 managers; Operations: 6 managers; HR: 1 frontline.
    for (let i = 0; i < 10; i++) {
      expect((await answer(c.surveyToken, 'Sales', i < 5 ? 'frontline' : 'manager')).status).toBe(201);
    }
    for (let i = 0; i < 6; i++) expect((await answer(c.surveyToken, 'Operations', 'manager')).status).toBe(201);
    expect((await answer(c.surveyToken, 'HR')).status).toBe(201);

    // Same hour: nothing is counted yet, so not even the total shows.
    const now = await get(c.path);
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ status: 'open', total: null, departments: [], levels: [] });
    expect(now.body.asOf <= h.clock.now.toISOString()).toBe(true);

    // Once that hour has settled (its end plus the safety window), the counts are there.
    h.clock.advance(HOUR + 61_000);
    const live = (await get(c.path)).body;
    expect(live.asOf).toBe('2026-03-02T10:00:00.000Z');
    expect(live.total).toBe(17);
    // HR (1) is hidden, and Operations (6) with it as its complement: 17 - 10 - 6 would be the one HR answer.
    expect(live.departments).toEqual([{ name: 'Sales', n: 10, headcount: 20, responseRate: 0.5 }]);
    expect(live.otherDepartments).toEqual({ groups: ['Operations', 'HR'], n: 7 });
    // No level is small, and no combination of them with Sales and the total singles out the HR answer.
    expect(live.levels).toEqual([
      { level: 'frontline', n: 6 },
      { level: 'manager', n: 11 },
      { level: 'executive', n: 0 },
    ]);
    expect(live.note).toMatch(/before the hour shown/);

    // One more answer now changes nothing until its own hour has settled.
    expect((await answer(c.surveyToken, 'HR')).status).toBe(201);
    expect((await get(c.path)).body).toEqual(live);
    h.clock.advance(HOUR);
    expect((await get(c.path)).body.total).toBe(18);
  });

  it('gives no count below the minimum, and only says "closed" once the campaign is', async () => {
    const c = await campaign(['Sales']);
    for (let i = 0; i < 4; i++) await answer(c.surveyToken, 'Sales');
    h.clock.advance(2 * HOUR);
    const small = (await get(c.path)).body;
    expect(small).toMatchObject({ status: 'open', total: null, departments: [], levels: [] });
    expect(small.otherDepartments).toEqual({ groups: ['Sales'], n: null });

    await answer(c.surveyToken, 'Sales');
    h.clock.advance(2 * HOUR);
    expect((await get(c.path)).body.total).toBe(5);
    await closeCampaign(h.app, c.campaignId);
    const closed = (await get(c.path)).body;
    expect(closed).toMatchObject({ status: 'closed', asOf: null, total: null, departments: [], levels: [] });
    expect(closed.note).toMatch(/in the report/);
  });

  it('reads the stored snapshot once it is at the settled hour, and equals a fold from scratch', async () => {
    const c = await campaign(['Sales', 'Operations']);
    for (let i = 0; i < 7; i++) await answer(c.surveyToken, i < 5 ? 'Sales' : 'Operations');
    h.clock.advance(2 * HOUR);
    const record = (await h.store.getCampaign(c.campaignId))!;
    const options = { safetyMs: 60_000, refreshItems: 100, chunkItems: 5_000 };
    const step = await foldStep(h.store, record, h.clock.now, options);
    expect(step).toMatchObject({ caughtUp: true, stored: true });

    // With the snapshot at the cursor, the read is the snapshot alone: the stream is not queried.
    let streamReads = 0;
    const counting = new Proxy(h.store, {
      get(target, key, receiver) {
        if (key === 'readStreamChunk' || key === 'readResponses') streamReads++;
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const app = h.withDeps({ store: counting });
    const live = (await call(app, 'GET', c.path, { token: ADMIN_TOKEN })).body;
    expect(streamReads).toBe(0);
    const scratch = await freshStats(h.store, record, h.clock.now);
    const n = [...scratch.values()].reduce((sum, s) => sum + s.n, 0);
    expect(live.total).toBe(n);
    // Operations (2) is hidden, so Sales is too: 7 - 5 would be the two.
    expect(live.departments).toEqual([]);
    expect(live.otherDepartments).toEqual({ groups: ['Sales', 'Operations'], n: 7 });
  });

  it('answers 202 when more answers wait than a request may count, and stores a stretch so the next read is closer', async () => {
    const c = await campaign(['Sales']);
    for (let i = 0; i < 7; i++) await answer(c.surveyToken, 'Sales');
    h.clock.advance(2 * HOUR);
    const short = h.withDeps({ config: { reportTailItems: 3 } });
    const first = await call(short, 'GET', c.path, { token: ADMIN_TOKEN });
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('5');
    // Each 202 stored a stretch: the reads get there within a few tries, not never.
    let last = first;
    for (let tries = 0; tries < 4 && last.status === 202; tries++) {
      last = await call(short, 'GET', c.path, { token: ADMIN_TOKEN });
    }
    expect(last.status).toBe(200);
    expect(last.body.total).toBe(7);
  });

  it('does not count a withdrawn answer once its withdrawal has settled', async () => {
    const c = await campaign(['Sales']);
    const receipts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await answer(c.surveyToken, 'Sales');
      receipts.push(res.body.receipt);
    }
    h.clock.advance(2 * HOUR);
    expect((await get(c.path)).body.total).toBe(6);
    const withdrawn = await call(h.app, 'DELETE', `/api/v1/responses/${receipts[0]}`);
    expect(withdrawn.status).toBe(204);
    expect((await get(c.path)).body.total).toBe(6);
    h.clock.advance(2 * HOUR);
    expect((await get(c.path)).body.total).toBe(5);
  });
});
