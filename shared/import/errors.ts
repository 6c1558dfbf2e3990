// Errors of reading a responses file, wherever it is read (the CLI, the API's import). Pure: the CLI maps them to
// exit code 2, the API to a 400 problem naming the row and the column.

/** Where in a CSV file a problem is: the physical file line, the 1-based data row (0 is a header row), the column. */
export interface CsvLocation {
  line: number;
  row: number;
  column?: { index: number; name?: string };
}

/** The file cannot be used as it is: the message says what was found and what is expected. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** A problem at a known place in a CSV file; the message names the line, the data row and the column. */
export class CsvError extends ImportError {
  override name = 'CsvError';
  constructor(
    readonly location: CsvLocation,
    readonly detail: string,
  ) {
    super(`${formatLocation(location)}: ${detail}`);
  }
}

export function formatLocation({ line, row, column }: CsvLocation): string {
  const where = row === 0 ? `header (line ${line})` : `row ${row} (line ${line})`;
  if (!column) return where;
  return column.name === undefined
    ? `${where}, column ${column.index}`
    : `${where}, column ${column.index} "${column.name}"`;
}
