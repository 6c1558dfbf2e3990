// GET /api/v1/portfolio (issue 16): every organisation at a glance, each row what its latest closed and published
// wave's own report shows (same suppression), the change since its previous wave as the waves route gives it, a
// running campaign's live participation exactly as its own participation route gives it (nothing below the minimum
// group size), archived organisations only when asked, a CSV, and no refold per call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/store/store';
import { LAYERS } from '../../shared/instrument';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  startHarness,
} from '../http/harness';

let h: Harness;
let consultant: string;
const ids = {} as {
  acme: string;
  acme1: string;
  acme2: string;
  small: string;
  archived: string;
  running: string;
  smallOpen: string;
  runningOpen: string;
  foreign: string;
};

async function created(path: string, token: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** `n` answers around `base` (varied per respondent and item, so the scores have a spread). */
async function answer(surveyToken: string, n: number, base: number) {
  for (let r = 0; r < n; r++) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
      body: makeSubmission({
        answers: makeAnswers((_, i) => Math.max(1, Math.min(5, base + ((r + i) % 3) - 1))),
        department: r % 2 ? 'Sales' : 'Operations',
      }),
    });
    if (res.status !== 201) throw new Error(`answer: ${res.status} ${res.text}`);
  }
}

async function wave(orgId: string, name: string, n: number, base: number, close = true) {
  const c = await created(`/api/v1/orgs/${orgId}/campaigns`, consultant, {
    name,
    departments: ['Sales', 'Operations'],
  });
  await answer(c.surveyToken, n, base);
  if (close) await closeCampaign(h.app, c.id, consultant);
  return c.id as string;
}

