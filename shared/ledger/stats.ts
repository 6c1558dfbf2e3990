// Mergeable, exact statistics of the ledger entries of one group (a segment cell, a department, the workforce), kept
// beside the layer statistics in GroupStats (`ledger`, for instruments with a ledger step). Every number is a count
// or a sum of integers, so fold, withdrawal and merge are exact and order-independent, like the rest of GroupStats.
//
// Numbers are kept as histograms over the design's steps ("ticks": (value − min) / step, an integer), sparse: a key
// only while its count is not zero. A histogram gives every figure the report needs exactly: respondents (one entry
// per category per respondent), totals, medians and their distribution-free intervals. Per ledger, respondents are also
// counted by the set of categories they named (`sets`), and per wait kind by the set of holders: the exact number of
// distinct respondents behind any group of categories, which complementary suppression needs (a respondent may name
// several). Labels are counted by their text.
//
// JSON is canonical: keys sorted, no zero counts, no empty cells. So statistics folded from scratch equal any
// snapshot-plus-tail fold of the same responses bit for bit, withdrawals included.

import type { Instrument, LedgerDesign } from '../instrument';
import { compareKeys } from '../privacy/suppress-segments';
import { holderKey } from './design';
import type { LedgerAnswers } from './types';
import { ticksOf } from './validate';

/** Counts by key; only keys with a count above zero. */
export type Counts = Record<string, number>;

export interface TimeCellStats {
  /** Respondents naming the category, by hours a week in ticks of the design's step. */
  hours: Counts;
  /** Why it falls to them, by reason id (answered entries only). */
  reasons: Counts;
  labels?: Counts;
}

export interface WaitCellStats {
  /** Respondents naming this wait (kind × holder), by typical wait in ticks. */
  days: Counts;
  /** The same respondents by times a month, in ticks. */
  times: Counts;
  /** Sum over these entries of days ticks × times ticks: with the two histograms, the total waiting days a month. */
  load: number;
}

export interface WaitKindStats {
  /** Respondents naming this kind, by the set of holders they named for it (JSON array of sorted holder keys). */
  sets: Counts;
  holders: Record<string, WaitCellStats>;
  labels?: Counts;
}

export interface KnowledgeCellStats {
  /** Respondents naming the judgment, by checks a week in ticks. */
  checks: Counts;
  /** SOP status by option id (answered entries only). */
  sop: Counts;
  labels?: Counts;
}

export interface LedgerStats {
  /** `sets`: respondents by the set of categories (kinds) they named in the ledger, as a JSON array of sorted ids. */
  time: { sets: Counts; cells: Record<string, TimeCellStats> };
  waiting: { sets: Counts; kinds: Record<string, WaitKindStats> };
  knowledge: { sets: Counts; cells: Record<string, KnowledgeCellStats> };
}

export class LedgerStatsError extends Error {
  override name = 'LedgerStatsError';
}

/** The key of a set of ids in `sets`: one key per set, whatever order they were named in. */
export const setKey = (ids: Iterable<string>): string => JSON.stringify([...new Set(ids)].sort(compareKeys));

// ---- the mutable accumulator: a tree of maps, numbers at the leaves

type Node = Map<string, Node | number>;
interface Op {
  path: string[];
  delta: number;
}

const SEP = '\u0000';

function leaf(root: Node, path: readonly string[], create: boolean): { node: Node; key: string } | null {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    let next = node.get(path[i]!);
    if (next === undefined) {
      if (!create) return null;
      next = new Map();
      node.set(path[i]!, next);
    }
    if (typeof next === 'number')
      throw new LedgerStatsError(`statistics hold a number at ${path.slice(0, i + 1).join('.')}`);
    node = next;
  }
  return { node, key: path[path.length - 1]! };
}

/**
 * The ledger statistics of one group while responses are folded in and out. Owns its state: toStats hands out fresh
 * objects, addStats copies in. A call that throws changes nothing.
 */
export class LedgerAccumulator {
  readonly #design: LedgerDesign | null;
  readonly #root: Node = new Map();

