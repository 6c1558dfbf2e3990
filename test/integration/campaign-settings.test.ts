// Issue 16 (consultant): the close date, reminders, languages and open link change after creation, while the
// campaign is open, and the job, the survey and the report follow. Through the real app and the embedded store, on
// the harness's injected clock; every answer is held to the API description by `call`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDue } from '../../functions/lifecycle/lifecycle';
import type { Store } from '../../functions/store/store';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, makeSubmission, startHarness } from '../http/harness';

const DAY = 86_400_000;
let h: Harness;
let consultant: string;

const iso = (ms: number) => new Date(h.clock.now.getTime() + ms).toISOString();
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);
const patch = (id: string, body: unknown, app = h.app) =>
  call(app, 'PATCH', `/api/v1/campaigns/${id}`, { token: consultant, body });
const submit = (token: string) => call(h.app, 'POST', `/api/v1/surveys/${token}/responses`, { body: makeSubmission() });

async function newCampaign(body: Record<string, unknown> = {}) {
  const org = await call(h.app, 'POST', '/api/v1/orgs', { token: consultant, body: { name: 'Northwind' } });
  const made = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
    token: consultant,
    body: { name: 'Autumn wave', departments: ['Sales', 'Operations'], ...body },
  });
  expect(made.status).toBe(201);
  return made.body as { id: string; surveyToken: string | null; remindAt: string[] };
}

beforeAll(async () => {
  h = await startHarness();
  const key = await call(h.app, 'POST', '/api/v1/tokens', {
    token: ADMIN_TOKEN,
    body: { role: 'consultant', orgIds: [] },
  });
  consultant = key.body.token;
});
afterAll(() => h.close());

describe('moving the close date and the reminders', () => {
  it('the job closes at the new date and reminds at the new times only, on the injected clock', async () => {
    const campaign = await newCampaign({ closesAt: iso(10 * DAY), remindAt: [iso(3 * DAY)] });
    const invited = await call(h.app, 'POST', `/api/v1/campaigns/${campaign.id}/invites`, {
      token: consultant,
      body: { emails: ['ann@example.com'] },
    });
    expect(invited.status).toBe(201);
    const newClose = iso(14 * DAY);
    const newReminder = iso(5 * DAY);
    const moved = await patch(campaign.id, { closesAt: newClose, remindAt: [newReminder] });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ closesAt: newClose, remindAt: [newReminder], status: 'open' });
    const reminders = () => h.mail.filter((m) => m.kind === 'reminder' && m.to.email === 'ann@example.com').length;

    // The old reminder time passes: nothing goes out.
    h.clock.advance(3 * DAY + 3600_000);
    await runDue(h.deps, h.clock.now);
    expect(reminders()).toBe(0);
    // The new one does.
    h.clock.advance(2 * DAY);
    await runDue(h.deps, h.clock.now);
    expect(reminders()).toBe(1);
    // The old close date passes: still open, answers still taken.
    h.clock.advance(5 * DAY);
    await runDue(h.deps, h.clock.now);
    const still = await call(h.app, 'GET', `/api/v1/campaigns/${campaign.id}`, { token: consultant });
    expect(still.body).toMatchObject({ status: 'open', closedAt: null });
    expect((await submit(campaign.surveyToken!)).status).toBe(201);
    // The new close date closes it, with the close recorded at that date.
    h.clock.advance(4 * DAY);
    const run = await runDue(h.deps, h.clock.now);
    expect(run.closed).toBe(1);
    expect((await h.store.getCampaign(campaign.id))!.closedAt).toBe(newClose);
  });

  it('a campaign made before close dates could move (a plain close item) is not closed at its old date', async () => {
    const campaign = await newCampaign({ closesAt: iso(2 * DAY) });
    const old = (await h.store.getCampaign(campaign.id))!.closesAt!;
    // As such a campaign was stored: its close date's item closes whatever the date.
    await h.store.deleteDue({ dueAt: old, campaignId: campaign.id, kind: 'scheduled_close' });
    await h.store.putDue({ dueAt: old, campaignId: campaign.id, kind: 'close' });
    expect((await patch(campaign.id, { closesAt: iso(6 * DAY) })).status).toBe(200);
    h.clock.advance(3 * DAY);
    await runDue(h.deps, h.clock.now);
    expect((await h.store.getCampaign(campaign.id))!.closedAt).toBeNull();
  });

  it('moving the close date earlier closes it at the earlier date', async () => {
    const campaign = await newCampaign({ closesAt: iso(10 * DAY) });
    const earlier = iso(DAY);
    expect((await patch(campaign.id, { closesAt: earlier })).status).toBe(200);
    h.clock.advance(DAY + 60_000);
    expect((await runDue(h.deps, h.clock.now)).closed).toBeGreaterThanOrEqual(1);
    expect((await h.store.getCampaign(campaign.id))!.closedAt).toBe(earlier);
  });

  it('refuses a close date in the past or too soon, and reminders that no longer fit, naming the field', async () => {
    const campaign = await newCampaign({ closesAt: iso(10 * DAY), reminderDays: [7] });
    const cases: [unknown, string, RegExp][] = [
      [{ closesAt: iso(-60_000) }, 'closesAt', /in the future/],
      [{ closesAt: iso(60_000) }, 'closesAt', /at least 5 minutes/],
      // The kept reminder (day 7) would come after a close on day 5.
      [{ closesAt: iso(5 * DAY) }, 'remindAt', /after the new close date/],
      [{ remindAt: [iso(11 * DAY)] }, 'remindAt.0', /before closesAt/],
      [{ remindAt: [iso(-DAY)] }, 'remindAt.0', /in the future/],
      [{ reminderDays: [2], remindAt: [iso(DAY)] }, 'remindAt', /not both/],
      [{ closesAt: 'next friday' }, 'closesAt', /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await patch(campaign.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res), JSON.stringify(body)).toContain(field);
      expect(JSON.stringify(res.body.errors)).toMatch(message);
    }
    // Nothing changed; moved together with the reminders, it is fine.
    const stored = (await h.store.getCampaign(campaign.id))!;
    expect(stored.closesAt).toBe(iso(10 * DAY));
    const both = await patch(campaign.id, { closesAt: iso(5 * DAY), reminderDays: [2] });
    expect(both.status).toBe(200);
    expect(both.body.remindAt).toEqual([iso(2 * DAY)]);
    // No close date at all: closed by hand.
    const none = await patch(campaign.id, { closesAt: null });
    expect(none.body).toMatchObject({ closesAt: null, status: 'open' });
  });
});

