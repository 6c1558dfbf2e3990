import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '../store/keys';

// dynalite (the embedded DynamoDB engine) started in this process, on a random loopback port.

interface DynaliteServer {
  listen(port: number, host: string, callback: (error?: Error) => void): void;
  address(): AddressInfo | string | null;
  close(callback: (error?: Error) => void): void;
}

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  close(): Promise<void>;
}

interface StorageError extends Error {
  code?: string;
  statusCode?: number;
  body?: { __type: string; message: string };
}

let storageFailuresMarked = false;
let lastStorageWarning = 0;

/**
 * dynalite rethrows a storage failure (LevelDB's LEVEL_IO_ERROR: the disk is full, a file is too large) from inside
 * a callback, which ends the whole process: in-flight requests reset, the lifecycle timer gone. Marked as DynamoDB's
 * InternalServerError on its way up, it is answered as one (a 500 to the SDK, which the app answers as 503 with
 * Retry-After), and the server stays up; the operator gets one clear line. Nothing acknowledged is lost: LevelDB
 * refuses the whole write. It keeps refusing writes until restarted, once there is room again.
 */
function markStorageFailures(): void {
  if (storageFailuresMarked) return;
  storageFailuresMarked = true;
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { Level } = fromDynalite('level') as { Level: { prototype: Record<string, unknown> } };
  for (const method of ['put', 'del', 'batch'] as const) {
    const original = Level.prototype[method] as (...args: unknown[]) => unknown;
    Level.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: StorageError) => {
        if (error?.code === 'LEVEL_IO_ERROR' && error.statusCode === undefined) {
          error.statusCode = 500;
          error.body = {
            __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: 'the local database cannot write',
          };
          if (Date.now() - lastStorageWarning > 60_000) {
            lastStorageWarning = Date.now();
            console.error(
              `orgos: the local database cannot write (${error.message}); requests answer 503 until there is room on the disk and the server is restarted`,
            );
          }
        }
        throw error;
      });
    };
  }
}

/** dynalite's wrapper of one table's items (db/index.js `getSubDb`): one object per table, kept for the process. */
interface ItemDb {
  put(key: string, value: unknown, callback: (error?: Error) => void): void;
  del(key: string, callback: (error?: Error) => void): void;
}
interface DynaliteItemStore {
  db: { batch(operations: readonly LevelOperation[], callback: (error?: Error) => void): void };
  getItemDb(tableName: string): ItemDb;
}
type LevelOperation = { type: 'put'; key: string; value: unknown } | { type: 'del'; key: string };
interface DynaliteTable {
  TableName: string;
  LocalSecondaryIndexes?: unknown[];
  GlobalSecondaryIndexes?: unknown[];
}
interface IndexActions {
  puts: { index: string; key: string; item: unknown }[];
  deletes: { index: string; key: string }[];
}
interface DynaliteDb {
  updateIndexes(
    store: DynaliteItemStore,
    table: DynaliteTable,
    existingItem: unknown,
    item: unknown,
    callback: (error?: Error) => void,
  ): void;
  getIndexActions(indexes: unknown[], existingItem: unknown, item: unknown, table: DynaliteTable): IndexActions;
  createKey(item: unknown, table: DynaliteTable): string;
}

let itemWritesAtomic = false;

/** Stands for "deleted" among the writes a batch already made. */
const DELETED = Symbol('deleted');
/** Per table's item wrapper: the item writes its last batch made, by item key, that dynalite is about to repeat. */
const madeInBatch = new WeakMap<ItemDb, Map<string, unknown>>();

/**
 * The writes of the item a batch already made, for the table's item wrapper, which from then on skips dynalite's
 * repeat of exactly that write (the same object under the same key, still under the item's lock): one write per item,
 * as the engine's own PutItem without indexes makes.
 */
function writesMadeInBatch(itemDb: ItemDb): Map<string, unknown> {
  const known = madeInBatch.get(itemDb);
  if (known) return known;
  const made = new Map<string, unknown>();
  const put = itemDb.put.bind(itemDb);
  const del = itemDb.del.bind(itemDb);
  itemDb.put = (key, value, callback) => {
    const repeat = made.get(key) === value;
    made.delete(key);
    if (repeat) queueMicrotask(() => callback());
    else put(key, value, callback);
  };
  itemDb.del = (key, callback) => {
    const repeat = made.get(key) === DELETED;
    made.delete(key);
    if (repeat) queueMicrotask(() => callback());
    else del(key, callback);
  };
  madeInBatch.set(itemDb, made);
  return made;
}

