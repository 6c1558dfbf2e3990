// `npx tsx bench/profile-submit.ts [seconds]`: a CPU profile of the local server taking submissions (the path
// submit-throughput measures), and a summary of where its time goes: self time by package or project folder, and the
// heaviest functions. Writes the .cpuprofile (open it in Chrome DevTools or speedscope for the flame graph) to a temp
// dir and prints its path. Not part of `npm run bench`: a profiler slows what it measures.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkNodeModules, ROOT } from './lib/bundle';
import { load } from './lib/load';
import { answers, childEnv, freePort, startProcess } from './lib/proc';
import { ADMIN_TOKEN, createCampaign, httpFetcher, simulatedResponses, submissionBody } from './lib/product';

Object.assign(process.env, {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const seconds = Number(process.argv[2] ?? 10);
const tmp = mkdtempSync(join(tmpdir(), 'orgos-profile-'));
const profileFile = join(tmp, 'submissions.cpuprofile');
// The local server as startLocalServer runs it, with the inspector's profiler started and stopped by signals, so the
// profile holds the submissions only (not the server's start, nor the warm-up).
linkNodeModules(tmp);
const runner = join(tmp, 'profiled-server.mjs');
writeFileSync(
  runner,
  `import { register } from 'tsx/esm/api';
register();
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
process.on('SIGUSR2', () => void session.post('Profiler.start'));
process.on('SIGUSR1', async () => {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(${JSON.stringify(profileFile)}, JSON.stringify(profile));
  process.stdout.write('profile written\\n');
});
const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'functions/local/server.ts')).href)});
await main(process.env);
`,
);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = await startProcess(process.execPath, [runner], {
  cwd: ROOT,
  env: childEnv({
    ORGOS_DATA_DIR: join(tmp, 'data'),
    PORT: String(port),
    HOST: '127.0.0.1',
    ORGOS_ADMIN_TOKEN: ADMIN_TOKEN,
    ORGOS_RATE_LIMIT: '0',
    ORGOS_SEED: '0',
    ORGOS_WEB_DIR: join(tmp, 'no-web'),
  }),
  ready: () => answers(`${url}/health`),
  timeoutMs: 60_000,
});
const responses = await simulatedResponses(2_000, 5);
const campaign = await createCampaign(httpFetcher(url));
let i = 0;
const drive = (duration: number) =>
  load({
    url,
    connections: 10,
    duration,
    requests: [
      {
        method: 'POST',
        path: campaign.submitPath,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: submissionBody(responses, i++) }),
      },
    ],
  });
await drive(3);
server.child.kill('SIGUSR2');
const result = await drive(seconds);
server.child.kill('SIGUSR1');
for (let t = 0; t < 100 && !server.output().includes('profile written'); t++)
  await new Promise((r) => setTimeout(r, 100));
await server.stop();
console.log(
  `${result['2xx']} submissions in ${result.duration} s (${Math.round(result['2xx'] / result.duration)}/s, profiled)`,
);

const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Profile;
const self = new Map<number, number>();
profile.samples.forEach((id, k) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));

/** `dynalite`, `@aws-sdk/…`, `hono`, a project folder, `(node)` for Node's own code, or `(gc)`, `(idle)`. */
const owner = (n: ProfileNode): string => {
  const { url, functionName } = n.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!.startsWith('@smithy') || pkg[1]!.startsWith('@aws-sdk') ? 'AWS SDK' : pkg[1]!;
  if (url.startsWith('node:')) return '(node)';
  const m = /\/speed\/([^/]+)\/|\/orgos[^/]*\/([^/]+)\//.exec(url);
  return m ? `${m[1] ?? m[2]}/` : url.split('/').slice(-2).join('/');
};
const sum = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, t] of self) {
  const n = byNode.get(id)!;
  sum.set(owner(n), (sum.get(owner(n)) ?? 0) + t);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1)}%`;
const perSubmission = (t: number) => `${(t / 1000 / Math.max(1, result['2xx'])).toFixed(3)} ms`;
console.log(`\nself time by owner (share of samples, CPU ms per submission):`);
for (const [k, t] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 14))
  console.log(`  ${pct(t).padStart(6)}  ${perSubmission(t)}  ${k}`);
console.log(`\nheaviest functions (self time):`);
for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(t).padStart(6)}  ${k}`);
console.log(`\nprofile: ${profileFile}`);
