// The published ledger tables of a workforce: per ledger, the categories (and for waits each kind × holder) with their
// figures, ranked by cost, every group below the minimum hidden with its complements (suppressOverlapping), labels
// only in large groups. Pure: statistics in, report out.

import type { ChoiceOption } from '../instrument';
import { normalizeMinGroupSize, suppressOverlapping } from '../privacy';
import { compareKeys } from '../privacy/suppress-segments';
import { HOLDER_LEVEL_NAMES, parseHolder } from './design';
import { countOf, medianIntervalTicks, medianTicks, tickSum, wilsonInterval } from './order-statistics';
import type { Counts, LedgerStats, WaitCellStats } from './stats';
import type { Range, ResolvedLedgerDesign, WaitHolder } from './types';

/** A median with its distribution-free 95% interval (null below 6 values), in the ledger's unit. */
export interface Median {
  median: number | null;
  ci95: [number, number] | null;
}

interface Named {
  id: string;
  /** The category's name (English; the design has every language). */
  name: string;
}

/** A row hidden by the minimum group size or as a complement: its name only. */
export interface HiddenRow extends Named {
  suppressed: true;
}

interface Shown extends Named {
  suppressed: false;
  /** Respondents naming it. */
  respondents: number;
  /** respondents / the workforce's n, with Wilson's 95% interval. */
  share: number;
  shareCi95: [number, number] | null;
  /** Free-text labels with how often each was given; only when labels are on and the row is large enough. */
  labels?: { text: string; count: number }[];
}

export interface TimeRow extends Shown {
  /** Hours a week named, in all. */
  hoursPerWeek: number;
  /** Per respondent naming it. */
  hours: Median;
  /** Why it falls to them: counts by reason id, of those who said. */
  reasons: Record<string, number>;
}

export interface WaitCellRow {
  kind: string;
  kindName: string;
  heldBy: WaitHolder;
  holderName: string;
  respondents: number;
  share: number;
  shareCi95: [number, number] | null;
  /** Typical wait in working days, per respondent naming it. */
  days: Median;
  timesPerMonth: Median;
  /** Sum over the entries of days × times a month. */
  waitingDaysPerMonth: number;
}

export interface WaitKindRow extends Shown {
  waitingDaysPerMonth: number;
  /**
   * Over every wait of this kind named (a respondent may name one per holder); null when a holder of the kind is
   * hidden, since an order statistic over it could be a hidden group's value.
   */
  days: Median;
  timesPerMonth: Median;
  /** Its holders that may be shown, most waiting days first; the rest count in the kind's figures only. */
  holders: WaitCellRow[];
}

export interface KnowledgeRow extends Shown {
  /** Checks with a senior colleague a week, in all. */
  checksPerWeek: number;
  checks: Median;
  /** Whether a written procedure exists: counts by SOP option id, of those who said. */
  sop: Record<string, number>;
}

export interface LedgerTable<Row> {
  /** Fewer than the minimum named anything in this ledger: nothing of it is shown. */
  suppressed: boolean;
  /** The ledger's total over every entry (hours a week, waiting days a month, checks a week); null when suppressed. */
  total: number | null;
  /** Shown rows, highest cost first, then hidden ones in list order. */
  rows: (Row | HiddenRow)[];
}

export interface LedgerReport {
  /** The workforce respondents the shares are of. */
  n: number;
  minGroupSize: number;
  /** Labels are shown for rows of at least this many respondents: max(10, 2 × minimum); null when labels are off. */
  labelsShownFrom: number | null;
  time: LedgerTable<TimeRow>;
  waiting: LedgerTable<WaitKindRow> & {
    /** Every kind × holder that may be shown, most waiting days first: the waits to remove. */
    cells: WaitCellRow[];
  };
  knowledge: LedgerTable<KnowledgeRow>;
}

export interface LedgerReportInput {
  design: ResolvedLedgerDesign;
  stats: LedgerStats;
  /** The workforce's n (shares are of it). */
  n: number;
  minGroupSize: number;
}

/** The smallest group free-text labels are shown in (issue 10): max(10, 2 × the minimum group size). */
export const labelMinimum = (minGroupSize: number): number => Math.max(10, 2 * normalizeMinGroupSize(minGroupSize));

const valueAt = (ticks: number, r: Range) => r.min + ticks * r.step;
const rounded = (v: number) => Math.round(v * 1000) / 1000;
const total = (histogram: Counts, r: Range) => rounded(r.min * countOf(histogram) + r.step * tickSum(histogram));

function median(histogram: Counts, r: Range): Median {
  const m = medianTicks(histogram);
  const ci = medianIntervalTicks(histogram);
  return {
    median: m === null ? null : rounded(valueAt(m, r)),
    ci95: ci ? [rounded(valueAt(ci[0], r)), rounded(valueAt(ci[1], r))] : null,
  };
}

const NO_MEDIAN: Median = { median: null, ci95: null };

