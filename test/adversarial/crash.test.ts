import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite } from '../../functions/local/dynalite';
import { freshStats, instrumentOf, mergeCells } from '../../functions/reports/campaign-stats';
import { DynamoStore } from '../../functions/store/dynamo-store';
import { keys } from '../../functions/store/keys';
import { makeAnswers } from '../http/harness';
import { seededRandom, sha256Hex, uuidsFrom } from './support';

// Crash safety: the local server (dynalite on disk) is killed with SIGKILL in the middle of a stream of submissions,
// started again on the same data folder, and everything the client did not see confirmed is sent again, with some
// confirmed ones too. Nothing may be lost and nothing counted twice.

const ADMIN = 'crash-test-admin-token-0123456789';
const SUBMISSIONS = 600;
const KILL_AFTER = 200;
const CONCURRENCY = 16;
const SEED = 9_090_909;
const WITHDRAW_EVERY = 20;
/** Arrivals per stretch of the fold that is killed: small, so the kill lands with most of the fold still to do. */
const FOLD_CHUNK = 25;

let dir: string;
let child: ChildProcess | undefined;
/** The campaign the first test leaves closed with every response counted, for the fold test after it. */
let closedCampaign: string | undefined;

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** Starts the local server in a child process and waits for the address it prints. */
async function startServer(): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'local-server-entry.ts')], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: {
      ...process.env,
      ORGOS_DATA_DIR: dir,
      ORGOS_SEED: '0',
      ORGOS_RATE_LIMIT: '0',
      ORGOS_ADMIN_TOKEN: ADMIN,
      PORT: '0',
      HOST: '127.0.0.1',
      ORGOS_WEB_DIR: join(dir, 'no-web'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address after 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /orgos is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((how) => reject(new Error(`server exited (${String(how)}) before listening:\n${output}`)));
  });
  return { child: proc, url, exited };
}

