import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '../../functions/api/app';
import type { AppConfig, AppDeps } from '../../functions/api/deps';
import { statsOptions } from '../../functions/api/stats-options';
import { randomToken } from '../../functions/api/token-hash';
import { closeGraceOf } from '../../functions/lifecycle/answer-window';
import { ensureTable, type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import type { Mailer, MailMessage } from '../../functions/mail/mailer';
import { DynamoStore } from '../../functions/store/dynamo-store';
import { CURRENT_INSTRUMENT, type Instrument, isLikert } from '../../shared/instrument';
import type { Answers } from '../../shared/response';
import { type ProfileName, simulatePopulation } from '../../shared/simulation';
import { choiceAnswer } from '../factories';
import { OpenApiConformance } from '../support/openapi-conformance';

// In-process API tests: the real app over the real AWS SDK against dynalite in memory, one table per test file.

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const PUBLIC_URL = 'https://orgos.test';

export interface Harness {
  dynamo: LocalDynamo;
  table: string;
  store: DynamoStore;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  /** The fake clock: tests move it. */
  clock: { now: Date; advance(ms: number): void };
  /** Every message the app mailed, in order. */
  mail: MailMessage[];
  close(): Promise<void>;
  /** Every item of the table (a Scan is fine in a test, never on a request path). */
  scanAll(): Promise<Record<string, unknown>[]>;
  /** A fresh app over the same table with other config or deps. */
  withDeps(overrides: Omit<Partial<AppDeps>, 'config'> & { config?: Partial<AppConfig> }): ReturnType<typeof createApp>;
}

type App = Pick<ReturnType<typeof createApp>, 'request'>;

/**
 * The clock and settling window behind each harness app, so `closeCampaign` can let a close settle: a close takes
 * effect its grace after the ask (lifecycle/answer-window.ts), and publishes the safety window after that.
 */
const settling = new WeakMap<App, { clock: Harness['clock']; settleMs: number }>();
const settleOf = (config: Partial<AppConfig>) =>
  statsOptions({ config: { publicUrl: PUBLIC_URL, ...config } }).safetyMs + closeGraceOf(config);

export async function startHarness(config: Partial<AppConfig> = {}): Promise<Harness> {
  const dynamo = await startDynalite();
  const table = `orgos-test-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.client, table);
  const store = new DynamoStore(dynamo.client, table);
  const clock = {
    now: new Date('2026-03-02T09:00:00.000Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const mail: MailMessage[] = [];
  const mailer: Mailer = {
    sender: 'orgos@orgos.test',
    send: async (message) => {
      mail.push(message);
    },
  };
  const deps: AppDeps = {
    store,
    clock: () => clock.now,
    newId: randomUUID,
    randomToken,
    mailer,
    // No floor under sign-in answers here: the tests do not time them, and the fuzzer sends many.
    config: { publicUrl: PUBLIC_URL, adminToken: ADMIN_TOKEN, signInFloorMs: 0, ...config },
  };
  const app = createApp(deps);
  settling.set(app, { clock, settleMs: settleOf(deps.config) });
  return {
    dynamo,
    table,
    store,
    deps,
    app,
    clock,
    mail,
    close: () => dynamo.close(),
    scanAll: async () => {
      const doc = DynamoDBDocumentClient.from(dynamo.client);
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },
    withDeps: ({ config: c, ...rest }) => {
      const other = createApp({ ...deps, ...rest, config: { ...deps.config, ...c } });
      settling.set(other, { clock, settleMs: settleOf({ ...deps.config, ...c }) });
      return other;
    },
  };
}

let conformance: OpenApiConformance | undefined;

/**
 * JSON request helper: returns status, headers and the parsed body (text when not JSON). Throws when the response
 * is not as /api/openapi.json documents it.
 */
export async function call(
  app: App,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies field by field and assert on them
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    // An explicit empty content type means: send none.
    if (!('content-type' in headers)) headers['content-type'] = 'application/json';
    if (headers['content-type'] === '') delete headers['content-type'];
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  // Every response of every flow is held to /api/openapi.json (test/support/openapi-conformance.ts).
  conformance ??= new OpenApiConformance();
  const problems = conformance.problems(method, path, res.status, res.headers.get('content-type'), parsed);
  if (problems.length > 0) throw new Error(`the response is not as documented:\n${problems.join('\n')}`);
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/**
 * Answers to every likert item with `value` and the choice items with `capacity` (an option id, or a meaning such as
 * 'cost': factories.ts `choiceAnswer`), for the instrument new campaigns get.
 */
export function makeAnswers(
  value: number | ((itemId: string, index: number) => number) = 4,
  capacity = 'profit',
): Answers {
  const answers: Answers = {};
  CURRENT_INSTRUMENT.items.forEach((item, i) => {
    answers[item.id] = isLikert(item)
      ? typeof value === 'function'
        ? value(item.id, i)
        : value
      : choiceAnswer(item, capacity);
  });
  return answers;
}

export function makeSubmission(
  overrides: Partial<{
    responseId: string;
    answers: Answers;
    level: string;
    department: string;
    durationS: number;
  }> = {},
) {
  return {
    responseId: randomUUID(),
    answers: makeAnswers(),
    level: 'frontline',
    department: 'Sales',
    durationS: 300,
    ...overrides,
  };
}

/**
 * Closes the campaign, then moves the harness clock past the settling window (the snapshot safety window), after
 * which its results are published (campaign-state.ts `publishesAtOf`). `settle: false` leaves the clock at the close.
 */
export async function closeCampaign(
  app: App,
  campaignId: string,
  token = ADMIN_TOKEN,
  options: { settle?: boolean } = {},
) {
  const res = await call(app, 'POST', `/api/v1/campaigns/${campaignId}/close`, { token });
  if (res.status !== 200) throw new Error(`close: ${res.status} ${res.text}`);
  const behind = settling.get(app);
  if (behind && options.settle !== false) behind.clock.advance(behind.settleMs + 1000);
  return res.body;
}

/** An organisation with a campaign, made by the admin; returns ids and the survey token. */
export async function seedCampaign(
  app: App,
  body: Record<string, unknown> = {},
  token = ADMIN_TOKEN,
): Promise<{ orgId: string; campaignId: string; surveyToken: string }> {
  const org = await call(app, 'POST', '/api/v1/orgs', { token, body: { name: 'Acme' } });
  if (org.status !== 201) throw new Error(`org: ${org.status} ${org.text}`);
  const campaign = await call(app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
    token,
    body: { name: 'Wave 1', departments: ['Sales', 'Operations'], ...body },
  });
  if (campaign.status !== 201) throw new Error(`campaign: ${campaign.status} ${campaign.text}`);
  return { orgId: org.body.id, campaignId: campaign.body.id, surveyToken: campaign.body.surveyToken };
}

/**
 * A closed, published wave in the organisation: a campaign of `instrument`, answered through the survey route by 60
 * simulated respondents of `profile` (the same seed gives the same answers in another organisation), then closed and
 * settled. Returns the campaign's id and its published report's diagnoses.
 */
export async function publishedSimulatedWave(
  h: Harness,
  orgId: string,
  options: { profile: ProfileName; seed: number; departments: string[]; instrument?: Instrument; name?: string },
): Promise<{ campaignId: string; diagnoses: unknown[] }> {
  const instrument = options.instrument ?? CURRENT_INSTRUMENT;
  const campaign = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
    token: ADMIN_TOKEN,
    body: { name: options.name ?? 'Wave', departments: options.departments, instrumentVersion: instrument.version },
  });
  if (campaign.status !== 201) throw new Error(`campaign: ${campaign.status} ${campaign.text}`);
  const version = campaign.body.instrument?.version ?? instrument.version;
  if (version !== instrument.version) throw new Error(`campaign: made with ${version}, not ${instrument.version}`);
  const { workforce } = simulatePopulation(instrument, options.profile, {
    n: 60,
    seed: options.seed,
    leadershipN: 0,
    noise: { departments: options.departments },
  });
  for (const r of workforce) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${campaign.body.surveyToken}/responses`, {
      body: {
        responseId: randomUUID(),
        answers: r.answers,
        level: r.level,
        department: r.department,
        durationS: r.durationS,
      },
    });
    if (res.status !== 201) throw new Error(`response: ${res.status} ${res.text}`);
  }
  h.clock.advance(60_000);
  await closeCampaign(h.app, campaign.body.id);
  const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaign.body.id}/report`, { token: ADMIN_TOKEN });
  if (report.status !== 200 || report.body.published !== true) {
    throw new Error(`report: ${report.status} ${report.text}`);
  }
  return { campaignId: campaign.body.id, diagnoses: report.body.diagnoses };
}

/** The `name=value` pairs of the cookies an answer sets (for the next request's Cookie header). */
export function cookiesSet(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

/** The code a mailed link carries in its fragment (`#code=…` or `#view=…`). */
export const codeIn = (url: string, name: 'code' | 'view'): string =>
  new URLSearchParams(new URL(url).hash.slice(1)).get(name) ?? '';

/** Opens a report viewer link as its page does: the code for a viewer session cookie. */
export async function viewerCookie(app: App, url: string): Promise<string> {
  const res = await call(app, 'POST', '/api/v1/auth/viewer', { body: { code: codeIn(url, 'view') } });
  if (res.status !== 200) throw new Error(`viewer: ${res.status} ${res.text}`);
  return cookiesSet(res.headers);
}

/** Signs in with a mailed sign-in link as its page does: the session cookie and the CSRF token for changes. */
export async function signInWith(app: App, url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await call(app, 'POST', '/api/v1/auth/session', { body: { code: codeIn(url, 'code') } });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${res.text}`);
  return { cookie: cookiesSet(res.headers), csrf: res.body.csrfToken };
}