/** Respondents counted by the set of ids they named: how many named at least one of `ids`. */
function unionOf(sets: Counts): (ids: readonly string[]) => number {
  const parsed = Object.entries(sets).map(([key, n]) => ({ ids: JSON.parse(key) as string[], n }));
  return (ids) => {
    const wanted = new Set(ids);
    return parsed.reduce((sum, s) => (s.ids.some((id) => wanted.has(id)) ? sum + s.n : sum), 0);
  };
}

function addCounts(into: Counts, from: Counts): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function labelsOf(labels: Counts | undefined, respondents: number, from: number | null) {
  if (from === null || !labels || respondents < from) return undefined;
  return Object.entries(labels)
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([text, count]) => ({ text, count }));
}

/** Shown rows by cost, respondents, id; then the hidden ones in the list's order. */
function ranked<Row extends Shown>(rows: (Row | HiddenRow)[], cost: (row: Row) => number): (Row | HiddenRow)[] {
  const shown = rows.filter((r): r is Row => !r.suppressed);
  const hidden = rows.filter((r): r is HiddenRow => r.suppressed);
  shown.sort((a, b) => cost(b) - cost(a) || b.respondents - a.respondents || compareKeys(a.id, b.id));
  return [...shown, ...hidden];
}

/**
 * Categories of one ledger: which may be shown. The ledger is suppressed when fewer than k named anything in it;
 * otherwise primary and complementary suppression over the categories with exact unions (suppressOverlapping).
 * `ids` lists the design's categories, then any other id the statistics hold (none when every response was checked
 * against the same list), so every entry counted in the total belongs to a row.
 */
function planLedger(options: readonly ChoiceOption[], respondentsOf: (id: string) => number, sets: Counts, k: number) {
  const listed = options.map((o) => o.id);
  const named = Object.keys(sets).flatMap((key) => JSON.parse(key) as string[]);
  const ids = [...listed, ...[...new Set(named)].filter((id) => !listed.includes(id)).sort(compareKeys)];
  const respondents = Object.values(sets).reduce((a, b) => a + b, 0);
  const suppressed = respondents < k;
  const hidden = suppressed
    ? new Set(ids)
    : suppressOverlapping(
        ids.map((id) => ({ key: id, n: respondentsOf(id) })),
        k,
        unionOf(sets),
      );
  return { ids, suppressed, hidden };
}

const optionName = (options: readonly ChoiceOption[], id: string) => options.find((o) => o.id === id)?.label.en ?? id;

