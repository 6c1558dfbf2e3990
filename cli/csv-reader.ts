// RFC 4180 CSV, streamed: text arrives in chunks, complete records leave one at a time, and at most one unfinished
// record is held between chunks. One char scan, no regex: the `score` command runs this over millions of rows.
import { createReadStream } from 'node:fs';
import { CsvError } from './errors';

const COMMA = 44;
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

export interface CsvRecord {
  fields: string[];
  /** The file line (1-based) the record starts on; quoted fields may span lines. */
  line: number;
  /** 1-based data row: the header is row 0. */
  row: number;
}

/**
 * Push-based parser: `push` each chunk as it is read, then `end`. Accepts LF and CRLF line ends, a leading BOM, quoted
 * fields with commas, line breaks and doubled quotes; skips blank lines. Throws `CsvError` on an unterminated quote, a
 * quote inside an unquoted field, or text after a closing quote.
 */
export class CsvParser {
  /** Text of the unfinished record carried over from the previous chunk. */
  #rest = '';
  /** File line on which `#rest` starts. */
  #line = 1;
  #records = 0;
  #started = false;
  readonly #onRecord: RecordHandler;

  constructor(onRecord: RecordHandler) {
    this.#onRecord = onRecord;
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
    let i = 0;
    let line = this.#line;
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
            if (c === COMMA) {
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
            if (c === COMMA) {
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
        this.#onRecord(fields, recordLine);
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

/** A file as UTF-8 text chunks (`-` is standard input). Read in 1 MiB chunks: fewer, larger pushes parse faster. */
export function textChunks(path: string): AsyncIterable<string> {
  if (path === '-') {
    process.stdin.setEncoding('utf8');
    return process.stdin;
  }
  return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
}
