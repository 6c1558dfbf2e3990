// The ledger step's fields ↔ the API's ledger entries: `ledger_{time|waiting|knowledge}_{slot}_{field}`, slot 1..3.
// One vocabulary for the survey form (the plain post and the survey script) and the CSV columns `orgos template`
// prints. Imports nothing, so the survey script that bundles it stays small; what a field holds is checked by
// validate.ts (this only shapes what was typed).

export const LEDGER_FIELD = /^ledger_(time|waiting|knowledge)_([1-9])_([a-z_]+)$/;

type LedgerName = 'time' | 'waiting' | 'knowledge';

/** Form field name → entry field, per ledger. */
const FIELDS: Record<LedgerName, Record<string, string>> = {
  time: { category: 'category', hours: 'hoursPerWeek', reason: 'reason', label: 'label' },
  waiting: { kind: 'kind', held_by: 'heldBy', days: 'days', times: 'timesPerMonth', label: 'label' },
  knowledge: { category: 'category', checks: 'checksPerWeek', sop: 'sop', label: 'label' },
};
const NUMBERS = new Set(['hoursPerWeek', 'days', 'timesPerMonth', 'checksPerWeek']);

export const ledgerFieldName = (ledger: LedgerName, slot: number, field: string): string =>
  `ledger_${ledger}_${slot}_${field}`;

export interface LedgerFromFields {
  /** Entries as the API takes them (JSON); undefined when every slot is empty (the step was skipped). */
  ledger: Record<string, Record<string, unknown>[]> | undefined;
  /** Per ledger, the slot each entry came from, in entry order: the API's `ledger.time[1]` is slot slots.time[1]. */
  slots: Record<LedgerName, number[]>;
}

/**
 * The filled slots as entries, in slot order; an empty field is left out (the API says which are required). Numbers
 * take a decimal comma too ("2,5"); text that is not a number is passed on as typed, so the API names the field.
 * Who holds a wait is `level:…` or `department:…`.
 */
export function ledgerFromFields(values: Record<string, string | undefined>): LedgerFromFields {
  const bySlot: Record<string, Record<number, Record<string, unknown>>> = {};
  for (const [name, raw] of Object.entries(values)) {
    const m = LEDGER_FIELD.exec(name);
    const value = raw?.trim();
    if (!m || !value) continue;
    const ledger = m[1] as LedgerName;
    const field = FIELDS[ledger][m[3]!];
    if (!field) continue;
    bySlot[ledger] ??= {};
    const slots = bySlot[ledger]!;
    const slot = Number(m[2]);
    slots[slot] ??= {};
    const entry = slots[slot]!;
    if (NUMBERS.has(field)) {
      const n = Number(value.replace(',', '.'));
      entry[field] = Number.isFinite(n) ? n : value;
    } else if (field === 'heldBy') {
      entry[field] = value.startsWith('level:')
        ? { level: value.slice(6) }
        : { department: value.startsWith('department:') ? value.slice(11) : value };
    } else entry[field] = value;
  }
  const out: Record<string, Record<string, unknown>[]> = {};
  const slots: Record<LedgerName, number[]> = { time: [], waiting: [], knowledge: [] };
  for (const ledger of ['time', 'waiting', 'knowledge'] as const) {
    const filled = Object.keys(bySlot[ledger] ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    if (filled.length === 0) continue;
    out[ledger] = filled.map((slot) => bySlot[ledger]![slot]!);
    slots[ledger] = filled;
  }
  return { ledger: Object.keys(out).length ? out : undefined, slots };
}

/**
 * The form field an API error names (`ledger.waiting[1].days` → `ledger_waiting_2_days` when the second entry came
 * from slot 2); null for a field that is not one slot's (a whole ledger).
 */
export function formFieldOf(apiField: string, slots: Record<LedgerName, number[]>): string | null {
  const m = /^ledger\.(time|waiting|knowledge)\[(\d+)\]\.([A-Za-z]+)/.exec(apiField);
  if (!m) return null;
  const ledger = m[1] as LedgerName;
  const slot = slots[ledger][Number(m[2])];
  const field = Object.entries(FIELDS[ledger]).find(([, api]) => api === m[3])?.[0];
  return slot === undefined || !field ? null : ledgerFieldName(ledger, slot, field);
}
