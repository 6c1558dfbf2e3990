import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHash, sha256Hex } from '../../functions/api/token-hash';
import { CLOSE_GRACE_MS } from '../../functions/lifecycle/answer-window';
import { freshStats, instrumentOf, mergeCells } from '../../functions/reports/campaign-stats';
import type { CampaignRecord } from '../../functions/store/store';
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

// A closed campaign's published results are the responses received at or before its close (and not withdrawn by
// then). A submission can read the campaign while it is open and write after the close was asked for: on AWS between
// two requests (read campaign, close, put), and within an instance's short campaign cache. The close takes effect a
// grace after the ask and a copy older than that is read again (lifecycle/answer-window.ts), so such an answer is
// either inside the close or refused. A response stored after the close anyway (written straight to the store here)
// never changes what was published, and the snapshot of a closed campaign never moves past the close.

const SAFETY = 60_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ snapshotSafetyMs: SAFETY, snapshotRefreshItems: 3 });
});
afterAll(() => h.close());

const report = async (campaignId: string) => {
  const res = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return res.body;
};
const submit = (app: Pick<Harness['app'], 'request'>, surveyToken: string, body = makeSubmission()) =>
  call(app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body });
/** The report without the time it was made: what a reader compares. */
const figures = (body: Record<string, unknown>) => ({ ...body, generatedAt: null });

/** A response written straight to the store at `receivedAt`, as the put of a submission that read the campaign open. */
async function storeLate(campaign: CampaignRecord, receivedAt: string, i: number) {
  const key = sha256Hex(`late:${campaign.id}:${i}`);
  const content = { answers: makeAnswers(1), level: 'frontline' as const, department: 'Sales' };
  const put = await h.store.putResponse({
    key,
    campaignId: campaign.id,
    shard: Number.parseInt(key.slice(0, 8), 16) % campaign.shards,
    position: `${receivedAt}#${key.slice(0, 16)}`,
    receivedAt,
    contentHash: canonicalHash(content),
    ...content,
  });
  expect(put.created).toBe(true);
}

