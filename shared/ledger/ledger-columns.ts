// The ledger in a responses CSV (`orgos score`, and any reader of that layout): the template's columns, and a row's
// ledger cells turned into entries and checked, an error naming the column. Column names are the survey form's field
// names (ledger-fields.ts): `ledger_time_1_category`, `ledger_waiting_2_held_by`, … A reader hooks it in with three
// calls: `ledgerColumn` for each header name, then per row `cell` for each ledger cell and `finish`.

import type { Instrument } from '../instrument';
import { ledgerDesignFor } from './design';
import { LedgerCodes } from './ledger-codes';
import { formFieldOf, LEDGER_FIELD, ledgerFieldName, ledgerFromFields } from './ledger-fields';
import type { LedgerAnswers, ResolvedLedgerDesign } from './types';
import { ledgerIssues } from './validate';

const COLUMNS = {
  time: ['category', 'hours', 'reason', 'label'],
  waiting: ['kind', 'held_by', 'days', 'times', 'label'],
  knowledge: ['category', 'checks', 'sop', 'label'],
} as const;

/** The ledger columns `orgos template` prints, after the item columns; none for an instrument without the step. */
export function ledgerColumns(instrument: Instrument): string[] {
  const max = instrument.ledger?.maxEntries ?? 0;
  return (['time', 'waiting', 'knowledge'] as const).flatMap((ledger) =>
    Array.from({ length: max }, (_, i) => COLUMNS[ledger].map((field) => ledgerFieldName(ledger, i + 1, field))).flat(),
  );
}

/** Whether a header names a ledger column of this instrument. */
export function isLedgerColumn(instrument: Instrument, name: string): boolean {
  const m = LEDGER_FIELD.exec(name);
  if (!m || !instrument.ledger) return false;
  const ledger = m[1] as keyof typeof COLUMNS;
  return Number(m[2]) <= instrument.ledger.maxEntries && (COLUMNS[ledger] as readonly string[]).includes(m[3]!);
}

/** Every field name a ledger column may end in (a column of another ledger's field is read, and never fits). */
const ENTRY_FIELD: Record<string, true> = Object.fromEntries(
  Object.values(COLUMNS).flatMap((fields) => fields.map((f) => [f, true])),
);
/** Room per slot in LedgerCells' column index: more than any ledger's fields. */
const FIELD_STRIDE = 8;
/** The fields holding a number (hours, days, times a month, checks): `scan` reads them from their char codes. */
const NUMBER_FIELDS: Record<string, true> = { hours: true, days: true, times: true, checks: true };
/**
 * A number cell read in place, in its slot's values (no cell is stored empty): its text is sliced only if the row's
 * problem is to be named (`#problem`).
 */
const IN_PLACE = '';
/** Room in LedgerCells' table of values already seen (ids, holders, small numbers' texts): a power of two. */
const SEEN_SIZE = 512;
const ZERO = 48;
const DOT = 46;
const COMMA = 44;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_FAST_DIGITS = 15;

/** The fields of one entry slot (`ledger_time_2_…`), in COLUMNS order: their values in the row being read. */
interface Slot {
  ledger: 'time' | 'waiting' | 'knowledge';
  /** 1-based, as the column names number them. */
  number: number;
  /** Per field of COLUMNS[ledger], the row's value; undefined for an empty cell. */
  values: (string | undefined)[];
}

