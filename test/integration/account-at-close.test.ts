import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDue } from '../../functions/lifecycle/lifecycle';
import type { Mailer, MailMessage } from '../../functions/mail/mailer';
import { renderReportBody } from '../../web/report/render-report';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, makeSubmission, startHarness } from '../http/harness';

// The report's "Operating account" section and the close email read the stage-two register as it stood at the wave's
// close, as the wave's diagnosis does (functions/reports/register.ts `flowsAsOf`): a flow fixed, or a new one recorded,
// after the close changes neither the published report nor a close mail that goes out late (a failed first delivery
// the job retries), while the account as it stands shows the change.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type FlowState = { name: string; gaps: string[]; red: string[] };
const stateOf = (register: FlowState[]) => register.map((f) => [f.name, f.gaps, f.red]);

const repeatInquiries = (current: number) => ({
  kind: 'repeat_inquiries',
  unit: '% of chats',
  threshold: 12,
  trips: 'above',
  current,
  measuredOn: '2026-03-01',
});

describe('the Operating account section and the close mail show the register as it stood at the close', () => {
  it('keeps the old state after a flow is fixed and another recorded, in the report and in a mail sent late', async () => {
    const org = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Latecomer' } })).body;
    const contacts = await call(h.app, 'PUT', `/api/v1/orgs/${org.id}/contacts`, {
      token: ADMIN_TOKEN,
      body: { contacts: [{ name: 'Dana Chief', email: 'dana@latecomer.example' }] },
    });
    expect(contacts.status, contacts.text).toBe(200);
    const flows = `/api/v1/orgs/${org.id}/account/flows`;
    // At the close: the chat has no human exit and its repeat inquiries are past the threshold.
    const chat = await call(h.app, 'POST', flows, {
      token: ADMIN_TOKEN,
      body: {
        clientKey: 'first-line-chat',
        name: 'First-line chat',
        adjudicator: 'Team lead',
        triggerOwner: 'Head of service',
        signals: [repeatInquiries(19)],
      },
    });
    expect(chat.status, chat.text).toBe(201);
    const made = await call(h.app, 'POST', `/api/v1/orgs/${org.id}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Spring', departments: ['Sales'] },
    });
    expect(made.status, made.text).toBe(201);
    for (let i = 0; i < 6; i++) {
      const res = await call(h.app, 'POST', `/api/v1/surveys/${made.body.surveyToken}/responses`, {
        body: makeSubmission(),
      });
      expect(res.status, res.text).toBe(201);
    }

    // The close's delivery fails: the report goes out on the job's next run.
    const down: Mailer = {
      sender: 'orgos@orgos.test',
      send: async () => {
        throw new Error('mail service unavailable');
      },
    };
    await closeCampaign(h.withDeps({ mailer: down }), made.body.id);
    expect(h.mail).toHaveLength(0);

    // After the close: the chat gets a human exit and its signal falls back; a new flow with a red signal is recorded.
    const fixed = await call(h.app, 'PATCH', `${flows}/${chat.body.id}`, {
      token: ADMIN_TOKEN,
      body: { version: 1, humanExit: 'Type "agent"', signals: [repeatInquiries(8)] },
    });
    expect(fixed.status, fixed.text).toBe(200);
    const bot = await call(h.app, 'POST', flows, {
      token: ADMIN_TOKEN,
      body: {
        clientKey: 'invoice-bot',
        name: 'Invoice bot',
        humanExit: 'Finance desk',
        adjudicator: 'Controller',
        triggerOwner: 'CFO',
        signals: [{ ...repeatInquiries(30), kind: 'complaints', unit: 'a week' }],
      },
    });
    expect(bot.status, bot.text).toBe(201);

    const atClose = [['First-line chat', ['no_human_exit'], ['repeat inquiries']]];
    // The account as it stands has the change.
    const now = await call(h.app, 'GET', `/api/v1/orgs/${org.id}/account`, { token: ADMIN_TOKEN });
    expect(now.status, now.text).toBe(200);
    expect(stateOf(now.body.summary.register)).toEqual([
      ['First-line chat', [], []],
      ['Invoice bot', [], ['complaints']],
    ]);

    // The job's retry mails the report: with the register as it stood at the close.
    const sent: MailMessage[] = [];
    const mailer: Mailer = { sender: 'orgos@orgos.test', send: async (m) => void sent.push(m) };
    const run = await runDue({ ...h.deps, mailer }, h.clock.now);
    expect(run.failed).toBe(0);
    expect(sent.map((m) => m.to.email)).toEqual(['dana@latecomer.example']);
    expect(sent[0]!.text).toContain('Quality signals past their threshold: repeat inquiries (First-line chat).');
    expect(sent[0]!.text).not.toContain('Invoice bot');

    // The published report's section: the same.
    const [report, section] = await Promise.all([
      call(h.app, 'GET', `/api/v1/campaigns/${made.body.id}/report`, { token: ADMIN_TOKEN }),
      call(h.app, 'GET', `/api/v1/campaigns/${made.body.id}/account`, { token: ADMIN_TOKEN }),
    ]);
    expect(report.body.published).toBe(true);
    expect(section.status, section.text).toBe(200);
    expect(stateOf(section.body.summary.register)).toEqual(atClose);
    const printed = renderReportBody({ ...report.body, account: section.body });
    expect(printed).toMatch(/<strong>First-line chat<\/strong> <span class="red">[^<]*: repeat inquiries<\/span>/);
    expect(printed).not.toContain('Invoice bot');
  });
});
