// CSV row → answer codes. The header rows are compiled once into a plan (column-plan.ts) of column kinds and item
// positions, so a row is coded cell by cell as the parser hands the cells over (as ranges of its buffer: a likert
// cell is checked by its char codes and never copied, an ignored cell is not looked at), into one reused buffer: no
// answers object, no lookups by name, no regex per row for the common cells. The codes go straight into the
// engine's Accumulator.addCoded; toResponse decodes them for callers that want a SurveyResponse.

import { DONT_KNOW, type Instrument, LEVELS, type Level, LIKERT_MAX, LIKERT_MIN } from '../instrument';
import { LedgerCodes } from '../ledger/ledger-codes';
import { LedgerCells } from '../ledger/ledger-columns';
import type { ResolvedLedgerDesign } from '../ledger/types';
import type { SurveyResponse } from '../response';
import { answerCodes, DONT_KNOW_CODE, decodeAnswers, type ItemCodes, UNANSWERED } from '../scoring';
import { type AnswerValues, answerValues, wholeNumber } from './answer-values';
import { type ColumnPlan, headerRowsOf, type PlanOptions, planColumns } from './column-plan';
import type { FieldHandler } from './csv-parser';
import { CsvError } from './errors';
import type { RecodeValue } from './mapping';
import { normaliseText } from './normalise';

const LIKERT = 0;
const CHOICE = 1;
const LEVEL = 2;
const DEPARTMENT = 3;
const DURATION = 4;
/** A likert column with recodes: every cell goes through the slow path, since a recode may redefine a digit. */
const LIKERT_RECODED = 5;
const IGNORED = 6;
/** A ledger step column (shared/ledger ledger-columns.ts reads a row's ledger cells into entries). */
const LEDGER = 7;
type Kind =
  | typeof LIKERT
  | typeof CHOICE
  | typeof LEVEL
  | typeof DEPARTMENT
  | typeof DURATION
  | typeof LIKERT_RECODED
  | typeof IGNORED
  | typeof LEDGER;

// Module-local copies of imported bindings read per cell (under tsx each read of an import is a call). A likert
// answer's code is the answer itself, so a digit cell codes as its value.
const ZERO = 48;
const DIGIT_MIN = ZERO + LIKERT_MIN;
const DIGIT_MAX = ZERO + LIKERT_MAX;
const NONE = UNANSWERED;
const DK = DONT_KNOW;
const DK_LENGTH = DONT_KNOW.length;
const DK_CODE = DONT_KNOW_CODE;
// "dk" as two char codes, for coding it in place (`line`); -1 when the token is not two chars long.
const DK_0 = DK_LENGTH === 2 ? DK.charCodeAt(0) : -1;
const DK_1 = DK_LENGTH === 2 ? DK.charCodeAt(1) : -1;
/** Room in the mapper's table of segment and choice cells seen before: a power of two. */
const SEEN_SIZE = 256;
const LEVEL_NAMES: readonly Level[] = [...LEVELS];
const LIKERT_EXPECTED =
  `expected ${LIKERT_MIN}-${LIKERT_MAX}, ${DONT_KNOW} (don't know), an answer label ("Strongly agree") or empty` +
  ' (unanswered); recode other values in a mapping';

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
  /**
   * The ledger step's entries of the row, when it has ledger columns and any of them is filled: checked, as codes in
   * the buffer every row reuses (Accumulator.addCoded folds them; `response` turns them into entries).
   */
  ledger: LedgerCodes | undefined;
}

/**
 * Codes data rows of one CSV; built from its header rows by `responseMapper`. A row is fed cell by cell (`cell`, then
 * `finish`), or whole (`code`, `toResponse`). A bad cell is noted and reported by `finish`, after the count of fields
 * is checked: a row with one field too many names the stray delimiter rather than the value it shifted out of place.
 * A row whose every cell is empty (Excel's trailing `,,,,` rows) is no response: `finish` returns null for it.
 */
