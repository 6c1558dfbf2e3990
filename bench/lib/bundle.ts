// Bundles a Lambda entry the way infra's SurveyFunction does, so sizes and cold starts are the deployed ones.
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_ENTRY_FILE, LAMBDA_NODE_OPTIONS, lambdaBuildOptions } from '../../infra/lambda-bundle-options';
import { gzipSize } from './gzip';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The Lambda environment's NODE_OPTIONS, as infra sets it. */
export { LAMBDA_NODE_OPTIONS };

export interface Bundle {
  /** index.mjs, the file Lambda loads. */
  file: string;
  /** Bytes of index.mjs and of every chunk it imports statically: what importing the handler reads, before any event. */
  raw: number;
  /** gzip -9 of the same files. */
  gzip: number;
  /** Bytes of every .mjs file of the function (entry and all chunks): what the deployment package carries. */
  total: number;
  /** Each output file (path relative to the bundle dir) and its bytes, .mjs only. */
  files: { path: string; bytes: number }[];
  /** The heaviest inputs by bytes over all output files, to say what bounds a size. */
  top: { path: string; bytes: number }[];
}

/**
 * Bundles as infra's `SurveyFunction` does, from the same options (infra/lambda-bundle-options.ts): ESM split into
 * chunks, `module` before `main`, minified, linked source maps without sources, `@aws-sdk/*` external (the Lambda
 * runtime ships it; here it resolves from the project's node_modules through a symlink), the createRequire banner.
 */
export async function bundleLambda(entry: string, outDir: string): Promise<Bundle> {
  mkdirSync(outDir, { recursive: true });
  linkNodeModules(outDir);
  const result = await build(lambdaBuildOptions(entry, outDir, ROOT));
  const outputs = result.metafile!.outputs;
  const rel = (path: string) => relative(outDir, resolve(ROOT, path));
  const scripts = Object.entries(outputs).filter(([path]) => path.endsWith('.mjs'));
  const entryPath = scripts.find(([path]) => rel(path) === LAMBDA_ENTRY_FILE)?.[0];
  if (!entryPath) throw new Error(`no ${LAMBDA_ENTRY_FILE} in the build of ${entry}`);
  const initial = staticClosure(outputs, entryPath);
  const contents = [...initial].map((path) => readFileSync(resolve(ROOT, path)));
  const top = scripts
    .flatMap(([, o]) =>
      Object.entries(o.inputs).map(([path, v]) => ({ path: packageOf(path), bytes: v.bytesInOutput })),
    )
    .reduce<{ path: string; bytes: number }[]>((acc, cur) => {
      const found = acc.find((a) => a.path === cur.path);
      if (found) found.bytes += cur.bytes;
      else acc.push({ ...cur });
      return acc;
    }, [])
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 4);
  return {
    file: join(outDir, LAMBDA_ENTRY_FILE),
    raw: contents.reduce((sum, c) => sum + c.length, 0),
    gzip: contents.reduce((sum, c) => sum + gzipSize(c), 0),
    total: scripts.reduce((sum, [, o]) => sum + o.bytes, 0),
    files: scripts.map(([path, o]) => ({ path: rel(path), bytes: o.bytes })),
    top,
  };
}

/** The output file and every chunk it imports statically, transitively (dynamic imports load later, on use). */
function staticClosure(outputs: Metafile['outputs'], from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imp of outputs[path]?.imports ?? [])
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(from);
  return seen;
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
