import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { ADMIN_TOKEN, call, type Harness, makeAnswers, makeSubmission, startHarness } from '../http/harness';
import {
  answerViolations,
  buildWorld,
  PROTECTED_OPERATIONS,
  type RawRequest,
  type RawResponse,
  sendRaw,
  sha256Hex,
  type World,
} from './support';

// Token abuse on every protected route (every documented operation that is not for respondents): expired, revoked,
// other-organisation and tampered tokens, survey links and receipts as bearers, bearers as survey links, no token,
// empty and duplicated headers. Each is refused as documented (401, 403 or 404), never with data and never with a 5xx,
// and the table is left exactly as it was.

const DAY = 86_400_000;

let h: Harness;
let w: World;
let receipt: string;
/** A token, a user and a viewer link consultant A made, for the revoke routes to aim at. */
let target: string;
let targetUser: string;
let targetLink: string;
/** An entry and a flow in tenant A's account, for the account's item routes. */
let entryId: string;
let flowId: string;
/** An organisation and a campaign of tenant A with nothing in them, for the delete routes to aim at. */
let emptyOrgId: string;
let emptyCampaignId: string;
const expiring = { consultant: '', executive: '' };
const revoked = { consultant: '', executive: '' };

async function newToken(by: string, body: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const res = await call(h.app, 'POST', '/api/v1/tokens', { token: by, body });
  if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
  return res.body;
}

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.app);
  const submitted = await call(h.app, 'POST', `/api/v1/surveys/${w.a.surveyToken}/responses`, {
    body: makeSubmission(),
  });
  receipt = submitted.body.receipt;
  target = (await newToken(w.consultantA.token, { role: 'executive', orgIds: [w.a.orgId] })).id;
  const user = await call(h.app, 'POST', '/api/v1/users', {
    token: w.consultantA.token,
    body: { email: 'target@tenant-a.example', role: 'executive', orgIds: [w.a.orgId] },
  });
  targetUser = user.body.id;
  const link = await call(h.app, 'POST', `/api/v1/campaigns/${w.a.campaignId}/viewer-links`, {
    token: w.consultantA.token,
    body: { label: 'Target' },
  });
  targetLink = link.body.id;
  const account = `/api/v1/orgs/${w.a.orgId}/account`;
  entryId = (
    await call(h.app, 'POST', `${account}/entries`, {
      token: w.consultantA.token,
      body: { clientKey: 'abuse-entry-1', ledger: 'time', title: 'Month-end decks' },
    })
  ).body.id;
  flowId = (
    await call(h.app, 'POST', `${account}/flows`, {
      token: w.consultantA.token,
      body: { clientKey: 'abuse-flow-1', name: 'Chat', signals: [] },
    })
  ).body.id;
  emptyOrgId = (await call(h.app, 'POST', '/api/v1/orgs', { token: w.consultantA.token, body: { name: 'Empty' } })).body
    .id;
  emptyCampaignId = (
    await call(h.app, 'POST', `/api/v1/orgs/${w.a.orgId}/campaigns`, {
      token: w.consultantA.token,
      body: { name: 'Unanswered', departments: ['Sales'] },
    })
  ).body.id;
  expiring.consultant = (
    await newToken(ADMIN_TOKEN, { role: 'consultant', orgIds: [w.a.orgId], expiresInDays: 1 })
  ).token;
  expiring.executive = (
    await newToken(w.consultantA.token, { role: 'executive', orgIds: [w.a.orgId], expiresInDays: 1 })
  ).token;
  for (const role of ['consultant', 'executive'] as const) {
    const made = await newToken(ADMIN_TOKEN, { role, orgIds: [w.a.orgId] });
    const res = await call(h.app, 'DELETE', `/api/v1/tokens/${made.id}`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(204);
    revoked[role] = made.token;
  }
});
afterAll(() => h.close());

