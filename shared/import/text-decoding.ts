// Bytes of a responses file → text, with the encoding worked out from the bytes themselves: the files come from
// survey tools and spreadsheets that each save differently (Excel on Windows writes Windows-1252, its "Unicode text"
// UTF-16 LE, Qualtrics UTF-8 with a BOM). Streamed: chunks in, text out, nothing but an undecided prefix held.
import { ImportError } from './errors';

export type EncodingName = 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export interface DetectedEncoding {
  encoding: EncodingName;
  /** Whether the file starts with a byte order mark (which is dropped). */
  bom: boolean;
}

/**
 * Windows-1252's bytes 0x80-0x9F (WHATWG encoding standard). Node's TextDecoder gives ISO-8859-1 for them (C1
 * controls), so they are put right after decoding: 0x96 is "–" in a German Excel file, not U+0096.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));
const C1 = /[\u0080-\u009f]/g;
const fromC1 = (ch: string) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]!;

/** Bytes looked at for binary content before any text is given out. */
const SNIFF_BYTES = 4096;

/** Files that are not text at all, by their first bytes: named in the error so the user knows what to export. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook?): save or export it as CSV' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Excel 97-2003 workbook (.xls): save or export it as CSV' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a CSV file' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: 'UTF-32 text, which is not read: save it as UTF-8' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], what: 'UTF-32 text, which is not read: save it as UTF-8' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Why the first bytes are not text, or null when they may be. */
function notText(head: Uint8Array): string | null {
  for (const { bytes, what } of SIGNATURES) if (startsWith(head, bytes)) return `the file is ${what}`;
  const zero = head.indexOf(0);
  if (zero < 0) return null;
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  let zeros = 0;
  for (let i = 0; i < Math.min(head.length, 512); i++) if (head[i] === 0) zeros++;
  const utf16 = zeros > Math.min(head.length, 512) / 4;
  const what = utf16
    ? 'UTF-16 text without a byte order mark (save it as UTF-8, or as UTF-16 with a BOM)'
    : `binary data (a zero byte at offset ${zero}), not a CSV file`;
  return `the file is ${what}`;
}

/**
 * The text of bytes that are all ASCII (each byte one char), or null when any byte is above 0x7F: what the decoder
 * does first with each chunk of a file still undecided, given by a caller with a native check (the CLI: node:buffer).
 */
export type AsciiText = (bytes: Uint8Array) => string | null;

/**
 * Push bytes, receive text. The encoding is, in this order: a byte order mark's (UTF-8, UTF-16 LE or BE); else UTF-8
 * if the bytes are valid UTF-8; else Windows-1252 (Excel's "CSV" on Western Windows). ASCII reads the same in UTF-8
 * and Windows-1252, so the choice waits for the first byte above 0x7F and is made on the bytes from there. Anything
 * else (a workbook, UTF-16 without a BOM, UTF-32, binary) is one ImportError saying what was found.
 */
export class TextDecoding {
  readonly #onText: (text: string) => void;
  readonly #asciiText: AsciiText | null;
  /** Bytes not yet given out: the start of the file until its BOM and binary checks are done, or an undecided tail. */
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  /** null until the encoding is known; ASCII so far (UTF-8 or Windows-1252 alike) is `undecided`. */
  #decoder: TextDecoder | null = null;
  #state: 'start' | 'undecided' | 'decided' = 'start';
  #detected: DetectedEncoding = { encoding: 'UTF-8', bom: false };
  /** Bytes pushed so far, for the position in an error. */
  #offset = 0;
  /** The UTF-8 decoder used while only ASCII has been seen (fatal: an invalid byte throws instead of becoming U+FFFD). */
  readonly #probe = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /** `asciiText`: a faster way to tell and decode an all-ASCII chunk, where the platform has one (see AsciiText). */
  constructor(onText: (text: string) => void, asciiText?: AsciiText) {
    this.#onText = onText;
    this.#asciiText = asciiText ?? null;
  }

  /** The encoding found; UTF-8 until the bytes say otherwise (a pure ASCII file is read as UTF-8). */
  get detected(): DetectedEncoding {
    return this.#detected;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const at = this.#offset;
    this.#offset += bytes.length;
    if (this.#state === 'decided') {
      this.#emit(this.#decode(bytes, at, true));
      return;
    }
    if (this.#state === 'undecided' && this.#pendingBytes === 0) {
      // The common case of a large ASCII file: each chunk decodes as UTF-8 to as many characters as it has bytes.
      const text = this.#probeAscii(bytes);
      if (text !== null) {
        this.#emit(text);
        return;
      }
    }
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    this.#advance(false);
  }

