// Spawning and timing child processes. Every child is started here and stopped by its own PID, never by name.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, measured in this process. */
  wallMs: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Keep stdout out of memory (e.g. a large JSON report we do not need). */
  discardStdout?: boolean;
}

/** Environment for every child: quiet SDK, fake credentials so the default chain resolves from env at once. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    NODE_ENV: 'production',
    ...extra,
  };
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: performance.now() - started,
      });
    });
  });
}

/** Run and fail loudly on a non-zero exit, with the child's stderr in the message. */
export async function runOk(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code}:\n${result.stderr.slice(-2000) || result.stdout.slice(-2000)}`,
    );
  }
  return result;
}

/**
 * A preload that records each Node process's peak RSS when it exits. Passed through NODE_OPTIONS so grandchildren
 * (a CLI that re-executes itself, tsx's child) report too; the caller takes the maximum.
 */
export function rssProbe(dir: string): { env: NodeJS.ProcessEnv; read: () => number[] } {
  const probe = join(dir, 'rss-probe.mjs');
  const log = join(dir, `rss-${process.hrtime.bigint()}.log`);
  writeFileSync(
    probe,
    [
      "import { appendFileSync } from 'node:fs';",
      "process.on('exit', () => {",
      // maxRSS is in KiB on Linux and macOS.
      "  try { appendFileSync(process.env.BENCH_RSS_LOG, String(process.resourceUsage().maxRSS) + '\\n'); } catch {}",
      '});',
    ].join('\n'),
  );
  writeFileSync(log, '');
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${pathToFileURL(probe).href}`].filter(Boolean).join(' ');
  return {
    env: { NODE_OPTIONS: nodeOptions, BENCH_RSS_LOG: log },
    read: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map(Number),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  /** Everything the child printed so far (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

/** Start a long-running child and wait until `ready` resolves (e.g. an HTTP probe answers). */
export async function startProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; ready: () => Promise<boolean>; timeoutMs?: number },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (d: Buffer) => {
    text = (text + d.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exit;
    clearTimeout(killer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!exited && Date.now() < deadline) {
    if (await options.ready().catch(() => false)) return { child, output: () => text, stop };
    await sleep(50);
  }
  await stop();
  throw new Error(`${command} ${args.join(' ')} did not become ready:\n${text.slice(-3000)}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when `url` answers at all (any status). */
export async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
