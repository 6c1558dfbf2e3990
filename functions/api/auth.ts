import type { Context, MiddlewareHandler } from 'hono';
import { csrfTokenOf, dayOf } from '../auth/secrets';
import { sessionSecretOf } from '../auth/sessions';
import type { CampaignRecord, OrgRecord, Role, TokenRecord } from '../store/store';
import type { AppDeps } from './deps';
import { CrossSiteRefused, Forbidden, NotFound, Unauthenticated } from './errors';
import { hashesEqual, sha256Hex, tokenIdOf } from './token-hash';

// Who is calling. Three ways in, tried in this order: an API key (`Authorization: Bearer`, for scripts; the
// bootstrap admin token is one), a person's session cookie (pages), a report viewer's session cookie (the close
// e-mail's link). What each may then do is the policy table's (policy.ts); which organisations and campaign it
// reaches is decided here (`canSeeOrg`, `visibleCampaign`).

export interface Principal {
  role: Role;
  /** Who acts: a user id, an API key's id, a viewer link's id, or "admin" for the bootstrap token. */
  subject: string;
  /** Organisations granted by the key, user or link itself. */
  orgIds: readonly string[];
  /** A key narrowed to these organisations sees no other, whatever its owner sees. */
  onlyOrgIds?: readonly string[];
  /** A key or viewer link for one campaign reaches only that campaign. */
  campaignId?: string;
  readOnly?: boolean;
  via: 'key' | 'session';
  /** The signed-in person (a session, or a person's own key). */
  user?: { id: string; email: string; name?: string };
}

export type AppEnv = { Variables: { principal: Principal } };

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The bootstrap admin token's hash; the raw value is fetched lazily (Secrets Manager on AWS) and never stored. */
function adminHashOf(deps: AppDeps): () => Promise<string | undefined> {
  let cached: Promise<string | undefined> | undefined;
  return () => {
    const source = deps.config.adminToken;
    if (typeof source === 'string' || source === undefined) {
      return Promise.resolve(source ? sha256Hex(source) : undefined);
    }
    cached ??= source().then(
      (token) => (token ? sha256Hex(token) : undefined),
      (error: unknown) => {
        cached = undefined; // try the secret again on the next request
        throw error;
      },
    );
    return cached;
  };
}

/** The origin pages are served from: the public URL's, else the request's own (the local server before it knows). */
export function ownOrigin(deps: Pick<AppDeps, 'config'>, c: Context): string {
  const url = deps.config.publicUrl;
  return new URL(url || c.req.url).origin;
}

/**
 * Refuses a request another site's page could have made: a browser says where a request comes from in
 * Sec-Fetch-Site and Origin, which a page cannot forge. Used on every state-changing request a cookie
 * authenticates, and on the sign-in routes (against signing someone in to the attacker's account).
 */
export function crossSiteReason(deps: Pick<AppDeps, 'config'>, c: Context): string | null {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin') return `a ${site} request`;
  const origin = c.req.header('origin');
  if (origin && origin !== ownOrigin(deps, c)) return 'a request from another origin';
  return null;
}

/** Same-origin only, for the public sign-in routes that change something. */
export function sameOriginOnly(deps: Pick<AppDeps, 'config'>): MiddlewareHandler {
  return async (c, next) => {
    const reason = SAFE_METHODS.has(c.req.method) ? null : crossSiteReason(deps, c);
    if (reason) throw new CrossSiteRefused(`${reason} may not do this`);
    await next();
  };
}

async function keyPrincipal(deps: AppDeps, record: TokenRecord): Promise<Principal | string> {
  if (record.revokedAt) return 'this key was revoked';
  const base = {
    role: record.role,
    via: 'key' as const,
    ...(record.campaignId ? { campaignId: record.campaignId } : {}),
    ...(record.readOnly || record.role === 'viewer' ? { readOnly: true } : {}),
  };
  if (!record.userId) return { ...base, subject: record.id, orgIds: record.orgIds };
  // A person's own key acts as the person, as long as the person has an account.
  const user = await deps.store.auth.getUser(record.userId);
  if (!user || user.revokedAt) return "this key's owner no longer has an account";
  return {
    ...base,
    subject: user.id,
    orgIds: user.orgIds,
    ...(record.orgIds.length > 0 ? { onlyOrgIds: record.orgIds } : {}),
    user: { id: user.id, email: user.email, ...(user.name ? { name: user.name } : {}) },
  };
}

/** The principal of a session cookie, with the CSRF token its pages must send; a string says why not. */
export async function sessionPrincipal(
  deps: AppDeps,
  c: Context,
  now: Date,
): Promise<{ principal: Principal; csrf: string } | string | null> {
  for (const kind of ['user', 'viewer'] as const) {
    const secret = sessionSecretOf(deps, c, kind);
    if (!secret) continue;
    const session = await deps.store.auth.getSession(sha256Hex(secret), now);
    if (!session) continue;
    const csrf = csrfTokenOf(secret);
    if (session.kind === 'user') {
      const user = await deps.store.auth.getUser(session.userId);
      if (!user || user.revokedAt) return 'this account was revoked';
      const principal: Principal = {
        role: user.role,
        subject: user.id,
        orgIds: user.orgIds,
        via: 'session',
        user: { id: user.id, email: user.email, ...(user.name ? { name: user.name } : {}) },
      };
      return { principal, csrf };
    }
    const link = await deps.store.auth.getViewerLink(session.linkId, now);
    if (!link || link.revokedAt) return 'this report link expired or was revoked';
    if (link.lastUsedOn !== dayOf(now)) await deps.store.auth.touchViewerLink(link.id, dayOf(now));
    const principal: Principal = {
      role: 'viewer',
      subject: link.id,
      orgIds: [link.orgId],
      campaignId: link.campaignId,
      readOnly: true,
      via: 'session',
    };
    return { principal, csrf };
  }
  return null;
}

