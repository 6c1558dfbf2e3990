// RFC 4180 CSV, streamed: text arrives in chunks, complete records leave one at a time, and at most one unfinished
// record is held between chunks. One char scan, no regex: the `score` command runs this over millions of rows, field
// by field (FieldHandler), so that a record without quotes is read without copying its fields or building an array.
// The delimiter is a comma unless told otherwise (`sniffDelimiter` in csv-format.ts picks comma, semicolon or tab).
import { CsvError } from './errors';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/** A record longer than this is taken for a runaway quoted field, so a missing quote cannot buffer a whole file. */
export const MAX_RECORD_LENGTH = 1 << 20;

/**
 * Receives each record's fields and the file line it starts on. Record 1 is the header, so the data row number of a
 * record is its index minus one.
 */
export type RecordHandler = (fields: string[], line: number) => void;

/**
 * Receives each record field by field: `field` once per field, in order, then `record`. A field's value is
 * `text.slice(start, end)`, handed over as a range so that a handler needing only a character or two copies nothing;
 * `text` is the parser's buffer, to be read during the call only. Only complete records are delivered: a record cut
 * by the end of a chunk comes whole once the rest has arrived.
 */
export interface FieldHandler {
  field(text: string, start: number, end: number): void;
  /**
   * Optional: a record on one line without quotes, `text.slice(start, end)` (line end excluded), given whole instead
   * of field by field; its fields are the ranges between the `delimiter` char codes. A handler that codes cells in
   * place can then step over a one-char cell without a call per field or a scan of every char.
   */
  line?(text: string, start: number, end: number, delimiter: number): void;
  /** The record whose fields were just delivered is complete; it starts on file line `line`. */
  record(line: number): void;
}

/** A RecordHandler as a FieldHandler: each record's fields copied into a fresh array. */
class RecordCollector implements FieldHandler {
  #fields: string[] = [];
  readonly #onRecord: RecordHandler;

  constructor(onRecord: RecordHandler) {
    this.#onRecord = onRecord;
  }

  field(text: string, start: number, end: number): void {
    this.#fields.push(text.slice(start, end));
  }

  record(line: number): void {
    const fields = this.#fields;
    this.#fields = [];
    this.#onRecord(fields, line);
  }
}

export interface CsvRecord {
  fields: string[];
  /** The file line (1-based) the record starts on; quoted fields may span lines. */
  line: number;
  /** 1-based data row: the header is row 0. */
  row: number;
}

export interface CsvParserOptions {
  /** The field delimiter, one character: `,` (the default), `;` or a tab. */
  delimiter?: string;
}

/**
 * Push-based parser: `push` each chunk as it is read, then `end`. Accepts LF and CRLF line ends (a CR-only file is
 * translated before it gets here: csv-format.ts), a leading BOM, quoted fields with delimiters, line breaks and
 * doubled quotes; skips blank lines. Throws `CsvError` on an unterminated quote, a quote inside an unquoted field, or
 * text after a closing quote.
 */
export class CsvParser {
  /** Text of the unfinished record carried over from the previous chunk. */
  #rest = '';
  /** File line on which `#rest` starts. */
  #line = 1;
  #records = 0;
  #started = false;
  readonly #handler: FieldHandler;
  readonly #delimiter: number;