describe('a closed campaign', () => {
  it('keeps its settings (409 settings-locked naming each field) but can be renamed and archived', async () => {
    const campaign = await newCampaign();
    await closeCampaign(h.app, campaign.id, consultant);
    const res = await patch(campaign.id, { closesAt: iso(DAY), openLink: false, languages: ['en'] });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/settings-locked$/);
    expect(fieldsOf(res).sort()).toEqual(['closesAt', 'languages', 'openLink']);
    expect(res.body.detail).toMatch(/closed/);
    expect((await patch(campaign.id, { name: 'Autumn wave (final)', archived: true })).body).toMatchObject({
      name: 'Autumn wave (final)',
      archived: true,
    });
  });

  it('a change racing the close loses: the conditional write sees the close, nothing changes', async () => {
    const campaign = await newCampaign({ closesAt: iso(10 * DAY) });
    // The close lands between the route's read and its write.
    const racing: Store = Object.create(h.store, {
      updateCampaignSettings: {
        value: async (...args: Parameters<Store['updateCampaignSettings']>) => {
          await h.store.markClosing(args[0], h.clock.now.toISOString());
          return h.store.updateCampaignSettings(...args);
        },
      },
    });
    const res = await patch(campaign.id, { closesAt: iso(20 * DAY) }, h.withDeps({ store: racing }));
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/settings-locked$/);
    expect(fieldsOf(res)).toEqual(['closesAt']);
    expect((await h.store.getCampaign(campaign.id))!.closesAt).toBe(iso(10 * DAY));
  });

  it('two changes decided on the same read: the second is a conflict and changes nothing', async () => {
    const campaign = await newCampaign({ closesAt: iso(10 * DAY) });
    const stale = (await h.store.getCampaign(campaign.id))!;
    const slow: Store = Object.create(h.store, {
      getCampaign: { value: async () => stale },
    });
    expect((await patch(campaign.id, { closesAt: iso(12 * DAY) })).status).toBe(200);
    const second = await patch(campaign.id, { closesAt: iso(20 * DAY) }, h.withDeps({ store: slow }));
    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/conflict$/);
    expect((await h.store.getCampaign(campaign.id))!.closesAt).toBe(iso(12 * DAY));
  });
});

