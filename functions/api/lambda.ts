import type { Context } from 'aws-lambda';
import type { Hono } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from './app';
import type { AppEnv } from './auth';
import { awsDeps } from './aws-deps';
import { LambdaTelemetry } from './lambda-telemetry';

// The Lambda entry: the same app as the local server, with dependencies from the environment. The app is built on the
// first event; the DynamoDB SDK loads on the first store call (aws-deps.ts), Powertools' logger and metrics on the
// first line or metric (lambda-telemetry.ts). So importing this module creates nothing, and a request that needs no
// store (health, the API description, a static-like page) never loads the SDK.

const telemetry = new LambdaTelemetry('orgos-api');

let app: Hono<AppEnv> | undefined;
let honoHandler: ReturnType<typeof handle> | undefined;

/** API Gateway HTTP API (payload format 2.0) events. */
export async function handler(event: LambdaEvent, context: Context) {
  telemetry.startInvocation(context);
  if (!honoHandler) {
    app = createApp(awsDeps(process.env, telemetry));
    honoHandler = handle(app);
  }
  try {
    return await honoHandler(event, context);
  } finally {
    // One EMF line per invocation with what the routes counted (a metric per submission); none when nothing was.
    telemetry.publish();
  }
}
