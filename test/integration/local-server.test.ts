import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminTokenFor, type LocalServer, linksText, startLocalServer } from '../../functions/local/server';
import { makeSubmission } from '../http/harness';

// `npm start`'s server: dynalite on disk, the demo seeded once, links that work, data kept across a restart.

let dir: string;
let server: LocalServer | undefined;
/** The submissions that were counted before the restart, with their receipts. */
const counted: { body: unknown; receipt: string }[] = [];
const env = () => ({ ORGOS_DATA_DIR: dir, PORT: '0', ORGOS_RATE_LIMIT: '6', ORGOS_WEB_DIR: join(dir, 'no-web') });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orgos-local-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = async (url: string, token?: string) => {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    status: res.status,
    body: (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text(),
  };
};

/** Signs in with a printed link as the sign-in page does, and returns the session cookie. */
async function signIn(url: string, link: string): Promise<string> {
  const code = new URLSearchParams(new URL(link).hash.slice(1)).get('code');
  const res = await fetch(`${url}/api/v1/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ code }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('the local server', () => {
  it('seeds the demo on the first start and prints links that work', async () => {
    server = await startLocalServer(env());
    const demo = server.demo!;
    expect(demo).toBeTruthy();
    const text = linksText(server);
    expect(text).toContain(`/s/${demo.surveyToken}`);
    expect(text).toContain(demo.reportViewerUrl);
    expect(text).toContain('/signin.html');
    expect(text).toContain('/api/docs');
    // No key is printed (17.15): not the admin's, not the demo's API keys. Sign-in links instead, one per person.
    for (const key of [server.adminToken, demo.consultantToken, demo.executiveToken]) expect(text).not.toContain(key);
    expect(server.signIn.consultant).toMatch(/\/signin\.html#code=[A-Za-z0-9_-]{43}$/);
    expect(text).toContain(server.signIn.consultant);
    expect(text).toContain(server.signIn.executive);

    expect((await get(`${server.url}/health`)).status).toBe(200);
    const report = await get(`${server.url}/api/v1/campaigns/${demo.campaignId}/report`, demo.executiveToken);
    expect(report.status).toBe(200);
    expect(report.body.n).toBeGreaterThan(100);
    // The printed report is of a closed wave: published.
    expect(report.body.campaign.status).toBe('closed');
    expect(report.body.published).toBe(true);
    expect(report.body.suppressed).toBe(false);
    expect(report.body.leadership.n).toBe(3);
    expect(report.body.segments.department.some((d: { suppressed: boolean }) => !d.suppressed)).toBe(true);
    const orgs = await get(`${server.url}/api/v1/orgs`, demo.consultantToken);
    expect(orgs.body.orgs).toHaveLength(3);
    const compare = await get(
      `${server.url}/api/v1/compare?campaigns=${demo.campaignIds.join(',')}`,
      demo.consultantToken,
    );
    expect(compare.status).toBe(200);
    expect(compare.body.campaigns.find((c: { id: string }) => c.id === demo.campaignId).change).not.toBeNull();
    // The operating account around the two waves: one entry met, one not moving, a decision, a red signal.
    expect(text).toContain(`/operating-account.html#org=${demo.orgId}`);
    const wave = await get(`${server.url}/api/v1/campaigns/${demo.campaignId}/account`, demo.executiveToken);
    expect(wave.status).toBe(200);
    expect(wave.body.entries.items.map((e: { status: string }) => e.status).sort()).toEqual([
      'incision_running',
      'removed',
    ]);
    expect(wave.body.entries.moved).toBe(2);
    expect(wave.body.summary.capacity.shares).toEqual({ faster_response: 60, learning: 40 });
    expect(wave.body.summary.freed.waiting.byDestination).toEqual({ faster_response: 726.2, learning: 484.2 });
    // Both entries were made from the spring wave's cells and reconciled against this wave's.
    expect(
      wave.body.entries.items.map((e: { title: string; reconciliation: { suggestion: string } }) => [
        e.title,
        e.reconciliation.suggestion,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['Approvals held by Finance', 'target_met'],
        ['Month-end reports and decks', 'not_moving'],
      ]),
    );
    expect(wave.body.summary.register[0].red).toEqual(['repeat inquiries']);
    // The printed survey link belongs to an open campaign: its report has the count and no figures yet.
    const open = await get(`${server.url}/api/v1/campaigns/${demo.surveyCampaignId}/report`, demo.executiveToken);
    expect(open.body).toMatchObject({ published: false, suppressed: true, campaign: { status: 'open' } });
    expect(open.body).not.toHaveProperty('layers');
    expect(open.body.n).toBeNull();
    // The admin token and the demo links live in files only the owner can read.
    expect((await stat(join(dir, 'admin-token'))).mode & 0o077).toBe(0);
    expect((await stat(join(dir, 'demo-links.json'))).mode & 0o077).toBe(0);
  });

  it('signs the demo consultant and executive in with the printed links, once each', async () => {
    const s = server!;
    const consultant = await signIn(s.url, s.signIn.consultant!);
    // Over plain http the cookie cannot be Secure, so no __Host- prefix; still HttpOnly and SameSite=Strict.
    expect(consultant).toMatch(/^orgos_session=/);
    const orgs = await fetch(`${s.url}/api/v1/orgs`, { headers: { cookie: consultant } });
    expect(((await orgs.json()) as { orgs: unknown[] }).orgs).toHaveLength(3);
    const executive = await signIn(s.url, s.signIn.executive!);
    const mine = await fetch(`${s.url}/api/v1/orgs`, { headers: { cookie: executive } });
    expect(((await mine.json()) as { orgs: { id: string }[] }).orgs.map((o) => o.id)).toEqual([s.demo!.orgId]);
    // A printed link works once.
    const again = await fetch(`${s.url}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: new URLSearchParams(new URL(s.signIn.consultant!).hash.slice(1)).get('code') }),
    });
    expect(again.status).toBe(401);
  });

  it('writes mail to the outbox folder, and runs the lifecycle job', async () => {
    const demo = server!.demo!;
    const res = await fetch(`${server!.url}/api/v1/campaigns/${demo.surveyCampaignId}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.consultantToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['ann@example.com'] }),
    });
    expect(res.status).toBe(201);
    const files = await readdir(server!.outbox);
    expect(files).toHaveLength(1);
    // Named by time and kind, never by address; readable by the owner only.
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-invitation-[0-9a-f]{12}\.eml$/);
    expect((await stat(join(server!.outbox, files[0]!))).mode & 0o077).toBe(0);
    const eml = await readFile(join(server!.outbox, files[0]!), 'utf8');
    expect(eml).toContain('To: ann@example.com');
    expect(eml).toContain(`${server!.url}/s/`.slice(0, 20));
    // Nothing is due in the fresh demo: a run of the job changes nothing.
    await server!.tick();
    expect(await readdir(server!.outbox)).toHaveLength(1);
  });

  it('limits submissions per client on the local server', async () => {
    const url = `${server!.url}/api/v1/surveys/${server!.demo!.surveyToken}/responses`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const body = makeSubmission({ responseId: randomUUID() });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      statuses.push(res.status);
      const answer = (await res.json()) as { receipt?: string };
      if (res.status === 201) counted.push({ body, receipt: answer.receipt! });
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('throttles failed authentication with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 22; i++) {
      const res = await fetch(`${server!.url}/api/v1/orgs`, {
        headers: { authorization: `Bearer wrong-guess-${String(i).padStart(20, '0')}` },
      });
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
      await res.text();
    }
    // 20 failures at once (one was spent above, on the reused sign-in link), then 429 and nothing else.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(15);
    expect(first).toBeLessThanOrEqual(20);
    expect(statuses.slice(0, first).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('refuses a guessable admin token given in the environment, and never prints one it was given', async () => {
    const other = await mkdtemp(join(tmpdir(), 'orgos-local-weak-'));
    try {
      for (const weak of [
        'aaaaaaaaaaaaaaaa',
        'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'abcdefghijklmnopqrstuvwxyz0123',
        'password',
      ]) {
        await expect(adminTokenFor({ ORGOS_ADMIN_TOKEN: weak }, other)).rejects.toThrow(/ORGOS_ADMIN_TOKEN is refused/);
        await expect(adminTokenFor({ ORGOS_ADMIN_TOKEN: weak }, other)).rejects.not.toThrow(weak);
      }
      const strong = randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '');
      expect(await adminTokenFor({ ORGOS_ADMIN_TOKEN: strong }, other)).toEqual({
        token: strong,
        source: 'environment',
      });
      const text = linksText({ ...server!, adminToken: strong, adminTokenSource: 'environment' });
      expect(text).not.toContain(strong);
      expect(text).toContain('from ORGOS_ADMIN_TOKEN (not shown)');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('keeps the data across a restart and does not seed twice', async () => {
    const before = server!.demo!;
    const adminToken = (await readFile(join(dir, 'admin-token'), 'utf8')).trim();
    await server!.close();
    server = await startLocalServer(env());
    expect(server.adminToken).toBe(adminToken);
    expect(server.demo).toEqual(before);
    const orgs = await get(`${server.url}/api/v1/orgs`, adminToken);
    expect(orgs.body.orgs).toHaveLength(3);
    // The ten submissions of the previous test are still there: each retry finds its response, with its receipt.
    expect(counted).toHaveLength(10);
    for (const { body, receipt } of counted) {
      const res = await fetch(`${server.url}/api/v1/surveys/${before.surveyToken}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { receipt: string }).receipt).toBe(receipt);
    }
  });

  it('reminds the demo executive of the monthly operating review once it falls due, once', async () => {
    const reminders = async () => (await readdir(server!.outbox)).filter((f) => f.includes('-review-reminder-'));
    // The demo's account was reviewed after its second wave: nothing is due now.
    await server!.tick();
    expect(await reminders()).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 45 * 86_400_000);
      await server!.tick();
      await server!.tick();
    } finally {
      vi.useRealTimers();
    }
    const files = await reminders();
    expect(files).toHaveLength(1);
    const eml = await readFile(join(server!.outbox, files[0]!), 'utf8');
    expect(eml).toContain('To: "Dana Whitfield" <dana.whitfield@northwind.example>');
    expect(eml).toContain('Subject: Operating review due: Northwind');
    expect(eml).toContain('The AI operating account was last reviewed on');
    expect(eml).toContain('operating-account.html#org=');
  });
});
