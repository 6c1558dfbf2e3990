// A file's header rows → which column holds what. Matched by item id, by the item's text in any of the instrument's
// languages (normalised, so a survey tool's export of the orgos survey maps itself), or through a mapping file;
// everything else is ignored and said so. Identifying columns (e-mail, name, IP address, respondent id) are never
// read: their cells are skipped unseen, and no mapping may point one at anything.
import { type Instrument, type Item, LEVELS } from '../instrument';
import { ledgerColumns } from '../ledger/ledger-columns';
import { CsvError } from './errors';
import type { ImportMapping, RecodeValue } from './mapping';
import { normaliseText, similarity } from './normalise';

export const LEVEL_COLUMN = 'level';
export const DEPARTMENT_COLUMN = 'department';
export const DURATION_COLUMN = 'duration_s';
export const SEGMENT_COLUMNS = [LEVEL_COLUMN, DEPARTMENT_COLUMN, DURATION_COLUMN] as const;

/** The header `orgos template` prints: segment columns, every item id in instrument order, then the ledger's. */
export function templateHeader(instrument: Instrument): string[] {
  return [...SEGMENT_COLUMNS, ...instrument.items.map((item) => item.id), ...ledgerColumns(instrument)];
}

export type ColumnTarget =
  | { kind: 'item'; item: Item; index: number }
  | { kind: 'level' }
  | { kind: 'department' }
  | { kind: 'duration' }
  /** A ledger step column (`ledger_time_1_category`, …: shared/ledger ledger-columns.ts), by its template name. */
  | { kind: 'ledger'; name: string };

/** How a column was matched: `text` names the language of the item text it equals. */
export type MatchedBy = { by: 'id' } | { by: 'text'; language: string } | { by: 'map' } | { by: 'alias' };

export type IgnoredBecause =
  /** Nothing it says matches an item; `orgos map` proposes the nearest. */
  | 'unmatched'
  /** A tool's own column: timestamps, progress, status. */
  | 'metadata'
  /** Would say who answered: never read. */
  | 'identifying'
  /** The mapping file says to ignore it (null). */
  | 'mapping';

export interface PlannedColumn {
  /** 0-based position in the file. */
  index: number;
  /** The first header row's cell, trimmed: the column's name in messages and in a mapping file. */
  name: string;
  /** The question text of a Qualtrics export (its second header row), when there is one. */
  text: string | null;
  target: ColumnTarget | null;
  matched: MatchedBy | null;
  ignored: IgnoredBecause | null;
  /** The mapping's recodes for this column's target, keys trimmed and in lower case. */
  recode: ReadonlyMap<string, RecodeValue> | null;
}

export interface ColumnPlan {
  instrument: Instrument;
  columns: PlannedColumn[];
  /** Header rows before the data: 1, or 3 for Qualtrics (ids, question text, ImportId). */
  headerRows: number;
  /** The survey tool the layout was recognised as, when the layout says so. */
  tool: 'Qualtrics' | null;
  /** The line the first header row starts on. */
  line: number;
}

export const targetName = (t: ColumnTarget): string =>
  t.kind === 'item'
    ? t.item.id
    : t.kind === 'ledger'
      ? t.name
      : t.kind === 'level'
        ? LEVEL_COLUMN
        : t.kind === 'department'
          ? DEPARTMENT_COLUMN
          : DURATION_COLUMN;

/**
 * Header names (normalised) of columns that identify a person. Exact names, and below any name holding one of the
 * IDENTIFYING_PARTS: a department called "Name" would be a strange department.
 */
