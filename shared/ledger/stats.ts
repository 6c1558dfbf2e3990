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
import type { LedgerAnswers, WaitHolder } from './types';
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
export function setKey(ids: readonly string[]): string {
  // One id is the common case (per wait kind, one holder): no set, no sort.
  if (ids.length === 1) return singleSet(ids[0]!);
  // The JSON of the sorted distinct ids, built from each id's quoted form (remembered with its one-id set).
  const sorted = ids.slice().sort(compareKeys);
  let key = '[';
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const single = singleSet(sorted[i]!);
    key += key.length > 1 ? `,${single.slice(1, -1)}` : single.slice(1, -1);
  }
  return `${key}]`;
}

// The key of a one-id set, remembered: a pure function of the id, asked once per response per ledger. Ids are few
// (categories, kinds, holders), so the memo stays small; it is dropped should it ever grow large.
const singles = new Map<string, string>();
function singleSet(id: string): string {
  let key = singles.get(id);
  if (key === undefined) {
    if (singles.size > 10_000) singles.clear();
    key = `[${JSON.stringify(id)}]`;
    singles.set(id, key);
  }
  return key;
}

// The fold runs once per response, so these avoid a closure per call (under tsx each closure is also named).
function categorySet(entries: readonly { category: string }[]): string {
  if (entries.length === 1) return singleSet(entries[0]!.category);
  const ids: string[] = [];
  for (const e of entries) ids.push(e.category);
  return setKey(ids);
}

function kindSet(entries: readonly { kind: string }[]): string {
  if (entries.length === 1) return singleSet(entries[0]!.kind);
  const ids: string[] = [];
  for (const e of entries) ids.push(e.kind);
  return setKey(ids);
}

// ---- the mutable accumulator: typed maps per ledger, counts at the leaves (folded per response, so kept direct)

type CountMap = Map<string, number>;
/** Counts by tick: numeric keys, so a fold hashes no string (per response, per entry). */
type TickMap = Map<number, number>;
interface TimeCell {
  hours: TickMap;
  reasons: CountMap;
  labels: CountMap;
}
interface WaitCell {
  days: TickMap;
  times: TickMap;
  load: number;
}
interface WaitKind {
  sets: CountMap;
  holders: Map<string, WaitCell>;
  labels: CountMap;
}
interface KnowledgeCell {
  checks: TickMap;
  sop: CountMap;
  labels: CountMap;
}

function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const v = (map.get(key) ?? 0) + delta;
  if (v === 0) map.delete(key);
  else map.set(key, v);
}

const has = <K>(map: Map<K, number> | undefined, key: K, n = 1): boolean => (map?.get(key) ?? 0) >= n;

/** A tick key of stored statistics: a non-negative integer written as JavaScript writes it. */
function tickOf(key: string): number {
  if (!/^(0|[1-9]\d{0,8})$/.test(key)) throw new LedgerStatsError(`ledger statistics hold a tick "${key}"`);
  return Number(key);
}

function cellOf<T>(cells: Map<string, T>, key: string, make: () => T): T {
  let cell = cells.get(key);
  if (cell === undefined) {
    cell = make();
    cells.set(key, cell);
  }
  return cell;
}
const timeCell = (): TimeCell => ({ hours: new Map(), reasons: new Map(), labels: new Map() });
const waitKind = (): WaitKind => ({ sets: new Map(), holders: new Map(), labels: new Map() });
const waitCell = (): WaitCell => ({ days: new Map(), times: new Map(), load: 0 });
const knowledgeCell = (): KnowledgeCell => ({ checks: new Map(), sop: new Map(), labels: new Map() });

const WITHDRAW_UNKNOWN = 'cannot withdraw ledger entries these statistics do not hold';

/**
 * The ledger statistics of one group while responses are folded in and out. Owns its state: toStats hands out fresh
 * objects, addStats copies in. A call that throws changes nothing.
 */
