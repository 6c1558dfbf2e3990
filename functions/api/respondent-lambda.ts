import type { Context } from 'aws-lambda';
import type { Hono } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { LeanTelemetry } from './lean-telemetry';
import { createRespondentApp } from './respondent-app';
import { respondentAwsDeps } from './respondent-deps';

// The respondent function's entry: the survey page, submissions, withdrawals and unsubscribing (respondent-app.ts),
// built like the API's entry (lambda.ts) on the first event, so importing it creates nothing. Its bundle carries no
// admin, report, dashboard, OpenAPI or lifecycle code, which is what keeps a respondent's cold start near bare Hono's.

const telemetry = new LeanTelemetry('orgos-respondent');

let honoHandler: ReturnType<typeof handle> | undefined;

/** API Gateway HTTP API (payload format 2.0) events for the respondent routes. */
export async function handler(event: LambdaEvent, context: Context) {
  telemetry.startInvocation(context);
  if (!honoHandler) {
    const app: Hono = createRespondentApp(respondentAwsDeps(process.env, telemetry));
    honoHandler = handle(app);
  }
  try {
    return await honoHandler(event, context);
  } finally {
    telemetry.publish();
  }
}
