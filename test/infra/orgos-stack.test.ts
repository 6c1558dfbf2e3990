import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONDENT_PATHS } from '../../functions/api/respondent-app';
import { RESPONDENT_ROUTES } from '../../infra/constructs/survey-api';
import type { OrgosStack } from '../../infra/orgos-stack';
import { formatFindings, type SynthesizedStage, synthStage } from './synth-stage';

// Each stage is synthesized once for the whole file (a synth with bundling takes seconds on this machine).
let dev: SynthesizedStage;
let prod: SynthesizedStage;

beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
  // Bundling is checked on dev; prod differs only in settings, so it skips esbuild.
  prod = synthStage({ stage: 'prod' }, { bundle: false });
});

afterAll(() => {
  dev?.cleanup();
  prod?.cleanup();
});

/** CloudFormation JSON as the template holds it: untyped, the assertions below are the type checks. */
// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static type; every use is asserted on.
type Cfn = any;
type Resource = { Type: string; Properties: Record<string, Cfn>; DeletionPolicy?: string; DependsOn?: string[] };

function resources(s: SynthesizedStage, type: string): Record<string, Resource> {
  return s.template.findResources(type) as Record<string, Resource>;
}

function only(s: SynthesizedStage, type: string): Resource {
  const found = Object.values(resources(s, type));
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

function logicalId(stack: OrgosStack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

function resource(s: SynthesizedStage, construct: IConstruct): Resource {
  const all = s.template.toJSON().Resources as Record<string, Resource>;
  const found = all[logicalId(s.stack, construct)];
  expect(found).toBeDefined();
  return found!;
}

function policyStatements(s: SynthesizedStage, role: IConstruct): Array<Record<string, Cfn>> {
  const policy = Object.values(resources(s, 'AWS::IAM::Policy')).find((p) =>
    (p.Properties.Roles as unknown[]).some(
      (r) => JSON.stringify(r) === JSON.stringify({ Ref: logicalId(s.stack, role) }),
    ),
  );
  expect(policy).toBeDefined();
  return policy!.Properties.PolicyDocument.Statement;
}

/** The staged bundle of a function, found through the asset manifest by the S3 key in the template. */
function bundleDir(s: SynthesizedStage, fn: IConstruct): string {
  const key = resource(s, fn).Properties.Code.S3Key as string;
  const manifest = JSON.parse(readFileSync(join(s.outdir, `${s.stack.artifactId}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
  };
  const asset = Object.values(manifest.files).find((f) =>
    Object.values(f.destinations).some((d) => d.objectKey === key),
  );
  expect(asset, `asset for ${key}`).toBeDefined();
  return asset!.source.path;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const DYNAMODB_READ_WRITE = new Set([
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
]);

describe('data table', () => {
  it('is on demand, with string keys PK/SK, one index GSI1 on GSI1PK/GSI1SK, TTL on expiresAt, encrypted', () => {
    for (const s of [dev, prod]) {
      s.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayEquals([
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          { AttributeName: 'GSI1PK', AttributeType: 'S' },
          { AttributeName: 'GSI1SK', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      });
    }
  });

  it('is protected and retained in prod', () => {
    const table = only(prod, 'AWS::DynamoDB::GlobalTable');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
  });

  it('may be destroyed in dev', () => {
    const table = only(dev, 'AWS::DynamoDB::GlobalTable');
    expect(table.DeletionPolicy).toBe('Delete');
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
  });
});

describe('functions', () => {
  it('run on arm64 and nodejs24.x with the sizes chosen for each', () => {
    const api = resource(dev, dev.stack.apiFunction.fn);
    const scheduler = resource(dev, dev.stack.scheduler.function.fn);
    const respondent = resource(dev, dev.stack.respondentFunction.fn);
    for (const fn of [api, scheduler, respondent]) {
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
      });
    }
    expect(api.Properties).toMatchObject({ MemorySize: 512, Timeout: 10 });
    expect(respondent.Properties).toMatchObject({ MemorySize: 512, Timeout: 10 });
    expect(scheduler.Properties).toMatchObject({ MemorySize: 256, Timeout: 300 });
  });

  it('get the table, sender, public URL and (API only) the admin secret ARN, as references', () => {
    const table = { Ref: logicalId(dev.stack, dev.stack.data.table) };
    const publicUrl = {
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [logicalId(dev.stack, dev.stack.web.distribution), 'DomainName'] }],
      ],
    };
    const api = resource(dev, dev.stack.apiFunction.fn).Properties.Environment.Variables;
    expect(api).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      ORGOS_TABLE: table,
      ORGOS_SENDER: 'orgos@example.com',
      ORGOS_ADMIN_SECRET_ARN: { Ref: logicalId(dev.stack, dev.stack.config.secret) },
      ORGOS_PUBLIC_URL: publicUrl,
    });
    // The respondent function sends no mail and takes no bearer token: neither sender nor secret.
    const respondent = resource(dev, dev.stack.respondentFunction.fn).Properties.Environment.Variables;
    expect(respondent).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      ORGOS_TABLE: table,
      ORGOS_PUBLIC_URL: publicUrl,
    });
    const scheduler = resource(dev, dev.stack.scheduler.function.fn).Properties.Environment.Variables;
    expect(scheduler).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      ORGOS_TABLE: table,
      ORGOS_SENDER: 'orgos@example.com',
      ORGOS_PUBLIC_URL: publicUrl,
    });
  });

  it('never carry the admin token: Secrets Manager generates it and the template holds no secret value', () => {
    const secret = only(dev, 'AWS::SecretsManager::Secret');
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    const json = JSON.stringify(dev.template.toJSON());
    expect(json.includes('"SecretString"'), 'a SecretString in the template').toBe(false);
    expect(json.includes('resolve:secretsmanager'), 'a dynamic secret reference').toBe(false);
  });

  it('ship as minified ESM split into chunks, each with a source map, the AWS SDK left to the runtime', () => {
    for (const fn of [dev.stack.apiFunction.fn, dev.stack.scheduler.function.fn, dev.stack.respondentFunction.fn]) {
      const dir = join(dev.outdir, bundleDir(dev, fn));
      const files = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => relative(dir, join(f.parentPath, f.name)))
        .sort();
      const scripts = files.filter((f) => f.endsWith('.mjs'));
      expect(scripts).toContain('index.mjs');
      expect(files.sort()).toEqual([...scripts, ...scripts.map((f) => `${f}.map`)].sort());
      let lines = 0;
      let chars = 0;
      for (const file of scripts) {
        const code = readFileSync(join(dir, file), 'utf8');
        lines += code.split('\n').length;
        chars += code.length;
        expect(code.startsWith("import { createRequire as __orgosCreateRequire } from 'node:module';"), file).toBe(
          true,
        );
        expect(/\/\/# sourceMappingURL=\S+\.mjs\.map\s*$/.test(code), `${file}: source map comment`).toBe(true);
        // The SDK stays out: a bundled SDK would carry its user agent string, aws-sdk-js.
        expect(code.includes('aws-sdk-js'), `${file}: AWS SDK bundled`).toBe(false);
        const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as { sourcesContent?: unknown };
        expect(map.sourcesContent).toBeUndefined();
      }
      // Minified: a handful of lines per file (template literals keep their line breaks), not one per statement.
      expect(lines).toBeLessThanOrEqual(5 * scripts.length + chars / 1000);
    }
  });

  it('leave the admin, report, OpenAPI and lifecycle code out of the respondent function', () => {
    const code = (fn: IConstruct) => {
      const dir = join(dev.outdir, bundleDir(dev, fn));
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith('.mjs'))
        .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
        .join('\n');
    };
    const api = code(dev.stack.apiFunction.fn);
    const respondent = code(dev.stack.respondentFunction.fn);
    // Strings that only those routes carry: each is in the API function, so its absence here means something.
    for (const marker of [
      'orgos-report-',
      'openapi',
      'Results are published when the campaign closes',
      'no more invitations',
    ]) {
      expect(api.includes(marker), `API function carries ${marker}`).toBe(true);
      expect(respondent.includes(marker), `respondent function carries ${marker}`).toBe(false);
    }
    expect(respondent.includes('/s/withdraw')).toBe(true);
  });
});

describe('permissions', () => {
  it('give the respondent function only the item actions of its path, on the prefixes it uses, no index', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(dev.stack, dev.stack.data.table), 'Arn'] };
    const dynamo = policyStatements(dev, dev.stack.respondentFunction.role).filter((st) =>
      asArray<string>(st.Action).some((a) => a.startsWith('dynamodb:')),
    );
    const granted = Object.fromEntries(
      dynamo.map((st) => {
        expect(st.Effect).toBe('Allow');
        expect(st.Resource).toEqual(tableArn);
        return [st.Action, st.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']];
      }),
    );
    expect(granted).toEqual({
      'dynamodb:GetItem': ['LINK#*', 'CAMP#*', 'INVITE#*', 'RESP#*'],
      'dynamodb:PutItem': ['RESP#*'],
      'dynamodb:UpdateItem': ['INVITE#*', 'RESP#*'],
    });
    // Nothing it may read holds a token, a report snapshot, a session or an address list.
    const readable = granted['dynamodb:GetItem'] as string[];
    for (const prefix of ['TOKEN#', 'SNAP#', 'SESSION#', 'USER#', 'ORG#', 'DUE', 'SUBJECT#']) {
      expect(
        readable.some((p) => prefix.startsWith(p.replace('*', ''))),
        prefix,
      ).toBe(false);
    }
    expect(JSON.stringify(policyStatements(dev, dev.stack.respondentFunction.role))).not.toMatch(/secretsmanager|ses:/);
  });

  it('give the API and scheduler functions item reads and writes on the table and its indexes, nothing wider', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(dev.stack, dev.stack.data.table), 'Arn'] };
    for (const fn of [dev.stack.apiFunction, dev.stack.scheduler.function]) {
      const dynamo = policyStatements(dev, fn.role).filter((st) =>
        asArray<string>(st.Action).some((a) => a.startsWith('dynamodb:')),
      );
      expect(dynamo).toHaveLength(1);
      const actions = asArray<string>(dynamo[0]!.Action);
      expect(actions.filter((a) => !DYNAMODB_READ_WRITE.has(a))).toEqual([]);
      expect(dynamo[0]!.Resource).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
    }
  });

  it('contain no wildcard action anywhere in the stack', () => {
    for (const s of [dev, prod]) {
      for (const policy of Object.values(resources(s, 'AWS::IAM::Policy'))) {
        for (const st of policy.Properties.PolicyDocument.Statement) {
          for (const action of asArray<string>(st.Action)) {
            expect(action).not.toBe('*');
            expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
          }
        }
      }
    }
  });

  it('allow ses:SendEmail only from the configured sender identity', () => {
    const identity = (name: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':ses:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:identity/${name}`,
        ],
      ],
    });
    for (const fn of [dev.stack.apiFunction, dev.stack.scheduler.function]) {
      const ses = policyStatements(dev, fn.role).filter((st) =>
        asArray<string>(st.Action).some((a) => a.startsWith('ses:')),
      );
      expect(ses).toEqual([
        {
          Action: 'ses:SendEmail',
          Effect: 'Allow',
          Resource: expect.arrayContaining([identity('orgos@example.com'), identity('example.com')]),
          Condition: { StringEquals: { 'ses:FromAddress': 'orgos@example.com' } },
        },
      ]);
      expect(ses[0]!.Resource).toHaveLength(2);
    }
  });

  it('let only the API function read the admin secret', () => {
    const secret = { Ref: logicalId(dev.stack, dev.stack.config.secret) };
    const reads = (role: IConstruct) =>
      policyStatements(dev, role).filter((st) =>
        asArray<string>(st.Action).some((a) => a.startsWith('secretsmanager:')),
      );
    expect(reads(dev.stack.apiFunction.role)).toEqual([
      {
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Effect: 'Allow',
        Resource: secret,
      },
    ]);
    expect(reads(dev.stack.scheduler.function.role)).toEqual([]);
  });

  it('use no AWS managed policy on our functions: each role writes only to its own log group', () => {
    for (const fn of [dev.stack.apiFunction, dev.stack.scheduler.function, dev.stack.respondentFunction]) {
      expect(resource(dev, fn.role).Properties.ManagedPolicyArns).toBeUndefined();
      const logs = policyStatements(dev, fn.role).filter((st) =>
        asArray<string>(st.Action).some((a) => a.startsWith('logs:')),
      );
      expect(logs).toEqual([
        {
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [logicalId(dev.stack, fn.logGroup), 'Arn'] },
        },
      ]);
    }
  });
});

