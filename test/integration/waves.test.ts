// The executive's trend: an organisation's published waves up to the one being read, with the change's interval;
// open, settling and later waves are left out, and a wave below its minimum group size shows only its count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  startHarness,
  viewerCookie,
} from '../http/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function wave(orgId: string, name: string, answered: number, value: number): Promise<string> {
  const c = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
    token: ADMIN_TOKEN,
    body: { name, departments: ['Sales'] },
  });
  for (let i = 0; i < answered; i++) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${c.body.surveyToken}/responses`, {
      body: makeSubmission({ answers: makeAnswers((_, j) => Math.max(1, Math.min(5, value + ((i + j) % 3) - 1))) }),
    });
    expect(res.status).toBe(201);
  }
  h.clock.advance(1000);
  return c.body.id as string;
}

describe('GET /api/v1/campaigns/{id}/waves', () => {
  it('lists the published waves up to this one, oldest first, with the change and its interval', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Waves Ltd' } });
    const orgId = org.body.id as string;
    const first = await wave(orgId, 'Spring', 12, 2);
    await closeCampaign(h.app, first);
    const small = await wave(orgId, 'Summer', 3, 3);
    await closeCampaign(h.app, small);
    const third = await wave(orgId, 'Autumn', 12, 4);
    await closeCampaign(h.app, third);
    const open = await wave(orgId, 'Winter', 6, 4);

    const res = await call(h.app, 'GET', `/api/v1/campaigns/${third}/waves`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(200);
    const waves = res.body.waves as {
      id: string;
      n: number;
      suppressed: boolean;
      scores?: Record<string, number>;
      change: Record<string, { value: number; ci: [number, number]; beyondNoise: boolean }> | null;
      previousId: string | null;
    }[];
    // The open wave is not in it; the small one is, with its count and nothing derived from its answers.
    expect(waves.map((w) => w.id)).toEqual([first, small, third]);
    expect(waves[1]).toMatchObject({ n: 3, suppressed: true, change: null });
    expect(waves[1]!.scores).toBeUndefined();
    // The change skips nothing it may not show: the third wave is measured against the first, not the hidden one.
    expect(waves[0]!.change).toBeNull();
    expect(waves[2]!.change).not.toBeNull();
    expect(waves[2]!.previousId).toBe(first);
    const roles = waves[2]!.change!.roles!;
    expect(roles.value).toBeCloseTo(waves[2]!.scores!.roles! - waves[0]!.scores!.roles!, 0);
    expect(roles.ci[0]).toBeLessThan(roles.value);
    expect(roles.ci[1]).toBeGreaterThan(roles.value);
    expect(roles.beyondNoise).toBe(true);

    // Read from the first wave: nothing after it.
    const early = await call(h.app, 'GET', `/api/v1/campaigns/${first}/waves`, { token: ADMIN_TOKEN });
    expect(early.body.waves.map((w: { id: string }) => w.id)).toEqual([first]);
    // Read from the open wave: the published ones before it, not itself.
    const fromOpen = await call(h.app, 'GET', `/api/v1/campaigns/${open}/waves`, { token: ADMIN_TOKEN });
    expect(fromOpen.body.waves.map((w: { id: string }) => w.id)).toEqual([first, small, third]);
  });

  it('is readable through the report viewer link of the campaign', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Viewer Ltd' } });
    const id = await wave(org.body.id, 'Only wave', 6, 3);
    await closeCampaign(h.app, id);
    const link = await call(h.app, 'POST', `/api/v1/campaigns/${id}/viewer-links`, {
      token: ADMIN_TOKEN,
      body: { label: 'Board' },
    });
    const cookie = await viewerCookie(h.app, link.body.url);
    const res = await call(h.app, 'GET', `/api/v1/campaigns/${id}/waves`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.waves).toHaveLength(1);
    expect(res.body.waves[0].scores.roles).toBeGreaterThan(0);
  });
});