describe('a closed campaign', () => {
  it('refuses an answer on a copy older than the close grace, and answers a retry of a counted one', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    // Another instance of the app (another Lambda) that keeps its copy of the campaign for a minute.
    const other = h.withDeps({ config: { campaignCacheMs: 60_000 } });
    const first = makeSubmission({ answers: makeAnswers(5) });
    const counted = await submit(h.app, surveyToken, first);
    expect(counted.status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await submit(other, surveyToken)).status).toBe(201);

    h.clock.advance(1000);
    await closeCampaign(h.app, campaignId);
    const published = await report(campaignId);
    expect(published).toMatchObject({ published: true, n: 6 });

    // The other instance still holds the campaign as open, but its copy is older than the close grace: it reads the
    // campaign again and refuses, rather than acknowledge an answer dated after the close.
    h.clock.advance(1000);
    const late = await submit(other, surveyToken, makeSubmission({ answers: makeAnswers(1) }));
    expect(late.status).toBe(410);

    // Nothing stored, and the published results have not moved.
    const after = await report(campaignId);
    expect(figures(after)).toEqual(figures(published));
    const campaign = (await h.store.getCampaign(campaignId))!;
    expect(mergeCells(instrumentOf(campaign), await freshStats(h.store, campaign, h.clock.now)).n).toBe(6);

    // An instance that reads the campaign refuses new answers, and answers a retry of a counted one as before.
    expect((await submit(h.app, surveyToken)).status).toBe(410);
    const retry = await submit(h.app, surveyToken, first);
    expect(retry.status).toBe(200);
    expect(retry.body.receipt).toBe(counted.body.receipt);
    expect(retry.body.receivedAt).toBe(counted.body.receivedAt);
  });

  it('never moves its snapshot past the close, however late the read', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    for (let i = 0; i < 8; i++) expect((await submit(h.app, surveyToken)).status).toBe(201);
    h.clock.advance(1000);
    await closeCampaign(h.app, campaignId);
    const campaign = (await h.store.getCampaign(campaignId))!;
    const closedAt = campaign.closedAt!;
    // Written after the close by a request that read the campaign before it: a second and ten minutes late.
    await storeLate(campaign, new Date(Date.parse(closedAt) + 1000).toISOString(), 1);
    await storeLate(campaign, new Date(Date.parse(closedAt) + 600_000).toISOString(), 2);

    h.clock.advance(30 * 60_000);
    const first = await report(campaignId);
    const snapshot = await h.store.getSnapshot(campaignId);
    expect(snapshot).not.toBeNull();
    // Stored at the close (not half an hour later): it holds the 8, and neither late response.
    expect(snapshot!.cursor.startsWith(closedAt)).toBe(true);
    expect(mergeCells(instrumentOf(campaign), new Map(Object.entries(snapshot!.cells))).n).toBe(8);

    h.clock.advance(30 * 60_000);
    const second = await report(campaignId);
    expect(first).toMatchObject({ published: true, n: 8 });
    expect(figures(second)).toEqual(figures(first));
  });

  it('publishes only once the close is older than the safety window, with an answer dated before it that landed late', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    for (let i = 0; i < 6; i++) expect((await submit(h.app, surveyToken)).status).toBe(201);
    h.clock.advance(1000);
    await closeCampaign(h.app, campaignId, ADMIN_TOKEN, { settle: false });
    const campaign = (await h.store.getCampaign(campaignId))!;
    const closedAt = campaign.closedAt!;
    const appearsAt = new Date(Math.ceil((Date.parse(closedAt) + SAFETY) / 60_000) * 60_000)
      .toISOString()
      .slice(11, 16);

    // Right after the close: closed, counted, no figures, and when they appear.
    const settling = await report(campaignId);
    expect(settling).toMatchObject({ published: false, suppressed: true, n: 6, campaign: { status: 'closed' } });
    expect(settling.reason).toBe(
      `Results are being finalised and appear at ${appearsAt} UTC, so that every answer sent before the close is in them.`,
    );
    for (const key of ['layers', 'signals', 'diagnoses']) expect(settling).not.toHaveProperty(key);
    const csv = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report?format=csv`, { token: ADMIN_TOKEN });
    const rows = csv.text.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.split(',').slice(0, 4)).toEqual([
      'status',
      `not published: being finalised until ${appearsAt} UTC`,
      '',
      'true',
    ]);
    expect(
      rows[1]!
        .split(',')
        .slice(4)
        .every((v) => v === ''),
    ).toBe(true);
    const compared = await call(h.app, 'GET', `/api/v1/compare?campaigns=${campaignId}`, { token: ADMIN_TOKEN });
    expect(compared.body.campaigns[0]).toMatchObject({ status: 'closed', published: false, suppressed: true, n: 6 });
    expect(compared.body.campaigns[0]).not.toHaveProperty('scores');

    // A submission dated before the close whose write lands after it (a stalled function), within the window.
    h.clock.advance(SAFETY / 2 + CLOSE_GRACE_MS);
    await storeLate(campaign, new Date(Date.parse(closedAt) - 500).toISOString(), 4);
    expect(await report(campaignId)).toMatchObject({ published: false, n: 7 });

    // Once the window has passed: published, and the late answer is in the first published view.
    h.clock.advance(SAFETY / 2);
    const first = await report(campaignId);
    expect(first).toMatchObject({ published: true, suppressed: false, n: 7, campaign: { status: 'closed' } });
    expect(first).not.toHaveProperty('reason');
    expect(mergeCells(instrumentOf(campaign), await freshStats(h.store, campaign, h.clock.now)).n).toBe(7);
    const publishedCompare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${campaignId}`, {
      token: ADMIN_TOKEN,
    });
    expect(publishedCompare.body.campaigns[0]).toMatchObject({ status: 'closed', published: true, n: 7 });

    // And it never changes afterwards: later reads, a snapshot stored at the close, an answer written later still.
    await storeLate(campaign, new Date(Date.parse(closedAt) + 1000).toISOString(), 5);
    for (const step of [1000, 30 * 60_000, 24 * 3_600_000]) {
      h.clock.advance(step);
      expect(figures(await report(campaignId))).toEqual(figures(first));
    }
    expect((await h.store.getSnapshot(campaignId))!.cursor.startsWith(closedAt)).toBe(true);
  });

  it('counts up to a passed closesAt before the job has recorded the close, and the same after', async () => {
    const closesAt = new Date(h.clock.now.getTime() + 3_600_000).toISOString();
    const { campaignId, surveyToken } = await seedCampaign(h.app, { closesAt });
    for (let i = 0; i < 6; i++) expect((await submit(h.app, surveyToken)).status).toBe(201);
    h.clock.advance(3_600_000 + 5 * 60_000);
    const campaign = (await h.store.getCampaign(campaignId))!;
    expect(campaign.closedAt).toBeNull();
    await storeLate(campaign, new Date(Date.parse(closesAt) + 1000).toISOString(), 3);

    const beforeJob = await report(campaignId);
    expect(beforeJob).toMatchObject({ published: true, n: 6 });
    // The close the job records is the closing time itself: nothing changes.
    await closeCampaign(h.app, campaignId);
    expect((await h.store.getCampaign(campaignId))!.closedAt).toBe(closesAt);
    expect(figures(await report(campaignId))).toEqual(figures(beforeJob));
  });
});
