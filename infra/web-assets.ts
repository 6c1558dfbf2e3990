import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WebAssets {
  readonly dir: string;
  /** Set when the real web build was not available and a one-page stand-in is deployed instead. */
  readonly placeholder?: string;
}

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>orgos</title></head>
<body><h1>orgos</h1><p>The web build was not available when this was deployed.</p></body></html>
`;

/** A directory holding a minimal index.html, under the OS temp dir (or `parent`). */
export function placeholderWebDir(parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'orgos-web-'));
  writeFileSync(join(dir, 'index.html'), PLACEHOLDER_HTML);
  return dir;
}

/**
 * Builds the web app into `dist/web` with the web package's `buildWeb(outDir)` when `web/build.ts` exists.
 * Without it, an existing `dist/web` is used as it is; failing that, a placeholder page in a temp directory,
 * so that synth still works (the caller warns).
 */
export async function prepareWebAssets(projectRoot: string): Promise<WebAssets> {
  const outDir = join(projectRoot, 'dist/web');
  const buildModule = join(projectRoot, 'web/build.ts');
  if (existsSync(buildModule)) {
    // A dynamic import of a path: the module is someone else's and may not exist yet, so no static import.
    const mod = (await import(pathToFileURL(buildModule).href)) as { buildWeb?: (outDir: string) => Promise<void> };
    if (typeof mod.buildWeb !== 'function') throw new Error('web/build.ts does not export buildWeb(outDir)');
    await mod.buildWeb(outDir);
    return { dir: outDir };
  }
  if (existsSync(join(outDir, 'index.html'))) return { dir: outDir };
  return { dir: placeholderWebDir(), placeholder: 'web/build.ts not found: deploying a placeholder page' };
}
