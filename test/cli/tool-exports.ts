// Responses written as real survey tools export them, built from the instrument (never hand-edited to fit): the
// orgos survey rebuilt in Google Forms, LimeSurvey, Qualtrics and Microsoft Forms, exported the way each tool (and
// Excel, for Microsoft Forms) writes its files. Each returns the file's bytes; the tests score them beside the
// native `orgos template` file of the same responses.
import { type Instrument, LAYERS, type Language, LEVELS } from '../../shared/instrument';
import type { SurveyResponse } from '../../shared/response';

type Cell = string;

/** RFC 4180 quoting for a delimiter: quote a field holding it, a quote or a line break. */
const quote = (value: string, delimiter: string) =>
  value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const lines = (rows: Cell[][], delimiter: string, eol: string) =>
  rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join(eol) + eol;

const utf8 = (text: string) => new TextEncoder().encode(text);

function likertLabel(instrument: Instrument, value: number | string, lang: Language): string {
  const labels = instrument.likertLabels;
  return value === 'dk' ? labels.dk[lang] : labels[value as 1 | 2 | 3 | 4 | 5][lang];
}

/** An answer as a tool shows it: the likert label, the option's label, empty when unanswered. */
function labelOf(instrument: Instrument, r: SurveyResponse, itemIndex: number, lang: Language): string {
  const item = instrument.items[itemIndex]!;
  const value = r.answers[item.id];
  if (value === undefined) return '';
  if (item.type === 'likert') return likertLabel(instrument, value, lang);
  return item.options.find((o) => o.id === value)!.label[lang];
}

const levelLabel = (instrument: Instrument, r: SurveyResponse, lang: Language) =>
  instrument.segments.level.options.find((o) => o.id === r.level)!.label[lang];

/**
 * Google Forms (Sheets → Download → CSV): `Timestamp`, `Email Address` (when the form collects addresses), then each
 * question's text as its header, answers as the labels respondents chose. UTF-8 without BOM, comma, CRLF.
 */
export function googleFormsCsv(instrument: Instrument, responses: SurveyResponse[], lang: Language = 'en') {
  const header = [
    'Timestamp',
    'Email Address',
    ...instrument.items.map((i) => i.text[lang]),
    instrument.segments.level.text[lang],
    instrument.segments.department.text[lang],
  ];
  const rows = responses.map((r, n) => [
    `2026/03/0${1 + (n % 9)} ${9 + (n % 8)}:${String(n % 60).padStart(2, '0')}:05 AM GMT+1`,
    `person${n}@example.com`,
    ...instrument.items.map((_, i) => labelOf(instrument, r, i, lang)),
    levelLabel(instrument, r, lang),
    r.department ?? '',
  ]);
  return { header, rows, bytes: utf8(lines([header, ...rows], ',', '\r\n')) };
}

/**
 * Excel's "Unicode Text" save of a sheet (how a Google Forms sheet in Chinese comes out of Excel intact): UTF-16 LE
 * with a BOM, tab-separated, CRLF.
 */
export function unicodeTextFile(header: Cell[], rows: Cell[][]): Uint8Array {
  const text = `\ufeff${lines([header, ...rows], '\t', '\r\n')}`;
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/**
 * LimeSurvey (Responses → Export, "question code" headings and "answer codes"): `id`, its metadata and the IP
 * address, then each question's code; likert answers as A1..A5 with A6 for don't know, options and levels as A1..An.
 * The codes are the survey's own, so scoring it needs a mapping: `mappingEdits` is what its author fills into the
 * proposal of `orgos map`.
 */
export function limeSurveyCsv(instrument: Instrument, responses: SurveyResponse[]) {
  const codes = instrument.items.map((item, i) => {
    const group = 'layer' in item ? LAYERS.indexOf(item.layer) + 1 : 9;
    return `G${String(group).padStart(2, '0')}Q${String(i + 1).padStart(2, '0')}`;
  });
  const header = ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'ipaddr', ...codes, 'SEG01', 'SEG02'];
  const rows = responses.map((r, n) => [
    String(n + 1),
    `2026-03-02 10:${String(n % 60).padStart(2, '0')}:00`,
    '4',
    'en',
    String(1000 + n),
    `192.0.2.${n % 250}`,
    ...instrument.items.map((item) => {
      const v = r.answers[item.id];
      if (v === undefined) return '';
      if (item.type === 'likert') return v === 'dk' ? 'A6' : `A${v}`;
      return `A${item.options.findIndex((o) => o.id === v) + 1}`;
    }),
    `A${LEVELS.indexOf(r.level) + 1}`,
    r.department ?? '',
  ]);
  const values: Record<string, Record<string, string | number>> = {
    likert: { A1: 1, A2: 2, A3: 3, A4: 4, A5: 5, A6: 'dk' },
    level: Object.fromEntries(LEVELS.map((l, i) => [`A${i + 1}`, l])),
  };
  for (const item of instrument.items) {
    if (item.type === 'choice') values[item.id] = Object.fromEntries(item.options.map((o, i) => [`A${i + 1}`, o.id]));
  }
  const columns: Record<string, string> = { SEG01: 'level', SEG02: 'department' };
  codes.forEach((code, i) => {
    columns[code] = instrument.items[i]!.id;
  });
  return { bytes: utf8(lines([header, ...rows], ',', '\n')), mappingEdits: { columns, values } };
}

/**
 * Qualtrics (Data & Analysis → Export → CSV, "use choice text"): three header rows (column ids, question text,
 * ImportId JSON), its metadata columns (IP address, recipient names and e-mail, location among them), each layer a
 * matrix question whose columns read `Question - statement`, and the time taken in `Duration (in seconds)`. UTF-8
 * with a BOM, comma, CRLF.
 */
