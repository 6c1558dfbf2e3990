import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportBody } from '../../web/report/render-report';
import { ADMIN_TOKEN, call, type Harness, makeAnswers, makeSubmission, startHarness } from '../http/harness';

// Red-team finding 1 of issue 17 (this half: what the API shows; who may create links is the roles' half): Sales has
// 10 real answers, Operations 1. Whoever can add answers and read the report adds 4 of their own to Operations just
// before the close, Operations shows at 5, and 5·score − 4·own is the victim's answers. The minimum group size cannot
// stop that. So: nothing shows answer volume while the campaign runs (no count to watch until a group is one away),
// every report and the creation of an open link say what protection holds, and a group padded in a burst before the
// close is flagged.

const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type App = Pick<Harness['app'], 'request'>;
const post = (path: string, body: unknown) => call(h.app, 'POST', path, { token: ADMIN_TOKEN, body });
const get = (path: string) => call(h.app, 'GET', path, { token: ADMIN_TOKEN });
const answer = (app: App, token: string, department: string, value = 4) =>
  call(app, 'POST', `/api/v1/surveys/${token}/responses`, {
    body: makeSubmission({ department, answers: makeAnswers(value) }),
  });

async function newCampaign(body: Record<string, unknown> = {}) {
  const org = await post('/api/v1/orgs', { name: 'Padded Ltd' });
  const made = await post(`/api/v1/orgs/${org.body.id}/campaigns`, {
    name: 'Wave',
    departments: ['Sales', 'Operations'],
    ...body,
  });
  expect(made.status).toBe(201);
  return { orgId: org.body.id as string, id: made.body.id as string, created: made.body };
}

