import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { CustomDomain } from './constructs/web';
import { OrgosStack } from './orgos-stack';
import { parseStage, stageSettings } from './stage';

export const DEFAULT_SENDER_EMAIL = 'orgos@example.com';

export interface OrgosAppOptions {
  readonly projectRoot: string;
  readonly webAssetDir: string;
  /** Where the cloud assembly goes; the CLI sets it through CDK_OUTDIR when left out. */
  readonly outdir?: string;
  /** Context as `-c key=value` would give it (tests); the CLI's context and cdk.json take precedence. */
  readonly context?: Record<string, unknown>;
}

/**
 * The app with its one stack, named after the stage so dev and prod can live in one account, and cdk-nag's
 * AwsSolutions checks as a validation plugin: any unacknowledged finding fails the synth.
 *
 * Context: `stage` (dev|prod), `senderEmail`, `alarmEmail`, `domainName` + `certificateArn`, and for sign-in through
 * an identity provider `oidcIssuer` + `oidcClientId` (optionally `oidcLabel`, `oidcEmailClaim`,
 * `oidcRequireVerifiedEmail=false`).
 */
export function createOrgosApp(options: OrgosAppOptions): { app: App; stack: OrgosStack } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };

  const stage = stageSettings(parseStage(context('stage')));
  const domainName = context('domainName');
  const certificateArn = context('certificateArn');
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new Error('A custom domain needs both -c domainName=... and -c certificateArn=... (us-east-1 certificate)');
  }
  const customDomain: CustomDomain | undefined =
    domainName && certificateArn ? { domainName, certificateArn } : undefined;
  const alarmEmail = context('alarmEmail');
  const oidcIssuer = context('oidcIssuer');
  const oidcClientId = context('oidcClientId');
  if (Boolean(oidcIssuer) !== Boolean(oidcClientId)) {
    throw new Error('Single sign-on needs both -c oidcIssuer=https://... and -c oidcClientId=...');
  }
  const oidcLabel = context('oidcLabel');
  const oidcEmailClaim = context('oidcEmailClaim');

  const stack = new OrgosStack(app, stage.name === 'prod' ? 'OrgosProd' : 'OrgosDev', {
    description: `orgos (${stage.name}): Org OS readiness survey`,
    // Account and region come from the CLI's profile at deploy time; synth needs neither.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    stage,
    projectRoot: options.projectRoot,
    webAssetDir: options.webAssetDir,
    senderEmail: context('senderEmail') ?? DEFAULT_SENDER_EMAIL,
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(customDomain ? { customDomain } : {}),
    ...(oidcIssuer && oidcClientId
      ? {
          singleSignOn: {
            issuer: oidcIssuer,
            clientId: oidcClientId,
            ...(oidcLabel ? { label: oidcLabel } : {}),
            ...(oidcEmailClaim ? { emailClaim: oidcEmailClaim } : {}),
            requireVerifiedEmail: context('oidcRequireVerifiedEmail') !== 'false',
          },
        }
      : {}),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