const rowOf = (body: { companies: { orgId: string }[] }, orgId: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the row field by field
  body.companies.find((c) => c.orgId === orgId) as any;

beforeAll(async () => {
  h = await startHarness();
  consultant = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
  const other = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
  ids.acme = (await created('/api/v1/orgs', consultant, { name: 'Acme' })).id;
  await call(h.app, 'PUT', `/api/v1/orgs/${ids.acme}/profile`, {
    token: consultant,
    body: { headcount: { total: 40 } },
  });
  ids.acme1 = await wave(ids.acme, 'Acme spring', 12, 2);
  ids.acme2 = await wave(ids.acme, 'Acme autumn', 12, 4);
  // Too small to show: its row has no figure; and it runs a second campaign now.
  ids.small = (await created('/api/v1/orgs', consultant, { name: 'Small Co' })).id;
  await wave(ids.small, 'Tiny', 3, 3);
  ids.smallOpen = await wave(ids.small, 'Running', 4, 3, false);
  ids.running = (await created('/api/v1/orgs', consultant, { name: 'First wave running' })).id;
  ids.runningOpen = await wave(ids.running, 'Open', 6, 3, false);
  ids.archived = (await created('/api/v1/orgs', consultant, { name: 'Former client' })).id;
  await call(h.app, 'PATCH', `/api/v1/orgs/${ids.archived}`, { token: consultant, body: { archived: true } });
  ids.foreign = (await created('/api/v1/orgs', other, { name: 'Foreign Secret' })).id;
});
afterAll(() => h.close());

describe('GET /api/v1/portfolio', () => {
  it("shows each organisation's latest wave as its report does, and the change as the waves route does", async () => {
    const res = await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant });
    expect(res.status).toBe(200);
    expect(res.body.companies.map((c: { orgName: string }) => c.orgName)).toEqual([
      'Acme',
      'Small Co',
      'First wave running',
    ]);
    const acme = rowOf(res.body, ids.acme);
    const report = (await call(h.app, 'GET', `/api/v1/campaigns/${ids.acme2}/report`, { token: consultant })).body;
    expect(acme).toMatchObject({
      campaignId: ids.acme2,
      campaignName: 'Acme autumn',
      archived: false,
      participation: [],
      firstBreak: report.firstBreak,
      diagnoses: report.diagnoses.map((d: { code: string }) => d.code),
      // 12 responses over a headcount of 40.
      responseRate: 0.3,
    });
    expect(typeof acme.closedAt).toBe('string');
    for (const layer of LAYERS) {
      expect(acme.layers[layer]).toEqual({ score: report.layers[layer].score, level: report.layers[layer].levelName });
    }
    const waves = (await call(h.app, 'GET', `/api/v1/campaigns/${ids.acme2}/waves`, { token: consultant })).body;
    const last = waves.waves.at(-1);
    expect(acme.change.fromCampaignId).toBe(ids.acme1);
    expect(acme.change.fromCampaignName).toBe('Acme spring');
    for (const layer of LAYERS) {
      expect(acme.change.layers[layer]).toEqual({
        delta: last.change[layer].value,
        significant: last.change[layer].beyondNoise,
      });
    }
    // The second wave answered higher on every layer.
    expect(LAYERS.every((l) => acme.change.layers[l].delta > 0)).toBe(true);
  });

  it('shows nothing of a wave below its minimum group size, nor a running count below it', async () => {
    const res = await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant });
    const small = rowOf(res.body, ids.small);
    expect(small).toMatchObject({
      campaignName: 'Tiny',
      firstBreak: null,
      diagnoses: [],
      change: null,
      // 4 answers so far, below the minimum of 5: running, with no count.
      participation: [{ campaignId: ids.smallOpen, campaignName: 'Running', minGroupSize: 5, total: null }],
    });
    for (const layer of LAYERS) expect(small.layers[layer]).toEqual({ score: null, level: null });
    const running = rowOf(res.body, ids.running);
    expect(running).toMatchObject({
      campaignId: null,
      campaignName: null,
      closedAt: null,
      responseRate: null,
    });
    expect(running.participation).toHaveLength(1);
    expect(running.participation[0]).toMatchObject({ campaignId: ids.runningOpen, campaignName: 'Open' });
  });

  it('lists archived organisations only when asked, and never another consultant’s', async () => {
    const plain = await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant });
    expect(rowOf(plain.body, ids.archived)).toBeUndefined();
    const all = await call(h.app, 'GET', '/api/v1/portfolio?archived=include', { token: consultant });
    expect(rowOf(all.body, ids.archived)).toMatchObject({ orgName: 'Former client', archived: true, campaignId: null });
    expect(all.text).not.toContain('Foreign Secret');
    expect(rowOf(all.body, ids.foreign)).toBeUndefined();
    const bad = await call(h.app, 'GET', '/api/v1/portfolio?archived=yes', { token: consultant });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['archived']);
    const unknown = await call(h.app, 'GET', '/api/v1/portfolio?sort=name', { token: consultant });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['sort']);
  });

  it('exports a CSV with a header row, organisation names and numbers rounded as shown', async () => {
    const json = rowOf((await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant })).body, ids.acme);
    const res = await call(h.app, 'GET', '/api/v1/portfolio?format=csv', { token: consultant });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const [header, ...rows] = res.text.trim().split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 6)).toEqual([
      'organisation',
      'archived',
      'campaign',
      'closed_on',
      'roles_score',
      'roles_level',
    ]);
    expect(rows).toHaveLength(3);
    const acme = rows.find((r) => r.startsWith('Acme,'))!.split(',');
    const at = (name: string) => acme[columns.indexOf(name)];
    expect(at('campaign')).toBe('Acme autumn');
    expect(at('roles_score')).toBe(json.layers.roles.score.toFixed(0));
    expect(at('roles_level')).toBe(json.layers.roles.level);
    expect(at('response_rate_pct')).toBe('30');
    expect(at('change_since')).toBe('Acme spring');
    expect(at('roles_change')).toBe(json.change.layers.roles.delta.toFixed(1));
    expect(res.text).not.toContain(ids.acme);
  });

  it('shows a renamed organisation under its new name, as its report and the comparison do', async () => {
    const renamed = await call(h.app, 'PATCH', `/api/v1/orgs/${ids.acme}`, {
      token: consultant,
      body: { name: 'Acme Holdings' },
    });
    expect(renamed.status).toBe(200);
    const glance = await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant });
    expect(rowOf(glance.body, ids.acme).orgName).toBe('Acme Holdings');
    const csv = await call(h.app, 'GET', '/api/v1/portfolio?format=csv', { token: consultant });
    expect(csv.text).toContain('\r\nAcme Holdings,');
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${ids.acme2}/report`, { token: consultant });
    expect(report.body.campaign.orgName).toBe('Acme Holdings');
    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.acme2}`, { token: consultant });
    expect(compare.body.campaigns[0].orgName).toBe('Acme Holdings');
    // Archived, it leaves the portfolio at a glance (and comes back when asked for).
    await call(h.app, 'PATCH', `/api/v1/orgs/${ids.acme}`, { token: consultant, body: { archived: true } });
    expect(
      rowOf((await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant })).body, ids.acme),
    ).toBeUndefined();
    await call(h.app, 'PATCH', `/api/v1/orgs/${ids.acme}`, { token: consultant, body: { archived: false } });
    expect(rowOf((await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant })).body, ids.acme)).toBeDefined();
  });

  it('reads published snapshots: a second call folds no response again', async () => {
    let read = 0;
    const counting = new Proxy(h.store as Store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        if (key === 'readStreamChunk') {
          return async (...args: Parameters<Store['readStreamChunk']>) => {
            const chunk = await target.readStreamChunk(...args);
            read += chunk.items.length;
            return chunk;
          };
        }
        if (key === 'readResponses') {
          return async (...args: Parameters<Store['readResponses']>) => {
            const items = await target.readResponses(...args);
            read += items.length;
            return items;
          };
        }
        return value.bind(target);
      },
    });
    // Snapshots stored on the first read (in production the fold job stores them before anyone asks).
    const app = h.withDeps({ store: counting, config: { snapshotRefreshItems: 1 } });
    const first = await call(app, 'GET', '/api/v1/portfolio', { token: consultant });
    read = 0;
    const second = await call(app, 'GET', '/api/v1/portfolio', { token: consultant });
    expect(read).toBe(0);
    expect(second.body).toEqual(first.body);
  });
  it('gives a running campaign the live participation its own route gives, and only to those who run campaigns', async () => {
    // Past the hour the answers came in: the settled count holds them.
    h.clock.advance(2 * 60 * 60_000);
    const res = await call(h.app, 'GET', '/api/v1/portfolio', { token: consultant });
    for (const [orgId, campaignId] of [
      [ids.running, ids.runningOpen],
      [ids.small, ids.smallOpen],
    ] as const) {
      const live = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/participation`, { token: consultant });
      expect(live.status).toBe(200);
      const [wave] = rowOf(res.body, orgId).participation;
      expect(wave).toEqual({
        campaignId,
        campaignName: campaignId === ids.runningOpen ? 'Open' : 'Running',
        asOf: live.body.asOf,
        minGroupSize: 5,
        total: live.body.total,
      });
    }
    expect(rowOf(res.body, ids.running).participation[0].total).toBe(6);
    expect(rowOf(res.body, ids.small).participation[0].total).toBeNull();
    const csv = await call(h.app, 'GET', '/api/v1/portfolio?format=csv', { token: consultant });
    const line = csv.text.split('\r\n').find((l) => l.startsWith('First wave running'))!;
    expect(line).toMatch(/,Open,6,\d{4}-\d{2}-\d{2} \d{2}:00 UTC$/);
    // Executives read no volume while a campaign runs: the portfolio is not theirs.
    const executive = (await created('/api/v1/tokens', consultant, { role: 'executive', orgIds: [ids.running] })).token;
    expect((await call(h.app, 'GET', '/api/v1/portfolio', { token: executive })).status).toBe(403);
  });
});
