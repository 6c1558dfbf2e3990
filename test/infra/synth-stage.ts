import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { App, PolicyViolation } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createOrgosApp } from '../../infra/orgos-app';
import type { OrgosStack } from '../../infra/orgos-stack';
import { placeholderWebDir } from '../../infra/web-assets';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface SynthesizedStage {
  readonly app: App;
  readonly stack: OrgosStack;
  readonly template: Template;
  /** The cloud assembly directory (function bundles live under it). */
  readonly outdir: string;
  /** cdk-nag AwsSolutions findings left unacknowledged (warnings included). */
  readonly nagFindings: PolicyViolation[];
  /** Removes the temp directory holding the cloud assembly and the stand-in web build. */
  cleanup(): void;
}

export interface SynthOptions {
  /** Bundle the Lambda functions with esbuild as `cdk synth` does (slower); off, CDK stages no code. */
  readonly bundle?: boolean;
}

/**
 * Synthesizes the app the way `cdk synth` does (cdk.json's context and feature flags, the cdk-nag plugin), into a
 * temp directory, with a one-page stand-in for the web build so the web package's build is not under test here.
 */
export function synthStage(context: Record<string, string>, options: SynthOptions = {}): SynthesizedStage {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'orgos-infra-test-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const outdir = join(dir, 'cdk.out');
    const { app, stack } = createOrgosApp({
      projectRoot: PROJECT_ROOT,
      webAssetDir: placeholderWebDir(dir),
      outdir,
      context: {
        ...cdkJson.context,
        ...(options.bundle === false ? { [BUNDLING_STACKS]: [] } : {}),
        ...context,
      },
    });
    let template: Template;
    try {
      template = Template.fromStack(stack);
    } catch (error) {
      // Synth stops on a cdk-nag finding; list them all rather than the first.
      const findings = new AwsSolutionsChecks().validateScope(app).violations;
      throw new Error(`synth failed: ${String(error)}\n${formatFindings(findings)}`);
    }
    const nagFindings = [...new AwsSolutionsChecks().validateScope(app).violations];
    return { app, stack, template, outdir, nagFindings, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

export function formatFindings(findings: readonly PolicyViolation[]): string {
  return findings
    .map((f) => `${f.ruleName}: ${f.violatingResources.map((r) => r.constructPath).join(', ')}`)
    .join('\n');
}
