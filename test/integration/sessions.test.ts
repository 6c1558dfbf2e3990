import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  codeIn,
  cookiesSet,
  type Harness,
  makeSubmission,
  PUBLIC_URL,
  signInWith,
  startHarness,
  viewerCookie,
} from '../http/harness';

// People sign in by a mailed link and hold a session cookie; pages change things only with the session's CSRF token
// and from this origin; report viewer links open one report. Against dynalite, with the harness's mail recorder.

const HOUR = 3_600_000;
let h: Harness;
let consultantKey: string;
let orgId: string;
let otherOrgId: string;
let campaignId: string;

async function created(path: string, token: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** The sign-in link in the last mail to the address. */
function mailedLink(email: string): string {
  const mail = h.mail.filter((m) => m.kind === 'sign-in' && m.to.email === email).at(-1);
  if (!mail) throw new Error(`no sign-in mail to ${email}`);
  const link = /https:\/\/orgos\.test\/signin\.html#code=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error('no link in the mail');
  return link;
}

async function requestLink(email: string): Promise<string> {
  const res = await call(h.app, 'POST', '/api/v1/auth/sign-in', { body: { email } });
  expect(res.status).toBe(202);
  return mailedLink(email);
}

beforeAll(async () => {
  h = await startHarness({ signInFloorMs: 0 });
  consultantKey = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
  orgId = (await created('/api/v1/orgs', consultantKey, { name: 'Session Org' })).id;
  otherOrgId = (await created('/api/v1/orgs', ADMIN_TOKEN, { name: 'Other Org' })).id;
  const campaign = await created(`/api/v1/orgs/${orgId}/campaigns`, consultantKey, {
    name: 'Wave',
    departments: ['Sales'],
  });
  campaignId = campaign.id;
  for (let i = 0; i < 5; i++) {
    await call(h.app, 'POST', `/api/v1/surveys/${campaign.surveyToken}/responses`, { body: makeSubmission() });
  }
  await closeCampaign(h.app, campaignId);
  await created('/api/v1/users', ADMIN_TOKEN, { email: 'Cora@Consult.example', role: 'consultant' });
  await created('/api/v1/users', consultantKey, { email: 'eve@session.example', role: 'executive', orgIds: [orgId] });
});
afterAll(() => h.close());

describe('signing in by e-mail link', () => {
  it('answers the same for an address with and without an account, and mails only the one that has one', async () => {
    const before = h.mail.length;
    const known = await call(h.app, 'POST', '/api/v1/auth/sign-in', { body: { email: 'eve@session.example' } });
    const unknown = await call(h.app, 'POST', '/api/v1/auth/sign-in', { body: { email: 'nobody@session.example' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    expect(h.mail.slice(before).map((m) => m.to.email)).toEqual(['eve@session.example']);
    // A second request within a minute mails nothing more (no inbox flooding), and still answers the same.
    const again = await call(h.app, 'POST', '/api/v1/auth/sign-in', { body: { email: 'eve@session.example' } });
    expect(again.text).toBe(known.text);
    expect(h.mail.length).toBe(before + 1);
    h.clock.advance(61_000);
  });

  it('signs in once per code, with a Secure, HttpOnly, SameSite=Strict host cookie, case-insensitively', async () => {
    const link = await requestLink('cora@consult.example');
    expect(link).toMatch(/#code=[A-Za-z0-9_-]{43}$/);
    const res = await call(h.app, 'POST', '/api/v1/auth/session', { body: { code: codeIn(link, 'code') } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ signedIn: true, user: { email: 'cora@consult.example', role: 'consultant' } });
    expect(res.body.actions).toContain('invites.create');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-orgos_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    // The table holds the session's hash, never the cookie value.
    const value = cookie.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(await h.scanAll())).not.toContain(value);
    // The code is used up.
    const reuse = await call(h.app, 'POST', '/api/v1/auth/session', { body: { code: codeIn(link, 'code') } });
    expect(reuse.status).toBe(401);
    h.clock.advance(61_000);
  });

  it('refuses a code after 15 minutes, and a code asked for from another site', async () => {
    const link = await requestLink('eve@session.example');
    h.clock.advance(16 * 60_000);
    const late = await call(h.app, 'POST', '/api/v1/auth/session', { body: { code: codeIn(link, 'code') } });
    expect(late.status).toBe(401);
    const fresh = await requestLink('eve@session.example').catch(() => '');
    // Signing a browser in to someone's account from another site (login CSRF) is refused.
    const crossSite = await call(h.app, 'POST', '/api/v1/auth/session', {
      body: { code: codeIn(fresh, 'code') },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    h.clock.advance(61_000);
  });
});

describe('a session', () => {
  it('ends at sign-out on the server: a copy of the cookie is dead afterwards', async () => {
    const { cookie, csrf } = await signInWith(h.app, await requestLink('eve@session.example'));
    const stolen = cookie;
    expect((await call(h.app, 'GET', '/api/v1/orgs', { headers: { cookie } })).status).toBe(200);
    const out = await call(h.app, 'DELETE', '/api/v1/auth/session', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-orgos_session=; Max-Age=0/);
    const after = await call(h.app, 'GET', '/api/v1/orgs', { headers: { cookie: stolen } });
    expect(after.status).toBe(401);
    expect((await call(h.app, 'GET', '/api/v1/auth/session', { headers: { cookie: stolen } })).body.signedIn).toBe(
      false,
    );
    h.clock.advance(61_000);
  });

  it('expires after 12 hours', async () => {
    const { cookie } = await signInWith(h.app, await requestLink('eve@session.example'));
    h.clock.advance(11 * HOUR);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { headers: { cookie } })).status).toBe(200);
    h.clock.advance(HOUR + 1000);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { headers: { cookie } })).status).toBe(401);
  });

  it("ends when the user is revoked, and so do the user's own keys", async () => {
    const user = await created('/api/v1/users', ADMIN_TOKEN, { email: 'leaving@consult.example', role: 'consultant' });
    const { cookie, csrf } = await signInWith(h.app, await requestLink('leaving@consult.example'));
    const key = await call(h.app, 'POST', '/api/v1/tokens', {
      headers: { cookie, 'x-csrf-token': csrf },
      body: { role: 'consultant', orgIds: [], label: 'my script' },
    });
    expect(key.status).toBe(201);
    const own = await call(h.app, 'POST', '/api/v1/orgs', { token: key.body.token, body: { name: 'Leaving Org' } });
    expect(own.status).toBe(201);
    // The key acts as the person: what it creates is in the person's portfolio.
    const seen = await call(h.app, 'GET', '/api/v1/orgs', { headers: { cookie } });
    expect(seen.body.orgs.map((o: { id: string }) => o.id)).toEqual([own.body.id]);
    expect((await call(h.app, 'DELETE', `/api/v1/users/${user.id}`, { token: ADMIN_TOKEN })).status).toBe(204);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { headers: { cookie } })).status).toBe(401);
    expect((await call(h.app, 'GET', '/api/v1/orgs', { token: key.body.token })).status).toBe(401);
    // The address can sign in no more; the answer to asking does not say so.
    const asked = await call(h.app, 'POST', '/api/v1/auth/sign-in', { body: { email: 'leaving@consult.example' } });
    expect(asked.status).toBe(202);
    expect(h.mail.filter((m) => m.to.email === 'leaving@consult.example')).toHaveLength(1);
  });
});

