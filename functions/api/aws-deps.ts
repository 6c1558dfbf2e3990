import { randomUUID } from 'node:crypto';
import type { OidcSettings } from '../auth/oidc';
import { SesMailer } from '../mail/ses-mailer';
import { DynamoStore } from '../store/dynamo-store';
import type { AppDeps } from './deps';
import type { LambdaTelemetry } from './lambda-telemetry';
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

/** A secret from Secrets Manager, raw or JSON with a field; the SDK is imported only when it is first read. */
function secretReader(arn: string, field: string): () => Promise<string | undefined> {
  return async () => {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    const raw = out.SecretString?.trim();
    if (!raw) return undefined;
    return raw.startsWith('{') ? (JSON.parse(raw) as Record<string, string>)[field] : raw;
  };
}

/** Single sign-on settings from the environment (the SingleSignOn construct sets them); none without an issuer. */
export function oidcSettings(env: Env): OidcSettings | undefined {
  if (!env.ORGOS_OIDC_ISSUER) return undefined;
  const arn = env.ORGOS_OIDC_SECRET_ARN;
  return {
    issuer: env.ORGOS_OIDC_ISSUER,
    clientId: required(env, 'ORGOS_OIDC_CLIENT_ID'),
    clientSecret: arn ? secretReader(arn, 'clientSecret') : required(env, 'ORGOS_OIDC_CLIENT_SECRET'),
    label: env.ORGOS_OIDC_LABEL ?? 'Sign in with your organisation',
    ...(env.ORGOS_OIDC_EMAIL_CLAIM ? { emailClaim: env.ORGOS_OIDC_EMAIL_CLAIM } : {}),
    requireVerifiedEmail: env.ORGOS_OIDC_REQUIRE_VERIFIED_EMAIL !== 'false',
  };
}

/**
 * The DynamoDB client, built on the store's first call: importing the SDK costs a cold start over 100 ms, which health,
 * docs and the API description never need. Imported dynamically, as a static import of an external package would be
 * hoisted to the top of the bundle and load at init. The SDK reads AWS_ENDPOINT_URL_DYNAMODB itself (tests point it
 * at dynalite).
 */
const dynamoClient = async () => new (await import('@aws-sdk/client-dynamodb')).DynamoDBClient({});

/** Dependencies of the Lambda: everything from the environment, clients built on first use. */
export function awsDeps(env: Env, telemetry: LambdaTelemetry): AppDeps {
  const table = required(env, 'ORGOS_TABLE');
  return {
    store: new DynamoStore(dynamoClient, table),
    clock: () => new Date(),
    newId: randomUUID,
    randomToken,
    config: {
      publicUrl: (env.ORGOS_PUBLIC_URL ?? '').replace(/\/+$/, ''),
      adminToken: adminTokenSource(env),
      ...(env.ORGOS_OIDC_ISSUER ? { oidc: oidcSettings(env)! } : {}),
    },
    // The stack grants ses:SendEmail for exactly this sender; without one, nothing can be mailed.
    ...(env.ORGOS_SENDER ? { mailer: new SesMailer(env.ORGOS_SENDER) } : {}),
    logger: telemetry.appLogger(),
    metrics: telemetry.appMetrics(),
  };
}