describe('HTTP API', () => {
  it("sends the respondent's path and /health to the respondent function, every other route to the API function", () => {
    const integrations = resources(dev, 'AWS::ApiGatewayV2::Integration');
    const target = (route: Resource) => {
      const id = (route.Properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
      const integration = integrations[id.Ref]!;
      expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      return integration.Properties.IntegrationUri;
    };
    const byKey = Object.fromEntries(
      Object.values(resources(dev, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, target(r)]),
    );
    const fn = (f: IConstruct) => ({ 'Fn::GetAtt': [logicalId(dev.stack, f), 'Arn'] });
    expect(byKey).toEqual({
      $default: fn(dev.stack.apiFunction.fn),
      'ANY /api/v1/surveys/{proxy+}': fn(dev.stack.respondentFunction.fn),
      'ANY /api/v1/responses/{proxy+}': fn(dev.stack.respondentFunction.fn),
      'ANY /s/{proxy+}': fn(dev.stack.respondentFunction.fn),
      'ANY /u/{proxy+}': fn(dev.stack.respondentFunction.fn),
      'ANY /health': fn(dev.stack.respondentFunction.fn),
    });
  });

  it('names exactly the paths the respondent app answers (functions/api/respondent-app.ts)', () => {
    const app = [...RESPONDENT_PATHS.api, ...RESPONDENT_PATHS.pages].map((p) => `${p}/{proxy+}`);
    expect([...RESPONDENT_ROUTES].sort()).toEqual([...app, '/health'].sort());
  });

  it('throttles the default stage and writes access logs without IP, user agent or path', () => {
    const stage = only(dev, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logicalId(dev.stack, dev.stack.api.accessLogs), 'Arn'] } },
    });
    const format = stage.Properties.AccessLogSettings.Format as string;
    expect(JSON.parse(format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(format).not.toMatch(/sourceIp|userAgent|\$context\.path|routeKey|querystring/i);
  });
});

