import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, type FieldHandler } from '../../../shared/import/csv-parser';
import { type CodedRow, ResponseReader } from '../../../shared/import/response-mapper';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { simulationCsv } from '../../../shared/simulation';
import { ledgerResponseArb } from '../../factories';

// A record without quotes reaches the reader whole (FieldHandler.line), and the mapper codes its commonest cells in
// place: it must read every row exactly as the field-by-field path does, rows, errors and skipped rows alike.

const I = CURRENT_INSTRUMENT;
/** Columns the reader ignores, or does not know. */
const EXTRA = ['notes', 'email', 'ledger_time_9_category', 'ledger_time_1_sop'];

/** Cells that take every path of the in-place coding and of the slow one, valid and not. */
const CELL = fc.oneof(
  fc.constantFrom('1', '2', '3', '4', '5', '', '', 'dk', 'DK', ' 3', '4 ', '3.0', '0', '6', '9', '12', 'x', ' '),
  fc.constantFrom('frontline', 'manager', 'Sales', '120', '7.5', 'decided_told', 'redeploy', 'profit'),
  fc.constantFrom('rework', 'data_entry', '3.5', '2,5', 'only_me', 'approval', 'level:executive', 'IT', 'used'),
  fc.string({ maxLength: 4 }).filter((s) => !/[",;\r\n]/.test(s)),
  fc.constantFrom('EMPTY', 'SHORT', 'LONG'),
);

/** One event the reader reported: a coded row (copied, the row object is reused), a skip or a rejection. */
type Event = unknown[];

function read(text: string, whole: boolean, cut: number): Event[] {
  const events: Event[] = [];
  const reader = new ResponseReader(
    I,
    (row: CodedRow, rowNumber, line) => {
      events.push([
        'row',
        rowNumber,
        line,
        [...row.codes],
        row.level,
        row.department,
        row.durationS,
        row.ledger?.toAnswers(),
      ]);
    },
    {
      onSkip: (rowNumber, line) => events.push(['skip', rowNumber, line]),
      onReject: (error, rowNumber) => events.push(['reject', rowNumber, error.message]),
    },
  );
  // Without `line`, the parser hands every field over one by one.
  const handler: FieldHandler = whole
    ? reader
    : { field: (t, s, e) => reader.field(t, s, e), record: (line) => reader.record(line) };
  const parser = new CsvParser(handler);
  const at = cut % (text.length + 1);
  try {
    parser.push(text.slice(0, at));
    parser.push(text.slice(at));
    parser.end();
    reader.end();
  } catch (error) {
    events.push(['throw', (error as Error).message]);
  }
  return events;
}

describe('ResponseReader on whole records', () => {
  it('reads rows as it reads them field by field: codes, segments, ledger entries, errors, skipped rows', () => {
    const seen = { row: 0, reject: 0, skip: 0, ledger: 0 };
    fc.assert(
      fc.property(
        fc.array(ledgerResponseArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), CELL), { maxLength: 12 }),
        fc.shuffledSubarray(EXTRA, { maxLength: EXTRA.length }),
        fc.array(fc.nat(), { minLength: 128, maxLength: 128 }),
        fc.nat(),
        fc.boolean(),
        (responses, edits, extra, keys, cut, crlf) => {
          // Valid rows (some with ledger entries), a column nobody reads added, cells then overwritten at random,
          // the odd row made empty, cut short or one field longer.
          const [head, ...body] = simulationCsv(I, responses, { ledger: true }).trimEnd().split('\n');
          const names = [...head!.split(','), ...extra];
          const rows = body.map((line) => [...line.split(','), ...extra.map(() => '')]);
          const widths = rows.map(() => 0);
          for (const [r, c, value] of edits) {
            const row = rows[r % rows.length]!;
            if (value === 'EMPTY') row.fill('');
            else if (value === 'SHORT') widths[r % rows.length] = -1;
            else if (value === 'LONG') widths[r % rows.length] = 1;
            else row[c % row.length] = value;
          }
          // Columns in any order, a few left out (never the level: without it only the header would be read).
          const order = names
            .map((name, i) => ({ i, key: keys[i]!, keep: name === 'level' || keys[i]! % 5 !== 0 }))
            .filter((c) => c.keep)
            .sort((a, b) => a.key - b.key)
            .map((c) => c.i);
          const end = crlf ? '\r\n' : '\n';
          const lines = [names, ...rows].map((r, at) => {
            const cells = order.map((i) => r[i]!);
            const width = at === 0 ? 0 : widths[at - 1]!;
            if (width < 0) cells.pop();
            if (width > 0) cells.push('4');
            return cells.join(',');
          });
          const text = lines.join(end) + end;
          const events = read(text, true, cut);
          expect(events).toEqual(read(text, false, cut));
          for (const e of events) {
            if (e[0] === 'row' || e[0] === 'reject' || e[0] === 'skip') seen[e[0]]++;
            if (e[0] === 'row' && e[7] !== undefined) seen.ledger++;
          }
        },
      ),
      { numRuns: 300 },
    );
    // The comparison covered coded rows (some with ledger entries), rejected and skipped ones.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  });
});
