// The ledger in a responses CSV (`orgos score`, and any reader of that layout): the template's columns, and a row's
// ledger cells turned into entries and checked, an error naming the column. Column names are the survey form's field
// names (ledger-fields.ts): `ledger_time_1_category`, `ledger_waiting_2_held_by`, … A reader hooks it in with three
// calls: `ledgerColumn` for each header name, then per row `cell` for each ledger cell and `finish`.

import type { Instrument } from '../instrument';
import { ledgerDesignFor } from './design';
import { storedLedger } from './label-text';
import { formFieldOf, LEDGER_FIELD, ledgerFieldName, ledgerFromFields } from './ledger-fields';
import type { LedgerAnswers, ResolvedLedgerDesign } from './types';
import { ledgerFits, ledgerIssues } from './validate';

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

/** A ledger column compiled from its header name: where its value goes in the row's entries. */
interface CompiledColumn {
  column: number;
  ledger: 'time' | 'waiting' | 'knowledge';
  slot: number;
  /** Ledger and slot as one number: the columns of one entry share it. */
  group: number;
  /** The entry field (hoursPerWeek, heldBy, …). */
  field: string;
  kind: 'number' | 'holder' | 'text';
}

const ENTRY_FIELD: Record<string, string> = {
  category: 'category',
  hours: 'hoursPerWeek',
  reason: 'reason',
  label: 'label',
  kind: 'kind',
  held_by: 'heldBy',
  days: 'days',
  times: 'timesPerMonth',
  checks: 'checksPerWeek',
  sop: 'sop',
};
const NUMBER_FIELDS = new Set(['hoursPerWeek', 'days', 'timesPerMonth', 'checksPerWeek']);

/**
 * The ledger cells of one data row at a time. Without a campaign, a wait may be held by any department name (the
 * department column is free text too) and categories are the instrument's; labels are cleaned as the API cleans them.
 * The header is compiled once; a row's entries are built straight from its cells and checked with `ledgerFits`, the
 * detailed check (and the message naming the column) only running for a row that fails it.
 */
export class LedgerCells {
  readonly #names: readonly string[];
  readonly #design: ResolvedLedgerDesign;
  readonly #columns: CompiledColumn[] = [];
  /** The row's ledger cells by column, '' for empty. */
  readonly #values: string[];
  #filled = false;

  /**
   * `names`: the header, in file order, a ledger column by its template name (any other name is not read). `design`:
   * what the entries are checked against; without it, the instrument's lists, any department, labels allowed.
   */
  constructor(instrument: Instrument, names: readonly string[], design?: ResolvedLedgerDesign) {
    this.#names = names;
    const own = design ?? ledgerDesignFor(instrument, undefined, null);
    if (!own) throw new Error(`instrument ${instrument.version} has no ledger step`);
    this.#design = design ?? { ...own, labels: true };
    names.forEach((name, column) => {
      const m = LEDGER_FIELD.exec(name);
      const field = m ? ENTRY_FIELD[m[3]!] : undefined;
      if (!m || !field) return;
      const kind = NUMBER_FIELDS.has(field) ? 'number' : field === 'heldBy' ? 'holder' : 'text';
      const ledger = m[1] as CompiledColumn['ledger'];
      const slot = Number(m[2]);
      const group = ['time', 'waiting', 'knowledge'].indexOf(ledger) * 100 + slot;
      this.#columns.push({ column, ledger, slot, group, field, kind });
    });
    // Slot order within each ledger, whatever the column order: entries come out as the survey numbers them.
    this.#columns.sort((a, b) => a.ledger.localeCompare(b.ledger) || a.slot - b.slot);
    this.#values = names.map(() => '');
  }

  /** A ledger cell of the row being read (trimmed here). */
  cell(column: number, value: string): void {
    const v =
      value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32)
        ? value.trim()
        : value;
    this.#values[column] = v;
    if (v.length > 0) this.#filled = true;
  }

  /**
   * Ends the row: its entries (undefined when every ledger cell was empty), or the first problem with the 0-based
   * column it is in. Ready for the next row either way.
   */
  finish(): { ledger: LedgerAnswers | undefined } | { column: number; detail: string } {
    if (!this.#filled) return { ledger: undefined };
    this.#filled = false;
    const values = this.#values;
    const out: Record<string, Record<string, unknown>[]> = {};
    let entry: Record<string, unknown> | null = null;
    let at = -1;
    let labelled = false;
    for (const c of this.#columns) {
      const v = values[c.column]!;
      if (v.length === 0) continue;
      if (c.group !== at) {
        at = c.group;
        entry = {};
        const list = out[c.ledger];
        if (list) list.push(entry);
        else out[c.ledger] = [entry];
      }
      if (c.kind === 'number') {
        const n = Number(v.indexOf(',') >= 0 ? v.replace(',', '.') : v);
        entry![c.field] = Number.isFinite(n) ? n : v;
      } else if (c.kind === 'holder') {
        entry![c.field] = v.startsWith('level:')
          ? { level: v.slice(6) }
          : { department: v.startsWith('department:') ? v.slice(11) : v };
      } else {
        entry![c.field] = v;
        if (c.field === 'label') labelled = true;
      }
    }
    if (ledgerFits(this.#design, out)) {
      const ledger = labelled ? storedLedger(out as LedgerAnswers) : (out as LedgerAnswers);
      values.fill('');
      return { ledger };
    }
    const result = this.#problem();
    values.fill('');
    return result;
  }

  /** The first problem of a row that does not fit, with its column (the slow path). */
  #problem(): { column: number; detail: string } {
    const named: Record<string, string> = {};
    for (const c of this.#columns) named[this.#names[c.column]!] = this.#values[c.column]!;
    const { ledger, slots } = ledgerFromFields(named);
    const issue = ledgerIssues(this.#design, ledger)[0] ?? { field: 'ledger', message: 'does not fit the ledger step' };
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
