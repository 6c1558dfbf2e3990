// The ledger in `orgos score`'s text report: per ledger, its total and its rows by cost, hidden rows by name only.
import type {
  HiddenRow,
  KnowledgeRow,
  LedgerReport,
  Median,
  TimeRow,
  WaitCellRow,
  WaitKindRow,
} from '../shared/ledger';

const DASH = '–';
const num = (v: number | null | undefined) => (v === null || v === undefined ? DASH : String(Math.round(v * 10) / 10));
const median = (m: Median) =>
  m.median === null ? DASH : m.ci95 ? `${num(m.median)} (${num(m.ci95[0])}-${num(m.ci95[1])})` : num(m.median);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const mix = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || DASH;

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === header.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

const hiddenCells = (n: number) => ['hidden', ...Array.from({ length: n }, () => '')];

/** Lines for the text report (empty when the instrument has no ledger step). */
export function ledgerLines(ledger: LedgerReport): string[] {
  const k = ledger.minGroupSize;
  const out: string[] = ['', 'Ledgers (what respondents named; rows ranked by cost)'];
  const time = ledger.time;
  out.push(
    '',
    `  Time: ${time.suppressed ? `fewer than ${k} named a time sink` : `${num(time.total)} hours a week in all`}`,
  );
  if (!time.suppressed) {
    out.push(
      ...table(
        ['kind of work', 'people', 'share', 'hours/week', 'median (95% CI)', 'why'],
        time.rows.map((r) =>
          r.suppressed
            ? [r.name, ...hiddenCells(4)]
            : (() => {
                const t = r as TimeRow;
                return [
                  t.name,
                  String(t.respondents),
                  pct(t.share),
                  num(t.hoursPerWeek),
                  median(t.hours),
                  mix(t.reasons),
                ];
              })(),
        ),
      ),
    );
  }
  const w = ledger.waiting;
  out.push(
    '',
    `  Waiting: ${w.suppressed ? `fewer than ${k} named a wait` : `${num(w.total)} waiting days a month in all`}`,
  );
  if (!w.suppressed) {
    out.push(
      ...table(
        ['wait', 'people', 'share', 'days/month', 'median wait', 'times/month'],
        w.rows.map((r: WaitKindRow | HiddenRow) =>
          r.suppressed
            ? [r.name, ...hiddenCells(4)]
            : [
                r.name,
                String(r.respondents),
                pct(r.share),
                num(r.waitingDaysPerMonth),
                median(r.days),
                median(r.timesPerMonth),
              ],
        ),
      ),
    );
    if (w.cells.length > 0) {
      out.push('  By who holds it:');
      out.push(
        ...table(
          ['wait', 'held by', 'people', 'days/month', 'median wait (95% CI)', 'times/month'],
          w.cells.map((c: WaitCellRow) => [
            c.kindName,
            c.holderName,
            String(c.respondents),
            num(c.waitingDaysPerMonth),
            median(c.days),
            median(c.timesPerMonth),
          ]),
        ),
      );
    }
  }
  const kn = ledger.knowledge;
  out.push(
    '',
    `  Knowledge: ${kn.suppressed ? `fewer than ${k} named a judgment` : `${num(kn.total)} checks a week in all`}`,
  );
  if (!kn.suppressed) {
    out.push(
      ...table(
        ['judgment', 'people', 'share', 'checks/week', 'median (95% CI)', 'written procedure'],
        kn.rows.map((r) =>
          r.suppressed
            ? [r.name, ...hiddenCells(4)]
            : (() => {
                const c = r as KnowledgeRow;
                return [
                  c.name,
                  String(c.respondents),
                  pct(c.share),
                  num(c.checksPerWeek),
                  median(c.checks),
                  mix(c.sop),
                ];
              })(),
        ),
      ),
    );
  }
  if ([time, w, kn].some((t) => t.rows.some((r) => r.suppressed))) {
    out.push(`  hidden: fewer than ${k} named it, or hidden with such a row so it cannot be worked out from the total`);
  }
  return out;
}
