import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessText, POLICY } from '../../functions/api/policy';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { googleFormsCsv } from '../cli/tool-exports';
import { makeResponses } from '../factories';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  startHarness,
} from '../http/harness';

// Every protected route × every role × an organisation inside and outside the caller's scope. The expected roles
// are written out here, independently of the policy table, and checked against it: docs/ARCHITECTURE.md's matrix,
// policy.ts and this test say the same.

let h: Harness;
const FOREIGN_NAME = 'Foreign Org Secret Name';
const FOREIGN_CAMPAIGN = 'Foreign Campaign Secret Name';
const ids = {} as {
  consultant: string;
  consultantId: string;
  otherConsultant: string;
  executive: string;
  viewer: string;
  ownOrg: string;
  foreignOrg: string;
  ownCampaign: string;
  foreignCampaign: string;
};

async function post(path: string, token: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

beforeAll(async () => {
  h = await startHarness();
  const consultant = await post('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
  const other = await post('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
  const own = await post('/api/v1/orgs', consultant.token, { name: 'Own Org' });
  const foreign = await post('/api/v1/orgs', other.token, { name: FOREIGN_NAME });
  const executive = await post('/api/v1/tokens', consultant.token, { role: 'executive', orgIds: [own.id] });
  const ownCampaign = await post(`/api/v1/orgs/${own.id}/campaigns`, consultant.token, {
    name: 'Own Campaign',
    departments: ['Sales'],
  });
  const foreignCampaign = await post(`/api/v1/orgs/${foreign.id}/campaigns`, other.token, {
    name: FOREIGN_CAMPAIGN,
    departments: ['Sales'],
  });
  for (const c of [ownCampaign, foreignCampaign]) {
    for (let i = 0; i < 6; i++) {
      await call(h.app, 'POST', `/api/v1/surveys/${c.surveyToken}/responses`, { body: makeSubmission() });
    }
    // Closed, so reports and comparisons carry figures a leak would show.
    await closeCampaign(h.app, c.id);
  }
  const viewer = await post('/api/v1/tokens', consultant.token, {
    role: 'viewer',
    orgIds: [],
    campaignId: ownCampaign.id,
  });
  Object.assign(ids, {
    viewer: viewer.token,
    consultant: consultant.token,
    consultantId: consultant.id,
    otherConsultant: other.token,
    executive: executive.token,
    ownOrg: own.id,
    foreignOrg: foreign.id,
    ownCampaign: ownCampaign.id,
    foreignCampaign: foreignCampaign.id,
  });
});
afterAll(() => h.close());

type Scope = 'own' | 'foreign';
type Role = 'admin' | 'consultant' | 'executive' | 'viewer';
interface Route {
  name: string;
  /** The policy row it is (policy.ts). */
  action: keyof typeof POLICY;
  /** Builds the request; may create what the request acts on (a token to revoke). */
  request: (
    scope: Scope,
    role: Role,
  ) => Promise<{ method: string; path: string; body?: unknown; headers?: Record<string, string> }>;
  ok: number;
  /** Whether the route acts on an organisation (else own and foreign are the same request). */
  scoped: boolean;
  roles: Role[];
}

let made = 0;
const org = (s: Scope) => (s === 'own' ? ids.ownOrg : ids.foreignOrg);
const campaign = (s: Scope) => (s === 'own' ? ids.ownCampaign : ids.foreignCampaign);
/** A new open campaign in the scope's organisation, for routes that change a campaign's state. */
const openCampaign = async (s: Scope): Promise<string> =>
  (await post(`/api/v1/orgs/${org(s)}/campaigns`, ADMIN_TOKEN, { name: 'Open', departments: ['Sales'] })).id;

const ROUTES: Route[] = [
  {
    name: 'list orgs',
    action: 'org.list',
    request: async () => ({ method: 'GET', path: '/api/v1/orgs' }),
    ok: 200,
    scoped: false,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'create org',
    action: 'org.create',
    request: async () => ({ method: 'POST', path: '/api/v1/orgs', body: { name: 'New' } }),
    ok: 201,
    scoped: false,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'get org',
    action: 'org.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/orgs/${org(s)}` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'update org',
    action: 'org.update',
    request: async (s) => ({ method: 'PATCH', path: `/api/v1/orgs/${org(s)}`, body: { archived: false } }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'delete org',
    action: 'org.delete',
    request: async (s) => {
      // An organisation without campaigns in the scope: own, made by this consultant; foreign, by the other one.
      const made = await post('/api/v1/orgs', s === 'own' ? ids.consultant : ids.otherConsultant, { name: 'Empty' });
      return { method: 'DELETE', path: `/api/v1/orgs/${made.id}` };
    },
    ok: 204,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'get profile',
    action: 'profile.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/orgs/${org(s)}/profile` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'put profile',
    action: 'profile.write',
    request: async (s) => ({ method: 'PUT', path: `/api/v1/orgs/${org(s)}/profile`, body: { seats: 10 } }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'create campaign',
    action: 'campaign.create',
    request: async (s) => ({
      method: 'POST',
      path: `/api/v1/orgs/${org(s)}/campaigns`,
      body: { name: 'C', departments: ['A'] },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'list campaigns',
    action: 'campaign.list',
    request: async (s) => ({ method: 'GET', path: `/api/v1/orgs/${org(s)}/campaigns` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'create executive token',
    action: 'key.create',
    request: async (s) => ({ method: 'POST', path: '/api/v1/tokens', body: { role: 'executive', orgIds: [org(s)] } }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'revoke token',
    action: 'key.revoke',
    request: async (s) => {
      // Own: a token this consultant made; foreign: one another consultant made.
      const maker = s === 'own' ? ids.consultant : ids.otherConsultant;
      const made = await post('/api/v1/tokens', maker, { role: 'executive', orgIds: [org(s)] });
      return { method: 'DELETE', path: `/api/v1/tokens/${made.id}` };
    },
    ok: 204,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'get campaign',
    action: 'campaign.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'update campaign',
    action: 'campaign.update',
    request: async (s) => ({ method: 'PATCH', path: `/api/v1/campaigns/${campaign(s)}`, body: { archived: false } }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'delete campaign',
    action: 'campaign.delete',
    request: async (s) => ({ method: 'DELETE', path: `/api/v1/campaigns/${await openCampaign(s)}` }),
    ok: 204,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'get leadership',
    action: 'leadership.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/leadership` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'put leadership',
    action: 'leadership.write',
    request: async (s) => ({
      method: 'PUT',
      path: `/api/v1/campaigns/${campaign(s)}/leadership`,
      body: { respondents: [{ answers: makeAnswers(5) }] },
    }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'report',
    action: 'report.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/report` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive', 'viewer'],
  },
  {
    name: 'report csv',
    action: 'report.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/report?format=csv` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive', 'viewer'],
  },
  {
    name: 'waves',
    action: 'report.waves',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/waves` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive', 'viewer'],
  },
  {
    name: 'participation',
    action: 'participation.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/participation` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'compare',
    action: 'compare',
    request: async (s) => ({ method: 'GET', path: `/api/v1/compare?campaigns=${campaign(s)}` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'portfolio at a glance',
    action: 'portfolio',
    request: async () => ({ method: 'GET', path: '/api/v1/portfolio' }),
    ok: 200,
    scoped: false,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'portfolio csv',
    action: 'portfolio',
    request: async () => ({ method: 'GET', path: '/api/v1/portfolio?format=csv&archived=include' }),
    ok: 200,
    scoped: false,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'get contacts',
    action: 'contacts.read',
    request: async (s) => ({ method: 'GET', path: `/api/v1/orgs/${org(s)}/contacts` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'put contacts',
    action: 'contacts.write',
    request: async (s) => ({ method: 'PUT', path: `/api/v1/orgs/${org(s)}/contacts`, body: { contacts: [] } }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'invite links',
    action: 'invites.create',
    request: async (s) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${await openCampaign(s)}/invites`,
      body: { count: 1 },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'email invites',
    action: 'invites.create',
    request: async (s) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${await openCampaign(s)}/invites`,
      body: { emails: ['someone@example.com'] },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'import answers',
    action: 'campaign.import',
    request: async (s) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${await openCampaign(s)}/imports`,
      // Another tool's export of two answers (Google Forms' layout: question text as headers).
      body: new TextDecoder().decode(
        googleFormsCsv(CURRENT_INSTRUMENT, makeResponses(2, ++made, { departments: ['Sales'] })).bytes,
      ),
      headers: { 'content-type': 'text/csv' },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'reminders',
    action: 'reminders.send',
    request: async (s) => ({ method: 'POST', path: `/api/v1/campaigns/${await openCampaign(s)}/reminders` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'close',
    action: 'campaign.close',
    request: async (s) => ({ method: 'POST', path: `/api/v1/campaigns/${await openCampaign(s)}/close` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'list keys',
    action: 'key.list',
    request: async () => ({ method: 'GET', path: '/api/v1/tokens' }),
    ok: 200,
    scoped: false,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'list users',
    action: 'user.list',
    request: async () => ({ method: 'GET', path: '/api/v1/users' }),
    ok: 200,
    scoped: false,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'create user',
    action: 'user.create',
    request: async (s) => ({
      method: 'POST',
      path: '/api/v1/users',
      body: { email: `exec-${++made}@matrix.example`, role: 'executive', orgIds: [org(s)] },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'revoke user',
    action: 'user.revoke',
    request: async (s) => {
      // Own: a user this consultant made; foreign: one another consultant made.
      const maker = s === 'own' ? ids.consultant : ids.otherConsultant;
      const user = await post('/api/v1/users', maker, {
        email: `revoke-${++made}@matrix.example`,
        role: 'executive',
        orgIds: [org(s)],
      });
      return { method: 'DELETE', path: `/api/v1/users/${user.id}` };
    },
    ok: 204,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'contacts changes',
    action: 'contacts.log',
    request: async (s) => ({ method: 'GET', path: `/api/v1/orgs/${org(s)}/contacts/changes` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'list viewer links',
    action: 'viewerLink.list',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/viewer-links` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'create viewer link',
    action: 'viewerLink.create',
    request: async (s) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${campaign(s)}/viewer-links`,
      body: { label: 'Board member' },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
  {
    name: 'revoke viewer link',
    action: 'viewerLink.revoke',
    request: async (s) => {
      const maker = s === 'own' ? ids.consultant : ids.otherConsultant;
      const link = await post(`/api/v1/campaigns/${campaign(s)}/viewer-links`, maker, { label: 'To revoke' });
      return { method: 'DELETE', path: `/api/v1/campaigns/${campaign(s)}/viewer-links/${link.id}` };
    },
    ok: 204,
    scoped: true,
    roles: ['admin', 'consultant'],
  },
];

// ---- the operating account (issue 11): every route, each write on an item made for the request ----------------

let keyCounter = 0;
const freshKey = () => `authz-key-${++keyCounter}`;
const accountPath = (s: Scope) => `/api/v1/orgs/${org(s)}/account`;
const newEntry = async (s: Scope): Promise<string> =>
  (
    await post(`${accountPath(s)}/entries`, ADMIN_TOKEN, {
      clientKey: freshKey(),
      ledger: 'time',
      title: 'Month-end decks',
    })
  ).id;
const newFlow = async (s: Scope): Promise<string> =>
  (await post(`${accountPath(s)}/flows`, ADMIN_TOKEN, { clientKey: freshKey(), name: 'Chat', signals: [] })).id;

ROUTES.push(
  {
    name: 'get account',
    action: 'account.read',
    request: async (s) => ({ method: 'GET', path: accountPath(s) }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'create entry',
    action: 'account.entry.create',
    request: async (s) => ({
      method: 'POST',
      path: `${accountPath(s)}/entries`,
      body: { clientKey: freshKey(), ledger: 'waiting', title: 'Approvals' },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'get entry',
    action: 'account.entry.read',
    request: async (s) => ({ method: 'GET', path: `${accountPath(s)}/entries/${await newEntry(s)}` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'update entry',
    action: 'account.entry.update',
    request: async (s) => ({
      method: 'PATCH',
      path: `${accountPath(s)}/entries/${await newEntry(s)}`,
      body: { version: 1, ownerRole: 'COO' },
    }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'record capacity decision',
    action: 'account.capacity.record',
    request: async (s) => ({
      method: 'POST',
      path: `${accountPath(s)}/capacity`,
      body: {
        clientKey: freshKey(),
        decidedOn: '2026-03-01',
        ownerRole: 'CEO',
        shares: { learning: 100 },
        preconditions: { learning: 'Workflow rewrites' },
      },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'register flow',
    action: 'account.flow.create',
    request: async (s) => ({
      method: 'POST',
      path: `${accountPath(s)}/flows`,
      body: { clientKey: freshKey(), name: 'Chat', signals: [] },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'get flow',
    action: 'account.flow.read',
    request: async (s) => ({ method: 'GET', path: `${accountPath(s)}/flows/${await newFlow(s)}` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'update flow',
    action: 'account.flow.update',
    request: async (s) => ({
      method: 'PATCH',
      path: `${accountPath(s)}/flows/${await newFlow(s)}`,
      body: { version: 1, humanExit: 'Hotline' },
    }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: 'record review',
    action: 'account.review.record',
    request: async (s) => ({
      method: 'POST',
      path: `${accountPath(s)}/reviews`,
      body: { clientKey: freshKey(), heldOn: '2026-03-01', reviewerRole: 'COO', notes: 'Reviewed' },
    }),
    ok: 201,
    scoped: true,
    roles: ['admin', 'consultant', 'executive'],
  },
  {
    name: "wave's account",
    action: 'account.wave',
    request: async (s) => ({ method: 'GET', path: `/api/v1/campaigns/${campaign(s)}/account` }),
    ok: 200,
    scoped: true,
    roles: ['admin', 'consultant', 'executive', 'viewer'],
  },
  {
    name: 'portfolio accounts',
    action: 'account.portfolio',
    request: async () => ({ method: 'GET', path: '/api/v1/portfolio/accounts' }),
    ok: 200,
    scoped: false,
    roles: ['admin', 'consultant'],
  },
);

function expected(route: Route, role: Role | 'none', scope: Scope): number {
  if (role === 'none') return 401;
  if (!route.roles.includes(role)) return 403;
  if (role === 'admin' || !route.scoped || scope === 'own') return route.ok;
  return 404;
}

const tokenOf = (role: Role | 'none') =>
  role === 'admin'
    ? ADMIN_TOKEN
    : role === 'consultant'
      ? ids.consultant
      : role === 'executive'
        ? ids.executive
        : role === 'viewer'
          ? ids.viewer
          : undefined;

describe('the authorization matrix', () => {
  it('is the policy table, row for row', () => {
    const rows = new Map<string, string[]>();
    for (const route of ROUTES) rows.set(route.action, [...route.roles].sort());
    const table = Object.fromEntries(Object.entries(POLICY).map(([action, rule]) => [action, [...rule.roles].sort()]));
    expect(Object.fromEntries(rows)).toEqual(table);
    // The API description says the same.
    for (const rule of Object.values(POLICY)) expect(accessText(rule.method, rule.path)).toContain(rule.roles[0]);
  });

  for (const role of ['none', 'admin', 'consultant', 'executive', 'viewer'] as const) {
    it(`answers every route as expected for ${role === 'none' ? 'no token' : `the ${role} role`}`, async () => {
      const mismatches: string[] = [];
      for (const route of ROUTES) {
        for (const scope of ['own', 'foreign'] as const) {
          const req = await route.request(scope, role === 'none' ? 'admin' : role);
          const token = tokenOf(role);
          const res = await call(h.app, req.method, req.path, {
            ...(token ? { token } : {}),
            body: req.body,
            ...(req.headers ? { headers: req.headers } : {}),
          });
          const want = expected(route, role, scope);
          if (res.status !== want) mismatches.push(`${route.name} (${scope}): ${res.status}, expected ${want}`);
          if (res.status >= 400) {
            if (res.headers.get('content-type') !== 'application/problem+json') {
              mismatches.push(`${route.name} (${scope}): ${res.status} is not problem+json`);
            }
            // A refusal never carries the other organisation's data.
            if (res.text.includes(FOREIGN_NAME) || res.text.includes(FOREIGN_CAMPAIGN)) {
              mismatches.push(`${route.name} (${scope}): leaks foreign data`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('never lists a foreign organisation or campaign to a consultant or executive', async () => {
    for (const token of [ids.consultant, ids.executive]) {
      const orgs = await call(h.app, 'GET', '/api/v1/orgs', { token });
      expect(orgs.text).not.toContain(FOREIGN_NAME);
    }
    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.ownCampaign}`, { token: ids.consultant });
    expect(compare.status).toBe(200);
    expect(compare.text).not.toContain(FOREIGN_CAMPAIGN);
    // The own closed campaign; the open ones the matrix made are listed nowhere in the percentile base.
    expect(compare.body.portfolioSize).toBe(1);
    // Nor at a glance, in JSON or CSV.
    for (const path of ['/api/v1/portfolio?archived=include', '/api/v1/portfolio?format=csv&archived=include']) {
      const glance = await call(h.app, 'GET', path, { token: ids.consultant });
      expect(glance.status).toBe(200);
      expect(glance.text).toContain('Own Org');
      expect(glance.text).not.toContain(FOREIGN_NAME);
      expect(glance.text).not.toContain(ids.foreignOrg);
    }
    // Nor in the portfolio's accounts.
    const accounts = await call(h.app, 'GET', '/api/v1/portfolio/accounts', { token: ids.consultant });
    expect(accounts.body.orgs.map((o: { orgId: string }) => o.orgId)).not.toContain(ids.foreignOrg);
    expect(accounts.text).not.toContain(FOREIGN_NAME);
  });

  it("answers an item of another organisation's account with 404 even through the caller's own organisation", async () => {
    const foreignEntry = await newEntry('foreign');
    for (const token of [ids.consultant, ids.executive]) {
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { version: 1, title: 'Taken over' }],
      ] as const) {
        const res = await call(h.app, method, `${accountPath('own')}/entries/${foreignEntry}`, { token, body });
        expect(res.status).toBe(404);
      }
    }
    expect((await h.store.getAccountItem(ids.foreignOrg, 'entry', foreignEntry))?.version).toBe(1);
  });

  it('shuts out revoked and expired tokens on every route', async () => {
    const revoked = await post('/api/v1/tokens', ids.consultant, { role: 'executive', orgIds: [ids.ownOrg] });
    await call(h.app, 'DELETE', `/api/v1/tokens/${revoked.id}`, { token: ids.consultant });
    const expiring = await post('/api/v1/tokens', ADMIN_TOKEN, {
      role: 'consultant',
      orgIds: [ids.ownOrg],
      expiresInDays: 1,
    });
    h.clock.advance(2 * 86_400_000);
    try {
      for (const route of ROUTES) {
        const req = await route.request('own', 'admin').catch(() => null);
        if (!req) continue; // the revoke route's setup needs a live consultant token
        for (const token of [revoked.token, expiring.token]) {
          const res = await call(h.app, req.method, req.path, { token, body: req.body });
          expect(res.status, `${route.name}`).toBe(401);
        }
      }
    } finally {
      h.clock.advance(-2 * 86_400_000);
    }
  });
});
