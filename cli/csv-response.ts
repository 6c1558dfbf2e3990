// CSV row → SurveyResponse. The header is compiled once into a plan of column kinds, so a row is mapped by one pass
// over its fields with no lookups by name, no regex and no objects beyond the response itself.

import { DONT_KNOW, type Instrument, LEVELS, type Level, LIKERT_MAX, LIKERT_MIN } from '../shared/instrument';
import type { Answers, SurveyResponse } from '../shared/response';
import { CsvError } from './errors';

export const LEVEL_COLUMN = 'level';
export const DEPARTMENT_COLUMN = 'department';
export const DURATION_COLUMN = 'duration_s';
const SEGMENT_COLUMNS = [LEVEL_COLUMN, DEPARTMENT_COLUMN, DURATION_COLUMN] as const;

/** The header `orgos template` prints: segment columns, then every item id in instrument order. */
export function templateHeader(instrument: Instrument): string[] {
  return [...SEGMENT_COLUMNS, ...instrument.items.map((item) => item.id)];
}

const LIKERT = 0;
const CHOICE = 1;
const LEVEL = 2;
const DEPARTMENT = 3;
const DURATION = 4;
type Kind = typeof LIKERT | typeof CHOICE | typeof LEVEL | typeof DEPARTMENT | typeof DURATION;

const DIGIT_MIN = 48 + LIKERT_MIN;
const DIGIT_MAX = 48 + LIKERT_MAX;
const LIKERT_EXPECTED = `expected ${LIKERT_MIN}-${LIKERT_MAX}, ${DONT_KNOW} (don't know) or empty (unanswered)`;
const levelSet: ReadonlySet<string> = new Set(LEVELS);

const hasOuterSpace = (v: string) => v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32;

/** Maps data rows of one CSV to responses; built from its header by `responseMapper`. */
export class ResponseMapper {
  readonly width: number;
  readonly #names: readonly string[];
  readonly #kinds: Kind[];
  /** Item id per column (answer key), or '' for segment columns. */
  readonly #ids: string[];
  /** Option ids per choice column. */
  readonly #options: (ReadonlySet<string> | null)[];

  constructor(names: readonly string[], kinds: Kind[], ids: string[], options: (ReadonlySet<string> | null)[]) {
    this.width = names.length;
    this.#names = names;
    this.#kinds = kinds;
    this.#ids = ids;
    this.#options = options;
  }

  /** The column names, in file order. */
  get columns(): readonly string[] {
    return this.#names;
  }

  /** `row` is the 1-based data row, `line` the file line it starts on; both go into any error. */
  toResponse(fields: readonly string[], row: number, line: number): SurveyResponse {
    const width = this.width;
    if (fields.length !== width) {
      throw new CsvError(
        { line, row },
        `expected ${width} fields like the header, found ${fields.length}` +
          (fields.length > width ? ' (an unquoted comma in a value?)' : ''),
      );
    }
    const kinds = this.#kinds;
    // A prototype-free dictionary: rows answer different subsets of items, and adding keys to a plain object in
    // varying orders walks V8 through ever new hidden classes; this halved the mapping time per row.
    const answers: Answers = Object.create(null);
    let level: Level | null = null;
    let department: string | null = null;
    let durationS: number | undefined;
    for (let i = 0; i < width; i++) {
      let v = fields[i]!;
      if (v.length === 0) continue;
      const kind = kinds[i];
      if (kind === LIKERT) {
        // The common case first: one digit, no allocation (V8 caches one-character strings).
        if (v.length === 1) {
          const c = v.charCodeAt(0);
          if (c >= DIGIT_MIN && c <= DIGIT_MAX) {
            answers[this.#ids[i]!] = c - 48;
            continue;
          }
        }
        if (hasOuterSpace(v)) {
          v = v.trim();
          if (v.length === 0) continue;
          const c = v.charCodeAt(0);
          if (v.length === 1 && c >= DIGIT_MIN && c <= DIGIT_MAX) {
            answers[this.#ids[i]!] = c - 48;
            continue;
          }
        }
        if (v === DONT_KNOW || v.toLowerCase() === DONT_KNOW) {
          answers[this.#ids[i]!] = DONT_KNOW;
          continue;
        }
        throw this.#error(row, line, i, `"${v}" is not an answer: ${LIKERT_EXPECTED}`);
      }
      if (hasOuterSpace(v)) {
        v = v.trim();
        if (v.length === 0) continue;
      }
      if (kind === CHOICE) {
        const options = this.#options[i]!;
        if (!options.has(v)) {
          throw this.#error(row, line, i, `unknown option "${v}": expected one of ${[...options].join(', ')} or empty`);
        }
        answers[this.#ids[i]!] = v;
      } else if (kind === LEVEL) {
        if (!levelSet.has(v)) throw this.#error(row, line, i, `unknown level "${v}": expected ${LEVELS.join(', ')}`);
        level = v as Level;
      } else if (kind === DEPARTMENT) {
        department = v;
      } else {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) {
          throw this.#error(row, line, i, `"${v}" is not a duration: expected seconds (a number ≥ 0) or empty`);
        }
        durationS = n;
      }
    }
    if (level === null) {
      throw this.#error(row, line, this.#names.indexOf(LEVEL_COLUMN), `missing level: expected ${LEVELS.join(', ')}`);
    }
    const response: SurveyResponse = { answers, level, department };
    if (durationS !== undefined) response.durationS = durationS;
    return response;
  }

  #error(row: number, line: number, column: number, detail: string): CsvError {
    return new CsvError({ line, row, column: { index: column + 1, name: this.#names[column]! } }, detail);
  }
}

/**
 * Compiles a header row. Columns: `level` (required), `department` and `duration_s` (optional), and any subset of the
 * instrument's item ids, in any order. Unknown, empty and repeated column names are errors.
 */
export function responseMapper(instrument: Instrument, header: readonly string[], line = 1): ResponseMapper {
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const names = header.map((h) => h.trim());
  const kinds: Kind[] = [];
  const ids: string[] = [];
  const options: (ReadonlySet<string> | null)[] = [];
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const at = { line, row: 0, column: { index: i + 1, name } };
    if (name.length === 0) throw new CsvError(at, 'empty column name');
    const first = seen.get(name);
    if (first !== undefined) throw new CsvError(at, `column repeated (first at column ${first + 1})`);
    seen.set(name, i);
    const item = items.get(name);
    let kind: Kind;
    if (name === LEVEL_COLUMN) kind = LEVEL;
    else if (name === DEPARTMENT_COLUMN) kind = DEPARTMENT;
    else if (name === DURATION_COLUMN) kind = DURATION;
    else if (item?.type === 'likert') kind = LIKERT;
    else if (item?.type === 'choice') kind = CHOICE;
    else {
      throw new CsvError(
        at,
        `unknown column: expected ${SEGMENT_COLUMNS.join(', ')} or an item id of ${instrument.id}@${instrument.version}` +
          ' (`orgos template` prints them all)',
      );
    }
    kinds.push(kind);
    ids.push(item ? item.id : '');
    options.push(item?.type === 'choice' ? new Set(item.options.map((o) => o.id)) : null);
  });
  if (!seen.has(LEVEL_COLUMN)) {
    throw new CsvError({ line, row: 0 }, `missing column "${LEVEL_COLUMN}" (${LEVELS.join(', ')} for every row)`);
  }
  return new ResponseMapper(names, kinds, ids, options);
}
