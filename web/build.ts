// Builds the static half of the web: the browser scripts, the stylesheets and the static pages, into one folder that
// the local server serves at / and the CDK stack uploads to S3. The survey page itself is server-rendered (/s/*).

import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { DASHBOARD_CSS } from './dashboard/dashboard-css';
import { REPORT_CSS } from './report/report-css';
import { BASE_CSS } from './styles/base-css';

const here = dirname(fileURLToPath(import.meta.url));

/** Asset names the pages refer to; a content hash is not worth it at this size, CloudFront revalidates. */
const SCRIPTS = {
  survey: join(here, 'survey/survey.ts'),
  report: join(here, 'report/report-page.ts'),
  dashboard: join(here, 'dashboard/dashboard.ts'),
  'dashboard-import': join(here, 'dashboard/import-form.ts'),
  signin: join(here, 'account/signin-page.ts'),
  users: join(here, 'account/users-page.ts'),
  keys: join(here, 'account/keys-page.ts'),
};

const STYLESHEETS: Record<string, string> = {
  'orgos.css': BASE_CSS,
  'report.css': REPORT_CSS,
  'dashboard.css': DASHBOARD_CSS,
};

export async function buildWeb(outDir = 'dist/web'): Promise<void> {
  const out = resolve(outDir);
  const assets = join(out, 'assets');
  await rm(out, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });

  await build({
    entryPoints: SCRIPTS,
    outdir: assets,
    bundle: true,
    // ESM because the pages load them as modules; es2020 covers every browser with module support in use today.
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    // No source maps in the output: they would be uploaded and served beside the scripts for nobody.
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
  });

  for (const [name, css] of Object.entries(STYLESHEETS)) {
    const { code } = await transform(css, {
      loader: 'css',
      minify: true,
      target: ['chrome100', 'firefox100', 'safari15'],
    });
    await writeFile(join(assets, name), code);
  }

  const staticDir = join(here, 'static');
  for (const file of await readdir(staticDir)) {
    await copyFile(join(staticDir, file), join(file.endsWith('.svg') ? assets : out, file));
  }
}

// `tsx web/build.ts [outDir]` builds from the command line.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb(process.argv[2]).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
