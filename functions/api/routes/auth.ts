import { Hono } from 'hono';
import { finishOidc, startOidc } from '../../auth/oidc';
import { closeSessions, openSession } from '../../auth/sessions';
import { redeemSignInCode, requestSignIn } from '../../auth/sign-in';
import { redeemViewerCode } from '../../auth/viewer-links';
import type { UserRecord } from '../../store/auth-store';
import { type AppEnv, type Principal, sameOriginOnly, sessionPrincipal } from '../auth';
import type { AppDeps } from '../deps';
import { NotFound, Unauthenticated } from '../errors';
import { allowedActions } from '../policy';
import { requireJson, validate } from '../validation';

// /api/v1/auth: signing in and out. Public routes (no session needed to call them), each answering the same
// whatever the address or code, so nothing here tells whether an address has an account. Every POST and DELETE
// must come from this origin (sameOriginOnly), so another site cannot sign a browser in or out.

/** Sign-in requests take at least this long, so a mail being sent cannot be timed apart from none. */
const SIGN_IN_FLOOR_MS = 250;

const userView = (u: Pick<UserRecord, 'id' | 'email' | 'role' | 'orgIds'> & { name?: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name ?? null,
  role: u.role,
  orgIds: u.orgIds,
});

/** What a page needs to know about its session: who, what it may do, and the token its changes must carry. */
const sessionView = (p: Principal, csrfToken: string, expiresAt?: string) => ({
  signedIn: true as const,
  kind: p.role === 'viewer' ? ('viewer' as const) : ('user' as const),
  user: p.user ? { ...p.user, name: p.user.name ?? null, role: p.role, orgIds: p.orgIds } : null,
  campaignId: p.campaignId ?? null,
  actions: allowedActions(p),
  csrfToken,
  ...(expiresAt ? { expiresAt } : {}),
});

export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const oidc = deps.config.oidc;
  const floor = deps.config.signInFloorMs ?? SIGN_IN_FLOOR_MS;
  return new Hono<AppEnv>()
    .use('*', sameOriginOnly(deps))
    .get('/session', async (c) => {
      const session = await sessionPrincipal(deps, c, deps.clock());
      if (!session || typeof session === 'string') {
        return c.json({ signedIn: false, sso: oidc ? { label: oidc.label, url: '/api/v1/auth/oidc/start' } : null });
      }
      return c.json(sessionView(session.principal, session.csrf));
    })
    .post('/sign-in', requireJson, validate('json', 'SignInBody'), async (c) => {
      const started = Date.now();
      const { email } = c.req.valid('json');
      try {
        await requestSignIn(deps, email, deps.clock());
      } catch (error) {
        // Logged, never told: an error only for existing addresses would tell them apart.
        deps.logger?.error('sign-in mail failed', { error: (error as Error).name });
      }
      const wait = floor - (Date.now() - started);
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      return c.json(
        { detail: 'If this address has an account, a sign-in link is on its way. It works once, for 15 minutes.' },
        202,
      );
    })
    .post('/session', requireJson, validate('json', 'CodeBody'), async (c) => {
      deps.authFailures?.check(c);
      const now = deps.clock();
      const user = await redeemSignInCode(deps, c.req.valid('json').code, now);
      if (!user) {
        deps.authFailures?.failed(c);
        throw new Unauthenticated('this sign-in link was used already, has expired or is not valid: ask for a new one');
      }
      // A new session replaces whatever this browser had.
      await closeSessions(deps, c);
      const opened = await openSession(deps, c, { kind: 'user', user }, now);
      const principal: Principal = {
        role: user.role,
        subject: user.id,
        orgIds: user.orgIds,
        via: 'session',
        user: { id: user.id, email: user.email, ...(user.name ? { name: user.name } : {}) },
      };
      return c.json({ ...sessionView(principal, opened.csrfToken, opened.expiresAt), user: userView(user) });
    })
    .delete('/session', async (c) => {
      await closeSessions(deps, c);
      return c.body(null, 204);
    })
    .post('/viewer', requireJson, validate('json', 'CodeBody'), async (c) => {
      deps.authFailures?.check(c);
      const now = deps.clock();
      const link = await redeemViewerCode(deps, c.req.valid('json').code, now);
      if (!link) {
        deps.authFailures?.failed(c);
        throw new Unauthenticated('this report link has expired or was revoked: ask for a new one');
      }
      const opened = await openSession(deps, c, { kind: 'viewer', link }, now);
      return c.json({ signedIn: true, kind: 'viewer', campaignId: link.campaignId, expiresAt: opened.expiresAt });
    })
    .get('/oidc/start', async (c) => {
      if (!oidc) throw new NotFound('single sign-on is not configured for this deployment');
      return c.redirect(await startOidc(deps, oidc, c, deps.clock()), 302);
    })
    .get('/oidc/callback', async (c) => {
      if (!oidc) throw new NotFound('single sign-on is not configured for this deployment');
      const now = deps.clock();
      const result = await finishOidc(deps, oidc, c, now);
      if ('error' in result) {
        deps.authFailures?.failed(c);
        deps.logger?.warn('single sign-on refused', { reason: result.error });
        return c.redirect('/signin.html#error=sso', 302);
      }
      await closeSessions(deps, c);
      await openSession(deps, c, { kind: 'user', user: result.user }, now);
      return c.redirect('/dashboard.html', 302);
    });
}