/**
 * Resolves the caller or answers 401; a cookie-authenticated request that changes something must also pass the
 * CSRF check (same origin, and the session's token in X-CSRF-Token), else 403. Failed attempts are throttled
 * per client when the deployment configures it (429 with Retry-After).
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const adminHash = adminHashOf(deps);
  const fail = (c: Context, detail: string): never => {
    deps.authFailures?.failed(c);
    throw new Unauthenticated(detail);
  };
  return async (c, next) => {
    deps.authFailures?.check(c);
    const now = deps.clock();
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = BEARER.exec(header);
      if (!match) return fail(c, 'send an API key as "Authorization: Bearer <key>"');
      const token = match[1]!;
      const hash = sha256Hex(token);
      const record = await deps.store.getToken(tokenIdOf(token), now);
      if (record && hashesEqual(record.hash, hash)) {
        const principal = await keyPrincipal(deps, record);
        if (typeof principal === 'string') return fail(c, principal);
        if (record.lastUsedOn !== dayOf(now)) await deps.store.auth.touchToken(record.id, dayOf(now));
        c.set('principal', principal);
        return next();
      }
      const admin = await adminHash();
      if (admin && hashesEqual(admin, hash)) {
        c.set('principal', { role: 'admin', subject: 'admin', orgIds: [], via: 'key' });
        return next();
      }
      return fail(c, 'unknown or expired key');
    }
    const session = await sessionPrincipal(deps, c, now);
    if (typeof session === 'string') return fail(c, session);
    if (!session) {
      const presented = sessionSecretOf(deps, c, 'user') ?? sessionSecretOf(deps, c, 'viewer');
      if (presented) return fail(c, 'the session ended: sign in again');
      throw new Unauthenticated('sign in, or send an API key in the Authorization header');
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const reason = crossSiteReason(deps, c);
      if (reason) throw new CrossSiteRefused(`${reason} may not change anything`);
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!hashesEqual(sent, session.csrf)) {
        throw new CrossSiteRefused('send the X-CSRF-Token header the sign-in gave this page');
      }
    }
    c.set('principal', session.principal);
    return next();
  };
}

export const principalOf = (c: Context<AppEnv>): Principal => c.get('principal');

/** A role check inside a route; the policy table (policy.ts) already ran before it, so this only repeats it. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role)) throw new Forbidden(`the ${role} role may not use this route`);
    await next();
  };
}

/**
 * Whether the principal may see the organisation. Admins see all; executives the organisations their user or key
 * names; consultants those plus the ones they created (grants). A narrowed key sees only its own list of them.
 */
export async function canSeeOrg(deps: AppDeps, p: Principal, orgId: string): Promise<boolean> {
  if (p.onlyOrgIds && !p.onlyOrgIds.includes(orgId)) return false;
  if (p.role === 'admin') return true;
  if (p.orgIds.includes(orgId)) return true;
  if (p.role === 'consultant') return deps.store.hasGrant(p.subject, orgId);
  return false;
}

/** The organisation, or 404 both when it does not exist and when it is outside the caller's scope. */
export async function visibleOrg(deps: AppDeps, p: Principal, orgId: string): Promise<OrgRecord> {
  const [allowed, org] = await Promise.all([canSeeOrg(deps, p, orgId), deps.store.getOrg(orgId)]);
  if (!allowed || !org) throw new NotFound(`no organisation ${orgId}`);
  return org;
}

/**
 * The campaign, or 404 both when it does not exist and when it is outside the caller's scope. The campaign and the
 * caller's organisations are read at once, whatever the answer, so a foreign campaign and a missing one cost the
 * same reads in the same time: the answer's timing does not say which it was.
 */
export async function visibleCampaign(deps: AppDeps, p: Principal, campaignId: string): Promise<CampaignRecord> {
  // A key or link for one campaign: every other campaign is answered as missing.
  if (p.campaignId && p.campaignId !== campaignId) throw new NotFound(`no campaign ${campaignId}`);
  const [campaign, granted] = await Promise.all([
    deps.store.getCampaign(campaignId),
    p.role === 'consultant' ? deps.store.grantedOrgIds(p.subject) : Promise.resolve([]),
  ]);
  // canSeeOrg's rule, on the organisations read above rather than after the campaign was found.
  const allowed = (orgId: string) =>
    !(p.onlyOrgIds && !p.onlyOrgIds.includes(orgId)) &&
    (p.role === 'admin' || p.orgIds.includes(orgId) || granted.includes(orgId));
  if (!campaign || !allowed(campaign.orgId)) throw new NotFound(`no campaign ${campaignId}`);
  return campaign;
}

/** The ids of every organisation in the principal's portfolio (none for a key or link of one campaign). */
export async function portfolioOrgIds(deps: AppDeps, p: Principal): Promise<string[]> {
  if (p.campaignId) return [];
  const all =
    p.role === 'admin'
      ? (await deps.store.listOrgs()).map((o) => o.id)
      : [...new Set([...p.orgIds, ...(p.role === 'consultant' ? await deps.store.grantedOrgIds(p.subject) : [])])];
  return p.onlyOrgIds ? all.filter((id) => p.onlyOrgIds!.includes(id)) : all;
}