/** A request on tenant A that its own consultant may make. */
function requestFor(op: (typeof PROTECTED_OPERATIONS)[number]): RawRequest {
  // A delete succeeds only on an organisation without campaigns and a campaign without answers.
  const deletes = op.method === 'delete';
  const path = op.path
    .replace(':orgId', deletes ? emptyOrgId : w.a.orgId)
    .replace(':campaignId', deletes && op.path === '/api/v1/campaigns/:campaignId' ? emptyCampaignId : w.a.campaignId)
    .replace(':tokenId', target)
    .replace(':userId', targetUser)
    .replace(':linkId', targetLink)
    .replace(':entryId', entryId)
    .replace(':flowId', flowId);
  const bodies: Record<string, unknown> = {
    'post /api/v1/orgs': { name: 'Abuse Org' },
    'put /api/v1/orgs/:orgId/profile': { seats: 10 },
    'patch /api/v1/orgs/:orgId': { archived: false },
    'patch /api/v1/campaigns/:campaignId': { archived: false },
    'post /api/v1/orgs/:orgId/campaigns': { name: 'Abuse Wave', departments: ['X'] },
    'put /api/v1/orgs/:orgId/contacts': { contacts: [{ name: 'Ada Exec', email: 'ada@example.com' }] },
    'post /api/v1/tokens': { role: 'executive', orgIds: [w.a.orgId] },
    'put /api/v1/campaigns/:campaignId/leadership': { respondents: [{ answers: makeAnswers(5) }] },
    'post /api/v1/campaigns/:campaignId/invites': { count: 2 },
    'post /api/v1/users': { email: 'new-exec@tenant-a.example', role: 'executive', orgIds: [w.a.orgId] },
    'post /api/v1/campaigns/:campaignId/viewer-links': { label: 'Board' },
    'post /api/v1/orgs/:orgId/account/entries': { clientKey: 'abuse-entry-2', ledger: 'waiting', title: 'Approvals' },
    'patch /api/v1/orgs/:orgId/account/entries/:entryId': { version: 1, ownerRole: 'COO' },
    'post /api/v1/orgs/:orgId/account/capacity': {
      clientKey: 'abuse-capacity-1',
      decidedOn: '2026-03-01',
      ownerRole: 'CEO',
      shares: { learning: 100 },
      preconditions: { learning: 'Workflow rewrites' },
    },
    'post /api/v1/orgs/:orgId/account/flows': { clientKey: 'abuse-flow-2', name: 'Refunds', signals: [] },
    'patch /api/v1/orgs/:orgId/account/flows/:flowId': { version: 1, humanExit: 'Hotline' },
    'post /api/v1/orgs/:orgId/account/reviews': {
      clientKey: 'abuse-review-1',
      heldOn: '2026-03-01',
      reviewerRole: 'COO',
      notes: 'Reviewed',
    },
  };
  const key = `${op.method} ${op.path}`;
  const query = op.path === '/api/v1/compare' ? `?campaigns=${w.a.campaignId}` : '';
  if (key === 'post /api/v1/campaigns/:campaignId/imports') {
    const csv = `level,department,${CURRENT_INSTRUMENT.items[0]!.id}\nmanager,Sales,4\n`;
    return { method: 'POST', path, headers: [['content-type', 'text/csv']], body: csv };
  }
  const body = bodies[key];
  return {
    method: op.method.toUpperCase(),
    path: `${path}${query}`,
    headers: body === undefined ? [] : [['content-type', 'application/json']],
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** Routes that act on tenant A named in the path, the query or the body (the rest act on the caller's own scope). */
const scoped = (op: (typeof PROTECTED_OPERATIONS)[number]) =>
  op.path.includes(':') ||
  op.path === '/api/v1/compare' ||
  (op.method === 'post' && ['/api/v1/tokens', '/api/v1/users'].includes(op.path));

const flip = (token: string, i: number) => {
  const c = token[i]!;
  return `${token.slice(0, i)}${c === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
};
const swapCase = (s: string) => [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

/** Authorization headers that must all be refused with 401, whatever the route. */
function unauthenticated(): [string, [string, string][]][] {
  const bearer = (t: string): [string, string][] => [['authorization', `Bearer ${t}`]];
  const tampered = (name: string, t: string): [string, [string, string][]][] => [
    [`${name}: first char flipped`, bearer(flip(t, 0))],
    [`${name}: middle char flipped`, bearer(flip(t, Math.floor(t.length / 2)))],
    [`${name}: last char flipped`, bearer(flip(t, t.length - 1))],
    [`${name}: truncated by one`, bearer(t.slice(0, -1))],
    [`${name}: truncated to 16`, bearer(t.slice(0, 16))],
    [`${name}: padded`, bearer(`${t}A`)],
    [`${name}: padded with =`, bearer(`${t}=`)],
    [`${name}: upper case`, bearer(t.toUpperCase())],
    [`${name}: case swapped`, bearer(swapCase(t))],
    [`${name}: doubled`, bearer(`${t}${t}`)],
    [`${name}: with a Latin-1 letter`, bearer(`${t.slice(0, 5)}é${t.slice(6)}`)],
    [`${name}: quoted`, bearer(`"${t}"`)],
    [`${name}: with a space inside`, bearer(`${t.slice(0, 10)} ${t.slice(10)}`)],
    [`${name}: twice in one header`, [['authorization', `Bearer ${t}, Bearer ${t}`]]],
    [`${name}: duplicated header`, [...bearer(t), ...bearer(t)]],
    [`${name}: after a bad one`, [['authorization', 'Bearer nonsense-token-0000000000'], ...bearer(t)]],
    [`${name}: as Basic`, [['authorization', `Basic ${Buffer.from(`x:${t}`).toString('base64')}`]]],
    [`${name}: as Token`, [['authorization', `Token ${t}`]]],
    [`${name}: with no scheme`, [['authorization', t]]],
    [`${name}: hashed`, bearer(sha256Hex(t))],
  ];
  return [
    ['no token', []],
    ['empty bearer', [['authorization', 'Bearer ']]],
    ['bare scheme', [['authorization', 'Bearer']]],
    ['only spaces', [['authorization', '   ']]],
    ['10,000 characters', bearer('A'.repeat(10_000))],
    ['expired consultant', bearer(expiring.consultant)],
    ['expired executive', bearer(expiring.executive)],
    ['revoked consultant', bearer(revoked.consultant)],
    ['revoked executive', bearer(revoked.executive)],
    ['survey token as bearer', bearer(w.a.surveyToken)],
    ['receipt as bearer', bearer(receipt)],
    ['token id as bearer', bearer(w.consultantA.id)],
    ...tampered('consultant', w.consultantA.token),
    ...tampered('executive', w.executiveA.token),
    ...tampered('admin', ADMIN_TOKEN),
  ];
}

const secrets = () => [w.a.orgName, w.a.campaignName, w.a.surveyToken, receipt];

function refusalProblems(req: RawRequest, res: RawResponse, allowed: number[]): string[] {
  const problems = answerViolations(req, res);
  if (!allowed.includes(res.status)) problems.push(`status ${res.status}, expected one of ${allowed.join('/')}`);
  for (const secret of secrets()) if (res.text.includes(secret)) problems.push(`leaks "${secret.slice(0, 20)}"`);
  if (/"layers"|"signals"|"n":/.test(res.text)) problems.push('carries figures');
  if (res.status === 401 && res.headers.get('www-authenticate') !== 'Bearer realm="orgos"') {
    problems.push('401 without WWW-Authenticate');
  }
  return problems;
}

/** Every item as text; the day a key was last used changes with every accepted use, on purpose, so it is left out. */
async function table(): Promise<string[]> {
  return (await h.scanAll())
    .map(({ lastUsedOn: _day, ...item }) => JSON.stringify(item, Object.keys(item).sort()))
    .sort();
}

describe('token abuse on every protected route', () => {
  it('covers every protected operation the API documents', () => {
    expect(PROTECTED_OPERATIONS.length).toBeGreaterThanOrEqual(15);
    for (const op of PROTECTED_OPERATIONS) expect(op.errors, `${op.method} ${op.path}`).toContain(401);
  });

  it('refuses expired, revoked, tampered, foreign-kind and missing tokens with 401 and changes nothing', async () => {
    const before = await table();
    // Expiry by the clock: the two expiring tokens are past their end, every other token still valid.
    h.clock.advance(2 * DAY);
    const failures: string[] = [];
    let sent = 0;
    try {
      for (const op of PROTECTED_OPERATIONS) {
        for (const [name, headers] of unauthenticated()) {
          const base = requestFor(op);
          const req = { ...base, headers: [...(base.headers ?? []), ...headers] };
          const res = await sendRaw(h.app, req);
          sent++;
          for (const p of refusalProblems(req, res, [401])) failures.push(`${op.method} ${op.path} with ${name}: ${p}`);
        }
      }
    } finally {
      h.clock.advance(-2 * DAY);
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(await table()).toEqual(before);
  });

  it("answers another organisation's valid tokens with 403 or 404, never with the organisation's data", async () => {
    const before = await table();
    const failures: string[] = [];
    const others: [string, string, 'consultant' | 'executive'][] = [
      ['consultant B', w.consultantB.token, 'consultant'],
      ['executive B', w.executiveB.token, 'executive'],
    ];
    for (const op of PROTECTED_OPERATIONS.filter(scoped)) {
      for (const [name, token, role] of others) {
        const base = requestFor(op);
        const req = {
          ...base,
          headers: [...(base.headers ?? []), ['authorization', `Bearer ${token}`] as [string, string]],
        };
        const res = await sendRaw(h.app, req);
        // 403 where the role may not use the route at all, else 404 (as if tenant A did not exist).
        const roles = op.access
          .replace(/\([^)]*\)/g, '')
          .split(',')
          .map((r) => r.trim());
        const allowed = roles.includes(role) ? [404] : [403];
        for (const p of refusalProblems(req, res, allowed)) failures.push(`${op.method} ${op.path} as ${name}: ${p}`);
      }
    }
    // Routes on the caller's own scope answer, with nothing of tenant A in them.
    for (const token of [w.consultantB.token, w.executiveB.token]) {
      const orgs = await call(h.app, 'GET', '/api/v1/orgs', { token });
      expect(orgs.status).toBe(200);
      for (const secret of secrets()) expect(orgs.text).not.toContain(secret);
      expect(orgs.text).not.toContain(w.a.orgId);
    }
    expect(failures).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it('never takes a bearer token, a receipt or a token id for a survey link, or a bearer for a receipt', async () => {
    const before = await table();
    const failures: string[] = [];
    const notLinks = [ADMIN_TOKEN, w.consultantA.token, w.executiveA.token, receipt, w.executiveA.id.padEnd(43, 'A')];
    for (const token of notLinks) {
      const reqs: RawRequest[] = [
        { method: 'GET', path: `/api/v1/surveys/${token}` },
        {
          method: 'POST',
          path: `/api/v1/surveys/${token}/responses`,
          headers: [['content-type', 'application/json']],
          body: JSON.stringify(makeSubmission()),
        },
        { method: 'GET', path: `/s/${token}` },
        {
          method: 'POST',
          path: `/s/${token}`,
          headers: [['content-type', 'application/x-www-form-urlencoded']],
          body: 'roles_split=4&level=frontline&department=Sales',
        },
      ];
      if (token !== receipt) {
        reqs.push({ method: 'DELETE', path: `/api/v1/responses/${token}` });
        reqs.push({
          method: 'POST',
          path: '/s/withdraw',
          headers: [['content-type', 'application/x-www-form-urlencoded']],
          body: `receipt=${encodeURIComponent(token)}`,
        });
      }
      for (const req of reqs) {
        const res = await sendRaw(h.app, req);
        for (const p of refusalProblems(req, res, [404])) failures.push(`${req.method} ${req.path.slice(0, 40)}: ${p}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it('still serves the rightful owner on every one of these routes afterwards', async () => {
    // The refusals were about the tokens, not the requests: the same requests with consultant A's token succeed
    // (closing last, since a closed campaign takes no more invitations).
    const closeLast = [...PROTECTED_OPERATIONS].sort(
      (x, y) => Number(x.path.endsWith('/close')) - Number(y.path.endsWith('/close')),
    );
    for (const op of closeLast) {
      const base = requestFor(op);
      const res = await sendRaw(h.app, {
        ...base,
        headers: [...(base.headers ?? []), ['authorization', `Bearer ${w.consultantA.token}`]],
      });
      expect(res.status, `${op.method} ${op.path}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
    }
  });
});
