// The baseline side of submit-throughput, run as plain ESM in its own process: the embedded engine on disk in the
// same process as the SDK (as the local server runs it), `concurrency` loops of conditional puts for `seconds`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EngineWriterInput {
  /** LevelDB directory for dynalite (fresh, empty). */
  dataDir: string;
  /** CreateTable input, as the product creates its table. */
  table: Record<string, unknown>;
  /** A stored response item; every string containing `__N__` gets the write's sequence number there. */
  item: Record<string, unknown>;
  /** The product's put condition, e.g. `attribute_not_exists(PK)`. */
  condition: string;
  /** Items stored before the run (e.g. the survey link and campaign the reads below fetch). */
  seed?: Record<string, unknown>[];
  /** Keys read with consistent GetItems before each put, as a handler that reads before it writes does. */
  reads?: Record<string, unknown>[];
  concurrency: number;
  /** Writes before counting starts (the same warm-up the server gets). */
  warmupSeconds: number;
  seconds: number;
}

const SOURCE = `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const dynalite = require('dynalite');
const { DynamoDBClient, CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, GetCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = dynalite({ path: input.dataDir, createTableMs: 0 });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = 'http://127.0.0.1:' + server.address().port;
const raw = new DynamoDBClient({ endpoint });
await raw.send(new CreateTableCommand(input.table));
const doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
const template = JSON.stringify(input.item);
const tableName = input.table.TableName;
for (const Item of input.seed ?? []) await doc.send(new PutCommand({ TableName: tableName, Item }));
const reads = input.reads ?? [];
let next = 0;
let done = 0;
let failed = 0;
async function loop(deadline) {
  while (performance.now() < deadline) {
    const n = next++;
    const item = JSON.parse(template.replaceAll('__N__', String(n)));
    try {
      for (const Key of reads) {
        const got = await doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
        if (!got.Item) throw new Error('seeded item missing');
      }
      await doc.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: input.condition }));
      done++;
    } catch (e) {
      failed++;
      if (failed === 1) console.error(e);
    }
  }
}
const run = (seconds) => {
  const deadline = performance.now() + seconds * 1000;
  return Promise.all(Array.from({ length: input.concurrency }, () => loop(deadline)));
};
await run(input.warmupSeconds);
done = 0;
const t0 = performance.now();
await run(input.seconds);
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ done, failed, seconds, perSecond: done / seconds }));
server.close();
process.exit(0);
`;

/** Writes the runner and its input next to each other; run it with `node <runner> <input>`. */
export function writeEngineWriter(dir: string, input: EngineWriterInput): [runner: string, inputFile: string] {
  const runner = join(dir, 'engine-writer.mjs');
  const inputFile = join(dir, 'engine-writer.json');
  writeFileSync(runner, SOURCE);
  writeFileSync(inputFile, JSON.stringify(input));
  return [runner, inputFile];
}
