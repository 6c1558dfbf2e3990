import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SesMailer } from '../mail/ses-mailer';
import { DynamoStore } from '../store/dynamo-store';
import type { AppDeps } from './deps';
import { randomToken } from './token-hash';

export type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/**
 * The bootstrap admin token: from Secrets Manager when ORGOS_ADMIN_SECRET_ARN is set (read once, cached by the
 * caller), else ORGOS_ADMIN_TOKEN. The secret may be the raw token or JSON with a `token` field.
 */
export function adminTokenSource(env: Env): string | (() => Promise<string | undefined>) | undefined {
  const arn = env.ORGOS_ADMIN_SECRET_ARN;
  if (!arn) return env.ORGOS_ADMIN_TOKEN;
  return async () => {
    // Imported here so that nothing constructs an SDK client at import time, and tests never need this module.
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    const raw = out.SecretString?.trim();
    if (!raw) return undefined;
    if (raw.startsWith('{')) return (JSON.parse(raw) as { token?: string }).token;
    return raw;
  };
}

/** Dependencies of the Lambda: everything from the environment, clients built on first use. */
export function awsDeps(env: Env, logger: Logger, metrics: Metrics): AppDeps {
  const table = required(env, 'ORGOS_TABLE');
  // The SDK reads AWS_ENDPOINT_URL_DYNAMODB itself (tests point it at dynalite).
  const client = new DynamoDBClient({});
  return {
    store: new DynamoStore(client, table),
    clock: () => new Date(),
    newId: randomUUID,
    randomToken,
    config: {
      publicUrl: (env.ORGOS_PUBLIC_URL ?? '').replace(/\/+$/, ''),
      adminToken: adminTokenSource(env),
    },
    // The stack grants ses:SendEmail for exactly this sender; without one, nothing can be mailed.
    ...(env.ORGOS_SENDER ? { mailer: new SesMailer(env.ORGOS_SENDER) } : {}),
    logger: {
      info: (message, extra) => logger.info(message, extra ?? {}),
      warn: (message, extra) => logger.warn(message, extra ?? {}),
      error: (message, extra) => logger.error(message, extra ?? {}),
    },
    metrics: { addMetric: (name, unit, value) => metrics.addMetric(name, unit, value) },
  };
}
