import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiText, CsvParser, csvRecords, type FieldHandler, MAX_RECORD_LENGTH } from '../../../cli/csv-reader';
import { CsvError } from '../../../cli/errors';
import { TextDecoding } from '../../../shared/import';
import { csvField } from '../../cli/responses-csv';

interface Parsed {
  fields: string[];
  line: number;
}

/** Parses `chunks` pushed one by one, as a file read in pieces would be. */
function parse(...chunks: string[]): Parsed[] {
  const out: Parsed[] = [];
  const parser = new CsvParser((fields, line) => out.push({ fields, line }));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

function parseError(...chunks: string[]): CsvError {
  try {
    parse(...chunks);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError');
}

const fieldsOf = (records: Parsed[]) => records.map((r) => r.fields);

async function* from(chunks: string[]): AsyncGenerator<string> {
  yield* chunks;
}

describe('CsvParser', () => {
  it('splits plain records and numbers their lines', () => {
    expect(parse('level,a,b\nmanager,1,2\nfrontline,,dk\n')).toEqual([
      { fields: ['level', 'a', 'b'], line: 1 },
      { fields: ['manager', '1', '2'], line: 2 },
      { fields: ['frontline', '', 'dk'], line: 3 },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps counting lines', () => {
    const records = parse('a,b,c\n"Sales, North","say ""hi""","two\nlines"\nx,"",z\n');
    expect(records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['Sales, North', 'say "hi"', 'two\nlines'], line: 2 },
      { fields: ['x', '', 'z'], line: 4 },
    ]);
  });

  it('treats CRLF like LF and keeps a CR inside a quoted field', () => {
    expect(fieldsOf(parse('a,b\r\n1,2\r\n"x\r\ny",3\r\n'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['x\r\ny', '3'],
    ]);
  });

  it('drops a leading byte order mark, even when it arrives alone', () => {
    expect(fieldsOf(parse('\uFEFFlevel,a\nmanager,1\n'))).toEqual([
      ['level', 'a'],
      ['manager', '1'],
    ]);
    expect(fieldsOf(parse('', '\uFEFF', 'level\n'))).toEqual([['level']]);
  });

  it('reads a last record without a line end, and keeps empty trailing fields', () => {
    expect(fieldsOf(parse('a,b,\n1,2,'))).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
    expect(fieldsOf(parse('a\r\n"q"'))).toEqual([['a'], ['q']]);
    expect(fieldsOf(parse('a,b\r\n1,2\r'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(parse('a\n\n1\r\n\r\n2\n\n')).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['1'], line: 3 },
      { fields: ['2'], line: 5 },
    ]);
  });

  it('gives the same records for every way of splitting the input into chunks', () => {
    const input = '\uFEFFlevel,"de,pt",x\r\n"a ""q"" b",2,"line\r\nbreak"\n\nmanager,"",dk\r\n"end"""';
    const whole = parse(input);
    expect(whole).toEqual([
      { fields: ['level', 'de,pt', 'x'], line: 1 },
      { fields: ['a "q" b', '2', 'line\r\nbreak'], line: 2 },
      { fields: ['manager', '', 'dk'], line: 5 },
      { fields: ['end"'], line: 6 },
    ]);
    for (let i = 0; i <= input.length; i++) {
      expect(parse(input.slice(0, i), input.slice(i)), `split at ${i}`).toEqual(whole);
      for (let j = i; j <= input.length; j++) {
        expect(parse(input.slice(0, i), input.slice(i, j), input.slice(j)), `split at ${i} and ${j}`).toEqual(whole);
      }
    }
    expect(parse(...input)).toEqual(whole);
  });

  it('reports an unterminated quote with the line where the field opened', () => {
    const error = parseError('a,b\n1,2\n3,"never closed\nmore\n');
    expect(error.location).toEqual({ line: 3, row: 2, column: { index: 2 } });
    expect(error.message).toBe('row 2 (line 3), column 2: unterminated quoted field');
  });

  it('reports a quote inside an unquoted field and text after a closing quote', () => {
    expect(parseError('a,b\n1,x"y"\n').message).toMatch(
      /^row 1 \(line 2\), column 2: a quote inside an unquoted field/,
    );
    expect(parseError('a,b\n1,2\n"x"y,3\n').message).toMatch(
      /^row 2 \(line 3\), column 1: unexpected text after a closing quote/,
    );
    expect(parseError('"a\nb",c"\n').message).toMatch(/^header \(line 2\), column 2: a quote inside/);
  });

  it('refuses a record that never ends instead of buffering the whole file', () => {
    const chunk = 'x'.repeat(1 << 16);
    const parser = new CsvParser(() => {});
    parser.push('a\n"');
    expect(() => {
      for (let read = 0; read <= MAX_RECORD_LENGTH; read += chunk.length) parser.push(chunk);
    }).toThrow(/row 1 \(line 2\): record longer than .* is a closing quote missing\?/);
  });

  it('stops at the first error: later records are not delivered', () => {
    const seen: string[] = [];
    const parser = new CsvParser((fields) => seen.push(fields[0]!));
    expect(() => parser.push('a\nb"\nc\n')).toThrow(CsvError);
    expect(seen).toEqual(['a']);
  });
});

describe('CsvParser field by field', () => {
  /** What a FieldHandler receives, as records: each field sliced from its range when its record ends. */
  function parseFields(...chunks: string[]): Parsed[] {
    const out: Parsed[] = [];
    let fields: string[] = [];
    const handler: FieldHandler = {
      field: (text, start, end) => fields.push(text.slice(start, end)),
      record: (line) => {
        out.push({ fields, line });
        fields = [];
      },
    };
    const parser = new CsvParser(handler);
    for (const chunk of chunks) parser.push(chunk);
    parser.end();
    return out;
  }

  it('delivers the same fields and lines as whole records, however the input is split', () => {
    const input = 'level,a,b\r\nmanager,1,dk\n\n"Sales, North",,5\r\nfrontline,"two\nlines",3\nexecutive,4,\r';
    const whole = parse(input);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 5, 7]);
    for (let i = 0; i <= input.length; i++) {
      expect(parseFields(input.slice(0, i), input.slice(i)), `split at ${i}`).toEqual(whole);
    }
  });

  it('reads back any fields written with RFC 4180 quoting, in any chunks, with LF or CRLF', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', '1', 'dk'), maxLength: 6 });
    // A record of one empty field is a blank line, which carries no record; start each with a letter.
    const record = fc.array(value, { minLength: 1, maxLength: 5 }).map(([first, ...rest]) => [`r${first}`, ...rest]);
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 4 }),
        (records, eol, cuts) => {
          const text = records.map((fields) => fields.map(csvField).join(',')).join(eol) + eol;
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, k) => text.slice(from, at[k] ?? text.length));
          expect(parseFields(...chunks).map((r) => r.fields)).toEqual(records);
          expect(fieldsOf(parse(...chunks))).toEqual(records);
        },
      ),
    );
  });
});