describe('scheduler', () => {
  it('runs the lifecycle function every 15 minutes', () => {
    const rule = only(dev, 'AWS::Events::Rule');
    expect(rule.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [logicalId(dev.stack, dev.stack.scheduler.function.fn), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
      }),
    ]);
  });
});

describe('web', () => {
  it('keeps the bucket private, encrypted and reachable over TLS only', () => {
    for (const s of [dev, prod]) {
      s.template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      });
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
            }),
          ]),
        },
      });
    }
  });

  it('serves the bucket through origin access control and the app paths from the HTTP API', () => {
    const oac = only(dev, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const config = only(dev, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const origins = config.Origins as Array<Record<string, Cfn>>;
    const s3Origin = origins.find((o) => o.S3OriginConfig);
    const apiOrigin = origins.find((o) => o.CustomOriginConfig);
    expect(s3Origin?.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [Object.keys(resources(dev, 'AWS::CloudFront::OriginAccessControl'))[0], 'Id'],
    });
    expect(apiOrigin).toMatchObject({
      DomainName: {
        'Fn::Select': [
          2,
          { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId(dev.stack, dev.stack.api.httpApi), 'ApiEndpoint'] }] },
        ],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: s3Origin?.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    });
    const behaviors = config.CacheBehaviors as Array<Record<string, Cfn>>;
    expect(behaviors.map((b) => b.PathPattern)).toEqual(['/api/*', '/s/*', '/u/*', '/health']);
    for (const behavior of behaviors) {
      expect(behavior).toMatchObject({
        TargetOriginId: apiOrigin?.Id,
        ViewerProtocolPolicy: 'https-only',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      });
    }
  });

  it('sends the security headers on every path', () => {
    const policy = only(dev, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy as string;
    expect(csp.split('; ')[0]).toBe("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(headers).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
    const config = only(dev, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const policyRef = { Ref: Object.keys(resources(dev, 'AWS::CloudFront::ResponseHeadersPolicy'))[0] };
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual(policyRef);
    }
  });

  it('deploys the web build to the bucket and invalidates the distribution', () => {
    dev.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalId(dev.stack, dev.stack.web.bucket) },
      DistributionId: { Ref: logicalId(dev.stack, dev.stack.web.distribution) },
      DistributionPaths: ['/*'],
      Prune: true,
    });
  });

  it('empties and deletes the bucket with a dev stack, keeps it with a prod stack', () => {
    expect(resource(dev, dev.stack.web.bucket).DeletionPolicy).toBe('Delete');
    dev.template.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
    expect(resource(prod, prod.stack.web.bucket).DeletionPolicy).toBe('Retain');
    prod.template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });
});

