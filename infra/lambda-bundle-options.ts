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

/** The handler file Lambda loads (`index.handler`); `.mjs` so Node reads it, and every chunk, as ESM. */
export const LAMBDA_ENTRY_FILE = 'index.mjs';

/**
 * The whole esbuild build of one Lambda function, for `esbuild.build` (the bench) and `esbuild.buildSync` (infra's
 * local bundling) alike. Code splitting: each dynamic `import()` of the app becomes a chunk file beside `index.mjs`
 * that loads on first use, so a cold start reads only what its first request needs (functions/api/respondent-app.ts).
 * CDK's NodejsFunction cannot split (it passes esbuild `--outfile`), hence SurveyFunction bundles itself.
 */
export function lambdaBuildOptions(entry: string, outdir: string, absWorkingDir: string) {
  return {
    entryPoints: { index: entry },
    outdir,
    absWorkingDir,
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    // The deployed runtime is nodejs24.x; node22 syntax runs on it and on the Node 20 the bench measures with.
    target: 'node22',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Minified: less code to read from disk and parse on a cold start.
    minify: true,
    // Source maps for readable stack traces (LAMBDA_NODE_OPTIONS); without the sources embedded, so maps stay small.
    sourcemap: 'linked' as const,
    sourcesContent: false,
    mainFields: LAMBDA_MAIN_FIELDS,
    external: LAMBDA_EXTERNAL_MODULES,
    banner: { js: LAMBDA_ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'warning' as const,
  };
}
