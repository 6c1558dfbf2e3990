import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../functions/api/deps';
import { statsOptions } from '../../functions/api/stats-options';
import { CLOSE_GRACE_MS } from '../../functions/lifecycle/answer-window';
import { OutboxMailer } from '../../functions/mail/outbox-mailer';
import { lifecycleHandler } from '../../functions/scheduler/handler';
import {
  codeIn,
  type Harness,
  makeAnswers,
  makeSubmission,
  PUBLIC_URL,
  call as request,
  startHarness,
  viewerCookie,
} from '../http/harness';
import { linkIn, outboxWatch, readOutbox } from '../mail/eml';

// A campaign from invitation to delivered report, against dynalite, with the mail written to an outbox folder as the
// local server writes it: invite, answer through an invite, a second answer with it refused, reminders that reach
// only those who have not answered, close, the executive's report link opening the report.

const DAY = 86_400_000;
let h: Harness;
let dir: string;
let outbox: string;
let app: Harness['app'];
let deps: AppDeps;
let consultant: string;

beforeAll(async () => {
  h = await startHarness();
  dir = await mkdtemp(join(tmpdir(), 'orgos-outbox-'));
  outbox = join(dir, 'outbox');
  deps = { ...h.deps, mailer: new OutboxMailer('orgos@orgos.test', outbox, () => h.clock.now) };
  app = h.withDeps({ mailer: deps.mailer! });
  consultant = (
    await request(app, 'POST', '/api/v1/tokens', {
      token: 'test-admin-token-0123456789abcdef',
      body: { role: 'consultant', orgIds: [] },
    })
  ).body.token;
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const call = (method: string, path: string, options: Parameters<typeof request>[3] = {}) =>
  request(app, method, path, { token: consultant, ...options });
const answer = (surveyUrl: string, body: Record<string, unknown> = makeSubmission()) =>
  request(app, 'POST', `/api/v1/surveys/${new URL(surveyUrl).pathname.split('/')[2]}/responses`, { body });

async function newCampaign(body: Record<string, unknown> = {}, contacts: { name: string; email: string }[] = []) {
  const org = (await call('POST', '/api/v1/orgs', { body: { name: `Northwind ${randomUUID().slice(0, 4)}` } })).body;
  await call('PUT', `/api/v1/orgs/${org.id}/contacts`, { body: { contacts } });
  const campaign = await call('POST', `/api/v1/orgs/${org.id}/campaigns`, {
    body: { name: 'Autumn wave', departments: ['Sales', 'Operations'], ...body },
  });
  expect(campaign.status).toBe(201);
  return { orgId: org.id as string, id: campaign.body.id as string, surveyToken: campaign.body.surveyToken as string };
}

const INVITEES = [
  'ann@example.com',
  'ben@example.com',
  'cai@example.com',
  'dora@example.com',
  'emil@example.com',
  'fay@example.com',
];

describe('a campaign from invitation to delivered report', () => {
  it('runs the whole cycle through the outbox', async () => {
    const closesAt = new Date(h.clock.now.getTime() + 14 * DAY).toISOString();
    const campaign = await newCampaign({ closesAt }, [{ name: 'Dana Whitfield', email: 'dana@northwind.example' }]);

    // Invitations: one message per address, each with its own single-use link.
    const invited = await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { emails: INVITEES } });
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({
      campaignId: campaign.id,
      emailed: 6,
      alreadyInvited: 0,
      failed: 0,
      pending: 0,
      notSent: 0,
    });
    // Inviting an address twice sends nothing more.
    const again = await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, {
      body: { emails: ['ANN@example.com'] },
    });
    expect(again.body).toMatchObject({ emailed: 0, alreadyInvited: 1 });

    let mail = await readOutbox(outbox);
    const invitations = mail.filter((m) => m.kind === 'invitation');
    expect(invitations.map((m) => m.to).sort()).toEqual([...INVITEES].sort());
    const linkOf = new Map(invitations.map((m) => [m.to, linkIn(m.text, `${PUBLIC_URL}/s/`)]));
    expect(new Set(linkOf.values()).size).toBe(6);
    for (const m of invitations) {
      expect(m.headers.From).toBe('orgos@orgos.test');
      expect(m.headers['Content-Type']).toMatch(/^multipart\/alternative; boundary=/);
      expect(m.headers['List-Unsubscribe']).toMatch(new RegExp(`^<${PUBLIC_URL}/u/[0-9a-f]{24}[A-Za-z0-9_-]{43}>$`));
      expect(m.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(m.subject).toContain('a short survey on how we work with AI');
      expect(m.text).toContain('Your answers are anonymous');
      expect(m.text).toContain('To get no reminders about it:');
      expect(m.html).toContain(`href="${linkOf.get(m.to)}"`);
    }

    // Three invitees answer through their links; a second answer through a used link is refused.
    const answeredBy = ['ann@example.com', 'cai@example.com', 'emil@example.com'];
    const first = makeSubmission();
    expect((await answer(linkOf.get('ann@example.com')!, first)).status).toBe(201);
    for (const who of answeredBy.slice(1)) expect((await answer(linkOf.get(who)!)).status).toBe(201);
    const second = await answer(linkOf.get('ann@example.com')!);
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(second.body.type).toBe('/api/docs#problem-invite-used');
    // A retry of the first answer is still answered as the first was.
    const retry = await answer(linkOf.get('ann@example.com')!, first);
    expect(retry.status).toBe(200);
    // Opening a used link says so at once.
    const used = new URL(linkOf.get('ann@example.com')!).pathname.split('/')[2];
    expect((await request(app, 'GET', `/api/v1/surveys/${used}`)).status).toBe(409);
    // The open link keeps working (openLink defaults to true), and so do links handed out as a batch.
    expect((await answer(`${PUBLIC_URL}/s/${campaign.surveyToken}`)).status).toBe(201);
    const batch = await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { count: 2 } });
    expect(batch.status).toBe(201);
    expect(batch.body.links).toHaveLength(2);
    expect((await answer(batch.body.links[0])).status).toBe(201);

    // No reminder within a day of the invitation.
    const early = await outboxWatch(outbox);
    expect((await call('POST', `/api/v1/campaigns/${campaign.id}/reminders`)).status).toBe(200);
    expect(await early()).toEqual([]);

    // A day on, reminders reach exactly the invitees who have not answered through their invitation; the answer
    // says no count, which would tell how many answered.
    h.clock.advance(DAY);
    const reminded = await call('POST', `/api/v1/campaigns/${campaign.id}/reminders`);
    expect(reminded.body).toEqual({ campaignId: campaign.id, detail: expect.any(String) });
    mail = await readOutbox(outbox);
    const reminders = mail.filter((m) => m.kind === 'reminder');
    expect(reminders.map((m) => m.to).sort()).toEqual(['ben@example.com', 'dora@example.com', 'fay@example.com']);
    for (const m of reminders) {
      // Each carries the recipient's own link again, and nothing about anyone else.
      expect(linkIn(m.text, `${PUBLIC_URL}/s/`)).toBe(linkOf.get(m.to));
      for (const other of INVITEES) if (other !== m.to) expect(`${m.text}${m.html}`).not.toContain(other);
    }
    // Asking again at once sends nothing: at most one reminder a day each.
    const again2 = await outboxWatch(outbox);
    await call('POST', `/api/v1/campaigns/${campaign.id}/reminders`);
    expect(await again2()).toEqual([]);

    // Fay unsubscribes with the one-click link of her invitation; Dora answers. A day later only Ben is reminded.
    const fay = invitations.find((m) => m.to === 'fay@example.com')!;
    const unsubscribe = fay.headers['List-Unsubscribe']!.slice(1, -1);
    const page = await app.request(new URL(unsubscribe).pathname);
    expect(await page.text()).toContain('Send no more reminders');
    const oneClick = await app.request(new URL(unsubscribe).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('you will get no more reminders');
    expect((await answer(linkOf.get('dora@example.com')!)).status).toBe(201);
    const fresh = await outboxWatch(outbox);
    h.clock.advance(DAY);
    expect((await call('POST', `/api/v1/campaigns/${campaign.id}/reminders`)).status).toBe(200);
    expect((await fresh()).map((m) => [m.kind, m.to])).toEqual([['reminder', 'ben@example.com']]);

    // While open: no figures, no names, and no count or response rate to watch grow.
    const open = await call('GET', `/api/v1/campaigns/${campaign.id}/report`);
    expect(open.body).toMatchObject({ published: false, n: null, responseRate: null });

    // Close: no more answers, and Dana receives a report viewer link of her own.
    const closed = await call('POST', `/api/v1/campaigns/${campaign.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', reportLinksSent: 1 });
    expect((await answer(linkOf.get('ben@example.com')!)).status).toBe(410);
    const reports = (await fresh()).filter((m) => m.kind === 'report');
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report.headers.To).toBe('"Dana Whitfield" <dana@northwind.example>');
    expect(report.subject).toBe('Autumn wave: the readiness report is ready');
    // No List-Unsubscribe: nothing would handle it (contacts are managed by their consultant, as the mail says).
    expect(report.headers['List-Unsubscribe']).toBeUndefined();
    const reportUrl = linkIn(report.text, `${PUBLIC_URL}/report.html#`);
    // The format the report page reads: #view=<code>, a code it exchanges for a viewer session (no API key).
    expect(reportUrl).toMatch(/\/report\.html#view=[A-Za-z0-9_-]{43}$/);
    const cookie = await viewerCookie(app, reportUrl);
    const headers = { cookie };
    // The link works at once; for the settling window after the close it says when the results appear.
    const settling = await request(app, 'GET', `/api/v1/campaigns/${campaign.id}/report`, { headers });
    expect(settling.status).toBe(200);
    expect(settling.body).toMatchObject({ published: false, n: 6, campaign: { status: 'closed' } });
    expect(settling.body.reason).toMatch(/^Results are being finalised and appear at \d\d:\d\d UTC/);
    expect(settling.body).not.toHaveProperty('layers');
    h.clock.advance(statsOptions(h.deps).safetyMs + CLOSE_GRACE_MS);
    const published = await request(app, 'GET', `/api/v1/campaigns/${campaign.id}/report`, { headers });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      published: true,
      suppressed: false,
      n: 6,
      campaign: { status: 'closed' },
      responseRate: { rate: 0.625, responded: 5, invited: 8, basis: 'invites' },
    });
    expect(typeof published.body.layers.roles.score).toBe('number');
    // Closing again sends nothing more.
    expect((await call('POST', `/api/v1/campaigns/${campaign.id}/close`)).body.reportLinksSent).toBe(0);
    // The link reaches that report only: nothing else of the organisation, and nothing that changes anything.
    expect((await request(app, 'GET', `/api/v1/orgs/${campaign.orgId}/campaigns`, { headers })).status).toBe(403);
    expect((await request(app, 'POST', `/api/v1/campaigns/${campaign.id}/close`, { headers })).status).toBe(403);
    // The link expires after 30 days; exchanging its code again is refused then too.
    h.clock.advance(31 * DAY);
    expect((await request(app, 'GET', `/api/v1/campaigns/${campaign.id}/report`, { headers })).status).toBe(401);
    const late = await request(app, 'POST', '/api/v1/auth/viewer', { body: { code: codeIn(reportUrl, 'view') } });
    expect(late.status).toBe(401);
    h.clock.advance(-31 * DAY - statsOptions(h.deps).safetyMs - CLOSE_GRACE_MS);

    // Nothing stored ties an invitee to an answer: no claims left, days not times, and no address after the close.
    const items = await h.scanAll();
    const invites = items.filter((i) => i.entity === 'invite' && i.campaignId === campaign.id);
    expect(invites).toHaveLength(8);
    for (const invite of invites) {
      expect(invite).not.toHaveProperty('email');
      expect(invite).not.toHaveProperty('claim');
      if (invite.usedAt) expect(invite.usedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const responses = items.filter((i) => i.entity === 'response' && i.campaignId === campaign.id);
    expect(responses).toHaveLength(6);
    const inviteIds = invites.map((i) => i.id as string);
    for (const r of responses) {
      const text = JSON.stringify(r);
      for (const id of inviteIds) expect(text).not.toContain(id);
    }
  });

  it('never says who answered: no API answer or message carries an invitee or a sign of their answer', async () => {
    const campaign = await newCampaign({}, [{ name: 'Dana', email: 'dana@northwind.example' }]);
    const emails = ['p1@example.com', 'p2@example.com', 'p3@example.com', 'p4@example.com', 'p5@example.com'];
    const bodies: string[] = [];
    const record = async (res: Promise<{ text: string }>) => bodies.push((await res).text);
    const fresh = await outboxWatch(outbox);
    await record(call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { emails } }));
    const mail = await fresh();
    await answer(linkIn(mail.find((m) => m.to === 'p2@example.com')!.text, `${PUBLIC_URL}/s/`));
    h.clock.advance(DAY);
    await record(call('GET', `/api/v1/campaigns/${campaign.id}`));
    await record(call('GET', `/api/v1/orgs/${campaign.orgId}/campaigns`));
    await record(call('GET', `/api/v1/campaigns/${campaign.id}/report`));
    await record(call('GET', `/api/v1/campaigns/${campaign.id}/report?format=csv`));
    await record(call('POST', `/api/v1/campaigns/${campaign.id}/reminders`));
    await record(call('POST', `/api/v1/campaigns/${campaign.id}/close`));
    await record(call('GET', `/api/v1/campaigns/${campaign.id}/report`));
    for (const body of bodies) for (const email of emails) expect(body).not.toContain(email);
    const sent = await fresh();
    // The reminders go to the four who did not answer, and say nothing of the one who did; the report mail names nobody.
    expect(
      sent
        .filter((m) => m.kind === 'reminder')
        .map((m) => m.to)
        .sort(),
    ).toEqual(emails.filter((e) => e !== 'p2@example.com'));
    for (const m of sent) {
      const others = emails.filter((e) => e !== m.to);
      for (const email of others) expect(`${m.text}${m.html}${m.subject}`).not.toContain(email);
    }
    const report = sent.find((m) => m.kind === 'report')!;
    for (const email of emails) expect(`${report.text}${report.html}`).not.toContain(email);
  });

  it('takes answers through invitations only when the open link is turned off', async () => {
    const campaign = await newCampaign({ openLink: false });
    expect(campaign.surveyToken).toBeNull();
    const { body } = await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { count: 1 } });
    expect((await answer(body.links[0])).status).toBe(201);
    const view = await call('GET', `/api/v1/campaigns/${campaign.id}`);
    expect(view.body.openLink).toBe(false);
  });
});