  end(): void {
    if (this.#state !== 'decided') this.#advance(true);
    if (this.#state === 'decided') this.#emit(this.#decode(new Uint8Array(0), this.#offset, false));
  }

  #emit(text: string): void {
    if (text.length > 0) this.#onText(text);
  }

  /** The chunk as text when it is all ASCII, else null (nothing is consumed). */
  #probeAscii(bytes: Uint8Array): string | null {
    if (this.#asciiText !== null) return this.#asciiText(bytes);
    let text: string;
    try {
      text = this.#probe.decode(bytes, { stream: true });
    } catch {
      this.#probe.decode(); // reset its state
      return null;
    }
    if (text.length === bytes.length) return text;
    this.#probe.decode();
    return null;
  }

  #decode(bytes: Uint8Array, at: number, stream: boolean): string {
    try {
      const text = this.#decoder!.decode(bytes, { stream });
      return this.#detected.encoding === 'Windows-1252' ? text.replace(C1, fromC1) : text;
    } catch (error) {
      const { encoding } = this.#detected;
      throw new ImportError(
        `the file is not valid ${encoding} between bytes ${at} and ${at + bytes.length}: it began as ${encoding}` +
          ' text and then holds bytes that are not (two files joined, or mixed encodings?); save it again as UTF-8',
        { cause: error },
      );
    }
  }

  /** Works on the pending bytes until they are given out or more are needed. */
  #advance(final: boolean): void {
    const head = concat(this.#pending);
    const start = this.#offset - this.#pendingBytes;
    if (this.#state === 'start') {
      if (head.length < 4 && !final) return;
      const bom = this.#bom(head);
      if (bom) {
        this.#decide(bom.encoding, true);
        this.#take(head.subarray(bom.length), start + bom.length);
        return;
      }
      if (head.length < SNIFF_BYTES && !final) return;
      const problem = notText(head.subarray(0, SNIFF_BYTES));
      if (problem) throw new ImportError(problem);
      this.#state = 'undecided';
    }
    // Undecided: ASCII up to the first byte above 0x7F, given out as it is; the bytes from there decide.
    let high = 0;
    while (high < head.length && head[high]! < 0x80) high++;
    if (high > 0) this.#onText(this.#probe.decode(head.subarray(0, high)));
    const rest = head.subarray(high);
    this.#pending = rest.length === 0 ? [] : [rest];
    this.#pendingBytes = rest.length;
    // Enough bytes to tell a UTF-8 sequence from Windows-1252 letters: a few dozen, or all there are.
    if (rest.length === 0 || (rest.length < 64 && !final)) return;
    let utf8 = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(rest, { stream: !final });
    } catch {
      utf8 = false;
    }
    this.#decide(utf8 ? 'UTF-8' : 'Windows-1252', false);
    this.#take(rest, start + high);
  }

  #bom(head: Uint8Array): { encoding: EncodingName; length: number } | null {
    if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff])) return null;
    if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'UTF-8', length: 3 };
    if (startsWith(head, [0xff, 0xfe])) return { encoding: 'UTF-16 LE', length: 2 };
    if (startsWith(head, [0xfe, 0xff])) return { encoding: 'UTF-16 BE', length: 2 };
    return null;
  }

  #decide(encoding: EncodingName, bom: boolean): void {
    this.#detected = { encoding, bom };
    const label = {
      'UTF-8': 'utf-8',
      'UTF-16 LE': 'utf-16le',
      'UTF-16 BE': 'utf-16be',
      'Windows-1252': 'windows-1252',
    }[encoding];
    // The BOM is dropped here (ignoreBOM) since it was already seen; fatal, so a bad byte is an error, not U+FFFD.
    // Windows-1252 is decoded as Latin-1 and its 0x80-0x9F put right in #decode.
    this.#decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    this.#state = 'decided';
  }

  /** Gives out bytes once the encoding is decided; `at` is their offset in the file. */
  #take(bytes: Uint8Array, at: number): void {
    this.#pending = [];
    this.#pendingBytes = 0;
    if (bytes.length > 0) this.#emit(this.#decode(bytes, at, true));
  }
}
