/** Base for errors the engine throws; the API maps them to problem+json by name. */
export class ScoringError extends Error {
  override name = 'ScoringError';
}

/** Statistics or a response belong to another instrument (or version) than the one given. */
export class InstrumentMismatchError extends ScoringError {
  override name = 'InstrumentMismatchError';
}

/** A response that does not fit the instrument; folding it would corrupt the statistics. */
export class InvalidResponseError extends ScoringError {
  override name = 'InvalidResponseError';
  readonly issues: { field: string; message: string }[];
  constructor(issues: { field: string; message: string }[]) {
    super(`response does not fit the instrument: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

/** Statistics that cannot be combined: other settings or shape, or withdrawing a response they never held. */
export class StatsMismatchError extends ScoringError {
  override name = 'StatsMismatchError';
}
