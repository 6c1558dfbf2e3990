import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDue } from '../../functions/lifecycle/lifecycle';
import type { Mailer, MailMessage } from '../../functions/mail/mailer';
import { ADMIN_TOKEN, call, codeIn, type Harness, PUBLIC_URL, startHarness } from '../http/harness';
import { linkIn, readOutbox } from '../mail/eml';
import { api, type ChildServer, startChildServer } from './child-server';

// Red-team findings 9 and 10 of issue 17: a process that dies while it mails. Invitations: the local server is killed
// with SIGKILL half-way through a request of 40 and the same request is sent again; every address must end up with
// its one link, none with two links. Report delivery: the close's delivery stops dead after a few contacts (as a
// killed process does, with sends in flight); the job's next run must mail exactly the contacts without a sent
// marker, and no contact may hold two working report links.

const ADMIN = 'crash-mail-admin-token-7f3a9c21d4e8b6';
const LEASE_MS = 1500;
let dir: string;
let server: ChildServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orgos-crash-mail-'));
});
afterAll(async () => {
  // Only the child this file started, by its pid.
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const invitations = async () => (await readOutbox(join(dir, 'outbox'))).filter((m) => m.kind === 'invitation');

describe('kill -9 during an invitation batch', () => {
  it('mails, on a retry, every invite without a sent marker, and never a second link', async () => {
    const env = { ORGOS_ADMIN_TOKEN: ADMIN, ORGOS_MAIL_LEASE_MS: String(LEASE_MS) };
    server = await startChildServer(dir, env);
    const org = await api(server.url, 'POST', '/api/v1/orgs', { name: 'Crash Mail Co' }, ADMIN);
    const campaign = await api(
      server.url,
      'POST',
      `/api/v1/orgs/${org.body.id}/campaigns`,
      { name: 'Wave', departments: ['Sales', 'Operations'] },
      ADMIN,
    );
    const path = `/api/v1/campaigns/${campaign.body.id}/invites`;
    const emails = Array.from({ length: 40 }, (_, i) => `crash${i}@example.com`);

    // The request runs; once 12 invitations are in the outbox, SIGKILL.
    const first = server;
    const request = api(first.url, 'POST', path, { emails }, ADMIN).catch(() => null);
    for (;;) {
      const files = await readdir(join(dir, 'outbox')).catch(() => [] as string[]);
      if (files.filter((f) => f.endsWith('.eml')).length >= 12) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(await request).toBeNull();
    const beforeRetry = (await invitations()).length;
    expect(beforeRetry).toBeLessThan(40);

    // Same data folder, new process: the same request again, and once more after the mail lease.
    server = await startChildServer(dir, env);
    const retry = await api(server.url, 'POST', path, { emails }, ADMIN);
    expect(retry.status).toBe(201);
    expect(retry.body.emailed + retry.body.alreadyInvited + retry.body.pending).toBe(40);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 200));
    const again = await api(server.url, 'POST', path, { emails }, ADMIN);
    expect(again.body).toMatchObject({ pending: 0, failed: 0 });
    expect(retry.body.emailed + again.body.emailed).toBeGreaterThanOrEqual(40 - beforeRetry);

    // Everyone has their invitation, each address one link; a second mail only where the kill struck mid-send.
    const mail = await invitations();
    const linksOf = new Map<string, Set<string>>();
    for (const m of mail) {
      const links = linksOf.get(m.to) ?? new Set<string>();
      links.add(linkIn(m.text, '/s/'));
      linksOf.set(m.to, links);
    }
    expect([...linksOf.keys()].sort()).toEqual([...emails].sort());
    for (const links of linksOf.values()) expect(links.size).toBe(1);
    expect(mail.length - 40).toBeLessThanOrEqual(8);
    // A third request sends nothing.
    const third = await api(server.url, 'POST', path, { emails }, ADMIN);
    expect(third.body).toMatchObject({ emailed: 0, alreadyInvited: 40 });
    server.child.kill('SIGTERM');
    await server.exited;
  });
});

describe('a delivery of the report that dies half-way', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mailLeaseMs: LEASE_MS });
  });
  afterAll(() => h.close());

  it('mails the rest on the next run, and leaves each contact one working link', async () => {
    const sent: MailMessage[] = [];
    const inFlight: MailMessage[] = [];
    // Three contacts are mailed; then every send hangs, as in a process that was killed with them in flight.
    const dying: Mailer = {
      sender: 'orgos@orgos.test',
      send: (m) => {
        if (sent.length < 3) {
          sent.push(m);
          return Promise.resolve();
        }
        inFlight.push(m);
        return new Promise<void>(() => {});
      },
    };
    const app = h.withDeps({ mailer: dying });
    const org = await call(app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Deliver Co' } });
    const contacts = Array.from({ length: 12 }, (_, i) => ({ name: `Exec ${i}`, email: `exec${i}@deliver.example` }));
    await call(app, 'PUT', `/api/v1/orgs/${org.body.id}/contacts`, { token: ADMIN_TOKEN, body: { contacts } });
    const made = await call(app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Wave', departments: ['Sales'] },
    });
    const campaignId = made.body.id as string;
    void call(app, 'POST', `/api/v1/campaigns/${campaignId}/close`, { token: ADMIN_TOKEN });
    while (inFlight.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));

    // A new process: the job, once the dead run's claims have lapsed.
    const delivered: MailMessage[] = [];
    const mailer: Mailer = { sender: 'orgos@orgos.test', send: async (m) => void delivered.push(m) };
    h.clock.advance(LEASE_MS + 600);
    await runDue({ ...h.deps, mailer }, h.clock.now);

    // Exactly the contacts without a sent marker, each once.
    const done = new Set(sent.map((m) => m.to.email));
    expect(delivered.map((m) => m.to.email).sort()).toEqual(
      contacts
        .map((c) => c.email)
        .filter((e) => !done.has(e))
        .sort(),
    );
    expect((await h.store.getCampaign(campaignId))!.reportSentAt).toBeDefined();
    // Every contact holds one working link: what a dead run may have mailed is revoked.
    // A link works when its code can be exchanged for a viewer session.
    const works = async (m: MailMessage) => {
      const url = linkIn(m.text, `${PUBLIC_URL}/report.html#`);
      const res = await call(h.app, 'POST', '/api/v1/auth/viewer', { body: { code: codeIn(url, 'view') } });
      return res.status === 200;
    };
    for (const c of contacts) {
      const mails = [...sent, ...inFlight, ...delivered].filter((m) => m.to.email === c.email);
      const working = (await Promise.all(mails.map(works))).filter(Boolean);
      expect(working, c.email).toHaveLength(1);
    }
    // A further run sends nothing.
    await runDue({ ...h.deps, mailer }, h.clock.now);
    expect(delivered).toHaveLength(contacts.length - 3);
  });
});