  /** `design` lays out the ticks of folded entries; without one, statistics can only be added (merge). */
  constructor(design: LedgerDesign | null) {
    this.#design = design;
  }

  /** Folds one respondent's entries in (+1) or out (-1). The entries must be valid (ledgerIssues). */
  fold(ledger: LedgerAnswers, sign: 1 | -1): void {
    const ops = this.#opsOf(ledger, sign);
    if (sign < 0) this.#check(ops, 'cannot withdraw ledger entries these statistics do not hold');
    this.#apply(ops);
  }

  /** Adds statistics of a disjoint group. Throws LedgerStatsError on anything but non-negative integer counts. */
  addStats(stats: unknown): void {
    const ops = statsOps(stats);
    this.#apply(ops);
  }

  #opsOf(ledger: LedgerAnswers, sign: number): Op[] {
    const d = this.#design;
    if (!d) throw new LedgerStatsError('entries can only be folded into statistics of an instrument with a ledger');
    const ops: Op[] = [];
    const add = (delta: number, ...path: string[]) => ops.push({ path, delta });
    const time = ledger.time ?? [];
    if (time.length > 0) add(sign, 'time', 'sets', setKey(time.map((e) => e.category)));
    for (const e of time) {
      add(sign, 'time', 'cells', e.category, 'hours', String(ticksOf(e.hoursPerWeek, d.time.hoursPerWeek)));
      if (e.reason !== undefined) add(sign, 'time', 'cells', e.category, 'reasons', e.reason);
      if (e.label !== undefined) add(sign, 'time', 'cells', e.category, 'labels', e.label);
    }
    const waiting = ledger.waiting ?? [];
    if (waiting.length > 0) add(sign, 'waiting', 'sets', setKey(waiting.map((e) => e.kind)));
    const byKind = new Map<string, string[]>();
    for (const e of waiting) {
      const holder = holderKey(e.heldBy);
      byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), holder]);
      const days = ticksOf(e.days, d.waiting.days);
      const times = ticksOf(e.timesPerMonth, d.waiting.timesPerMonth);
      add(sign, 'waiting', 'kinds', e.kind, 'holders', holder, 'days', String(days));
      add(sign, 'waiting', 'kinds', e.kind, 'holders', holder, 'times', String(times));
      add(sign * days * times, 'waiting', 'kinds', e.kind, 'holders', holder, 'load', '');
      if (e.label !== undefined) add(sign, 'waiting', 'kinds', e.kind, 'labels', e.label);
    }
    for (const [kind, holders] of byKind) add(sign, 'waiting', 'kinds', kind, 'sets', setKey(holders));
    const knowledge = ledger.knowledge ?? [];
    if (knowledge.length > 0) add(sign, 'knowledge', 'sets', setKey(knowledge.map((e) => e.category)));
    for (const e of knowledge) {
      add(
        sign,
        'knowledge',
        'cells',
        e.category,
        'checks',
        String(ticksOf(e.checksPerWeek, d.knowledge.checksPerWeek)),
      );
      if (e.sop !== undefined) add(sign, 'knowledge', 'cells', e.category, 'sop', e.sop);
      if (e.label !== undefined) add(sign, 'knowledge', 'cells', e.category, 'labels', e.label);
    }
    return ops;
  }

  /** Throws unless every count stays at zero or above once the ops are applied. */
  #check(ops: readonly Op[], message: string): void {
    const totals = new Map<string, { path: string[]; delta: number }>();
    for (const op of ops) {
      const key = op.path.join(SEP);
      const t = totals.get(key);
      if (t) t.delta += op.delta;
      else totals.set(key, { path: op.path, delta: op.delta });
    }
    for (const { path, delta } of totals.values()) {
      const at = leaf(this.#root, path, false);
      const current = at ? at.node.get(at.key) : undefined;
      if (typeof current === 'object') throw new LedgerStatsError(message);
      if ((current ?? 0) + delta < 0) throw new LedgerStatsError(message);
    }
  }

  #apply(ops: readonly Op[]): void {
    for (const { path, delta } of ops) {
      const { node, key } = leaf(this.#root, path, true)!;
      const current = node.get(key);
      const next = (typeof current === 'number' ? current : 0) + delta;
      if (next === 0) node.delete(key);
      else node.set(key, next);
    }
  }

  /** The statistics so far, canonical: keys sorted, no zero counts, no empty cells. */
  toStats(): LedgerStats {
    const r = this.#root;
    const cells = <T>(node: Node | undefined, build: (cell: Node) => T | null): Record<string, T> => {
      const out: Record<string, T> = {};
      for (const key of sortedKeys(node)) {
        const built = build(node!.get(key) as Node);
        if (built !== null) out[key] = built;
      }
      return out;
    };
    const time = child(r, 'time');
    const waiting = child(r, 'waiting');
    const knowledge = child(r, 'knowledge');
    return {
      time: {
        sets: counts(child(time, 'sets')),
        cells: cells(child(time, 'cells'), (cell) => {
          const hours = counts(child(cell, 'hours'));
          if (isEmpty(hours)) return null;
          return withLabels({ hours, reasons: counts(child(cell, 'reasons')) }, cell);
        }),
      },
      waiting: {
        sets: counts(child(waiting, 'sets')),
        kinds: cells(child(waiting, 'kinds'), (kind) => {
          const sets = counts(child(kind, 'sets'));
          if (isEmpty(sets)) return null;
          const holders = cells(child(kind, 'holders'), (cell) => {
            const days = counts(child(cell, 'days'));
            if (isEmpty(days)) return null;
            const load = child(cell, 'load')?.get('');
            return { days, times: counts(child(cell, 'times')), load: typeof load === 'number' ? load : 0 };
          });
          return withLabels({ sets, holders }, kind);
        }),
      },
      knowledge: {
        sets: counts(child(knowledge, 'sets')),
        cells: cells(child(knowledge, 'cells'), (cell) => {
          const checks = counts(child(cell, 'checks'));
          if (isEmpty(checks)) return null;
          return withLabels({ checks, sop: counts(child(cell, 'sop')) }, cell);
        }),
      },
    };
  }
}

