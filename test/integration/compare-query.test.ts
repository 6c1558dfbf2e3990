// `?campaigns=a,b` and `?campaigns=a&campaigns=b` (API Gateway passes repeated keys on as they came) compare alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, seedCampaign, startHarness } from '../http/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GET /api/v1/compare', () => {
  it('takes the campaign ids comma-separated, as a repeated key, or both, and refuses more than 50', async () => {
    const a = await seedCampaign(h.app);
    const b = await seedCampaign(h.app);
    const c = await seedCampaign(h.app);
    for (const x of [a, b, c]) await closeCampaign(h.app, x.campaignId);
    const ids = (r: { body: { campaigns: { id: string }[] } }) => r.body.campaigns.map((x) => x.id);
    const comma = await call(h.app, 'GET', `/api/v1/compare?campaigns=${a.campaignId},${b.campaignId}`, {
      token: ADMIN_TOKEN,
    });
    expect(comma.status).toBe(200);
    const repeated = await call(h.app, 'GET', `/api/v1/compare?campaigns=${a.campaignId}&campaigns=${b.campaignId}`, {
      token: ADMIN_TOKEN,
    });
    expect(repeated.status).toBe(200);
    expect(ids(repeated)).toEqual(ids(comma));
    expect(ids(comma)).toEqual([a.campaignId, b.campaignId]);
    const mixed = await call(
      h.app,
      'GET',
      `/api/v1/compare?campaigns=${a.campaignId},${b.campaignId}&campaigns=${c.campaignId}`,
      { token: ADMIN_TOKEN },
    );
    expect(ids(mixed)).toEqual([a.campaignId, b.campaignId, c.campaignId]);
    const many = Array.from({ length: 51 }, (_, i) => `campaigns=x${i}`).join('&');
    const tooMany = await call(h.app, 'GET', `/api/v1/compare?${many}`, { token: ADMIN_TOKEN });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('campaigns');
  });
});
