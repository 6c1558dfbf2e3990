import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../../cli/csv-reader';
import { responseMapper } from '../../../cli/csv-response';
import { run } from '../../../cli/main';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { ledgerColumns, storedLedger } from '../../../shared/ledger';
import { segmentedReport } from '../../../shared/report';
import type { SurveyResponse } from '../../../shared/response';
import { createAccumulator, scoreResponses } from '../../../shared/scoring';
import { simulationCsv, simulationCsvHeader } from '../../../shared/simulation';
import { ledgerResponseArb, makeResponses } from '../../factories';

// The ledger step's columns in a responses CSV: written by `orgos template`, read back into the same entries, scored
// into the same ledger tables the API publishes, and a bad cell named by row and column.

const I = CURRENT_INSTRUMENT;
const dir = mkdtempSync(join(tmpdir(), 'orgos-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = (text: string) => {
  const path = join(dir, `ledger-${++files}.csv`);
  writeFileSync(path, text);
  return path;
};
async function orgos(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
function readBack(text: string): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  let mapper: ReturnType<typeof responseMapper> | null = null;
  const parser = new CsvParser((fields, line) => {
    if (!mapper) mapper = responseMapper(I, fields, line);
    else out.push(mapper.toResponse(fields, parser.records - 1, line)!);
  });
  parser.push(text);
  parser.end();
  return out;
}
// The CSV writer spells numbers as JavaScript does and leaves labels as they are (the generated ones are clean).
const csvOf = (rs: SurveyResponse[]) => simulationCsv(I, rs, { ledger: true });

describe('ledger columns in a responses CSV', () => {
  it('are the template’s last columns, three entries per ledger', () => {
    const columns = ledgerColumns(I);
    expect(columns.slice(0, 4)).toEqual([
      'ledger_time_1_category',
      'ledger_time_1_hours',
      'ledger_time_1_reason',
      'ledger_time_1_label',
    ]);
    expect(columns).toContain('ledger_waiting_3_held_by');
    expect(columns).toHaveLength(3 * (4 + 5 + 4));
  });

  it('read back exactly the entries that were written', () => {
    fc.assert(
      fc.property(fc.array(ledgerResponseArb, { maxLength: 15 }), (rs) => {
        const back = readBack(csvOf(rs));
        // An empty ledger ({} or empty lists) is a skipped step: no ledger at all.
        expect(back.map((r) => r.ledger)).toEqual(rs.map((r) => storedLedger(r.ledger)));
      }),
      { numRuns: 40 },
    );
  });

  it('score into the ledger tables the API publishes for the same responses', async () => {
    const rs = fc.sample(ledgerResponseArb, { numRuns: 80, seed: 7 });
    const r = await orgos('score', file(csvOf(rs)), '--json');
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    const acc = createAccumulator(I);
    for (const x of rs) acc.add(x);
    const direct = segmentedReport({
      instrument: I,
      cells: [{ department: null, level: 'frontline', stats: acc.toStats() }],
      leadership: null,
      profile: null,
      minGroupSize: 5,
    });
    expect(printed.ledger).toEqual(JSON.parse(JSON.stringify(direct.ledger)));
    expect(printed.n).toBe(scoreResponses(I, rs).n);
    // The text report shows the ledgers too.
    const text = await orgos('score', file(csvOf(rs)));
    expect(text.stdout).toMatch(/Ledgers \(what respondents named; rows ranked by cost\)/);
    expect(text.stdout).toMatch(/Time: [\d.]+ hours a week in all/);
  });

  it('name the row and column of a bad ledger cell', async () => {
    const header = simulationCsvHeader(I, { ledger: true });
    const base = makeResponses(1, 3)[0]!;
    const row = (ledger: SurveyResponse['ledger']) => csvOf([{ ...base, ledger }]).split('\n')[1]!;
    const cases: [string, string, string][] = [
      [
        'an unknown category',
        row({ time: [{ category: 'golf', hoursPerWeek: 3 }] }),
        `column ${header.indexOf('ledger_time_1_category') + 1} "ledger_time_1_category": unknown category "golf"`,
      ],
      [
        'hours out of range',
        row({
          time: [
            { category: 'rework', hoursPerWeek: 3 },
            { category: 'searching', hoursPerWeek: 55 },
          ],
        }),
        `column ${header.indexOf('ledger_time_2_hours') + 1} "ledger_time_2_hours": expected a number from 0 to 40`,
      ],
      [
        'a wait without its holder',
        row({ waiting: [{ kind: 'approval', heldBy: { level: 'manager' }, days: 2, timesPerMonth: 1 }] }).replace(
          'level:manager',
          '',
        ),
        `column ${header.indexOf('ledger_waiting_1_held_by') + 1} "ledger_waiting_1_held_by": is required`,
      ],
    ];
    for (const [name, line, message] of cases) {
      const path = file(`${header.join(',')}\n${line}\n`);
      const r = await orgos('score', path, '--json');
      expect(r, name).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr, name).toContain(`orgos score: ${path}: row 1 (line 2), ${message}`);
    }
  });
});