describe('languages', () => {
  it('adds one the instrument has, refuses one it lacks, and keeps one invitations were mailed in', async () => {
    const campaign = await newCampaign({ languages: ['en'] });
    const added = await patch(campaign.id, { languages: ['en', 'de'] });
    expect(added.status).toBe(200);
    expect(added.body.languages).toEqual(['en', 'de']);
    const survey = await call(h.app, 'GET', `/api/v1/surveys/${campaign.surveyToken}?lang=de`);
    expect(survey.status).toBe(200);

    const unknown = await patch(campaign.id, { languages: ['en', 'xx'] });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toContain('languages.1');

    await call(h.app, 'POST', `/api/v1/campaigns/${campaign.id}/invites`, {
      token: consultant,
      body: { emails: ['jan@example.com'], language: 'de' },
    });
    const removed = await patch(campaign.id, { languages: ['en'] });
    expect(removed.status).toBe(409);
    expect(removed.body.type).toMatch(/language-in-use$/);
    expect(fieldsOf(removed)).toEqual(['languages']);
    expect(removed.body.detail).toMatch(/"de"/);
    // Its first language may change; one no invitation was mailed in may go.
    const reordered = await patch(campaign.id, { languages: ['de', 'en'] });
    expect(reordered.body.languages).toEqual(['de', 'en']);
  });

  it('removes a language no invitation was mailed in; the survey then refuses it', async () => {
    const campaign = await newCampaign({ languages: ['en', 'zh'] });
    expect((await patch(campaign.id, { languages: ['en'] })).status).toBe(200);
    const survey = await call(h.app, 'GET', `/api/v1/surveys/${campaign.surveyToken}?lang=zh`);
    expect(survey.status).toBe(400);
  });
});

describe('the open link', () => {
  it('turned off, stops at once (API and page), and the report keeps saying an open link took answers', async () => {
    const campaign = await newCampaign();
    const token = campaign.surveyToken!;
    // This instance has the campaign in its cache from a first answer.
    expect((await submit(token)).status).toBe(201);
    const off = await patch(campaign.id, { openLink: false });
    expect(off.status).toBe(200);
    expect(off.body.openLink).toBe(false);
    expect(off.body.surveyToken).toBeUndefined();
    const refused = await submit(token);
    expect(refused.status).toBe(404);
    expect((await h.app.request(`/s/${token}`)).status).toBe(404);
    // Its link is gone from the table (only invitations answer now).
    const linkItems = (await h.scanAll()).filter((i) => i.entity === 'surveyLink' && i.campaignId === campaign.id);
    expect(linkItems).toHaveLength(0);
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaign.id}/report`, { token: consultant });
    expect(report.body.protection).toMatchObject({ kind: 'open-link', resistsPadding: false });
  });

  it('turned on again, makes a new link shown once; the old one stays dead', async () => {
    const campaign = await newCampaign({ openLink: false });
    expect(campaign.surveyToken).toBeNull();
    const on = await patch(campaign.id, { openLink: true });
    expect(on.status).toBe(200);
    expect(on.body.openLink).toBe(true);
    expect(on.body.surveyUrl).toBe(`https://orgos.test/s/${on.body.surveyToken}`);
    expect((await submit(on.body.surveyToken)).status).toBe(201);
    // Only the hash is stored.
    expect(JSON.stringify(await h.scanAll())).not.toContain(on.body.surveyToken);
    // Asking again while on makes no new link.
    const again = await patch(campaign.id, { openLink: true });
    expect(again.body.surveyToken).toBeUndefined();

    const off = await patch(campaign.id, { openLink: false });
    expect(off.status).toBe(200);
    const third = await patch(campaign.id, { openLink: true });
    expect(third.body.surveyToken).not.toBe(on.body.surveyToken);
    expect((await submit(on.body.surveyToken)).status).toBe(404);
    expect((await submit(third.body.surveyToken)).status).toBe(201);
  });
});

describe('GET /api/v1/campaigns/{campaignId}/leadership', () => {
  it('answers empty while nothing is stored, then what was put, with levels and the time', async () => {
    const campaign = await newCampaign();
    const path = `/api/v1/campaigns/${campaign.id}/leadership`;
    const empty = await call(h.app, 'GET', path, { token: consultant });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ campaignId: campaign.id, respondents: [], updatedAt: null });

    const answers = makeSubmission().answers;
    const put = await call(h.app, 'PUT', path, {
      token: consultant,
      body: { respondents: [{ answers }, { answers: makeSubmission().answers, level: 'manager' }] },
    });
    expect(put.status).toBe(200);
    const stored = await call(h.app, 'GET', path, { token: consultant });
    expect(stored.body.updatedAt).toBe(put.body.updatedAt);
    expect(stored.body.respondents.map((r: { level: string }) => r.level)).toEqual(['executive', 'manager']);
    expect(stored.body.respondents[0].answers).toEqual(answers);
  });
});
