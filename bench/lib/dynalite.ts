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

export interface EngineProcess extends Engine {
  /**
   * Writes items (DynamoDB JSON, as the SDK sends them) into the engine's files with the engine's own functions: its
   * item key, and the index entries its PutItem would write (dynalite `createKey`, `getIndexActions`), in LevelDB
   * batches of up to 500. No condition is checked: for keys the caller knows are new. Ten times the rate of
   * BatchWriteItem over HTTP, which spends most of its time on the request, not the write.
   */
  bulkPut: (table: string, items: readonly Record<string, unknown>[]) => Promise<void>;
}

/**
 * dynalite on disk in a child process: bulk loading then uses both cores (the loader's SDK work here, the engine's
 * there). Stop it before opening the same path in this process: LevelDB allows one owner at a time.
 */
export async function startDynaliteProcess(path: string, cwd: string): Promise<EngineProcess> {
  const { spawn } = await import('node:child_process');
  const source = `
    // The engine's store, captured as dynalite builds it, for the bulk writes below.
    const db = require('dynalite/db');
    const create = db.create;
    let store;
    db.create = (options) => (store = create(options));
    const server = require('dynalite')({ path: ${JSON.stringify(path)}, createTableMs: 0 });
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
    const batch = (target, ops) => new Promise((ok, fail) => target.batch(ops, (e) => (e ? fail(e) : ok())));
    process.on('message', async ({ id, table: name, items }) => {
      try {
        const table = await new Promise((ok, fail) => store.getTable(name, (e, t) => (e ? fail(e) : ok(t))));
        for (let i = 0; i < items.length; i += 500) {
          const puts = [];
          const byIndex = new Map();
          for (const item of items.slice(i, i + 500)) {
            puts.push({ type: 'put', key: db.createKey(item, table), value: item });
            for (const p of db.getIndexActions(table.GlobalSecondaryIndexes || [], null, item, table).puts) {
              if (!byIndex.has(p.index)) byIndex.set(p.index, []);
              byIndex.get(p.index).push({ type: 'put', key: p.key, value: p.item });
            }
          }
          await Promise.all([
            batch(store.getItemDb(name), puts),
            ...[...byIndex].map(([index, ops]) => batch(store.getIndexDb('Global', name, index), ops)),
          ]);
        }
        process.send({ id });
      } catch (error) {
        process.send({ id, error: String(error && error.stack || error) });
      }
    });
  `;
  const child = spawn(process.execPath, ['-e', source], { cwd, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited ${code}`)));
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { ok: () => void; fail: (e: Error) => void }>();
  let next = 0;
  child.on('message', (m: { id: number; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.fail(new Error(m.error));
    else p?.ok();
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bulkPut: (table, items) =>
      new Promise<void>((ok, fail) => {
        const id = next++;
        pending.set(id, { ok, fail });
        child.send({ id, table, items });
      }),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
