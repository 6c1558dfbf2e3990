// report-scaling: the published report of a closed campaign at 100 (the baseline), 100,000 and 1,000,000 responses,
// through the app in this process (`app.request`) on the embedded engine on disk, as the local server runs it.
// Responses are loaded straight through the store port (its putResponse) with the records the submission route would
// write, each campaign is closed through the API after them, and the scheduler (runDue, as the Lambda and the local
// server's timer run it) folds them into the report snapshot, run after run, timed: that is the catch-up row. Then the
// first published read (a snapshot read, the tail after it empty) and warm reads. The clock of the reads is half an
// hour after the close, so the results are published (the close is older than the safety window).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
// The document client's own marshalling (a dependency of @aws-sdk/lib-dynamodb), as the store uses it.
import { marshall } from '@aws-sdk/util-dynamodb';
import type { LifecycleDeps } from '../functions/lifecycle/invites';
import { runDue } from '../functions/lifecycle/lifecycle';
import { freshStats, instrumentOf, mergeCells } from '../functions/reports/campaign-stats';
import { FOLD_CHUNK_ITEMS, FOLD_ITEMS_PER_RUN, FOLD_RUN_MS } from '../functions/reports/fold-job';
import type { DynamoStore } from '../functions/store/dynamo-store';
import type { ResponseRecord } from '../functions/store/store';
import { ROOT } from './lib/bundle';
import type { BenchContext } from './lib/context';
import { type EngineProcess, startDynalite, startDynaliteProcess } from './lib/dynalite';
import {
  ADMIN_TOKEN,
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
  const huge = ctx.quick ? 50_000 : 1_000_000;
  const small = 100;
  const warmReads = ctx.quick ? 5 : 10;
  const dataDir = join(ctx.tmp, 'engine');

  // Load with the engine in a child process (both cores at work), then measure with it in this process, as the
  // local server runs it, on the same files.
  const load = async (sizes: number[]) => {
    const loader = await startDynaliteProcess(dataDir, ROOT);
    const loading = await benchApp(loader.endpoint, { clock: () => CLOSE_AT });
    const batcher = new BatchingLoader(loader, loading.store as DynamoStore);
    try {
      const out: { campaign: Campaign; note: string }[] = [];
      for (const n of sizes) {
        const t0 = performance.now();
        const campaign = await loadCampaign(loading, batcher, n);
        const seconds = (performance.now() - t0) / 1000;
        const note = `loaded ${n.toLocaleString('en-US')} in ${seconds.toFixed(0)} s (${Math.round(n / seconds)}/s)`;
        if (n >= 10_000) ctx.log(note);
        out.push({ campaign, note });
      }
      return out;
    } finally {
      loading.close();
      await loader.close();
    }
  };
  const [smallLoad, largeLoad] = await load([small, large]);
  const smallCampaign = smallLoad!.campaign;
  const largeCampaign = largeLoad!.campaign;

  const measure = await measuring(dataDir);
  let warmSmall: number;
  const rows: Row[] = [];
  try {
    // The scheduler (runDue, as the Lambda and the local server's timer run it) brings the snapshots up to date.
    const largeCatchUp = await catchUp(measure, largeCampaign, ctx);
    // The least any fold of these responses does: reading and folding them once, from scratch, with no snapshot.
    const record = (await measure.app.store.getCampaign(largeCampaign.campaignId))!;
    const t0 = performance.now();
    const fresh = mergeCells(instrumentOf(record), await freshStats(measure.app.store, record, NOW));
    const freshMs = performance.now() - t0;
    if (fresh.n !== large) throw new Error(`a fresh fold counted ${fresh.n}, expected ${large}`);

    // The first published read of each campaign, then warm reads of both sizes, interleaved.
    const firstSmall = await measure.read(smallCampaign, small);
    const firstLarge = await measure.read(largeCampaign, large);
    ctx.log(`first reads: ${firstSmall.toFixed(0)} ms at ${small}, ${firstLarge.toFixed(0)} ms at ${large}`);
    const warm = { small: [] as number[], large: [] as number[] };
    const spent = { small: new Map<string, number>(), large: new Map<string, number>() };
    for (let i = 0; i < warmReads; i++) {
      warm.small.push(await measure.timedRead(smallCampaign, small, spent.small));
      warm.large.push(await measure.timedRead(largeCampaign, large, spent.large));
    }
    warmSmall = median(warm.small);
    const breakdown = (m: Map<string, number>) =>
      [...m].map(([name, ms]) => `${name} ${(ms / warmReads).toFixed(1)}`).join(', ');
    const iqr = (xs: number[]) => `IQR ${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)}`;
    rows.push(
      row({
        id: 'report-scaling.first',
        value: round(firstLarge),
        baseline: round(warmSmall),
        target: 'ratio <= 3',
        unit: 'ms',
        note:
          `the first GET /api/v1/campaigns/{id}/report of the closed campaign of ${large.toLocaleString('en-US')} ` +
          `responses once the scheduler has folded it, beside the warm read at ${small}; the first read at ${small} ` +
          `${firstSmall.toFixed(1)} ms; before the scheduler folded (issue 14) the first read folded everything on the ` +
          `request path: a fresh fold of the same responses takes ${(freshMs / 1000).toFixed(1)} s here`,
      }),
      row({
        id: 'report-scaling.warm',
        value: round(median(warm.large)),
        baseline: round(warmSmall),
        target: 'ratio <= 1.5',
        unit: 'ms',
        note:
          `GET /api/v1/campaigns/{id}/report of a closed campaign (the published report) via app.request on ` +
          `dynalite on disk, median of ${warmReads} warm reads (after the first) at ${large.toLocaleString('en-US')} ` +
          `responses (${iqr(warm.large)}) beside ${small} (${iqr(warm.small)}); mean store time per warm read (ms, ` +
          `calls run in parallel) at ${large}: ${breakdown(spent.large)}; at ${small}: ${breakdown(spent.small)}; ` +
          `${largeLoad!.note}: the store's own items, written into the engine's files in batches (EngineProcess.bulkPut)`,
      }),
      row({
        id: 'scheduler.catch-up',
        value: round(largeCatchUp.longestS),
        baseline: round(freshMs / 1000),
        target: 'value <= 60',
        unit: 's',
        note:
          `the longest scheduler run (runDue on the local engine, the run's fold budget as deployed) while it folds the ` +
          `${large.toLocaleString('en-US')} unsnapshotted responses of a closed campaign, beside one fold of them from ` +
          `scratch; ${largeCatchUp.note}`,
      }),
      row({
        id: 'scheduler.catch-up-runs',
        value: largeCatchUp.runs,
        baseline: null,
        target: 'value <= 2',
        unit: 'runs',
        note: `scheduler runs until the snapshot of the ${large.toLocaleString('en-US')} responses reached the close`,
      }),
    );
  } finally {
    await measure.close();
  }

  // A million: loaded into the same engine, folded by the scheduler, then its first and warm published reads.
  const [hugeLoad] = await load([huge]);
  const hugeCampaign = hugeLoad!.campaign;
  const again = await measuring(dataDir);
  try {
    const hugeCatchUp = await catchUp(again, hugeCampaign, ctx);
    const first = await again.read(hugeCampaign, huge);
    const warm: number[] = [];
    for (let i = 0; i < Math.min(5, warmReads); i++) warm.push(await again.timedRead(hugeCampaign, huge, new Map()));
    ctx.log(`first read at ${huge}: ${first.toFixed(0)} ms`);
    rows.push(
      row({
        id: 'report-scaling.first-1m',
        value: round(first),
        baseline: round(warmSmall),
        target: 'ratio <= 5',
        unit: 'ms',
        note:
          `the first published report of the closed campaign of ${huge.toLocaleString('en-US')} responses once the ` +
          `scheduler has folded it, beside the warm read at ${small}; warm reads at ${huge.toLocaleString('en-US')}: ` +
          `median ${median(warm).toFixed(1)} ms of ${warm.length}; scheduler: ${hugeCatchUp.runs} runs, longest ` +
          `${hugeCatchUp.longestS.toFixed(1)} s (${hugeCatchUp.note}); ${hugeLoad!.note}`,
      }),
    );
  } finally {
    await again.close();
  }
  return rows;
}

