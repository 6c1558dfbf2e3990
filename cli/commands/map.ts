// `orgos map FILE.csv > map.json`: proposes a mapping for a file from another survey tool: what matched (by id or item
// text), what did not (with the nearest item text), and the values that would not read, for a person to edit and pass
// back with `orgos score FILE.csv --map map.json` (or to `orgos map` again, to refine it).
import {
  CsvInput,
  type FieldHandler,
  headerRowsOf,
  type ImportMapping,
  nearestTarget,
  type PlannedColumn,
  planColumns,
  ResponseMapper,
  targetName,
} from '../../shared/import';
import { CURRENT_INSTRUMENT, type Instrument } from '../../shared/instrument';
import { byteChunks } from '../csv-reader';
import { InputError } from '../errors';
import { importSummary } from '../import-summary';
import { wrapInputError } from '../score-csv';

export interface MapOptions {
  file: string;
  mapping?: ImportMapping | undefined;
  note?: ((line: string) => void) | undefined;
}

/** Values proposed for recoding per key: at most this many, each at most this long (answers are short). */
const MAX_VALUES = 50;
const MAX_VALUE_LENGTH = 60;
/** A recode a person still has to fill in: it reads as no answer of any kind, so an unedited one is an error. */
export const TO_FILL = '?';

/** The recode key a target's values go under: `likert` for every likert item, else the item id or `level`. */
function recodeKey(column: PlannedColumn): string | null {
  const t = column.target;
  if (!t || t.kind === 'department' || t.kind === 'duration') return null;
  return t.kind === 'item' && t.item.type === 'likert' ? 'likert' : targetName(t);
}

/** Collects the header rows, then the distinct values of the answer columns that would not read. */
class MapScan implements FieldHandler {
  headers: string[][] = [];
  mapper: ResponseMapper | null = null;
  rows = 0;
  skipped = 0;
  readonly unread = new Map<string, Set<string>>();
  #fields: string[] = [];
  #index = 0;
  #filled = false;

  constructor(
    private readonly instrument: Instrument,
    private readonly mapping: ImportMapping | undefined,
  ) {}

  field(text: string, start: number, end: number): void {
    const i = this.#index++;
    if (this.mapper === null) {
      this.#fields.push(text.slice(start, end));
      return;
    }
    const column = this.mapper.plan.columns[i];
    // Ignored columns (identifying ones among them) are not read, as in scoring.
    if (end > start && column?.target) this.#fields[i] = text.slice(start, end);
    if (end > start) this.#filled = true;
  }

  record(): void {
    const fields = this.#fields;
    this.#fields = [];
    this.#index = 0;
    if (this.mapper === null) {
      this.headers.push(fields);
      if (this.headers.length === 3) this.compile();
      return;
    }
    this.#row(fields);
  }

  compile(): void {
    const held = this.headers;
    const headerRows = headerRowsOf(held);
    this.headers = held.slice(0, headerRows);
    this.mapper = new ResponseMapper(
      planColumns(this.instrument, this.headers, { mapping: this.mapping, requireLevel: false }),
    );
    const { columns } = this.mapper.plan;
    for (const fields of held.slice(headerRows)) {
      this.#filled = fields.some((f) => f.length > 0);
      this.#row(fields.map((f, i) => (columns[i]?.target ? f : '')));
    }
  }

  #row(fields: string[]): void {
    this.rows++;
    const filled = this.#filled;
    this.#filled = false;
    if (!filled) {
      this.skipped++;
      return;
    }
    const { columns } = this.mapper!.plan;
    fields.forEach((value, i) => {
      const column = columns[i];
      const key = column && recodeKey(column);
      const v = value?.trim();
      if (!key || !v || v.length > MAX_VALUE_LENGTH) return;
      const seen = this.unread.get(key) ?? new Set<string>();
      if (seen.size >= MAX_VALUES || seen.has(v)) return;
      if (this.mapper!.check(i, v) !== null) seen.add(v);
      this.unread.set(key, seen);
    });
  }
}

export async function mapCommand(options: MapOptions, instrument: Instrument = CURRENT_INSTRUMENT): Promise<string> {
  const scan = new MapScan(instrument, options.mapping);
  const input = new CsvInput(scan);
  try {
    for await (const chunk of byteChunks(options.file)) input.push(chunk);
    input.end();
    if (scan.mapper === null && scan.headers.length > 0) scan.compile();
  } catch (error) {
    throw wrapInputError(options.file, error, null);
  }
  const mapper = scan.mapper;
  if (!mapper) throw new InputError(`${options.file}: the file is empty; expected a header row`);
  const { plan } = mapper;
  const columns: Record<string, string | null> = {};
  const unmatched: Record<string, unknown> = {};
  for (const c of plan.columns) {
    if (c.name.length === 0) continue;
    columns[c.name] = c.target ? targetName(c.target) : null;
    if (c.ignored === 'identifying') unmatched[c.name] = { why: 'identifies a person: never read' };
    else if (c.ignored === 'metadata') unmatched[c.name] = { why: "the survey tool's own column" };
    else if (c.ignored === 'unmatched') {
      const nearest = nearestTarget(instrument, c);
      unmatched[c.name] = {
        why: 'matches no item by id or text',
        ...(c.text ? { text: c.text } : {}),
        ...(nearest ? { nearest: nearest.target, nearestText: nearest.text, similarity: nearest.similarity } : {}),
      };
    }
  }
  const values: Record<string, Record<string, string | number | null>> = structuredClone(options.mapping?.values ?? {});
  for (const [key, seen] of scan.unread) {
    if (seen.size === 0) continue;
    values[key] ??= {};
    for (const v of seen) values[key][v] ??= TO_FILL;
  }
  const covered = new Set(plan.columns.flatMap((c) => (c.target ? [targetName(c.target)] : [])));
  const proposal = {
    instrument: `${instrument.id}@${instrument.version}`,
    columns,
    values,
    unmatched,
    items: {
      withoutColumn: [...instrument.items.map((i) => i.id), 'level', 'department'].filter((id) => !covered.has(id)),
      help:
        'columns: header → item id, level, department or duration_s (null: ignore). values: under likert (every ' +
        `likert item), an item id or level, a value of the file → the answer (1-5, dk, an option id, a level; null: ` +
        `unanswered). Replace every "${TO_FILL}".`,
    },
  };
  const format = input.format!;
  for (const line of importSummary(options.file, {
    format,
    plan,
    rows: scan.rows - scan.skipped,
    skipped: scan.skipped,
  })) {
    options.note?.(line);
  }
  return `${JSON.stringify(proposal, null, 2)}\n`;
}
