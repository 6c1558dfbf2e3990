// Issue 16 (consultant): renaming, archiving and deleting organisations and campaigns, duplicate organisation names,
// and editing departments before the first answer. Through the real app and the embedded store; every answer is held
// to the API description by `call`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { googleFormsCsv } from '../cli/tool-exports';
import { makeResponses } from '../factories';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

let h: Harness;
let consultant: string;
let otherConsultant: string;

async function created(path: string, token: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** Items of the table whose content names the id anywhere (keys, GSI keys or attributes). */
const itemsNaming = async (id: string) => (await h.scanAll()).filter((item) => JSON.stringify(item).includes(id));

const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  h = await startHarness();
  consultant = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
  otherConsultant = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
});
afterAll(() => h.close());

describe('PATCH /api/v1/orgs/{orgId}', () => {
  it('renames and archives, and every view of the organisation says archived', async () => {
    const org = await created('/api/v1/orgs', consultant, { name: 'Northwind' });
    expect(org.archived).toBe(false);
    const renamed = await call(h.app, 'PATCH', `/api/v1/orgs/${org.id}`, {
      token: consultant,
      body: { name: '  Northwind Traders  ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: org.id,
      name: 'Northwind Traders',
      archived: false,
      duplicateName: false,
    });
    const archived = await call(h.app, 'PATCH', `/api/v1/orgs/${org.id}`, {
      token: consultant,
      body: { archived: true },
    });
    expect(archived.body).toMatchObject({ name: 'Northwind Traders', archived: true });
    const one = await call(h.app, 'GET', `/api/v1/orgs/${org.id}`, { token: consultant });
    expect(one.body.archived).toBe(true);
    const list = await call(h.app, 'GET', '/api/v1/orgs', { token: consultant });
    expect(list.body.orgs.find((o: { id: string }) => o.id === org.id)).toMatchObject({
      archived: true,
      campaignCount: 0,
    });
    const back = await call(h.app, 'PATCH', `/api/v1/orgs/${org.id}`, { token: consultant, body: { archived: false } });
    expect(back.body.archived).toBe(false);
  });

  it('refuses an empty body, an unknown field and a bad name, naming the field, and changes nothing', async () => {
    const org = await created('/api/v1/orgs', consultant, { name: 'Contoso' });
    const cases: [unknown, string][] = [
      [{}, 'body'],
      [{ colour: 'red' }, 'colour'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ archived: 'yes' }, 'archived'],
    ];
    for (const [body, field] of cases) {
      const res = await call(h.app, 'PATCH', `/api/v1/orgs/${org.id}`, { token: consultant, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(fieldsOf(res)).toContain(field);
    }
    const after = await call(h.app, 'GET', `/api/v1/orgs/${org.id}`, { token: consultant });
    expect(after.body).toMatchObject({ name: 'Contoso', archived: false });
  });

  it("answers another consultant's organisation with 404 and leaves it as it was", async () => {
    const foreign = await created('/api/v1/orgs', otherConsultant, { name: 'Foreign Co' });
    const patch = await call(h.app, 'PATCH', `/api/v1/orgs/${foreign.id}`, {
      token: consultant,
      body: { name: 'Taken' },
    });
    expect(patch.status).toBe(404);
    const del = await call(h.app, 'DELETE', `/api/v1/orgs/${foreign.id}`, { token: consultant });
    expect(del.status).toBe(404);
    expect((await h.store.getOrg(foreign.id))?.name).toBe('Foreign Co');
  });
});

describe('duplicate organisation names', () => {
  it('accepts a name used by another organisation of the portfolio, says so, and counts campaigns to tell them apart', async () => {
    const first = await created('/api/v1/orgs', consultant, { name: 'Fabrikam Bank' });
    expect(first.duplicateName).toBe(false);
    // Case and spacing folded.
    const second = await created('/api/v1/orgs', consultant, { name: ' fabrikam   BANK ' });
    expect(second.duplicateName).toBe(true);
    await created(`/api/v1/orgs/${second.id}/campaigns`, consultant, { name: 'Wave 1', departments: ['Sales'] });
    const list = await call(h.app, 'GET', '/api/v1/orgs', { token: consultant });
    const both = list.body.orgs.filter((o: { id: string }) => [first.id, second.id].includes(o.id));
    expect(both.map((o: { campaignCount: number }) => o.campaignCount).sort()).toEqual([0, 1]);
    expect(both.every((o: { createdAt: string }) => typeof o.createdAt === 'string')).toBe(true);
    // Renaming onto a name in use says so too; renaming away does not.
    const third = await created('/api/v1/orgs', consultant, { name: 'Litware' });
    const onto = await call(h.app, 'PATCH', `/api/v1/orgs/${third.id}`, {
      token: consultant,
      body: { name: 'FABRIKAM bank' },
    });
    expect(onto.body.duplicateName).toBe(true);
    const away = await call(h.app, 'PATCH', `/api/v1/orgs/${third.id}`, {
      token: consultant,
      body: { name: 'Litware' },
    });
    expect(away.body.duplicateName).toBe(false);
  });

  it("does not count another consultant's organisations (nor say their names)", async () => {
    await created('/api/v1/orgs', otherConsultant, { name: 'Tailspin Toys' });
    const mine = await created('/api/v1/orgs', consultant, { name: 'Tailspin Toys' });
    expect(mine.duplicateName).toBe(false);
  });
});

describe('DELETE /api/v1/orgs/{orgId}', () => {
  it('refuses while the organisation has a campaign, and keeps everything', async () => {
    const { orgId } = await seedCampaign(h.app, {}, consultant);
    const res = await call(h.app, 'DELETE', `/api/v1/orgs/${orgId}`, { token: consultant });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/org-has-campaigns$/);
    expect(res.body.detail).toMatch(/delete or archive them first/);
    expect(await h.store.getOrg(orgId)).not.toBeNull();
  });

  it('deletes an organisation without campaigns with its profile, contacts and operating account: nothing is left', async () => {
    const org = await created('/api/v1/orgs', consultant, { name: 'Wide World Importers' });
    const base = `/api/v1/orgs/${org.id}`;
    expect((await call(h.app, 'PUT', `${base}/profile`, { token: consultant, body: { seats: 40 } })).status).toBe(200);
    const contacts = { contacts: [{ name: 'Ada', email: 'ada@wwi.example' }] };
    expect((await call(h.app, 'PUT', `${base}/contacts`, { token: consultant, body: contacts })).status).toBe(200);
    await created(`${base}/account/entries`, consultant, {
      clientKey: 'delete-org-entry-1',
      ledger: 'time',
      title: 'Month-end decks',
    });
    expect((await itemsNaming(org.id)).length).toBeGreaterThan(3);

    const res = await call(h.app, 'DELETE', base, { token: consultant });
    expect(res.status).toBe(204);
    expect(await itemsNaming(org.id)).toEqual([]);
    expect((await call(h.app, 'GET', base, { token: consultant })).status).toBe(404);
    const list = await call(h.app, 'GET', '/api/v1/orgs', { token: consultant });
    expect(list.body.orgs.map((o: { id: string }) => o.id)).not.toContain(org.id);
  });
});

describe('PATCH /api/v1/campaigns/{campaignId}', () => {
  it('renames: the report and the comparison show the new name', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, {}, consultant);
    for (let i = 0; i < 5; i++) {
      await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    }
    await closeCampaign(h.app, campaignId, consultant);
    const res = await call(h.app, 'PATCH', `/api/v1/campaigns/${campaignId}`, {
      token: consultant,
      body: { name: 'Spring pulse' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: campaignId, name: 'Spring pulse', archived: false });
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: consultant });
    expect(report.body.campaign.name).toBe('Spring pulse');
    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${campaignId}`, { token: consultant });
    expect(compare.body.campaigns[0].name).toBe('Spring pulse');
  });

  it('changes departments before the first answer, normalised, and refuses them once one is stored', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, {}, consultant);
    const path = `/api/v1/campaigns/${campaignId}`;
    const changed = await call(h.app, 'PATCH', path, {
      token: consultant,
      body: { departments: ['Credit, risk and collections', '  Sales\u200b  ', 'Operations'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.departments).toEqual(['Credit, risk and collections', 'Sales', 'Operations']);
    // The survey offers them at once.
    const survey = await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}`);
    expect(JSON.stringify(survey.body)).toContain('Credit, risk and collections');

    const duplicate = await call(h.app, 'PATCH', path, {
      token: consultant,
      body: { departments: ['Sales', 'Operations', 'sales '] },
    });
    expect(duplicate.status).toBe(400);
    expect(fieldsOf(duplicate)).toEqual(['departments[2]']);
    for (const [departments, field] of [
      [[], 'departments'],
      [Array.from({ length: 51 }, (_, i) => `D${i}`), 'departments'],
      [['Sales', '__proto__'], 'departments[1]'],
    ] as const) {
      const res = await call(h.app, 'PATCH', path, { token: consultant, body: { departments } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }

    const answer = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
      body: makeSubmission({ department: 'Sales' }),
    });
    expect(answer.status).toBe(201);
    const locked = await call(h.app, 'PATCH', path, { token: consultant, body: { departments: ['Sales'] } });
    expect(locked.status).toBe(409);
    expect(locked.body.type).toMatch(/departments-locked$/);
    // Nothing half-written: a rename in the same refused request did not land either.
    const both = await call(h.app, 'PATCH', path, {
      token: consultant,
      body: { name: 'Renamed', departments: ['Sales'] },
    });
    expect(both.status).toBe(409);
    const after = await call(h.app, 'GET', path, { token: consultant });
    expect(after.body).toMatchObject({
      name: 'Wave 1',
      departments: ['Credit, risk and collections', 'Sales', 'Operations'],
    });
    // The same list again is no change, so it is not refused.
    const same = await call(h.app, 'PATCH', path, {
      token: consultant,
      body: { name: 'Renamed', departments: ['Credit, risk and collections', 'Sales', 'Operations'] },
    });
    expect(same.status).toBe(200);
  });

  it('archives only a closed campaign', async () => {
    const { orgId, campaignId } = await seedCampaign(h.app, {}, consultant);
    const path = `/api/v1/campaigns/${campaignId}`;
    const open = await call(h.app, 'PATCH', path, { token: consultant, body: { archived: true } });
    expect(open.status).toBe(409);
    expect(open.body.type).toMatch(/campaign-open$/);
    expect((await call(h.app, 'GET', path, { token: consultant })).body.archived).toBe(false);
    await closeCampaign(h.app, campaignId, consultant);
    const archived = await call(h.app, 'PATCH', path, { token: consultant, body: { archived: true } });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, status: 'closed' });
    const list = await call(h.app, 'GET', `/api/v1/orgs/${orgId}/campaigns`, { token: consultant });
    expect(list.body.campaigns[0].archived).toBe(true);
    const empty = await call(h.app, 'PATCH', path, { token: consultant, body: {} });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty)).toEqual(['body']);
  });

  it("answers another consultant's campaign with 404", async () => {
    const foreign = await seedCampaign(h.app, {}, otherConsultant);
    const res = await call(h.app, 'PATCH', `/api/v1/campaigns/${foreign.campaignId}`, {
      token: consultant,
      body: { name: 'Mine now' },
    });
    expect(res.status).toBe(404);
    const del = await call(h.app, 'DELETE', `/api/v1/campaigns/${foreign.campaignId}`, { token: consultant });
    expect(del.status).toBe(404);
    expect((await h.store.getCampaign(foreign.campaignId))?.name).toBe('Wave 1');
  });
});