  /** `handler` receives each record as an array of its fields (a function) or field by field (a FieldHandler). */
  constructor(handler: RecordHandler | FieldHandler, options: CsvParserOptions = {}) {
    this.#handler = typeof handler === 'function' ? new RecordCollector(handler) : handler;
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`a delimiter is one character other than a quote or a line break, got "${delimiter}"`);
    }
    this.#delimiter = delimiter.charCodeAt(0);
  }

  /** Records completed so far, header included. */
  get records(): number {
    return this.#records;
  }

  push(chunk: string): void {
    let text = this.#rest.length === 0 ? chunk : this.#rest + chunk;
    if (!this.#started) {
      if (text.length === 0) return;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
      this.#started = true;
    }
    const consumed = this.#parse(text, false);
    this.#rest = consumed === text.length ? '' : text.slice(consumed);
    if (this.#rest.length > MAX_RECORD_LENGTH) {
      throw new CsvError(
        { line: this.#line, row: this.#records },
        `record longer than ${MAX_RECORD_LENGTH} characters; is a closing quote missing?`,
      );
    }
  }

  end(): void {
    const rest = this.#rest;
    this.#rest = '';
    if (rest.length > 0) this.#parse(rest, true);
  }

  /** Parses complete records from `s`; returns where the first unfinished one starts (`s.length` when none). */
  #parse(s: string, final: boolean): number {
    const len = s.length;
    const handler = this.#handler;
    const DELIM = this.#delimiter;
    const whole = handler.line !== undefined;
    let i = 0;
    let line = this.#line;
    // Where the next quote is at or after i (len when there is none), found once per call and looked for again only
    // when passed: most files have no quote at all, and a record with none is read by the fast path below.
    let quote = -1;
    try {
      for (;;) {
        const start = i;
        if (i >= len) return len;
        let c = s.charCodeAt(i);
        // Blank lines carry no record.
        if (c === LF) {
          i++;
          line++;
          continue;
        }
        if (c === CR) {
          if (i + 1 >= len) return final ? len : start;
          if (s.charCodeAt(i + 1) === LF) {
            i += 2;
            line++;
            continue;
          }
        }
        // Fast path: a record on one line without quotes. It is complete when its line end has arrived (or the input
        // has ended), and its fields are the ranges between commas, handed over without copies.
        let lf = s.indexOf('\n', i);
        if (lf === -1) {
          if (!final) return start;
          lf = len;
        }
        if (quote < i) {
          quote = s.indexOf('"', i);
          if (quote === -1) quote = len;
        }
        if (quote >= lf) {
          const end = lf > i && s.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
          if (whole) {
            handler.line!(s, i, end, DELIM);
            this.#records++;
            i = lf + 1;
            handler.record(line++);
            continue;
          }
          let from = i;
          for (let j = i; j < end; j++) {
            if (s.charCodeAt(j) === DELIM) {
              handler.field(s, from, j);
              from = j + 1;
            }
          }
          handler.field(s, from, end);
          this.#records++;
          i = lf + 1;
          handler.record(line++);
          continue;
        }
        // A record with quotes: fields are gathered until the record is known to be complete, then delivered.
        const fields: string[] = [];
        // Line breaks inside quoted fields of this record so far.
        let inner = 0;
        field: for (;;) {
          if (i < len && s.charCodeAt(i) === QUOTE) {
            const openLine = line + inner;
            const open = i;
            let value = '';
            let from = i + 1;
            for (;;) {
              const q = s.indexOf('"', from);
              if (q === -1 || (q + 1 >= len && !final)) {
                if (!final) return start;
                throw new CsvError(
                  { line: openLine, row: this.#records, column: { index: fields.length + 1 } },
                  'unterminated quoted field',
                );
              }
              if (q + 1 < len && s.charCodeAt(q + 1) === QUOTE) {
                value += s.slice(from, q + 1);
                from = q + 2;
                continue;
              }
              value += s.slice(from, q);
              i = q + 1;
              break;
            }
            for (let nl = s.indexOf('\n', open); nl !== -1 && nl < i; nl = s.indexOf('\n', nl + 1)) inner++;
            fields.push(value);
            if (i >= len) break;
            c = s.charCodeAt(i);
            if (c === DELIM) {
              i++;
              continue;
            }
            if (c === LF) {
              i++;
              break;
            }
            if (c === CR) {
              if (i + 1 >= len) {
                if (!final) return start;
                i++;
                break;
              }
              if (s.charCodeAt(i + 1) === LF) {
                i += 2;
                break;
              }
            }
            throw new CsvError(
              { line: line + inner, row: this.#records, column: { index: fields.length } },
              'unexpected text after a closing quote (a quote inside a quoted field is written "")',
            );
          }
          const from = i;
          for (;;) {
            if (i >= len) {
              if (!final) return start;
              const end = i > from && s.charCodeAt(i - 1) === CR ? i - 1 : i;
              fields.push(s.slice(from, end));
              break field;
            }
            c = s.charCodeAt(i);
            if (c === DELIM) {
              fields.push(s.slice(from, i));
              i++;
              continue field;
            }
            if (c === LF) {
              const end = i > from && s.charCodeAt(i - 1) === CR ? i - 1 : i;
              fields.push(s.slice(from, end));
              i++;
              break field;
            }
            if (c === QUOTE) {
              throw new CsvError(
                { line: line + inner, row: this.#records, column: { index: fields.length + 1 } },
                'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")',
              );
            }
            i++;
          }
        }
        this.#records++;
        const recordLine = line;
        line += inner + 1;
        for (const field of fields) handler.field(field, 0, field.length);
        handler.record(recordLine);
      }
    } finally {
      this.#line = line;
    }
  }
}

/** Records of a stream of text chunks, in order, as an async iterator. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let batch: CsvRecord[] = [];
  const parser = new CsvParser((fields, line) => {
    batch.push({ fields, line, row: parser.records - 1 });
  });
  const drain = () => {
    const out = batch;
    batch = [];
    return out;
  };
  try {
    for await (const chunk of chunks) {
      parser.push(chunk);
      yield* drain();
    }
    parser.end();
  } catch (error) {
    // Records before the bad one come first, so a consumer sees problems in file order.
    yield* drain();
    throw error;
  }
  yield* drain();
}
