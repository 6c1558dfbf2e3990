// `npx tsx bench/profile-submit.ts [seconds]`: a CPU profile of the local server taking submissions (the path
// submit-throughput measures), and a summary of where its time goes: self time by package or project folder, and the
// heaviest functions. Writes the .cpuprofile (open it in Chrome DevTools or speedscope for the flame graph) to a temp
// dir and prints its path. Not part of `npm run bench`: a profiler slows what it measures.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './lib/load';
import { createCampaign, httpFetcher, simulatedResponses, startLocalServer, submissionBody } from './lib/product';

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
const profDir = join(tmp, 'prof');
const server = await startLocalServer(tmp, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir}` });
const responses = await simulatedResponses(2_000, 5);
const campaign = await createCampaign(httpFetcher(server.url));
let i = 0;
const result = await load({
  url: server.url,
  connections: 10,
  duration: seconds,
  requests: [
    {
      method: 'POST',
      path: campaign.submitPath,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: submissionBody(responses, i++) }),
    },
  ],
});
await server.stop();
console.log(`${result['2xx']} submissions in ${result.duration} s (${Math.round(result['2xx'] / result.duration)}/s, profiled)`);

const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile in ${profDir}`);
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
const self = new Map<number, number>();
profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
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
for (const [k, t] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${pct(t).padStart(6)}  ${perSubmission(t)}  ${k}`);
console.log(`\nheaviest functions (self time):`);
for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(t).padStart(6)}  ${k}`);
console.log(`\nprofile: ${join(profDir, file)}`);