describe('DELETE /api/v1/campaigns/{campaignId}', () => {
  it('deletes a campaign nobody answered, with its links, invites, viewer links and reminders: nothing is left', async () => {
    const remindAt = [new Date(h.clock.now.getTime() + 2 * 86_400_000).toISOString()];
    const closesAt = new Date(h.clock.now.getTime() + 7 * 86_400_000).toISOString();
    const { orgId, campaignId, surveyToken } = await seedCampaign(h.app, { remindAt, closesAt }, consultant);
    const base = `/api/v1/campaigns/${campaignId}`;
    const links = await created(`${base}/invites`, consultant, { count: 2 });
    await created(`${base}/invites`, consultant, { emails: ['someone@example.com'] });
    await created(`${base}/viewer-links`, consultant, { label: 'Board' });
    await call(h.app, 'PUT', `${base}/leadership`, {
      token: consultant,
      body: { respondents: [{ answers: makeSubmission().answers }] },
    });
    expect((await itemsNaming(campaignId)).length).toBeGreaterThan(6);

    const res = await call(h.app, 'DELETE', base, { token: consultant });
    expect(res.status).toBe(204);
    expect(await itemsNaming(campaignId)).toEqual([]);
    expect((await call(h.app, 'GET', base, { token: consultant })).status).toBe(404);
    expect((await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}`)).status).toBe(404);
    const invited = new URL(links.links[0]).pathname.split('/').pop()!;
    expect((await call(h.app, 'GET', `/api/v1/surveys/${invited}`)).status).toBe(404);
    // The organisation is now empty, and can go too.
    expect((await call(h.app, 'DELETE', `/api/v1/orgs/${orgId}`, { token: consultant })).status).toBe(204);
  });

  it('also removes link items a crash left that the campaign never named (a new open link, an invite’s link)', async () => {
    const { campaignId } = await seedCampaign(h.app, { openLink: false }, consultant);
    const base = `/api/v1/campaigns/${campaignId}`;
    // A crash between storing a new open link and the settings change that names it: the store made the link, as
    // updateSettings does first, and the campaign was never updated; likewise an invite's link without its invite.
    const at = h.clock.now.toISOString();
    const orphanOpen = { id: 'orphanopen1', hash: 'a'.repeat(64), campaignId, createdAt: at };
    const orphanInvite = { id: 'orphaninvite1', hash: 'b'.repeat(64), campaignId, inviteId: 'gone', createdAt: at };
    await h.store.putSurveyLink(orphanOpen);
    await h.store.putSurveyLink(orphanInvite);
    expect((await h.store.getCampaign(campaignId))?.surveyLinkId).toBeNull();
    // Then the link is turned on for real: a second, named link.
    const on = await call(h.app, 'PATCH', base, { token: consultant, body: { openLink: true } });
    expect(on.status).toBe(200);
    expect((await h.store.getCampaign(campaignId))?.surveyLinkId).not.toBeNull();

    expect((await call(h.app, 'DELETE', base, { token: consultant })).status).toBe(204);
    expect(await h.store.getSurveyLink(orphanOpen.id, h.clock.now)).toBeNull();
    expect(await h.store.getSurveyLink(orphanInvite.id, h.clock.now)).toBeNull();
    expect(await itemsNaming(campaignId)).toEqual([]);
  });

  it('refuses once a response arrived (a stale page), and keeps the campaign whole', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, {}, consultant);
    const before = (await itemsNaming(campaignId)).length;
    const answer = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    expect(answer.status).toBe(201);
    const res = await call(h.app, 'DELETE', `/api/v1/campaigns/${campaignId}`, { token: consultant });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/campaign-has-responses$/);
    expect(res.body.detail).toMatch(/archive/);
    expect((await itemsNaming(campaignId)).length).toBe(before + 1);
    expect((await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}`)).status).toBe(200);
  });

  it('refuses once answers were imported, and once a withdrawn response is all there is', async () => {
    const imported = await seedCampaign(h.app, { departments: ['Sales'] }, consultant);
    const csv = new TextDecoder().decode(
      googleFormsCsv(CURRENT_INSTRUMENT, makeResponses(2, 7, { departments: ['Sales'] })).bytes,
    );
    const upload = await call(h.app, 'POST', `/api/v1/campaigns/${imported.campaignId}/imports`, {
      token: consultant,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status).toBe(201);
    const del = await call(h.app, 'DELETE', `/api/v1/campaigns/${imported.campaignId}`, { token: consultant });
    expect(del.status).toBe(409);
    const locked = await call(h.app, 'PATCH', `/api/v1/campaigns/${imported.campaignId}`, {
      token: consultant,
      body: { departments: ['Sales', 'Risk'] },
    });
    expect(locked.status).toBe(409);

    const withdrawn = await seedCampaign(h.app, {}, consultant);
    const answer = await call(h.app, 'POST', `/api/v1/surveys/${withdrawn.surveyToken}/responses`, {
      body: makeSubmission(),
    });
    expect((await call(h.app, 'DELETE', `/api/v1/responses/${answer.body.receipt}`)).status).toBe(204);
    const res = await call(h.app, 'DELETE', `/api/v1/campaigns/${withdrawn.campaignId}`, { token: consultant });
    expect(res.status).toBe(409);
  });
});
