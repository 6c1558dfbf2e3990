import { CfnResource, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, wildcardActionId, wildcardResourceId } from '../nag';
import type { StageSettings } from '../stage';

/** Paths the app answers (pages and API); everything else is the static build in S3. */
export const API_PATHS = ['/api/*', '/s/*', '/u/*', '/health'] as const;

/** No inline scripts or styles, nothing from other origins, never framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface CustomDomain {
  /** e.g. survey.example.com; point a CNAME (or Route 53 alias) at the distribution yourself. */
  readonly domainName: string;
  /** ACM certificate for domainName, issued in us-east-1 (CloudFront reads certificates only from there). */
  readonly certificateArn: string;
}

export interface WebProps {
  readonly stage: StageSettings;
  /** Host name of the HTTP API endpoint. */
  readonly apiDomainName: string;
  /** Directory with the web build (index.html and assets). */
  readonly assetDir: string;
  readonly customDomain?: CustomDomain;
}

/** The single origin users see: CloudFront in front of a private bucket (static build) and the HTTP API. */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly securityHeaders: ResponseHeadersPolicy;
  readonly deployment: BucketDeployment;
  /** https URL users open, with no trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.stage.removalPolicy,
      autoDeleteObjects: props.stage.autoDeleteObjects,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public static web build, written only by the deployment and read only by ' +
        'CloudFront through origin access control; its access log would list CloudFront cache misses and nothing ' +
        'else. Writes are in CloudTrail.',
    });

    this.securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'orgos security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        // Survey, invite and report links carry tokens in the URL: never send them on as a Referer.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const api: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      }),
      // HTTPS only, not a redirect: a redirected POST would arrive as a GET without its body.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Every viewer header, cookie and query string except Host: API Gateway routes on its own host name.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.securityHeaders,
    };

    const certificate = props.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `orgos ${props.stage.name}`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders,
      },
      additionalBehaviors: Object.fromEntries(API_PATHS.map((path) => [path, api])),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe edges: the cheapest class, and the one DEPLOY.md's cost figures assume.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.customDomain && certificate
        ? {
            domainNames: [props.customDomain.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.url = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Respondents can be anywhere an organisation has staff; there is no country to block.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF by default (from $5 a month plus $1 per rule, more than the rest of a small deployment): the HTTP ' +
          'API throttles every route, and writes are idempotent conditional puts. DEPLOY.md says how to add one.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access logs on purpose: they record every viewer IP address, user agent and full URL. ' +
          'Respondents are anonymous and their links carry tokens, so that log would undo both promises. The API ' +
          'keeps an access log without those fields.',
      },
    );
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'With the default *.cloudfront.net certificate CloudFront fixes the viewer security policy and it cannot ' +
          'be raised. With a custom domain (context domainName and certificateArn) the minimum is TLSv1.2_2021.',
      });
    }

    // The deployment's function gets its own role and log group, like ours: no AWS managed policy, a retention.
    const deployLogs = new LogGroup(this, 'DeployLogs', {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    const deployRole = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'orgos web deployment (copies the web build into the bucket)',
    });
    deployLogs.grantWrite(deployRole);

    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.assetDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role: deployRole,
      logGroup: deployLogs,
    });

    this.acknowledgeDeployment(deployRole);
    if (props.stage.autoDeleteObjects) this.createAutoDeleteLogGroup(props.stage);
  }

  /**
   * The function CDK adds to empty the bucket on delete (dev) has no log group setting; Lambda would create one
   * on its first run with no retention. Create it beforehand, under the name Lambda uses, with a retention, and
   * delete it only after the last run (the custom resource depends on it).
   */
  private createAutoDeleteLogGroup(stage: StageSettings): void {
    const provider = Stack.of(this).node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    const customResource = this.bucket.node.tryFindChild('AutoDeleteObjectsCustomResource');
    if (!(handler instanceof CfnResource) || !customResource) return; // test/infra notices a log group missing
    const logs = new LogGroup(this, 'AutoDeleteLogs', {
      logGroupName: Fn.join('', ['/aws/lambda/', handler.ref]),
      retention: stage.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    customResource.node.addDependency(logs);
  }

  /**
   * Findings on what BucketDeployment brings along: the wildcards of its S3 and CloudFront grants (to our role)
   * and the runtime of its handler (chosen by aws-cdk-lib). Ids name the exact findings, so a new one still fails.
   */
  private acknowledgeDeployment(deployRole: Role): void {
    const stack = Stack.of(this);
    const assets = this.deployment.node.children.filter((child): child is Asset => child instanceof Asset);
    const readAsset =
      "CDK's grantRead of the bootstrap asset bucket (where the zipped web build is uploaded) and grantReadWrite of " +
      'the web bucket use these action groups: the deployment reads the zip, and lists and reads the web bucket to ' +
      'prune it. No other bucket.';
    const writeWeb =
      "CDK's grantReadWrite of the web bucket: the deployment replaces the build and deletes files it no longer " +
      'has. That bucket only.';
    acknowledge(deployRole, {
      [wildcardActionId('s3:GetBucket*')]: readAsset,
      [wildcardActionId('s3:GetObject*')]: readAsset,
      [wildcardActionId('s3:List*')]: readAsset,
      ...Object.fromEntries(
        assets.map((asset) => [wildcardResourceId(this, asset.bucket.arnForObjects('*')), readAsset]),
      ),
      [wildcardActionId('s3:Abort*')]: writeWeb,
      [wildcardActionId('s3:DeleteObject*')]: writeWeb,
      [wildcardResourceId(this, this.bucket.arnForObjects('*'))]: writeWeb,
      'AwsSolutions-IAM5[Resource::*]':
        'cloudfront:CreateInvalidation and GetInvalidation, which BucketDeployment grants on *. An invalidation ' +
        'only makes CloudFront fetch files from the bucket again; nothing is read or changed.',
    });
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason:
            "The handler of CDK's BucketDeployment: aws-cdk-lib picks its runtime (Python with the AWS CLI layer) " +
            'and moves it forward with upgrades. It runs only during a deployment and serves no user request.',
        });
      }
    }
  }
}
