import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, call, type Harness, PUBLIC_URL, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;

async function newToken(
  by: string,
  body: Record<string, unknown>,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const res = await call(h.app, 'POST', '/api/v1/tokens', { token: by, body });
  if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
  return res.body;
}

describe('organisations, profiles and campaigns', () => {
  it('lets a consultant build its portfolio and shows it only its own organisations', async () => {
    const consultant = await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
    const other = await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: consultant.token, body: { name: '  Initech  ' } });
    expect(org.status).toBe(201);
    expect(org.body.name).toBe('Initech');
    const mine = await call(h.app, 'GET', '/api/v1/orgs', { token: consultant.token });
    expect(mine.body.orgs.map((o: { id: string }) => o.id)).toEqual([org.body.id]);
    const theirs = await call(h.app, 'GET', '/api/v1/orgs', { token: other.token });
    expect(theirs.body.orgs).toEqual([]);
    expect((await call(h.app, 'GET', `/api/v1/orgs/${org.body.id}`, { token: other.token })).status).toBe(404);
    const all = await call(h.app, 'GET', '/api/v1/orgs', { token: ADMIN_TOKEN });
    expect(all.body.orgs.map((o: { id: string }) => o.id)).toContain(org.body.id);
  });

  it('stores the organisation profile as given and validates it strictly', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Profiled' } });
    const profile = {
      aiSpendPerEmployee: 1200,
      currency: 'EUR',
      seats: 300,
      headcount: { total: 400, byLevel: { frontline: 320, manager: 70, executive: 10 } },
    };
    const put = await call(h.app, 'PUT', `/api/v1/orgs/${org.body.id}/profile`, { token: ADMIN_TOKEN, body: profile });
    expect(put.status).toBe(200);
    const got = await call(h.app, 'GET', `/api/v1/orgs/${org.body.id}/profile`, { token: ADMIN_TOKEN });
    expect(got.body).toEqual({ orgId: org.body.id, profile });
    const bad = await call(h.app, 'PUT', `/api/v1/orgs/${org.body.id}/profile`, {
      token: ADMIN_TOKEN,
      body: { currency: 'euro', seats: -1, headcount: { total: 5, extra: 1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'currency',
      'headcount.extra',
      'seats',
    ]);
  });

  it('creates a campaign with defaults and shows the survey link once', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Camp' } });
    const created = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Wave 1', departments: ['Sales'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      orgId: org.body.id,
      minGroupSize: 5,
      closesAt: null,
      status: 'open',
      languages: ['en', 'zh', 'de'],
      instrument: { id: 'orgos-core', version: '2026.2' },
      surveyUrl: `${PUBLIC_URL}/s/${created.body.surveyToken}`,
    });
    expect(created.body.surveyToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const one = await call(h.app, 'GET', `/api/v1/campaigns/${created.body.id}`, { token: ADMIN_TOKEN });
    expect(one.body).not.toHaveProperty('surveyToken');
    expect(one.body).not.toHaveProperty('receiptKey');
    const list = await call(h.app, 'GET', `/api/v1/orgs/${org.body.id}/campaigns`, { token: ADMIN_TOKEN });
    expect(list.body.campaigns.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });

  it('keeps a campaign on the instrument version it chose, and refuses an unknown one', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Versions' } });
    const older = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Wave 0', departments: ['Sales'], instrumentVersion: '2026.1' },
    });
    expect(older.status).toBe(201);
    expect(older.body.instrument).toEqual({ id: 'orgos-core', version: '2026.1' });
    const survey = await call(h.app, 'GET', `/api/v1/surveys/${older.body.surveyToken}`);
    expect(survey.body.instrument.items.map((i: { id: string }) => i.id)).toContain('sig_capacity_use');
    const unknown = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Wave 9', departments: ['Sales'], instrumentVersion: '1999.1' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['instrumentVersion']);
  });

  it('rejects campaigns with bad settings, naming the field', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Bad' } });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', departments: [] }, 'departments'],
      [{ name: 'x', departments: ['A', 'a'] }, 'departments[1]'],
      [{ name: 'x', departments: Array.from({ length: 51 }, (_, i) => `D${i}`) }, 'departments'],
      [{ name: 'x', departments: ['A'], minGroupSize: 2 }, 'minGroupSize'],
      [{ name: 'x', departments: ['A'], closesAt: '2020-01-01T00:00:00Z' }, 'closesAt'],
      [{ name: 'x', departments: ['A'], closesAt: 'tomorrow' }, 'closesAt'],
      [{ name: 'x', departments: ['A'], languages: ['fr'] }, 'languages.0'],
      [{ name: 'x', departments: ['A'], color: 'red' }, 'color'],
    ];
    for (const [body, field] of cases) {
      const res = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, { token: ADMIN_TOKEN, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const list = await call(h.app, 'GET', `/api/v1/orgs/${org.body.id}/campaigns`, { token: ADMIN_TOKEN });
    expect(list.body.campaigns).toEqual([]);
  });
});

