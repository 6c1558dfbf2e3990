import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { Hono } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from './app';
import type { AppEnv } from './auth';
import { awsDeps } from './aws-deps';

// The Lambda entry: the same app as the local server, with dependencies from the environment. The app (and its
// DynamoDB client) is built on the first event, so importing this module creates nothing.

const logger = new Logger({ serviceName: 'orgos-api' });
const metrics = new Metrics({ namespace: 'orgos', serviceName: 'orgos-api' });

let app: Hono<AppEnv> | undefined;
let honoHandler: ReturnType<typeof handle> | undefined;

/** API Gateway HTTP API (payload format 2.0) events. */
export async function handler(event: LambdaEvent, context: Context) {
  logger.addContext(context);
  if (!honoHandler) {
    app = createApp(awsDeps(process.env, logger, metrics));
    honoHandler = handle(app);
  }
  try {
    return await honoHandler(event, context);
  } finally {
    // One EMF line per invocation with what the routes counted (a metric per submission); none when nothing was.
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}