const isEmpty = (c: Counts) => Object.keys(c).length === 0;

function child(node: Node | undefined, key: string): Node | undefined {
  const v = node?.get(key);
  return typeof v === 'object' ? v : undefined;
}

function sortedKeys(node: Node | undefined): string[] {
  return node ? [...node.keys()].sort(compareKeys) : [];
}

function counts(node: Node | undefined): Counts {
  const out: Counts = {};
  for (const key of sortedKeys(node)) {
    const v = node!.get(key);
    if (typeof v === 'number' && v !== 0) out[key] = v;
  }
  return out;
}

function withLabels<T extends object>(cell: T, node: Node): T & { labels?: Counts } {
  const labels = counts(child(node, 'labels'));
  return isEmpty(labels) ? cell : { ...cell, labels };
}

/** Empty statistics, as toStats of an accumulator that holds nothing. */
export const emptyLedgerStats = (): LedgerStats => ({
  time: { sets: {}, cells: {} },
  waiting: { sets: {}, kinds: {} },
  knowledge: { sets: {}, cells: {} },
});

/** Whether the statistics hold no entry at all (GroupStats then carries no ledger block). */
export const isEmptyLedgerStats = (s: LedgerStats): boolean =>
  isEmpty(s.time.sets) && isEmpty(s.waiting.sets) && isEmpty(s.knowledge.sets);