export class LedgerAccumulator {
  readonly #design: LedgerDesign | null;
  readonly #timeSets: CountMap = new Map();
  readonly #time = new Map<string, TimeCell>();
  readonly #waitSets: CountMap = new Map();
  readonly #kinds = new Map<string, WaitKind>();
  readonly #knowledgeSets: CountMap = new Map();
  readonly #knowledge = new Map<string, KnowledgeCell>();

  /** `design` lays out the ticks of folded entries; without one, statistics can only be added (merge). */
  constructor(design: LedgerDesign | null) {
    this.#design = design;
  }

  /** Folds one respondent's entries in (+1) or out (-1). The entries must be valid (ledgerFits). */
  fold(ledger: LedgerAnswers, sign: 1 | -1): void {
    const d = this.#design;
    if (!d) throw new LedgerStatsError('entries can only be folded into statistics of an instrument with a ledger');
    if (sign < 0 && !this.#holds(d, ledger)) throw new LedgerStatsError(WITHDRAW_UNKNOWN);
    const time = ledger.time;
    if (time && time.length > 0) {
      bump(this.#timeSets, categorySet(time), sign);
      for (const e of time) {
        const cell = cellOf(this.#time, e.category, timeCell);
        bump(cell.hours, ticksOf(e.hoursPerWeek, d.time.hoursPerWeek), sign);
        if (e.reason !== undefined) bump(cell.reasons, e.reason, sign);
        if (e.label !== undefined) bump(cell.labels, e.label, sign);
        if (cell.hours.size === 0) this.#time.delete(e.category);
      }
    }
    const waiting = ledger.waiting;
    if (waiting && waiting.length > 0) {
      bump(this.#waitSets, kindSet(waiting), sign);
      if (waiting.length === 1) {
        const e = waiting[0]!;
        bump(cellOf(this.#kinds, e.kind, waitKind).sets, singleSet(holderKey(e.heldBy)), sign);
      } else {
        for (const [kind, holders] of holdersByKind(waiting)) {
          bump(cellOf(this.#kinds, kind, waitKind).sets, setKey(holders), sign);
        }
      }
      for (const e of waiting) {
        const kind = cellOf(this.#kinds, e.kind, waitKind);
        const key = holderKey(e.heldBy);
        const cell = cellOf(kind.holders, key, waitCell);
        const days = ticksOf(e.days, d.waiting.days);
        const times = ticksOf(e.timesPerMonth, d.waiting.timesPerMonth);
        bump(cell.days, days, sign);
        bump(cell.times, times, sign);
        cell.load += sign * days * times;
        if (e.label !== undefined) bump(kind.labels, e.label, sign);
        if (cell.days.size === 0) kind.holders.delete(key);
      }
      // Only once every wait is out: a kind's other waits of this respondent still sit in it until then.
      if (sign < 0) for (const e of waiting) if (this.#kinds.get(e.kind)?.sets.size === 0) this.#kinds.delete(e.kind);
    }
    const knowledge = ledger.knowledge;
    if (knowledge && knowledge.length > 0) {
      bump(this.#knowledgeSets, categorySet(knowledge), sign);
      for (const e of knowledge) {
        const cell = cellOf(this.#knowledge, e.category, knowledgeCell);
        bump(cell.checks, ticksOf(e.checksPerWeek, d.knowledge.checksPerWeek), sign);
        if (e.sop !== undefined) bump(cell.sop, e.sop, sign);
        if (e.label !== undefined) bump(cell.labels, e.label, sign);
        if (cell.checks.size === 0) this.#knowledge.delete(e.category);
      }
    }
  }

  /** Whether every count a withdrawal of these entries would lower is there to lower. */
  #holds(d: LedgerDesign, ledger: LedgerAnswers): boolean {
    const time = ledger.time ?? [];
    if (time.length > 0 && !has(this.#timeSets, categorySet(time))) return false;
    for (const e of time) {
      const cell = this.#time.get(e.category);
      if (!cell || !has(cell.hours, ticksOf(e.hoursPerWeek, d.time.hoursPerWeek))) return false;
      if (e.reason !== undefined && !has(cell.reasons, e.reason)) return false;
      if (e.label !== undefined && !has(cell.labels, e.label)) return false;
    }
    const waiting = ledger.waiting ?? [];
    if (waiting.length > 0 && !has(this.#waitSets, kindSet(waiting))) return false;
    for (const [kind, holders] of holdersByKind(waiting)) {
      if (!has(this.#kinds.get(kind)?.sets, setKey(holders))) return false;
    }
    // Two waits of one kind may carry the same label: count what each label needs.
    const labels = new Map<string, number>();
    for (const e of waiting) {
      const kind = this.#kinds.get(e.kind)!;
      const cell = kind.holders.get(holderKey(e.heldBy));
      if (!cell) return false;
      const days = ticksOf(e.days, d.waiting.days);
      const times = ticksOf(e.timesPerMonth, d.waiting.timesPerMonth);
      if (!has(cell.days, days) || !has(cell.times, times) || cell.load < days * times) return false;
      if (e.label !== undefined) {
        const key = `${e.kind}\n${e.label}`;
        labels.set(key, (labels.get(key) ?? 0) + 1);
        if (!has(kind.labels, e.label, labels.get(key))) return false;
      }
    }
    const knowledge = ledger.knowledge ?? [];
    if (knowledge.length > 0 && !has(this.#knowledgeSets, categorySet(knowledge))) return false;
    for (const e of knowledge) {
      const cell = this.#knowledge.get(e.category);
      if (!cell || !has(cell.checks, ticksOf(e.checksPerWeek, d.knowledge.checksPerWeek))) return false;
      if (e.sop !== undefined && !has(cell.sop, e.sop)) return false;
      if (e.label !== undefined && !has(cell.labels, e.label)) return false;
    }
    return true;
  }

  /** Adds statistics of a disjoint group. Throws LedgerStatsError on anything but non-negative integer counts. */
  addStats(stats: unknown): void {
    // Every count is checked before the first is added, so a bad block changes nothing.
    checkStats(stats);
    this.#addChecked(stats as LedgerStats);
  }

  /** A block checkStats passed, added to the typed state (a cell is made only for a count above zero). */
  #addChecked(s: LedgerStats): void {
    addCounts(this.#timeSets, s.time.sets);
    for (const key of Object.keys(s.time.cells)) {
      const c = s.time.cells[key]!;
      if (!anyCount(c.hours) && !anyCount(c.reasons) && !anyCount(c.labels)) continue;
      const cell = cellOf(this.#time, key, timeCell);
      addTicks(cell.hours, c.hours);
      addCounts(cell.reasons, c.reasons);
      if (c.labels !== undefined) addCounts(cell.labels, c.labels);
    }
    addCounts(this.#waitSets, s.waiting.sets);
    for (const key of Object.keys(s.waiting.kinds)) {
      const k = s.waiting.kinds[key]!;
      let kind: WaitKind | undefined;
      if (anyCount(k.sets) || anyCount(k.labels)) {
        kind = cellOf(this.#kinds, key, waitKind);
        addCounts(kind.sets, k.sets);
        if (k.labels !== undefined) addCounts(kind.labels, k.labels);
      }
      for (const holder of Object.keys(k.holders)) {
        const h = k.holders[holder]!;
        if (!anyCount(h.days) && !anyCount(h.times) && !(h.load > 0)) continue;
        kind ??= cellOf(this.#kinds, key, waitKind);
        const cell = cellOf(kind.holders, holder, waitCell);
        addTicks(cell.days, h.days);
        addTicks(cell.times, h.times);
        if (h.load > 0) cell.load += h.load;
      }
    }
    addCounts(this.#knowledgeSets, s.knowledge.sets);
    for (const key of Object.keys(s.knowledge.cells)) {
      const c = s.knowledge.cells[key]!;
      if (!anyCount(c.checks) && !anyCount(c.sop) && !anyCount(c.labels)) continue;
      const cell = cellOf(this.#knowledge, key, knowledgeCell);
      addTicks(cell.checks, c.checks);
      addCounts(cell.sop, c.sop);
      if (c.labels !== undefined) addCounts(cell.labels, c.labels);
    }
  }

  /** The statistics so far, canonical: keys sorted, no zero counts, no empty cells. */
  toStats(): LedgerStats {
    return {
      time: {
        sets: counts(this.#timeSets),
        cells: cells(this.#time, (c) =>
          c.hours.size === 0 ? null : withLabels({ hours: counts(c.hours), reasons: counts(c.reasons) }, c.labels),
        ),
      },
      waiting: {
        sets: counts(this.#waitSets),
        kinds: cells(this.#kinds, (k) => {
          if (k.sets.size === 0) return null;
          const holders = cells(k.holders, (c) =>
            c.days.size === 0 ? null : { days: counts(c.days), times: counts(c.times), load: c.load },
          );
          return withLabels({ sets: counts(k.sets), holders }, k.labels);
        }),
      },
      knowledge: {
        sets: counts(this.#knowledgeSets),
        cells: cells(this.#knowledge, (c) =>
          c.checks.size === 0 ? null : withLabels({ checks: counts(c.checks), sop: counts(c.sop) }, c.labels),
        ),
      },
    };
  }
}

/** Per wait kind, the holders named for it (one respondent's waits). */
function holdersByKind(waiting: readonly { kind: string; heldBy: WaitHolder }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of waiting) {
    const list = out.get(e.kind);
    if (list) list.push(holderKey(e.heldBy));
    else out.set(e.kind, [holderKey(e.heldBy)]);
  }
  return out;
}

function cells<T, R>(map: Map<string, T>, build: (cell: T) => R | null): Record<string, R> {
  const out: Record<string, R> = {};
  for (const key of [...map.keys()].sort(compareKeys)) {
    const built = build(map.get(key)!);
    if (built !== null) out[key] = built;
  }
  return out;
}

function counts(map: CountMap | TickMap): Counts {
  const out: Counts = {};
  // Tick keys come out in numeric order, as JSON objects list integer keys anyway.
  const keys = [...map.keys()] as (string | number)[];
  keys.sort((a, b) => (typeof a === 'number' ? (a as number) - (b as number) : compareKeys(a as string, b as string)));
  for (const key of keys) {
    const v = (map as Map<string | number, number>).get(key)!;
    if (v !== 0) out[String(key)] = v;
  }
  return out;
}

function withLabels<T extends object>(cell: T, labels: CountMap): T & { labels?: Counts } {
  return labels.size === 0 ? cell : { ...cell, labels: counts(labels) };
}

const isEmpty = (c: Counts) => Object.keys(c).length === 0;

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

/**
 * Checks a statistics block (stored, or another accumulator's) before anything of it is added: the shape, every
 * count a non-negative integer, every tick key of a count above zero a tick. Error paths are built only on failure.
 */
function checkStats(stats: unknown): void {
  const s = record(stats, LEDGER_KEYS, undefined, () => []);
  const time = record(s.time, TIME_KEYS, undefined, () => ['time']);
  checkCounts(time.sets, false, () => ['time', 'sets']);
  const timeCells = record(time.cells, undefined, undefined, () => ['time', 'cells']);
  for (const key of Object.keys(timeCells)) {
    const at = () => ['time', 'cells', key];
    const c = record(timeCells[key], TIME_CELL_KEYS, LABELS, at);
    checkCounts(c.hours, true, () => [...at(), 'hours']);
    checkCounts(c.reasons, false, () => [...at(), 'reasons']);
    if (c.labels !== undefined) checkCounts(c.labels, false, () => [...at(), 'labels']);
  }
  const waiting = record(s.waiting, WAITING_KEYS, undefined, () => ['waiting']);
  checkCounts(waiting.sets, false, () => ['waiting', 'sets']);
  const kinds = record(waiting.kinds, undefined, undefined, () => ['waiting', 'kinds']);
  for (const key of Object.keys(kinds)) {
    const at = () => ['waiting', 'kinds', key];
    const k = record(kinds[key], KIND_KEYS, LABELS, at);
    checkCounts(k.sets, false, () => [...at(), 'sets']);
    if (k.labels !== undefined) checkCounts(k.labels, false, () => [...at(), 'labels']);
    const holders = record(k.holders, undefined, undefined, () => [...at(), 'holders']);
    for (const holder of Object.keys(holders)) {
      const where = () => [...at(), 'holders', holder];
      const c = record(holders[holder], HOLDER_KEYS, undefined, where);
      checkCounts(c.days, true, () => [...where(), 'days']);
      checkCounts(c.times, true, () => [...where(), 'times']);
      if (!isCount(c.load)) {
        throw new LedgerStatsError(`ledger statistics hold ${String(c.load)} at ledger.${where().join('.')}.load`);
      }
    }
  }
  const knowledge = record(s.knowledge, KNOWLEDGE_KEYS, undefined, () => ['knowledge']);
  checkCounts(knowledge.sets, false, () => ['knowledge', 'sets']);
  const knowledgeCells = record(knowledge.cells, undefined, undefined, () => ['knowledge', 'cells']);
  for (const key of Object.keys(knowledgeCells)) {
    const at = () => ['knowledge', 'cells', key];
    const c = record(knowledgeCells[key], KNOWLEDGE_CELL_KEYS, LABELS, at);
    checkCounts(c.checks, true, () => [...at(), 'checks']);
    checkCounts(c.sop, false, () => [...at(), 'sop']);
    if (c.labels !== undefined) checkCounts(c.labels, false, () => [...at(), 'labels']);
  }
}

const LEDGER_KEYS = ['time', 'waiting', 'knowledge'] as const;
const TIME_KEYS = ['sets', 'cells'] as const;
const WAITING_KEYS = ['sets', 'kinds'] as const;
const KNOWLEDGE_KEYS = ['sets', 'cells'] as const;
const TIME_CELL_KEYS = ['hours', 'reasons'] as const;
const KIND_KEYS = ['sets', 'holders'] as const;
const HOLDER_KEYS = ['days', 'times', 'load'] as const;
const KNOWLEDGE_CELL_KEYS = ['checks', 'sop'] as const;
const LABELS = ['labels'] as const;

const shapeError = (path: readonly string[]) =>
  new LedgerStatsError(`ledger statistics differ in shape at ledger.${path.join('.')}`);

/** A record with exactly `keys` (and any of `optional`); any keys when `keys` is undefined. */
function record(
  v: unknown,
  keys: readonly string[] | undefined,
  optional: readonly string[] | undefined,
  path: () => string[],
): Record<string, unknown> & Record<string, never> {
  if (!isRecord(v)) throw shapeError(path());
  if (keys) {
    for (const k of Object.keys(v)) if (!keys.includes(k) && !optional?.includes(k)) throw shapeError([...path(), k]);
    for (const k of keys) if (!(k in v)) throw shapeError([...path(), k]);
  }
  return v as Record<string, unknown> & Record<string, never>;
}

/** Counts by key; with `ticks`, every key of a count above zero a tick (as tickOf reads it). */
function checkCounts(v: unknown, ticks: boolean, path: () => string[]): void {
  const c = record(v, undefined, undefined, path);
  for (const k of Object.keys(c)) {
    const n: unknown = c[k];
    if (!isCount(n))
      throw new LedgerStatsError(`ledger statistics hold ${String(n)} at ledger.${[...path(), k].join('.')}`);
    if (ticks && n > 0) tickOf(k);
  }
}

/** Whether a checked block of counts (or an absent one) holds any count above zero. */
function anyCount(counts: Counts | undefined): boolean {
  if (counts === undefined) return false;
  for (const k of Object.keys(counts)) if (counts[k]! > 0) return true;
  return false;
}

/** Adds checked counts, those above zero (a key of zero never enters the typed state). */
function addCounts(into: CountMap, counts: Counts): void {
  for (const k of Object.keys(counts)) {
    const n = counts[k]!;
    if (n > 0) bump(into, k, n);
  }
}

/** Adds checked tick counts (their keys are ticks: checkStats read each with tickOf). */
function addTicks(into: TickMap, counts: Counts): void {
  for (const k of Object.keys(counts)) {
    const n = counts[k]!;
    if (n > 0) bump(into, Number(k), n);
  }
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