/** The published ledger tables. */
export function ledgerReport(input: LedgerReportInput): LedgerReport {
  const { design, stats, n } = input;
  const k = normalizeMinGroupSize(input.minGroupSize);
  const labelsFrom = design.labels ? labelMinimum(k) : null;
  const share = (respondents: number) => ({
    share: n > 0 ? rounded(respondents / n) : 0,
    shareCi95: wilsonInterval(respondents, n)?.map(rounded) as [number, number] | null,
  });

  // ---- time
  const t = design.time;
  const timePlan = planLedger(t.categories, (id) => countOf(stats.time.cells[id]?.hours ?? {}), stats.time.sets, k);
  const timeRows: (TimeRow | HiddenRow)[] = timePlan.ids.map((id) => {
    const name = optionName(t.categories, id);
    if (timePlan.hidden.has(id)) return { id, name, suppressed: true };
    const cell = stats.time.cells[id];
    const hours = cell?.hours ?? {};
    const respondents = countOf(hours);
    const labels = labelsOf(cell?.labels, respondents, labelsFrom);
    return {
      id,
      name,
      suppressed: false,
      respondents,
      ...share(respondents),
      hoursPerWeek: total(hours, t.hoursPerWeek),
      hours: median(hours, t.hoursPerWeek),
      reasons: { ...(cell?.reasons ?? {}) },
      ...(labels ? { labels } : {}),
    };
  });
  const timeTotal = Object.values(stats.time.cells).reduce((sum, c) => sum + total(c.hours, t.hoursPerWeek), 0);

  // ---- knowledge
  const kd = design.knowledge;
  const knowledgePlan = planLedger(
    kd.categories,
    (id) => countOf(stats.knowledge.cells[id]?.checks ?? {}),
    stats.knowledge.sets,
    k,
  );
  const knowledgeRows: (KnowledgeRow | HiddenRow)[] = knowledgePlan.ids.map((id) => {
    const name = optionName(kd.categories, id);
    if (knowledgePlan.hidden.has(id)) return { id, name, suppressed: true };
    const cell = stats.knowledge.cells[id];
    const checks = cell?.checks ?? {};
    const respondents = countOf(checks);
    const labels = labelsOf(cell?.labels, respondents, labelsFrom);
    return {
      id,
      name,
      suppressed: false,
      respondents,
      ...share(respondents),
      checksPerWeek: total(checks, kd.checksPerWeek),
      checks: median(checks, kd.checksPerWeek),
      sop: { ...(cell?.sop ?? {}) },
      ...(labels ? { labels } : {}),
    };
  });
  const knowledgeTotal = Object.values(stats.knowledge.cells).reduce(
    (sum, c) => sum + total(c.checks, kd.checksPerWeek),
    0,
  );

  // ---- waiting: kinds, then each shown kind's holders
  const w = design.waiting;
  const waitDays = (cell: WaitCellStats) => {
    // Σ (d0 + a·s)(t0 + b·u) over entries, from the histograms and the sum of tick products.
    const { days: dr, timesPerMonth: tr } = w;
    const count = countOf(cell.days);
    return rounded(
      count * dr.min * tr.min +
        dr.min * tr.step * tickSum(cell.times) +
        tr.min * dr.step * tickSum(cell.days) +
        dr.step * tr.step * cell.load,
    );
  };
  const kindRespondents = (id: string) => Object.values(stats.waiting.kinds[id]?.sets ?? {}).reduce((a, b) => a + b, 0);
  const waitPlan = planLedger(w.kinds, kindRespondents, stats.waiting.sets, k);
  const holderName = (key: string) => {
    const h = parseHolder(key);
    if (!h) return key;
    return 'level' in h ? HOLDER_LEVEL_NAMES[h.level].en : h.department;
  };
  const cells: WaitCellRow[] = [];
  const kindRows: (WaitKindRow | HiddenRow)[] = waitPlan.ids.map((id) => {
    const name = optionName(w.kinds, id);
    if (waitPlan.hidden.has(id)) return { id, name, suppressed: true };
    const kind = stats.waiting.kinds[id];
    const respondents = kindRespondents(id);
    const holders = kind?.holders ?? {};
    const hiddenHolders = suppressOverlapping(
      Object.entries(holders).map(([key, c]) => ({ key, n: countOf(c.days) })),
      k,
      unionOf(kind?.sets ?? {}),
    );
    const days: Counts = {};
    const times: Counts = {};
    let waitingDays = 0;
    const shownHolders: WaitCellRow[] = [];
    for (const [key, cell] of Object.entries(holders)) {
      addCounts(days, cell.days);
      addCounts(times, cell.times);
      waitingDays += waitDays(cell);
      if (hiddenHolders.has(key)) continue;
      const heldBy = parseHolder(key);
      if (!heldBy) continue;
      const r = countOf(cell.days);
      shownHolders.push({
        kind: id,
        kindName: name,
        heldBy,
        holderName: holderName(key),
        respondents: r,
        ...share(r),
        days: median(cell.days, w.days),
        timesPerMonth: median(cell.times, w.timesPerMonth),
        waitingDaysPerMonth: waitDays(cell),
      });
    }
    shownHolders.sort(
      (a, b) =>
        b.waitingDaysPerMonth - a.waitingDaysPerMonth ||
        b.respondents - a.respondents ||
        compareKeys(a.holderName, b.holderName),
    );
    cells.push(...shownHolders);
    const labels = labelsOf(kind?.labels, respondents, labelsFrom);
    return {
      id,
      name,
      suppressed: false,
      respondents,
      ...share(respondents),
      waitingDaysPerMonth: rounded(waitingDays),
      // A median and its interval are order statistics: each is someone's value. Over a kind with a hidden holder
      // they could be that small group's (its two 20-day waits as the interval's end), so they are shown only when
      // every holder of the kind is; the sums rest on at least k people whatever is hidden.
      days: hiddenHolders.size === 0 ? median(days, w.days) : NO_MEDIAN,
      timesPerMonth: hiddenHolders.size === 0 ? median(times, w.timesPerMonth) : NO_MEDIAN,
      holders: shownHolders,
      ...(labels ? { labels } : {}),
    };
  });
  const waitTotal = Object.values(stats.waiting.kinds).reduce(
    (sum, kind) => sum + Object.values(kind.holders).reduce((s, c) => s + waitDays(c), 0),
    0,
  );
  cells.sort(
    (a, b) =>
      b.waitingDaysPerMonth - a.waitingDaysPerMonth ||
      b.respondents - a.respondents ||
      compareKeys(a.kind, b.kind) ||
      compareKeys(a.holderName, b.holderName),
  );

  return {
    n,
    minGroupSize: k,
    labelsShownFrom: labelsFrom,
    time: {
      suppressed: timePlan.suppressed,
      total: timePlan.suppressed ? null : rounded(timeTotal),
      rows: ranked(timeRows, (r) => r.hoursPerWeek),
    },
    waiting: {
      suppressed: waitPlan.suppressed,
      total: waitPlan.suppressed ? null : rounded(waitTotal),
      rows: ranked(kindRows, (r) => r.waitingDaysPerMonth),
      cells: waitPlan.suppressed ? [] : cells,
    },
    knowledge: {
      suppressed: knowledgePlan.suppressed,
      total: knowledgePlan.suppressed ? null : rounded(knowledgeTotal),
      rows: ranked(knowledgeRows, (r) => r.checksPerWeek),
    },
  };
}
