// The program each fresh Node process runs for a cold start: import the bundle, answer one event, report timings.
// Written to the temp dir as plain ESM so nothing but `node` itself (no tsx, no loader) is in the measurement.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lambdaContext } from './apigw-event';

export const MARK = '@@orgos-bench ';

export const RUNNER_SOURCE = `
const event = JSON.parse(process.env.BENCH_EVENT);
const context = ${JSON.stringify(lambdaContext)};
context.getRemainingTimeInMillis = () => 30000;
// performance.now() counts from the process's time origin, so t0 is what Node's own start-up took.
// With BENCH_TRACE (an untimed diagnostic run only): record every file of the bundle that the import and the event
// load, through a module hook, to say what a cold start of this request reads.
let loaded = null;
if (process.env.BENCH_TRACE) {
  const { register } = await import('node:module');
  const { MessageChannel } = await import('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  loaded = new Set();
  port1.on('message', (url) => loaded.add(url));
  port1.unref();
  const hook = 'export let port; export function initialize(d) { port = d.port; } ' +
    'export async function load(url, context, next) { const r = await next(url, context); port.postMessage(url); return r; }';
  register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
}
const t0 = performance.now();
const mod = await import(process.env.BENCH_BUNDLE);
const t1 = performance.now();
const res = await mod.handler(event, context);
const t2 = performance.now();
if (loaded) await new Promise((r) => setTimeout(r, 50));
// The handler may log to stdout (Powertools, EMF metrics) as on Lambda: the figures go on their own marked line.
process.stdout.write('\\n${MARK}' + JSON.stringify({ bootMs: t0, importMs: t1 - t0, eventMs: t2 - t1, totalMs: t2,
  status: res && res.statusCode, body: String((res && res.body) || '').slice(0, 300),
  ...(loaded ? { loaded: [...loaded] } : {}) }));
process.exit(0);
`;

export interface ColdSample {
  bootMs: number;
  importMs: number;
  eventMs: number;
  /** Process start to the handler's answer: what a Lambda init + first invoke costs, less the runtime's own work. */
  totalMs: number;
  status: number | undefined;
  body: string;
  /** With BENCH_TRACE: the URL of every module loaded (the bundle's files among them). */
  loaded?: string[];
}

export function parseSample(stdout: string): ColdSample {
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (!line) throw new Error(`no figures in the runner's output: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice(MARK.length)) as ColdSample;
}

export function writeRunner(dir: string): string {
  const file = join(dir, 'cold-runner.mjs');
  writeFileSync(file, RUNNER_SOURCE);
  return file;
}