describe('config', () => {
  it('keeps the admin secret with a prod stack', () => {
    expect(only(prod, 'AWS::SecretsManager::Secret').DeletionPolicy).toBe('Retain');
    expect(only(dev, 'AWS::SecretsManager::Secret').DeletionPolicy).toBe('Delete');
  });
});

describe('operations', () => {
  it('alarms on function errors and throttles, table throttles and API 5xx, to the alarm topic', () => {
    const topic = { Ref: logicalId(dev.stack, dev.stack.operations.topic) };
    const alarms = Object.values(resources(dev, 'AWS::CloudWatch::Alarm'));
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([topic]);
      expect(alarm.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
    const watched = alarms.map((a) =>
      a.Properties.MetricName
        ? `${a.Properties.Namespace} ${a.Properties.MetricName} ${JSON.stringify(a.Properties.Dimensions[0].Value)}`
        : (a.Properties.Metrics as Array<Record<string, Cfn>>)
            .filter((m) => m.MetricStat)
            .map((m) => `${m.MetricStat.Metric.Namespace} ${m.MetricStat.Metric.MetricName}`)
            .sort()
            .join(' + '),
    );
    const fn = (f: IConstruct) => JSON.stringify({ Ref: logicalId(dev.stack, f) });
    const api = JSON.stringify({ Ref: logicalId(dev.stack, dev.stack.api.httpApi) });
    expect(watched.sort()).toEqual(
      [
        `AWS/Lambda Errors ${fn(dev.stack.apiFunction.fn)}`,
        `AWS/Lambda Throttles ${fn(dev.stack.apiFunction.fn)}`,
        `AWS/Lambda Errors ${fn(dev.stack.scheduler.function.fn)}`,
        `AWS/Lambda Errors ${fn(dev.stack.respondentFunction.fn)}`,
        `AWS/Lambda Throttles ${fn(dev.stack.respondentFunction.fn)}`,
        `AWS/Lambda Throttles ${fn(dev.stack.scheduler.function.fn)}`,
        `AWS/ApiGateway 5xx ${api}`,
        [
          'AWS/DynamoDB ReadThrottleEvents',
          'AWS/DynamoDB ReadThrottleEvents',
          'AWS/DynamoDB WriteThrottleEvents',
          'AWS/DynamoDB WriteThrottleEvents',
        ].join(' + '),
      ].sort(),
    );
  });

  it('encrypts the alarm topic with a rotating key CloudWatch may use, and requires TLS to publish', () => {
    const key = only(dev, 'AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
    dev.template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Object.keys(resources(dev, 'AWS::KMS::Key'))[0], 'Arn'] },
    });
    dev.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    dev.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('sets a retention on every log group, and every function writes to one', () => {
    for (const s of [dev, prod]) {
      const groups = resources(s, 'AWS::Logs::LogGroup');
      for (const group of Object.values(groups)) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
      for (const [id, fn] of Object.entries(resources(s, 'AWS::Lambda::Function'))) {
        const configured = fn.Properties.LoggingConfig?.LogGroup?.Ref as string | undefined;
        const named = Object.values(groups).some(
          (g) =>
            JSON.stringify(g.Properties.LogGroupName) ===
            JSON.stringify({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: id }]] }),
        );
        expect(configured ? configured in groups : named, `${id} has a log group with a retention`).toBe(true);
      }
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('leaves no finding unacknowledged in either stage', () => {
    expect(formatFindings(dev.nagFindings)).toBe('');
    expect(formatFindings(prod.nagFindings)).toBe('');
  });

  it('has a written reason for every acknowledgement, and only the ones reviewed', () => {
    const acknowledged: Array<{ id: string; reason: string }> = [];
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledged.push({ id: id.replace(/^annotation::/i, ''), reason });
        }
      }
      c.node.children.forEach(visit);
    };
    visit(prod.app);
    for (const { id, reason } of acknowledged) expect(reason.length, id).toBeGreaterThan(60);
    // Resource findings name logical ids and the asset bucket; the rule and kind are what was reviewed.
    const reviewed = new Set(acknowledged.map(({ id }) => id.replace(/\[Resource::.*\]$/, '[Resource::…]')));
    expect([...reviewed].sort()).toEqual(
      [
        'AwsSolutions-APIG4',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR3',
        'AwsSolutions-CFR4',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Resource::…]',
        'AwsSolutions-L1',
        'AwsSolutions-S1',
        'AwsSolutions-SMG4',
      ].sort(),
    );
  });
});

