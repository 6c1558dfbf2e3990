#!/usr/bin/env node
// `npm start`: builds the web pages (when the web build exists) and runs the local server through tsx, so a fresh
// clone needs nothing but `npm install`. Plain JavaScript: it is what loads the TypeScript loader.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
register();

const webBuild = join(root, 'web', 'build.ts');
if (existsSync(webBuild)) {
  const started = Date.now();
  const { buildWeb } = await import(pathToFileURL(webBuild).href);
  await buildWeb(join(root, 'dist', 'web'));
  console.log(`web pages built in ${Date.now() - started} ms`);
}

const { main } = await import(pathToFileURL(join(root, 'functions', 'local', 'server.ts')).href);
await main(process.env);
