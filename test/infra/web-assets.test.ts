import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareWebAssets } from '../../infra/web-assets';

const roots: string[] = [];
function fakeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'orgos-web-assets-'));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('web assets for the deployment', () => {
  it("builds with the web package's buildWeb(outDir) into dist/web when web/build.ts exists", async () => {
    const root = fakeProject();
    mkdirSync(join(root, 'web'));
    writeFileSync(
      join(root, 'web/build.ts'),
      `import { mkdirSync, writeFileSync } from 'node:fs';
export async function buildWeb(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outDir + '/index.html', 'built');
}
`,
    );
    const assets = await prepareWebAssets(root);
    expect(assets).toEqual({ dir: join(root, 'dist/web') });
    expect(readFileSync(join(root, 'dist/web/index.html'), 'utf8')).toBe('built');
  });

  it('falls back to a placeholder page outside the project, and says so, when there is no web build', async () => {
    const root = fakeProject();
    const assets = await prepareWebAssets(root);
    roots.push(assets.dir);
    expect(assets.placeholder).toMatch(/placeholder/);
    expect(assets.dir.startsWith(root)).toBe(false);
    expect(readFileSync(join(assets.dir, 'index.html'), 'utf8')).toContain('<!doctype html>');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
