import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsOptions } from '../../functions/api/stats-options';
import { CLOSE_GRACE_MS } from '../../functions/lifecycle/answer-window';
import { buildReport, responseRateOf, UNPUBLISHED_REASON } from '../../functions/reports/build-report';
import { freshStats, instrumentOf } from '../../functions/reports/campaign-stats';
import { CURRENT_INSTRUMENT, DONT_KNOW } from '../../shared/instrument';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

// Results over time: a campaign's workforce results are published only once it is closed, because two reports of
// one open campaign are two overlapping groups whose difference singles out whoever answered or withdrew in between.
// After the close, nothing changes the published figures any more: withdrawals answer 410.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const csvRows = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

async function answered(count: number, body: Record<string, unknown> = {}) {
  const seeded = await seedCampaign(h.app, body);
  const receipts: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${seeded.surveyToken}/responses`, {
      body: makeSubmission({ department: i % 2 ? 'Sales' : 'Operations', answers: makeAnswers(1 + (i % 5)) }),
    });
    expect(res.status).toBe(201);
    receipts.push(res.body.receipt);
  }
  return { ...seeded, receipts };
}

const report = (campaignId: string, query = '') =>
  call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report${query}`, { token: ADMIN_TOKEN });

describe('an open campaign', () => {
  it('answers its report with the reason and no figure, count or response rate', async () => {
    const { orgId, campaignId } = await answered(12);
    await call(h.app, 'PUT', `/api/v1/orgs/${orgId}/profile`, {
      token: ADMIN_TOKEN,
      body: { headcount: { total: 40 } },
    });
    await call(h.app, 'PUT', `/api/v1/campaigns/${campaignId}/leadership`, {
      token: ADMIN_TOKEN,
      body: { respondents: [{ answers: makeAnswers(5) }] },
    });
    const res = await report(campaignId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      campaign: { id: campaignId, status: 'open' },
      n: null,
      suppressed: true,
      published: false,
      reason: UNPUBLISHED_REASON,
      responseRate: null,
      segments: { department: [], level: [] },
      byLevel: {},
    });
    expect(typeof res.body.generatedAt).toBe('string');
    // The leadership view is knowingly not anonymous: it may be shown while the campaign runs.
    expect(res.body.leadership.n).toBe(1);
    for (const key of ['layers', 'signals', 'diagnoses', 'firstBreak', 'leadershipGap', 'capacityDecision']) {
      expect(res.body, key).not.toHaveProperty(key);
    }
  });

  it('exports the header and one status row, no figure', async () => {
    const { campaignId } = await answered(12);
    const csv = await report(campaignId, '?format=csv');
    expect(csv.status).toBe(200);
    const [header, ...rows] = csvRows(csv.text);
    expect(header!.slice(0, 4)).toEqual(['breakdown', 'group', 'n', 'suppressed']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 4)).toEqual(['status', 'not published: the campaign is open', '', 'true']);
    expect(rows[0]!.slice(4).every((v) => v === '')).toBe(true);
  });

  it('is listed in a comparison as not yet published, and stays out of the percentile base', async () => {
    const open = await answered(12);
    const closed = await answered(12);
    await closeCampaign(h.app, closed.campaignId);
    const res = await call(h.app, 'GET', `/api/v1/compare?campaigns=${open.campaignId},${closed.campaignId}`, {
      token: ADMIN_TOKEN,
    });
    expect(res.status).toBe(200);
    const [a, b] = res.body.campaigns;
    expect(a).toMatchObject({ id: open.campaignId, status: 'open', published: false, suppressed: true, n: null });
    for (const key of ['scores', 'percentiles', 'change']) expect(a).not.toHaveProperty(key);
    expect(b).toMatchObject({ id: closed.campaignId, status: 'closed', published: true, suppressed: false });
    expect(typeof b.scores.roles).toBe('number');
  });
});

