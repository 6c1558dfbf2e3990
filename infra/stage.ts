import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** What differs between a throwaway stage and the one that holds real survey data. */
export interface StageSettings {
  readonly name: StageName;
  /** Applied to everything that holds data or evidence: table, buckets, secret, logs, key. */
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
  /** Empty the web bucket on stack delete (dev only; prod keeps the bucket and its files). */
  readonly autoDeleteObjects: boolean;
  readonly logRetention: RetentionDays;
  /** KMS keys cannot be deleted at once; the shortest window AWS allows for dev, the longest for prod. */
  readonly keyPendingWindow: Duration;
}

export function parseStage(value: unknown): StageName {
  const stage = value ?? 'dev';
  if (typeof stage === 'string' && (STAGES as readonly string[]).includes(stage)) return stage as StageName;
  throw new Error(`Unknown stage ${JSON.stringify(value)}: use -c stage=dev or -c stage=prod`);
}

export function stageSettings(name: StageName): StageSettings {
  if (name === 'prod') {
    return {
      name,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      autoDeleteObjects: false,
      logRetention: RetentionDays.THREE_MONTHS,
      keyPendingWindow: Duration.days(30),
    };
  }
  return {
    name,
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    autoDeleteObjects: true,
    logRetention: RetentionDays.TWO_WEEKS,
    keyPendingWindow: Duration.days(7),
  };
}
