// Reads an OpenAPI document on stdin and prints openapi-typescript's types for it. openapi-typescript drives the
// TypeScript 5 compiler API, which TypeScript 7 (the project's compiler) no longer has: its `typescript` import is
// pointed at the `typescript-5` package (a dev dependency alias) here, in this process only.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, n) { return s === 'typescript' && (c.parentURL ?? '').includes('/openapi-typescript/') ? n('typescript-5', c) : n(s, c); }",
  )}`,
);
const { default: openapiTS, astToString } = await import('openapi-typescript');
let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(astToString(await openapiTS(JSON.parse(input))));
