// The ledger statistics of coded rows (LedgerCodes), counted with integers indexed by position: a histogram array per
// cell instead of a map per count, a cell found by one lookup of its category, the set of categories a respondent
// named as a bitmask of the cells' numbers. Add-only: the scoring engine's accumulator drains it into its
// LedgerAccumulator (stats.ts) before anything reads or withdraws, so the statistics are the same as folding the
// entries one by one, and only the fast path (a CSV's rows) goes through here.

import { type Instrument, LEVELS, type LedgerDesign } from '../instrument';
import { holderKey } from './design';
import type { LedgerCodes } from './ledger-codes';
import type { Counts, KnowledgeCellStats, LedgerAccumulator, LedgerStats, TimeCellStats, WaitKindStats } from './stats';
import { setKey } from './stats';
import type { Range } from './types';

/** Bits a set's mask may use; a cell numbered past them (a CSV with very many departments) keys its sets by text. */
const MASK_BITS = 30;

const tickCount = (r: Range) => Math.round((r.max - r.min) / r.step) + 1;

/** Respondents by the set of cells they named: by mask while every cell's number fits one, else by the set's key. */
class SetCounts {
  readonly masks = new Map<number, number>();
  readonly keys = new Map<string, number>();

  add(mask: number): void {
    this.masks.set(mask, (this.masks.get(mask) ?? 0) + 1);
  }

  addKey(key: string): void {
    this.keys.set(key, (this.keys.get(key) ?? 0) + 1);
  }

  /** As stats.ts keys them: the JSON of the sorted ids. `idOf` names the cell of a bit. */
  counts(idOf: (bit: number) => string): Counts {
    const out: Counts = {};
    for (const [mask, n] of this.masks) {
      const ids: string[] = [];
      for (let bit = 0; bit < MASK_BITS; bit++) if ((mask & (1 << bit)) !== 0) ids.push(idOf(bit));
      const key = setKey(ids);
      out[key] = (out[key] ?? 0) + n;
    }
    for (const [key, n] of this.keys) out[key] = (out[key] ?? 0) + n;
    return out;
  }
}

/** Counts by position (ticks, options) as stats.ts writes them: position → count, zeros left out. */
function counts(values: Float64Array, keyOf: (i: number) => string): Counts {
  const out: Counts = {};
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) out[keyOf(i)] = values[i]!;
  return out;
}

function bumpLabel(labels: Map<string, number> | null, label: string): Map<string, number> {
  const map = labels ?? new Map<string, number>();
  map.set(label, (map.get(label) ?? 0) + 1);
  return map;
}

/** A time or knowledge category: respondents by ticks, by option (reason, SOP), by label. */
interface CategoryCell {
  id: string;
  bit: number;
  ticks: Float64Array;
  options: Float64Array;
  labels: Map<string, number> | null;
}

class CategoryTally {
  readonly sets = new SetCounts();
  readonly byId = new Map<string, CategoryCell>();
  readonly cells: CategoryCell[] = [];
  readonly #ticks: number;
  readonly #options: number;

  constructor(range: Range, options: number) {
    this.#ticks = tickCount(range);
    this.#options = options;
  }

