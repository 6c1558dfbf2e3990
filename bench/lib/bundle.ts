// Bundles a Lambda entry the way infra's NodejsFunction does, so sizes and cold starts are the deployed ones.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import {
  LAMBDA_ESM_REQUIRE_BANNER,
  LAMBDA_EXTERNAL_MODULES,
  LAMBDA_MAIN_FIELDS,
  LAMBDA_NODE_OPTIONS,
} from '../../infra/lambda-bundle-options';
import { fileSizes } from './gzip';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The Lambda environment's NODE_OPTIONS, as infra sets it. */
export { LAMBDA_NODE_OPTIONS };

export interface Bundle {
  file: string;
  raw: number;
  gzip: number;
  /** The heaviest inputs by bytes in the output, to say what bounds a size. */
  top: { path: string; bytes: number }[];
}

/**
 * Bundles as infra's `SurveyFunction` does, from the same shared options (infra/lambda-bundle-options.ts): ESM,
 * `module` before `main`, minified, linked source maps without sources, `@aws-sdk/*` external (the Lambda runtime ships
 * it; here it resolves from the project's node_modules through a symlink), the createRequire banner.
 */
export async function bundleLambda(entry: string, outDir: string): Promise<Bundle> {
  mkdirSync(outDir, { recursive: true });
  linkNodeModules(outDir);
  const file = join(outDir, 'index.mjs');
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    mainFields: LAMBDA_MAIN_FIELDS,
    external: LAMBDA_EXTERNAL_MODULES,
    banner: { js: LAMBDA_ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
  const top = Object.entries(output?.inputs ?? {})
    .map(([path, v]) => ({ path: packageOf(path), bytes: v.bytesInOutput }))
    .reduce<{ path: string; bytes: number }[]>((acc, cur) => {
      const found = acc.find((a) => a.path === cur.path);
      if (found) found.bytes += cur.bytes;
      else acc.push({ ...cur });
      return acc;
    }, [])
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 4);
  return { file, ...fileSizes(file), top };
}

/** `node_modules/zod/v4/mini/…` → `zod`; project files stay as their top folder (`functions/`, `shared/`). */
function packageOf(path: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1]!;
  const rel = relative(ROOT, resolve(ROOT, path));
  return `${rel.split('/')[0]}/`;
}

/** Bare imports (`@aws-sdk/*`, `tsx`) from a file in a temp dir resolve through `<tmp>/node_modules` → the project's. */
export function linkNodeModules(outDir: string): void {
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}
