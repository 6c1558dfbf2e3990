import type { Hono, MiddlewareHandler } from 'hono';
import type { Role } from '../store/store';
import { type AppEnv, principalOf } from './auth';
import { Forbidden } from './errors';

// Who may do what: one table, route × role. `enforcePolicy` puts each row in front of its route, so the handlers
// check only scope (which organisations and campaign the caller sees), and a test fails for any protected route
// without a row. docs/ARCHITECTURE.md shows this table as a matrix, the API description (openapi.ts) takes its
// "Access" line from it, and the pages show only the buttons whose row the signed-in role is in (GET
// /api/v1/auth/session lists them). A new route or role is one row or one entry here.
//
// The roles by job:
// - admin runs the deployment;
// - consultant runs campaigns for a portfolio of organisations (creates them, their links, invitations, contacts);
// - executive reads its organisation's reports and keeps its organisation's facts and leadership view, and never
//   adds respondents, closes a campaign or changes whom the report goes to (issue 17, findings 1 and 5);
// - viewer is what the close e-mail carries: one campaign's report, read-only.

export interface Rule {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The route as openapi.ts names it (Hono syntax). */
  path: string;
  roles: readonly Role[];
  /** How far each role reaches, in the API description's words. */
  note?: string;
}

const ALL: readonly Role[] = ['admin', 'consultant', 'executive'];
const RUNS: readonly Role[] = ['admin', 'consultant'];
const READS_REPORT: readonly Role[] = ['admin', 'consultant', 'executive', 'viewer'];