const LEDGER_ORDER = ['time', 'waiting', 'knowledge'] as const;
/** A number field's value for LedgerCodes: NaN when the field is empty. */
const num = (v: string | undefined, n: number) => (v === undefined ? Number.NaN : n);
/** Decimal commas read as points ("2,5"); anything that is not a finite number is NaN, which no range holds. */
function numberOf(v: string | undefined): number {
  if (v === undefined) return Number.NaN;
  const n = Number(v.indexOf(',') >= 0 ? v.replace(',', '.') : v);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * The ledger cells of one data row at a time. Without a campaign, a wait may be held by any department name (the
 * department column is free text too) and categories are the instrument's; labels are cleaned as the API cleans them.
 * The header is compiled once into entry slots; a row's cells go straight into their slot, and `finish` codes the
 * filled slots into one reused LedgerCodes, which is the one check of the entries (the detailed check, with the
 * message naming the column, only runs for a row that fails it).
 */
export class LedgerCells {
  readonly #names: readonly string[];
  readonly #design: ResolvedLedgerDesign;
  /** Entry slots in the order the survey numbers entries: time, waiting, knowledge, each by slot number. */
  readonly #slots: Slot[] = [];
  /** Per column, where its value goes: slot index × FIELD_STRIDE + field index; -1 not read, -2 a field of no entry. */
  readonly #at: Int32Array;
  /** Values of ledger-looking columns that name no field of their ledger: any filled one makes the row not fit. */
  #stray = false;
  /** Bit i set: slot i has a value in this row (slots are at most 3 ledgers × 9). */
  #filled = 0;
  readonly #codes: LedgerCodes;
  /** Per column: whether its field holds a number. */
  readonly #isNumber: Uint8Array;
  /** Per slot × FIELD_STRIDE + field: the number a number field holds in the row (numberOf of its text). */
  readonly #numbers: Float64Array;
  /** Where a number cell read in place stands (IN_PLACE in its slot's values), to slice it for a problem's message. */
  readonly #spans: { text: string; start: number; end: number }[];
  /** Texts of cells seen before, by a hash of their chars: a repeated id costs no copy, and its Map hash is kept. */
  readonly #seen: (string | undefined)[] = new Array<string | undefined>(SEEN_SIZE).fill(undefined);

  /**
   * `names`: the header, in file order, a ledger column by its template name (any other name is not read). `design`:
   * what the entries are checked against; without it, the instrument's lists, any department, labels allowed.
   */
  constructor(instrument: Instrument, names: readonly string[], design?: ResolvedLedgerDesign) {
    this.#names = names;
    const own = design ?? ledgerDesignFor(instrument, undefined, null);
    if (!own) throw new Error(`instrument ${instrument.version} has no ledger step`);
    this.#design = design ?? { ...own, labels: true };
    this.#codes = new LedgerCodes(this.#design);
    const parsed = names.map((name) => LEDGER_FIELD.exec(name));
    for (const ledger of LEDGER_ORDER) {
      const numbers = new Set(parsed.flatMap((m) => (m && m[1] === ledger ? [Number(m[2])] : [])));
      for (const number of [...numbers].sort((a, b) => a - b)) {
        this.#slots.push({ ledger, number, values: COLUMNS[ledger].map(() => undefined) });
      }
    }
    this.#at = Int32Array.from(parsed, (m) => {
      if (!m || !ENTRY_FIELD[m[3]!]) return -1;
      const ledger = m[1] as Slot['ledger'];
      const field = (COLUMNS[ledger] as readonly string[]).indexOf(m[3]!);
      if (field < 0) return -2;
      const slot = this.#slots.findIndex((s) => s.ledger === ledger && s.number === Number(m[2]));
      return slot * FIELD_STRIDE + field;
    });
    this.#isNumber = Uint8Array.from(parsed, (m) => (m && NUMBER_FIELDS[m[3]!] ? 1 : 0));
    this.#numbers = new Float64Array(this.#slots.length * FIELD_STRIDE);
    this.#spans = Array.from({ length: this.#slots.length * FIELD_STRIDE }, () => ({ text: '', start: 0, end: 0 }));
  }

  /**
   * The ledger cell of `column` that starts at `start` of `text` and runs to the next `delimiter` char code (or to
   * `end`), read in one pass over its chars: the same as `cell` of its text, without a copy for a number or a value
   * seen before. Returns where the cell ends.
   */
  scan(column: number, text: string, start: number, end: number, delimiter: number): number {
    const at = this.#at[column]!;
    let q = start;
    if (at >= 0 && this.#isNumber[column] === 1) {
      // A plain decimal (a point or a comma) of up to 15 digits: exactly Number's value, as in numberOf.
      let mantissa = 0;
      let digits = 0;
      let fraction = -1;
      let plain = true;
      for (; q < end; q++) {
        const c = text.charCodeAt(q);
        if (c === delimiter) break;
        if (c >= ZERO && c <= ZERO + 9) {
          mantissa = mantissa * 10 + (c - ZERO);
          digits++;
          if (fraction >= 0) fraction++;
        } else if ((c === DOT || c === COMMA) && fraction < 0) fraction = 0;
        else plain = false;
      }
      if (plain && digits > 0 && digits <= MAX_FAST_DIGITS) {
        const slot = (at / FIELD_STRIDE) | 0;
        this.#numbers[at] = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
        const span = this.#spans[at]!;
        span.text = text;
        span.start = start;
        span.end = q;
        this.#slots[slot]!.values[at - slot * FIELD_STRIDE] = IN_PLACE;
        this.#filled |= 1 << slot;
        return q;
      }
      this.cell(column, text.slice(start, q));
      return q;
    }
    let hash = 0;
    for (; q < end; q++) {
      const c = text.charCodeAt(q);
      if (c === delimiter) break;
      hash = (hash * 31 + c) | 0;
    }
    const length = q - start;
    // Spaces around the value, or a column not read: as `cell` takes them.
    if (at < 0 || length === 0 || text.charCodeAt(start) <= 32 || text.charCodeAt(q - 1) <= 32) {
      if (length > 0) this.cell(column, text.slice(start, q));
      return q;
    }
    const h = (hash ^ (hash >>> 9)) & (SEEN_SIZE - 1);
    let v = this.#seen[h];
    if (v === undefined || !sameText(v, text, start, length)) {
      v = text.slice(start, q);
      this.#seen[h] = v;
    }
    const slot = (at / FIELD_STRIDE) | 0;
    this.#slots[slot]!.values[at - slot * FIELD_STRIDE] = v;
    this.#filled |= 1 << slot;
    return q;
  }

  /** A ledger cell of the row being read (trimmed here). */
  cell(column: number, value: string): void {
    const v =
      value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32)
        ? value.trim()
        : value;
    const at = this.#at[column]!;
    if (v.length === 0 || at === -1) return;
    if (at === -2) {
      this.#stray = true;
      return;
    }
    const slot = (at / FIELD_STRIDE) | 0;
    this.#slots[slot]!.values[at - slot * FIELD_STRIDE] = v;
    if (this.#isNumber[column] === 1) this.#numbers[at] = numberOf(v);
    this.#filled |= 1 << slot;
  }

  /**
   * Ends the row: its entries (null when every ledger cell was empty; the LedgerCodes every row reuses, holding this
   * row's until the next `finish`), or the first problem with the 0-based column it is in. Ready for the next row.
   */
  finish(): LedgerCodes | null | { column: number; detail: string } {
    const filled = this.#filled;
    const codes = this.#codes;
    codes.clear();
    if (filled === 0 && !this.#stray) return null;
    let fits = !this.#stray;
    const slots = this.#slots;
    // A number field's value is in #numbers (NaN when it is empty or no number).
    const n = this.#numbers;
    for (let i = 0; i < slots.length && fits; i++) {
      if ((filled & (1 << i)) === 0) continue;
      const { ledger, values: v } = slots[i]!;
      const at = i * FIELD_STRIDE;
      if (ledger === 'time') fits = codes.addTime(v[0], num(v[1], n[at + 1]!), v[2], v[3]);
      else if (ledger === 'waiting')
        fits = codes.addWait(v[0], v[1], num(v[2], n[at + 2]!), num(v[3], n[at + 3]!), v[4]);
      else fits = codes.addKnowledge(v[0], num(v[1], n[at + 1]!), v[2], v[3]);
    }
    const result = fits ? codes : this.#problem();
    for (let i = 0; i < slots.length; i++) {
      if ((filled & (1 << i)) === 0) continue;
      const values = slots[i]!.values;
      for (let f = 0; f < values.length; f++) values[f] = undefined;
    }
    this.#filled = 0;
    this.#stray = false;
    return result;
  }

  /** The first problem of a row that does not fit, with its column (the slow path). */
  #problem(): { column: number; detail: string } {
    const named: Record<string, string> = {};
    this.#slots.forEach((s, i) => {
      s.values.forEach((v, f) => {
        const span = this.#spans[i * FIELD_STRIDE + f]!;
        const text = v === IN_PLACE ? span.text.slice(span.start, span.end) : v;
        if (text !== undefined) named[ledgerFieldName(s.ledger, s.number, COLUMNS[s.ledger][f]!)] = text;
      });
    });
    const { ledger, slots } = ledgerFromFields(named);
    const issue = this.#stray
      ? { field: 'ledger', message: 'a ledger column names no field of its ledger' }
      : (ledgerIssues(this.#design, ledger)[0] ?? { field: 'ledger', message: 'does not fit the ledger step' });
    const field = formFieldOf(issue.field, slots);
    const column = field ? this.#names.indexOf(field) : -1;
    if (column >= 0) return { column, detail: issue.message };
    // The field's column is not in the file (an entry without its hours column, say): name the entry's first column.
    const entry = /^ledger\.(time|waiting|knowledge)\[(\d+)\]/.exec(issue.field);
    const slot = entry ? slots[entry[1] as 'time'][Number(entry[2])] : undefined;
    const first = entry ? this.#names.findIndex((n) => n.startsWith(`ledger_${entry[1]}_${slot}_`)) : -1;
    return { column: Math.max(0, first), detail: `${field ? `no ${field} column` : issue.field}: ${issue.message}` };
  }
}

