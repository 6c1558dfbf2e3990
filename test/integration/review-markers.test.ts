import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDue } from '../../functions/lifecycle/lifecycle';
import type { Store } from '../../functions/store/store';
import type { ChangeRecord, Entry } from '../../shared/account';
import { ADMIN_TOKEN, call, type Harness, startHarness } from '../http/harness';
import { makeEntry } from '../unit/account/fixtures';

// Review reminders without a scan of every organisation (functions/lifecycle/review-reminder.ts): the account's start
// and each recorded review write a due marker under the day the review falls due; a run reads the markers due by
// today and only those accounts; a monthly sweep of every organisation catches an account whose marker was lost;
// deleting an organisation deletes its marker.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');
const at = (days: number) => new Date(START + days * DAY);

/** The store, counting the calls that read organisations and accounts. */
function counting(store: Store) {
  const calls = { listOrgs: 0, accountsRead: new Set<string>() };
  const proxy = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'listOrgs') calls.listOrgs++;
        if (prop === 'listAccountItems') calls.accountsRead.add(args[0] as string);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

/** One lifecycle run at `days` after the start: who was mailed, and what it read. */
async function runOn(days: number) {
  h.clock.now = at(days);
  const before = h.mail.length;
  const { store, calls } = counting(h.store);
  const run = await runDue({ ...h.deps, store }, h.clock.now);
  expect(run.failed).toBe(0);
  const mailed = h.mail
    .slice(before)
    .filter((m) => m.kind === 'review-reminder')
    .map((m) => m.to.email)
    .sort();
  return { mailed, listOrgs: calls.listOrgs, accountsRead: [...calls.accountsRead].sort() };
}

async function org(name: string): Promise<string> {
  const res = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name } });
  expect(res.status, res.text).toBe(201);
  const contacts = await call(h.app, 'PUT', `/api/v1/orgs/${res.body.id}/contacts`, {
    token: ADMIN_TOKEN,
    body: { contacts: [{ name: `Chief of ${name}`, email: `chief@${name.toLowerCase()}.example` }] },
  });
  expect(contacts.status, contacts.text).toBe(200);
  return res.body.id as string;
}

async function post(path: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token: ADMIN_TOKEN, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** An entry written straight to the store: as if its marker write had been lost (a crash after the item). */
async function entryWithoutMarker(orgId: string, createdAt: string): Promise<void> {
  const data: Entry = makeEntry({ id: randomUUID() });
  const change: ChangeRecord = {
    kind: 'entry',
    itemId: data.id,
    version: 1,
    changeId: randomUUID(),
    parentId: null,
    at: createdAt,
    by: { role: 'executive', subject: 'exec' },
    fields: [],
    patchHash: 'h',
  };
  const made = await h.store.createAccountItem(
    {
      kind: 'entry',
      orgId,
      id: data.id,
      version: 1,
      changeId: change.changeId,
      createHash: 'h',
      createdAt,
      updatedAt: createdAt,
      data,
    },
    change,
  );
  expect(made.created).toBe(true);
}

const markers = async () => (await h.store.listReviewsDue('9999-12-31', 1000)).map((m) => [m.orgId, m.day]);
const dayOf = (days: number) => at(days).toISOString().slice(0, 10);

describe('review reminders by due marker', () => {
  it('reads only the accounts due, sweeps every account monthly, and drops a deleted organisation’s marker', async () => {
    const alpha = await org('Alpha');
    const beta = await org('Beta');
    const quiet = await org('Quiet');
    const lost = await org('Lost');
    // Alpha's account starts with an entry, Beta's with a flow: each gets a marker, 30 days on; Quiet keeps none.
    await post(`/api/v1/orgs/${alpha}/account/entries`, { clientKey: 'alpha-wait', ledger: 'waiting', title: 'Wait' });
    await post(`/api/v1/orgs/${beta}/account/flows`, { clientKey: 'beta-chat', name: 'Chat', signals: [] });
    // A second entry does not move Alpha's day.
    h.clock.now = at(3);
    await post(`/api/v1/orgs/${alpha}/account/entries`, { clientKey: 'alpha-rework', ledger: 'time', title: 'Rework' });
    expect((await markers()).sort()).toEqual(
      [
        [alpha, dayOf(30)],
        [beta, dayOf(30)],
      ].sort(),
    );

    // The first run ever sweeps every organisation (so a deployment's existing accounts get their markers).
    const first = await runOn(4);
    expect(first).toMatchObject({ mailed: [], listOrgs: 1 });
    // Lost's account (started 5 days before the start) has no marker: its writes were lost.
    await entryWithoutMarker(lost, at(-5).toISOString());

    // Day 26: Lost's review is due (day 25), but no marker says so and the sweep is not due: nothing is read.
    expect(await runOn(26)).toEqual({ mailed: [], listOrgs: 0, accountsRead: [] });

    // Day 30: the markers of Alpha and Beta are due; only their accounts are read, each contact mailed once.
    expect(await runOn(30)).toEqual({
      mailed: ['chief@alpha.example', 'chief@beta.example'],
      listOrgs: 0,
      accountsRead: [alpha, beta].sort(),
    });
    // Mailed: the markers are gone (the pointers stay); a later run the same day reads nothing.
    expect(await markers()).toEqual([]);
    expect(await runOn(30.5)).toEqual({ mailed: [], listOrgs: 0, accountsRead: [] });

    // Day 34: the monthly sweep (30 days after the first) reads every account and catches Lost; nobody twice.
    const sweep = await runOn(34.5);
    expect(sweep.mailed).toEqual(['chief@lost.example']);
    expect(sweep.listOrgs).toBe(1);
    expect(sweep.accountsRead).toEqual(expect.arrayContaining([alpha, beta, quiet, lost]));

    // Alpha records on day 35 a review held on day 31: its marker goes to day 61; Beta, still unreviewed, is not
    // mailed again.
    h.clock.now = at(35);
    await post(`/api/v1/orgs/${alpha}/account/reviews`, {
      clientKey: 'alpha-review-1',
      heldOn: dayOf(31),
      reviewerRole: 'CEO',
      notes: 'Reviewed the waits',
    });
    expect(await markers()).toEqual([[alpha, dayOf(61)]]);
    expect(await runOn(60)).toEqual({ mailed: [], listOrgs: 0, accountsRead: [] });
    expect(await runOn(61)).toEqual({ mailed: ['chief@alpha.example'], listOrgs: 0, accountsRead: [alpha] });

    // Deleting an organisation deletes its marker (and its pointer).
    h.clock.now = at(62);
    const doomed = await org('Doomed');
    await post(`/api/v1/orgs/${doomed}/account/entries`, { clientKey: 'doomed-1', ledger: 'waiting', title: 'Wait' });
    expect(await markers()).toEqual([[doomed, dayOf(92)]]);
    const removed = await call(h.app, 'DELETE', `/api/v1/orgs/${doomed}`, { token: ADMIN_TOKEN });
    expect(removed.status, removed.text).toBeLessThan(300);
    expect(await markers()).toEqual([]);
    expect(await h.store.getReviewDue(doomed)).toBeNull();
    expect((await h.scanAll()).filter((i) => JSON.stringify(i).includes(doomed))).toEqual([]);

    // A marker left by a delete that died half-way: the run that reaches its day drops it, reading no account.
    await h.store.putReviewDue('gone-org', dayOf(63));
    expect(await runOn(63)).toEqual({ mailed: [], listOrgs: 0, accountsRead: [] });
    expect(await markers()).toEqual([]);
  });
});