describe('padding a small group', () => {
  it('shows no answer volume anywhere while the campaign runs', async () => {
    const c = await newCampaign({ closesAt: new Date(h.clock.now.getTime() + 14 * DAY).toISOString() });
    await call(h.app, 'PUT', `/api/v1/orgs/${c.orgId}/profile`, {
      token: ADMIN_TOKEN,
      body: { headcount: { total: 11 } },
    });
    const mailed = await post(`/api/v1/campaigns/${c.id}/invites`, {
      emails: Array.from({ length: 6 }, (_, i) => `p${i}@example.com`),
    });
    expect(mailed.body.emailed).toBe(6);
    const token = c.created.surveyToken as string;
    for (let i = 0; i < 10; i++) expect((await answer(h.app, token, 'Sales')).status).toBe(201);
    h.clock.advance(DAY + 1000);

    // Every read the people who run the campaign have, and the reminders' answer.
    const reads = async () => {
      const bodies = await Promise.all([
        get(`/api/v1/campaigns/${c.id}`),
        get(`/api/v1/orgs/${c.orgId}/campaigns`),
        get(`/api/v1/campaigns/${c.id}/report`),
        get(`/api/v1/campaigns/${c.id}/report?format=csv`),
        get(`/api/v1/compare?campaigns=${c.id}`),
        call(h.app, 'GET', `/api/v1/surveys/${token}`),
        // The runners' live count too: it counts settled hours only, and the answer's hour has not settled.
        get(`/api/v1/campaigns/${c.id}/participation`),
      ]);
      const reminders = await post(`/api/v1/campaigns/${c.id}/reminders`, undefined);
      return [...bodies, reminders].map((r) => r.text.replace(/"generatedAt":"[^"]+"/, '"generatedAt":""'));
    };
    const before = await reads();
    // The one Operations answer, the victim's.
    expect((await answer(h.app, token, 'Operations', 1)).status).toBe(201);
    const after = await reads();
    expect(after).toEqual(before);
    const report = JSON.parse(before[2]!);
    expect(report).toMatchObject({ published: false, n: null, responseRate: null });
    expect(JSON.parse(before[4]!).campaigns[0].n).toBeNull();
  });

  it('keeps live participation from executives and viewers: nothing they read changes with an answer, even settled', async () => {
    const c = await newCampaign({ closesAt: new Date(h.clock.now.getTime() + 14 * DAY).toISOString() });
    const token = c.created.surveyToken as string;
    for (let i = 0; i < 10; i++) expect((await answer(h.app, token, 'Sales')).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await answer(h.app, token, 'Operations')).status).toBe(201);
    h.clock.advance(DAY);
    const executive = (await post('/api/v1/tokens', { role: 'executive', orgIds: [c.orgId] })).body.token as string;
    const viewer = (await post('/api/v1/tokens', { role: 'viewer', orgIds: [], campaignId: c.id })).body
      .token as string;
    const live = `/api/v1/campaigns/${c.id}/participation`;
    const as = (who: string, paths: string[]) =>
      Promise.all(paths.map((path) => call(h.app, 'GET', path, { token: who })));
    // Every read an executive and a viewer have of this organisation and campaign.
    const reads = async () => {
      const responses = [
        ...(await as(executive, [
          '/api/v1/orgs',
          `/api/v1/orgs/${c.orgId}`,
          `/api/v1/orgs/${c.orgId}/campaigns`,
          `/api/v1/campaigns/${c.id}`,
          `/api/v1/campaigns/${c.id}/report`,
          `/api/v1/campaigns/${c.id}/report?format=csv`,
          `/api/v1/campaigns/${c.id}/waves`,
          `/api/v1/campaigns/${c.id}/account`,
          live,
        ])),
        ...(await as(viewer, [
          `/api/v1/campaigns/${c.id}/report`,
          `/api/v1/campaigns/${c.id}/report?format=csv`,
          `/api/v1/campaigns/${c.id}/waves`,
          `/api/v1/campaigns/${c.id}/account`,
          live,
        ])),
      ];
      return responses.map((r) => `${r.status} ${r.text.replace(/"generatedAt":"[^"]+"/g, '"generatedAt":""')}`);
    };
    const consultantTotal = async () => (await get(live)).body.total as number;

    const before = await reads();
    expect(before.filter((r) => r.startsWith('403'))).toHaveLength(2);
    expect(await consultantTotal()).toBe(15);
    expect((await answer(h.app, token, 'Operations', 1)).status).toBe(201);
    expect(await reads()).toEqual(before);
    // Once the answer's hour has settled, the runners' live count moves; the readers' answers still do not.
    h.clock.advance(2 * 3_600_000);
    expect(await consultantTotal()).toBe(16);
    expect(await reads()).toEqual(before);
  });

  it('says on creation and in every report that an open link cannot resist padding, and flags the burst', async () => {
    const start = h.clock.now.getTime();
    const c = await newCampaign({ closesAt: new Date(start + 14 * DAY).toISOString() });
    expect(c.created.protection).toMatchObject({ kind: 'open-link', resistsPadding: false });
    expect(c.created.protection.statement).toMatch(/minimum group size does not protect/);
    const token = c.created.surveyToken as string;

    // Ten real Sales answers and one real Operations answer over the first days.
    for (let i = 0; i < 10; i++) {
      h.clock.now = new Date(start + DAY + i * 3_600_000);
      expect((await answer(h.app, token, 'Sales')).status).toBe(201);
    }
    h.clock.now = new Date(start + 3 * DAY);
    expect((await answer(h.app, token, 'Operations', 1)).status).toBe(201);

    // Two hours before the close: four links, answered as Operations with known answers.
    h.clock.now = new Date(start + 14 * DAY - 2 * 3_600_000);
    const links = await post(`/api/v1/campaigns/${c.id}/invites`, { count: 4 });
    expect(links.body.warning).toMatch(/Whoever holds these links can answer/);
    for (const link of links.body.links as string[]) {
      expect((await answer(h.app, link.split('/s/')[1]!, 'Operations', 5)).status).toBe(201);
    }
    h.clock.now = new Date(start + 14 * DAY);
    expect((await post(`/api/v1/campaigns/${c.id}/close`, undefined)).status).toBe(200);
    h.clock.advance(DAY);

    const published = (await get(`/api/v1/campaigns/${c.id}/report`)).body;
    expect(published.published).toBe(true);
    expect(published.protection).toMatchObject({ kind: 'open-link', resistsPadding: false });
    // Operations shows at 5; it is flagged, Sales (answered days before) is not.
    expect(published.segments.department.find((s: { name: string }) => s.name === 'Operations').n).toBe(5);
    expect(published.lateBursts).toEqual([
      { breakdown: 'department', group: 'Operations', note: expect.stringMatching(/may have been added/) },
    ]);
    const page = renderReportBody(published);
    expect(page).toContain('How far small groups are protected');
    expect(page).toContain('the minimum group size does not protect against that');
    expect(page).toContain('Answers may have been added to make the group show');
  });

  it('tells apart invitation-only campaigns: mailed links resist padding, handed-out links do not', async () => {
    const mailedOnly = await newCampaign({ openLink: false });
    expect(mailedOnly.created.protection).toMatchObject({ kind: 'mailed-invitations', resistsPadding: true });
    await post(`/api/v1/campaigns/${mailedOnly.id}/invites`, { emails: ['one@example.com'] });
    const mailedReport = (await get(`/api/v1/campaigns/${mailedOnly.id}/report`)).body;
    expect(mailedReport.protection).toMatchObject({ kind: 'mailed-invitations', resistsPadding: true });

    const withLinks = await newCampaign({ openLink: false });
    await post(`/api/v1/campaigns/${withLinks.id}/invites`, { count: 2 });
    const linksReport = (await get(`/api/v1/campaigns/${withLinks.id}/report`)).body;
    expect(linksReport.protection).toMatchObject({ kind: 'handed-out-links', resistsPadding: false });
  });
});
