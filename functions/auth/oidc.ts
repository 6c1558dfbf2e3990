import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../api/deps';
import { sha256Hex } from '../api/token-hash';
import type { UserRecord } from '../store/auth-store';

// Sign-in through the customer's identity provider (Entra ID, Okta, Google Workspace, a Cognito user pool) over
// OpenID Connect: the authorization code flow with PKCE, state and nonce, done by `openid-client` (no protocol code
// of ours). The provider proves the address; orgos still decides the role: only an address that has a user here
// signs in, so SSO never creates accounts or roles by itself.
//
// The state travels in a cookie as well as through the provider, so a callback is only accepted in the browser that
// started it. That cookie is SameSite=Lax (the callback is a top-level navigation from the provider's site, which a
// Strict cookie would not accompany), HttpOnly, and scoped to the callback's path; the verifier and nonce stay on
// the server, keyed by the state's hash, and are used once.

export interface OidcSettings {
  /** The issuer URL (its `/.well-known/openid-configuration` is read on the first sign-in). */
  issuer: string;
  clientId: string;
  /** The client secret, or a function that fetches it (Secrets Manager on AWS). */
  clientSecret: string | (() => Promise<string | undefined>);
  /** The sign-in button's words, e.g. "Sign in with Okta". */
  label: string;
  /** The ID token claim holding the address: `email` (default); Entra ID deployments may use `preferred_username`. */
  emailClaim?: string;
  /** Insist on `email_verified: true` (default). Entra ID sends no such claim: set false there. */
  requireVerifiedEmail?: boolean;
}

const STATE_MINUTES = 10;
const STATE_COOKIE = 'orgos_oidc';
export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

type Client = typeof import('openid-client');
type Loaded = { client: Client; config: import('openid-client').Configuration };

/** Discovery runs once per app instance, on the first SSO sign-in (openid-client loads only then); a failure retries. */
function loader(settings: OidcSettings): () => Promise<Loaded> {
  let loading: Promise<Loaded> | undefined;
  return () => {
    loading ??= (async () => {
      const client = await import('openid-client');
      const secret = typeof settings.clientSecret === 'string' ? settings.clientSecret : await settings.clientSecret();
      if (!secret) throw new Error('the OIDC client secret is empty');
      const issuer = new URL(settings.issuer);
      // Plain http only for a provider on this machine (the tests' in-process provider).
      const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      const config = await client.discovery(
        issuer,
        settings.clientId,
        secret,
        undefined,
        loopback ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      return { client, config };
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const loaders = new WeakMap<OidcSettings, () => Promise<Loaded>>();
const load = (settings: OidcSettings) => {
  let l = loaders.get(settings);
  if (!l) {
    l = loader(settings);
    loaders.set(settings, l);
  }
  return l();
};

const redirectUri = (deps: Pick<AppDeps, 'config'>) => `${deps.config.publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
const secure = (deps: Pick<AppDeps, 'config'>) => deps.config.publicUrl.startsWith('https://');

/** Starts a sign-in: stores the flow's secrets, sets the state cookie, returns the provider's URL to redirect to. */
export async function startOidc(deps: AppDeps, settings: OidcSettings, c: Context, now: Date): Promise<string> {
  const { client, config } = await load(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await deps.store.auth.putOidcState({
    hash: sha256Hex(state),
    codeVerifier,
    nonce,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + STATE_MINUTES * 60_000).toISOString(),
  });
  setCookie(c, STATE_COOKIE, state, {
    httpOnly: true,
    secure: secure(deps),
    sameSite: 'Lax',
    path: CALLBACK_PATH,
    maxAge: STATE_MINUTES * 60,
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps),
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

/** Finishes a sign-in: the user the provider vouched for, or why not (never said to the browser in detail). */
export async function finishOidc(
  deps: AppDeps,
  settings: OidcSettings,
  c: Context,
  now: Date,
): Promise<{ user: UserRecord } | { error: string }> {
  const state = getCookie(c, STATE_COOKIE);
  deleteCookie(c, STATE_COOKIE, { path: CALLBACK_PATH, secure: secure(deps), httpOnly: true, sameSite: 'Lax' });
  const echoed = c.req.query('state');
  if (!state || !echoed || state !== echoed) return { error: 'state does not match this browser' };
  const flow = await deps.store.auth.takeOidcState(sha256Hex(state), now);
  if (!flow) return { error: 'sign-in expired or already finished' };
  const { client, config } = await load(settings);
  // The URL the provider redirected to, as registered (the app may sit behind CloudFront and API Gateway).
  const current = new URL(redirectUri(deps));
  current.search = new URL(c.req.url).search;
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as Record<string, unknown> | undefined;
    const claim = settings.emailClaim ?? 'email';
    // Providers that keep the ID token lean (oidc-provider by default, Okta's org server) give the address from
    // the UserInfo endpoint instead; openid-client checks its subject against the ID token's.
    if (claims && claims[claim] === undefined && tokens.access_token && typeof claims.sub === 'string') {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      claims = { ...info, ...claims, [claim]: info[claim], email_verified: info.email_verified };
    }
  } catch (error) {
    deps.logger?.warn('OIDC sign-in refused', { error: (error as Error).name, message: (error as Error).message });
    return { error: 'the identity provider did not confirm the sign-in' };
  }
  const email = claims?.[settings.emailClaim ?? 'email'];
  if (typeof email !== 'string' || !email.includes('@')) return { error: 'no address in the ID token' };
  if ((settings.requireVerifiedEmail ?? true) && claims?.email_verified !== true) {
    return { error: 'the address is not verified' };
  }
  const user = await deps.store.auth.getUserByEmail(email);
  return user ? { user } : { error: 'no account for this address' };
}
