import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { createOrgosApp } from '../../infra/orgos-app';
import { parseStage, stageSettings } from '../../infra/stage';
import { PROJECT_ROOT } from './synth-stage';

describe('stage', () => {
  it('defaults to dev and accepts only dev or prod', () => {
    expect(parseStage(undefined)).toBe('dev');
    expect(parseStage('prod')).toBe('prod');
    expect(() => parseStage('production')).toThrow(/-c stage=dev or -c stage=prod/);
    expect(() => parseStage(1)).toThrow();
  });

  it('keeps and protects data in prod only', () => {
    expect(stageSettings('prod')).toMatchObject({
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      autoDeleteObjects: false,
    });
    expect(stageSettings('dev')).toMatchObject({
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      autoDeleteObjects: true,
    });
  });

  it('refuses a custom domain without its certificate, before building anything', () => {
    // An App without an outdir makes its own under the OS temp dir; give it one this test removes.
    const outdir = mkdtempSync(join(tmpdir(), 'orgos-infra-test-'));
    try {
      expect(() =>
        createOrgosApp({
          projectRoot: PROJECT_ROOT,
          webAssetDir: PROJECT_ROOT,
          outdir,
          context: { domainName: 'survey.acme.test' },
        }),
      ).toThrow(/certificateArn/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
