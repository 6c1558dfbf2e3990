// submit-throughput: survey submissions per second through the local server (HTTP on loopback, autocannon, unique
// responseIds) beside the raw write rate of the same embedded engine on disk: the same SDK putting items of the same
// shape (a response item the server itself stored) with the same condition, at the same concurrency, in one process.
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { linkNodeModules, ROOT } from './lib/bundle';
import type { BenchContext } from './lib/context';
import { startDynalite } from './lib/dynalite';
import { writeEngineWriter } from './lib/engine-writer';
import { load } from './lib/load';
import { childEnv, runOk } from './lib/proc';
import { createCampaign, httpFetcher, simulatedResponses, startLocalServer, submissionBody } from './lib/product';
import { type Row, row } from './lib/result';
import { median } from './lib/stats';

const CONNECTIONS = 10;

export async function submitThroughput(ctx: BenchContext): Promise<Row[]> {
  const seconds = ctx.quick ? 3 : 10;
  const warmup = ctx.quick ? 1 : 2;
  // Three rounds, each the server then the engine back to back: on a shared machine one round swings by 3×.
  const rounds = ctx.quick ? 1 : 3;
  const responses = await simulatedResponses(2_000, 5);
  linkNodeModules(ctx.tmp);

  const server: number[] = [];
  const engine: number[] = [];
  const engineWithReads: number[] = [];
  const notes: string[] = [];
  let stored: StoredItems | null = null;
  for (let round = 0; round < rounds; round++) {
    // The server: a fresh data dir each round, so both sides start from an empty engine.
    const local = await startLocalServer(ctx.tmp);
    try {
      const campaign = await createCampaign(httpFetcher(local.url));
      let i = 0;
      const drive = (duration: number) =>
        load({
          url: local.url,
          connections: CONNECTIONS,
          duration,
          requests: [
            {
              method: 'POST',
              path: campaign.submitPath,
              headers: { 'content-type': 'application/json' },
              setupRequest: (req) => ({ ...req, body: submissionBody(responses, i++) }),
            },
          ],
        });
      await drive(warmup);
      const result = await drive(seconds);
      const bad = result.non2xx + result.errors + result.timeouts;
      if (result['2xx'] === 0) throw new Error(`no submission succeeded: ${JSON.stringify(result.statusCodeStats)}`);
      server.push(result['2xx'] / result.duration);
      notes.push(
        `round ${round + 1}: ${result['2xx']} created in ${result.duration} s, p50 ${result.latency.p50} ms, ` +
          `p99 ${result.latency.p99} ms${bad > 0 ? `, ${bad} not 2xx (${JSON.stringify(result.statusCodeStats)})` : ''}`,
      );
      ctx.log(`server round ${round + 1}: ${Math.round(server.at(-1)!)}/s`);
    } finally {
      await local.stop();
    }
    stored ??= await storedItems(local.engineDir, local.table);

    // The raw engine: same item shape, same concurrency, a fresh dir; then the same with the handler's two reads.
    const raw = async (label: string, withReads: boolean) => {
      const [runner, input] = writeEngineWriter(ctx.tmp, {
        dataDir: join(ctx.tmp, `engine-${label}-${round}`),
        table: { TableName: local.table, ...(await tableDefinition()) },
        item: uniqueItem(stored!.response),
        condition: 'attribute_not_exists(PK)',
        ...(withReads
          ? { seed: [stored!.link, stored!.campaign], reads: [keyOf(stored!.link), keyOf(stored!.campaign)] }
          : {}),
        concurrency: CONNECTIONS,
        warmupSeconds: warmup,
        seconds,
      });
      const out = await runOk(process.execPath, [runner, input], { cwd: ROOT, env: childEnv(), timeoutMs: 120_000 });
      const figures = JSON.parse(out.stdout) as { done: number; failed: number; perSecond: number };
      if (figures.failed > 0) throw new Error(`raw engine writes failed: ${figures.failed}; ${out.stderr.slice(-500)}`);
      ctx.log(`engine ${label} round ${round + 1}: ${Math.round(figures.perSecond)}/s`);
      return figures.perSecond;
    };
    engine.push(await raw('put', false));
    engineWithReads.push(await raw('reads', true));
  }

  const how =
    `${rounds === 1 ? 'one round' : `median of ${rounds} rounds`} of ${seconds} s after ${warmup} s warm-up, ` +
    `${CONNECTIONS} at a time`;
  return [
    row({
      id: 'submit-throughput.submissions',
      value: Math.round(median(server)),
      baseline: Math.round(median(engine)),
      target: 'ratio >= 0.75',
      unit: 'req/s',
      note:
        `POST /api/v1/surveys/{token}/responses through the local server (ORGOS_RATE_LIMIT=0 lifts its per-client ` +
        `limit, ORGOS_SEED=0), autocannon on loopback, beside conditional puts of the server's own stored response ` +
        `item into dynalite on disk in one process; ${how}; ${notes.join('; ')}`,
    }),
    row({
      id: 'submit-throughput.store-work',
      value: Math.round(median(server)),
      baseline: Math.round(median(engineWithReads)),
      target: null,
      unit: 'req/s',
      note:
        'context for the row above: the same server figure beside the engine doing the store work a submission ' +
        'would do without the app instance caching survey links and (for 2 s) campaigns: consistent GetItem of the ' +
        'survey link, GetItem of the campaign, conditional PutItem, no HTTP; with the caches warm a submission makes ' +
        `the put alone; ${how}`,
    }),
  ];
}

interface StoredItems {
  response: Record<string, unknown>;
  link: Record<string, unknown>;
  campaign: Record<string, unknown>;
}

const keyOf = (item: Record<string, unknown>) => ({ PK: item.PK, SK: item.SK });

/** A response, survey link and campaign item exactly as the server stored them, read from its engine files. */
async function storedItems(engineDir: string, table: string): Promise<StoredItems> {
  const engine = await startDynalite(engineDir);
  const client = new DynamoDBClient({ endpoint: engine.endpoint });
  const doc = DynamoDBDocumentClient.from(client);
  const found: Partial<Record<string, Record<string, unknown>>> = {};
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(new ScanCommand({ TableName: table, Limit: 100, ExclusiveStartKey: start }));
      for (const item of out.Items ?? []) found[String(item.entity)] ??= item;
      start = out.LastEvaluatedKey;
    } while (start && !(found.response && found.surveyLink && found.campaign));
  } finally {
    client.destroy();
    await engine.close();
  }
  if (!found.response || !found.surveyLink || !found.campaign) {
    throw new Error(
      `the server stored no ${['response', 'surveyLink', 'campaign'].filter((e) => !found[e]).join(', ')}`,
    );
  }
  return { response: found.response, link: found.surveyLink, campaign: found.campaign };
}

/** Same attributes and sizes; the key and stream position get the write's number so every put is a new item. */
function uniqueItem(item: Record<string, unknown>): Record<string, unknown> {
  return {
    ...item,
    PK: `RESP#__N__#${String(item.PK).slice('RESP#'.length + 8)}`,
    GSI1SK: `${String(item.GSI1SK).split('#')[0]}#__N__`,
  };
}

async function tableDefinition(): Promise<Record<string, unknown>> {
  const { TABLE_DEFINITION } = await import('../functions/store/keys');
  return JSON.parse(JSON.stringify(TABLE_DEFINITION)) as Record<string, unknown>;
}
