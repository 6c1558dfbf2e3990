import { randomUUID } from 'node:crypto';
import type { RespondentStore, Store } from '../store/store';
import type { Env } from './aws-deps';
import type { AppDeps, AppLogger, AppMetrics } from './deps';
import { randomToken } from './token-hash';

// Dependencies of the respondent Lambda, apart from aws-deps.ts on purpose: that module imports the store and the
// mailer statically, and a bundle keeps what its entry imports statically in the chunks it loads at init.

/**
 * A store whose implementation is imported on its first call (every Store method is async). Typed as the whole
 * Store for AppDeps, it has only what `load` gives: the respondent's routes call nothing else (RespondentStore).
 */
export function lazyStore(load: () => Promise<RespondentStore>): Store {
  let loaded: Promise<RespondentStore> | undefined;
  const store = (): Promise<RespondentStore> => {
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
        const method = s[name as keyof RespondentStore] as ((...a: unknown[]) => Promise<unknown>) | undefined;
        if (typeof method !== 'function') throw new Error(`the respondent store has no ${String(name)}`);
        return method.apply(s, args);
      },
  });
}

/**
 * The table and the public URL only. No mailer and no admin token: nothing on the respondent's path sends mail or
 * accepts a bearer token, and its role may not read the admin secret. The store's code (its respondent part) and the
 * DynamoDB SDK load on the first store call (as in aws-deps.ts), so `GET /health` loads neither.
 */
export function respondentAwsDeps(env: Env, telemetry: { appLogger(): AppLogger; appMetrics(): AppMetrics }): AppDeps {
  const table = env.ORGOS_TABLE;
  if (!table) throw new Error('ORGOS_TABLE is not set');
  return {
    store: lazyStore(async () => {
      // The respondent's part of the store only (dynamo-respondent.ts): a third of the whole store's code.
      const [{ DynamoRespondentStore }, { DynamoDBClient }] = await Promise.all([
        import('../store/dynamo-respondent'),
        import('@aws-sdk/client-dynamodb'),
      ]);
      return new DynamoRespondentStore(new DynamoDBClient({}), table);
    }),
    clock: () => new Date(),
    newId: randomUUID,
    randomToken,
    config: { publicUrl: (env.ORGOS_PUBLIC_URL ?? '').replace(/\/+$/, '') },
    logger: telemetry.appLogger(),
    metrics: telemetry.appMetrics(),
  };
}