const IDENTIFYING = new Set(
  [
    'name',
    'full name',
    'first name',
    'last name',
    'surname',
    'given name',
    'respondent name',
    'vorname',
    'nachname',
    '姓名',
    '名字',
    'id',
    'response id',
    'respondent id',
    'respondent',
    'responder',
    'participant id',
    'user id',
    'user name',
    'username',
    'login',
    'employee id',
    'employee number',
    'personalnummer',
    'mitarbeiter id',
    '工号',
    'token',
    'external reference',
    'external data reference',
    'recipient first name',
    'recipient last name',
    'ip',
    'ip address',
    'ipaddr',
    'ip adresse',
    'refurl',
    'referrer',
    'phone',
    'telephone',
    'telefon',
    'mobile',
    '电话',
    '手机',
  ].map(normaliseText),
);
const IDENTIFYING_PARTS = ['email', 'mail', '邮箱', '邮件', 'ipaddress', 'latitude', 'longitude'].map(normaliseText);

/** Columns survey tools add that are about the answering, not answers. Ignored, and never proposed as items. */
const METADATA = new Set(
  [
    'timestamp',
    'zeitstempel',
    '时间戳',
    '提交时间',
    'start date',
    'end date',
    'status',
    'progress',
    'finished',
    'recorded date',
    'response type',
    'distribution channel',
    'user language',
    'submitdate',
    'lastpage',
    'startlanguage',
    'seed',
    'startdate',
    'datestamp',
    'interviewtime',
    'start time',
    'completion time',
    'last modified time',
    'score',
    'total score',
    'points',
    'feedback',
  ].map(normaliseText),
);

/** Tool columns read as a segment without a mapping: Qualtrics' time taken, in seconds. */
const DURATION_ALIASES = new Set(['Duration (in seconds)', 'duration'].map(normaliseText));

export function isIdentifying(name: string): boolean {
  const n = normaliseText(name);
  return IDENTIFYING.has(n) || IDENTIFYING_PARTS.some((part) => n.includes(part));
}

/** The third header row of a Qualtrics export: `{"ImportId":"QID12_3"}` in (nearly) every cell. */
function isImportIdRow(record: readonly string[]): boolean {
  const filled = record.filter((cell) => cell.trim().length > 0);
  return (
    filled.length > 0 && filled.filter((cell) => cell.trimStart().startsWith('{"ImportId"')).length * 2 > filled.length
  );
}

/** How many of the first records are header rows: 3 for a Qualtrics export, else 1. Needs up to the first three. */
export function headerRowsOf(records: readonly (readonly string[])[]): number {
  return records.length >= 3 && isImportIdRow(records[2]!) ? 3 : 1;
}

/** The parts of a header a survey tool builds around the item text: `Grid title [statement]`, `Question - statement`. */
function textVariants(text: string): string[] {
  const out = [text];
  const bracket = /\[([^\]]+)\]\s*$/.exec(text);
  if (bracket) out.push(bracket[1]!);
  const dash = text.lastIndexOf(' - ');
  if (dash > 0) out.push(text.slice(dash + 3));
  return out;
}

interface TargetIndex {
  byId: Map<string, ColumnTarget>;
  byText: Map<string, { target: ColumnTarget; language: string }[]>;
}

const indexes = new WeakMap<Instrument, TargetIndex>();

function targetIndex(instrument: Instrument): TargetIndex {
  let index = indexes.get(instrument);
  if (index) return index;
  const byId = new Map<string, ColumnTarget>([
    [LEVEL_COLUMN, { kind: 'level' }],
    [DEPARTMENT_COLUMN, { kind: 'department' }],
    [DURATION_COLUMN, { kind: 'duration' }],
  ]);
  const byText = new Map<string, { target: ColumnTarget; language: string }[]>();
  const addText = (text: string, target: ColumnTarget, language: string) => {
    const key = normaliseText(text);
    if (key.length === 0) return;
    const list = byText.get(key) ?? [];
    if (!list.some((e) => targetName(e.target) === targetName(target))) list.push({ target, language });
    byText.set(key, list);
  };
  instrument.items.forEach((item, i) => {
    const target: ColumnTarget = { kind: 'item', item, index: i };
    byId.set(item.id.toLowerCase(), target);
    for (const lang of instrument.languages) addText(item.text[lang], target, lang);
  });
  // Ledger columns by their template name only: they have no question text of their own.
  for (const name of ledgerColumns(instrument)) byId.set(name, { kind: 'ledger', name });
  for (const lang of instrument.languages) {
    addText(instrument.segments.level.text[lang], { kind: 'level' }, lang);
    addText(instrument.segments.department.text[lang], { kind: 'department' }, lang);
  }
  index = { byId, byText };
  indexes.set(instrument, index);
  return index;
}

