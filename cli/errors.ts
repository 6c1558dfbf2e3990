export { CsvError, type CsvLocation, formatLocation, ImportError } from '../shared/import/errors';

/** The user asked for something the CLI does not offer: usage goes to stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The input cannot be used (a missing file, a malformed CSV): the message goes to stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}
