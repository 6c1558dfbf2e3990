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

/** Starts dynalite in memory, or on disk under `path` (data survives a restart). */
export async function startDynalite(options: { path?: string } = {}): Promise<LocalDynamo> {
  // @ts-expect-error dynalite ships no types
  const { default: dynalite } = (await import('dynalite')) as {
    default: (options: Record<string, unknown>) => DynaliteServer;
  };
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