export function qualtricsCsv(instrument: Instrument, responses: SurveyResponse[], lang: Language = 'de') {
  const meta: [string, string, string][] = [
    ['StartDate', 'Start Date', '{"ImportId":"startDate","timeZone":"Europe/Berlin"}'],
    ['EndDate', 'End Date', '{"ImportId":"endDate","timeZone":"Europe/Berlin"}'],
    ['Status', 'Response Type', '{"ImportId":"status"}'],
    ['IPAddress', 'IP Address', '{"ImportId":"ipAddress"}'],
    ['Progress', 'Progress', '{"ImportId":"progress"}'],
    ['Duration (in seconds)', 'Duration (in seconds)', '{"ImportId":"duration"}'],
    ['Finished', 'Finished', '{"ImportId":"finished"}'],
    ['RecordedDate', 'Recorded Date', '{"ImportId":"recordedDate","timeZone":"Europe/Berlin"}'],
    ['ResponseId', 'Response ID', '{"ImportId":"_recordId"}'],
    ['RecipientLastName', 'Recipient Last Name', '{"ImportId":"recipientLastName"}'],
    ['RecipientFirstName', 'Recipient First Name', '{"ImportId":"recipientFirstName"}'],
    ['RecipientEmail', 'Recipient Email', '{"ImportId":"recipientEmail"}'],
    ['ExternalReference', 'External Data Reference', '{"ImportId":"externalDataReference"}'],
    ['LocationLatitude', 'Location Latitude', '{"ImportId":"locationLatitude"}'],
    ['LocationLongitude', 'Location Longitude', '{"ImportId":"locationLongitude"}'],
    ['DistributionChannel', 'Distribution Channel', '{"ImportId":"distributionChannel"}'],
    ['UserLanguage', 'User Language', '{"ImportId":"userLanguage"}'],
  ];
  const perQuestion = new Map<string, number>();
  const items = instrument.items.map((item) => {
    const group = 'layer' in item ? item.layer : item.signal;
    const q = [...new Set(instrument.items.map((i) => ('layer' in i ? i.layer : i.signal)))].indexOf(group) + 1;
    const k = (perQuestion.get(group) ?? 0) + 1;
    perQuestion.set(group, k);
    const title =
      'layer' in item ? instrument.layers[item.layer].question[lang] : instrument.signals[item.signal]!.name[lang];
    return item.type === 'choice'
      ? [`Q${q}`, item.text[lang], `{"ImportId":"QID${q}"}`]
      : [`Q${q}_${k}`, `${title} - ${item.text[lang]}`, `{"ImportId":"QID${q}_${k}"}`];
  });
  const segments = [
    ['Q90', instrument.segments.level.text[lang], '{"ImportId":"QID90"}'],
    ['Q91', instrument.segments.department.text[lang], '{"ImportId":"QID91"}'],
  ];
  const columns = [...meta, ...items, ...segments];
  const rows = responses.map((r, n) => [
    '2026-03-02 09:00:00',
    '2026-03-02 09:06:00',
    'IP Address',
    `198.51.100.${n % 250}`,
    '100',
    r.durationS === undefined ? '' : String(r.durationS),
    'True',
    '2026-03-02 09:06:01',
    `R_${(n * 7919).toString(36).padStart(15, 'x')}`,
    `Nachname${n}`,
    `Vorname${n}`,
    `person${n}@example.com`,
    '',
    '52.52',
    '13.40',
    'anonymous',
    lang.toUpperCase(),
    ...instrument.items.map((_, i) => labelOf(instrument, r, i, lang)),
    levelLabel(instrument, r, lang),
    r.department ?? '',
  ]);
  const header = [0, 1, 2].map((row) => columns.map((c) => c[row]!));
  return { bytes: utf8(`\ufeff${lines([...header, ...rows], ',', '\r\n')}`) };
}

/** Windows-1252's characters for bytes 0x80-0x9F, from the encoding standard's table (0x81, 0x8D, 0x8F, 0x90, 0x9D unused). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes of text, as Excel on Western Windows saves "CSV"; throws on a character it cannot hold. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    const high = CP1252_HIGH.indexOf(ch);
    const byte = high >= 0 ? 0x80 + high : c < 0x80 || (c >= 0xa0 && c < 0x100) ? c : undefined;
    if (byte === undefined) throw new Error(`"${ch}" has no Windows-1252 byte`);
    return byte;
  });
}

/**
 * Microsoft Forms → "Open in Excel" → saved by Excel (German locale, Mac) as "CSV": Windows-1252, semicolons, CR line
 * ends, likert answers as numbers Excel writes `4.0`, don't know and options as labels; `ID`, `Email`, `Name` and times
 * first; three all-semicolon rows at the end where the sheet once had formatting.
 */
export function microsoftFormsExcelCsv(instrument: Instrument, responses: SurveyResponse[], lang: Language = 'de') {
  const header = [
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    ...instrument.items.map((i) => i.text[lang]),
    instrument.segments.level.text[lang],
    instrument.segments.department.text[lang],
  ];
  const rows = responses.map((r, n) => [
    String(n + 1),
    '02.03.26 09:00',
    '02.03.26 09:07',
    `person${n}@example.com`,
    `Person ${n}`,
    ...instrument.items.map((item, i) => {
      const v = r.answers[item.id];
      return item.type === 'likert' && typeof v === 'number' ? `${v}.0` : labelOf(instrument, r, i, lang);
    }),
    levelLabel(instrument, r, lang),
    r.department ?? '',
  ]);
  const empty = header.map(() => '');
  return { bytes: windows1252(lines([header, ...rows, empty, empty, empty], ';', '\r')) };
}
