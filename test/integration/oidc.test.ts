import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../functions/api/app';
import { ADMIN_TOKEN, call, cookiesSet, type Harness, PUBLIC_URL, startHarness } from '../http/harness';

// Single sign-on against a real OpenID provider (the `oidc-provider` package) running in this process on loopback:
// the app redirects there, the "browser" below signs in as one of the provider's accounts, the provider redirects
// back, and the app exchanges the code (openid-client: PKCE, state, nonce, ID token checks) and opens a session, but
// only for an address that has a user here.

const CLIENT_ID = 'orgos-test';
const CLIENT_SECRET = 'a-client-secret-for-the-loopback-provider-only';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

/** The provider's accounts; `signInAs` picks the one the interaction logs in. */
const ACCOUNTS: Record<string, { email: string; verified: boolean }> = {
  cora: { email: 'cora@sso.example', verified: true },
  mallory: { email: 'mallory@sso.example', verified: true },
  unverified: { email: 'eve@sso.example', verified: false },
};
let signInAs = 'cora';
/** Why the app refused each sign-in, as it logs it (the browser is only told "error=sso"). */
const refusals: string[] = [];

let h: Harness;
let app: ReturnType<typeof createApp>;
let server: Server;
let issuer: string;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: ACCOUNTS[sub]?.email, email_verified: ACCOUNTS[sub]?.verified }),
    }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['loopback-only-cookie-key'] },
  });
  const handle = provider.callback();
  // The provider's login and consent pages, answered at once for the account `signInAs` names.
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: signInAs } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: CLIENT_ID });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  });

  h = await startHarness({ signInFloorMs: 0 });
  app = h.withDeps({
    logger: { info: () => {}, warn: (_m, extra) => refusals.push(String(extra?.reason)), error: () => {} },
    config: { oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, label: 'Sign in with Loopback ID' } },
  });
  for (const email of ['cora@sso.example', 'eve@sso.example']) {
    const res = await call(app, 'POST', '/api/v1/users', { token: ADMIN_TOKEN, body: { email, role: 'consultant' } });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await h.close();
});

/** A browser's cookie jar for the provider's origin: name → value. */
type Jar = Map<string, string>;
const jarHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keep(jar: Jar, headers: Headers): void {
  for (const c of headers.getSetCookie()) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/**
 * What a browser does from "Sign in with …" to the dashboard: follows redirects, keeping the app's cookies and the
 * provider's apart. Returns where it ended and the app cookies it holds.
 */
async function ssoSignIn(appCookie = ''): Promise<{ location: string; appCookie: string; hops: string[] }> {
  const hops: string[] = [];
  const start = await app.request('/api/v1/auth/oidc/start', { headers: appCookie ? { cookie: appCookie } : {} });
  expect(start.status).toBe(302);
  const stateCookie = cookiesSet(start.headers);
  let location = start.headers.get('location')!;
  const jar: Jar = new Map();
  for (let i = 0; i < 10 && location.startsWith(issuer); i++) {
    hops.push(location);
    const res = await fetch(location, { redirect: 'manual', headers: { cookie: jarHeader(jar) } });
    keep(jar, res.headers);
    location = new URL(res.headers.get('location')!, location).href;
  }
  hops.push(location);
  expect(location.startsWith(CALLBACK)).toBe(true);
  const url = new URL(location);
  const back = await app.request(`${url.pathname}${url.search}`, {
    headers: { cookie: [appCookie, stateCookie].filter(Boolean).join('; ') },
  });
  expect(back.status).toBe(302);
  return { location: back.headers.get('location')!, appCookie: cookiesSet(back.headers), hops };
}

describe('single sign-on over OpenID Connect', () => {
  it('offers the button on the sign-in page only when configured', async () => {
    const configured = await call(app, 'GET', '/api/v1/auth/session');
    expect(configured.body.sso).toEqual({ label: 'Sign in with Loopback ID', url: '/api/v1/auth/oidc/start' });
    const plain = await call(h.app, 'GET', '/api/v1/auth/session');
    expect(plain.body.sso).toBeNull();
    expect((await call(h.app, 'GET', '/api/v1/auth/oidc/start')).status).toBe(404);
  });

  it('signs in a user the provider vouches for, with PKCE and no key in any redirect', async () => {
    signInAs = 'cora';
    const { location, appCookie, hops } = await ssoSignIn();
    expect(location).toBe('/dashboard.html');
    const authorize = new URL(hops[0]!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const session = await call(app, 'GET', '/api/v1/auth/session', { headers: { cookie: appCookie } });
    expect(session.body).toMatchObject({ signedIn: true, user: { email: 'cora@sso.example', role: 'consultant' } });
    // The session cookie is in no URL the browser went through.
    const value = appCookie.split('=')[1]!;
    for (const hop of [...hops, location]) expect(hop).not.toContain(value);
  });

  it('refuses an address with no user here, and one the provider has not verified', async () => {
    refusals.length = 0;
    for (const account of ['mallory', 'unverified']) {
      signInAs = account;
      const { location, appCookie } = await ssoSignIn();
      expect(location, account).toBe('/signin.html#error=sso');
      expect(appCookie, account).not.toMatch(/orgos_session=[^;]/);
    }
    expect(refusals).toEqual(['no account for this address', 'the address is not verified']);
  });

  it('refuses a callback in a browser that did not start the sign-in, and a replayed one', async () => {
    signInAs = 'cora';
    const start = await app.request('/api/v1/auth/oidc/start');
    const stateCookie = cookiesSet(start.headers);
    let location = start.headers.get('location')!;
    const jar: Jar = new Map();
    while (location.startsWith(issuer)) {
      const res = await fetch(location, { redirect: 'manual', headers: { cookie: jarHeader(jar) } });
      keep(jar, res.headers);
      location = new URL(res.headers.get('location')!, location).href;
    }
    const url = new URL(location);
    const path = `${url.pathname}${url.search}`;
    // Another browser (no state cookie): an attacker's code injected into someone's session is refused.
    const elsewhere = await app.request(path);
    expect(elsewhere.headers.get('location')).toBe('/signin.html#error=sso');
    const own = await app.request(path, { headers: { cookie: stateCookie } });
    expect(own.headers.get('location')).toBe('/dashboard.html');
    // The same callback again: its state was used up.
    const replay = await app.request(path, { headers: { cookie: stateCookie } });
    expect(replay.headers.get('location')).toBe('/signin.html#error=sso');
    expect(refusals.slice(-2)).toEqual(['state does not match this browser', 'sign-in expired or already finished']);
  });
});
