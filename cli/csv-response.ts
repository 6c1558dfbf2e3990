// CSV row → answer codes. The header is compiled once into a plan of column kinds and item positions, so a row is
// coded cell by cell as the parser hands the cells over (as ranges of its buffer: a likert cell is checked by its char
// codes and never copied), into one reused buffer: no answers object, no lookups by name, no regex per row. The codes
// go straight into the engine's Accumulator.addCoded; toResponse decodes them for callers that want a SurveyResponse.

import { DONT_KNOW, type Instrument, LEVELS, type Level, LIKERT_MAX, LIKERT_MIN } from '../shared/instrument';
import { isLedgerColumn, type LedgerAnswers, LedgerCells, ledgerColumns } from '../shared/ledger';
import type { AnswerValue, SurveyResponse } from '../shared/response';
import { answerCodes, DONT_KNOW_CODE, decodeAnswers, type ItemCodes, UNANSWERED } from '../shared/scoring';
import type { FieldHandler } from './csv-reader';
import { CsvError } from './errors';

export const LEVEL_COLUMN = 'level';
export const DEPARTMENT_COLUMN = 'department';
export const DURATION_COLUMN = 'duration_s';
const SEGMENT_COLUMNS = [LEVEL_COLUMN, DEPARTMENT_COLUMN, DURATION_COLUMN] as const;

/** The header `orgos template` prints: segment columns, every item id in instrument order, then the ledger's. */
export function templateHeader(instrument: Instrument): string[] {
  return [...SEGMENT_COLUMNS, ...instrument.items.map((item) => item.id), ...ledgerColumns(instrument)];
}

const LIKERT = 0;
const CHOICE = 1;
const LEVEL = 2;
const DEPARTMENT = 3;
const DURATION = 4;
/** A ledger step column (shared/ledger ledger-columns.ts reads them). */
const LEDGER = 5;
type Kind = typeof LIKERT | typeof CHOICE | typeof LEVEL | typeof DEPARTMENT | typeof DURATION | typeof LEDGER;

// Module-local copies of imported bindings read per cell (under tsx each read of an import is a call). A likert
// answer's code is the answer itself, so a digit cell codes as its value.
const ZERO = 48;
const DIGIT_MIN = ZERO + LIKERT_MIN;
const DIGIT_MAX = ZERO + LIKERT_MAX;
const NONE = UNANSWERED;
const DK = DONT_KNOW;
const DK_LENGTH = DONT_KNOW.length;
const DK_CODE = DONT_KNOW_CODE;
const LEVEL_NAMES: readonly Level[] = [...LEVELS];
const LIKERT_EXPECTED = `expected ${LIKERT_MIN}-${LIKERT_MAX}, ${DONT_KNOW} (don't know) or empty (unanswered)`;

const hasOuterSpace = (v: string) => v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32;

/** One data row as the engine folds it. A ResponseMapper returns the same object for every row, refilled. */
export interface CodedRow {
  /** One answer code per instrument item (shared/scoring answer-codes); items without a column stay unanswered. */
  readonly codes: Uint8Array;
  level: Level;
  /** The level's index in LEVELS. */
  levelIndex: number;
  department: string | null;
  durationS: number | undefined;
  /** The ledger step's entries of the row, when it has ledger columns and any of them is filled. */
  ledger: LedgerAnswers | undefined;
}

/**
 * Codes data rows of one CSV; built from its header by `responseMapper`. A row is fed cell by cell (`cell`, then
 * `finish`), or whole (`code`, `toResponse`). A bad cell is noted and reported by `finish`, after the count of fields
 * is checked: a row with one field too many names the stray comma rather than the value it shifted out of place.
 */
export class ResponseMapper {
  readonly width: number;
  readonly #names: readonly string[];
  readonly #coding: readonly ItemCodes[];
  readonly #kinds: Uint8Array;
  /** Per column, the index of its item in the instrument (its byte in the codes), or -1 for segment columns. */
  readonly #items: Int32Array;
  /** Per choice column, option id → code; null for other columns. */
  readonly #options: (ReadonlyMap<AnswerValue, number> | null)[];
  readonly #row: CodedRow;
  /** The ledger columns' cells, when the header has any. */
  readonly #ledger: LedgerCells | null;
  // The row being fed: fields so far, the first bad cell, and its segment values.
  #count = 0;
  #badColumn = -1;
  #badDetail = '';
  #levelIndex = -1;
  #department: string | null = null;
  #durationS: number | undefined;

  constructor(instrument: Instrument, names: readonly string[], kinds: readonly Kind[], items: readonly number[]) {
    this.width = names.length;
    this.#names = names;
    this.#coding = answerCodes(instrument);
    this.#kinds = Uint8Array.from(kinds);
    this.#items = Int32Array.from(items);
    this.#options = kinds.map((kind, i) => (kind === CHOICE ? this.#coding[items[i]!]!.codes : null));
    this.#row = {
      codes: new Uint8Array(this.#coding.length),
      level: LEVEL_NAMES[0]!,
      levelIndex: 0,
      department: null,
      durationS: undefined,
      ledger: undefined,
    };
    this.#ledger = kinds.includes(LEDGER) ? new LedgerCells(instrument, names) : null;
  }

