import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '../api/app';
import type { AppDeps, AppLogger } from '../api/deps';
import { randomToken } from '../api/token-hash';
import { failureThrottle } from '../auth/failure-throttle';
import { weakSecretReason } from '../auth/secret-strength';
import { mintSignInLink } from '../auth/sign-in';
import { runDue } from '../lifecycle/lifecycle';
import { OutboxMailer } from '../mail/outbox-mailer';
import { DynamoStore } from '../store/dynamo-store';
import { ensureTable, startDynalite } from './dynalite';
import { submissionRateLimit } from './rate-limit';
import { DEMO_CONSULTANT, DEMO_EXECUTIVE, type DemoLinks, seedDemo } from './seed';

// `npm start`: the whole product on one machine. dynalite runs in this process and keeps its data on disk under
// ORGOS_DATA_DIR; the API and the built pages share one origin, as CloudFront gives them on AWS.

export type Env = Record<string, string | undefined>;

export interface LocalServer {
  url: string;
  adminToken: string;
  /** Where the admin token came from: never printed when the user supplied it (17.15). */
  adminTokenSource: 'environment' | string;
  demo: DemoLinks | null;
  /** Fresh single-use sign-in links for the demo's people, made at this start (15 minutes each). */
  signIn: { consultant: string | null; executive: string | null };
  /** Where mail goes: one .eml file per message. */
  outbox: string;
  /** Runs the lifecycle job once now (the timer runs it every ORGOS_LIFECYCLE_INTERVAL_MS). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

const consoleLogger: AppLogger = {
  info: (message, extra) => console.log(JSON.stringify({ level: 'INFO', message, ...extra })),
  warn: (message, extra) => console.warn(JSON.stringify({ level: 'WARN', message, ...extra })),
  error: (message, extra) => console.error(JSON.stringify({ level: 'ERROR', message, ...extra })),
};

/**
 * The admin token: ORGOS_ADMIN_TOKEN (refused when guessable, 17.15), else the one generated on the first run and
 * kept in the data folder, owner-only. Returns where it came from, which is what gets printed.
 */
export async function adminTokenFor(env: Env, dataDir: string): Promise<{ token: string; source: string }> {
  if (env.ORGOS_ADMIN_TOKEN !== undefined) {
    const weak = weakSecretReason(env.ORGOS_ADMIN_TOKEN);
    // The reason only, never the value: a token given in the environment is never echoed.
    if (weak) throw new Error(`ORGOS_ADMIN_TOKEN is refused: ${weak}. Leave it unset to have one generated.`);
    return { token: env.ORGOS_ADMIN_TOKEN, source: 'environment' };
  }
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: (await readFile(file, 'utf8')).trim(), source: file };
  const token = randomToken();
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return { token, source: file };
}

/**
 * The data folder holds addresses, hashes and answers: the owner's only. A folder that exists already keeps its mode
 * on mkdir, and LevelDB makes its files with the process's umask, so both are set here (0700 folders, 0600 files,
 * umask 077 for whatever comes later). A folder this process cannot make private stops the start.
 */
async function makePrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  process.umask(0o077);
  const walk = async (path: string, isDir: boolean): Promise<void> => {
    const want = isDir ? 0o700 : 0o600;
    const mode = (await lstat(path)).mode & 0o777;
    if ((mode & 0o077) !== 0 || (mode & want) !== want) {
      try {
        await chmod(path, want);
      } catch (error) {
        throw new Error(
          `orgos: cannot make ${path} readable by its owner only (${(error as NodeJS.ErrnoException).code}); not starting. Use a data folder of your own (ORGOS_DATA_DIR).`,
        );
      }
    }
    if (!isDir) return;
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isDirectory() || entry.isFile()) await walk(join(path, entry.name), entry.isDirectory());
    }
  };
  await walk(dir, true);
}

