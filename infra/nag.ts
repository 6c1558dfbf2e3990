import { Stack, Validations } from 'aws-cdk-lib';
// The function cdk-nag itself uses to name a wildcard finding: our ids then match its ids whatever the account,
// region and bootstrap qualifier. A deep import (cdk-nag has no `exports` map); re-check it on a cdk-nag upgrade.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** The id cdk-nag gives an AwsSolutions-IAM5 finding for a wildcard resource (e.g. `${bucket.bucketArn}/*`). */
export function wildcardResourceId(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** The id cdk-nag gives an AwsSolutions-IAM5 finding for a wildcard action (e.g. `s3:GetObject*`). */
export function wildcardActionId(action: string): string {
  return `AwsSolutions-IAM5[Action::${action}]`;
}

/** Acknowledges each finding on `scope` (and so on everything under it) with its reason. */
export function acknowledge(scope: IConstruct, findings: Record<string, string>): void {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}
