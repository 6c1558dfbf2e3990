// cli-scoring: `orgos score FILE.csv --json` on simulated responses beside only parsing the same CSV with the CLI's
// own streaming reader, each in a fresh process started the same way (bin/orgos.js runs TypeScript through tsx, so the
// parse-only runner registers tsx too). Peak RSS at two sizes shows whether memory is bounded.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkNodeModules, ROOT } from './lib/bundle';
import type { BenchContext } from './lib/context';
import { childEnv, rssProbe, run } from './lib/proc';
import { parseOnlySource, writeSimulatedCsv } from './lib/product';
import { type Row, row } from './lib/result';
import { median } from './lib/stats';

type Kind = 'score' | 'parse' | 'map';

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
  const parser = join(ctx.tmp, 'parse-only.mjs');
  writeFileSync(parser, parseOnlySource(pathToFileURL(join(ROOT, 'cli')).href));

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
    const args =
      kind === 'score' ? [bin, 'score', file, '--json'] : kind === 'map' ? [parser, file, 'map'] : [parser, file];
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
  // Once, for the breakdown in the note: parse + map to responses, no fold.
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
        `beside parsing the same file with cli/csv-reader in a fresh tsx process; median of ${samples[`score-${large}`]!.length}, wall time of ` +
        `the whole process; parse + map to responses without folding ${sec(`map-${large}`).toFixed(2)} s; ` +
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
        `parse-only peaks ${Math.round(rss(`parse-${large}`))} / ${Math.round(rss(`parse-${small}`))} MiB`,
    }),
  ];
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
