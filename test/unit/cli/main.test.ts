import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../../cli/csv-reader';
import { responseMapper, templateHeader } from '../../../cli/csv-response';
import { run } from '../../../cli/main';
import { CURRENT_INSTRUMENT, capacityItem, LAYERS } from '../../../shared/instrument';
import type { ReadinessReport } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { scoreResponses } from '../../../shared/scoring';
import { simulatePopulation, simulationCsv } from '../../../shared/simulation';
import { responsesCsv } from '../../cli/responses-csv';
import { makeResponses, responseArb } from '../../factories';

const dir = mkdtempSync(join(tmpdir(), 'orgos-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(text: string): string {
  const path = join(dir, `input-${++files}.csv`);
  writeFileSync(path, text);
  return path;
}

async function orgos(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Parses CSV text and maps every data row, as `orgos score` does. */
function readBack(text: string): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  let mapper: ReturnType<typeof responseMapper> | null = null;
  const parser = new CsvParser((fields, line) => {
    if (!mapper) mapper = responseMapper(CURRENT_INSTRUMENT, fields, line);
    else out.push(mapper.toResponse(fields, parser.records - 1, line)!);
  });
  parser.push(text);
  parser.end();
  return out;
}

const columns = templateHeader(CURRENT_INSTRUMENT);
const header = columns.join(',');
const capacity = capacityItem(CURRENT_INSTRUMENT)!;
const firstOption = new Map(
  CURRENT_INSTRUMENT.items.flatMap((i) => (i.type === 'choice' ? [[i.id, i.options[0]!.id] as const] : [])),
);
const validRow = (level = 'manager') =>
  columns
    .map((c) =>
      c === 'level'
        ? level
        : c === 'department'
          ? '"Sales, North"'
          : c === 'duration_s'
            ? '300'
            : c.startsWith('ledger_')
              ? ''
              : (firstOption.get(c) ?? '3'),
    )
    .join(',');

describe('CSV round trip', () => {
  it('reads back exactly the responses that were written, in LF or CRLF files', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (responses, eol) => {
        expect(readBack(responsesCsv(responses, { eol }))).toEqual(responses);
      }),
    );
  });
});