describe('the scheduled lifecycle job', () => {
  it('sends reminders at their time only to those who have not answered, closes at closesAt and delivers once', async () => {
    const start = h.clock.now.getTime();
    const campaign = await newCampaign({ closesAt: new Date(start + 10 * DAY).toISOString(), reminderDays: [3, 7] }, [
      { name: 'Dana', email: 'dana@sched.example' },
    ]);
    const emails = ['q1@example.com', 'q2@example.com', 'q3@example.com', 'q4@example.com', 'q5@example.com'];
    const fresh = await outboxWatch(outbox);
    await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { emails } });
    const links = new Map((await fresh()).map((m) => [m.to, linkIn(m.text, `${PUBLIC_URL}/s/`)]));
    for (const who of ['q1@example.com', 'q4@example.com']) expect((await answer(links.get(who)!)).status).toBe(201);
    const run = lifecycleHandler(deps);

    // Nothing is due yet.
    expect(await run()).toMatchObject({ closed: 0, reminded: 0, failed: 0 });
    expect(await fresh()).toEqual([]);

    // Day 3: the first reminder, to the three who have not answered.
    h.clock.now = new Date(start + 3 * DAY + 60_000);
    expect(await run()).toMatchObject({ reminded: 3, failed: 0 });
    let sent = await fresh();
    expect(sent.map((m) => m.to).sort()).toEqual(['q2@example.com', 'q3@example.com', 'q5@example.com']);
    expect(await run()).toMatchObject({ reminded: 0 });

    // q2 answers; day 7: the second reminder reaches the remaining two.
    expect((await answer(links.get('q2@example.com')!)).status).toBe(201);
    h.clock.now = new Date(start + 7 * DAY + 60_000);
    expect(await run()).toMatchObject({ reminded: 2 });
    sent = await fresh();
    expect(sent.map((m) => m.to).sort()).toEqual(['q3@example.com', 'q5@example.com']);

    // Day 10: closed at closesAt, the report delivered once; a second run does nothing.
    h.clock.now = new Date(start + 10 * DAY + 60_000);
    expect(await run()).toMatchObject({ closed: 1, failed: 0 });
    const stored = (await h.store.getCampaign(campaign.id))!;
    expect(stored.closedAt).toBe(new Date(start + 10 * DAY).toISOString());
    sent = await fresh();
    expect(sent.map((m) => [m.kind, m.to])).toEqual([['report', 'dana@sched.example']]);
    expect(await run()).toMatchObject({ closed: 0, reminded: 0, failed: 0 });
    expect((await h.scanAll()).filter((i) => i.entity === 'due' && i.campaignId === campaign.id)).toEqual([]);
  });

  it('drops the reminders of a campaign closed early', async () => {
    const start = h.clock.now.getTime();
    const campaign = await newCampaign({ reminderDays: [2] });
    await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { emails: ['r1@example.com'] } });
    await call('POST', `/api/v1/campaigns/${campaign.id}/close`);
    const fresh = await outboxWatch(outbox);
    h.clock.now = new Date(start + 3 * DAY);
    expect(await lifecycleHandler(deps)()).toMatchObject({ reminded: 0, failed: 0 });
    expect(await fresh()).toEqual([]);
    const left = (await h.scanAll()).filter((i) => i.entity === 'due' && i.campaignId === campaign.id);
    expect(left).toEqual([]);
  });

  it('finishes a close that crashed half-way on its next run', async () => {
    const campaign = await newCampaign({}, [{ name: 'Dana', email: 'dana@crash.example' }]);
    // What a close request leaves when it dies right after recording its intent.
    await h.store.putDue({ dueAt: h.clock.now.toISOString(), campaignId: campaign.id, kind: 'close' });
    const fresh = await outboxWatch(outbox);
    h.clock.advance(60_000);
    expect(await lifecycleHandler(deps)()).toMatchObject({ closed: 1, failed: 0 });
    expect((await h.store.getCampaign(campaign.id))!.closedAt).not.toBeNull();
    expect((await fresh()).map((m) => [m.kind, m.to])).toEqual([['report', 'dana@crash.example']]);
  });
});

