// Streams one responses CSV into the engine's statistics, one per (level, department) cell: each row is folded once as
// it is parsed and then dropped, so memory stays flat however long the file is. Levels, departments and the total are
// merges of cells. Rows go into the engine's Accumulator, its mutable fast path under fold (fold is one add plus a
// copy of the statistics, which per row would cost more than parsing), as answer codes written into one reused
// buffer (addCoded): no response object per row, and the engine's own rules for the arithmetic and quality flags.
import { type Instrument, LEVELS, type Level } from '../shared/instrument';
import { type Accumulator, createAccumulator, type GroupStats, type ScoringOptions } from '../shared/scoring';
import { CsvParser, textChunks } from './csv-reader';
import { DEPARTMENT_COLUMN, type ResponseMapper, ResponseReader } from './csv-response';
import { CsvError, InputError } from './errors';

/** More distinct departments than this suggests a free-text column per person; each would cost a GroupStats. */
export const MAX_DEPARTMENTS = 1000;

export interface CsvCell {
  level: Level;
  department: string | null;
  stats: GroupStats;
}

export interface FoldedCsv {
  cells: CsvCell[];
  rows: number;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a CSV file',
  EACCES: 'permission denied',
};

/** Folds every data row of CSV text arriving in `chunks`; errors name `source`, the row, the line and the column. */
export async function foldCsv(
  instrument: Instrument,
  source: string,
  chunks: AsyncIterable<string>,
  options: ScoringOptions = {},
): Promise<FoldedCsv> {
  // Indexed by level, in LEVELS order.
  const cells = LEVELS.map(
    () => new Map<string | null, { level: Level; department: string | null; acc: Accumulator }>(),
  );
  const departments = new Set<string | null>();
  // Cells arrive as ranges of the parser's buffer and are coded in place (csv-response.ts): no array or string per
  // likert cell, no response object per row.
  const reader = new ResponseReader(instrument, (row, rowNumber, line) => {
    const byDepartment = cells[row.levelIndex]!;
    let cell = byDepartment.get(row.department);
    if (cell === undefined) {
      departments.add(row.department);
      if (departments.size > MAX_DEPARTMENTS) {
        const column = reader.mapper!.columns.indexOf(DEPARTMENT_COLUMN) + 1;
        throw new CsvError(
          { line, row: rowNumber, column: { index: column, name: DEPARTMENT_COLUMN } },
          `more than ${MAX_DEPARTMENTS} distinct departments; use the organisation's department names`,
        );
      }
      cell = { level: row.level, department: row.department, acc: createAccumulator(instrument, options) };
      byDepartment.set(row.department, cell);
    }
    cell.acc.addCoded(row.codes, row.durationS, row.ledger);
  });
  const parser = new CsvParser(reader);
  try {
    for await (const chunk of chunks) parser.push(chunk);
    parser.end();
  } catch (error) {
    throw inputError(source, error, reader.mapper);
  }
  if (reader.mapper === null) {
    throw new InputError(`${source}: the file is empty; expected a header row (see orgos template)`);
  }
  const rows = reader.rows;
  if (rows === 0) throw new InputError(`${source}: no data rows after the header`);
  const folded = cells.flatMap((m) => [...m.values()]);
  return { cells: folded.map(({ level, department, acc }) => ({ level, department, stats: acc.toStats() })), rows };
}

/** `foldCsv` over a file (`-` is standard input) read in chunks. */
export function foldCsvFile(instrument: Instrument, path: string, options: ScoringOptions = {}): Promise<FoldedCsv> {
  return foldCsv(instrument, path, textChunks(path), options);
}

function inputError(source: string, error: unknown, mapper: ResponseMapper | null): unknown {
  if (error instanceof CsvError) {
    // The parser knows column positions only; name the column from the header when there is one.
    const { location } = error;
    const column = location.column;
    const named =
      column && column.name === undefined && mapper && column.index <= mapper.columns.length
        ? new CsvError({ ...location, column: { ...column, name: mapper.columns[column.index - 1]! } }, error.detail)
        : error;
    return new InputError(`${source}: ${named.message}`);
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && code in READ_ERRORS) return new InputError(`cannot read ${source}: ${READ_ERRORS[code]}`);
  if (code) return new InputError(`cannot read ${source}: ${(error as Error).message}`);
  return error;
}
