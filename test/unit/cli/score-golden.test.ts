import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { foldCsvFile } from '../../../cli/score-csv';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { ledgerCsvCells } from '../../../shared/ledger';
import type { SurveyResponse } from '../../../shared/response';
import { createRng, simulatePopulation, simulationCsv, withLedgers } from '../../../shared/simulation';

// `orgos score` on 2026.2 files with all three ledgers keeps printing exactly what it printed before the fold was
// made faster (issue 10): the fixture holds the SHA-256 of its --json and text output and of every cell's statistics,
// recorded once from the code before the change, with labels (free text) off and on. The CSVs are generated here from
// seeded simulations, so the fixture stays small; the figures below check the generator itself has not moved.
// The --json hashes were recorded again when t quantiles from df 1,000 on became an expansion (t-quantile.ts): the
// JSON of the three cases then moved in 114 interval bounds, by at most 1.4e-14 relative, and nowhere else; the text,
// the CSV and every cell's statistics kept their hashes.

const I = CURRENT_INSTRUMENT;
const dir = mkdtempSync(join(tmpdir(), 'orgos-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LABELS = [
  'weekly status deck',
  'ask jane@example.com first',
  'call +49 30 1234567',
  'see intranet.acme.com/forms',
  'Rechnungen prüfen',
  '重复录入',
  '  spaces   around  ',
];

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A seeded responses CSV with the ledger columns: simulated respondents in six departments, and with `labels` a
 * free-text label on about a third of the entries. A few cells are spelled as people type them (a decimal comma,
 * `department:` spelled out, spaces) so the reader's lenient paths are in the fold too.
 */
function goldenCsv(seed: number, n: number, labels: boolean): string {
  const ledger = I.ledger!;
  const { workforce } = simulatePopulation(I, 'middling', { n, seed, leadershipN: 0 });
  const rows: SurveyResponse[] = withLedgers(ledger, workforce, seed);
  const rng = createRng(seed * 31 + 7);
  const base = simulationCsv(I, rows, { ledger: true }).split('\n');
  const head = simulationCsv(I, rows.slice(0, 0), { ledger: false }).split('\n')[0]!.split(',').length;
  const out = [base[0]!];
  rows.forEach((r, i) => {
    const plain = simulationCsv(I, [r], { ledger: false }).split('\n')[1]!;
    const cells = ledgerCsvCells(I, r.ledger);
    const names = base[0]!.split(',').slice(head);
    const tweaked = cells.map((v, c) => {
      const name = names[c]!;
      if (v === '') {
        if (labels && name.endsWith('_label') && cells[c - 1] !== '' && rng.uniform() < 0.35)
          return LABELS[Math.floor(rng.uniform() * LABELS.length)]!;
        return v;
      }
      const u = rng.uniform();
      if (name.endsWith('_hours') && v.includes('.') && u < 0.3) return v.replace('.', ',');
      if (name.endsWith('_held_by') && !v.startsWith('level:') && u < 0.3) return `department:${v}`;
      if (u < 0.05) return ` ${v} `;
      return v;
    });
    out.push([plain, ...tweaked.map(quote)].join(','));
    if (i === 0) expect(out[1]!.split(',').length).toBeGreaterThan(head);
  });
  return `${out.join('\n')}\n`;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function orgos(...argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (code !== 0) throw new Error(`orgos ${argv.join(' ')} exited ${code}: ${stderr}`);
  return stdout;
}

interface GoldenCase {
  name: string;
  seed: number;
  n: number;
  labels: boolean;
  args: string[];
}
const CASES: GoldenCase[] = [
  { name: 'labels off', seed: 11, n: 3000, labels: false, args: [] },
  { name: 'labels on', seed: 12, n: 3000, labels: true, args: [] },
  {
    name: 'labels on, flagged excluded, groups of 3',
    seed: 13,
    n: 1500,
    labels: true,
    args: ['--exclude-flagged', '--min-group', '3'],
  },
];

const FIXTURE = new URL('../../fixtures/cli-ledger-golden.json', import.meta.url);
interface Measured {
  csv: string;
  json: string;
  text: string;
  cells: string;
  ledgerRows: number;
  /** Whether a label reached the cells' statistics, and the printed report (the CLI's report shows none today). */
  labelsFolded: boolean;
  labelsShown: boolean;
}
type Fixture = Record<string, Measured>;

async function measure(c: GoldenCase): Promise<Measured> {
  const csv = goldenCsv(c.seed, c.n, c.labels);
  const file = join(dir, `${c.seed}.csv`);
  writeFileSync(file, csv);
  const json = await orgos('score', file, '--json', ...c.args);
  const text = await orgos('score', file, ...c.args);
  const folded = await foldCsvFile(I, file, { excludeFlagged: c.args.includes('--exclude-flagged') });
  const ledgerRows = csv
    .split('\n')
    .filter((l) =>
      /,(rework|searching|reports_decks|data_entry|coordination|repeat_questions|checking|approval|materials|pricing),/.test(
        l,
      ),
    ).length;
  const cells = JSON.stringify(folded.cells);
  return {
    csv: sha(csv),
    json: sha(json),
    text: sha(text),
    cells: sha(cells),
    ledgerRows,
    labelsFolded: cells.includes('"labels"'),
    labelsShown: json.includes('weekly status deck'),
  };
}

describe('orgos score on files with the three ledgers', () => {
  // ORGOS_WRITE_GOLDEN=1 records the fixture; only ever from code whose output is the reference.
  if (process.env.ORGOS_WRITE_GOLDEN === '1') {
    it('records the fixture', async () => {
      const fixture: Fixture = {};
      for (const c of CASES) fixture[c.name] = await measure(c);
      writeFileSync(FIXTURE, `${JSON.stringify(fixture, null, 2)}\n`);
    });
    return;
  }
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
  for (const c of CASES) {
    it(`prints byte for byte what it printed before, ${c.name}`, async () => {
      const got = await measure(c);
      // The generated file first: if it moved, the comparison below would say nothing about the fold.
      expect(got.csv).toBe(fixture[c.name]!.csv);
      expect(got.ledgerRows).toBeGreaterThan(c.n / 3);
      expect(got.labelsFolded).toBe(c.labels);
      expect(got).toEqual(fixture[c.name]);
    }, 60_000);
  }
});
