// cli-scoring: `orgos score FILE.csv --json` on simulated responses beside only parsing the same CSV with the CLI's
// own streaming reader, each in a fresh process started the same way (bin/orgos.js runs TypeScript through tsx, so the
// parse-only runner registers tsx too). The baseline reads the file as `score` does, field by field (FieldHandler):
// the least any scorer of this file must do. Peak RSS at two sizes shows whether memory is bounded.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkNodeModules, ROOT } from './lib/bundle';
import type { BenchContext } from './lib/context';
import { childEnv, rssProbe, run } from './lib/proc';
import { parseOnlySource, writeSimulatedCsv } from './lib/product';
import { type Row, row } from './lib/result';
import { median } from './lib/stats';

/** parse: field mode, the baseline; array: a string array per record (the old baseline); map: array + mapping. */
type Kind = 'score' | 'parse' | 'array' | 'map';

interface Sample {
  seconds: number;
  rssMiB: number;
}

export async function cliScoring(ctx: BenchContext): Promise<Row[]> {
  const large = ctx.quick ? 100_000 : 1_000_000;
  const small = large / 10;
  const bin = join(ROOT, 'bin/orgos.js');
  if (!existsSync(bin)) throw new Error('bin/orgos.js has not landed');

  linkNodeModules(ctx.tmp);
  const cliUrl = pathToFileURL(join(ROOT, 'cli')).href;
  const parser = join(ctx.tmp, 'parse-only.mjs');
  writeFileSync(parser, parseOnlySource(cliUrl));
  const fieldParser = join(ctx.tmp, 'parse-fields.mjs');
  writeFileSync(fieldParser, fieldParseSource(cliUrl));

  const files = new Map<number, string>();
  for (const n of [small, large]) {
    const file = join(ctx.tmp, `responses-${n}.csv`);
    const t0 = performance.now();
    await writeSimulatedCsv(file, n);
    files.set(n, file);
    ctx.log(`wrote ${n.toLocaleString('en-US')} rows (${mib(statSync(file).size)} MiB) in ${s(t0)} s`);
  }

  const once = async (kind: Kind, n: number, timeoutMs: number): Promise<Sample> => {
    const probe = rssProbe(ctx.tmp);
    const file = files.get(n)!;
    const args = {
      score: [bin, 'score', file, '--json'],
      parse: [fieldParser, file],
      array: [parser, file],
      map: [parser, file, 'map'],
    }[kind];
    const result = await run(process.execPath, args, { cwd: ROOT, env: childEnv(probe.env), timeoutMs });
    if (result.code !== 0) {
      const why = result.code === null ? `did not finish within ${timeoutMs / 1000} s` : `exited ${result.code}`;
      throw new Error(`${kind} of ${n} rows ${why}: ${result.stderr.slice(-1500)}`);
    }
    const counted = kind === 'score' ? scoredCount(result.stdout) : Number(result.stdout.trim());
    // A run that scored or parsed fewer rows than written is not a figure (the parser counts the header too).
    const expected = kind === 'score' ? n : n + 1;
    if (counted !== expected) throw new Error(`${kind} of ${n} rows counted ${counted}, expected ${expected}`);
    return { seconds: result.wallMs / 1000, rssMiB: Math.max(...probe.read()) / 1024 };
  };

  const samples: Record<string, Sample[]> = {};
  const add = async (kind: Kind, n: number, timeoutMs = LARGE_TIMEOUT_MS) => {
    const sample = await once(kind, n, timeoutMs);
    const key = `${kind}-${n}`;
    samples[key] ??= [];
    samples[key].push(sample);
    ctx.log(`${key}: ${sample.seconds.toFixed(2)} s, max RSS ${sample.rssMiB.toFixed(0)} MiB`);
  };
  // The small size first: it warms tsx's compile cache for both sides and tells how long the large one will take.
  await add('parse', small);
  await add('score', small);
  const projected = 10 * (samples[`score-${small}`]![0]!.seconds + samples[`parse-${small}`]![0]!.seconds);
  const rounds = ctx.quick || projected > 40 ? 1 : 3;
  ctx.log(`large size projected at ~${projected.toFixed(0)} s per round; ${rounds} round(s)`);
  // Interleaved, so drift on the shared machine falls on both sides alike.
  for (let i = 0; i < rounds; i++) {
    await add('parse', large);
    await add('score', large);
  }
  // Once each, for the note: the old baseline (an array of strings per record), and that plus mapping to responses.
  await add('array', large);
  await add('map', large);

  const sec = (key: string) => median((samples[key] ?? []).map((x) => x.seconds));
  const rss = (key: string) => Math.max(...(samples[key] ?? []).map((x) => x.rssMiB));
  const rows = (n: number) => n.toLocaleString('en-US');
  return [
    row({
      id: 'cli-scoring.time',
      value: round(sec(`score-${large}`)),
      baseline: round(sec(`parse-${large}`)),
      target: 'ratio <= 2',
      unit: 's',
      note:
        `\`orgos score FILE --json\` on ${rows(large)} simulated responses (${mib(statSync(files.get(large)!).size)} MiB) ` +
        `beside parsing the same file field by field with cli/csv-reader (FieldHandler reading one char of each field ` +
        `and counting records) in a fresh tsx process; median of ${samples[`score-${large}`]!.length}, wall time of ` +
        `the whole process; parsing into a string array per record ${sec(`array-${large}`).toFixed(2)} s, ` +
        `that + mapping to responses without folding ${sec(`map-${large}`).toFixed(2)} s; ` +
        `at ${rows(small)}: ${sec(`score-${small}`).toFixed(2)} s vs ${sec(`parse-${small}`).toFixed(2)} s`,
    }),
    row({
      id: 'cli-scoring.rss',
      value: Math.round(rss(`score-${large}`)),
      baseline: Math.round(rss(`score-${small}`)),
      target: 'ratio <= 1.5',
      unit: 'MiB',
      note:
        `peak RSS (process.resourceUsage().maxRSS, max over the process tree) of \`orgos score\` at ${rows(large)} rows ` +
        `beside ${rows(small)} rows: 10x the rows within 1.5x the memory means streamed, not loaded whole; ` +
        `field-mode parse peaks ${Math.round(rss(`parse-${large}`))} / ${Math.round(rss(`parse-${small}`))} MiB`,
    }),
  ];
}

/**
 * A process that reads the CSV as `score` does, field by field from the parser's buffer, and does nothing else: one
 * char of every field is read (so no field goes unseen) and records are counted, header included.
 */
function fieldParseSource(cliDirUrl: string): string {
  return `import { register } from 'tsx/esm/api';
register();
const { CsvParser, textChunks } = await import(${JSON.stringify(`${cliDirUrl}/csv-reader.ts`)});
let records = 0;
let touched = 0;
const parser = new CsvParser({
  field(text, start, end) {
    if (end > start) touched += text.charCodeAt(start);
  },
  record() {
    records++;
  },
});
for await (const chunk of textChunks(process.argv[2])) parser.push(chunk);
parser.end();
if (touched < 0) throw new Error('unreachable');
process.stdout.write(String(records));
`;
}

/** The number of responses the JSON report says it scored. */
function scoredCount(stdout: string): number {
  const report = JSON.parse(stdout) as { n?: unknown };
  return typeof report.n === 'number' ? report.n : -1;
}

/** One `orgos score` of the large file may take this long before the row is reported as not finished. */
const LARGE_TIMEOUT_MS = 360_000;

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const s = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const round = (n: number) => Math.round(n * 1000) / 1000;
