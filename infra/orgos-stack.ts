import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AdminSecret } from './constructs/admin-secret';
import { DataTable, TABLE_KEYS } from './constructs/data-table';
import { LifecycleScheduler } from './constructs/lifecycle-scheduler';
import { Operations } from './constructs/operations';
import { RespondentFunction } from './constructs/respondent-function';
import { SingleSignOn, type SingleSignOnProps } from './constructs/single-sign-on';
import { SurveyApi } from './constructs/survey-api';
import { SurveyFunction } from './constructs/survey-function';
import { type CustomDomain, Web } from './constructs/web';
import type { StageSettings } from './stage';

export interface OrgosStackProps extends StackProps {
  readonly stage: StageSettings;
  /** Repository root: function entries, package-lock.json. */
  readonly projectRoot: string;
  /** Directory with the web build to upload. */
  readonly webAssetDir: string;
  /** The address invitations and reminders are sent from; must be a verified SES identity. */
  readonly senderEmail: string;
  readonly alarmEmail?: string;
  readonly customDomain?: CustomDomain;
  /** Sign-in through the customer's identity provider (OpenID Connect); absent: e-mail links only. */
  readonly singleSignOn?: Omit<SingleSignOnProps, 'stage'>;
}

/** The whole product in one account: table, API, scheduler, web, admin secret, alarms. */
export class OrgosStack extends Stack {
  readonly data: DataTable;
  readonly config: AdminSecret;
  readonly apiFunction: SurveyFunction;
  readonly respondentFunction: SurveyFunction;
  readonly api: SurveyApi;
  readonly scheduler: LifecycleScheduler;
  readonly web: Web;
  readonly operations: Operations;
  readonly singleSignOn?: SingleSignOn;

  constructor(scope: Construct, id: string, props: OrgosStackProps) {
    super(scope, id, props);
    const { stage, projectRoot } = props;
    const logs = { logRetention: stage.logRetention, logRemovalPolicy: stage.removalPolicy };

    this.data = new DataTable(this, 'Data', { stage });
    this.config = new AdminSecret(this, 'Config', { stage });

    // Two functions for the HTTP surface. The respondent's path (survey page, submission, withdrawal, unsubscribe)
    // has its own: it is where cold starts meet people who owe us nothing, and its bundle without the admin, report
    // and lifecycle code is a seventh of the API's (docs/ARCHITECTURE.md has the figures); it also gets a role that
    // cannot read reports, tokens or addresses. Everything else stays one function: one cold start to keep warm, and
    // one permission set for routes that need the same table and secret anyway.
    this.apiFunction = new SurveyFunction(this, 'ApiFunction', {
      entry: join(projectRoot, 'functions/api/lambda.ts'),
      projectRoot,
      description: 'orgos API and server-rendered pages',
      // Lambda's CPU share grows with memory; 512 MB keeps report folds and cold starts short for ~1.6x the
      // price of 256 MB per millisecond (DEPLOY.md has both figures).
      memorySize: 512,
      // Far below API Gateway's 30 s integration limit: nothing on a request path should take this long.
      timeout: Duration.seconds(10),
      table: this.data.table,
      sender: props.senderEmail,
      environment: { ORGOS_ADMIN_SECRET_ARN: this.config.secret.secretArn },
      ...logs,
    });
    this.config.grantRead(this.apiFunction.fn);
    if (props.singleSignOn) {
      this.singleSignOn = new SingleSignOn(this, 'SingleSignOn', { stage, ...props.singleSignOn });
      this.singleSignOn.bind(this.apiFunction.fn);
    }

    this.respondentFunction = new RespondentFunction(this, 'RespondentFunction', {
      entry: join(projectRoot, 'functions/api/respondent-lambda.ts'),
      projectRoot,
      description: 'orgos respondent path: survey page, submissions, withdrawals',
      // As much CPU as the API function: a cold start is mostly CPU (loading and compiling the bundle).
      memorySize: 512,
      timeout: Duration.seconds(10),
      table: this.data.table,
      ...logs,
    }).function;

    this.api = new SurveyApi(this, 'Api', {
      handler: this.apiFunction.fn,
      respondentHandler: this.respondentFunction.fn,
      ...logs,
    });

    this.web = new Web(this, 'Web', {
      stage,
      apiDomainName: this.api.domainName,
      assetDir: props.webAssetDir,
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
    });
    this.apiFunction.fn.addEnvironment('ORGOS_PUBLIC_URL', this.web.url);
    this.respondentFunction.fn.addEnvironment('ORGOS_PUBLIC_URL', this.web.url);

    this.scheduler = new LifecycleScheduler(this, 'Lifecycle', {
      entry: join(projectRoot, 'functions/scheduler/lambda.ts'),
      projectRoot,
      table: this.data.table,
      sender: props.senderEmail,
      // Reminder mails link to the survey.
      environment: { ORGOS_PUBLIC_URL: this.web.url },
      ...logs,
    });

    this.operations = new Operations(this, 'Operations', {
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      keyRemovalPolicy: stage.removalPolicy,
      keyPendingWindow: stage.keyPendingWindow,
    });
    this.operations.watchFunction('ApiFunction', this.apiFunction.fn);
    this.operations.watchFunction('RespondentFunction', this.respondentFunction.fn);
    this.operations.watchFunction('SchedulerFunction', this.scheduler.function.fn);
    this.operations.watchTable(this.data.table, [TABLE_KEYS.gsi1.indexName]);
    this.operations.watchApi(this.api.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }));

    new CfnOutput(this, 'Url', { value: this.web.url, description: 'Open this in a browser' });
    new CfnOutput(this, 'AdminSecretArn', {
      value: this.config.secret.secretArn,
      description: 'Read the first admin token from here (DEPLOY.md)',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.operations.topic.topicArn });
  }
}
