// report-scaling: warm latency of GET /api/v1/campaigns/{id}/report with 100,000 responses in one campaign beside
// the same read with 100, through the app in this process (`app.request`) on the embedded engine on disk, as the local
// server runs it. Responses are loaded straight through the store port (its putResponse), in parallel, with the
// records the submission route would write; the app's clock is set after them so the snapshot cursor covers them all.
// Each campaign is then closed through the API half an hour before the reads (results are published only once a
// campaign is closed and the close is older than the safety window; until then it answers with counts only), so the
// reads time the whole published report.
import { join } from 'node:path';
import { type AttributeValue, BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROOT } from './lib/bundle';
import type { BenchContext } from './lib/context';
import { startDynalite, startDynaliteProcess } from './lib/dynalite';
import {
  adminHeaders,
  type BenchApp,
  benchApp,
  type Campaign,
  createCampaign,
  simulatedResponses,
  TABLE,
  timedStore,
} from './lib/product';
import { type Row, row } from './lib/result';
import { median, quantile } from './lib/stats';

const NOW = new Date('2026-01-15T12:00:00.000Z');
/**
 * Responses arrive over an hour that ended an hour before NOW, so every one is older than the snapshot cursor (NOW
 * less the 60 s safety window): the warm reads of both sizes then have the same empty tail, and what is compared is
 * the snapshot path alone. (On a live campaign the tail is what arrived in the last minute, whatever the size.)
 */
const SPREAD_MS = 3_600_000;
const FIRST_AT = NOW.getTime() - 2 * SPREAD_MS;
/**
 * The loading app's clock, at which each campaign is closed: after every loaded response and half an hour before NOW,
 * so the close has long settled (results are published once it is older than the safety window) when the reads run.
 */
const CLOSE_AT = new Date(NOW.getTime() - SPREAD_MS / 2);
/** BatchWriteItems in flight while loading. */
const LOAD_CONCURRENCY = 6;

export async function reportScaling(ctx: BenchContext): Promise<Row[]> {
  const large = ctx.quick ? 10_000 : 100_000;
  const small = 100;
  const warmReads = ctx.quick ? 5 : 10;
  const dataDir = join(ctx.tmp, 'engine');

  // Load with the engine in a child process (both cores at work), then measure with it in this process, as the
  // local server runs it, on the same files.
  const loader = await startDynaliteProcess(dataDir, ROOT);
  const batcher = new BatchingLoader();
  const loading = await benchApp(loader.endpoint, { clock: () => CLOSE_AT, client: (c) => batcher.attach(c) });
  let smallCampaign: Campaign;
  let largeCampaign: Campaign;
  let loadNote: string;
  try {
    smallCampaign = await loadCampaign(loading, batcher, small);
    const t0 = performance.now();
    largeCampaign = await loadCampaign(loading, batcher, large);
    const seconds = (performance.now() - t0) / 1000;
    loadNote =
      `loaded ${large.toLocaleString('en-US')} in ${seconds.toFixed(0)} s (${Math.round(large / seconds)}/s) ` +
      "through the store's putResponse, its items written 25 to a BatchWriteItem";
    ctx.log(loadNote);
  } finally {
    loading.close();
    await loader.close();
  }

  const engine = await startDynalite(dataDir);
  const timed = { wrap: undefined as ReturnType<typeof timedStore> | undefined };
  const app = await benchApp(engine.endpoint, {
    clock: () => NOW,
    store: (store) => {
      timed.wrap = timedStore(store);
      return timed.wrap.store;
    },
  });
  try {
    const read = async (campaign: Campaign, expected: number) => {
      const t0 = performance.now();
      const res = await app.request(campaign.reportPath, { headers: adminHeaders });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (!res.ok) throw new Error(`report ${res.status}: ${body.slice(0, 300)}`);
      const { n, published } = JSON.parse(body) as { n?: number; published?: boolean };
      if (n !== expected) throw new Error(`report counted ${n} responses, expected ${expected}`);
      if (published !== true) throw new Error('the report is not published: the campaign is not closed');
      return ms;
    };
    // First reads fold from scratch and store the snapshot; warm reads start from it.
    const firstSmall = await read(smallCampaign, small);
    const firstLarge = await read(largeCampaign, large);
    ctx.log(`first reads: ${firstSmall.toFixed(0)} ms at ${small}, ${firstLarge.toFixed(0)} ms at ${large}`);
    const warm = { small: [] as number[], large: [] as number[] };
    // Store time per method over the warm reads, to say where a warm read's time goes.
    const spent = { small: new Map<string, number>(), large: new Map<string, number>() };
    const timedRead = async (size: 'small' | 'large') => {
      timed.wrap!.reset();
      warm[size].push(await read(size === 'small' ? smallCampaign : largeCampaign, size === 'small' ? small : large));
      for (const [name, t] of timed.wrap!.totals()) spent[size].set(name, (spent[size].get(name) ?? 0) + t.ms);
    };
    // Interleaved, so a noisy neighbour slows both sizes alike.
    for (let i = 0; i < warmReads; i++) {
      await timedRead('small');
      await timedRead('large');
    }
    const breakdown = (size: 'small' | 'large') =>
      [...spent[size]].map(([name, ms]) => `${name} ${(ms / warmReads).toFixed(1)}`).join(', ');
    const iqr = (xs: number[]) => `IQR ${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)}`;
    return [
      row({
        id: 'report-scaling.warm',
        value: round(median(warm.large)),
        baseline: round(median(warm.small)),
        target: 'ratio <= 1.5',
        unit: 'ms',
        note:
          `GET /api/v1/campaigns/{id}/report of a closed campaign (the published report) via app.request on ` +
          `dynalite on disk, median of ${warmReads} warm reads ` +
          `(after the first) at ${large.toLocaleString('en-US')} responses (${iqr(warm.large)}) beside ${small} ` +
          `(${iqr(warm.small)}); mean store time per warm read (ms, calls run in parallel) at ${large}: ` +
          `${breakdown('large')}; at ${small}: ${breakdown('small')}; ${loadNote}`,
      }),
      row({
        id: 'report-scaling.first',
        value: round(firstLarge),
        baseline: round(firstSmall),
        target: null,
        unit: 'ms',
        note: 'the first read of each campaign: folds every response from scratch and stores the snapshot',
      }),
    ];
  } finally {
    app.close();
    await engine.close();
  }
}