describe('tokens', () => {
  it('lets a consultant give executives access to its own organisations only', async () => {
    const consultant = await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
    const own = await call(h.app, 'POST', '/api/v1/orgs', { token: consultant.token, body: { name: 'Own' } });
    const foreign = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Foreign' } });
    const exec = await newToken(consultant.token, { role: 'executive', orgIds: [own.body.id] });
    expect((await call(h.app, 'GET', `/api/v1/orgs/${own.body.id}`, { token: exec.token })).status).toBe(200);
    expect((await call(h.app, 'GET', `/api/v1/orgs/${foreign.body.id}`, { token: exec.token })).status).toBe(404);
    const escalate = await call(h.app, 'POST', '/api/v1/tokens', {
      token: consultant.token,
      body: { role: 'consultant', orgIds: [own.body.id] },
    });
    expect(escalate.status).toBe(403);
    const reach = await call(h.app, 'POST', '/api/v1/tokens', {
      token: consultant.token,
      body: { role: 'executive', orgIds: [foreign.body.id] },
    });
    expect(reach.status).toBe(404);
    const byExec = await call(h.app, 'POST', '/api/v1/tokens', {
      token: exec.token,
      body: { role: 'executive', orgIds: [own.body.id] },
    });
    expect(byExec.status).toBe(403);
  });

  it('expires tokens and revokes them; a consultant revokes only tokens it made', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Expiry' } });
    const short = await newToken(ADMIN_TOKEN, { role: 'executive', orgIds: [org.body.id], expiresInDays: 1 });
    expect(Date.parse(short.expiresAt) - h.clock.now.getTime()).toBeLessThanOrEqual(DAY);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { token: short.token })).status).toBe(200);
    h.clock.advance(DAY + 1000);
    try {
      expect((await call(h.app, 'GET', '/api/v1/orgs', { token: short.token })).status).toBe(401);
    } finally {
      h.clock.advance(-(DAY + 1000));
    }

    const consultant = await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [org.body.id] });
    const other = await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [org.body.id] });
    const exec = await newToken(consultant.token, { role: 'executive', orgIds: [org.body.id] });
    expect((await call(h.app, 'DELETE', `/api/v1/tokens/${exec.id}`, { token: other.token })).status).toBe(404);
    expect((await call(h.app, 'DELETE', `/api/v1/tokens/${exec.id}`, { token: exec.token })).status).toBe(403);
    expect((await call(h.app, 'DELETE', `/api/v1/tokens/${exec.id}`, { token: consultant.token })).status).toBe(204);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { token: exec.token })).status).toBe(401);
    expect((await call(h.app, 'DELETE', `/api/v1/tokens/${consultant.id}`, { token: ADMIN_TOKEN })).status).toBe(204);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { token: consultant.token })).status).toBe(401);
    expect(
      (await call(h.app, 'DELETE', '/api/v1/tokens/000000000000000000000000', { token: ADMIN_TOKEN })).status,
    ).toBe(404);
  });

  it('makes tokens of at least 128 random bits whose id does not reveal them', async () => {
    const a = await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
    expect(Buffer.from(a.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(a.token).not.toContain(a.id);
    const res = await call(h.app, 'POST', '/api/v1/tokens', {
      token: ADMIN_TOKEN,
      body: { role: 'executive', orgIds: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('orgIds');
  });
});
