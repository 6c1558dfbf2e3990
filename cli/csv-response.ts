// Rows of a responses CSV as answer codes: shared with the API's import (shared/import/response-mapper.ts, where the
// header matching and the cell coding live), re-exported for the CLI's callers and the benchmarks.
export {
  type CodedRow,
  DEPARTMENT_COLUMN,
  DURATION_COLUMN,
  LEVEL_COLUMN,
  ResponseMapper,
  ResponseReader,
  responseMapper,
  templateHeader,
} from '../shared/import';