/**
 * Loading 100,000 responses one PutItem at a time takes minutes on dynalite. The store still builds every item (its
 * own putResponse runs, so keys, stream position and attributes are exactly what it writes), but this middleware takes
 * the response PutItems out of the client, answers them as successful, and the loader writes them 25 to a
 * BatchWriteItem. Keys are unique by construction, so the skipped condition could never have failed.
 */
class BatchingLoader {
  #queue: Record<string, AttributeValue>[] = [];
  #client: DynamoDBClient | undefined;

  attach(client: DynamoDBClient): void {
    this.#client = client;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Item?: Record<string, AttributeValue> };
        if (context.commandName === 'PutItemCommand' && input.Item?.entity?.S === 'response') {
          this.#queue.push(input.Item);
          return { output: { $metadata: {} }, response: {} } as Awaited<ReturnType<typeof next>>;
        }
        return next(args);
      },
      { step: 'build', name: 'benchBatchingLoader' },
    );
  }

  /** Writes queued items in batches of 25 once at least `min` are waiting (0: everything). */
  async flush(min = 25): Promise<void> {
    while (this.#queue.length >= Math.max(1, min)) {
      let batch = this.#queue.splice(0, 25);
      while (batch.length > 0) {
        const out = await this.#client!.send(
          new BatchWriteItemCommand({ RequestItems: { [TABLE]: batch.map((Item) => ({ PutRequest: { Item } })) } }),
        );
        batch = (out.UnprocessedItems?.[TABLE] ?? []).map((r) => r.PutRequest!.Item!);
      }
    }
  }
}

/** A campaign with `n` simulated responses, put through the store port with the submission route's records. */
async function loadCampaign(app: BenchApp, batcher: BatchingLoader, n: number): Promise<Campaign> {
  const { canonicalHash, sha256Hex } = await import('../functions/api/token-hash');
  const pool = await simulatedResponses(Math.min(n, 5_000), 11);
  const campaign = await createCampaign(app.request, `Report ${n}`);
  const record = await app.store.getCampaign(campaign.campaignId);
  if (!record) throw new Error('campaign not stored');
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const r = pool[i % pool.length]!;
      // As functions/api/routes/surveys.ts builds it; the key hashes an index instead of an HMAC receipt.
      const key = sha256Hex(`${campaign.campaignId}:${i}`);
      const receivedAt = new Date(FIRST_AT + Math.floor((i * SPREAD_MS) / n)).toISOString();
      const content = {
        answers: r.answers,
        level: r.level,
        department: r.department,
        ...(r.durationS === undefined ? {} : { durationS: r.durationS }),
        ...(r.ledger ? { ledger: r.ledger } : {}),
      };
      const put = await app.store.putResponse({
        key,
        campaignId: record.id,
        shard: Number.parseInt(key.slice(0, 8), 16) % record.shards,
        position: `${receivedAt}#${key.slice(0, 16)}`,
        receivedAt,
        contentHash: canonicalHash(content),
        ...content,
      });
      if (!put.created) throw new Error('duplicate key while loading');
      await batcher.flush();
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
  await batcher.flush(0);
  // Closed at the loading app's clock (CLOSE_AT), after every loaded response: all of them are in the published results.
  const closed = await app.request(`/api/v1/campaigns/${campaign.campaignId}/close`, {
    method: 'POST',
    headers: adminHeaders,
  });
  if (!closed.ok) throw new Error(`close: ${closed.status} ${(await closed.text()).slice(0, 300)}`);
  return campaign;
}

const round = (n: number) => Math.round(n * 100) / 100;