export const POLICY = {
  'org.create': { method: 'post', path: '/api/v1/orgs', roles: RUNS },
  'org.list': { method: 'get', path: '/api/v1/orgs', roles: ALL },
  'org.read': { method: 'get', path: '/api/v1/orgs/:orgId', roles: ALL, note: 'own' },
  'org.update': { method: 'patch', path: '/api/v1/orgs/:orgId', roles: RUNS, note: 'own' },
  'org.delete': { method: 'delete', path: '/api/v1/orgs/:orgId', roles: RUNS, note: 'own; only without campaigns' },
  'profile.read': { method: 'get', path: '/api/v1/orgs/:orgId/profile', roles: ALL, note: 'own' },
  'profile.write': { method: 'put', path: '/api/v1/orgs/:orgId/profile', roles: ALL, note: 'own' },
  'campaign.create': { method: 'post', path: '/api/v1/orgs/:orgId/campaigns', roles: RUNS, note: 'own' },
  'campaign.list': { method: 'get', path: '/api/v1/orgs/:orgId/campaigns', roles: ALL, note: 'own' },
  'contacts.read': { method: 'get', path: '/api/v1/orgs/:orgId/contacts', roles: ALL, note: 'own' },
  'contacts.write': { method: 'put', path: '/api/v1/orgs/:orgId/contacts', roles: RUNS, note: 'own; logged' },
  'contacts.log': { method: 'get', path: '/api/v1/orgs/:orgId/contacts/changes', roles: RUNS, note: 'own' },
  'key.create': {
    method: 'post',
    path: '/api/v1/tokens',
    roles: RUNS,
    note: 'admin: any role; consultant: its own consultant keys, executive and viewer keys for its organisations',
  },
  'key.list': { method: 'get', path: '/api/v1/tokens', roles: RUNS, note: 'the keys it created' },
  'key.revoke': { method: 'delete', path: '/api/v1/tokens/:tokenId', roles: RUNS, note: 'the keys it created' },
  'user.create': {
    method: 'post',
    path: '/api/v1/users',
    roles: RUNS,
    note: 'admin: any role; consultant: executives of its organisations',
  },
  'user.list': { method: 'get', path: '/api/v1/users', roles: RUNS, note: 'consultant: the users it created' },
  'user.revoke': { method: 'delete', path: '/api/v1/users/:userId', roles: RUNS, note: 'consultant: its own' },
  'campaign.read': { method: 'get', path: '/api/v1/campaigns/:campaignId', roles: ALL, note: 'own' },
  'campaign.update': { method: 'patch', path: '/api/v1/campaigns/:campaignId', roles: RUNS, note: 'own' },
  'campaign.delete': {
    method: 'delete',
    path: '/api/v1/campaigns/:campaignId',
    roles: RUNS,
    note: 'own; only while nothing is stored for it',
  },
  // Leadership's own answers (knowingly not anonymous), read back by whoever may write them.
  'leadership.read': { method: 'get', path: '/api/v1/campaigns/:campaignId/leadership', roles: ALL, note: 'own' },
  'leadership.write': { method: 'put', path: '/api/v1/campaigns/:campaignId/leadership', roles: ALL, note: 'own' },
  'invites.create': { method: 'post', path: '/api/v1/campaigns/:campaignId/invites', roles: RUNS, note: 'own' },
  'reminders.send': { method: 'post', path: '/api/v1/campaigns/:campaignId/reminders', roles: RUNS, note: 'own' },
  'campaign.close': { method: 'post', path: '/api/v1/campaigns/:campaignId/close', roles: RUNS, note: 'own' },
  'campaign.import': { method: 'post', path: '/api/v1/campaigns/:campaignId/imports', roles: RUNS, note: 'own' },
  'report.read': {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/report',
    roles: READS_REPORT,
    note: 'own; viewer: its one campaign',
  },
  // The organisation's published waves up to this one (whole-workforce totals), for the trend in the report.
  'report.waves': {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/waves',
    roles: READS_REPORT,
    note: 'own; viewer: the waves up to its one campaign',
  },
  // Live participation while a campaign runs (issue 16): counts of the last settled hour, suppressed as the report
  // is; only for the roles that run campaigns, who read the whole report anyway (17.1 keeps it from the others).
  'participation.read': {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/participation',
    roles: RUNS,
    note: 'own',
  },
  'viewerLink.list': {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/viewer-links',
    roles: RUNS,
    note: 'own',
  },
  'viewerLink.create': {
    method: 'post',
    path: '/api/v1/campaigns/:campaignId/viewer-links',
    roles: RUNS,
    note: 'own',
  },
  'viewerLink.revoke': {
    method: 'delete',
    path: '/api/v1/campaigns/:campaignId/viewer-links/:linkId',
    roles: RUNS,
    note: 'own',
  },
  compare: { method: 'get', path: '/api/v1/compare', roles: RUNS, note: 'own portfolio' },
  // Every organisation's latest published wave at a glance (issue 16).
  portfolio: { method: 'get', path: '/api/v1/portfolio', roles: RUNS, note: 'own portfolio' },
  // The operating account (issue 11): leadership's own record, kept by executives for their organisation and by
  // consultants on their behalf; a report viewer sees it beside its one report.
  'account.read': { method: 'get', path: '/api/v1/orgs/:orgId/account', roles: ALL, note: 'own' },
  'account.entry.create': { method: 'post', path: '/api/v1/orgs/:orgId/account/entries', roles: ALL, note: 'own' },
  'account.entry.read': {
    method: 'get',
    path: '/api/v1/orgs/:orgId/account/entries/:entryId',
    roles: ALL,
    note: 'own',
  },
  'account.entry.update': {
    method: 'patch',
    path: '/api/v1/orgs/:orgId/account/entries/:entryId',
    roles: ALL,
    note: 'own',
  },
  'account.capacity.record': { method: 'post', path: '/api/v1/orgs/:orgId/account/capacity', roles: ALL, note: 'own' },
  'account.flow.create': { method: 'post', path: '/api/v1/orgs/:orgId/account/flows', roles: ALL, note: 'own' },
  'account.flow.read': { method: 'get', path: '/api/v1/orgs/:orgId/account/flows/:flowId', roles: ALL, note: 'own' },
  'account.flow.update': {
    method: 'patch',
    path: '/api/v1/orgs/:orgId/account/flows/:flowId',
    roles: ALL,
    note: 'own',
  },
  'account.review.record': { method: 'post', path: '/api/v1/orgs/:orgId/account/reviews', roles: ALL, note: 'own' },
  'account.wave': {
    method: 'get',
    path: '/api/v1/campaigns/:campaignId/account',
    roles: READS_REPORT,
    note: 'own; viewer: its one campaign',
  },
  'account.portfolio': { method: 'get', path: '/api/v1/portfolio/accounts', roles: RUNS, note: 'own portfolio' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** Rules that change something: refused to read-only keys and viewer sessions, and CSRF-checked from a page. */
const writes = (rule: Rule): boolean => rule.method !== 'get';
/** Rules a campaign-scoped key or link may reach at all (its own campaign's routes, and only those). */
const onCampaign = (rule: Rule): boolean => rule.path.startsWith('/api/v1/campaigns/:campaignId');

/** The principal's refusal reason for the action, or null when the table allows it. */
export function refusal(
  p: { role: Role; readOnly?: boolean; campaignId?: string | undefined },
  action: Action,
): string | null {
  const rule: Rule = POLICY[action];
  if (!rule.roles.includes(p.role)) return `the ${p.role} role may not use this route`;
  if (p.readOnly && writes(rule)) return 'this key is read-only';
  if (p.campaignId && !onCampaign(rule)) return 'this key or link reaches one campaign only';
  return null;
}

/** The route's row of the table: 403 for a role (or key) it does not list. */
export function allow(action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const reason = refusal(principalOf(c), action);
    if (reason) throw new Forbidden(reason);
    await next();
  };
}

/** Registers every row in front of its route; call after authentication and before the routes are mounted. */
export function enforcePolicy(app: Hono<AppEnv>): void {
  for (const [action, rule] of Object.entries(POLICY) as [Action, Rule][]) {
    app.on(rule.method.toUpperCase(), rule.path, allow(action));
  }
}

/** Every action the principal may use: what the pages show buttons for. */
export const allowedActions = (p: Parameters<typeof refusal>[0]): Action[] =>
  (Object.keys(POLICY) as Action[]).filter((a) => refusal(p, a) === null);

/** The API description's "Access" words for a route, from the table; undefined for a route it does not hold. */
export function accessText(method: string, path: string): string | undefined {
  const rule = (Object.values(POLICY) as Rule[]).find((r) => r.method === method && r.path === path);
  return rule ? `${rule.roles.join(', ')}${rule.note ? ` (${rule.note})` : ''}` : undefined;
}

/** Roles each role may give an API key. */
export const KEY_ROLES: Record<Role, readonly Role[]> = {
  admin: ['admin', 'consultant', 'executive', 'viewer'],
  consultant: ['consultant', 'executive', 'viewer'],
  executive: [],
  viewer: [],
};

/** Roles each role may give a new user. */
export const USER_ROLES: Record<Role, readonly ('admin' | 'consultant' | 'executive')[]> = {
  admin: ['admin', 'consultant', 'executive'],
  consultant: ['executive'],
  executive: [],
  viewer: [],
};