interface Measuring {
  app: BenchApp;
  read: (campaign: Campaign, expected: number) => Promise<number>;
  /** A read whose store time per method is added to `spent`. */
  timedRead: (campaign: Campaign, expected: number, spent: Map<string, number>) => Promise<number>;
  deps: Pick<LifecycleDeps, 'store' | 'clock' | 'randomToken' | 'config'>;
  close: () => Promise<void>;
}

/** The engine on `dataDir` in this process and the app on it at NOW, as the local server runs them. */
async function measuring(dataDir: string): Promise<Measuring> {
  const engine = await startDynalite(dataDir);
  const timed = { wrap: undefined as ReturnType<typeof timedStore> | undefined };
  const app = await benchApp(engine.endpoint, {
    clock: () => NOW,
    store: (store) => {
      timed.wrap = timedStore(store);
      return timed.wrap.store;
    },
  });
  const read = async (campaign: Campaign, expected: number) => {
    const t0 = performance.now();
    const res = await app.request(campaign.reportPath, { headers: adminHeaders });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`report ${res.status}: ${body.slice(0, 300)}`);
    const { n, published } = JSON.parse(body) as { n?: number; published?: boolean };
    if (n !== expected) throw new Error(`report counted ${n} responses, expected ${expected}`);
    if (published !== true) throw new Error('the report is not published: the campaign is not closed');
    return ms;
  };
  return {
    app,
    read,
    timedRead: async (campaign, expected, spent) => {
      timed.wrap!.reset();
      const ms = await read(campaign, expected);
      for (const [name, t] of timed.wrap!.totals()) spent.set(name, (spent.get(name) ?? 0) + t.ms);
      return ms;
    },
    deps: {
      store: app.store,
      clock: () => NOW,
      randomToken: () => randomBytes(32).toString('base64url'),
      config: { publicUrl: 'http://127.0.0.1', adminToken: ADMIN_TOKEN },
    },
    close: async () => {
      app.close();
      await engine.close();
    },
  };
}

