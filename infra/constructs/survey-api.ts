import { Fn, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * Steady rate and burst for every route. One campaign's respondents rarely reach 20 requests a second; the limit
 * is there to cap what a runaway client or a flood can cost (each request is a Lambda invocation).
 */
export const DEFAULT_THROTTLE: ThrottleSettings = { rateLimit: 100, burstLimit: 200 };

/**
 * What the access log keeps. No source IP, no user agent: respondents are anonymous and a log line next to a
 * response's timestamp would undo that. No path or query string either: survey, invite and report links carry
 * bearer tokens in the URL, and tokens do not belong in logs.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
};

/**
 * The respondent's path (functions/api/respondent-app.ts `RESPONDENT_PATHS`) and the health check: API Gateway sends
 * these to the respondent function, everything else (`$default`) to the API function.
 */
export const RESPONDENT_ROUTES = [
  '/api/v1/surveys/{proxy+}',
  '/api/v1/responses/{proxy+}',
  '/s/{proxy+}',
  '/u/{proxy+}',
  '/health',
] as const;

export interface SurveyApiProps {
  /** The function behind every route but the respondent's. */
  readonly handler: IFunction;
  /** The function behind RESPONDENT_ROUTES. */
  readonly respondentHandler: IFunction;
  readonly throttle?: ThrottleSettings;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * The HTTP API in front of the app: the respondent routes to the respondent function, a catch-all to the API
 * function, throttled, with access logs.
 */
export class SurveyApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** Host name of the execute-api endpoint, for CloudFront's origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: SurveyApiProps) {
    super(scope, id);

    // `$default` to the API function, whose Hono app routes the rest; only the respondent's prefixes are named here.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'orgos API (reached through CloudFront)',
      defaultIntegration: new HttpLambdaIntegration('App', props.handler),
      // The default stage is created below, where throttling and access logs can be set.
      createDefaultStage: false,
    });
    const respondent = new HttpLambdaIntegration('Respondent', props.respondentHandler);
    for (const path of RESPONDENT_ROUTES) {
      this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration: respondent });
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    // apiEndpoint is https://{id}.execute-api.{region}.amazonaws.com; CloudFront wants the bare host name.
    this.domainName = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));

    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorization happens in the app, per route: admin, consultant and executive calls carry hashed, scoped, ' +
        'expiring bearer tokens checked by the function, and respondents are anonymous by design (a survey link is ' +
        'all they hold). An API Gateway authorizer would add a second Lambda call to every request for no gain.',
    });
  }
}