async function api(url: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orgos-crash-'));
});
afterAll(async () => {
  // Only the child this file started, by its pid.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

describe('kill -9 during a stream of submissions', () => {
  it('loses nothing and counts nothing twice once the unconfirmed ones are sent again', async () => {
    const first = await startServer();
    const org = await api(first.url, 'POST', '/api/v1/orgs', { name: 'Crash Co' }, ADMIN);
    const campaign = await api(
      first.url,
      'POST',
      `/api/v1/orgs/${org.body.id}/campaigns`,
      { name: 'Crash wave', departments: ['Sales', 'Operations', 'Support'] },
      ADMIN,
    );
    expect(campaign.status).toBe(201);
    const { id: campaignId, surveyToken } = campaign.body as { id: string; surveyToken: string };

    const random = seededRandom(SEED);
    const uuid = uuidsFrom(random);
    const bodies = Array.from({ length: SUBMISSIONS }, (_, i) => ({
      responseId: uuid(),
      answers: makeAnswers(() => 1 + Math.floor(random() * 5)),
      level: ['frontline', 'manager', 'executive'][i % 3]!,
      department: ['Sales', 'Operations', 'Support'][i % 3]!,
      durationS: 200 + i,
    }));
    const submitPath = `/api/v1/surveys/${surveyToken}/responses`;

    // Stream with 16 in flight; once 200 are confirmed, SIGKILL, while the rest keep coming (and fail).
    const confirmed = new Map<string, string>();
    const unconfirmed: (typeof bodies)[number][] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const body = bodies[i]!;
        try {
          const res = await api(first.url, 'POST', submitPath, body);
          if (res.status === 201 || res.status === 200) confirmed.set(body.responseId, res.body.receipt);
          else unconfirmed.push(body);
        } catch {
          unconfirmed.push(body); // connection reset or refused: the client cannot know whether it counted
        }
        if (!killed && confirmed.size >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await first.exited).toBe('SIGKILL');
    expect(confirmed.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(confirmed.size + unconfirmed.length).toBe(SUBMISSIONS);
    expect(unconfirmed.length).toBeGreaterThan(0);

    // Same data folder, new process: re-send every unconfirmed submission and every fourth confirmed one.
    const second = await startServer();
    const resend = [...unconfirmed, ...bodies.filter((b, i) => i % 4 === 0 && confirmed.has(b.responseId))];
    const statuses = { created: 0, retried: 0 };
    for (const body of resend) {
      const res = await api(second.url, 'POST', submitPath, body);
      expect([200, 201]).toContain(res.status);
      const known = confirmed.get(body.responseId);
      // A confirmed response is answered as a retry, with the receipt the client already holds.
      if (known) {
        expect(res.status).toBe(200);
        expect(res.body.receipt).toBe(known);
      }
      if (res.status === 201) statuses.created++;
      else statuses.retried++;
      confirmed.set(body.responseId, res.body.receipt);
    }
    expect(confirmed.size).toBe(SUBMISSIONS);

    // Some respondents withdraw before the close: the folds below must take them out exactly once.
    const receipts = [...confirmed.values()];
    for (let i = 0; i < receipts.length; i += WITHDRAW_EVERY) {
      expect((await api(second.url, 'DELETE', `/api/v1/responses/${receipts[i]}`)).status).toBe(204);
    }
    const counted = SUBMISSIONS - Math.ceil(SUBMISSIONS / WITHDRAW_EVERY);

    // The report counts every respondent once (it shows the count once closed: no volume while it runs, 17.6);
    // after the close it publishes the figures.
    const open = await api(second.url, 'GET', `/api/v1/campaigns/${campaignId}/report`, undefined, ADMIN);
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body.n).toBeNull();
    const closed = await api(second.url, 'POST', `/api/v1/campaigns/${campaignId}/close`, undefined, ADMIN);
    expect(closed.status).toBe(200);
    // The server runs on real time: for the settling window after the close the report counts but shows no figures
    // (published below, once the server is stopped, from a fold at a time past the window).
    const report = await api(second.url, 'GET', `/api/v1/campaigns/${campaignId}/report`, undefined, ADMIN);
    expect(report.body).toMatchObject({ n: counted, published: false, campaign: { status: 'closed' } });

    // Stop the server cleanly and read its table directly: one response item per responseId, keyed by its receipt.
    second.child.kill('SIGTERM');
    await second.exited;
    const dynamo = await startDynalite({ path: join(dir, 'dynamo') });
    try {
      const store = new DynamoStore(dynamo.client, 'orgos');
      const record = (await store.getCampaign(campaignId))!;
      const stream = await store.readResponses(campaignId, record.shards, null);
      expect(stream).toHaveLength(SUBMISSIONS);
      expect(new Set(stream.map((r) => r.key))).toEqual(new Set([...confirmed.values()].map(sha256Hex)));
      for (const r of stream) expect(await store.getResponse(r.key)).not.toBeNull();
      const settled = new Date(Date.parse(record.closedAt!) + 3_600_000);
      const published = mergeCells(instrumentOf(record), await freshStats(store, record, settled));
      expect(published.n).toBe(counted);
      // The raw stream index, without the reader's de-duplication: one entry per response. dynalite alone writes an
      // item's index entry before the item, so a kill between the two left an entry whose item was written again
      // later, elsewhere in the stream, and a fold in stretches counted it twice; the local engine now writes both in
      // one LevelDB batch (functions/local/dynalite.ts).
      const doc = DynamoDBDocumentClient.from(dynamo.client);
      let entries = 0;
      for (let shard = 0; shard < record.shards; shard++) {
        const out = await doc.send(
          new QueryCommand({
            TableName: 'orgos',
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.responseStream(campaignId, shard).GSI1PK },
            Select: 'COUNT',
          }),
        );
        entries += out.Count ?? 0;
      }
      expect(entries, 'index entries without their item').toBe(SUBMISSIONS);
      closedCampaign = campaignId;
      console.log(
        `crash: killed after ${KILL_AFTER}+ confirmations with ${unconfirmed.length} unconfirmed; re-sent ` +
          `${resend.length}: ${statuses.created} new, ${statuses.retried} already counted; ` +
          `${entries} index entries`,
      );
    } finally {
      await dynamo.close();
    }
    // Three processes, 1,200 requests and a store read: minutes when the machine is shared.
  }, 180_000);

  it('kill -9 during the scheduler fold: the snapshot, folded on from its stored cursor, equals a fold from scratch', async () => {
    expect(closedCampaign, 'the test above leaves a closed campaign').toBeDefined();
    const campaignId = closedCampaign!;
    const settled = new Date(Date.now() + 3_600_000).toISOString();
    const fold = () => {
      const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fold-entry.ts')], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: {
          ...process.env,
          ORGOS_DATA_DIR: dir,
          FOLD_CAMPAIGN: campaignId,
          FOLD_NOW: settled,
          FOLD_CHUNK: String(FOLD_CHUNK),
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let output = '';
      proc.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
      });
      proc.stderr!.on('data', (d: Buffer) => {
        output += d.toString();
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        proc.once('exit', (code, signal) => resolve(signal ?? code)),
      );
      return {
        proc,
        exited,
        output: () => output,
        stored: () => output.split('\n').filter((l) => l.startsWith('stored')),
      };
    };

    // Killed once a few stretches are stored, with the two folders racing for the next.
    const first = fold();
    const deadline = Date.now() + 60_000;
    while (first.stored().length < 4 && Date.now() < deadline && first.proc.exitCode === null) {
      await new Promise((r) => setTimeout(r, 5));
    }
    first.proc.kill('SIGKILL');
    expect(await first.exited, first.output()).toBe('SIGKILL');
    const before = first.stored().length;
    expect(first.output()).not.toContain('caught-up');

    // Started again on the same files: it goes on from the stored cursor to the close.
    const second = fold();
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toContain('caught-up');
    expect(second.stored().length).toBeGreaterThan(0);

    const dynamo = await startDynalite({ path: join(dir, 'dynamo') });
    try {
      const store = new DynamoStore(dynamo.client, 'orgos');
      const record = (await store.getCampaign(campaignId))!;
      const snapshot = (await store.getSnapshot(campaignId))!;
      expect(snapshot.cursor).toBe(`${record.closedAt}~`);
      const fresh = await freshStats(store, record, new Date(settled));
      expect(new Map(Object.entries(snapshot.cells))).toEqual(fresh);
      expect(mergeCells(instrumentOf(record), fresh).n).toBe(SUBMISSIONS - Math.ceil(SUBMISSIONS / WITHDRAW_EVERY));
      console.log(
        `crash: fold killed after ${before} stored stretches of ${FOLD_CHUNK}; ${second.stored().length} more after the restart (version ${snapshot.version})`,
      );
    } finally {
      await dynamo.close();
    }
  }, 180_000);
});
