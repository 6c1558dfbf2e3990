import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHash, receiptFor, sha256Hex } from '../../functions/api/token-hash';
import { submissionRateLimit } from '../../functions/local/rate-limit';
import { freshStats, instrumentOf, mergeCells } from '../../functions/reports/campaign-stats';
import { storedTime } from '../../functions/store/stored-time';
import { ADMIN_TOKEN, call, type Harness, makeAnswers, makeSubmission, seedCampaign, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const submit = (token: string, body: unknown) => call(h.app, 'POST', `/api/v1/surveys/${token}/responses`, { body });
/** Counted responses, folded from the store: the report shows no count while the campaign is open. */
const reportN = async (campaignId: string) => {
  const campaign = (await h.store.getCampaign(campaignId))!;
  return mergeCells(instrumentOf(campaign), await freshStats(h.store, campaign, h.clock.now)).n;
};

describe('the survey a respondent sees', () => {
  it('resolves the link to the campaign and the instrument, without a bearer token', async () => {
    const { surveyToken } = await seedCampaign(h.app, { languages: ['en', 'de'] });
    const res = await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}?lang=de`);
    expect(res.status).toBe(200);
    expect(res.body.campaign).toEqual({
      name: 'Wave 1',
      departments: ['Sales', 'Operations'],
      languages: ['en', 'de'],
      closesAt: null,
    });
    expect(res.body.language).toBe('de');
    expect(res.body.instrument.items.length).toBeGreaterThan(20);
    const zh = await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}?lang=zh`);
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual([expect.objectContaining({ field: 'lang' })]);
  });

  it('answers 404 for an unknown link', async () => {
    const res = await call(h.app, 'GET', `/api/v1/surveys/${'A'.repeat(43)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('submitting a response', () => {
  it('counts a response once: a retry gets the same receipt, other content under the same id is a conflict', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    const body = makeSubmission();
    const first = await submit(surveyToken, body);
    expect(first.status).toBe(201);
    expect(first.body.receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const retry = await submit(surveyToken, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const other = await submit(surveyToken, { ...body, answers: makeAnswers(2) });
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await reportN(campaignId)).toBe(1);
  });

  it('takes a retry of a response stored when the content hash still held the duration', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    const campaign = (await h.store.getCampaign(campaignId))!;
    const body = makeSubmission({ durationS: 240 });
    const receipt = receiptFor(campaign.receiptKey, body.responseId);
    const key = sha256Hex(receipt);
    const receivedAt = storedTime(h.clock.now);
    const { answers, level, department, durationS } = body;
    const put = await h.store.putResponse({
      key,
      campaignId,
      shard: Number.parseInt(key.slice(0, 8), 16) % campaign.shards,
      position: `${receivedAt}#${key.slice(0, 16)}`,
      receivedAt,
      contentHash: canonicalHash({ answers, level, department, durationS }),
      answers,
      level: 'frontline',
      department,
    });
    expect(put.created).toBe(true);
    const retry = await submit(surveyToken, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ receipt, receivedAt });
    // Another duration is another hash of that form: the same answers sent later than that are told apart.
    expect((await submit(surveyToken, { ...body, durationS: 241 })).status).toBe(409);
    expect(await reportN(campaignId)).toBe(1);
  });

  it('rejects answers that do not fit the instrument or the campaign, naming each field', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    const answers = { ...makeAnswers(), roles_split: 6, not_an_item: 3, sig_capacity_use: 'maybe' };
    const res = await submit(surveyToken, makeSubmission({ answers, department: 'Marketing' }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'answers.not_an_item',
      'answers.roles_split',
      'answers.sig_capacity_use',
      'department',
    ]);
    expect(await reportN(campaignId)).toBe(0);
  });

  it('answers 410 once the campaign has closed, also by its closing time', async () => {
    const closesAt = new Date(h.clock.now.getTime() + 3_600_000).toISOString();
    const { campaignId, surveyToken } = await seedCampaign(h.app, { closesAt });
    const counted = makeSubmission();
    const first = await submit(surveyToken, counted);
    expect(first.status).toBe(201);
    h.clock.advance(3_600_000);
    try {
      const late = await submit(surveyToken, makeSubmission());
      expect(late.status).toBe(410);
      expect(late.body.title).toBe('Campaign closed');
      // A retry of a response counted before the close still gets its receipt; other content does not get in.
      const retry = await submit(surveyToken, counted);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect((await submit(surveyToken, { ...counted, answers: makeAnswers(1) })).status).toBe(410);
      expect(await reportN(campaignId)).toBe(1);
      expect((await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}`)).status).toBe(410);
      const campaign = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}`, { token: ADMIN_TOKEN });
      expect(campaign.body.status).toBe('closed');
    } finally {
      h.clock.advance(-3_600_000);
    }
  });

  it('lets the respondent withdraw with the receipt; the report no longer counts it', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app);
    const kept = await submit(surveyToken, makeSubmission());
    const body = makeSubmission();
    const gone = await submit(surveyToken, body);
    expect(await reportN(campaignId)).toBe(2);
    const del = await call(h.app, 'DELETE', `/api/v1/responses/${gone.body.receipt}`);
    expect(del.status).toBe(204);
    expect((await call(h.app, 'DELETE', `/api/v1/responses/${gone.body.receipt}`)).status).toBe(204);
    expect(await reportN(campaignId)).toBe(1);
    // The withdrawn id cannot be submitted again; an unknown receipt is a 404.
    expect((await submit(surveyToken, body)).status).toBe(409);
    expect((await call(h.app, 'DELETE', `/api/v1/responses/${'B'.repeat(43)}`)).status).toBe(404);
    expect(kept.status).toBe(201);
  });

  it('derives different receipts for the same response id in two campaigns', async () => {
    const a = await seedCampaign(h.app);
    const b = await seedCampaign(h.app);
    const body = makeSubmission({ responseId: randomUUID() });
    const ra = await submit(a.surveyToken, body);
    const rb = await submit(b.surveyToken, body);
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(ra.body.receipt).not.toBe(rb.body.receipt);
  });
});

describe('the local per-client rate limit', () => {
  it('answers 429 with Retry-After once a client exceeds its bucket, through a real socket', async () => {
    const { surveyToken } = await seedCampaign(h.app);
    const app = h.withDeps({ submissionGuard: submissionRateLimit({ burst: 3, perMinute: 1 }) });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((ok) => server.once('listening', () => ok()));
    const { port } = server.address() as AddressInfo;
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 5; i++) {
        last = await fetch(`http://127.0.0.1:${port}/api/v1/surveys/${surveyToken}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(makeSubmission()),
        });
        statuses.push(last.status);
        await last.text();
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last!.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