/** A ledger's cells in `ledgerColumns` order ('' for an empty slot or field): what a CSV writer puts in those columns. */
export function ledgerCsvCells(instrument: Instrument, ledger: LedgerAnswers | undefined): string[] {
  const values = new Map<string, string>();
  const put = (name: string, v: string | number | undefined) => {
    if (v !== undefined) values.set(name, String(v));
  };
  ledger?.time?.forEach((e, i) => {
    put(ledgerFieldName('time', i + 1, 'category'), e.category);
    put(ledgerFieldName('time', i + 1, 'hours'), e.hoursPerWeek);
    put(ledgerFieldName('time', i + 1, 'reason'), e.reason);
    put(ledgerFieldName('time', i + 1, 'label'), e.label);
  });
  ledger?.waiting?.forEach((e, i) => {
    put(ledgerFieldName('waiting', i + 1, 'kind'), e.kind);
    put(
      ledgerFieldName('waiting', i + 1, 'held_by'),
      'level' in e.heldBy ? `level:${e.heldBy.level}` : e.heldBy.department,
    );
    put(ledgerFieldName('waiting', i + 1, 'days'), e.days);
    put(ledgerFieldName('waiting', i + 1, 'times'), e.timesPerMonth);
    put(ledgerFieldName('waiting', i + 1, 'label'), e.label);
  });
  ledger?.knowledge?.forEach((e, i) => {
    put(ledgerFieldName('knowledge', i + 1, 'category'), e.category);
    put(ledgerFieldName('knowledge', i + 1, 'checks'), e.checksPerWeek);
    put(ledgerFieldName('knowledge', i + 1, 'sop'), e.sop);
    put(ledgerFieldName('knowledge', i + 1, 'label'), e.label);
  });
  return ledgerColumns(instrument).map((c) => values.get(c) ?? '');
}

/** Whether `v` is `text.slice(start, start + length)`: char by char, cheaper than startsWith for a short cell. */
function sameText(v: string, text: string, start: number, length: number): boolean {
  if (v.length !== length) return false;
  for (let k = 0; k < length; k++) if (v.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
