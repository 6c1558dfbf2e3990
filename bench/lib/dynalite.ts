// Starts the embedded engine on loopback for the bench, in this process. Typed locally (dynalite ships no types) and
// loaded through require so the bench never clashes with a `declare module 'dynalite'` elsewhere in the project.
import type { Server } from 'node:http';
import { createRequire } from 'node:module';

type DynaliteFactory = (options?: { path?: string; createTableMs?: number }) => Server;
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;

export interface Engine {
  endpoint: string;
  close: () => Promise<void>;
}

/** In memory when `path` is omitted, on disk (LevelDB) otherwise; tables become ACTIVE at once. */
export async function startDynalite(path?: string): Promise<Engine> {
  const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * dynalite on disk in a child process: bulk loading then uses both cores (the loader's SDK work here, the engine's
 * there). Stop it before opening the same path in this process: LevelDB allows one owner at a time.
 */
export async function startDynaliteProcess(path: string, cwd: string): Promise<Engine> {
  const { spawn } = await import('node:child_process');
  const source = `
    const server = require('dynalite')({ path: ${JSON.stringify(path)}, createTableMs: 0 });
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['-e', source], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited ${code}`)));
    child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
