import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store';
import type { Env } from './aws-deps';
import type { AppDeps, AppLogger, AppMetrics } from './deps';
import { randomToken } from './token-hash';

// Dependencies of the respondent Lambda, apart from aws-deps.ts on purpose: that module imports the store and the
// mailer statically, and a bundle keeps what its entry imports statically in the chunks it loads at init.

/** A store whose implementation is imported on its first call (every Store method is async). */
export function lazyStore(load: () => Promise<Store>): Store {
  let loaded: Promise<Store> | undefined;
  const store = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  return new Proxy({} as Store, {
    get:
      (_target, name) =>
      async (...args: unknown[]) => {
        const s = await store();
        return (s[name as keyof Store] as (...a: unknown[]) => Promise<unknown>).apply(s, args);
      },
  });
}

/**
 * The table and the public URL only. No mailer and no admin token: nothing on the respondent's path sends mail or
 * accepts a bearer token, and its role may not read the admin secret. The store's code and the DynamoDB SDK load on
 * the first store call (as in aws-deps.ts), so `GET /health` loads neither.
 */
export function respondentAwsDeps(env: Env, telemetry: { appLogger(): AppLogger; appMetrics(): AppMetrics }): AppDeps {
  const table = env.ORGOS_TABLE;
  if (!table) throw new Error('ORGOS_TABLE is not set');
  return {
    store: lazyStore(async () => {
      const [{ DynamoStore }, { DynamoDBClient }] = await Promise.all([
        import('../store/dynamo-store'),
        import('@aws-sdk/client-dynamodb'),
      ]);
      return new DynamoStore(new DynamoDBClient({}), table);
    }),
    clock: () => new Date(),
    newId: randomUUID,
    randomToken,
    config: { publicUrl: (env.ORGOS_PUBLIC_URL ?? '').replace(/\/+$/, '') },
    logger: telemetry.appLogger(),
    metrics: telemetry.appMetrics(),
  };
}