  add(e: LedgerCodes['time']): void {
    let mask = 0;
    let masked = true;
    for (let i = 0; i < e.count; i++) {
      const id = e.category[i]!;
      let cell = this.byId.get(id);
      if (cell === undefined) {
        cell = {
          id,
          bit: this.cells.length,
          ticks: new Float64Array(this.#ticks),
          options: new Float64Array(this.#options),
          labels: null,
        };
        this.byId.set(id, cell);
        this.cells.push(cell);
      }
      if (cell.bit < MASK_BITS) mask |= 1 << cell.bit;
      else masked = false;
      cell.ticks[e.ticks[i]!]! += 1;
      const o = e.option[i]!;
      if (o >= 0) cell.options[o]! += 1;
      const label = e.label[i];
      if (label !== undefined) cell.labels = bumpLabel(cell.labels, label);
    }
    if (masked) this.sets.add(mask);
    else this.sets.addKey(setKey(e.category.slice(0, e.count)));
  }
}

interface WaitCell {
  key: string;
  bit: number;
  days: Float64Array;
  times: Float64Array;
  load: number;
}

/** One kind of wait: its holders' cells (levels by position, departments by name) and the sets of holders named. */
interface KindTally {
  sets: SetCounts;
  levels: (WaitCell | undefined)[];
  departments: Map<string, WaitCell>;
  cells: WaitCell[];
  labels: Map<string, number> | null;
}

/** Add-only ledger statistics of coded rows, for the instrument's design (whose ranges and lists the codes use). */
export class LedgerTally {
  readonly #design: LedgerDesign;
  readonly #time: CategoryTally;
  readonly #knowledge: CategoryTally;
  /** Respondents by the set of kinds they named; a kind's bit is its position in the design's list. */
  readonly #waitSets = new SetCounts();
  readonly #kinds: (KindTally | undefined)[];
  readonly #dayTicks: number;
  readonly #timeTicks: number;
  #empty = true;

  constructor(design: LedgerDesign) {
    this.#design = design;
    this.#time = new CategoryTally(design.time.hoursPerWeek, design.time.reasons.length);
    this.#knowledge = new CategoryTally(design.knowledge.checksPerWeek, design.knowledge.sop.length);
    this.#kinds = design.waiting.kinds.map(() => undefined);
    this.#dayTicks = tickCount(design.waiting.days);
    this.#timeTicks = tickCount(design.waiting.timesPerMonth);
  }

  /**
   * Whether codes filled against `codes.design` mean here what they meant there: the same ranges (so the same
   * ticks) and the same option lists (so the same positions). Categories and holders are kept by name.
   */
  accepts(codes: LedgerCodes): boolean {
    const c = codes.design;
    const d = this.#design;
    return (
      c.maxEntries <= d.maxEntries &&
      c.time.hoursPerWeek === d.time.hoursPerWeek &&
      c.time.reasons === d.time.reasons &&
      c.waiting.kinds === d.waiting.kinds &&
      c.waiting.days === d.waiting.days &&
      c.waiting.timesPerMonth === d.waiting.timesPerMonth &&
      c.knowledge.checksPerWeek === d.knowledge.checksPerWeek &&
      c.knowledge.sop === d.knowledge.sop
    );
  }

  /** Whether nothing has been added since the last drain. */
  get empty(): boolean {
    return this.#empty;
  }

  /** Folds one respondent's entries in (`accepts` must hold). */
  add(codes: LedgerCodes): void {
    if (codes.time.count > 0) this.#time.add(codes.time);
    if (codes.knowledge.count > 0) this.#knowledge.add(codes.knowledge);
    if (codes.waiting.count > 0) this.#addWaits(codes.waiting);
    this.#empty = false;
  }

  #addWaits(e: LedgerCodes['waiting']): void {
    let kindMask = 0;
    let kindsMasked = true;
    for (let i = 0; i < e.count; i++) {
      const k = e.option[i]!;
      if (k < MASK_BITS) kindMask |= 1 << k;
      else kindsMasked = false;
      let kind = this.#kinds[k];
      if (kind === undefined) {
        kind = {
          sets: new SetCounts(),
          levels: LEVELS.map(() => undefined),
          departments: new Map(),
          cells: [],
          labels: null,
        };
        this.#kinds[k] = kind;
      }
      const cell = this.#holderCell(kind, e, i);
      const days = e.ticks[i]!;
      const times = e.ticks2[i]!;
      cell.days[days]! += 1;
      cell.times[times]! += 1;
      cell.load += days * times;
      const label = e.label[i];
      if (label !== undefined) kind.labels = bumpLabel(kind.labels, label);
    }
    if (kindsMasked) this.#waitSets.add(kindMask);
    else
      this.#waitSets.addKey(
        setKey(Array.from(e.option.subarray(0, e.count), (k) => this.#design.waiting.kinds[k]!.id)),
      );
    // Per kind named, the set of its holders, counted at the kind's first entry.
    for (let i = 0; i < e.count; i++) {
      const k = e.option[i]!;
      let first = true;
      for (let j = 0; j < i; j++) if (e.option[j] === k) first = false;
      if (!first) continue;
      const kind = this.#kinds[k]!;
      let mask = 0;
      let masked = true;
      for (let j = i; j < e.count; j++) {
        if (e.option[j] !== k) continue;
        const bit = this.#holderCell(kind, e, j).bit;
        if (bit < MASK_BITS) mask |= 1 << bit;
        else masked = false;
      }
      if (masked) kind.sets.add(mask);
      else {
        const keys: string[] = [];
        for (let j = i; j < e.count; j++) if (e.option[j] === k) keys.push(this.#holderCell(kind, e, j).key);
        kind.sets.addKey(setKey(keys));
      }
    }
  }

  /** The cell of the holder of wait `i` within its kind, made on first sight. */
  #holderCell(kind: KindTally, e: LedgerCodes['waiting'], i: number): WaitCell {
    const level = e.level[i]!;
    let cell = level >= 0 ? kind.levels[level] : kind.departments.get(e.department[i]!);
    if (cell === undefined) {
      const heldBy = level >= 0 ? { level: LEVELS[level]! } : { department: e.department[i]! };
      cell = {
        key: holderKey(heldBy),
        bit: kind.cells.length,
        days: new Float64Array(this.#dayTicks),
        times: new Float64Array(this.#timeTicks),
        load: 0,
      };
      if (level >= 0) kind.levels[level] = cell;
      else kind.departments.set(e.department[i]!, cell);
      kind.cells.push(cell);
    }
    return cell;
  }

  /** Moves everything counted into `into` (as statistics it adds), leaving this tally empty. */
  drainInto(into: LedgerAccumulator): void {
    if (this.#empty) return;
    into.addStats(this.#stats());
    this.#time.sets.masks.clear();
    this.#time.sets.keys.clear();
    this.#time.byId.clear();
    this.#time.cells.length = 0;
    this.#knowledge.sets.masks.clear();
    this.#knowledge.sets.keys.clear();
    this.#knowledge.byId.clear();
    this.#knowledge.cells.length = 0;
    this.#waitSets.masks.clear();
    this.#waitSets.keys.clear();
    this.#kinds.fill(undefined);
    this.#empty = true;
  }

  /** What is counted, in the shape of LedgerStats (LedgerAccumulator.addStats puts it in canonical order). */
  #stats(): LedgerStats {
    const d = this.#design;
    const tick = (i: number) => String(i);
    const labels = (map: Map<string, number> | null) => (map ? { labels: Object.fromEntries(map) } : {});
    const time: Record<string, TimeCellStats> = {};
    for (const c of this.#time.cells) {
      const reasons = counts(c.options, (i) => d.time.reasons[i]!.id);
      time[c.id] = { hours: counts(c.ticks, tick), reasons, ...labels(c.labels) };
    }
    const knowledge: Record<string, KnowledgeCellStats> = {};
    for (const c of this.#knowledge.cells) {
      const sop = counts(c.options, (i) => d.knowledge.sop[i]!.id);
      knowledge[c.id] = { checks: counts(c.ticks, tick), sop, ...labels(c.labels) };
    }
    const kinds: Record<string, WaitKindStats> = {};
    this.#kinds.forEach((kind, k) => {
      if (!kind) return;
      const holders: WaitKindStats['holders'] = {};
      for (const c of kind.cells)
        holders[c.key] = { days: counts(c.days, tick), times: counts(c.times, tick), load: c.load };
      const sets = kind.sets.counts((bit) => kind.cells[bit]!.key);
      kinds[d.waiting.kinds[k]!.id] = { sets, holders, ...labels(kind.labels) };
    });
    return {
      time: { sets: this.#time.sets.counts((bit) => this.#time.cells[bit]!.id), cells: time },
      waiting: { sets: this.#waitSets.counts((bit) => d.waiting.kinds[bit]!.id), kinds },
      knowledge: { sets: this.#knowledge.sets.counts((bit) => this.#knowledge.cells[bit]!.id), cells: knowledge },
    };
  }
}

/** A tally for the instrument's ledger step; null without one. */
export const ledgerTallyFor = (instrument: Instrument): LedgerTally | null =>
  instrument.ledger ? new LedgerTally(instrument.ledger) : null;