/** The target a mapping file names (item id, level, department, duration_s, a ledger column), or null. */
export function targetByName(instrument: Instrument, name: string): ColumnTarget | null {
  return targetIndex(instrument).byId.get(name.trim().toLowerCase()) ?? null;
}

const describeMatch = (m: MatchedBy) => (m.by === 'text' ? `by its ${m.language} text` : `by ${m.by}`);

export interface PlanOptions {
  mapping?: ImportMapping | undefined;
  /** The line the first header row starts on (1 unless something came before it). */
  line?: number;
  /** Whether a level column is required (the CLI and the API need one per row; `orgos map` proposes without). */
  requireLevel?: boolean;
}

/** Recodes a target gets from the mapping: the item's own over `likert`'s, keys trimmed and in lower case. */
function recodesFor(mapping: ImportMapping | undefined, target: ColumnTarget): Map<string, RecodeValue> | null {
  const values = mapping?.values;
  if (!values) return null;
  const sources: (Record<string, RecodeValue> | undefined)[] = [];
  if (target.kind === 'item' && target.item.type === 'likert') sources.push(values.likert);
  sources.push(values[targetName(target)]);
  const out = new Map<string, RecodeValue>();
  for (const source of sources) {
    for (const [from, to] of Object.entries(source ?? {})) out.set(from.trim().toLowerCase(), to);
  }
  return out.size > 0 ? out : null;
}

/**
 * The plan for a file whose header rows are `headers` (1, or 3 for Qualtrics: see `headerRowsOf`). Throws CsvError
 * for a column matching two targets, two columns matching one, a mapping naming what the instrument lacks or
 * pointing an identifying column at anything, and (with `requireLevel`) a file without a level column.
 */
