// Streams one responses CSV into the engine's statistics, one per (level, department) cell: each row is folded once as
// it is parsed and then dropped, so memory stays flat however long the file is. Levels, departments and the total are
// merges of cells. Rows go into the engine's Accumulator, its mutable fast path under fold (fold is one add plus a
// copy of the statistics, which per row would cost more than parsing).
import { type Instrument, LEVELS, type Level } from '../shared/instrument';
import { type Accumulator, createAccumulator, type GroupStats, type ScoringOptions } from '../shared/scoring';
import { CsvParser, textChunks } from './csv-reader';
import { type ResponseMapper, responseMapper } from './csv-response';
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
  const cells = new Map<Level, Map<string | null, { level: Level; department: string | null; acc: Accumulator }>>(
    LEVELS.map((l) => [l, new Map()]),
  );
  const departments = new Set<string | null>();
  let mapper: ResponseMapper | null = null;
  let rows = 0;
  const parser = new CsvParser((fields, line) => {
    if (mapper === null) {
      mapper = responseMapper(instrument, fields, line);
      return;
    }
    rows++;
    const response = mapper.toResponse(fields, rows, line);
    const byDepartment = cells.get(response.level)!;
    let cell = byDepartment.get(response.department);
    if (cell === undefined) {
      departments.add(response.department);
      if (departments.size > MAX_DEPARTMENTS) {
        throw new CsvError(
          { line, row: rows, column: { index: mapper.columns.indexOf('department') + 1, name: 'department' } },
          `more than ${MAX_DEPARTMENTS} distinct departments; use the organisation's department names`,
        );
      }
      cell = { level: response.level, department: response.department, acc: createAccumulator(instrument, options) };
      byDepartment.set(response.department, cell);
    }
    cell.acc.add(response);
  });
  try {
    for await (const chunk of chunks) parser.push(chunk);
    parser.end();
  } catch (error) {
    throw inputError(source, error, mapper);
  }
  if (mapper === null) throw new InputError(`${source}: the file is empty; expected a header row (see orgos template)`);
  if (rows === 0) throw new InputError(`${source}: no data rows after the header`);
  const folded = [...cells.values()].flatMap((m) => [...m.values()]);
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
