// The CLI's file reading: bytes or UTF-8 text chunks of a file or of standard input. The parsing itself is shared
// with the API's import (shared/import), and re-exported here for the CLI's callers and the benchmarks.
import { Buffer, isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';

export { CsvParser, type CsvRecord, csvRecords, type FieldHandler, MAX_RECORD_LENGTH } from '../shared/import';

/** Read in 1 MiB chunks: fewer, larger pushes parse faster. */
const CHUNK = 1 << 20;

/** A file as UTF-8 text chunks (`-` is standard input). */
export function textChunks(path: string): AsyncIterable<string> {
  if (path === '-') {
    process.stdin.setEncoding('utf8');
    return process.stdin;
  }
  return createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK });
}

/** A file as byte chunks (`-` is standard input), for `CsvInput` to work out the encoding. */
export function byteChunks(path: string): AsyncIterable<Uint8Array> {
  if (path === '-') return process.stdin;
  return createReadStream(path, { highWaterMark: CHUNK });
}

/**
 * An all-ASCII chunk as text, checked and decoded natively (CsvInput's `asciiText`): for a large ASCII file, several
 * times faster than the fatal UTF-8 decoder it stands in for, with the same text (ASCII is one byte per char).
 */
export function asciiText(bytes: Uint8Array): string | null {
  if (!isAscii(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
