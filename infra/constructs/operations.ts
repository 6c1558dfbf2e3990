import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);

export interface OperationsProps {
  /** Context `alarmEmail`: subscribed to the alarm topic (AWS sends a confirmation mail first). */
  readonly alarmEmail?: string;
  readonly keyRemovalPolicy: RemovalPolicy;
  readonly keyPendingWindow: Duration;
}

/**
 * Alarms on what a user would notice (failed or throttled requests, failing lifecycle runs) to one encrypted SNS
 * topic. Every threshold is "at least one in five minutes": at this scale each such event is worth a look.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    // A key of our own: CloudWatch can publish to an encrypted topic only if the key policy lets it, and the
    // AWS managed aws/sns key's policy cannot be changed.
    const key = new Key(this, 'TopicKey', {
      description: 'orgos alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: props.keyRemovalPolicy,
      pendingWindow: props.keyPendingWindow,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'orgos alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
  }

  /** Errors and throttles of one function. */
  watchFunction(name: string, fn: IFunction): void {
    this.alarm(`${name}Errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), `${name}: invocations failed`);
    this.alarm(
      `${name}Throttles`,
      fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
      `${name}: invocations throttled (account concurrency reached)`,
    );
  }

  /** Read and write throttle events on the table and on each of its global secondary indexes. */
  watchTable(table: ITableV2, indexNames: readonly string[]): void {
    const metrics: Record<string, IMetric> = {};
    const dimensionSets = [{}, ...indexNames.map((indexName) => ({ GlobalSecondaryIndexName: indexName }))];
    dimensionSets.forEach((dimensions, i) => {
      for (const [kind, metricName] of [
        ['r', 'ReadThrottleEvents'],
        ['w', 'WriteThrottleEvents'],
      ] as const) {
        metrics[`${kind}${i}`] = new Metric({
          namespace: 'AWS/DynamoDB',
          metricName,
          dimensionsMap: { TableName: table.tableName, ...dimensions },
          statistic: 'Sum',
          period: PERIOD,
        });
      }
    });
    this.alarm(
      'TableThrottles',
      new MathExpression({
        expression: Object.keys(metrics).join(' + '),
        usingMetrics: metrics,
        period: PERIOD,
        label: 'DynamoDB read and write throttle events (table and indexes)',
      }),
      'DynamoDB throttled reads or writes',
    );
  }

  /** 5xx answers of the HTTP API (function errors, timeouts, integration failures). */
  watchApi(metricServerError: Metric): void {
    this.alarm('Api5xx', metricServerError, 'HTTP API answered with a 5xx status');
  }

  private alarm(id: string, metric: IMetric, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: `orgos: ${description}`,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not a fault.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
  }
}
