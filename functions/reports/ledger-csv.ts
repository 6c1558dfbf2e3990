import type { KnowledgeRow, LedgerReport, TimeRow, WaitCellRow, WaitKindRow } from '../../shared/ledger';

// The ledger in the aggregate CSV: one row per published ledger row (and per shown wait kind × holder), the ledger's
// total first, hidden rows with their name only, as in the JSON. Columns after the layer columns, so a layer row
// leaves them empty and a ledger row leaves the layer columns empty.

export const LEDGER_CSV_COLUMNS = [
  'ledger_held_by',
  'ledger_share_pct',
  'ledger_share_ci_low_pct',
  'ledger_share_ci_high_pct',
  'ledger_total',
  'ledger_unit',
  'ledger_median',
  'ledger_median_ci_low',
  'ledger_median_ci_high',
  'ledger_median_times_per_month',
  'ledger_mix',
] as const;

type Cell = string | number | null;

export interface LedgerCsvRow {
  breakdown: string;
  group: string;
  n: number | null;
  suppressed: boolean;
  /** Values in LEDGER_CSV_COLUMNS order. */
  values: Cell[];
}

const UNITS = { time: 'hours per week', waiting: 'waiting days per month', knowledge: 'checks per week' } as const;
const pct = (v: number | undefined) => (v === undefined ? null : Math.round(v * 1000) / 10);
const mix = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

function shown(
  breakdown: string,
  group: string,
  respondents: number,
  row: { share: number; shareCi95: [number, number] | null },
  rest: {
    heldBy?: string;
    total: number;
    unit: string;
    median: { median: number | null; ci95: [number, number] | null };
    times?: number | null;
    mix?: string;
  },
): LedgerCsvRow {
  return {
    breakdown,
    group,
    n: respondents,
    suppressed: false,
    values: [
      rest.heldBy ?? null,
      pct(row.share),
      pct(row.shareCi95?.[0]),
      pct(row.shareCi95?.[1]),
      rest.total,
      rest.unit,
      rest.median.median,
      rest.median.ci95?.[0] ?? null,
      rest.median.ci95?.[1] ?? null,
      rest.times ?? null,
      rest.mix ?? null,
    ],
  };
}

const hidden = (breakdown: string, group: string): LedgerCsvRow => ({
  breakdown,
  group,
  n: null,
  suppressed: true,
  values: LEDGER_CSV_COLUMNS.map(() => null),
});

const totalRow = (breakdown: string, total: number | null, unit: string): LedgerCsvRow =>
  total === null
    ? hidden(breakdown, 'all')
    : {
        breakdown,
        group: 'all',
        n: null,
        suppressed: false,
        values: [null, null, null, null, total, unit, null, null, null, null, null],
      };

/** The ledger's rows of the CSV, in the JSON's order. */
export function ledgerCsvRows(ledger: LedgerReport): LedgerCsvRow[] {
  const rows: LedgerCsvRow[] = [];
  rows.push(totalRow('ledger_time', ledger.time.total, UNITS.time));
  for (const r of ledger.time.rows) {
    if (r.suppressed) rows.push(hidden('ledger_time', r.name));
    else {
      const t = r as TimeRow;
      rows.push(
        shown('ledger_time', t.name, t.respondents, t, {
          total: t.hoursPerWeek,
          unit: UNITS.time,
          median: t.hours,
          mix: mix(t.reasons),
        }),
      );
    }
  }
  rows.push(totalRow('ledger_waiting', ledger.waiting.total, UNITS.waiting));
  for (const r of ledger.waiting.rows) {
    if (r.suppressed) {
      rows.push(hidden('ledger_waiting', r.name));
      continue;
    }
    const w = r as WaitKindRow;
    rows.push(
      shown('ledger_waiting', w.name, w.respondents, w, {
        total: w.waitingDaysPerMonth,
        unit: UNITS.waiting,
        median: w.days,
        times: w.timesPerMonth.median,
      }),
    );
    for (const c of w.holders as WaitCellRow[]) {
      rows.push(
        shown('ledger_waiting_held_by', c.kindName, c.respondents, c, {
          heldBy: c.holderName,
          total: c.waitingDaysPerMonth,
          unit: UNITS.waiting,
          median: c.days,
          times: c.timesPerMonth.median,
        }),
      );
    }
  }
  rows.push(totalRow('ledger_knowledge', ledger.knowledge.total, UNITS.knowledge));
  for (const r of ledger.knowledge.rows) {
    if (r.suppressed) rows.push(hidden('ledger_knowledge', r.name));
    else {
      const k = r as KnowledgeRow;
      rows.push(
        shown('ledger_knowledge', k.name, k.respondents, k, {
          total: k.checksPerWeek,
          unit: UNITS.knowledge,
          median: k.checks,
          mix: mix(k.sop),
        }),
      );
    }
  }
  return rows;
}
