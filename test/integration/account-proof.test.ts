import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerAnswers } from '../../shared/ledger';
import { renderAccount } from '../../web/operating-account/render-account';
import { renderReportBody } from '../../web/report/render-report';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  startHarness,
} from '../http/harness';

// Issue 11's proof, through the API against dynalite: wave 1 has a big approval wait held by Finance → an entry made
// from that published cell, with owner, baseline (the cell's figures) and target → a capacity decision of 60% faster
// response and 40% organisational learning → wave 2, where the wait shrank → the reconciliation says target met, the
// owner confirms "removed", the freed waiting days are booked 60/40 → the review page and the printed report say so.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ snapshotSafetyMs: 1000, snapshotRefreshItems: 1 });
});
afterAll(() => h.close());

const DEPARTMENTS = ['Sales', 'Operations', 'Finance'];
const FINANCE_APPROVAL = { ledger: 'waiting', category: 'approval', heldBy: { department: 'Finance' } } as const;

async function campaign(orgId: string, name: string): Promise<{ id: string; surveyToken: string }> {
  const res = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
    token: ADMIN_TOKEN,
    body: { name, departments: DEPARTMENTS },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** Twelve answers; ten wait on Finance's approvals `days(i)` working days, four times a month. */
async function answer(surveyToken: string, days: (i: number) => number): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const ledger: LedgerAnswers | undefined =
      i < 10
        ? { waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days: days(i), timesPerMonth: 4 }] }
        : undefined;
    const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
      body: {
        ...makeSubmission({ department: DEPARTMENTS[i % 3]!, answers: makeAnswers(2) }),
        ...(ledger ? { ledger } : {}),
      },
    });
    expect(res.status, res.text).toBe(201);
  }
}

