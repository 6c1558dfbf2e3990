import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '../../functions/api/app';
import type { AppDeps } from '../../functions/api/deps';
import { statsOptions } from '../../functions/api/stats-options';
import { randomToken } from '../../functions/api/token-hash';
import { closeGraceOf } from '../../functions/lifecycle/answer-window';
import { ensureTable, startDynalite } from '../../functions/local/dynalite';
import { type DemoLinks, seedDemo } from '../../functions/local/seed';
import { OutboxMailer } from '../../functions/mail/outbox-mailer';
import { DynamoStore } from '../../functions/store/dynamo-store';
import type { ResponseRecord } from '../../functions/store/store';
import { buildWeb } from '../../web/build';

// The whole product in this process for the browser tests: the web build in a temporary folder, dynalite in memory,
// the real app with its static files on one origin, on a random loopback port, seeded with the local demo.

export interface E2EServer {
  url: string;
  demo: DemoLinks;
  /** The folder the mail goes to: the tests sign in with the links they find there. */
  outbox: string;
  /** dynalite listens on loopback, so test files reach the same table through their own client. */
  dynamoEndpoint: string;
  table: string;
  /**
   * Moves the server's clock past the settling window (the snapshot safety window), so campaigns closed until now
   * have published results (campaign-state.ts `publishesAtOf`); real time goes on from there.
   */
  settle(): void;
  close(): Promise<void>;
}

/** A store over the e2e server's table, for a test file to check what was stored. */
export function e2eStore(endpoint: string, table: string): { store: DynamoStore; close(): void } {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { store: new DynamoStore(client, table), close: () => client.destroy() };
}

/** Every stored response of a campaign, withdrawn ones included. */
export async function storedResponses(store: DynamoStore, campaignId: string): Promise<ResponseRecord[]> {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new Error(`no campaign ${campaignId}`);
  return store.readResponses(campaign.id, campaign.shards, null);
}

/** POST here moves the e2e server's clock past the settling window (see `settle`). */
export const SETTLE_PATH = '/__e2e/settle';

export async function startE2EServer(): Promise<E2EServer> {
  const webRoot = await mkdtemp(join(tmpdir(), 'orgos-e2e-web-'));
  const outbox = await mkdtemp(join(tmpdir(), 'orgos-e2e-outbox-'));
  await buildWeb(webRoot);
  const dynamo = await startDynalite();
  const table = 'orgos-e2e';
  await ensureTable(dynamo.client, table);
  const store = new DynamoStore(dynamo.client, table);
  const adminToken = randomToken();
  let shiftMs = 0;
  const deps: AppDeps = {
    store,
    clock: () => new Date(Date.now() + shiftMs),
    newId: randomUUID,
    randomToken,
    config: { publicUrl: '', adminToken },
    // Mail lands in the temporary folder, as the local server writes it.
    mailer: new OutboxMailer('orgos@localhost', outbox),
    assets: serveStatic({ root: webRoot }),
  };
  const app = createApp(deps);
  // Past the settling window and the close's grace (closedAt is dated that much after the close is asked).
  const settle = () => {
    shiftMs += statsOptions(deps).safetyMs + closeGraceOf(deps.config) + 1000;
  };
  // Test files run in their own processes: one that closes a campaign in the browser asks the server to settle
  // it here (a path the app itself never has), rather than waiting a real minute.
  const fetch = (request: Request) => {
    if (request.method === 'POST' && new URL(request.url).pathname === SETTLE_PATH) {
      settle();
      return new Response(null, { status: 204 });
    }
    return app.fetch(request);
  };
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps.config.publicUrl = url;
  const demo = await seedDemo(deps, adminToken);
  return {
    url,
    demo,
    outbox,
    dynamoEndpoint: dynamo.endpoint,
    table,
    settle,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await dynamo.close();
      await rm(webRoot, { recursive: true, force: true });
      await rm(outbox, { recursive: true, force: true });
    },
  };
}
