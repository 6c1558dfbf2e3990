import type { Context } from 'aws-lambda';
import { awsDeps } from '../api/aws-deps';
import { LambdaTelemetry } from '../api/lambda-telemetry';
import type { LifecycleRun } from '../lifecycle/lifecycle';
import { lifecycleHandler } from './handler';

// The Lambda entry of the lifecycle job (infra/constructs/lifecycle-scheduler.ts runs it every 15 minutes): the same
// dependencies as the API (table, SES sender, public URL), built on the first event so importing this creates nothing.

const telemetry = new LambdaTelemetry('orgos-scheduler');

let run: (() => Promise<LifecycleRun>) | undefined;

export async function handler(_event: unknown, context: Context): Promise<LifecycleRun> {
  telemetry.startInvocation(context);
  run ??= lifecycleHandler(awsDeps(process.env, telemetry));
  try {
    return await run();
  } finally {
    telemetry.publish();
  }
}