describe('the operating account across two waves', () => {
  it('reconciles an entry made from a wave-1 cell against wave 2, books the freed days 60/40, and shows it', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Northwind' } });
    const orgId = org.body.id as string;
    const exec = (
      await call(h.app, 'POST', '/api/v1/tokens', { token: ADMIN_TOKEN, body: { role: 'executive', orgIds: [orgId] } })
    ).body.token as string;
    const account = `/api/v1/orgs/${orgId}/account`;

    // Wave 1: approvals held by Finance take 4 to 6 days (median 5).
    const wave1 = await campaign(orgId, 'Spring wave');
    const spring = wave1.id;
    await answer(wave1.surveyToken, (i) => 4 + (i % 3));
    await closeCampaign(h.app, spring);
    const autumn = await campaign(orgId, 'Autumn wave');
    // The published cells an entry can be made from, with their figures.
    const before = await call(h.app, 'GET', account, { token: exec });
    expect(before.status).toBe(200);
    expect(before.body.latestWave).toMatchObject({ campaignId: spring, name: 'Spring wave' });
    const cell = before.body.cells.find(
      (c: { ref: { category: string; heldBy?: unknown } }) => c.ref.category === 'approval' && c.ref.heldBy,
    );
    expect(cell).toMatchObject({
      ref: { campaignId: spring, ...FINANCE_APPROVAL },
      figures: { respondents: 10, n: 12, headline: { median: 5, ci95: [4, 6] }, total: 196 },
    });

    const body = {
      clientKey: 'approvals-finance',
      source: { kind: 'cell', campaignId: spring, ...FINANCE_APPROVAL },
      ownerRole: 'Head of Finance Operations',
      target: { value: 2 },
      due: { wave: autumn.id },
    };
    const made = await call(h.app, 'POST', `${account}/entries`, { token: exec, body });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({
      title: 'Wait: An approval · Finance',
      department: 'Finance',
      baseline: { value: 5, perMonth: 4, people: 10, total: 196 },
      source: { kind: 'cell', cell: { campaignId: spring }, figures: { headline: { median: 5 } } },
    });
    // A retry of the same creation (a timeout, a double click) is the same entry.
    const retry = await call(h.app, 'POST', `${account}/entries`, { token: exec, body });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(made.body.id);
    const entry = `${account}/entries/${made.body.id}`;

    const targeted = await call(h.app, 'PATCH', entry, { token: exec, body: { version: 1, status: 'targeted' } });
    expect(targeted.status, targeted.text).toBe(200);
    const running = await call(h.app, 'PATCH', entry, {
      token: exec,
      body: { version: 2, status: 'incision_running', incision: 'Pre-approved spending limits per team' },
    });
    expect(running.body.version).toBe(3);
    // A write from a stale read is refused, naming the version.
    const stale = await call(h.app, 'PATCH', entry, { token: exec, body: { version: 2, title: 'Late edit' } });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([expect.objectContaining({ field: 'version' })]);

    const decision = await call(h.app, 'POST', `${account}/capacity`, {
      token: exec,
      body: {
        clientKey: 'decision-1',
        decidedOn: h.clock.now.toISOString().slice(0, 10),
        ownerRole: 'CEO',
        shares: { faster_response: 60, learning: 40 },
        preconditions: {
          faster_response: 'A binding quote within one working day',
          learning: 'The freed Finance time rewrites order-to-cash',
        },
      },
    });
    expect(decision.status, decision.text).toBe(201);

    // Wave 2: the same wait now takes a day.
    h.clock.advance(30 * 86_400_000);
    await answer(autumn.surveyToken, () => 1);
    await closeCampaign(h.app, autumn.id);

    // The same cell in wave 2 beside the baseline: a real change, the target met.
    const pending = (await call(h.app, 'GET', entry, { token: exec })).body.pendingReconciliation;
    expect(pending).toMatchObject({
      campaignId: autumn.id,
      suggestion: 'target_met',
      change: { headline: -4, real: true },
      figures: { respondents: 10, headline: { median: 1, ci95: [1, 1] }, total: 40 },
    });
    // The owner confirms: removed. The current reading is the cell's.
    const confirmed = await call(h.app, 'PATCH', entry, {
      token: exec,
      body: { version: 3, status: 'removed', reconcile: { campaignId: autumn.id } },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.current).toEqual({ value: 1, perMonth: 4, people: 10, total: 40 });
    expect(confirmed.body.reconciliations).toEqual([
      expect.objectContaining({ campaignId: autumn.id, suggestion: 'target_met', confirmed: 'removed' }),
    ]);
    // The history keeps both: what the data suggested and the status the owner set.
    const history = (await call(h.app, 'GET', entry, { token: exec })).body.history;
    expect(history.at(-1)).toMatchObject({ version: 4, role: 'executive' });
    expect(
      history
        .at(-1)
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['current', 'reconciliations', 'status']);

    // 196 − 40 = 156 waiting days a month freed: 93.6 to faster response, 62.4 to learning, none unallocated.
    const after = await call(h.app, 'GET', account, { token: exec });
    expect(after.body.summary.freed.waiting).toEqual({
      unit: 'waiting_days_per_month',
      freed: 156,
      byDestination: { faster_response: 93.6, learning: 62.4 },
      unallocated: 0,
    });
    expect(after.body.entries[0].pendingReconciliation).toBeNull();
    const review = await call(h.app, 'POST', `${account}/reviews`, {
      token: exec,
      body: {
        clientKey: 'review-1',
        heldOn: h.clock.now.toISOString().slice(0, 10),
        reviewerRole: 'COO',
        notes: 'The spending limits removed the Finance wait.',
      },
    });
    expect(review.status, review.text).toBe(201);
    expect(review.body.summary.questions.removed).toEqual([
      expect.objectContaining({ title: 'Wait: An approval · Finance', from: 5, to: 1, status: 'removed' }),
    ]);

    // The review page: the question answered with numbers, and the booking by destination.
    const reviewed = (await call(h.app, 'GET', account, { token: exec })).body;
    const page = renderAccount({ ...reviewed, orgName: 'Northwind' }, 'en', {
      editing: null,
      history: null,
      waves: { [spring]: 'Spring wave', [autumn.id]: 'Autumn wave' },
      writable: true,
    });
    expect(page).toContain('Which wait got removed?');
    expect(page).toContain('<strong>Wait: An approval · Finance</strong>: 5 → 1');
    expect(page).toMatch(/Faster response<\/th><td class="num">60%<\/td><td class="num">0<\/td><td class="num">93.6/);
    expect(page).toMatch(
      /Organisational learning<\/th><td class="num">40%<\/td><td class="num">0<\/td><td class="num">62.4/,
    );

    // The printed report of wave 2: its Operating account section, first after the headline.
    const [report, section] = await Promise.all([
      call(h.app, 'GET', `/api/v1/campaigns/${autumn.id}/report`, { token: exec }),
      call(h.app, 'GET', `/api/v1/campaigns/${autumn.id}/account`, { token: exec }),
    ]);
    expect(section.body.entries.items[0].reconciliation).toMatchObject({
      suggestion: 'target_met',
      confirmed: 'removed',
    });
    const printed = renderReportBody({ ...report.body, account: section.body });
    expect(printed).toContain('Target met: 1 working days of wait (-4, a real change); confirmed removed');
    expect(printed).toContain('Which wait got removed? Wait: An approval · Finance (5 → 1 working days of wait)');
    expect(printed).toContain('93.6');
  });
});