describe('reminders and answers', () => {
  it('never remind anyone who answered through their invitation, whichever subset answered', async () => {
    const emails = Array.from({ length: 8 }, (_, i) => `s${i}@example.com`);
    for (const mask of [0b00000000, 0b10110101, 0b11111111, 0b01000010]) {
      const campaign = await newCampaign();
      const fresh = await outboxWatch(outbox);
      await call('POST', `/api/v1/campaigns/${campaign.id}/invites`, { body: { emails } });
      const invitations = await fresh();
      expect(invitations).toHaveLength(8);
      const answered = emails.filter((_, i) => mask & (1 << i));
      for (const who of answered) {
        const m = invitations.find((x) => x.to === who)!;
        expect(
          (await answer(linkIn(m.text, `${PUBLIC_URL}/s/`), makeSubmission({ answers: makeAnswers(3) }))).status,
        ).toBe(201);
      }
      h.clock.advance(DAY);
      const res = await call('POST', `/api/v1/campaigns/${campaign.id}/reminders`);
      expect(res.status).toBe(200);
      const reminded = (await fresh()).map((m) => m.to);
      expect(reminded.sort()).toEqual(emails.filter((e) => !answered.includes(e)).sort());
    }
  });
});

describe('a failed report delivery', () => {
  it('still closes the campaign, and the job delivers once the mail works again', async () => {
    let failing = true;
    const sent: string[] = [];
    const flaky: AppDeps = {
      ...h.deps,
      mailer: {
        sender: 'orgos@orgos.test',
        send: async (m) => {
          if (failing) throw new Error('SES is throttling');
          sent.push(m.to.email);
        },
      },
    };
    const flakyApp = h.withDeps({ mailer: flaky.mailer! });
    const campaign = await newCampaign({}, [{ name: 'Dana', email: 'dana@flaky.example' }]);
    const closed = await request(flakyApp, 'POST', `/api/v1/campaigns/${campaign.id}/close`, { token: consultant });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', reportLinksSent: 0, reportSentAt: null });
    const due = () =>
      h.scanAll().then((items) => items.filter((i) => i.entity === 'due' && i.campaignId === campaign.id));
    // The close stays due until the report is out (beside the report folds: reports/fold-job.ts).
    expect((await due()).filter((i) => i.kind === 'close')).toHaveLength(1);

    failing = false;
    // Within the lease nobody takes the delivery over; after it, the job does.
    expect(await lifecycleHandler(flaky)()).toMatchObject({ failed: 1 });
    h.clock.advance(11 * 60_000);
    expect(await lifecycleHandler(flaky)()).toMatchObject({ closed: 1, failed: 0 });
    expect(sent).toEqual(['dana@flaky.example']);
    expect(await due()).toEqual([]);
  });
});
