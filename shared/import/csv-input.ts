// A responses file as it comes, bytes in, records out: encoding (text-decoding.ts), line ends and delimiter are worked
// out from the file's start, then the text goes through the one CSV parser. What was found is `format`, named in the
// CLI's summary line and in the API's import result.
import { CsvParser, type FieldHandler } from './csv-parser';
import { CsvError } from './errors';
import { type AsciiText, type DetectedEncoding, TextDecoding } from './text-decoding';

export type Delimiter = ',' | ';' | '\t';
export type LineEnd = 'LF' | 'CRLF' | 'CR';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export interface CsvFormat extends DetectedEncoding {
  delimiter: Delimiter;
  /** The first line end's kind; null for a file of one line without one. */
  lineEnd: LineEnd | null;
}

/** "UTF-8 with BOM, semicolon-separated, CR line ends". */
export function describeFormat(format: CsvFormat): string {
  const encoding = `${format.encoding}${format.bom ? ' with BOM' : ''}`;
  const lines = format.lineEnd ? `, ${format.lineEnd} line ends` : '';
  return `${encoding}, ${DELIMITER_NAMES[format.delimiter]}-separated${lines}`;
}

/** Text looked at before the delimiter and line ends are chosen: this much, or this many lines, or the whole file. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 20;

/** The first line end's kind, or undefined when the sample cannot tell yet (a CR at its very end). */
export function sniffLineEnd(sample: string, final: boolean): LineEnd | null | undefined {
  const lf = sample.indexOf('\n');
  const cr = sample.indexOf('\r');
  if (cr < 0 || (lf >= 0 && lf < cr)) return lf < 0 ? (final ? null : undefined) : 'LF';
  if (cr + 1 >= sample.length) return final ? 'CR' : undefined;
  return sample.charCodeAt(cr + 1) === 10 ? 'CRLF' : 'CR';
}

/**
 * The delimiter that splits the sample's first records into one and the same number of fields, more than one: a
 * header of question texts may hold commas in a semicolon file (Excel quotes only fields holding its own delimiter),
 * but the data rows then split differently. Ties go to the most fields, then to comma, semicolon, tab in that order.
 */
export function sniffDelimiter(sample: string, final: boolean): Delimiter {
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ',', score: -1, width: 0 };
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    const parser = new CsvParser(
      (fields) => {
        if (counts.length < SAMPLE_RECORDS) counts.push(fields.length);
      },
      { delimiter },
    );
    try {
      parser.push(sample);
      if (final) parser.end();
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // A quoting error under this delimiter: judge it on the records before the error.
    }
    const width = counts[0] ?? 0;
    const score = width > 1 ? counts.filter((c) => c === width).length / counts.length : 0;
    if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
  }
  return best.delimiter;
}

export interface CsvInputOptions {
  /** Use this delimiter instead of working it out. */
  delimiter?: Delimiter;
  /** A native check and decoding of all-ASCII chunks (TextDecoding); without it, the fatal UTF-8 decoder's. */
  asciiText?: AsciiText;
}

/**
 * `push` the file's bytes as they arrive (or `pushText` for text already decoded), then `end`; `handler` receives the
 * records field by field as CsvParser delivers them. A CR-only file (old Mac Excel) is read as if its CRs were LFs.
 */
export class CsvInput {
  readonly #handler: FieldHandler;
  readonly #options: CsvInputOptions;
  readonly #decoding: TextDecoding;
  #sample = '';
  #parser: CsvParser | null = null;
  #crOnly = false;
  #layout: { delimiter: Delimiter; lineEnd: LineEnd | null } | null = null;

  constructor(handler: FieldHandler, options: CsvInputOptions = {}) {
    this.#handler = handler;
    this.#options = options;
    this.#decoding = new TextDecoding((text) => this.#text(text, false), options.asciiText);
  }

  /** What was found; null before enough of the file was read to tell. */
  get format(): CsvFormat | null {
    // The encoding is read live: an ASCII start may turn out Windows-1252 at its first accented letter.
    return this.#layout && { ...this.#decoding.detected, ...this.#layout };
  }

  /** Records completed so far, header rows included. */
  get records(): number {
    return this.#parser?.records ?? 0;
  }

  push(bytes: Uint8Array): void {
    this.#decoding.push(bytes);
  }

  /** Text that is already decoded (the encoding is then reported as UTF-8). */
  pushText(text: string): void {
    this.#text(text, false);
  }

  end(): void {
    this.#decoding.end();
    if (this.#parser === null) this.#text('', true);
    this.#parser!.end();
  }

  #text(text: string, final: boolean): void {
    const parser = this.#parser;
    if (parser !== null) {
      parser.push(this.#crOnly ? text.replaceAll('\r', '\n') : text);
      return;
    }
    this.#sample += text;
    const sample = this.#sample;
    const lineEnd = sniffLineEnd(sample, final);
    const enough = final || sample.length >= SAMPLE_CHARS || lineEndCount(sample) > SAMPLE_RECORDS;
    if (lineEnd === undefined || !enough) return;
    this.#crOnly = lineEnd === 'CR';
    const readable = this.#crOnly ? sample.replaceAll('\r', '\n') : sample;
    const delimiter = this.#options.delimiter ?? sniffDelimiter(readable, final);
    this.#layout = { delimiter, lineEnd };
    this.#sample = '';
    this.#parser = new CsvParser(this.#handler, { delimiter });
    this.#parser.push(readable);
  }
}

function lineEndCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && n <= SAMPLE_RECORDS; i = s.indexOf('\n', i + 1)) n++;
  if (n === 0) for (let i = s.indexOf('\r'); i >= 0 && n <= SAMPLE_RECORDS; i = s.indexOf('\r', i + 1)) n++;
  return n;
}
