import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTable, type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { DynamoStore } from '../../functions/store/dynamo-store';
import type { AccountKind, ChangeRecord, Review } from '../../shared/account';
import { makeEntry, makeFlow, makeRecord, makeSignal } from '../unit/account/fixtures';

// The monthly review reminder through the scheduler's Lambda entry as EventBridge invokes it, on a fake clock, against
// dynalite and an SES endpoint that records what it is sent: one reminder per contact and period, whatever the retries
// and overlapping runs, a new one once a review is recorded and the next period comes due.

let dynamo: LocalDynamo;
let ses: Server;
const sent: { to: string; subject: string; text: string }[] = [];
let table: string;
let handler: typeof import('../../functions/scheduler/lambda').handler;
let store: DynamoStore;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite();
  table = `orgos-review-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.client, table);
  // SES v2 SendEmail is a JSON POST to /v2/email/outbound-emails.
  ses = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const input = JSON.parse(body);
      sent.push({
        to: input.Destination.ToAddresses[0],
        subject: input.Content.Simple.Subject.Data,
        text: input.Content.Simple.Body.Text.Data,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    ORGOS_TABLE: table,
    ORGOS_PUBLIC_URL: 'https://survey.example.org',
    ORGOS_SENDER: 'orgos@example.org',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${(ses.address() as AddressInfo).port}`,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  ({ handler } = await import('../../functions/scheduler/lambda'));
  store = new DynamoStore(dynamo.client, table);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  process.env = saved;
  await new Promise((resolve) => ses.close(resolve));
  await dynamo.close();
});

const context = { functionName: 'orgos-scheduler', awsRequestId: randomUUID() } as unknown as Context;
const scheduled = (time: string) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  time,
  resources: ['arn:aws:events:eu-central-1:123456789012:rule/orgos-Lifecycle'],
  detail: {},
});

async function put<T extends { id: string }>(orgId: string, kind: AccountKind, data: T, at: string) {
  const change: ChangeRecord = {
    kind,
    itemId: data.id,
    version: 1,
    changeId: randomUUID(),
    parentId: null,
    at,
    by: { role: 'executive', subject: 'exec' },
    fields: [],
    patchHash: 'h',
  };
  const result = await store.createAccountItem(
    {
      kind,
      orgId,
      id: data.id,
      version: 1,
      changeId: change.changeId,
      createHash: 'h',
      createdAt: at,
      updatedAt: at,
      data,
    },
    change,
  );
  expect(result.created).toBe(true);
}

/** Runs the Lambda at a fake time, the SDK's and the job's clock alike; returns what it reports. */
async function runAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await handler(scheduled(iso), context);
  } finally {
    log.mockRestore();
    vi.useRealTimers();
  }
}

describe('the monthly review reminder', () => {
  it('goes once per period to each executive contact, naming due entries, red signals and unallocated capacity', async () => {
    const start = '2026-03-02T09:00:00.000Z';
    await store.createOrg({ id: 'o1', name: 'Northwind', createdAt: start, createdBy: 'admin' });
    await store.putContacts(
      'o1',
      [
        { name: 'Dana Chief', email: 'dana@northwind.example', language: 'en' },
        { name: 'Kai Weber', email: 'kai@northwind.example', language: 'de' },
      ],
      start,
    );
    // A wait removed (freed, no capacity decision covers all of it), an entry overdue, a flow with a signal past its
    // threshold; an organisation without an account gets nothing.
    await put(
      'o1',
      'entry',
      makeEntry({
        id: 'e1',
        status: 'removed',
        baseline: { value: 4, perMonth: 4, people: 20, total: 320 },
        current: { value: 1, perMonth: 4, people: 20, total: 80 },
      }),
      start,
    );
    await put(
      'o1',
      'entry',
      makeEntry({
        id: 'e2',
        ledger: 'time',
        title: 'Rework on quotes',
        ownerRole: 'Head of Sales Ops',
        due: { date: '2026-03-20' },
        status: 'targeted',
      }),
      start,
    );
    await put('o1', 'flow', makeFlow({ signals: [makeSignal({ current: 19 })] }), start);
    await put('o1', 'capacity', makeRecord({ decidedOn: '2026-03-01', shares: { faster_response: 60 } }), start);
    await store.createOrg({ id: 'o2', name: 'No account', createdAt: start, createdBy: 'admin' });
    await store.putContacts('o2', [{ name: 'Lee', email: 'lee@example.org' }], start);

    // 20 days in: not due.
    expect(await runAt('2026-03-22T09:00:00Z')).toMatchObject({ reviewsReminded: 0, failed: 0 });
    expect(sent).toHaveLength(0);

    // 31 days in: due; two runs overlapping and a retry send one each.
    const [a, b] = await Promise.all([runAt('2026-04-02T09:00:00Z'), runAt('2026-04-02T09:00:00Z')]);
    expect(a.reviewsReminded + b.reviewsReminded).toBe(2);
    expect(await runAt('2026-04-02T09:15:00Z')).toMatchObject({ reviewsReminded: 0, failed: 0 });
    expect(sent.map((m) => m.to).sort()).toEqual([
      '"Dana Chief" <dana@northwind.example>',
      '"Kai Weber" <kai@northwind.example>',
    ]);
    const en = sent.find((m) => m.to.includes('dana'))!;
    expect(en.subject).toBe('Operating review due: Northwind');
    expect(en.text).toContain(
      'No review of the AI operating account has been recorded yet; it is reviewed every 30 days.',
    );
    expect(en.text).toContain('Entries past their due date: Rework on quotes (Head of Sales Ops), 20 March 2026.');
    expect(en.text).toContain('Quality signals past their threshold: repeat inquiries (First-line customer chat).');
    // 320 − 80 = 240 waiting days a month freed, 60% booked to faster response: 96 not allocated.
    expect(en.text).toContain('Freed capacity no decision covers: 96 waiting days a month.');
    expect(en.text).toContain('https://survey.example.org/operating-account.html#org=o1');
    expect(sent.find((m) => m.to.includes('kai'))!.subject).toBe('Betriebsbesprechung fällig: Northwind');

    // Ten days later, still unreviewed: the same period, nothing more.
    expect(await runAt('2026-04-12T09:00:00Z')).toMatchObject({ reviewsReminded: 0 });

    // A review on 15 April: the next one falls due on 15 May.
    const review: Review = { id: 'r1', heldOn: '2026-04-15', reviewerRole: 'CEO', notes: '', summary: {} };
    await put('o1', 'review', review, '2026-04-15T10:00:00.000Z');
    expect(await runAt('2026-05-10T09:00:00Z')).toMatchObject({ reviewsReminded: 0 });
    expect(await runAt('2026-05-16T09:00:00Z')).toMatchObject({ reviewsReminded: 2, failed: 0 });
    expect(sent).toHaveLength(4);
    expect(sent.at(-1)!.text + sent.at(-2)!.text).toContain('last reviewed on 15 April 2026');
  });
});
