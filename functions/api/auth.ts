import type { Context, MiddlewareHandler } from 'hono';
import type { CampaignRecord, OrgRecord, Role } from '../store/store';
import type { AppDeps } from './deps';
import { Forbidden, NotFound, Unauthenticated } from './errors';
import { hashesEqual, sha256Hex, tokenIdOf } from './token-hash';

export interface Principal {
  role: Role;
  /** Who acts: the token id, or "admin" for the bootstrap token. Portfolios and revocation rights hang on it. */
  subject: string;
  /** Organisations the token was scoped to when it was made. */
  orgIds: readonly string[];
}

export type AppEnv = { Variables: { principal: Principal } };

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,256})$/i;

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

/** Resolves the bearer token to a principal or answers 401. */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const adminHash = adminHashOf(deps);
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match) throw new Unauthenticated('send a bearer token in the Authorization header');
    const token = match[1]!;
    const hash = sha256Hex(token);
    const now = deps.clock();
    const record = await deps.store.getToken(tokenIdOf(token), now);
    if (record && hashesEqual(record.hash, hash)) {
      if (record.revokedAt) throw new Unauthenticated('this token was revoked');
      c.set('principal', { role: record.role, subject: record.id, orgIds: record.orgIds });
      return next();
    }
    const admin = await adminHash();
    if (admin && hashesEqual(admin, hash)) {
      c.set('principal', { role: 'admin', subject: 'admin', orgIds: [] });
      return next();
    }
    throw new Unauthenticated('unknown or expired token');
  };
}

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role)) throw new Forbidden(`the ${role} role may not use this route`);
    await next();
  };
}

export const principalOf = (c: Context<AppEnv>): Principal => c.get('principal');

/**
 * Whether the principal may see the organisation. Admins see all; executives the organisations their token names;
 * consultants those plus the ones they created (grants).
 */
export async function canSeeOrg(deps: AppDeps, p: Principal, orgId: string): Promise<boolean> {
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
  const [campaign, granted] = await Promise.all([
    deps.store.getCampaign(campaignId),
    p.role === 'consultant' ? deps.store.grantedOrgIds(p.subject) : Promise.resolve([]),
  ]);
  const allowed = (orgId: string) => p.role === 'admin' || p.orgIds.includes(orgId) || granted.includes(orgId);
  if (!campaign || !allowed(campaign.orgId)) throw new NotFound(`no campaign ${campaignId}`);
  return campaign;
}

/** The ids of every organisation in the principal's portfolio. */
export async function portfolioOrgIds(deps: AppDeps, p: Principal): Promise<string[]> {
  if (p.role === 'admin') return (await deps.store.listOrgs()).map((o) => o.id);
  const granted = p.role === 'consultant' ? await deps.store.grantedOrgIds(p.subject) : [];
  return [...new Set([...p.orgIds, ...granted])];
}