/** Scheduler runs at NOW until the campaign's snapshot reaches its close: how many, and how long each took. */
async function catchUp(m: Measuring, campaign: Campaign, ctx: BenchContext) {
  const record = (await m.app.store.getCampaign(campaign.campaignId))!;
  const end = `${record.closedAt}~`;
  const seconds: number[] = [];
  let folded = 0;
  for (let run = 0; run < 50; run++) {
    const t0 = performance.now();
    const result = await runDue(m.deps as LifecycleDeps, NOW);
    seconds.push((performance.now() - t0) / 1000);
    folded += result.folded;
    ctx.log(`scheduler run ${run + 1}: ${result.folded} items in ${seconds.at(-1)!.toFixed(1)} s`);
    if ((await m.app.store.getSnapshot(campaign.campaignId))?.cursor === end) break;
  }
  if ((await m.app.store.getSnapshot(campaign.campaignId))?.cursor !== end) {
    throw new Error('the scheduler did not bring the snapshot to the close in 50 runs');
  }
  return {
    runs: seconds.length,
    longestS: Math.max(...seconds),
    note:
      `runs of ${seconds.map((s) => s.toFixed(1)).join(', ')} s folding ${folded.toLocaleString('en-US')} stream ` +
      `items in stretches of ${FOLD_CHUNK_ITEMS.toLocaleString('en-US')}, at most ` +
      `${FOLD_ITEMS_PER_RUN.toLocaleString('en-US')} items or ${FOLD_RUN_MS / 1000} s of new stretches per run`,
  };
}

/**
 * Loading a million responses one PutItem at a time takes hours on dynalite, and even building each put in the SDK
 * (a command, its middleware stack, its marshalling) costs ~2 ms. So the loader builds each item with the store's own
 * mapping (DynamoStore's `responseItem`, exactly what its putResponse writes: keys, stream position, attributes),
 * marshals it as the store's document client does, and writes the items into the engine's files in batches with the
 * engine's own key and index functions (EngineProcess.bulkPut). Keys are unique by construction, so the skipped
 * condition could never have failed.
 */
class BatchingLoader {
  #queue: Record<string, AttributeValue>[] = [];
  #engine: EngineProcess;
  #store: DynamoStore;

  constructor(engine: EngineProcess, store: DynamoStore) {
    this.#engine = engine;
    this.#store = store;
  }

  add(response: ResponseRecord): void {
    // The store's private mapping, reached on purpose (bracket access): no second copy of it to drift.
    const item = this.#store['responseItem'](response);
    // As DynamoStore's document client marshals (dynamo-store.ts `sdk()`).
    this.#queue.push(marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false }));
  }

  #writing: Promise<void>[] = [];

  /**
   * Sends queued items once at least `min` are waiting (0: everything, and waits for every write). Two batches in
   * flight: the engine writes one while this process builds the next.
   */
  async flush(min = 2_000): Promise<void> {
    while (this.#queue.length >= Math.max(1, min)) {
      if (this.#writing.length >= 2) await this.#writing.shift();
      const write = this.#engine.bulkPut(TABLE, this.#queue.splice(0, 2_000));
      // Awaited below or by a later flush; until then a failure must not count as unhandled.
      write.catch(() => undefined);
      this.#writing.push(write);
    }
    if (min === 0) await Promise.all(this.#writing.splice(0));
  }
}

/** A campaign with `n` simulated responses: the submission route's records, as the store writes them. */
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
      batcher.add({
        key,
        campaignId: record.id,
        shard: Number.parseInt(key.slice(0, 8), 16) % record.shards,
        position: `${receivedAt}#${key.slice(0, 16)}`,
        receivedAt,
        contentHash: canonicalHash(content),
        ...content,
      });
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
