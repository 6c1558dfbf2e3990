import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, call, type Harness, seedCampaign, startHarness } from './harness';

// The operating account through the API: entries with their lifecycle, idempotent creation, optimistic concurrency
// and history; capacity decisions, the stage-two register and reviews; another organisation's account is not found.

let h: Harness;
let orgId: string;
let otherOrg: string;
let executive: string;
let foreignExecutive: string;

const base = () => `/api/v1/orgs/${orgId}/account`;

async function token(role: string, orgIds: string[]) {
  const res = await call(h.app, 'POST', '/api/v1/tokens', { token: ADMIN_TOKEN, body: { role, orgIds } });
  return res.body.token as string;
}

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await seedCampaign(h.app));
  ({ orgId: otherOrg } = await seedCampaign(h.app));
  executive = await token('executive', [orgId]);
  foreignExecutive = await token('executive', [otherOrg]);
});
afterAll(() => h.close());

const typed = {
  clientKey: 'entry-approvals-1',
  ledger: 'waiting',
  title: 'Approvals over 5k wait for the CFO',
  department: 'Finance',
  baseline: { value: 4, perMonth: 4, people: 20 },
};

describe('ledger entries', () => {
  it('logs a typed entry once: a retry answers 200 with the same entry, another body under the key is a 409', async () => {
    const first = await call(h.app, 'POST', `${base()}/entries`, { token: executive, body: typed });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ledger: 'waiting', status: 'logged', version: 1, source: { kind: 'typed' } });
    const again = await call(h.app, 'POST', `${base()}/entries`, { token: executive, body: typed });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await call(h.app, 'POST', `${base()}/entries`, {
      token: executive,
      body: { ...typed, title: 'Else' },
    });
    expect(other.status).toBe(409);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'clientKey' })]);
    // The same key in another organisation is another entry.
    const elsewhere = await call(h.app, 'POST', `/api/v1/orgs/${otherOrg}/account/entries`, {
      token: foreignExecutive,
      body: typed,
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it('refuses bad input with 400 naming the field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...typed, clientKey: 'bad key' }, 'clientKey'],
      [{ ...typed, clientKey: 'k-0000001', ledger: undefined }, 'ledger'],
      [{ ...typed, clientKey: 'k-0000002', baseline: { value: -1 } }, 'baseline.value'],
      [{ ...typed, clientKey: 'k-0000003', ledger: 'time', baseline: { value: 3, perMonth: 2 } }, 'baseline.perMonth'],
      [{ ...typed, clientKey: 'k-0000004', due: { date: '2026-02-30' } }, 'due.date'],
      [{ ...typed, clientKey: 'k-0000005', due: { wave: 'nope' } }, 'due.wave'],
      [{ ...typed, clientKey: 'k-0000006', owner: 'Dana' }, 'owner'],
      [
        {
          ...typed,
          clientKey: 'k-0000007',
          source: { kind: 'cell', campaignId: 'x', ledger: 'time', category: 'rework' },
        },
        'source.campaignId',
      ],
    ];
    const before = (await call(h.app, 'GET', base(), { token: executive })).body.entries.length;
    for (const [body, field] of cases) {
      const res = await call(h.app, 'POST', `${base()}/entries`, { token: executive, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await call(h.app, 'GET', base(), { token: executive })).body.entries).toHaveLength(before);
  });

  it('moves along its way with versions; a stale write is a 409 naming the version; the history keeps every change', async () => {
    const made = await call(h.app, 'POST', `${base()}/entries`, {
      token: executive,
      body: { ...typed, clientKey: 'entry-lifecycle-1' },
    });
    const path = `${base()}/entries/${made.body.id}`;
    const early = await call(h.app, 'PATCH', path, { token: executive, body: { version: 1, status: 'targeted' } });
    expect(early.status).toBe(400);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['target', 'ownerRole', 'due']);
    const targeted = await call(h.app, 'PATCH', path, {
      token: executive,
      body: {
        version: 1,
        status: 'targeted',
        target: { value: 1 },
        ownerRole: 'Head of Finance Ops',
        due: { date: '2026-06-30' },
      },
    });
    expect(targeted.status).toBe(200);
    expect(targeted.body).toMatchObject({ version: 2, status: 'targeted' });
    // A second writer still on version 1.
    const stale = await call(h.app, 'PATCH', path, { token: ADMIN_TOKEN, body: { version: 1, title: 'Mine' } });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([{ field: 'version', message: 'is stale: the entry is at version 2' }]);
    // The first writer's retry of its own landed change answers as the first attempt did.
    const retry = await call(h.app, 'PATCH', path, {
      token: executive,
      body: {
        version: 1,
        status: 'targeted',
        target: { value: 1 },
        ownerRole: 'Head of Finance Ops',
        due: { date: '2026-06-30' },
      },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(2);
    h.clock.advance(3_600_000);
    await call(h.app, 'PATCH', path, {
      token: ADMIN_TOKEN,
      body: { version: 2, status: 'incision_running', incision: 'Limits per team' },
    });
    const removed = await call(h.app, 'PATCH', path, {
      token: executive,
      body: { version: 3, status: 'removed', current: { value: 1, perMonth: 4, people: 20 } },
    });
    expect(removed.body).toMatchObject({ version: 4, status: 'removed' });
    const read = await call(h.app, 'GET', path, { token: executive });
    expect(read.body.history.map((c: { version: number; role: string }) => [c.version, c.role])).toEqual([
      [1, 'executive'],
      [2, 'executive'],
      [3, 'admin'],
      [4, 'executive'],
    ]);
    expect(read.body.history[2].fields).toEqual([
      { field: 'incision', from: null, to: 'Limits per team' },
      { field: 'status', from: 'targeted', to: 'incision_running' },
    ]);
    expect(read.body.statusLog.map((s: { status: string }) => s.status)).toEqual([
      'logged',
      'targeted',
      'incision_running',
      'removed',
    ]);
  });

  it('answers another organisation’s entry with 404, and an executive of another organisation never sees it', async () => {
    const made = await call(h.app, 'POST', `${base()}/entries`, {
      token: executive,
      body: { ...typed, clientKey: 'entry-private-1' },
    });
    const viaOther = await call(h.app, 'GET', `/api/v1/orgs/${otherOrg}/account/entries/${made.body.id}`, {
      token: foreignExecutive,
    });
    expect(viaOther.status).toBe(404);
    const direct = await call(h.app, 'GET', `${base()}/entries/${made.body.id}`, { token: foreignExecutive });
    expect(direct.status).toBe(404);
    const patch = await call(h.app, 'PATCH', `${base()}/entries/${made.body.id}`, {
      token: foreignExecutive,
      body: { version: 1, title: 'x' },
    });
    expect(patch.status).toBe(404);
    expect(patch.text).not.toContain('Approvals over 5k');
  });
});

