// Reading files as they come: encodings, delimiters and line ends worked out from the bytes; headers matched to items.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvInput,
  type CsvRecord,
  ImportError,
  parseMapping,
  planColumns,
  ResponseReader,
  responseMapper,
  TextDecoding,
} from '../../../shared/import';
import { CURRENT_INSTRUMENT, INSTRUMENTS, isLikert } from '../../../shared/instrument';
import type { SurveyResponse } from '../../../shared/response';

const instrument = CURRENT_INSTRUMENT;

function decode(chunks: Uint8Array[]): { text: string; encoding: string; bom: boolean } {
  let text = '';
  const d = new TextDecoding((t) => (text += t));
  for (const c of chunks) d.push(c);
  d.end();
  return { text, ...d.detected };
}

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf16 = (s: string, be: boolean) =>
  Uint8Array.from(
    [...s].flatMap((ch) =>
      be ? [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff] : [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8],
    ),
  );
const enc = (s: string) => new TextEncoder().encode(s);

/** Every split of `b` into two chunks decodes to the same text. */
function everySplit(b: Uint8Array) {
  const outs = new Set<string>();
  for (let at = 0; at <= b.length; at++) outs.add(JSON.stringify(decode([b.subarray(0, at), b.subarray(at)])));
  return [...outs].map((o) => JSON.parse(o));
}

describe('TextDecoding', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM, however the bytes are split', () => {
    const text = 'level,department\nmanager,Geschäftsführung 销售 €\n';
    expect(everySplit(enc(text))).toEqual([{ text, encoding: 'UTF-8', bom: false }]);
    expect(everySplit(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(text)]))).toEqual([
      { text, encoding: 'UTF-8', bom: true },
    ]);
    expect(everySplit(Uint8Array.from([0xff, 0xfe, ...utf16(text, false)]))).toEqual([
      { text, encoding: 'UTF-16 LE', bom: true },
    ]);
    expect(everySplit(Uint8Array.from([0xfe, 0xff, ...utf16(text, true)]))).toEqual([
      { text, encoding: 'UTF-16 BE', bom: true },
    ]);
  });

  it('reads Windows-1252 when the bytes are not UTF-8, its 0x80-0x9F as the standard says, even far into a file', () => {
    // "Geschäftsführung – 5 €" in Windows-1252: ä ü are 0xE4 0xFC, the en dash 0x96, the euro 0x80.
    const word = bytes(0x47, 0x65, 0x73, 0x63, 0x68, 0xe4, 0x66, 0x74, 0x73, 0x66, 0xfc, 0x68, 0x72, 0x75, 0x6e, 0x67);
    const tail = Uint8Array.from([...word, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    expect(decode([tail])).toEqual({ text: 'Geschäftsführung – 5 €', encoding: 'Windows-1252', bom: false });
    const ascii = enc(`${'a,b\n'.repeat(40_000)}`);
    const late = decode([ascii.subarray(0, 70_000), ascii.subarray(70_000), tail]);
    expect(late.encoding).toBe('Windows-1252');
    expect(late.text.endsWith('Geschäftsführung – 5 €')).toBe(true);
  });

  it('names what it found in a file that is none of these', () => {
    const error = (b: Uint8Array) => {
      try {
        decode([b]);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(error(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0))).toContain('ZIP archive (an Excel .xlsx workbook?)');
    expect(error(utf16('level,department\n', false))).toContain('UTF-16 text without a byte order mark');
    expect(error(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0))).toContain('UTF-32');
    // UTF-8 first, then a Windows-1252 byte: two files joined, not one encoding.
    const start = Uint8Array.from([...enc('Geschäft\n'), ...new Uint8Array(5000).fill(0x41)]);
    expect(() => decode([start, bytes(0x41, 0xe4, 0x0a)])).toThrow('not valid UTF-8 between bytes 5010 and 5013');
  });
});

/** Records of `input` read through CsvInput, with the format it found. */
function records(chunks: (string | Uint8Array)[]) {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  const input = new CsvInput({
    field: (t, s, e) => fields.push(t.slice(s, e)),
    record: (line) => {
      out.push({ fields, line, row: out.length });
      fields = [];
    },
  });
  for (const c of chunks) typeof c === 'string' ? input.pushText(c) : input.push(c);
  input.end();
  return { records: out.map((r) => r.fields), lines: out.map((r) => r.line), format: input.format };
}

describe('CsvInput', () => {
  it('finds the delimiter by the field count of the first records, not by the most frequent character', () => {
    // German question texts hold commas; Excel quotes only fields holding its own delimiter, the semicolon.
    const header = 'level;Eine Wartezeit, die ich früher hatte, ist weggefallen.;department\n';
    const read = records([`${header}manager;4,0;Vertrieb, Nord\nfrontline;2;HR\n`]);
    expect(read.format).toMatchObject({ delimiter: ';', lineEnd: 'LF' });
    expect(read.records[1]).toEqual(['manager', '4,0', 'Vertrieb, Nord']);
    expect(records(['a\tb\n1\t2\n']).format?.delimiter).toBe('\t');
    expect(records(['a,b;c\n1,2;3\n4,5;6\n']).format?.delimiter).toBe(',');
  });

  it('reads CR-only line ends as line ends, with the same records and lines as LF', () => {
    fc.assert(
      fc.property(fc.nat(40), (cut) => {
        const text = 'a;b\r1;2\r\r3;4\r';
        const at = cut % (text.length + 1);
        const read = records([text.slice(0, at), text.slice(at)]);
        expect(read.format?.lineEnd).toBe('CR');
        expect(read.records).toEqual([
          ['a', 'b'],
          ['1', '2'],
          ['3', '4'],
        ]);
        expect(read.lines).toEqual([1, 2, 4]);
      }),
    );
    expect(records(['a,b\r\n1,2\r\n']).format?.lineEnd).toBe('CRLF');
  });
});

