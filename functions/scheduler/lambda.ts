import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { awsDeps } from '../api/aws-deps';
import type { LifecycleRun } from '../lifecycle/lifecycle';
import { lifecycleHandler } from './handler';

// The Lambda entry of the lifecycle job (infra/constructs/lifecycle-scheduler.ts runs it every 15 minutes): the same
// dependencies as the API (table, SES sender, public URL), built on the first event so importing this creates nothing.

const logger = new Logger({ serviceName: 'orgos-scheduler' });
const metrics = new Metrics({ namespace: 'orgos', serviceName: 'orgos-scheduler' });

let run: (() => Promise<LifecycleRun>) | undefined;

export async function handler(_event: unknown, context: Context): Promise<LifecycleRun> {
  logger.addContext(context);
  run ??= lifecycleHandler(awsDeps(process.env, logger, metrics));
  try {
    return await run();
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}