/**
 * DynamoDB writes an item and its index entries as one. dynalite writes the index entries first and then the item, as
 * separate LevelDB writes: a process killed between them (or a write refused by a full disk) leaves an index entry
 * whose item never landed, and a response sent again then has a second entry, elsewhere in the stream. A fold of the
 * whole stream reads both in one Query and keeps one per key, but the scheduler's fold reads the stream in stretches
 * (campaign-stats.ts) and counted such a response twice when the two entries fell in different stretches. Here the
 * index entries and the item go in one LevelDB batch, which LevelDB applies whole or not at all, after a kill too
 * (one record of its write-ahead log). dynalite then writes the item once more itself, the same value under the same
 * per-item lock; that repeat is skipped (`writesMadeInBatch`), so each item is written once. The key prefixes are dynalite 4's (db/index.js `getItemDb`, `getIndexDb`); the version
 * is pinned, and test/integration/local-engine.test.ts fails if a write is no longer whole.
 */
function makeItemWritesAtomic(): void {
  if (itemWritesAtomic) return;
  itemWritesAtomic = true;
  const db = createRequire(createRequire(import.meta.url).resolve('dynalite'))('./db') as DynaliteDb;
  db.updateIndexes = (store, table, existingItem, item, callback) => {
    if (!existingItem && !item) return callback();
    const operations: LevelOperation[] = [];
    for (const type of ['Local', 'Global'] as const) {
      const indexes = table[`${type}SecondaryIndexes`] ?? [];
      const prefix = (index: string) => `index-${type.toLowerCase()}~${table.TableName}~${index}~`;
      const actions = db.getIndexActions(indexes, existingItem, item, table);
      for (const d of actions.deletes) operations.push({ type: 'del', key: prefix(d.index) + d.key });
      for (const p of actions.puts) operations.push({ type: 'put', key: prefix(p.index) + p.key, value: p.item });
    }
    const itemKey = db.createKey(item ?? existingItem, table);
    const key = `item-${table.TableName}~${itemKey}`;
    operations.push(item ? { type: 'put', key, value: item } : { type: 'del', key });
    const made = writesMadeInBatch(store.getItemDb(table.TableName));
    store.db.batch(operations, (error) => {
      if (!error) made.set(itemKey, item ?? DELETED);
      callback(error);
    });
  };
}

/** Starts dynalite in memory, or on disk under `path` (data survives a restart). */
export async function startDynalite(options: { path?: string } = {}): Promise<LocalDynamo> {
  // @ts-expect-error dynalite ships no types
  const { default: dynalite } = (await import('dynalite')) as {
    default: (options: Record<string, unknown>) => DynaliteServer;
  };
  markStorageFailures();
  makeItemWritesAtomic();
  // Tables become ACTIVE at once instead of after dynalite's default half second.
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) =>
    server.listen(0, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
  );
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    // dynalite checks that credentials are present, not what they are.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 5,
  });
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Creates the table (same keys and index as the CDK stack) unless it exists; true when it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    await untilActive(client, tableName);
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && (error as Error).name !== 'ResourceNotFoundException') {
      throw error;
    }
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      ...TABLE_DEFINITION,
      AttributeDefinitions: [...TABLE_DEFINITION.AttributeDefinitions],
      KeySchema: [...TABLE_DEFINITION.KeySchema],
      GlobalSecondaryIndexes: TABLE_DEFINITION.GlobalSecondaryIndexes.map((g) => ({
        ...g,
        KeySchema: [...g.KeySchema],
      })),
    }),
  );
  await untilActive(client, tableName);
  return true;
}

/**
 * dynalite answers ResourceNotFound to item calls while a table is CREATING, even with createTableMs 0 (the status
 * flips after an asynchronous write on disk), so a fresh data folder must wait for ACTIVE before the first put.
 */
async function untilActive(client: DynamoDBClient, tableName: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline)
      throw new Error(`table ${tableName} is still ${Table?.TableStatus} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