describe('CSRF', () => {
  it('refuses a cross-site form post carrying the session cookie, and changes nothing', async () => {
    const { cookie } = await signInWith(h.app, await requestLink('cora@consult.example'));
    const before = (await h.scanAll()).length;
    // What a page on another site can make a browser send: a plain form post, with the cookie if SameSite let it.
    const forged = await h.app.request('/api/v1/orgs', {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'name=Forged',
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { type: string }).type).toBe('/api/docs#problem-cross-site');
    // The same as JSON from this origin but without the session's token, and with the token from another origin.
    const noToken = await call(h.app, 'POST', '/api/v1/orgs', { headers: { cookie }, body: { name: 'No token' } });
    expect(noToken.status).toBe(403);
    const session = await call(h.app, 'GET', '/api/v1/auth/session', { headers: { cookie } });
    const csrf = session.body.csrfToken as string;
    const otherOrigin = await call(h.app, 'POST', '/api/v1/orgs', {
      headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
      body: { name: 'Other origin' },
    });
    expect(otherOrigin.status).toBe(403);
    const wrongToken = await call(h.app, 'POST', '/api/v1/orgs', {
      // The last character changed, whatever it was (a fixed 'A' is the real token one time in 64).
      headers: { cookie, 'x-csrf-token': `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}` },
      body: { name: 'Wrong token' },
    });
    expect(wrongToken.status).toBe(403);
    expect((await h.scanAll()).length).toBe(before);
    // The page itself: same origin, its token.
    const ok = await call(h.app, 'POST', '/api/v1/orgs', {
      headers: { cookie, 'x-csrf-token': csrf, origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
      body: { name: 'From the dashboard' },
    });
    expect(ok.status).toBe(201);
    h.clock.advance(61_000);
  });

  it('needs no CSRF token for an API key, which no browser sends by itself', async () => {
    const res = await call(h.app, 'POST', '/api/v1/orgs', { token: consultantKey, body: { name: 'Scripted' } });
    expect(res.status).toBe(201);
  });
});

describe('report viewer links', () => {
  it('open one report read-only, nothing else, until revoked', async () => {
    const link = await created(`/api/v1/campaigns/${campaignId}/viewer-links`, consultantKey, { label: 'Board' });
    expect(link.url).toMatch(/^https:\/\/orgos\.test\/report\.html#view=[A-Za-z0-9_-]{43}$/);
    const cookie = await viewerCookie(h.app, link.url);
    expect(cookie).toMatch(/^__Host-orgos_view=/);
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(report.body.n).toBe(5);
    const csv = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report?format=csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    const account = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/account`, { headers: { cookie } });
    expect(account.status).toBe(200);
    const waves = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/waves`, { headers: { cookie } });
    expect(waves.status).toBe(200);
    expect((await call(h.app, 'GET', `/api/v1/orgs/${orgId}/account`, { headers: { cookie } })).status).toBe(403);
    const session = await call(h.app, 'GET', '/api/v1/auth/session', { headers: { cookie } });
    // The report, and the operating account beside it (the wave's section of the report page).
    expect(session.body).toMatchObject({
      signedIn: true,
      kind: 'viewer',
      campaignId,
      actions: ['report.read', 'report.waves', 'account.wave'],
    });
    for (const path of ['/api/v1/orgs', `/api/v1/orgs/${orgId}`, `/api/v1/campaigns/${campaignId}`]) {
      expect((await call(h.app, 'GET', path, { headers: { cookie } })).status, path).toBe(403);
    }
    const other = await created(`/api/v1/orgs/${orgId}/campaigns`, consultantKey, {
      name: 'Other',
      departments: ['A'],
    });
    expect((await call(h.app, 'GET', `/api/v1/campaigns/${other.id}/report`, { headers: { cookie } })).status).toBe(
      404,
    );
    // The code is not an API key.
    const asBearer = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, {
      token: codeIn(link.url, 'view'),
    });
    expect(asBearer.status).toBe(401);
    // Listed on the dashboard with whom it is for and when it was last opened; revoking it ends its sessions.
    const list = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/viewer-links`, { token: consultantKey });
    expect(list.body.links).toEqual([
      expect.objectContaining({ id: link.id, label: 'Board', lastUsedOn: h.clock.now.toISOString().slice(0, 10) }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(codeIn(link.url, 'view'));
    const revoke = await call(h.app, 'DELETE', `/api/v1/campaigns/${campaignId}/viewer-links/${link.id}`, {
      token: consultantKey,
    });
    expect(revoke.status).toBe(204);
    expect((await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { headers: { cookie } })).status).toBe(
      401,
    );
    const reopen = await call(h.app, 'POST', '/api/v1/auth/viewer', { body: { code: codeIn(link.url, 'view') } });
    expect(reopen.status).toBe(401);
  });

  it('does not sign a consultant out when the consultant opens one', async () => {
    const signedIn = await signInWith(h.app, await requestLink('cora@consult.example'));
    const link = await created(`/api/v1/campaigns/${campaignId}/viewer-links`, consultantKey, { label: 'Check' });
    const res = await call(h.app, 'POST', '/api/v1/auth/viewer', {
      headers: { cookie: signedIn.cookie },
      body: { code: codeIn(link.url, 'view') },
    });
    const both = `${signedIn.cookie}; ${cookiesSet(res.headers)}`;
    const session = await call(h.app, 'GET', '/api/v1/auth/session', { headers: { cookie: both } });
    expect(session.body).toMatchObject({ kind: 'user', user: { email: 'cora@consult.example' } });
    h.clock.advance(61_000);
  });
});

describe('API keys', () => {
  it('are listed with scope, expiry and the day of last use, never with the key', async () => {
    const made = await created('/api/v1/tokens', consultantKey, {
      role: 'executive',
      orgIds: [orgId],
      readOnly: true,
      label: 'board pack script',
    });
    expect((await call(h.app, 'GET', `/api/v1/orgs/${orgId}`, { token: made.token })).status).toBe(200);
    const list = await call(h.app, 'GET', '/api/v1/tokens', { token: consultantKey });
    const row = list.body.keys.find((k: { id: string }) => k.id === made.id);
    expect(row).toMatchObject({
      label: 'board pack script',
      role: 'executive',
      orgIds: [orgId],
      readOnly: true,
      lastUsedOn: h.clock.now.toISOString().slice(0, 10),
      active: true,
    });
    expect(list.text).not.toContain(made.token);
    expect(list.text).not.toMatch(/"hash"/);
  });

  it('refuse every change when read-only, and every other campaign when for one', async () => {
    const readOnly = await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [], readOnly: true });
    expect((await call(h.app, 'GET', '/api/v1/orgs', { token: readOnly.token })).status).toBe(200);
    const write = await call(h.app, 'POST', '/api/v1/orgs', { token: readOnly.token, body: { name: 'No' } });
    expect(write.status).toBe(403);
    const oneCampaign = await created('/api/v1/tokens', consultantKey, {
      role: 'executive',
      orgIds: [orgId],
      campaignId,
    });
    const t = oneCampaign.token;
    expect((await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: t })).status).toBe(200);
    expect((await call(h.app, 'GET', `/api/v1/orgs/${orgId}/campaigns`, { token: t })).status).toBe(403);
    const other = await created(`/api/v1/orgs/${orgId}/campaigns`, consultantKey, { name: 'X', departments: ['A'] });
    expect((await call(h.app, 'GET', `/api/v1/campaigns/${other.id}`, { token: t })).status).toBe(404);
    // A campaign outside the creator's scope cannot be named.
    const foreign = await created(`/api/v1/orgs/${otherOrgId}/campaigns`, ADMIN_TOKEN, {
      name: 'Y',
      departments: ['A'],
    });
    const reach = await call(h.app, 'POST', '/api/v1/tokens', {
      token: consultantKey,
      body: { role: 'viewer', orgIds: [], campaignId: foreign.id },
    });
    expect(reach.status).toBe(404);
  });

  it('give a consultant key of its own only to a signed-in consultant', async () => {
    const asKey = await call(h.app, 'POST', '/api/v1/tokens', {
      token: consultantKey,
      body: { role: 'consultant', orgIds: [] },
    });
    expect(asKey.status).toBe(403);
  });
});

describe('users', () => {
  it('are made by a consultant only as executives of its own organisations, once per address', async () => {
    const foreign = await call(h.app, 'POST', '/api/v1/users', {
      token: consultantKey,
      body: { email: 'x@session.example', role: 'executive', orgIds: [otherOrgId] },
    });
    expect(foreign.status).toBe(404);
    const consultant = await call(h.app, 'POST', '/api/v1/users', {
      token: consultantKey,
      body: { email: 'y@session.example', role: 'consultant' },
    });
    expect(consultant.status).toBe(403);
    const twice = await call(h.app, 'POST', '/api/v1/users', {
      token: consultantKey,
      body: { email: 'EVE@session.example', role: 'executive', orgIds: [orgId] },
    });
    expect(twice.status).toBe(409);
    const list = await call(h.app, 'GET', '/api/v1/users', { token: consultantKey });
    expect(list.body.users.map((u: { email: string }) => u.email)).toEqual(['eve@session.example']);
  });

  it("sign an executive in to its organisation's reports and nothing that runs a campaign", async () => {
    const { cookie, csrf } = await signInWith(h.app, await requestLink('eve@session.example'));
    const headers = { cookie, 'x-csrf-token': csrf };
    expect((await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { headers })).status).toBe(200);
    const session = await call(h.app, 'GET', '/api/v1/auth/session', { headers });
    expect(session.body.actions).not.toContain('invites.create');
    expect(session.body.actions).not.toContain('campaign.close');
    const open = await created(`/api/v1/orgs/${orgId}/campaigns`, consultantKey, { name: 'Open', departments: ['A'] });
    for (const [method, path, body] of [
      ['POST', `/api/v1/campaigns/${open.id}/invites`, { count: 4 }],
      ['POST', `/api/v1/campaigns/${open.id}/reminders`, undefined],
      ['POST', `/api/v1/campaigns/${open.id}/close`, undefined],
      ['PUT', `/api/v1/orgs/${orgId}/contacts`, { contacts: [] }],
      ['POST', `/api/v1/campaigns/${open.id}/viewer-links`, { label: 'me' }],
    ] as const) {
      expect((await call(h.app, method, path, { headers, body })).status, `${method} ${path}`).toBe(403);
    }
    h.clock.advance(61_000);
  });
});

describe('the contacts log', () => {
  it('records who changed the contacts, when, and which addresses came and went', async () => {
    await call(h.app, 'PUT', `/api/v1/orgs/${orgId}/contacts`, {
      token: consultantKey,
      body: { contacts: [{ name: 'Ada', email: 'ada@session.example' }] },
    });
    h.clock.advance(1000);
    await call(h.app, 'PUT', `/api/v1/orgs/${orgId}/contacts`, {
      token: ADMIN_TOKEN,
      body: { contacts: [{ name: 'Bo', email: 'bo@session.example' }] },
    });
    const log = await call(h.app, 'GET', `/api/v1/orgs/${orgId}/contacts/changes`, { token: consultantKey });
    expect(log.status).toBe(200);
    expect(log.body.changes.map((c: Record<string, unknown>) => [c.byRole, c.added, c.removed, c.count])).toEqual([
      ['consultant', ['ada@session.example'], [], 1],
      ['admin', ['bo@session.example'], ['ada@session.example'], 1],
    ]);
  });
});
