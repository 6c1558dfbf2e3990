// Everything the bench knows about the product lives here, so each measurement is wired in one place as pieces land.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppConfig } from '../../functions/api/deps';
import type { Store } from '../../functions/store/store';
import type { SurveyResponse } from '../../shared/response';
import { type HttpApiEvent, httpApiEvent } from './apigw-event';
import { linkNodeModules, ROOT } from './bundle';
import { answers, childEnv, freePort, startProcess } from './proc';

/** The bootstrap admin token every app the bench starts is configured with (ORGOS_ADMIN_TOKEN / config). */
export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
/** The simulation's departments, so simulated responses always name one of the campaign's. */
export const DEPARTMENTS = ['Sales', 'Operations', 'Customer service', 'Finance', 'HR', 'IT'];
export const TABLE = 'orgos-bench';

/** `fetch`-like: `app.request` in process, or `fetch` against a server's base URL. */
export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export const httpFetcher =
  (baseUrl: string): Fetcher =>
  (path, init) =>
    fetch(`${baseUrl}${path}`, init);

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export interface Campaign {
  orgId: string;
  campaignId: string;
  surveyToken: string;
  /** Path of the submission route for this campaign. */
  submitPath: string;
  reportPath: string;
}

/** An organisation and an open campaign, made through the API with the admin token. */
export async function createCampaign(request: Fetcher, name = 'Bench'): Promise<Campaign> {
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const org = await json<{ id: string }>(
    await request('/api/v1/orgs', { method: 'POST', headers, body: JSON.stringify({ name: `${name} org` }) }),
    'create organisation',
  );
  const campaign = await json<{ id: string; surveyToken: string }>(
    await request(`/api/v1/orgs/${org.id}/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `${name} campaign`, departments: DEPARTMENTS }),
    }),
    'create campaign',
  );
  return {
    orgId: org.id,
    campaignId: campaign.id,
    surveyToken: campaign.surveyToken,
    submitPath: `/api/v1/surveys/${campaign.surveyToken}/responses`,
    reportPath: `/api/v1/campaigns/${campaign.id}/report`,
  };
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Simulated respondents (shared/simulation, seeded) to cycle through; each submission gets a fresh responseId. */
export async function simulatedResponses(n: number, seed = 7): Promise<SurveyResponse[]> {
  const { CURRENT_INSTRUMENT } = await import('../../shared/instrument');
  const { simulatePopulation, withLedgers } = await import('../../shared/simulation');
  const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, 'middling', {
    n,
    seed,
    leadershipN: 0,
    noise: { departments: DEPARTMENTS },
  });
  // With the ledger step's entries (2026.2 on), so the figures include folding and reporting them.
  return CURRENT_INSTRUMENT.ledger ? withLedgers(CURRENT_INSTRUMENT.ledger, workforce, seed) : workforce;
}

/** A valid submission body (`SubmitResponseBody`) for the i-th simulated respondent. */
export function submissionBody(responses: readonly SurveyResponse[], i: number): string {
  const r = responses[i % responses.length]!;
  return JSON.stringify({
    responseId: randomUUID(),
    answers: r.answers,
    level: r.level,
    department: r.department ?? DEPARTMENTS[0],
    ...(r.durationS === undefined ? {} : { durationS: r.durationS }),
    ...(r.ledger ? { ledger: r.ledger } : {}),
  });
}

export interface BenchApp {
  request: Fetcher;
  store: Store;
  close: () => void;
}

/**
 * The app in this process against a DynamoDB endpoint, assembled as the local server assembles it (DynamoStore on
 * the product's table definition), with a clock the caller may move.
 */
export async function benchApp(
  endpoint: string,
  options: {
    clock?: () => Date;
    config?: Partial<AppConfig>;
    client?: (client: DynamoDBClient) => void;
    /** Wraps the store the app gets (e.g. to time its calls). */
    store?: (store: Store) => Store;
  } = {},
): Promise<BenchApp> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { ensureTable } = await import('../../functions/local/dynalite');
  const { DynamoStore } = await import('../../functions/store/dynamo-store');
  const { createApp } = await import('../../functions/api/app');
  const { randomToken } = await import('../../functions/api/token-hash');
  const client = new DynamoDBClient({ endpoint, maxAttempts: 5 });
  options.client?.(client);
  await ensureTable(client, TABLE);
  const store = new DynamoStore(client, TABLE);
  const app = createApp({
    store: options.store ? options.store(store) : store,
    clock: options.clock ?? (() => new Date()),
    newId: randomUUID,
    randomToken,
    config: { publicUrl: 'http://127.0.0.1', adminToken: ADMIN_TOKEN, ...options.config },
  });
  return { request: async (path, init) => app.request(path, init), store, close: () => client.destroy() };
}

export interface LambdaSubmission {
  /** Environment for the Lambda: table name, endpoint override, config. */
  env: NodeJS.ProcessEnv;
  /** A valid submission event with a unique response id per call. */
  event: (i: number) => HttpApiEvent;
  /** The campaign's open survey link token (`/s/{token}` shows its page). */
  surveyToken: string;
}

/**
 * Creates the product's table on `endpoint`, seeds an org and an open campaign through the app, and returns how the
 * Lambda (functions/api/lambda.ts → aws-deps.ts) finds them: ORGOS_TABLE, the SDK's own AWS_ENDPOINT_URL_DYNAMODB.
 */
export async function lambdaSubmission(endpoint: string): Promise<LambdaSubmission> {
  const app = await benchApp(endpoint);
  try {
    const campaign = await createCampaign(app.request);
    const responses = await simulatedResponses(200);
    return {
      env: {
        ORGOS_TABLE: TABLE,
        AWS_ENDPOINT_URL_DYNAMODB: endpoint,
        ORGOS_ADMIN_TOKEN: ADMIN_TOKEN,
        ORGOS_PUBLIC_URL: 'https://bench.example',
      },
      event: (i) => httpApiEvent('POST', campaign.submitPath, submissionBody(responses, i)),
      surveyToken: campaign.surveyToken,
    };
  } finally {
    app.close();
  }
}

/**
 * The parse-only side of cli-scoring: the CLI's own reader driven exactly as `cli/score-csv.ts` drives it
 * (`textChunks` pushed into a `CsvParser`), counting records and doing nothing else (no mapping, no folding), loaded
 * through tsx as bin/orgos.js loads the CLI.
 */
export function parseOnlySource(cliDirUrl: string): string {
  return `import { register } from 'tsx/esm/api';
register();
const { CsvParser, textChunks } = await import(${JSON.stringify(`${cliDirUrl}/csv-reader.ts`)});
// With "map" as the second argument, each row is also mapped to a response as score-csv does (still no folding),
// to tell the mapping's share from the engine's.
const map = process.argv[3] === 'map';
let mapper = null;
let toResponse = null;
if (map) {
  const { responseMapper } = await import(${JSON.stringify(`${cliDirUrl}/csv-response.ts`)});
  const { CURRENT_INSTRUMENT } = await import(${JSON.stringify(`${cliDirUrl}/../shared/instrument/index.ts`)});
  toResponse = (fields, line, records) => {
    if (mapper === null) mapper = responseMapper(CURRENT_INSTRUMENT, fields, line);
    else mapper.toResponse(fields, records - 1, line);
  };
}
let records = 0;
const parser = new CsvParser((fields, line) => {
  records++;
  if (toResponse) toResponse(fields, line, records);
});
for await (const chunk of textChunks(process.argv[2])) parser.push(chunk);
parser.end();
process.stdout.write(String(records));
`;
}

/** Writes `n` simulated responses as an `orgos score` CSV, streamed so the bench itself never holds the file. */
export async function writeSimulatedCsv(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  for await (const chunk of simulatedCsvChunks(n)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * `shared/simulation` in batches of 50,000 (each its own seed), so a million responses never sit in memory at once;
 * the header comes once, from the first batch.
 */
async function* simulatedCsvChunks(n: number): AsyncGenerator<string> {
  const { CURRENT_INSTRUMENT } = await import('../../shared/instrument');
  const { simulatePopulation, simulationCsv, withLedgers } = await import('../../shared/simulation');
  const batch = 50_000;
  const ledger = CURRENT_INSTRUMENT.ledger;
  for (let done = 0, seed = 1; done < n; done += batch, seed++) {
    const size = Math.min(batch, n - done);
    const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, 'middling', { n: size, seed, leadershipN: 0 });
    // The ledger columns too (instruments with a ledger step), filled as respondents would.
    const rows = ledger ? withLedgers(ledger, workforce, seed) : workforce;
    const csv = simulationCsv(CURRENT_INSTRUMENT, rows, { ledger: Boolean(ledger) });
    yield done === 0 ? csv : csv.slice(csv.indexOf('\n') + 1);
  }
}

export interface LocalServer {
  url: string;
  /** Where the server's dynalite keeps its LevelDB files (ORGOS_DATA_DIR/dynamo). */
  engineDir: string;
  table: string;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * The local server (functions/local/server.ts `main`, as bin/start.js runs it through tsx) in a child process on a
 * loopback port with a fresh ORGOS_DATA_DIR, without the demo seed (ORGOS_SEED=0) and with the per-client submission
 * rate limit off (ORGOS_RATE_LIMIT=0: the bench drives it from one address). bin/start.js itself is not used because
 * it rebuilds the web pages into the repository's dist/web first; pass ORGOS_WEB_DIR to serve a build.
 */
export async function startLocalServer(
  tmp: string,
  env: NodeJS.ProcessEnv = {},
  /** Node's own flags for the server process (e.g. --cpu-prof). */
  nodeArgs: string[] = [],
): Promise<LocalServer> {
  linkNodeModules(tmp);
  const runner = join(tmp, 'local-server.mjs');
  const server = pathToFileURL(join(ROOT, 'functions/local/server.ts')).href;
  writeFileSync(
    runner,
    `import { register } from 'tsx/esm/api';\nregister();\nconst { main } = await import(${JSON.stringify(server)});\nawait main(process.env);\n`,
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = join(tmp, `server-data-${port}`);
  const started = await startProcess(process.execPath, [...nodeArgs, runner], {
    cwd: ROOT,
    env: childEnv({
      ORGOS_DATA_DIR: dataDir,
      ORGOS_TABLE: 'orgos',
      PORT: String(port),
      HOST: '127.0.0.1',
      ORGOS_ADMIN_TOKEN: ADMIN_TOKEN,
      ORGOS_RATE_LIMIT: '0',
      ORGOS_SEED: '0',
      ORGOS_WEB_DIR: join(tmp, 'no-web'),
      ...env,
    }),
    ready: () => answers(`${url}/health`),
    timeoutMs: 60_000,
  });
  return { url, engineDir: join(dataDir, 'dynamo'), table: 'orgos', stop: started.stop, output: started.output };
}

export interface FirstView {
  html: string;
  /** Every stylesheet, script, module preload and font the first view references, in request order. */
  assets: { path: string; body: Uint8Array }[];
}

/**
 * Builds the web (web/build.ts `buildWeb`) into the temp dir, runs the local server on it, creates a campaign and
 * fetches /s/{token} and everything its first view loads, over HTTP, as a browser would (Accept-Language: en).
 */
export async function surveyFirstView(tmp: string): Promise<FirstView> {
  const { buildWeb } = await import('../../web/build');
  const webDir = join(tmp, 'web');
  await buildWeb(webDir);
  const server = await startLocalServer(tmp, { ORGOS_WEB_DIR: webDir });
  try {
    const campaign = await createCampaign(httpFetcher(server.url), 'Weight');
    const get = async (path: string) => {
      const res = await fetch(new URL(path, server.url), { headers: { 'accept-language': 'en' } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    };
    const page = `/s/${campaign.surveyToken}`;
    const html = new TextDecoder().decode(await get(page));
    const assets: FirstView['assets'] = [];
    const seen = new Set<string>();
    const fetchAll = async (refs: string[], base: string) => {
      for (const ref of refs) {
        const url = new URL(ref, new URL(base, server.url));
        if (url.origin !== server.url || seen.has(url.pathname)) continue;
        seen.add(url.pathname);
        const body = await get(url.pathname);
        assets.push({ path: url.pathname, body });
        if (url.pathname.endsWith('.css')) await fetchAll(cssRefs(new TextDecoder().decode(body)), url.pathname);
        if (url.pathname.endsWith('.js')) await fetchAll(jsImports(new TextDecoder().decode(body)), url.pathname);
      }
    };
    await fetchAll(htmlRefs(html), page);
    return { html, assets };
  } finally {
    await server.stop();
  }
}

/** Stylesheets, scripts, module preloads, icons and images a first view requests. */
export function htmlRefs(html: string): string[] {
  const refs: string[] = [];
  for (const tag of html.match(/<(link|script|img)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const value = (m: RegExpExecArray | null) => (m ? (m[2] ?? m[3] ?? m[4] ?? '') : '');
    if (/^<link/i.test(tag)) {
      const rel = value(attr('rel')).toLowerCase();
      if (/\b(stylesheet|modulepreload|preload|icon)\b/.test(rel)) refs.push(value(attr('href')));
    } else {
      const src = value(attr('src'));
      if (src) refs.push(src);
    }
  }
  return refs.filter((r) => r && !r.startsWith('data:'));
}

/** url(...) and @import in a stylesheet (fonts, images). */
function cssRefs(css: string): string[] {
  const refs = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!);
  refs.push(...[...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2]!));
  return refs.filter((r) => !r.startsWith('data:'));
}

/** Static imports of another module (a split bundle); dynamic ones load later, not on first view. */
function jsImports(js: string): string[] {
  return [...js.matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?(['"])(\.{0,2}\/[^'"]+)\1/g)].map((m) => m[2]!);
}

/** A store whose every call is timed: `totals()` gives milliseconds and counts per method since the last `reset()`. */
export function timedStore(store: Store): {
  store: Store;
  totals: () => Map<string, { ms: number; calls: number }>;
  reset: () => void;
} {
  let totals = new Map<string, { ms: number; calls: number }>();
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const t = totals.get(String(name)) ?? { ms: 0, calls: 0 };
          t.ms += performance.now() - t0;
          t.calls++;
          totals.set(String(name), t);
        }
      };
    },
  });
  return {
    store: proxy,
    totals: () => totals,
    reset: () => {
      totals = new Map();
    },
  };
}