describe('the capacity decision, the register and reviews', () => {
  it('records a decision with each chosen destination’s precondition, and books freed capacity against it', async () => {
    const missing = await call(h.app, 'POST', `${base()}/capacity`, {
      token: executive,
      body: {
        clientKey: 'decision-1',
        decidedOn: '2026-03-01',
        ownerRole: 'CEO',
        shares: { faster_response: 60, learning: 40 },
        preconditions: { learning: 'Two rewrites a quarter' },
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['preconditions.faster_response']);
    const recorded = await call(h.app, 'POST', `${base()}/capacity`, {
      token: executive,
      body: {
        clientKey: 'decision-1',
        decidedOn: '2026-03-01',
        ownerRole: 'CEO',
        shares: { faster_response: 60, learning: 40 },
        preconditions: { faster_response: 'Quotes within one working day', learning: 'Two rewrites a quarter' },
      },
    });
    expect(recorded.status).toBe(201);
    const account = await call(h.app, 'GET', base(), { token: executive });
    // The removed entry above freed (4 − 1) × 4 × 20 = 240 waiting days a month: 60% and 40%.
    expect(account.body.summary.freed.waiting).toEqual({
      unit: 'waiting_days_per_month',
      freed: 240,
      byDestination: { faster_response: 144, learning: 96 },
      unallocated: 0,
    });
    expect(account.body.summary.questions.removed).toEqual([
      expect.objectContaining({ title: 'Approvals over 5k wait for the CFO', from: 4, to: 1 }),
    ]);
  });

  it('registers a flow whose signal past its threshold shows red, and changes it under its version', async () => {
    const flow = await call(h.app, 'POST', `${base()}/flows`, {
      token: executive,
      body: {
        clientKey: 'flow-chat-1',
        name: 'First-line customer chat',
        humanExit: 'Type "agent"',
        adjudicator: 'Team lead, customer service',
        signals: [
          {
            kind: 'repeat_inquiries',
            unit: '% of chats',
            threshold: 12,
            trips: 'above',
            current: 15,
            measuredOn: '2026-03-01',
          },
        ],
      },
    });
    expect(flow.status).toBe(201);
    expect(flow.body.state).toMatchObject({ gaps: ['no_trigger_owner'], red: ['repeat inquiries'] });
    const path = `${base()}/flows/${flow.body.id}`;
    const owned = await call(h.app, 'PATCH', path, {
      token: executive,
      body: { version: 1, triggerOwner: 'Head of Customer Service' },
    });
    expect(owned.body.state.gaps).toEqual([]);
    expect((await call(h.app, 'PATCH', path, { token: executive, body: { version: 1, retired: true } })).status).toBe(
      409,
    );
    const read = await call(h.app, 'GET', path, { token: executive });
    expect(read.body.history.map((c: { fields: { field: string }[] }) => c.fields.map((f) => f.field))).toEqual([
      ['name', 'humanExit', 'adjudicator', 'triggerOwner', 'signals', 'retired'],
      ['triggerOwner'],
    ]);
  });

  it('records a review with the account as it stood, and refuses one held in the future', async () => {
    const future = await call(h.app, 'POST', `${base()}/reviews`, {
      token: executive,
      body: { clientKey: 'review-future', heldOn: '2027-01-01', reviewerRole: 'COO', notes: 'x' },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('heldOn');
    const review = await call(h.app, 'POST', `${base()}/reviews`, {
      token: executive,
      body: {
        clientKey: 'review-march',
        heldOn: '2026-03-02',
        reviewerRole: 'COO',
        notes: 'Approvals: limits work.\nNext: decks.',
      },
    });
    expect(review.status).toBe(201);
    expect(review.body.summary.freed.waiting.byDestination).toEqual({ faster_response: 144, learning: 96 });
    expect(review.body.summary.register[0].red).toEqual(['repeat inquiries']);
    const account = await call(h.app, 'GET', base(), { token: executive });
    expect(account.body.reviews).toHaveLength(1);
  });

  it('lists each portfolio company’s account for a consultant or the admin, never for an executive', async () => {
    const portfolio = await call(h.app, 'GET', '/api/v1/portfolio/accounts', { token: ADMIN_TOKEN });
    expect(portfolio.status).toBe(200);
    const row = portfolio.body.orgs.find((o: { orgId: string }) => o.orgId === orgId);
    expect(row).toMatchObject({
      capacityDecided: true,
      flows: 1,
      red: [{ flow: 'First-line customer chat', signal: 'repeat inquiries' }],
      lastReview: '2026-03-02',
    });
    expect((await call(h.app, 'GET', '/api/v1/portfolio/accounts', { token: executive })).status).toBe(403);
  });
});
