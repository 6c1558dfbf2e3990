// Entry for the CDK CLI (cdk.json: `npx tsx infra/app.ts`). Usage: docs/DEPLOY.md.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations } from 'aws-cdk-lib';
import { createOrgosApp } from './orgos-app';
import { prepareWebAssets } from './web-assets';

const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const web = await prepareWebAssets(projectRoot);
const { app, stack } = createOrgosApp({ projectRoot, webAssetDir: web.dir });
if (web.placeholder) Annotations.of(stack).addWarningV2('orgos:web-placeholder', web.placeholder);
app.synth();