export function planColumns(
  instrument: Instrument,
  headers: readonly (readonly string[])[],
  options: PlanOptions = {},
): ColumnPlan {
  const line = options.line ?? 1;
  const headerRows = headers.length;
  const tool = headerRows === 3 ? 'Qualtrics' : null;
  const names = (headers[0] ?? []).map((h) => h.trim());
  const texts = headerRows === 3 ? headers[1]!.map((h) => h.trim()) : null;
  const { byId, byText } = targetIndex(instrument);
  const mapped = options.mapping?.columns ?? {};
  const mappedNames = new Map(Object.entries(mapped).map(([k, v]) => [k.trim(), v]));
  const at = (i: number) => ({ line, row: 0, column: { index: i + 1, name: names[i]! } });

  const columns = names.map((name, i): PlannedColumn => {
    const text = texts?.[i] || null;
    const identifying = isIdentifying(name) || (text !== null && isIdentifying(text));
    const column: PlannedColumn = { index: i, name, text, target: null, matched: null, ignored: null, recode: null };
    if (mappedNames.has(name)) {
      const to = mappedNames.get(name)!;
      if (to === null) return { ...column, ignored: identifying ? 'identifying' : 'mapping' };
      if (identifying) {
        throw new CsvError(at(i), `identifies a person and is never read; the mapping may not point it at "${to}"`);
      }
      const target = targetByName(instrument, to);
      if (!target) {
        throw new CsvError(
          at(i),
          `the mapping points it at "${to}", which is not an item id of ${instrument.id}@${instrument.version}` +
            ` nor ${SEGMENT_COLUMNS.join(', ')}${instrument.ledger ? ' nor a ledger column' : ''} (orgos template lists them)`,
        );
      }
      return { ...column, target, matched: { by: 'map' } };
    }
    const found = new Map<string, { target: ColumnTarget; matched: MatchedBy }>();
    const byName = byId.get(name.toLowerCase());
    if (byName) found.set(targetName(byName), { target: byName, matched: { by: 'id' } });
    for (const source of text === null ? [name] : [name, text]) {
      for (const variant of textVariants(source)) {
        for (const { target, language } of byText.get(normaliseText(variant)) ?? []) {
          if (!found.has(targetName(target)))
            found.set(targetName(target), { target, matched: { by: 'text', language } });
        }
      }
    }
    if (found.size === 0 && DURATION_ALIASES.has(normaliseText(name))) {
      found.set(DURATION_COLUMN, { target: { kind: 'duration' }, matched: { by: 'alias' } });
    }
    if (found.size > 1) {
      const both = [...found].map(([t, { matched }]) => `${t} (${describeMatch(matched)})`);
      throw new CsvError(
        at(i),
        `matches ${found.size} items: ${both.join(' and ')}; say which in a mapping (orgos map proposes one)`,
      );
    }
    const [match] = found.values();
    if (match) return { ...column, target: match.target, matched: match.matched };
    if (identifying) return { ...column, ignored: 'identifying' };
    const metadata = METADATA.has(normaliseText(name)) || (text !== null && METADATA.has(normaliseText(text)));
    return { ...column, ignored: metadata ? 'metadata' : 'unmatched' };
  });

  const byTarget = new Map<string, PlannedColumn>();
  for (const column of columns) {
    if (!column.target) continue;
    const name = targetName(column.target);
    const first = byTarget.get(name);
    if (first) {
      throw new CsvError(
        at(column.index),
        `maps to ${name}, as column ${first.index + 1} "${first.name}" does already; one column per item`,
      );
    }
    byTarget.set(name, column);
    column.recode = recodesFor(options.mapping, column.target);
  }
  if (columns.length === 1 && byTarget.size === 0) {
    throw new CsvError(
      { line, row: 0 },
      `found a single column "${names[0]!.slice(0, 80)}": the file is not separated by commas, semicolons or tabs`,
    );
  }
  if (options.requireLevel !== false && !byTarget.has(LEVEL_COLUMN)) {
    throw new CsvError(
      { line, row: 0 },
      `no column for the level (${LEVELS.join(', ')} for every row): name one "${LEVEL_COLUMN}", or map it` +
        ` (orgos map FILE.csv proposes a mapping)`,
    );
  }
  return { instrument, columns, headerRows, tool, line };
}

/** The columns read into responses. */
export const readColumns = (plan: ColumnPlan) => plan.columns.filter((c) => c.target !== null);

/** The nearest item (or segment question) to an unmatched column's text, for a person to confirm or correct. */
export function nearestTarget(
  instrument: Instrument,
  column: Pick<PlannedColumn, 'name' | 'text'>,
): { target: string; text: string; similarity: number } | null {
  const sources = [column.name, ...(column.text ? [column.text] : [])].flatMap(textVariants).map(normaliseText);
  let best: { target: string; text: string; similarity: number } | null = null;
  const consider = (target: string, text: string) => {
    const key = normaliseText(text);
    for (const source of sources) {
      const s = similarity(source, key);
      if (!best || s > best.similarity) best = { target, text, similarity: Math.round(s * 100) / 100 };
    }
  };
  for (const item of instrument.items) {
    consider(item.id, item.id);
    for (const lang of instrument.languages) consider(item.id, item.text[lang]);
  }
  for (const name of ledgerColumns(instrument)) consider(name, name);
  for (const lang of instrument.languages) {
    consider(LEVEL_COLUMN, instrument.segments.level.text[lang]);
    consider(DEPARTMENT_COLUMN, instrument.segments.department.text[lang]);
  }
  return best;
}