describe('orgos (in process)', () => {
  it('prints usage for --help, and usage on stderr with exit 2 for no or an unknown command', async () => {
    const help = await orgos('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: orgos <command>');
    for (const argv of [[], ['scroe', 'x.csv']]) {
      const r = await orgos(...argv);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toContain('Usage: orgos <command>');
    }
  });

  it('refuses unknown flags, a --min-group below the floor, and --json with --html', async () => {
    const path = file(`${header}\n${validRow()}\n`);
    const cases: [string[], string][] = [
      [['score', path, '--verbose'], 'unknown option --verbose'],
      [['template', '--json'], 'unknown option --json'],
      [['score', path, '--min-group', '2'], '--min-group: at least 3'],
      [['score', path, '--min-group', 'five'], '--min-group: expected a whole number, got "five"'],
      [['score', path, '--json', '--html'], 'choose one of --json and --html'],
      [['score'], 'a file is needed'],
      [['score', path, path], `unexpected argument "${path}"`],
    ];
    for (const [argv, message] of cases) {
      const r = await orgos(...argv);
      expect(r, argv.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('Usage: orgos ');
    }
  });

  it('lists the instrument readably, in another language with --lang', async () => {
    const en = await orgos('instrument');
    expect(en.code).toBe(0);
    for (const item of CURRENT_INSTRUMENT.items) expect(en.stdout).toContain(`${item.id} `);
    expect(en.stdout).toContain(CURRENT_INSTRUMENT.items[0]!.text.en);
    const de = await orgos('instrument', '--lang', 'de');
    expect(de.stdout).toContain(CURRENT_INSTRUMENT.items[0]!.text.de);
    expect(await orgos('instrument', '--lang', 'fr')).toMatchObject({ code: 2, stdout: '' });
  });

  it('prints the template header', async () => {
    expect(await orgos('template')).toEqual({ code: 0, stdout: `${header}\n`, stderr: '' });
  });

  it('scores a CSV to the same layer scores as scoring the responses directly', async () => {
    const responses = makeResponses(120, 7, { tendency: { knowledge: 2, governance: 4 } });
    const path = file(responsesCsv(responses, { eol: '\r\n' }));
    const r = await orgos('score', path, '--json');
    expect(r.code).toBe(0);
    const width = templateHeader(CURRENT_INSTRUMENT).length;
    // One summary line on stderr: what the file was read as; no column was ignored.
    expect(r.stderr).toBe(
      `orgos score: ${path}: UTF-8, comma-separated, CRLF line ends; 120 rows scored; ${width} of ${width} columns read\n`,
    );
    const report = JSON.parse(r.stdout) as ReadinessReport;
    const direct = scoreResponses(CURRENT_INSTRUMENT, responses);
    expect(report.n).toBe(120);
    for (const layer of LAYERS) expect(report.layers[layer]).toEqual(direct.layers[layer]);
    expect(report.capacityDecision).toEqual(direct.capacityDecision);
    expect(report.quality).toEqual(direct.quality);
  });

  it('scores a simulated CSV (dk, skips, straight-liners, speeders) exactly as scoring its responses', async () => {
    const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, 'balanced', {
      n: 600,
      seed: 3,
      leadershipN: 0,
      noise: { departments: ['Sales, North', 'Ops "East"', 'HR'], straightLining: 0.05, speeding: 0.05 },
    });
    const path = file(simulationCsv(CURRENT_INSTRUMENT, workforce));
    for (const excludeFlagged of [false, true]) {
      const r = await orgos('score', path, '--json', ...(excludeFlagged ? ['--exclude-flagged'] : []));
      expect(r.code, r.stderr).toBe(0);
      const { instrument, n, layers, signals, capacityDecision, capacityDecided, quality, items } = JSON.parse(
        r.stdout,
      ) as ReadinessReport;
      const direct = scoreResponses(CURRENT_INSTRUMENT, workforce, { excludeFlagged });
      expect({ instrument, n, layers, signals, capacityDecision, capacityDecided, quality, items }).toEqual(direct);
      expect(quality.flagged).toBeGreaterThan(0);
    }
  });

  it('leaves flagged responses out with --exclude-flagged and says so', async () => {
    const responses = [...makeResponses(30, 3), ...makeResponses(5, 4).map((x) => ({ ...x, durationS: 5 }))];
    const path = file(responsesCsv(responses));
    const kept = JSON.parse((await orgos('score', path, '--json')).stdout) as ReadinessReport;
    const dropped = JSON.parse((await orgos('score', path, '--json', '--exclude-flagged')).stdout) as ReadinessReport;
    expect(kept.quality).toMatchObject({ tooFast: 5, excluded: false });
    expect(kept.n).toBe(35);
    expect(dropped.quality).toMatchObject({ tooFast: 5, excluded: true });
    expect(dropped.n).toBe(30);
  });

  it('shows a level breakdown only where privacy allows: no level under --min-group, nor its complement', async () => {
    const group = (fl: number, mg: number, ex: number) =>
      file(
        responsesCsv([
          ...makeResponses(fl, 1, { levels: ['frontline'] }),
          ...makeResponses(mg, 2, { levels: ['manager'] }),
          ...makeResponses(ex, 3, { levels: ['executive'] }),
        ]),
      );
    const shown = async (path: string, ...flags: string[]) => {
      const r = await orgos('score', path, '--json', ...flags);
      const model = JSON.parse(r.stdout) as {
        segments: { level: { name: string; suppressed: boolean; n?: number }[] };
      };
      // Empty groups are listed with n = 0 when nothing is hidden: a zero carries nobody's answers.
      return model.segments.level.filter((row) => !row.suppressed && row.n! > 0).map((row) => row.name);
    };
    expect(await shown(group(12, 6, 0))).toEqual(['frontline', 'manager']);
    expect(await shown(group(12, 6, 0), '--min-group', '7')).toEqual([]);
    // Executives (2) are hidden, and managers with them: otherwise total minus the rest would reveal the two.
    const small = group(12, 6, 2);
    expect(await shown(small)).toEqual(['frontline']);
    const text = await orgos('score', small);
    expect(text.stdout).toMatch(/frontline +12 /);
    expect(text.stdout).toMatch(/manager +hidden\n/);
    expect(text.stdout).toMatch(/executive +hidden\n/);
    expect(text.stdout).not.toMatch(/manager +6 /);
  });

  it('compares a leadership CSV with the workforce without mixing them', async () => {
    const workforce = makeResponses(40, 11, { tendency: { roles: 2, workflows: 2 } });
    const leaders = makeResponses(4, 12, { levels: ['executive'], tendency: { roles: 5, workflows: 5 } });
    const r = await orgos(
      'score',
      file(responsesCsv(workforce)),
      '--leadership',
      file(responsesCsv(leaders)),
      '--json',
    );
    const report = JSON.parse(r.stdout) as ReadinessReport;
    expect(report.n).toBe(40);
    expect(report.layers.roles).toEqual(scoreResponses(CURRENT_INSTRUMENT, workforce).layers.roles);
    expect(report.leadershipGap?.roles).toBeGreaterThan(20);
  });

  it('prints a readable summary by default', async () => {
    const r = await orgos('score', file(responsesCsv(makeResponses(60, 5, { tendency: { knowledge: 1.5 } }))));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Org OS readiness: orgos-core ${CURRENT_INSTRUMENT.version}, 60 responses`);
    for (const layer of LAYERS) expect(r.stdout).toContain(CURRENT_INSTRUMENT.layers[layer].name.en);
    expect(r.stdout).toMatch(/First break: Knowledge/);
  });

  describe('bad input: exit 2, the file, row and column on stderr, nothing on stdout', () => {
    const cases: [string, string, string][] = [
      [
        'a column matching no item, shifting the row',
        `${header},mood\n${validRow()}\n`,
        `row 1 (line 2): expected ${columns.length + 1} fields like the header, found ${columns.length}`,
      ],
      [
        'a value out of range after valid rows',
        `${header}\n${validRow()}\n${validRow()}\n${validRow().replace(',3,', ',7,')}\n`,
        'row 3 (line 4), column 4 "roles_split": "7" is not an answer',
      ],
      [
        'an unknown option',
        `${header}\n${validRow().replace(capacity.options[0]!.id, 'growth')}\n`,
        `row 1 (line 2), column ${columns.indexOf(capacity.id) + 1} "${capacity.id}": unknown option "growth"`,
      ],
      ['a missing level', `${header}\n${validRow('')}\n`, 'row 1 (line 2), column 1 "level": missing level'],
      [
        'a short row',
        `${header}\n${validRow()}\nmanager,Ops\n`,
        `row 2 (line 3): expected ${columns.length} fields like the header, found 2`,
      ],
      [
        'an unterminated quote',
        `${header}\n${validRow()}\n"manager,Ops\n`,
        'row 2 (line 3), column 1 "level": unterminated quoted field',
      ],
      ['an empty file', '', 'the file is empty'],
      ['a header without rows', `${header}\n`, 'no data rows after the header'],
    ];
    for (const [name, text, message] of cases) {
      it(name, async () => {
        const path = file(text);
        const r = await orgos('score', path, '--json');
        expect(r).toMatchObject({ code: 2, stdout: '' });
        expect(r.stderr.startsWith(`orgos score: ${path}: ${message}`), r.stderr).toBe(true);
      });
    }

    it('a missing file', async () => {
      const path = join(dir, 'nope.csv');
      expect(await orgos('score', path)).toEqual({
        code: 2,
        stdout: '',
        stderr: `orgos score: cannot read ${path}: no such file\n`,
      });
      const lead = await orgos('score', file(`${header}\n${validRow()}\n`), '--leadership', path);
      expect(lead).toMatchObject({ code: 2, stdout: '' });
      expect(lead.stderr).toContain(`cannot read ${path}: no such file`);
    });
  });
});