// ---- reading statistics in (snapshots, merges): checked, since every later sum rests on them

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function statsOps(stats: unknown): Op[] {
  const ops: Op[] = [];
  const fail = (path: readonly string[]) =>
    new LedgerStatsError(`ledger statistics differ in shape at ledger.${path.join('.')}`);
  const record = (v: unknown, path: string[], keys?: readonly string[], optional: readonly string[] = []) => {
    if (!isRecord(v)) throw fail(path);
    if (keys) {
      for (const k of Object.keys(v)) if (!keys.includes(k) && !optional.includes(k)) throw fail([...path, k]);
      for (const k of keys) if (!(k in v)) throw fail([...path, k]);
    }
    return v;
  };
  const countsOf = (v: unknown, path: string[]) => {
    for (const [k, n] of Object.entries(record(v, path))) {
      if (!isCount(n))
        throw new LedgerStatsError(`ledger statistics hold ${String(n)} at ledger.${[...path, k].join('.')}`);
      if (n > 0) ops.push({ path: [...path, k], delta: n });
    }
  };
  const cellsOf = (v: unknown, path: string[], each: (cell: unknown, path: string[]) => void) => {
    for (const [k, cell] of Object.entries(record(v, path))) each(cell, [...path, k]);
  };
  const s = record(stats, [], ['time', 'waiting', 'knowledge']);
  const time = record(s.time, ['time'], ['sets', 'cells']);
  countsOf(time.sets, ['time', 'sets']);
  cellsOf(time.cells, ['time', 'cells'], (cell, path) => {
    const c = record(cell, path, ['hours', 'reasons'], ['labels']);
    countsOf(c.hours, [...path, 'hours']);
    countsOf(c.reasons, [...path, 'reasons']);
    if (c.labels !== undefined) countsOf(c.labels, [...path, 'labels']);
  });
  const waiting = record(s.waiting, ['waiting'], ['sets', 'kinds']);
  countsOf(waiting.sets, ['waiting', 'sets']);
  cellsOf(waiting.kinds, ['waiting', 'kinds'], (kind, path) => {
    const k = record(kind, path, ['sets', 'holders'], ['labels']);
    countsOf(k.sets, [...path, 'sets']);
    if (k.labels !== undefined) countsOf(k.labels, [...path, 'labels']);
    cellsOf(k.holders, [...path, 'holders'], (cell, at) => {
      const c = record(cell, at, ['days', 'times', 'load']);
      countsOf(c.days, [...at, 'days']);
      countsOf(c.times, [...at, 'times']);
      if (!isCount(c.load))
        throw new LedgerStatsError(`ledger statistics hold ${String(c.load)} at ledger.${at.join('.')}.load`);
      if (c.load > 0) ops.push({ path: [...at, 'load', ''], delta: c.load });
    });
  });
  const knowledge = record(s.knowledge, ['knowledge'], ['sets', 'cells']);
  countsOf(knowledge.sets, ['knowledge', 'sets']);
  cellsOf(knowledge.cells, ['knowledge', 'cells'], (cell, path) => {
    const c = record(cell, path, ['checks', 'sop'], ['labels']);
    countsOf(c.checks, [...path, 'checks']);
    countsOf(c.sop, [...path, 'sop']);
    if (c.labels !== undefined) countsOf(c.labels, [...path, 'labels']);
  });
  return ops;
}

/** Statistics of the union of two disjoint groups: associative, commutative, empty statistics the identity. */
export function mergeLedgerStats(a: LedgerStats, b: LedgerStats): LedgerStats {
  const acc = new LedgerAccumulator(null);
  acc.addStats(a);
  acc.addStats(b);
  return acc.toStats();
}

/** The same statistics without any label (labels expire before the rest of a campaign's data). */
export function withoutLabels(stats: LedgerStats): LedgerStats {
  const drop = <T extends { labels?: Counts }>(cells: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(cells).map(([k, { labels: _labels, ...rest }]) => [k, rest as T]));
  return {
    time: { sets: stats.time.sets, cells: drop(stats.time.cells) },
    waiting: { sets: stats.waiting.sets, kinds: drop(stats.waiting.kinds) },
    knowledge: { sets: stats.knowledge.sets, cells: drop(stats.knowledge.cells) },
  };
}

/** The design the statistics of an instrument are laid out by (ticks of its ranges); null without a ledger step. */
export const ledgerDesignOf = (instrument: Instrument): LedgerDesign | null => instrument.ledger ?? null;
