// Streams one responses CSV into the engine's statistics, one per (level, department) cell: each row is folded once as
// it is parsed and then dropped, so memory stays flat however long the file is. Levels, departments and the total are
// merges of cells. Rows go into the engine's Accumulator, its mutable fast path under fold (fold is one add plus a
// copy of the statistics, which per row would cost more than parsing), as answer codes written into one reused
// buffer (addCoded): no response object per row, and the engine's own rules for the arithmetic and quality flags.
import {
  type ColumnPlan,
  type CsvFormat,
  CsvInput,
  DEPARTMENT_COLUMN,
  ImportError,
  type ImportMapping,
  ResponseReader,
} from '../shared/import';
import { type Instrument, LEVELS, type Level } from '../shared/instrument';
import { type Accumulator, createAccumulator, type GroupStats, type ScoringOptions } from '../shared/scoring';
import { asciiText, byteChunks } from './csv-reader';
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
  /** Responses folded. */
  rows: number;
  /** Empty rows passed over (Excel's trailing `,,,,`). */
  skipped: number;
  /** The encoding, delimiter and line ends found. */
  format: CsvFormat;
  /** Which column was read as what, and which were ignored. */
  plan: ColumnPlan;
}

export interface FoldOptions extends ScoringOptions {
  mapping?: ImportMapping | undefined;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a CSV file',
  EACCES: 'permission denied',
};

/**
 * Folds every data row of a CSV file arriving in `chunks` (bytes, whose encoding is worked out, or text); errors name
 * `source`, the row, the line and the column.
 */
export async function foldCsv(
  instrument: Instrument,
  source: string,
  chunks: AsyncIterable<Uint8Array | string>,
  options: FoldOptions = {},
): Promise<FoldedCsv> {
  // Indexed by level, in LEVELS order.
  const cells = LEVELS.map(
    () => new Map<string | null, { level: Level; department: string | null; acc: Accumulator }>(),
  );
  const departments = new Set<string | null>();
  // Cells arrive as ranges of the parser's buffer and are coded in place (csv-response.ts): no array or string per
  // likert cell, no response object per row.
  const reader = new ResponseReader(
    instrument,
    (row, rowNumber, line) => {
      const byDepartment = cells[row.levelIndex]!;
      let cell = byDepartment.get(row.department);
      if (cell === undefined) {
        departments.add(row.department);
        if (departments.size > MAX_DEPARTMENTS) {
          const column = reader.mapper!.plan.columns.findIndex((c) => c.target?.kind === 'department') + 1;
          const name = reader.mapper!.columns[column - 1] ?? DEPARTMENT_COLUMN;
          throw new CsvError(
            { line, row: rowNumber, column: { index: column, name } },
            `more than ${MAX_DEPARTMENTS} distinct departments; use the organisation's department names`,
          );
        }
        cell = { level: row.level, department: row.department, acc: createAccumulator(instrument, options) };
        byDepartment.set(row.department, cell);
      }
      cell.acc.addCoded(row.codes, row.durationS, row.ledger);
    },
    { mapping: options.mapping },
  );
  const input = new CsvInput(reader, { asciiText });
  try {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') input.pushText(chunk);
      else input.push(chunk);
    }
    input.end();
    reader.end();
  } catch (error) {
    throw wrapInputError(source, error, reader.columnNames);
  }
  if (reader.mapper === null) {
    throw new InputError(`${source}: the file is empty; expected a header row (see orgos template)`);
  }
  const rows = reader.rows - reader.skipped;
  if (rows === 0) throw new InputError(`${source}: no data rows after the header`);
  const folded = cells.flatMap((m) => [...m.values()]);
  return {
    cells: folded.map(({ level, department, acc }) => ({ level, department, stats: acc.toStats() })),
    rows,
    skipped: reader.skipped,
    format: input.format!,
    plan: reader.mapper.plan,
  };
}

/** `foldCsv` over a file (`-` is standard input) read in chunks. */
export function foldCsvFile(instrument: Instrument, path: string, options: FoldOptions = {}): Promise<FoldedCsv> {
  return foldCsv(instrument, path, byteChunks(path), options);
}

/** A reading error as the CLI reports it: the file named, the column named from the header when it is known. */
export function wrapInputError(source: string, error: unknown, columns: readonly string[] | null): unknown {
  if (error instanceof CsvError) {
    // The parser knows column positions only; name the column from the header when there is one.
    const { location } = error;
    const column = location.column;
    const named =
      column && column.name === undefined && columns && column.index <= columns.length
        ? new CsvError({ ...location, column: { ...column, name: columns[column.index - 1]! } }, error.detail)
        : error;
    return new InputError(`${source}: ${named.message}`);
  }
  if (error instanceof ImportError) return new InputError(`${source}: ${error.message}`);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && code in READ_ERRORS) return new InputError(`cannot read ${source}: ${READ_ERRORS[code]}`);
  if (code) return new InputError(`cannot read ${source}: ${(error as Error).message}`);
  return error;
}
