import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStats, instrumentOf, mergeCells } from '../../functions/reports/campaign-stats';
import { STORED_TIME_UNIT_MS } from '../../functions/store/stored-time';
import { ADMIN_TOKEN, call, type Harness, makeAnswers, makeSubmission, startHarness } from '../http/harness';

// What the table holds after real use: hashes instead of tokens, and responses without anything that points at a person.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ snapshotSafetyMs: 1000, snapshotRefreshItems: 1 });
});
afterAll(() => h.close());

const CLIENT = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) UniqueAgent/9.9.9',
  'x-forwarded-for': '198.51.100.23',
  'x-real-ip': '198.51.100.24',
  'cf-connecting-ip': '198.51.100.25',
};

describe('what is stored', () => {
  it('keeps tokens, survey links and receipts only as hashes, and no address or agent anywhere', async () => {
    const secrets: string[] = [ADMIN_TOKEN];
    const consultant = await call(h.app, 'POST', '/api/v1/tokens', {
      token: ADMIN_TOKEN,
      body: { role: 'consultant', orgIds: [] },
    });
    secrets.push(consultant.body.token);
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: consultant.body.token, body: { name: 'Stored' } });
    const exec = await call(h.app, 'POST', '/api/v1/tokens', {
      token: consultant.body.token,
      body: { role: 'executive', orgIds: [org.body.id] },
    });
    secrets.push(exec.body.token);
    const campaign = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
      token: consultant.body.token,
      body: { name: 'Stored wave', departments: ['Sales', 'Operations'] },
    });
    secrets.push(campaign.body.surveyToken);
    const responseIds: string[] = [];
    const receipts: string[] = [];
    // Sent at odd moments within the hour, one of them too fast to have read the items.
    h.clock.advance(17 * 60_000 + 23_456);
    for (let i = 0; i < 12; i++) {
      h.clock.advance(61_789);
      const body = makeSubmission({ department: i % 2 ? 'Sales' : 'Operations', durationS: i === 3 ? 9 : 287 + i });
      responseIds.push(body.responseId);
      const res = await call(h.app, 'POST', `/api/v1/surveys/${campaign.body.surveyToken}/responses`, {
        body,
        headers: CLIENT,
      });
      expect(res.status).toBe(201);
      receipts.push(res.body.receipt);
    }
    await call(h.app, 'DELETE', `/api/v1/responses/${receipts[0]}`, { headers: CLIENT });
    await call(h.app, 'PUT', `/api/v1/campaigns/${campaign.body.id}/leadership`, {
      token: exec.body.token,
      body: { respondents: [{ answers: makeAnswers(5) }] },
    });
    // Past the hour and the safety window, so a snapshot passes the withdrawal and its answers are erased.
    h.clock.advance(STORED_TIME_UNIT_MS + 5000);
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaign.body.id}/report`, { token: exec.body.token });
    expect(report.status).toBe(200);
    const record = (await h.store.getCampaign(campaign.body.id))!;
    const total = mergeCells(instrumentOf(record), await freshStats(h.store, record));
    expect(total.n).toBe(11);
    // The speeding flag (METHOD.md §3.5) still works from the flag stored in place of the duration.
    expect(total.quality.tooFast).toBe(1);

    const items = await h.scanAll();
    // Snapshot chunks are gzip'd JSON: read them too.
    const text = items
      .map((item) =>
        item.entity === 'snapshotChunk'
          ? gunzipSync(Buffer.from(item.body as Uint8Array)).toString('utf8')
          : JSON.stringify(item),
      )
      .join('\n');
    expect(items.some((i) => i.entity === 'snapshotChunk')).toBe(true);
    for (const secret of [...secrets, ...receipts, ...responseIds]) expect(text).not.toContain(secret);
    for (const value of Object.values(CLIENT)) expect(text).not.toContain(value);
    expect(text).not.toContain('UniqueAgent');

    for (const item of items) {
      expect(item, JSON.stringify(item).slice(0, 200)).toHaveProperty('entity');
      expect(item).toHaveProperty('v');
    }
    const allowed = new Set([
      'PK',
      'SK',
      'GSI1PK',
      'GSI1SK',
      'entity',
      'v',
      'campaignId',
      'shard',
      'receivedAt',
      'withdrawnAt',
      'contentHash',
      'answers',
      'level',
      'department',
      'tooFast',
    ]);
    const responses = items.filter((i) => i.entity === 'response');
    expect(responses).toHaveLength(12);
    for (const r of responses) for (const key of Object.keys(r)) expect(allowed.has(key), key).toBe(true);
    // Nothing finer than the hour, and no duration, in any response: not in its times, not in its stream position.
    // (The privacy line says so: web/survey/messages.ts.)
    const wholeHour = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/;
    for (const r of responses) {
      expect(r.receivedAt).toMatch(wholeHour);
      if (r.withdrawnAt) expect(r.withdrawnAt).toMatch(wholeHour);
      expect(String(r.GSI1SK).replace(/^~W#/, '').split('#')[0]).toMatch(wholeHour);
      expect(r).not.toHaveProperty('durationS');
      // Every other value holds no time at all (answers, segment, hashes).
      const rest = Object.entries(r).filter(([k]) => !['receivedAt', 'withdrawnAt', 'GSI1SK'].includes(k));
      expect(JSON.stringify(rest)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    expect(responses.filter((r) => r.tooFast === true)).toHaveLength(1);
    expect(responses.filter((r) => 'tooFast' in r && r.tooFast !== true)).toHaveLength(0);
    // No stored item of any kind holds a response's minute: the receipt's hour is all that links a time to it.
    expect(new Set(responses.map((r) => r.receivedAt)).size).toBe(1);
    // The withdrawn response kept no answers once a snapshot covered its withdrawal.
    const withdrawn = responses.filter((r) => r.withdrawnAt);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).not.toHaveProperty('answers');
  });
});
