import { Validations } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageSettings } from '../stage';

export interface AdminSecretProps {
  readonly stage: StageSettings;
}

/**
 * The admin bootstrap token. Secrets Manager generates it at deploy time, so it is never in the template, the
 * repository or a function's environment: functions get the ARN and read the value at run time.
 */
export class AdminSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: AdminSecretProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'orgos admin bootstrap token (bearer token for the first admin)',
      generateSecretString: {
        // 48 characters from 62 letters and digits: about 285 bits, and nothing that needs quoting in a shell.
        passwordLength: 48,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: props.stage.removalPolicy,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A rotation would silently invalidate the token an admin holds, with no one to tell. It is a bootstrap ' +
        'credential: the admin uses it to create revocable, expiring tokens, and rotates it by hand when needed ' +
        '(DEPLOY.md shows how: put-secret-value with a new random value).',
    });
  }

  grantRead(grantee: IGrantable): void {
    this.secret.grantRead(grantee);
  }
}
