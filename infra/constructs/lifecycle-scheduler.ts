import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { SurveyFunction, type SurveyFunctionProps } from './survey-function';

/** How often campaigns are closed at `closesAt` and due reminders are sent: the lateness a user can see. */
export const LIFECYCLE_INTERVAL = Duration.minutes(15);

export type LifecycleSchedulerProps = Omit<SurveyFunctionProps, 'memorySize' | 'timeout' | 'description'>;

/**
 * Campaign lifecycle on a clock: an EventBridge rule runs the scheduler function every 15 minutes. Each run
 * must be idempotent (closing a closed campaign, or skipping a reminder already sent, is a no-op), because a
 * retry can overlap the next run.
 */
export class LifecycleScheduler extends Construct {
  readonly function: SurveyFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: LifecycleSchedulerProps) {
    super(scope, id);
    this.function = new SurveyFunction(this, 'Scheduler', {
      ...props,
      description: 'orgos campaign lifecycle: closes campaigns and sends reminders',
      memorySize: 256,
      // Reminders go out one SES call at a time (14/s on a production SES account): minutes, not seconds.
      timeout: Duration.minutes(5),
    });
    this.rule = new Rule(this, 'Every15Minutes', {
      description: 'Runs the orgos campaign lifecycle',
      schedule: Schedule.rate(LIFECYCLE_INTERVAL),
      targets: [
        new LambdaFunction(this.function.fn, {
          // A failed run is retried a little; after that the next scheduled run picks the work up anyway.
          retryAttempts: 2,
          maxEventAge: Duration.minutes(10),
        }),
      ],
    });
  }
}