describe('a configured deployment (custom domain, sender, alarm email)', () => {
  let configured: SynthesizedStage;
  beforeAll(() => {
    configured = synthStage(
      {
        stage: 'prod',
        senderEmail: 'surveys@acme.test',
        alarmEmail: 'ops@acme.test',
        domainName: 'survey.acme.test',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
        oidcIssuer: 'https://login.acme.test/oauth2/default',
        oidcClientId: 'orgos-acme',
        oidcLabel: 'Sign in with Acme ID',
        oidcEmailClaim: 'preferred_username',
        oidcRequireVerifiedEmail: 'false',
      },
      { bundle: false },
    );
  });
  afterAll(() => configured?.cleanup());

  it('serves the custom domain with its certificate and TLS 1.2 at least, and tells the functions', () => {
    const config = only(configured, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['survey.acme.test']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const env = resource(configured, configured.stack.apiFunction.fn).Properties.Environment.Variables;
    expect(env.ORGOS_PUBLIC_URL).toBe('https://survey.acme.test');
    expect(env.ORGOS_SENDER).toBe('surveys@acme.test');
  });

  it('scopes SES to the configured sender and subscribes the alarm email', () => {
    const ses = policyStatements(configured, configured.stack.apiFunction.role).find(
      (st) => st.Action === 'ses:SendEmail',
    );
    expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'surveys@acme.test' } });
    expect(JSON.stringify(ses?.Resource)).toContain(':identity/surveys@acme.test');
    expect(JSON.stringify(ses?.Resource)).toContain(':identity/acme.test"');
    configured.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@acme.test',
    });
  });

  it('gives the API function the OIDC settings and the client secret by ARN only, readable by it alone', () => {
    const sso = configured.stack.singleSignOn!;
    const secret = { Ref: logicalId(configured.stack, sso.clientSecret) };
    const env = resource(configured, configured.stack.apiFunction.fn).Properties.Environment.Variables;
    expect(env).toMatchObject({
      ORGOS_OIDC_ISSUER: 'https://login.acme.test/oauth2/default',
      ORGOS_OIDC_CLIENT_ID: 'orgos-acme',
      ORGOS_OIDC_SECRET_ARN: secret,
      ORGOS_OIDC_LABEL: 'Sign in with Acme ID',
      ORGOS_OIDC_EMAIL_CLAIM: 'preferred_username',
      ORGOS_OIDC_REQUIRE_VERIFIED_EMAIL: 'false',
    });
    // CDK merges the two secrets' grants into one statement.
    const reads = (role: IConstruct) =>
      policyStatements(configured, role).filter((st) =>
        asArray(st.Resource).some((r) => JSON.stringify(r) === JSON.stringify(secret)),
      );
    expect(reads(configured.stack.apiFunction.role).map((st) => st.Action)).toEqual([
      ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
    ]);
    expect(reads(configured.stack.scheduler.function.role)).toEqual([]);
    // Kept with a prod stack, like the admin secret; no value of it is in the template.
    expect(resource(configured, sso.clientSecret).DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(configured.template.toJSON())).not.toMatch(/"SecretString"/);
  });

  it('has no single sign-on unless both issuer and client id are given', () => {
    expect(dev.stack.singleSignOn).toBeUndefined();
    const env = resource(dev, dev.stack.apiFunction.fn).Properties.Environment.Variables;
    expect(Object.keys(env).filter((k) => k.startsWith('ORGOS_OIDC_'))).toEqual([]);
    expect(() => synthStage({ oidcIssuer: 'https://login.acme.test' }, { bundle: false })).toThrow(/oidcClientId/);
  });

  it('needs no TLS acknowledgement and leaves no finding', () => {
    expect(formatFindings(configured.nagFindings)).toBe('');
    const acknowledged = configured.stack.web.distribution.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.keys(m.data as object));
    expect(acknowledged.some((id) => id.endsWith('AwsSolutions-CFR4'))).toBe(false);
  });
});
