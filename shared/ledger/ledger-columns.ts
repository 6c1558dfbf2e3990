// The ledger in a responses CSV (`orgos score`, and any reader of that layout): the template's columns, and a row's
// ledger cells turned into entries and checked, an error naming the column. Column names are the survey form's field
// names (ledger-fields.ts): `ledger_time_1_category`, `ledger_waiting_2_held_by`, … A reader hooks it in with three
// calls: `ledgerColumn` for each header name, then per row `cell` for each ledger cell and `finish`.

import type { Instrument } from '../instrument';
import { engineLedgerDesign, ledgerDesignFor } from './design';
import { storedLedger } from './label-text';
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

/**
 * The ledger cells of one data row at a time. Without a campaign, a wait may be held by any department name (the
 * department column is free text too) and categories are the instrument's; labels are cleaned as the API cleans them.
 */
export class LedgerCells {
  readonly #names: readonly string[];
  readonly #design: ResolvedLedgerDesign;
  #values: Record<string, string> = {};

  /** `names`: the header, in file order. */
  constructor(instrument: Instrument, names: readonly string[]) {
    this.#names = names;
    const design = ledgerDesignFor(instrument, undefined, null) ?? engineLedgerDesign(instrument);
    if (!design) throw new Error(`instrument ${instrument.version} has no ledger step`);
    this.#design = { ...design, labels: true };
  }

  /** A ledger cell of the row being read (trimmed by the caller or not). */
  cell(column: number, value: string): void {
    const v = value.trim();
    if (v.length > 0) this.#values[this.#names[column]!] = v;
  }

  /**
   * Ends the row: its entries (undefined when every ledger cell was empty), or the first problem with the 0-based
   * column it is in. Ready for the next row either way.
   */
  finish(): { ledger: LedgerAnswers | undefined } | { column: number; detail: string } {
    const values = this.#values;
    this.#values = {};
    const { ledger, slots } = ledgerFromFields(values);
    if (!ledger) return { ledger: undefined };
    const issues = ledgerIssues(this.#design, ledger);
    if (issues.length === 0) return { ledger: storedLedger(ledger as LedgerAnswers) };
    const issue = issues[0]!;
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