export async function startLocalServer(env: Env = process.env): Promise<LocalServer> {
  const dataDir = resolve(env.ORGOS_DATA_DIR ?? '.data');
  await makePrivate(dataDir);
  const table = env.ORGOS_TABLE ?? 'orgos';
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  const { token: adminToken, source: adminTokenSource } = await adminTokenFor(env, dataDir);

  const dynamo = await startDynalite({ path: join(dataDir, 'dynamo') });
  await ensureTable(dynamo.client, table);
  const store = new DynamoStore(dynamo.client, table);

  const webRoot = resolve(env.ORGOS_WEB_DIR ?? 'dist/web');
  const perMinute = Number(env.ORGOS_RATE_LIMIT ?? 60);
  const outbox = join(dataDir, 'outbox');
  const clock = () => new Date();
  const deps: AppDeps = {
    store,
    clock,
    newId: randomUUID,
    randomToken,
    config: {
      publicUrl: '',
      adminToken,
      ...(env.ORGOS_MAIL_LEASE_MS ? { mailLeaseMs: Number(env.ORGOS_MAIL_LEASE_MS) } : {}),
    },
    // No mail server needed: every message lands in the outbox folder as an .eml file.
    mailer: new OutboxMailer(env.ORGOS_SENDER ?? 'orgos@localhost', outbox, clock, consoleLogger),
    logger: consoleLogger,
    // 17.15: failed authentication from one client is throttled (20 at once, then 10 a minute).
    authFailures: failureThrottle({
      burst: 20,
      perMinute: 10,
      keyOf: (c) => getConnInfo(c).remote.address ?? 'unknown',
    }),
    // 0 turns the limit off (benchmarks drive the server from one address).
    ...(perMinute > 0
      ? { submissionGuard: submissionRateLimit({ burst: Math.max(10, perMinute / 2), perMinute }) }
      : {}),
    ...(existsSync(webRoot) ? { assets: serveStatic({ root: webRoot }) } : {}),
  };

  // The app reads publicUrl per request, so it can be filled in once the port is known.
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: host });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const url = (env.ORGOS_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`).replace(
    /\/+$/,
    '',
  );
  deps.config.publicUrl = url;

  // Demo data once per data folder; its links (they hold tokens) live in a file only the owner can read, never in
  // the table, which stores hashes only.
  const linksFile = join(dataDir, 'demo-links.json');
  let demo: DemoLinks | null = null;
  if (env.ORGOS_SEED !== '0') {
    if (await store.putMeta('seed', { startedAt: new Date().toISOString() })) {
      demo = await seedDemo(deps, adminToken);
      await writeFile(linksFile, JSON.stringify(demo, null, 2), { mode: 0o600 });
      await chmod(linksFile, 0o600);
    } else if (existsSync(linksFile)) {
      demo = JSON.parse(await readFile(linksFile, 'utf8')) as DemoLinks;
    }
  }

  // Sign-in links for the demo's people, fresh at every start (single use, 15 minutes): the way in for a newcomer.
  // Later sign-ins go through the sign-in page, whose mail lands in the outbox.
  const signInFor = async (userId: string | undefined) => {
    const user = userId ? await store.auth.getUser(userId) : null;
    return user && !user.revokedAt ? mintSignInLink(deps, user, clock()) : null;
  };
  const signIn = {
    consultant: await signInFor(demo?.consultantUserId),
    executive: await signInFor(demo?.executiveUserId),
  };

  // The lifecycle job (EventBridge runs it on AWS): closes campaigns at `closesAt`, sends scheduled reminders. One run
  // at a time; a run that finds nothing due costs one Query.
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= runDue(deps, clock())
      .then(
        () => undefined,
        (error: unknown) => consoleLogger.error('lifecycle run failed', { error: (error as Error).name }),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const intervalMs = Number(env.ORGOS_LIFECYCLE_INTERVAL_MS ?? 30_000);
  const timer = intervalMs > 0 ? setInterval(() => void tick(), intervalMs) : null;
  timer?.unref();

  return {
    url,
    adminToken,
    adminTokenSource,
    demo,
    signIn,
    outbox,
    tick,
    close: async () => {
      if (timer) clearInterval(timer);
      await running;
      await new Promise<void>((ok) => server.close(() => ok()));
      await dynamo.close();
    },
  };
}

export function linksText(s: LocalServer): string {
  const lines = [
    `orgos is running at ${s.url}`,
    '',
    `  API docs             ${s.url}/api/docs`,
    // The admin token itself is never printed: whoever started the server can read it where it is.
    `  Admin API key        ${s.adminTokenSource === 'environment' ? 'from ORGOS_ADMIN_TOKEN (not shown)' : `in ${s.adminTokenSource} (owner-only)`}`,
    `  Sign in              ${s.url}/signin.html   (the link arrives in the outbox below)`,
  ];
  const d = s.demo;
  if (d) {
    lines.push(
      '',
      'Demo (a consultant with three organisations; Northwind Logistics has two closed waves and an open one):',
      `  Survey (open wave)   ${s.url}/s/${d.surveyToken}`,
      `  Report viewer link   ${d.reportViewerUrl}`,
      '      (what the close e-mail carries: that one report, read-only, for 30 days)',
    );
    if (s.signIn.consultant) {
      lines.push(
        `  Consultant sign-in   ${s.signIn.consultant}`,
        `      (${DEMO_CONSULTANT.name}, ${DEMO_CONSULTANT.email})`,
      );
    }
    if (s.signIn.executive) {
      lines.push(
        `  Executive sign-in    ${s.signIn.executive}`,
        `      (${DEMO_EXECUTIVE.name}, ${DEMO_EXECUTIVE.email})`,
      );
    }
    lines.push(
      '      Each sign-in link works once, for 15 minutes; a restart prints new ones.',
      `  Scripts              create an API key on ${s.url}/keys.html, then: curl -H 'Authorization: Bearer <key>' ${s.url}/api/v1/orgs`,
    );
  }
  lines.push('', `Mail (invitations, reminders, report and sign-in links) is written to ${s.outbox}`);
  lines.push('', 'Ctrl-C stops; the data stays in the data folder for the next start.');
  return lines.join('\n');
}

export async function main(env: Env = process.env): Promise<void> {
  const started = Date.now();
  const server = await startLocalServer(env).catch((error: unknown) => {
    // A refusal of ours is one clear line, not a stack.
    if (error instanceof Error && error.message.startsWith('orgos: ')) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  });
  console.log(`${linksText(server)}\n(ready in ${Date.now() - started} ms)`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
