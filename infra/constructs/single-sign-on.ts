import { Validations } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageSettings } from '../stage';

export interface SingleSignOnProps {
  readonly stage: StageSettings;
  /** The OpenID provider's issuer URL (Entra ID, Okta, Google Workspace, a Cognito user pool). */
  readonly issuer: string;
  readonly clientId: string;
  /** The sign-in button's words. */
  readonly label?: string;
  /** The ID token or UserInfo claim with the address (Entra ID: `preferred_username` or `email`). */
  readonly emailClaim?: string;
  /** Insist on `email_verified: true` (default); Entra ID sends no such claim. */
  readonly requireVerifiedEmail?: boolean;
}

/**
 * Optional sign-in through the customer's identity provider (OpenID Connect). The client secret the provider issued
 * lives in Secrets Manager (the operator puts it there after the deploy, DEPLOY.md); the function gets the issuer,
 * the client id and the secret's ARN, never the secret, and reads it on the first SSO sign-in.
 */
export class SingleSignOn extends Construct {
  readonly clientSecret: Secret;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: SingleSignOnProps,
  ) {
    super(scope, id);
    if (!/^https:\/\//.test(props.issuer)) throw new Error('the OIDC issuer must be an https URL');
    this.clientSecret = new Secret(this, 'ClientSecret', {
      description: 'orgos OIDC client secret (from the identity provider; set it after the deploy)',
      // A placeholder the operator replaces; sign-in through the provider fails until then, e-mail links still work.
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
      removalPolicy: props.stage.removalPolicy,
    });
    Validations.of(this.clientSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The identity provider issues and rotates this client secret, not AWS: a Secrets Manager rotation would ' +
        'invalidate it at the provider without telling anyone. DEPLOY.md shows how to put a new one.',
    });
  }

  /** Gives the function the settings and read access to the secret. */
  bind(fn: LambdaFunction): void {
    this.clientSecret.grantRead(fn);
    fn.addEnvironment('ORGOS_OIDC_ISSUER', this.props.issuer);
    fn.addEnvironment('ORGOS_OIDC_CLIENT_ID', this.props.clientId);
    fn.addEnvironment('ORGOS_OIDC_SECRET_ARN', this.clientSecret.secretArn);
    if (this.props.label) fn.addEnvironment('ORGOS_OIDC_LABEL', this.props.label);
    if (this.props.emailClaim) fn.addEnvironment('ORGOS_OIDC_EMAIL_CLAIM', this.props.emailClaim);
    if (this.props.requireVerifiedEmail === false) fn.addEnvironment('ORGOS_OIDC_REQUIRE_VERIFIED_EMAIL', 'false');
  }
}
