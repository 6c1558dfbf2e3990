import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

// The local server in a child process the crash tests can kill -9 (local-server-entry.ts), on a data folder of theirs.

export interface ChildServer {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
  /** Everything it printed so far. */
  output: () => string;
}

/**
 * Starts the server and waits for the address it prints. `fileSizeKb` limits the size of any file it writes (the
 * shell's `ulimit -f`; Node ignores SIGXFSZ, so a write past it fails with EFBIG): a disk that fills up, without root.
 */
export async function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
  options: { fileSizeKb?: number } = {},
): Promise<ChildServer> {
  const node = [process.execPath, '--import', 'tsx', join(import.meta.dirname, 'local-server-entry.ts')];
  const [command, ...args] = options.fileSizeKb
    ? ['bash', '-c', `ulimit -f ${options.fileSizeKb} && exec "$0" "$@"`, ...node]
    : node;
  const proc = spawn(command!, args, {
    cwd: join(import.meta.dirname, '..', '..'),
    env: {
      ...process.env,
      ORGOS_DATA_DIR: dataDir,
      ORGOS_SEED: '0',
      ORGOS_RATE_LIMIT: '0',
      PORT: '0',
      HOST: '127.0.0.1',
      ORGOS_WEB_DIR: join(dataDir, 'no-web'),
      ORGOS_LIFECYCLE_INTERVAL_MS: '0',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  proc.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address after 30 s:\n${output}`)), 30_000);
    const poll = setInterval(() => {
      const match = /orgos is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]!);
      }
    }, 10);
    void exited.then((how) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited (${String(how)}) before listening:\n${output}`));
    });
  });
  return { child: proc, url, exited, output: () => output };
}

export async function api(url: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies field by field
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}
