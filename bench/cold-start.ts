// cold-start: bundle size and the cost of a fresh process answering its first API Gateway v2 event, for the product's
// Lambda beside a bare Hono Lambda (and Express + serverless-http), all built and measured in this run.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type HttpApiEvent, httpApiEvent } from './lib/apigw-event';
import { type Bundle, bundleLambda, LAMBDA_NODE_OPTIONS, ROOT } from './lib/bundle';
import { type ColdSample, parseSample, writeRunner } from './lib/cold-runner';
import type { BenchContext } from './lib/context';
import { startDynalite } from './lib/dynalite';
import { childEnv, runOk } from './lib/proc';
import { lambdaSubmission } from './lib/product';
import { type Row, row } from './lib/result';
import { median, quantile } from './lib/stats';

const BASELINE_TABLE = 'bench-baseline';

interface Variant {
  name: string;
  bundle: Bundle;
  env: NodeJS.ProcessEnv;
  event: (i: number) => HttpApiEvent;
  samples: ColdSample[];
}

const kib = (n: number) => Math.round((n / 1024) * 10) / 10;

/** Bytes of the bundle's files that a fresh process loads to answer `event` (module hook, untimed). */
async function loadedBytes(tmp: string, bundle: Bundle, env: NodeJS.ProcessEnv, event: HttpApiEvent): Promise<number> {
  const runner = writeRunner(tmp);
  const result = await runOk(process.execPath, [runner], {
    cwd: tmp,
    env: { ...env, BENCH_BUNDLE: `file://${bundle.file}`, BENCH_EVENT: JSON.stringify(event), BENCH_TRACE: '1' },
    timeoutMs: 30_000,
  });
  const sample = parseSample(result.stdout);
  if (!sample.status || sample.status >= 400) throw new Error(`traced run answered ${sample.status}: ${sample.body}`);
  const dir = `file://${dirname(bundle.file)}/`;
  return (sample.loaded ?? [])
    .filter((url) => url.startsWith(dir) && url.endsWith('.mjs'))
    .reduce((sum, url) => sum + statSync(fileURLToPath(url)).size, 0);
}

