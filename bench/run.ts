// `npm run bench [-- --only cold-start,cli-scoring] [--quick] [--keep] [--out FILE] [--write-docs]`: runs the
// benchmarks, prints one table and writes the rows to bench/results.json (untracked; --out elsewhere). Only
// --write-docs on a full run rewrites the table in docs/BENCHMARKS.md, so a run leaves the work tree as it was.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './lib/context';
import { describeMachine, machine } from './lib/machine';
import { notes, type Row, row, table } from './lib/result';

// The bench talks only to engines it starts on loopback: fake credentials and a region keep the SDK's default chain
// from looking further, set before any benchmark module (and so the SDK) loads; hence the lazy imports below.
Object.assign(process.env, {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
});
delete process.env.AWS_PROFILE;
delete process.env.AWS_SESSION_TOKEN;

const BENCHES: { id: string; run: (ctx: BenchContext) => Promise<Row[]> }[] = [
  { id: 'cold-start', run: async (ctx) => (await import('./cold-start')).coldStart(ctx) },
  { id: 'submit-throughput', run: async (ctx) => (await import('./submit-throughput')).submitThroughput(ctx) },
  { id: 'report-scaling', run: async (ctx) => (await import('./report-scaling')).reportScaling(ctx) },
  { id: 'cli-scoring', run: async (ctx) => (await import('./cli-scoring')).cliScoring(ctx) },
  { id: 'survey-weight', run: async (ctx) => (await import('./survey-weight')).surveyWeight(ctx) },
];

const ROOT = join(import.meta.dirname, '..');
// Untracked (.gitignore): a run's figures are for the one who ran it; docs/BENCHMARKS.md quotes the ones kept.
const RESULTS = join(ROOT, 'bench/results.json');
const DOC = join(ROOT, 'docs/BENCHMARKS.md');
const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
    'write-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    `npm run bench -- [--only ${BENCHES.map((b) => b.id).join(',')}] [--quick] [--keep] [--out FILE] [--write-docs]`,
  );
  process.exit(0);
}

const only = (values.only ?? []).flatMap((o) => o.split(',')).filter(Boolean);
const unknown = only.filter((o) => !BENCHES.some((b) => b.id === o));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.id).join(', ')}`);
  process.exit(2);
}
const selected = only.length > 0 ? BENCHES.filter((b) => only.includes(b.id)) : BENCHES;
const quick = values.quick ?? false;
const m = machine();
console.log(`orgos bench${quick ? ' (quick)' : ''} on ${describeMachine(m)}\n`);

const rows: Row[] = [];
const started = performance.now();
// The machine's load beside the figures: on a shared machine it moves every timing (see docs/BENCHMARKS.md).
const loads: number[] = [loadavg()[0]!];
const loadSampler = setInterval(() => loads.push(loadavg()[0]!), 30_000);
loadSampler.unref();
for (const bench of selected) {
  const t0 = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), `orgos-bench-${bench.id}-`));
  const log = (message: string) => console.log(`  [${bench.id}] ${message}`);
  log(`start (temp dir ${tmp})`);
  try {
    const out = await bench.run({ quick, tmp, log });
    rows.push(...out.map((r) => (quick ? { ...r, note: `quick run; ${r.note ?? ''}` } : r)));
  } catch (e) {
    const error = e as Error;
    console.error(`  [${bench.id}] failed: ${error.stack ?? error.message}`);
    // A missed target is a figure; a benchmark that could not run is a failure of the run.
    process.exitCode = 1;
    rows.push(
      row({
        id: bench.id,
        value: null,
        baseline: null,
        target: null,
        unit: '',
        note: `failed: ${error.message.split('\n')[0]}`,
      }),
    );
  } finally {
    if (values.keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// A partial run (--only) replaces its own rows and keeps the others from the last run written to the same file.
const resultsFile = values.out ? resolve(values.out) : RESULTS;
const previous: Row[] =
  only.length > 0 && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Row[]) : [];
const ran = new Set(selected.map((b) => b.id));
const fresh = new Set(rows.map((r) => r.id));
// A row belongs to the benchmark that writes it (scheduler.* come from report-scaling).
const benchOf = (id: string) => id.split('.')[0]!;
const order = (id: string) => {
  const i = BENCHES.findIndex((x) => x.id === benchOf(id));
  return i === -1 ? BENCHES.findIndex((x) => x.id === 'report-scaling') : i;
};
const kept = previous.filter((r) => !ran.has(benchOf(r.id)) && !fresh.has(r.id));
const merged = [...kept, ...rows].sort((a, b) => order(a.id) - order(b.id));
writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);

clearInterval(loadSampler);
loads.push(loadavg()[0]!);
const sortedLoads = [...loads].sort((a, b) => a - b);
const loadLine =
  `load average (1 min) during the run: median ${sortedLoads[Math.floor(sortedLoads.length / 2)]!.toFixed(1)}, ` +
  `${sortedLoads[0]!.toFixed(1)}–${sortedLoads.at(-1)!.toFixed(1)} over ${loads.length} samples`;
const printed = `${table(rows)}\n\n${notes(rows)}`;
console.log(`\n${printed}\n`);
console.log(
  `total ${((performance.now() - started) / 1000).toFixed(1)} s; ${loadLine}; wrote ${resultsFile}` +
    (kept.length > 0 ? ` (with ${kept.length} rows kept from the last run of the other benchmarks)` : ''),
);

// Only when asked for, and never from a quick run. A partial run writes the merged rows (its own and those kept from
// the last run of the other benchmarks) and says which are whose.
if (values['write-docs'] && quick) {
  console.log('--write-docs takes a run without --quick: docs/BENCHMARKS.md left as it was');
} else if (values['write-docs'] && existsSync(DOC)) {
  const doc = readFileSync(DOC, 'utf8');
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from !== -1 && to > from) {
    const whose =
      kept.length > 0
        ? ` Rows of ${[...ran].join(', ')} from this run; the others (${[...new Set(kept.map((r) => benchOf(r.id)))].join(', ')}) kept from the last run of their benchmark.`
        : '';
    const shown = `${table(merged)}\n\n${notes(merged)}`;
    const block = `${BEGIN}\nMeasured on ${describeMachine(m)}; ${loadLine}.${whose}\n\n${shown}\n${END}`;
    writeFileSync(DOC, doc.slice(0, from) + block + doc.slice(to + END.length));
    console.log(`updated the table in ${DOC}`);
  }
}
