// `orgos` as a user runs it: `node bin/orgos.js …` in a child process. Kept to a few spawns (tsx costs ~0.3 s each);
// the many input cases run in process in test/unit/cli.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, type Instrument, LAYERS } from '../../shared/instrument';
import { ledgerColumns } from '../../shared/ledger';
import type { ReadinessReport } from '../../shared/report-model';
import { scoreResponses } from '../../shared/scoring';
import { simulatePopulation, simulationCsv } from '../../shared/simulation';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'orgos-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function orgos(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/orgos.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('orgos (spawned)', () => {
  it('instrument --json lists every item with its fields', () => {
    const r = orgos('instrument', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Instrument;
    expect(json).toMatchObject({ id: CURRENT_INSTRUMENT.id, version: CURRENT_INSTRUMENT.version });
    expect(Object.keys(json.layers)).toEqual([...LAYERS]);
    expect(json.items.map((i) => i.id)).toEqual(CURRENT_INSTRUMENT.items.map((i) => i.id));
    for (const item of json.items) {
      expect(Object.keys(item.text).sort()).toEqual([...CURRENT_INSTRUMENT.languages].sort());
      if (item.type === 'likert') {
        expect(typeof item.reverse).toBe('boolean');
        expect('layer' in item || 'signal' in item).toBe(true);
      } else for (const o of item.options) expect(typeof o.meaning).toBe('string');
    }
  });

  it('template prints the CSV header', () => {
    const r = orgos('template');
    expect(r).toEqual({
      code: 0,
      stdout: `level,department,duration_s,${[...CURRENT_INSTRUMENT.items.map((i) => i.id), ...ledgerColumns(CURRENT_INSTRUMENT)].join(',')}\n`,
      stderr: '',
    });
  });

  it('score --json on a simulated CSV matches scoring the same responses directly', () => {
    const population = simulatePopulation(CURRENT_INSTRUMENT, 'cash_rich', { n: 400, seed: 42, leadershipN: 4 });
    const workforce = join(dir, 'workforce.csv');
    const leadership = join(dir, 'leadership.csv');
    writeFileSync(workforce, simulationCsv(CURRENT_INSTRUMENT, population.workforce));
    writeFileSync(leadership, simulationCsv(CURRENT_INSTRUMENT, population.leadership));

    const r = orgos('score', workforce, '--leadership', leadership, '--json');
    const width = CURRENT_INSTRUMENT.items.length + 3;
    expect(r.stderr).toBe(
      `orgos score: ${workforce}: UTF-8, comma-separated, LF line ends; 400 rows scored; ${width} of ${width} columns read\n` +
        `orgos score: ${leadership}: UTF-8, comma-separated, LF line ends; 4 rows scored; ${width} of ${width} columns read\n`,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReadinessReport;
    const direct = scoreResponses(CURRENT_INSTRUMENT, population.workforce);
    expect(report.n).toBe(400);
    for (const layer of LAYERS) {
      expect(report.layers[layer].score).toBeCloseTo(direct.layers[layer].score!, 9);
      expect(report.layers[layer]).toEqual(direct.layers[layer]);
    }
    expect(report.signals).toEqual(direct.signals);
    expect(report.leadershipGap).not.toBeNull();
    expect(report.diagnoses.map((d) => d.code)).toContain('cash_rich_trap');
    for (const d of report.diagnoses) expect(d).toHaveProperty('evidence');
  });

  it('bad input: exit 2, row and column on stderr, nothing on stdout', () => {
    const population = simulatePopulation(CURRENT_INSTRUMENT, 'balanced', { n: 20, seed: 1, leadershipN: 0 });
    const lines = simulationCsv(CURRENT_INSTRUMENT, population.workforce).split('\n');
    // Data row 7 sits on file line 8; column 5 is the second item, roles_review_time.
    const cells = lines[7]!.split(',');
    expect(cells).toHaveLength(3 + CURRENT_INSTRUMENT.items.length);
    cells[4] = '9';
    lines[7] = cells.join(',');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));

    const r = orgos('score', bad, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: row 7 (line 8), column 5 "roles_review_time": "9" is not an answer`);
  });

  it('an unknown flag: usage on stderr, exit 2', () => {
    const r = orgos('score', 'x.csv', '--fast');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('unknown option --fast');
    expect(r.stderr).toContain('Usage: orgos score FILE.csv');
  });
});