  /** The column names, in file order. */
  get columns(): readonly string[] {
    return this.#names;
  }

  /** The next cell of the row being fed: `text.slice(start, end)`, read without copying when it is a likert answer. */
  cell(text: string, start: number, end: number): void {
    const i = this.#count++;
    if (i >= this.width) return;
    if (this.#kinds[i] === LIKERT) {
      const item = this.#items[i]!;
      // The common cases first, by char code: one digit, empty, dk.
      const length = end - start;
      if (length === 1) {
        const c = text.charCodeAt(start);
        if (c >= DIGIT_MIN && c <= DIGIT_MAX) {
          this.#row.codes[item] = c - ZERO;
          return;
        }
      } else if (length === 0) {
        this.#row.codes[item] = NONE;
        return;
      } else if (length === DK_LENGTH && text.startsWith(DK, start)) {
        this.#row.codes[item] = DK_CODE;
        return;
      }
      this.#row.codes[item] = this.#likert(i, text.slice(start, end));
      return;
    }
    // An empty ledger cell (most of them) says nothing: not even a slice.
    if (start === end && this.#kinds[i] === LEDGER) return;
    this.#other(i, text.slice(start, end));
  }

  /**
   * Ends the row fed since the last `finish` and returns it coded, in the object every row reuses (it holds this row
   * until the next). `row` is the 1-based data row, `line` the file line it starts on; both go into any error.
   */
  finish(row: number, line: number): CodedRow {
    const count = this.#count;
    const badColumn = this.#badColumn;
    const levelIndex = this.#levelIndex;
    const department = this.#department;
    const durationS = this.#durationS;
    this.#count = 0;
    this.#badColumn = -1;
    this.#levelIndex = -1;
    this.#department = null;
    this.#durationS = undefined;
    const width = this.width;
    if (count !== width) {
      throw new CsvError(
        { line, row },
        `expected ${width} fields like the header, found ${count}` +
          (count > width ? ' (an unquoted comma in a value?)' : ''),
      );
    }
    const ledger = this.#ledger?.finish();
    if (badColumn >= 0) throw this.#error(row, line, badColumn, this.#badDetail);
    if (levelIndex < 0) {
      throw this.#error(row, line, this.#names.indexOf(LEVEL_COLUMN), `missing level: expected ${LEVELS.join(', ')}`);
    }
    if (ledger && 'column' in ledger) throw this.#error(row, line, ledger.column, ledger.detail);
    const out = this.#row;
    out.ledger = ledger?.ledger;
    out.level = LEVEL_NAMES[levelIndex]!;
    out.levelIndex = levelIndex;
    out.department = department;
    out.durationS = durationS;
    return out;
  }

  /** One whole row: every field through `cell`, then `finish`. */
  code(fields: readonly string[], row: number, line: number): CodedRow {
    for (const field of fields) this.cell(field, 0, field.length);
    return this.finish(row, line);
  }

  /** The row as a SurveyResponse: `code`, then the codes decoded into answers. */
  toResponse(fields: readonly string[], row: number, line: number): SurveyResponse {
    const coded = this.code(fields, row, line);
    const response: SurveyResponse = {
      answers: decodeAnswers(this.#coding, coded.codes),
      level: coded.level,
      department: coded.department,
    };
    if (coded.durationS !== undefined) response.durationS = coded.durationS;
    if (coded.ledger) response.ledger = coded.ledger;
    return response;
  }

  /** A likert cell other than a bare digit, empty or dk: spaces around it, DK in capitals, or a bad cell. */
  #likert(column: number, value: string): number {
    const v = hasOuterSpace(value) ? value.trim() : value;
    if (v.length === 0) return NONE;
    const c = v.charCodeAt(0);
    if (v.length === 1 && c >= DIGIT_MIN && c <= DIGIT_MAX) return c - ZERO;
    if (v === DK || v.toLowerCase() === DK) return DK_CODE;
    this.#bad(column, `"${v}" is not an answer: ${LIKERT_EXPECTED}`);
    return NONE;
  }

  /** A choice or segment cell. */
  #other(column: number, value: string): void {
    const v = value.length !== 0 && hasOuterSpace(value) ? value.trim() : value;
    const kind = this.#kinds[column];
    if (kind === LEDGER) {
      this.#ledger!.cell(column, v);
      return;
    }
    if (kind === CHOICE) {
      const options = this.#options[column]!;
      const code = v.length === 0 ? NONE : options.get(v);
      if (code === undefined) {
        this.#bad(column, `unknown option "${v}": expected one of ${[...options.keys()].join(', ')} or empty`);
      }
      this.#row.codes[this.#items[column]!] = code ?? NONE;
    } else if (v.length === 0) {
      // An empty segment cell: no department, no duration; a missing level is reported by finish.
    } else if (kind === LEVEL) {
      const index = LEVEL_NAMES.indexOf(v as Level);
      if (index < 0) this.#bad(column, `unknown level "${v}": expected ${LEVELS.join(', ')}`);
      else this.#levelIndex = index;
    } else if (kind === DEPARTMENT) {
      this.#department = v;
    } else {
      const n = seconds(v);
      if (n >= 0) this.#durationS = n;
      else this.#bad(column, `"${v}" is not a duration: expected seconds (a number ≥ 0) or empty`);
    }
  }

