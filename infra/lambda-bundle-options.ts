// The esbuild choices every Lambda bundle shares: SurveyFunction deploys with them and bench/ measures the same
// bundle with them, so the two cannot drift. Plain constants, no CDK import, so the bench can load them cheaply.

/** Stack traces point at the TypeScript source instead of the minified bundle. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/** Prefer packages' ESM builds over CommonJS ones, so esbuild can drop unused exports of hono and zod/mini. */
export const LAMBDA_MAIN_FIELDS = ['module', 'main'];

/** ESM has no `require`; a bundled CommonJS dependency that requires a Node builtin needs a real one. */
export const LAMBDA_ESM_REQUIRE_BANNER =
  "import { createRequire as __orgosCreateRequire } from 'node:module'; const require = __orgosCreateRequire(import.meta.url);";

/**
 * The Lambda Node runtime ships the AWS SDK v3: importing it from there keeps the bundle small and the cold start
 * short. The price is that the runtime's SDK version, not package-lock's, is the one that runs.
 */
export const LAMBDA_EXTERNAL_MODULES = ['@aws-sdk/*'];
