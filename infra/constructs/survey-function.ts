import { relative } from 'node:path';
import { AssetHashType, DockerImage, type Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { LAMBDA_ENTRY_FILE, LAMBDA_NODE_OPTIONS, lambdaBuildOptions } from '../lambda-bundle-options';
import { acknowledge, wildcardResourceId } from '../nag';

/** The newest Node runtime aws-cdk-lib 2.276 knows; cdk-nag's AwsSolutions-L1 asks for exactly that. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

export interface SurveyFunctionProps {
  /** Absolute path of a TypeScript module exporting `handler`. */
  readonly entry: string;
  /** Directory holding package.json and package-lock.json (esbuild resolves modules from here). */
  readonly projectRoot: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** The only data the function may touch: read/write items of this table and its indexes, nothing else. */
  readonly table: ITableV2;
  /**
   * Narrower table access than read/write on items: the grant is left to the caller (the respondent function's
   * per-prefix statements, respondent-function.ts). Default false: grantReadWriteData.
   */
  readonly customTableAccess?: boolean;
  /** Address the function may send from (ses:SendEmail limited to this identity and From address). */
  readonly sender?: string;
  readonly environment?: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * The function's code: the local esbuild (no Docker) with the options the bench measures with
 * (infra/lambda-bundle-options.ts), split into chunks beside index.mjs. CDK's NodejsFunction cannot split, since it
 * passes esbuild an `--outfile`; this is the same local bundling it does, with an `outdir`. The asset is hashed by its
 * output, as NodejsFunction's is, so an unchanged bundle is not uploaded again.
 */
export function bundledCode(entry: string, projectRoot: string): Code {
  const rel = relative(projectRoot, entry);
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws, and synth must not need Docker.
      image: DockerImage.fromRegistry('dummy'),
      // Part of the asset cache key: two functions bundled from one project root must not share a bundle.
      command: ['esbuild', rel],
      local: {
        tryBundle(outputDir: string): boolean {
          buildSync(lambdaBuildOptions(entry, outputDir, projectRoot));
          return true;
        },
      },
    },
  });
}

/**
 * One Lambda function the way this project deploys them all: arm64, newest Node runtime, minified ESM split into
 * chunks with source maps (`bundledCode`), its own log group with a retention, its own role that can write only to
 * that log group, and table access no wider than read/write on items.
 */
export class SurveyFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: SurveyFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    // Our own role instead of the default one: the default attaches the AWS managed AWSLambdaBasicExecutionRole,
    // which may write to every log group in the account. This one may write to its own log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry, props.projectRoot),
      handler: `${LAMBDA_ENTRY_FILE.replace(/\.mjs$/, '')}.handler`,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      // Graviton: 20% cheaper per GB-second than x86 at list price; nothing here needs x86.
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      // Lambda's own lines (start, report, timeouts) as JSON too, so one Logs Insights query reads them with ours.
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
        ORGOS_TABLE: props.table.tableName,
        ...(props.sender ? { ORGOS_SENDER: props.sender } : {}),
        ...props.environment,
      },
    });

    if (!props.customTableAccess) this.grantItemReadWrite(props.table);

    if (props.sender) {
      const stack = Stack.of(this);
      const domain = props.sender.slice(props.sender.lastIndexOf('@') + 1);
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          // SES authorizes against the verified identity: the address itself, or its domain when the domain is
          // what was verified. The condition still pins the From address to the configured sender.
          resources: [
            stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sender }),
            stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          ],
          conditions: { StringEquals: { 'ses:FromAddress': props.sender } },
        }),
      );
    }
  }

  private grantItemReadWrite(table: ITableV2): void {
    table.grantReadWriteData(this.fn);
    acknowledge(this.role, {
      [wildcardResourceId(this, `${table.tableArn}/index/*`)]:
        'grantReadWriteData covers the table and its indexes (index/*); the table has one index, GSI1. The ' +
        'actions are item reads and writes only, no table management.',
    });
  }
}
