/** Where in a CSV file a problem is: the physical file line, the 1-based data row (0 is the header), the column. */
export interface CsvLocation {
  line: number;
  row: number;
  column?: { index: number; name?: string };
}

/** The user asked for something the CLI does not offer: usage goes to stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The input cannot be used (a missing file, a malformed CSV): the message goes to stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A problem at a known place in a CSV file; the message names the line, the data row and the column. */
export class CsvError extends InputError {
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