export class ResponseMapper {
  readonly width: number;
  readonly plan: ColumnPlan;
  readonly #names: readonly string[];
  readonly #coding: readonly ItemCodes[];
  readonly #values: AnswerValues;
  readonly #kinds: Uint8Array;
  /** Per column, the index of its item in the instrument (its byte in the codes), or -1 for other columns. */
  readonly #items: Int32Array;
  /** Per choice column, its option lookup (ids and labels); null for other columns. */
  readonly #options: (ReadonlyMap<string, number> | null)[];
  readonly #recodes: (ReadonlyMap<string, RecodeValue> | null)[];
  readonly #row: CodedRow;
  /** The ledger columns' cells, when the file has any. */
  readonly #ledger: LedgerCells | null;
  /** Segment and choice texts seen before, by a hash of their chars: a repeated one costs no copy (`line`). */
  readonly #seen: (string | undefined)[] = new Array<string | undefined>(SEEN_SIZE).fill(undefined);
  // The row being fed: fields so far, the first bad cell, its segment values, whether an ignored cell held anything.
  #count = 0;
  #badColumn = -1;
  #badDetail = '';
  #levelIndex = -1;
  #department: string | null = null;
  #durationS: number | undefined;
  #otherText = false;

  /** `ledgerDesign`: what ledger entries are checked against (LedgerCells; default: the instrument's lists). */
  constructor(plan: ColumnPlan, ledgerDesign?: ResolvedLedgerDesign) {
    const { instrument, columns } = plan;
    this.plan = plan;
    this.width = columns.length;
    this.#names = columns.map((c) => c.name);
    this.#coding = answerCodes(instrument);
    this.#values = answerValues(instrument);
    const kinds = columns.map((c): Kind => {
      const t = c.target;
      if (t === null) return IGNORED;
      if (t.kind === 'ledger') return LEDGER;
      if (t.kind === 'level') return LEVEL;
      if (t.kind === 'department') return DEPARTMENT;
      if (t.kind === 'duration') return DURATION;
      if (t.item.type === 'choice') return CHOICE;
      return c.recode ? LIKERT_RECODED : LIKERT;
    });
    this.#kinds = Uint8Array.from(kinds);
    this.#items = Int32Array.from(columns.map((c) => (c.target?.kind === 'item' ? c.target.index : -1)));
    this.#options = columns.map((c) =>
      c.target?.kind === 'item' && c.target.item.type === 'choice' ? this.#values.choice.get(c.target.item.id)! : null,
    );
    this.#recodes = columns.map((c) => c.recode);
    this.#row = {
      codes: new Uint8Array(this.#coding.length),
      level: LEVEL_NAMES[0]!,
      levelIndex: 0,
      department: null,
      durationS: undefined,
      ledger: undefined,
    };
    // The ledger reader knows its columns by their template names, whatever the file calls them.
    this.#ledger = kinds.includes(LEDGER)
      ? new LedgerCells(
          instrument,
          columns.map((c) => (c.target?.kind === 'ledger' ? c.target.name : '')),
          ledgerDesign,
        )
      : null;
  }

  /** The column names (the first header row), in file order. */
  get columns(): readonly string[] {
    return this.#names;
  }

  /** The next cell of the row being fed: `text.slice(start, end)`, read without copying when it is a likert answer. */
  cell(text: string, start: number, end: number): void {
    this.#cellAt(this.#count++, text, start, end);
  }

  /**
   * The cells of a record without quotes, `text.slice(start, end)` split at the `delimiter` char code: the same as
   * `cell` for each, with the commonest cells (a likert digit, an empty cell) coded where they stand, before their end
   * is looked for and without a call. Every other cell goes through `cell`'s path once its end is found.
   */
  line(text: string, start: number, end: number, delimiter: number): void {
    const width = this.width;
    const kinds = this.#kinds;
    const items = this.#items;
    const codes = this.#row.codes;
    let i = this.#count;
    let p = start;
    for (;;) {
      // p is where cell i starts; it ends at the next delimiter, or at `end` for the last cell.
      if (i < width) {
        const kind = kinds[i];
        if (kind === LIKERT) {
          if (p === end) {
            codes[items[i]!] = NONE;
            i++;
            break;
          }
          const c = text.charCodeAt(p);
          if (c === delimiter) {
            codes[items[i]!] = NONE;
            i++;
            p++;
            continue;
          }
          if (c >= DIGIT_MIN && c <= DIGIT_MAX) {
            if (p + 1 === end) {
              codes[items[i]!] = c - ZERO;
              i++;
              break;
            }
            if (text.charCodeAt(p + 1) === delimiter) {
              codes[items[i]!] = c - ZERO;
              i++;
              p += 2;
              continue;
            }
          }
          if (c === DK_0 && p + 1 < end && text.charCodeAt(p + 1) === DK_1) {
            if (p + 2 === end) {
              codes[items[i]!] = DK_CODE;
              i++;
              break;
            }
            if (text.charCodeAt(p + 2) === delimiter) {
              codes[items[i]!] = DK_CODE;
              i++;
              p += 3;
              continue;
            }
          }
        } else if (kind === LEDGER || kind === IGNORED) {
          // An empty cell of these says nothing.
          if (p === end) {
            i++;
            break;
          }
          if (text.charCodeAt(p) === delimiter) {
            i++;
            p++;
            continue;
          }
          // A ledger cell without recodes is read by the ledger's cells in one pass.
          if (kind === LEDGER && !this.#recodes[i]) {
            p = this.#ledger!.scan(i, text, p, end, delimiter);
            i++;
            if (p === end) break;
            p++;
            continue;
          }
        } else if (kind !== LIKERT_RECODED && !this.#recodes[i]) {
          // A segment or choice cell: its text found in one pass, reused when seen before (no copy), then read as
          // `cell` reads it; a duration of plain digits is read from its char codes.
          let q = p;
          let hash = 0;
          let whole = 0;
          let digits = 0;
          for (; q < end; q++) {
            const c = text.charCodeAt(q);
            if (c === delimiter) break;
            hash = (hash * 31 + c) | 0;
            if (c >= ZERO && c <= ZERO + 9) {
              whole = whole * 10 + (c - ZERO);
              digits++;
            } else digits = MAX_FAST_DIGITS + 1;
          }
          const length = q - p;
          if (kind === DURATION && digits > 0 && digits <= MAX_FAST_DIGITS) this.#durationS = whole;
          else if (length > 0 && text.charCodeAt(p) > 32 && text.charCodeAt(q - 1) > 32) {
            const h = (hash ^ (hash >>> 8)) & (SEEN_SIZE - 1);
            let v = this.#seen[h];
            if (v === undefined || !sameText(v, text, p, length)) {
              v = text.slice(p, q);
              this.#seen[h] = v;
            }
            this.#other(i, v);
          } else this.#cellAt(i, text, p, q);
          i++;
          if (q === end) break;
          p = q + 1;
          continue;
        }
      }
      let q = p;
      while (q < end && text.charCodeAt(q) !== delimiter) q++;
      this.#cellAt(i++, text, p, q);
      if (q === end) break;
      p = q + 1;
    }
    this.#count = i;
  }

  #cellAt(i: number, text: string, start: number, end: number): void {
    if (i >= this.width) {
      if (end > start) this.#otherText = true;
      return;
    }
    const kind = this.#kinds[i];
    if (kind === LIKERT) {
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
    // Never copied or looked into: an identifying column's cells included. Only whether one held anything counts.
    if (kind === IGNORED) {
      if (end > start) this.#otherText = true;
      return;
    }
    // An empty ledger cell (most of them) says nothing: not even a slice.
    if (start === end && kind === LEDGER) return;
    this.#other(i, text.slice(start, end));
  }

  /**
   * Ends the row fed since the last `finish` and returns it coded, in the object every row reuses (it holds this row
   * until the next), or null when every cell was empty. `row` is the 1-based data row, `line` the file line it starts
   * on; both go into any error.
   */
  finish(row: number, line: number): CodedRow | null {
    const count = this.#count;
    const badColumn = this.#badColumn;
    const levelIndex = this.#levelIndex;
    const department = this.#department;
    const durationS = this.#durationS;
    const otherText = this.#otherText;
    this.#count = 0;
    this.#badColumn = -1;
    this.#levelIndex = -1;
    this.#department = null;
    this.#durationS = undefined;
    this.#otherText = false;
    // Read (and so cleared for the next row) whatever becomes of this one.
    const ledger = this.#ledger?.finish();
    const anyText = otherText || (ledger !== undefined && ledger !== null);
    // Without a level, the row may be one of Excel's empty ones: nothing in any cell (rare, so checked only here).
    if (levelIndex < 0 && badColumn < 0 && department === null && durationS === undefined && !anyText) {
      if (this.#noAnswers(count)) return null;
    }
    const width = this.width;
    if (count !== width) {
      throw new CsvError(
        { line, row },
        `expected ${width} fields like the header, found ${count}` +
          (count > width ? ' (an unquoted delimiter in a value?)' : ''),
      );
    }
    if (badColumn >= 0) throw this.#error(row, line, badColumn, this.#badDetail);
    if (levelIndex < 0) {
      const column = this.#kinds.indexOf(LEVEL);
      throw this.#error(row, line, column, `missing level: expected ${LEVELS.join(', ')}`);
    }
    if (ledger && !(ledger instanceof LedgerCodes)) throw this.#error(row, line, ledger.column, ledger.detail);
    const out = this.#row;
    out.ledger = ledger ?? undefined;
    out.level = LEVEL_NAMES[levelIndex]!;
    out.levelIndex = levelIndex;
    out.department = department;
    out.durationS = durationS;
    return out;
  }

  /**
   * Why `value` would be a bad cell in `column`, or null when it reads (as an answer, a recode, or because the
   * column is ignored). For proposing recodes (`orgos map`); the row being fed is left as it was.
   */
  check(column: number, value: string): string | null {
    const kind = this.#kinds[column];
    // Ledger cells are checked as a row's entries together, not one by one.
    if (kind === undefined || kind === IGNORED || kind === LEDGER) return null;
    const saved = [this.#badColumn, this.#badDetail, this.#levelIndex, this.#department, this.#durationS] as const;
    this.#badColumn = -1;
    if (kind === LIKERT) this.#likert(column, value);
    else this.#other(column, value);
    const detail = this.#badColumn >= 0 ? this.#badDetail : null;
    [this.#badColumn, this.#badDetail, this.#levelIndex, this.#department, this.#durationS] = saved;
    return detail;
  }

  /** Whether the first `count` cells of the row held no answer (cells past `count` were not fed: not this row's). */
  #noAnswers(count: number): boolean {
    const codes = this.#row.codes;
    for (let i = 0; i < count && i < this.width; i++) {
      const item = this.#items[i]!;
      if (item >= 0 && codes[item] !== NONE) return false;
    }
    return true;
  }

  /** Drops the row being fed (after an error elsewhere), so the next row starts clean. */
  reset(): void {
    this.#count = 0;
    this.#badColumn = -1;
    this.#levelIndex = -1;
    this.#department = null;
    this.#durationS = undefined;
    this.#otherText = false;
    this.#ledger?.finish();
    this.#row.codes.fill(NONE);
  }

  /** One whole row: every field through `cell`, then `finish`. */
  code(fields: readonly string[], row: number, line: number): CodedRow | null {
    for (const field of fields) this.cell(field, 0, field.length);
    return this.finish(row, line);
  }

  /** The row as a SurveyResponse (null for an empty row): `code`, then the codes decoded into answers. */
  toResponse(fields: readonly string[], row: number, line: number): SurveyResponse | null {
    const coded = this.code(fields, row, line);
    return coded && this.response(coded);
  }

  /** A coded row (this mapper's) as a SurveyResponse. */
  response(coded: CodedRow): SurveyResponse {
    const response: SurveyResponse = {
      answers: decodeAnswers(this.#coding, coded.codes),
      level: coded.level,
      department: coded.department,
    };
    if (coded.durationS !== undefined) response.durationS = coded.durationS;
    const ledger = coded.ledger?.toAnswers();
    if (ledger) response.ledger = ledger;
    return response;
  }

  /** A likert cell other than a bare digit, empty or dk: a recode, spaces, `5.0`, DK in capitals, a label, or bad. */
  #likert(column: number, value: string): number {
    const v = value.length !== 0 && hasOuterSpace(value) ? value.trim() : value;
    const recode = this.#recodes[column];
    if (recode) {
      const to = recode.get(v.toLowerCase());
      if (to !== undefined) return this.#recodedLikert(column, v, to);
    }
    if (v.length === 0) return NONE;
    const c = v.charCodeAt(0);
    if (v.length === 1 && c >= DIGIT_MIN && c <= DIGIT_MAX) return c - ZERO;
    if (v === DK || v.toLowerCase() === DK) return DK_CODE;
    const whole = wholeNumber(v);
    if (whole !== null && whole >= LIKERT_MIN && whole <= LIKERT_MAX) return whole;
    const label = this.#values.likert.get(normaliseText(v));
    if (label !== undefined) return label;
    this.#bad(column, `"${v}" is not an answer: ${LIKERT_EXPECTED}`);
    return NONE;
  }

  #recodedLikert(column: number, v: string, to: RecodeValue): number {
    if (to === null) return NONE;
    if (to === DK) return DK_CODE;
    if (typeof to === 'number' && Number.isInteger(to) && to >= LIKERT_MIN && to <= LIKERT_MAX) return to;
    this.#bad(
      column,
      `the mapping recodes "${v}" to ${JSON.stringify(to)}: expected ${LIKERT_MIN}-${LIKERT_MAX}, "dk" or null`,
    );
    return NONE;
  }

  /** A choice or segment cell. */
  #other(column: number, value: string): void {
    let v: string | null = value.length !== 0 && hasOuterSpace(value) ? value.trim() : value;
    const kind = this.#kinds[column];
    if (kind === LIKERT_RECODED) {
      this.#row.codes[this.#items[column]!] = this.#likert(column, v);
      return;
    }
    const recoded = this.#recodes[column]?.get(v.toLowerCase());
    if (recoded !== undefined) {
      if (recoded !== null && typeof recoded !== 'string' && kind !== LEDGER) {
        this.#bad(column, `the mapping recodes "${v}" to ${recoded}: expected an option id or null`);
        return;
      }
      // A ledger column's number (hours, days) may be recoded to a number.
      v = recoded === null ? null : String(recoded);
    }
    if (kind === LEDGER) {
      if (v !== null && v.length > 0) this.#ledger!.cell(column, v);
      return;
    }
    if (kind === CHOICE) {
      const options = this.#options[column]!;
      const code =
        v === null || v.length === 0 ? NONE : (options.get(v.toLowerCase()) ?? options.get(normaliseText(v)));
      if (code === undefined) {
        const ids = this.#coding[this.#items[column]!]!.values.filter((x) => x !== undefined);
        this.#bad(column, `unknown option "${v}": expected one of ${ids.join(', ')}, one of their labels, or empty`);
      }
      this.#row.codes[this.#items[column]!] = code ?? NONE;
    } else if (v === null || v.length === 0) {
      // An empty segment cell: no department, no duration; a missing level is reported by finish.
    } else if (kind === LEVEL) {
      const index = this.#values.level.get(v) ?? this.#values.level.get(normaliseText(v));
      if (index === undefined) this.#bad(column, `unknown level "${v}": expected ${LEVELS.join(', ')} or their labels`);
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

export interface ReaderOptions extends Omit<PlanOptions, 'line'> {
  /** What the ledger columns' entries are checked against (a campaign's lists and label setting; see LedgerCells). */
  ledgerDesign?: ResolvedLedgerDesign;
  /** An empty row (every cell empty) was passed over. */
  onSkip?: (rowNumber: number, line: number) => void;
  /**
   * A row could not be coded: given, reading goes on with the next row (the API reports every bad row); without it,
   * the error is thrown (the CLI stops at the first).
   */
  onReject?: (error: CsvError, rowNumber: number) => void;
}

/** How many records may be header rows: Qualtrics has three. */
const MAX_HEADER_ROWS = 3;

/**
 * A responses CSV as the parser delivers it, field by field: the first records are the header rows (one, or three in
 * a Qualtrics export), which compile the mapper; every later record is coded and handed to `onRow` with its data row
 * and line. Nothing per row is kept. The first three records are held as strings until the header is known.
 */
export class ResponseReader implements FieldHandler {
  readonly #instrument: Instrument;
  readonly #onRow: (row: CodedRow, rowNumber: number, line: number) => void;
  readonly #options: ReaderOptions;
  #held: { fields: string[]; line: number }[] = [];
  #fields: string[] = [];
  #mapper: ResponseMapper | null = null;
  #rows = 0;
  #skipped = 0;

  constructor(
    instrument: Instrument,
    onRow: (row: CodedRow, rowNumber: number, line: number) => void,
    options: ReaderOptions = {},
  ) {
    this.#instrument = instrument;
    this.#onRow = onRow;
    this.#options = options;
  }

  /** The compiled header, once it has been read. */
  get mapper(): ResponseMapper | null {
    return this.#mapper;
  }

  /** The column names (first header row), once the header has been read or while it is being held. */
  get columnNames(): readonly string[] | null {
    return this.#mapper?.columns ?? this.#held[0]?.fields.map((f) => f.trim()) ?? null;
  }

  /** Data rows read so far (empty rows included). */
  get rows(): number {
    return this.#rows;
  }

  /** Empty rows passed over. */
  get skipped(): number {
    return this.#skipped;
  }

  field(text: string, start: number, end: number): void {
    const mapper = this.#mapper;
    if (mapper !== null) mapper.cell(text, start, end);
    else this.#fields.push(text.slice(start, end));
  }

  line(text: string, start: number, end: number, delimiter: number): void {
    const mapper = this.#mapper;
    if (mapper !== null) {
      mapper.line(text, start, end, delimiter);
      return;
    }
    // A header row, held as strings like any other.
    let from = start;
    for (let j = start; j < end; j++) {
      if (text.charCodeAt(j) === delimiter) {
        this.#fields.push(text.slice(from, j));
        from = j + 1;
      }
    }
    this.#fields.push(text.slice(from, end));
  }

  record(line: number): void {
    const mapper = this.#mapper;
    if (mapper !== null) {
      this.#row(mapper, line);
      return;
    }
    this.#held.push({ fields: this.#fields, line });
    this.#fields = [];
    if (this.#held.length === MAX_HEADER_ROWS) this.#compile();
  }

  /** The input has ended: compiles the header if the file had fewer records than header rows may take. */
  end(): void {
    if (this.#mapper === null && this.#held.length > 0) this.#compile();
  }

  #compile(): void {
    const held = this.#held;
    this.#held = [];
    const headerRows = headerRowsOf(held.map((r) => r.fields));
    const plan = planColumns(
      this.#instrument,
      held.slice(0, headerRows).map((r) => r.fields),
      { ...this.#options, line: held[0]!.line },
    );
    const mapper = new ResponseMapper(plan, this.#options.ledgerDesign);
    this.#mapper = mapper;
    for (const { fields, line } of held.slice(headerRows)) {
      for (const field of fields) mapper.cell(field, 0, field.length);
      this.#row(mapper, line);
    }
  }

  #row(mapper: ResponseMapper, line: number): void {
    const row = ++this.#rows;
    let coded: CodedRow | null;
    try {
      coded = mapper.finish(row, line);
    } catch (error) {
      const onReject = this.#options.onReject;
      if (!(error instanceof CsvError) || !onReject) throw error;
      mapper.reset();
      onReject(error, row);
      return;
    }
    if (coded === null) {
      this.#skipped++;
      this.#options.onSkip?.(row, line);
      return;
    }
    this.#onRow(coded, row, line);
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

/** Compiles header rows (see `planColumns`) into a mapper. */
export function responseMapper(
  instrument: Instrument,
  header: readonly string[] | readonly (readonly string[])[],
  line = 1,
  options: Omit<PlanOptions, 'line'> = {},
): ResponseMapper {
  const rows =
    typeof header[0] === 'string' || header.length === 0 ? [header as readonly string[]] : (header as string[][]);
  return new ResponseMapper(planColumns(instrument, rows, { ...options, line }));
}

/** Whether `v` is `text.slice(start, start + length)`: char by char, cheaper than startsWith for a short cell. */
function sameText(v: string, text: string, start: number, length: number): boolean {
  if (v.length !== length) return false;
  for (let k = 0; k < length; k++) if (v.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