export async function coldStart(ctx: BenchContext): Promise<Row[]> {
  const runs = ctx.quick ? 5 : 15;
  const engine = await startDynalite();
  try {
    const client = new DynamoDBClient({ endpoint: engine.endpoint });
    await client.send(
      new CreateTableCommand({
        TableName: BASELINE_TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
      }),
    );
    client.destroy();

    ctx.log('bundling');
    const build = (name: string, entry: string) => bundleLambda(entry, join(ctx.tmp, name));
    const hono = await build('hono', join(ROOT, 'bench/baselines/hono-hello.ts'));
    const express = await build('express', join(ROOT, 'bench/baselines/express-hello.ts'));
    const empty = await build('empty', join(ROOT, 'bench/baselines/empty.ts'));
    const sdk = await build('sdk', join(ROOT, 'bench/baselines/sdk-import.ts'));

    const baseEnv = childEnv({
      ORGOS_TABLE: BASELINE_TABLE,
      AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint,
      NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
    });
    // The same item shape a submission stores is not known to the baselines; a response-sized item stands in.
    const putEvent = (i: number) => httpApiEvent('POST', '/put', baselineItem(i));
    const health = () => httpApiEvent('GET', '/health');
    const variants: Variant[] = [
      { name: 'node', bundle: empty, env: baseEnv, event: health, samples: [] },
      { name: 'sdk', bundle: sdk, env: baseEnv, event: health, samples: [] },
      { name: 'hono-health', bundle: hono, env: baseEnv, event: health, samples: [] },
      { name: 'hono-put', bundle: hono, env: baseEnv, event: putEvent, samples: [] },
      { name: 'express-health', bundle: express, env: baseEnv, event: health, samples: [] },
    ];

    // The respondent function (survey page, submissions, withdrawals) answers the respondent paths and /health; the
    // API function (everything else) is measured beside it for the notes.
    const entry = join(ROOT, 'functions/api/lambda.ts');
    const respondentEntry = join(ROOT, 'functions/api/respondent-lambda.ts');
    let product: Bundle | null = null;
    let respondent: Bundle | null = null;
    let missing = '';
    let loads = '';
    if (!existsSync(entry) || !existsSync(respondentEntry)) {
      missing = 'functions/api/lambda.ts or respondent-lambda.ts has not landed';
    } else {
      try {
        product = await build('product', entry);
        respondent = await build('respondent', respondentEntry);
        const submission = await lambdaSubmission(engine.endpoint);
        const env = childEnv({ NODE_OPTIONS: LAMBDA_NODE_OPTIONS, ...submission.env });
        variants.push({ name: 'respondent-health', bundle: respondent, env, event: health, samples: [] });
        variants.push({ name: 'respondent-submit', bundle: respondent, env, event: submission.event, samples: [] });
        variants.push({ name: 'product-health', bundle: product, env, event: health, samples: [] });
        variants.push({ name: 'product-submit', bundle: product, env, event: submission.event, samples: [] });
        // Diagnostic: what infra's --enable-source-maps costs the respondent bundle at load.
        const noMaps = { ...env, NODE_OPTIONS: '' };
        variants.push({
          name: 'respondent-health-nomaps',
          bundle: respondent,
          env: noMaps,
          event: health,
          samples: [],
        });
        // What a cold start of each request reads of the respondent bundle (one untimed traced run each).
        const page = httpApiEvent('GET', `/s/${submission.surveyToken}`);
        const traced = [] as string[];
        for (const [what, event] of [
          ['/health', health()],
          ['a submission', submission.event(10_000)],
          ['the survey page', page],
        ] as const) {
          traced.push(`${what} ${kib(await loadedBytes(ctx.tmp, respondent, env, event))} KiB`);
        }
        loads = traced.join(', ');
      } catch (e) {
        missing = `product lambda not measured: ${(e as Error).message.split('\n')[0]}`;
        ctx.log(missing);
      }
    }

    const runner = writeRunner(ctx.tmp);
    ctx.log(`${runs} fresh processes per variant, interleaved`);
    // Round-robin so a noisy neighbour slows every variant alike rather than one of them.
    const once = async (v: Variant, i: number): Promise<ColdSample> => {
      const result = await runOk(process.execPath, [runner], {
        cwd: ctx.tmp,
        env: { ...v.env, BENCH_BUNDLE: `file://${v.bundle.file}`, BENCH_EVENT: JSON.stringify(v.event(i)) },
        timeoutMs: 30_000,
      });
      const sample = parseSample(result.stdout);
      if (!sample.status || sample.status >= 400)
        throw new Error(`${v.name} answered ${sample.status}: ${sample.body}`);
      return sample;
    };
    for (let i = 0; i < runs + 1; i++) {
      for (const v of [...variants]) {
        try {
          const sample = await once(v, i);
          // The first round warms the OS file cache for every variant alike; it is not counted.
          if (i > 0) v.samples.push(sample);
        } catch (e) {
          // A failing product Lambda leaves its rows empty with the reason; a failing baseline fails the benchmark.
          if (!v.name.startsWith('product')) throw e;
          missing = `product lambda failed: ${(e as Error).message.split('\n')[0]!.slice(0, 300)}`;
          ctx.log(missing);
          variants.splice(0, variants.length, ...variants.filter((x) => !x.name.startsWith('product')));
        }
      }
    }

    const med = (name: string, key: keyof ColdSample = 'totalMs') => {
      const v = variants.find((x) => x.name === name);
      return v && v.samples.length > 0 ? Math.round(median(v.samples.map((s) => s[key] as number)) * 10) / 10 : null;
    };
    const iqr = (name: string) => {
      const v = variants.find((x) => x.name === name);
      if (!v) return '';
      const t = v.samples.map((s) => s.totalMs);
      return `IQR ${quantile(t, 0.25).toFixed(0)}–${quantile(t, 0.75).toFixed(0)}`;
    };
    const inProc = (name: string) =>
      med(name) === null ? 'not measured' : `import ${f(med(name, 'importMs'))} + event ${f(med(name, 'eventMs'))} ms`;
    const nodeAlone = med('node');
    const common =
      `median of ${runs} fresh processes, process start to answer, NODE_OPTIONS=${LAMBDA_NODE_OPTIONS} as infra ` +
      `sets it; node alone ${f(nodeAlone)} ms; importing just the DynamoDB SDK (client + lib) ${f(med('sdk', 'importMs'))} ms`;
    const topOf = (b: Bundle) => b.top.map((t) => `${t.path} ${kib(t.bytes)}`).join(', ');
    const why = missing ? ` — ${missing}` : '';

    return [
      row({
        id: 'cold-start.health',
        value: med('respondent-health'),
        baseline: med('hono-health'),
        target: 'ratio <= 1.1',
        unit: 'ms',
        note: `GET /health, answered by the respondent function (API Gateway routes it there); ${common}; respondent ${inProc('respondent-health')} (${iqr('respondent-health')}), bare Hono ${inProc('hono-health')} (${iqr('hono-health')}); the API function (every other route) ${f(med('product-health'))} ms, ${inProc('product-health')}; respondent without --enable-source-maps ${f(med('respondent-health-nomaps'))} ms${why}`,
      }),
      row({
        id: 'cold-start.submit',
        value: med('respondent-submit'),
        baseline: med('hono-put'),
        target: 'ratio <= 1.1',
        unit: 'ms',
        note: `POST /api/v1/surveys/{token}/responses on the respondent function (a cold instance reads the survey link and the campaign, then makes its one conditional put; dynalite on loopback) beside bare Hono making one put through the same SDK; respondent ${inProc('respondent-submit')} (${iqr('respondent-submit')}), bare Hono ${inProc('hono-put')} (${iqr('hono-put')}); the same submission on the API function (all routes) ${f(med('product-submit'))} ms${why}`,
      }),
      row({
        id: 'cold-start.survey-bundle-raw',
        value: respondent ? kib(respondent.raw) : null,
        baseline: kib(hono.raw),
        target: 'value <= 80',
        unit: 'KiB',
        note: respondent
          ? `the respondent function's index.mjs and the chunks it imports statically (what loading the handler reads), beside bare Hono's one file; read by a cold start in all (traced): ${loads}; the whole package ${kib(respondent.total)} KiB in ${respondent.files.length} files (the API function's ${kib(product?.total ?? 0)} KiB); heaviest inputs over all chunks (KiB): ${topOf(respondent)}`
          : `not measured${why}`,
      }),
      row({
        id: 'cold-start.express-health',
        value: med('express-health'),
        baseline: med('hono-health'),
        target: null,
        unit: 'ms',
        note: `second baseline: Express 5 + serverless-http, same route, beside bare Hono; ${inProc('express-health')}`,
      }),
      row({
        id: 'cold-start.size-raw',
        value: product ? kib(product.raw) : null,
        baseline: kib(hono.raw),
        target: null,
        unit: 'KiB',
        note: `the API function (every route but the respondent's): index.mjs and its static chunks as infra bundles them (linked .map files not counted), ${product ? kib(product.total) : '—'} KiB with its lazy chunks; Express bundle ${kib(express.raw)} KiB${product ? `; heaviest inputs (KiB): ${topOf(product)}` : why}`,
      }),
      row({
        id: 'cold-start.size-gzip',
        value: product ? kib(product.gzip) : null,
        baseline: kib(hono.gzip),
        target: null,
        unit: 'KiB',
        note: `gzip -9 of the same files; the respondent function's ${respondent ? kib(respondent.gzip) : '—'} KiB; Express bundle ${kib(express.gzip)} KiB`,
      }),
    ];
  } finally {
    await engine.close();
  }
}

const f = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** About the size of a stored response: keys, entity marker, 35 answers, segment and time. */
function baselineItem(i: number): Record<string, unknown> {
  const answers: Record<string, number> = {};
  for (let q = 0; q < 35; q++) answers[`item_${q}`] = 1 + ((i + q) % 5);
  return {
    PK: `CAMPAIGN#bench#${i % 8}`,
    SK: `RESPONSE#${Date.now()}#${i}#${Math.random().toString(36).slice(2)}`,
    entity: 'response',
    v: 1,
    answers,
    level: 'frontline',
    department: 'Operations',
    receivedAt: new Date().toISOString(),
  };
}