/** Reads CSV text into responses as the CLI does; returns them with the rows skipped. */
function read(text: string, mapping?: unknown) {
  const out: SurveyResponse[] = [];
  const parsed = mapping === undefined ? undefined : parseMapping(mapping);
  if (parsed && 'issues' in parsed) throw new Error(JSON.stringify(parsed.issues));
  const reader = new ResponseReader(instrument, (row) => out.push(reader.mapper!.response(row)), {
    mapping: parsed?.mapping,
  });
  const input = new CsvInput(reader);
  input.pushText(text);
  input.end();
  reader.end();
  return { responses: out, skipped: reader.skipped, plan: reader.mapper!.plan };
}

const likert = instrument.items.filter(isLikert);
const [a, b] = [likert[0]!, likert[1]!];

describe('headers and values', () => {
  it('knows every likert label in every language, whole numbers written 5.0 or 5,0, and skips empty rows', () => {
    const rows: string[] = [];
    for (const lang of instrument.languages) {
      for (const v of [1, 2, 3, 4, 5] as const) rows.push(`manager,"${instrument.likertLabels[v][lang]}",${v}.0`);
      rows.push(`manager,"${instrument.likertLabels.dk[lang].toUpperCase()} ",`);
    }
    const { responses, skipped } = read(`level,${a.id},${b.id}\n${rows.join('\n')}\n,,\n,,\n`);
    expect(skipped).toBe(2);
    expect(responses.map((r) => r.answers[a.id])).toEqual(instrument.languages.flatMap(() => [1, 2, 3, 4, 5, 'dk']));
    expect(responses.slice(0, 5).map((r) => r.answers[b.id])).toEqual([1, 2, 3, 4, 5]);
    expect(read(`level,${a.id}\nmanager,"4,0"\n`).responses[0]!.answers[a.id]).toBe(4);
  });

  it('matches item text in any language, ignoring case, punctuation and spacing, and segment questions by text', () => {
    const header = [
      `"${a.text.de.toUpperCase().replaceAll(' ', '  ')}"`,
      `"Grid [${b.text.zh}]"`,
      `"${instrument.segments.level.text.en}"`,
    ];
    const { responses, plan } = read(`${header.join(',')}\n4,2,I manage a team\n`);
    expect(plan.columns.map((c) => c.matched)).toEqual([
      { by: 'text', language: 'de' },
      { by: 'text', language: 'zh' },
      { by: 'text', language: 'en' },
    ]);
    expect(responses).toEqual([{ answers: { [a.id]: 4, [b.id]: 2 }, level: 'manager', department: null }]);
  });
});

describe('mappings', () => {
  it('maps, ignores and recodes columns; item recodes win over likert ones', () => {
    const mapping = {
      columns: { Q1: a.id, Q2: b.id, Stufe: 'level', Notes: null },
      values: { likert: { A1: 1, A5: 5, X: null }, [b.id]: { A1: 5 }, level: { L2: 'manager' } },
    };
    const { responses, plan } = read('Q1,Q2,Stufe,Notes\nA1,A1,L2,free text\nA5,X,L2,\n', mapping);
    expect(responses.map((r) => r.answers)).toEqual([{ [a.id]: 1, [b.id]: 5 }, { [a.id]: 5 }]);
    expect(plan.columns.map((c) => c.ignored)).toEqual([null, null, null, 'mapping']);
  });

  it('never lets a mapping point an identifying column at anything, and names a bad target', () => {
    expect(() => read('level,Email Address\nmanager,a@b.c\n', { columns: { 'Email Address': 'department' } })).toThrow(
      /identifies a person and is never read/,
    );
    expect(() => read('level,Q1\n', { columns: { Q1: 'roles_splt' } })).toThrow(/not an item id of orgos-core/);
    expect(parseMapping({ columns: { Q1: 5 } })).toEqual({
      issues: [{ field: 'columns["Q1"]', message: 'expected string' }],
    });
    expect(parseMapping({ colums: {} })).toMatchObject({ issues: [{ field: 'colums' }] });
  });

  it('a column matching two items, and two columns matching one, are errors naming both', () => {
    const [x, y] = [instrument.items[2]!, instrument.items[3]!];
    // Its id says one item, its text another.
    const qualtrics = [
      ['level', x.id],
      ['level', y.text.en],
      ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}'],
    ];
    expect(() => planColumns(instrument, qualtrics)).toThrow(
      `matches 2 items: ${x.id} (by id) and ${y.id} (by its en text)`,
    );
    expect(() => responseMapper(instrument, ['level', x.id, x.text.de])).toThrow(
      `maps to ${x.id}, as column 2 "${x.id}" does already`,
    );
  });

  it('works from the instrument alone: every item of every version maps by its text in every language', () => {
    for (const version of INSTRUMENTS) {
      for (const lang of version.languages) {
        const plan = planColumns(version, [['level', ...version.items.map((i) => i.text[lang])]]);
        expect(plan.columns.slice(1).map((c) => c.target?.kind === 'item' && c.target.item.id)).toEqual(
          version.items.map((i) => i.id),
        );
      }
    }
  });
});