  /** Notes a bad cell; the first in the row is the one reported. */
  #bad(column: number, detail: string): void {
    if (this.#badColumn >= 0) return;
    this.#badColumn = column;
    this.#badDetail = detail;
  }

  #error(row: number, line: number, column: number, detail: string): CsvError {
    return new CsvError({ line, row, column: { index: column + 1, name: this.#names[column]! } }, detail);
  }
}

/**
 * A responses CSV as the parser delivers it, field by field: the first record is the header, which compiles the
 * mapper; every later record is coded and handed to `onRow` with its data row and line. Nothing per row is kept.
 */
export class ResponseReader implements FieldHandler {
  readonly #instrument: Instrument;
  readonly #onRow: (row: CodedRow, rowNumber: number, line: number) => void;
  #header: string[] = [];
  #mapper: ResponseMapper | null = null;
  #rows = 0;

  constructor(instrument: Instrument, onRow: (row: CodedRow, rowNumber: number, line: number) => void) {
    this.#instrument = instrument;
    this.#onRow = onRow;
  }

  /** The compiled header, once it has been read. */
  get mapper(): ResponseMapper | null {
    return this.#mapper;
  }

  /** Data rows read so far. */
  get rows(): number {
    return this.#rows;
  }

  field(text: string, start: number, end: number): void {
    const mapper = this.#mapper;
    if (mapper !== null) mapper.cell(text, start, end);
    else this.#header.push(text.slice(start, end));
  }

  record(line: number): void {
    const mapper = this.#mapper;
    if (mapper === null) {
      this.#mapper = responseMapper(this.#instrument, this.#header, line);
      return;
    }
    const row = ++this.#rows;
    this.#onRow(mapper.finish(row, line), row, line);
  }
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_FAST_DIGITS = 15;
const DOT = 46;

/**
 * `Number(v)` for a trimmed cell, or NaN when that is not finite. Plain decimals (`245`, `312.5`) of up to 15 digits
 * take a fast path that gives exactly Number's result: the digits are an integer below 2^53 and 10^k is exact, so one
 * division is the correctly rounded value. Anything else (exponents, signs, hex) goes to Number itself.
 */
function seconds(v: string): number {
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= ZERO && c <= ZERO + 9) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === DOT && fraction < 0) {
      fraction = 0;
    } else {
      return finite(Number(v));
    }
  }
  if (digits === 0 || digits > MAX_FAST_DIGITS) return finite(Number(v));
  return fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
}

const finite = (n: number) => (Number.isFinite(n) ? n : Number.NaN);

/**
 * Compiles a header row. Columns: `level` (required), `department` and `duration_s` (optional), and any subset of the
 * instrument's item ids, in any order. Unknown, empty and repeated column names are errors.
 */
export function responseMapper(instrument: Instrument, header: readonly string[], line = 1): ResponseMapper {
  const items = new Map(instrument.items.map((item, index) => [item.id, { item, index }]));
  const names = header.map((h) => h.trim());
  const kinds: Kind[] = [];
  const indexes: number[] = [];
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const at = { line, row: 0, column: { index: i + 1, name } };
    if (name.length === 0) throw new CsvError(at, 'empty column name');
    const first = seen.get(name);
    if (first !== undefined) throw new CsvError(at, `column repeated (first at column ${first + 1})`);
    seen.set(name, i);
    const { item, index } = items.get(name) ?? { item: undefined, index: -1 };
    let kind: Kind;
    if (name === LEVEL_COLUMN) kind = LEVEL;
    else if (name === DEPARTMENT_COLUMN) kind = DEPARTMENT;
    else if (name === DURATION_COLUMN) kind = DURATION;
    else if (item?.type === 'likert') kind = LIKERT;
    else if (item?.type === 'choice') kind = CHOICE;
    else if (isLedgerColumn(instrument, name)) kind = LEDGER;
    else {
      throw new CsvError(
        at,
        `unknown column: expected ${SEGMENT_COLUMNS.join(', ')} or an item id of ${instrument.id}@${instrument.version}` +
          (instrument.ledger ? ' or a ledger column' : '') +
          ' (`orgos template` prints them all)',
      );
    }
    kinds.push(kind);
    indexes.push(index);
  });
  if (!seen.has(LEVEL_COLUMN)) {
    throw new CsvError({ line, row: 0 }, `missing column "${LEVEL_COLUMN}" (${LEVELS.join(', ')} for every row)`);
  }
  return new ResponseMapper(instrument, names, kinds, indexes);
}