describe('closing', () => {
  it('publishes the report, equal to a fresh fold of the responses', async () => {
    const { campaignId } = await answered(14);
    h.clock.advance(60_000);
    const closingAt = h.clock.now.toISOString();
    const closed = await closeCampaign(h.app, campaignId);
    // The close takes effect its grace after the ask, so answers already under way are in (answer-window.ts).
    const closedAt = new Date(Date.parse(closingAt) + CLOSE_GRACE_MS).toISOString();
    expect(closed).toMatchObject({ id: campaignId, status: 'closed', closedAt });
    const res = await report(campaignId);
    expect(res.body).toMatchObject({ published: true, suppressed: false, n: 14, campaign: { status: 'closed' } });
    expect(res.body).not.toHaveProperty('reason');

    const c = (await h.store.getCampaign(campaignId))!;
    const fresh = buildReport({
      campaign: c,
      org: (await h.store.getOrg(c.orgId))!,
      instrument: instrumentOf(c),
      cells: await freshStats(h.store, c),
      leadership: null,
      profile: null,
      invites: { sent: 0, answered: 0 },
      now: h.clock.now,
      settleMs: statsOptions(h.deps).safetyMs,
    });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('refuses a withdrawal afterwards with 410, and the report stays as it was', async () => {
    const { campaignId, surveyToken, receipts } = await answered(10);
    await closeCampaign(h.app, campaignId);
    const before = await report(campaignId);
    const res = await call(h.app, 'DELETE', `/api/v1/responses/${receipts[0]}`);
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toBe('/api/docs#problem-results-final');
    expect(res.body.detail).toContain('results are final');
    // No new answers either.
    const late = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    expect(late.status).toBe(410);
    const after = await report(campaignId);
    expect({ ...after.body, generatedAt: null }).toEqual({ ...before.body, generatedAt: null });
    expect(after.body.n).toBe(10);
  });

  it('treats a passed closesAt as closed before the lifecycle job has run', async () => {
    const { campaignId, receipts } = await answered(10, {
      closesAt: new Date(h.clock.now.getTime() + DAY).toISOString(),
    });
    expect((await report(campaignId)).body.published).toBe(false);
    h.clock.advance(DAY + 1000);
    expect((await h.store.getCampaign(campaignId))!.closedAt).toBeNull();
    // Closed, but settling: results appear once the closing time is older than the window.
    expect((await report(campaignId)).body).toMatchObject({ published: false, campaign: { status: 'closed' } });
    h.clock.advance(statsOptions(h.deps).safetyMs);
    expect((await report(campaignId)).body).toMatchObject({ published: true, campaign: { status: 'closed' } });
    expect((await call(h.app, 'DELETE', `/api/v1/responses/${receipts[0]}`)).status).toBe(410);
  });

  it('blanks in the CSV exactly the scales the JSON blanks, down to a layer resting on too few', async () => {
    // Sales: 6 respondents, 4 of whom answer every governance item "don't know": Sales' governance rests on 2 people
    // and is blanked, and Operations' governance with it (complementary, per layer), while the other layers show.
    const seeded = await seedCampaign(h.app);
    const dontKnowGovernance = () => {
      const answers = makeAnswers(4);
      for (const item of CURRENT_INSTRUMENT.items) {
        if ('layer' in item && item.layer === 'governance') answers[item.id] = DONT_KNOW;
      }
      return answers;
    };
    for (let i = 0; i < 12; i++) {
      const department = i < 6 ? 'Sales' : 'Operations';
      const answers = i < 4 ? dontKnowGovernance() : makeAnswers(i < 6 ? 4 : 2);
      const res = await call(h.app, 'POST', `/api/v1/surveys/${seeded.surveyToken}/responses`, {
        body: makeSubmission({ department, answers }),
      });
      expect(res.status).toBe(201);
    }
    await closeCampaign(h.app, seeded.campaignId);
    const json = (await report(seeded.campaignId)).body;
    const csv = csvRows((await report(seeded.campaignId, '?format=csv')).text);
    const header = csv[0]!;
    const col = (name: string) => header.indexOf(name);
    for (const name of ['Sales', 'Operations']) {
      const segment = json.segments.department.find((d: { name: string }) => d.name === name);
      expect(segment.suppressed).toBe(false);
      expect(segment.layers.governance.score).toBeNull();
      expect(typeof segment.layers.roles.score).toBe('number');
      const row = csv.find((r) => r[0] === 'department' && r[1] === name)!;
      expect(row[col('governance_score')]).toBe('');
      expect(row[col('governance_ci_low')]).toBe('');
      expect(row[col('roles_score')]).toBe(String(Math.round(segment.layers.roles.score * 10) / 10));
      // The JSON shows no signal per department, and neither does the CSV.
      expect(row[col('investment_score')]).toBe('');
    }
    const total = csv.find((r) => r[0] === 'total')!;
    expect(total[col('governance_score')]).toBe(String(Math.round(json.layers.governance.score * 10) / 10));
  });
});

describe('the response rate', () => {
  it('is answered invites over invites sent, else responses over headcount, and never on fewer than k invites', () => {
    const profile = { headcount: { total: 200 } };
    expect(responseRateOf(50, profile, { sent: 80, answered: 20 }, 5)).toEqual({
      rate: 0.25,
      responded: 20,
      invited: 80,
      basis: 'invites',
    });
    expect(responseRateOf(50, profile, { sent: 0, answered: 0 }, 5)).toEqual({
      rate: 0.25,
      responded: 50,
      invited: 200,
      basis: 'headcount',
    });
    // Two invites: the rate would say whether those two people answered.
    expect(responseRateOf(50, profile, { sent: 2, answered: 1 }, 5)).toBeNull();
    expect(responseRateOf(50, null, undefined, 5)).toBeNull();
  });
});

describe('the survey confirmation', () => {
  it('says that answers can be withdrawn until the campaign closes, with the date when it is known', async () => {
    const closesAt = '2026-06-30T17:00:00.000Z';
    const dated = await seedCampaign(h.app, { closesAt });
    const json = await call(h.app, 'POST', `/api/v1/surveys/${dated.surveyToken}/responses`, {
      body: makeSubmission(),
    });
    expect(json.body.withdrawUntil).toBe(closesAt);

    const post = (token: string) =>
      h.app.request(`/s/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          lang: 'en',
          responseId: crypto.randomUUID(),
          roles_split: '3',
          level: 'frontline',
          department: 'Sales',
        }).toString(),
      });
    const page = await (await post(dated.surveyToken)).text();
    expect(page).toContain('You can withdraw them until the campaign closes on 30 June 2026 at 17:00 UTC.');
    const undated = await seedCampaign(h.app);
    expect(await (await post(undated.surveyToken)).text()).toContain(
      'You can withdraw them until the campaign closes.',
    );
    // The script's confirmation is rendered with the form.
    const form = await (await h.app.request(`/s/${dated.surveyToken}?lang=de`)).text();
    expect(form).toContain('Zurückziehen können Sie sie, bis die Umfrage am 30. Juni 2026 um 17:00 UTC endet.');
  });
});