describe('csvRecords', () => {
  it('yields records with their line and data row, across chunks', async () => {
    const records = [];
    for await (const record of csvRecords(from(['h1,h2\n1,"a', '\nb"\n2,', 'c\n']))) records.push(record);
    expect(records).toEqual([
      { fields: ['h1', 'h2'], line: 1, row: 0 },
      { fields: ['1', 'a\nb'], line: 2, row: 1 },
      { fields: ['2', 'c'], line: 4, row: 2 },
    ]);
  });

  it('yields the good records before the error that follows them in the same chunk', async () => {
    const rows: number[] = [];
    const run = async () => {
      for await (const record of csvRecords(from(['h\n1\n2\n"3']))) rows.push(record.row);
    };
    await expect(run()).rejects.toThrow('row 3 (line 4), column 1: unterminated quoted field');
    expect(rows).toEqual([0, 1, 2]);
  });
});

describe('asciiText', () => {
  /** The text and encoding TextDecoding gives for `chunks`, with or without the CLI's native ASCII check. */
  function decoded(chunks: Uint8Array[], native: boolean) {
    let text = '';
    const d = new TextDecoding((t) => (text += t), native ? asciiText : undefined);
    try {
      for (const c of chunks) d.push(c);
      d.end();
    } catch (error) {
      return { error: (error as Error).message };
    }
    return { text, ...d.detected };
  }
  const piece = fc.oneof(
    fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
    fc.constantFrom('Müller', '重复录入', '–'),
    fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => String.fromCharCode(...b.map((x) => 0x80 | x))),
  );

  it('decodes every file as the UTF-8 probe does: ASCII, UTF-8 and Windows-1252, however it is cut', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        // Strings of chars 0x80-0xFF stand for raw bytes (Windows-1252 letters, or broken UTF-8).
        const bytes = Uint8Array.from(
          pieces.flatMap((p) =>
            /^[\x80-\xff]+$/.test(p) ? [...p].map((c) => c.charCodeAt(0)) : [...new TextEncoder().encode(p)],
          ),
        );
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
        expect(decoded(chunks, true)).toEqual(decoded(chunks, false));
      }),
      { numRuns: 300 },
    );
  });

  it('gives text only for all-ASCII bytes', () => {
    expect(asciiText(Uint8Array.from([104, 105, 44, 10]))).toBe('hi,\n');
    expect(asciiText(Uint8Array.from([104, 0xc3, 0xbc]))).toBeNull();
  });
});
