import {
  capacityItem,
  decidedItem,
  type Instrument,
  LAYERS,
  type Layer,
  LIKERT_MAX,
  LIKERT_MIN,
  type LikertItem,
  type LikertSignal,
  likertSignalsOf,
} from '../instrument';
import { answerCodes, DONT_KNOW_CODE } from './answer-codes';
import { InstrumentMismatchError, StatsMismatchError } from './errors';
import type { GroupStats, ScaleStats } from './group-stats';
import { type Scale, scalesOf, scoredValue } from './scales';

// An instrument compiled once for the accumulator: every statistic of GroupStats gets a fixed offset in one flat
// Float64Array (integers stay exact in it up to 2^53, as in a plain number), and what each answer code of each item
// means is looked up in flat tables. toStats and readStats translate between that buffer and the GroupStats JSON, so
// the layout lives in this file only.

/** What an item's codes mean to the per-response loop (ScoringPlan.kinds). */
export const LIKERT_ITEM = 0;
/** A reverse-worded likert item (for straight-lining; its scored values are already flipped). */
export const REVERSED_ITEM = 1;
export const CHOICE_ITEM = 2;
/** The "has leadership decided" choice item (2026.2 on), counted apart from what freed capacity is for. */
export const DECIDED_ITEM = 3;

/** Where one scale's statistics start in the buffer (ScaleStats in group-stats.ts says what each one means). */
export interface ScaleLayout {
  scale: Scale;
  size: number;
  /** Slot of the scale's first item. */
  first: number;
  respondentsN: number;
  respondentsSum: number;
  respondentsSumSq: number;
  itemsN: number;
  itemsSum: number;
  itemsSumSq: number;
  completeN: number;
  completeSum: number;
  /** The upper triangle of cross-products, row after row (row i holds size - i entries). */
  cross: number;
  dontKnow: number;
  answers: number;
  /** Per item, VALUE_COUNTS counters: respondents with a scale score giving each scored value. */
  values: number;
  itemDontKnow: number;
  itemAnswers: number;
  /** PAIR_SUMS sums per pair of items i < j, pairs in row order (pairsOf). */
  pairs: number;
  /** Where the scale's answer-pattern counters start (ScoringPlan.patterns); it has PATTERN_RADIX ** size of them. */
  patterns: number;
}

/**
 * An answer pattern of a scale is the tuple of its items' codes (0 unanswered, the likert answer, don't know), read as
 * a number in this base with the scale's first item as the lowest digit. Every statistic of a scale is a function of
 * the pattern, so the accumulator counts patterns per row and works the statistics out once per pattern.
 */
export const PATTERN_RADIX = DONT_KNOW_CODE + 1;

/** Counters per item in ScaleStats.values: one per scored value LIKERT_MIN..LIKERT_MAX. */
export const VALUE_COUNTS = LIKERT_MAX - LIKERT_MIN + 1;
/** Sums per pair in ScaleStats.pairs: n, Σx_i, Σx_j, Σx_i², Σx_j², Σx_i·x_j. */
export const PAIR_SUMS = 6;
/** Pairs of items i < j of a scale of `size` items. */
export const pairsOf = (size: number): number => (size * (size - 1)) / 2;

// The per-response loop reads answer codes (answer-codes.ts) and these flat tables, indexed by item (instrument order)
// or slot: typed arrays rather than an object per item, because the loop runs per respondent over every item.
export interface ScoringPlan {
  instrument: Instrument;
  /** Item ids in instrument order (for errors). */
  ids: string[];
  /** Per item: LIKERT_ITEM, REVERSED_ITEM, CHOICE_ITEM or DECIDED_ITEM. */
  kinds: Uint8Array;
  /** Per item: the highest code it takes; every code from 1 to it is an answer. */
  maxCodes: Uint8Array;
  /** Row length of `values`: more than any item's highest code. */
  stride: number;
  /**
   * Per item and code, at item * stride + code: for a likert item the scored value of the answer (scoredValue, worked
   * out once), 0 for unanswered and don't know; for the capacity item its capacity counter + 1, for the decided item
   * its decided counter + 1, else 0.
   */
  values: Int32Array;
  /** Per slot, the item in it: slots hold the scales' items one scale after another (ScaleLayout.first). */
  slotItems: Int32Array;
  /** Layers, then the instrument's likert signals, in the order of LAYERS and LIKERT_SIGNALS. */
  scales: ScaleLayout[];
  /** The likert signals the instrument asks about (likertSignalsOf): the keys of GroupStats.signals. */
  signalKeys: readonly LikertSignal[];
  /** Option ids of the capacity item, in its order: the keys of GroupStats.capacity. */
  capacityOptions: readonly string[];
  /** Option ids of the decided item, or null when the instrument has none (then GroupStats has no `decided`). */
  decidedOptions: readonly string[] | null;
  /** Per item: the index in `scales` of the scale holding it, -1 for a choice item. */
  itemScale: Int32Array;
  /** Per item: what its code is worth in its scale's pattern number (PATTERN_RADIX ** its place in the scale). */
  itemPlace: Int32Array;
  /** Per scale, ScaleLayout.patterns: where its pattern counters start. */
  patternStarts: Int32Array;
  /** Number of pattern counters over all scales. */
  patterns: number;
  /** Number of likert items, each in one slot. */
  slots: number;
  n: number;
  /** capacityOptions.length counters, in that order. */
  capacity: number;
  /** decidedOptions.length counters (none without a decided item). */
  decided: number;
  /** flagged, straightLining, tooFast. */
  quality: number;
  /** Length of the buffer. */
  length: number;
}

// Instruments are immutable data, so a plan is a pure function of its instrument; caching it changes no result.
const plans = new WeakMap<Instrument, ScoringPlan>();

export function planOf(instrument: Instrument): ScoringPlan {
  let plan = plans.get(instrument);
  if (!plan) {
    plan = compile(instrument);
    plans.set(instrument, plan);
  }
  return plan;
}

/** Pattern counters per accumulator (one byte each) beyond which an instrument is refused. */
const MAX_PATTERNS = 1 << 20;

function compile(instrument: Instrument): ScoringPlan {
  let length = 0;
  const take = (count: number): number => {
    const at = length;
    length += count;
    return at;
  };
  const slotOf = new Map<LikertItem, number>();
  let slots = 0;
  let patterns = 0;
  const scales = scalesOf(instrument).map((scale): ScaleLayout => {
    const size = scale.items.length;
    const first = slots;
    for (const item of scale.items) slotOf.set(item, slots++);
    const at = patterns;
    patterns += PATTERN_RADIX ** size;
    return {
      patterns: at,
      scale,
      size,
      first,
      respondentsN: take(size + 1),
      respondentsSum: take(size + 1),
      respondentsSumSq: take(size + 1),
      itemsN: take(size),
      itemsSum: take(size),
      itemsSumSq: take(size),
      completeN: take(1),
      completeSum: take(size),
      cross: take((size * (size + 1)) / 2),
      dontKnow: take(1),
      answers: take(1),
      values: take(size * VALUE_COUNTS),
      itemDontKnow: take(size),
      itemAnswers: take(size),
      pairs: take(pairsOf(size) * PAIR_SUMS),
    };
  });
  // Counters per cell grow sevenfold per item of a scale: fine for scales of a few items, as every scale is now (4 at
  // most, 12,852 counters in all); a scale of a dozen would need another way to fold, so it is refused here, early.
  if (patterns > MAX_PATTERNS) {
    throw new RangeError(
      `scales of ${instrument.id} need ${patterns} answer-pattern counters; at most ${MAX_PATTERNS}`,
    );
  }
  const counted = capacityItem(instrument);
  const decision = decidedItem(instrument);
  const capacityOptions = counted ? counted.options.map((o) => o.id) : [];
  const decidedOptions = decision ? decision.options.map((o) => o.id) : null;
  const coding = answerCodes(instrument);
  const n = instrument.items.length;
  const maxCodes = Uint8Array.from(coding, (c) => c.values.length - 1);
  const stride = Math.max(DONT_KNOW_CODE, ...maxCodes) + 1;
  const kinds = new Uint8Array(n);
  const values = new Int32Array(n * stride);
  const slotItems = new Int32Array(slots);
  const itemScale = new Int32Array(n).fill(-1);
  const itemPlace = new Int32Array(n);
  instrument.items.forEach((item, i) => {
    if (item.type === 'likert') {
      // Every likert item belongs to exactly one layer or likert signal, so scalesOf placed it.
      const slot = slotOf.get(item)!;
      slotItems[slot] = i;
      const s = scales.findIndex((l) => slot >= l.first && slot < l.first + l.size);
      itemScale[i] = s;
      itemPlace[i] = PATTERN_RADIX ** (slot - scales[s]!.first);
      kinds[i] = item.reverse ? REVERSED_ITEM : LIKERT_ITEM;
      for (let answer = LIKERT_MIN; answer <= LIKERT_MAX; answer++) {
        values[i * stride + coding[i]!.codes.get(answer)!] = scoredValue(item, answer);
      }
    } else {
      const options = item === counted ? capacityOptions : item === decision ? decidedOptions : null;
      kinds[i] = item === decision ? DECIDED_ITEM : CHOICE_ITEM;
      if (!options) return;
      coding[i]!.values.forEach((v, code) => {
        const option = options.indexOf(v as string);
        if (option >= 0) values[i * stride + code] = option + 1;
      });
    }
  });
  return {
    instrument,
    ids: instrument.items.map((item) => item.id),
    kinds,
    maxCodes,
    stride,
    values,
    slotItems,
    scales,
    itemScale,
    itemPlace,
    patternStarts: Int32Array.from(scales, (l) => l.patterns),
    patterns,
    slots,
    signalKeys: likertSignalsOf(instrument),
    capacityOptions,
    decidedOptions,
    n: take(1),
    capacity: take(capacityOptions.length),
    quality: take(3),
    decided: take(decidedOptions?.length ?? 0),
    length,
  };
}

function list(buffer: Float64Array, at: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = buffer[at + i]!;
  return out;
}

function scaleStats(buffer: Float64Array, l: ScaleLayout): ScaleStats {
  const k = l.size;
  const cross: number[][] = [];
  for (let i = 0, at = l.cross; i < k; at += k - i, i++) cross.push(list(buffer, at, k - i));
  return {
    respondents: {
      n: list(buffer, l.respondentsN, k + 1),
      sum: list(buffer, l.respondentsSum, k + 1),
      sumSq: list(buffer, l.respondentsSumSq, k + 1),
    },
    items: { n: list(buffer, l.itemsN, k), sum: list(buffer, l.itemsSum, k), sumSq: list(buffer, l.itemsSumSq, k) },
    complete: { n: buffer[l.completeN]!, sum: list(buffer, l.completeSum, k), cross },
    dontKnow: buffer[l.dontKnow]!,
    answers: buffer[l.answers]!,
    values: Array.from({ length: k }, (_, i) => list(buffer, l.values + i * VALUE_COUNTS, VALUE_COUNTS)),
    itemDontKnow: list(buffer, l.itemDontKnow, k),
    itemAnswers: list(buffer, l.itemAnswers, k),
    pairs: Array.from({ length: pairsOf(k) }, (_, p) => list(buffer, l.pairs + p * PAIR_SUMS, PAIR_SUMS)),
  };
}

/** The GroupStats JSON of a buffer laid out by the plan: a fresh object sharing nothing with the buffer. */
export function toStats(plan: ScoringPlan, buffer: Float64Array, excludeFlagged: boolean): GroupStats {
  const layers = {} as Record<Layer, ScaleStats>;
  const signals: Partial<Record<LikertSignal, ScaleStats>> = {};
  for (const l of plan.scales) {
    if (l.scale.kind === 'layer') layers[l.scale.key] = scaleStats(buffer, l);
    else signals[l.scale.key] = scaleStats(buffer, l);
  }
  const counters = (options: readonly string[], at: number): Record<string, number> =>
    Object.fromEntries(options.map((o, i) => [o, buffer[at + i]!]));
  const q = plan.quality;
  // Key order as before 2026.2 existed: stored statistics of 2026.1 campaigns keep their exact JSON.
  return {
    instrument: { id: plan.instrument.id, version: plan.instrument.version },
    excludeFlagged,
    n: buffer[plan.n]!,
    layers,
    signals,
    capacity: counters(plan.capacityOptions, plan.capacity),
    quality: { flagged: buffer[q]!, straightLining: buffer[q + 1]!, tooFast: buffer[q + 2]! },
    ...(plan.decidedOptions ? { decided: counters(plan.decidedOptions, plan.decided) } : {}),
  };
}

// Reading runs once per fold (the pure fold copies through an accumulator), so paths for error messages are built only
// when a check fails.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function shapeError(path: string): StatsMismatchError {
  return new StatsMismatchError(`statistics differ in shape at ${path}`);
}

function record(v: unknown, keys: readonly string[], path: string): Record<string, unknown> {
  if (!isRecord(v) || Object.keys(v).length !== keys.length) throw shapeError(path);
  for (const k of keys) if (!(k in v)) throw shapeError(path);
  return v;
}

// Statistics are counts and sums of positive values: anything else would make every later sum meaningless.
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function countError(v: unknown, path: string): StatsMismatchError {
  return new StatsMismatchError(`statistics hold ${String(v)} at ${path}; expected a non-negative integer`);
}

function count(v: unknown, path: string, field: string): number {
  if (!isCount(v)) throw countError(v, `${path}.${field}`);
  return v;
}

function readList(v: unknown, into: Float64Array, at: number, length: number, path: string, field: string): void {
  if (!Array.isArray(v) || v.length !== length) throw shapeError(`${path}.${field}`);
  for (let i = 0; i < length; i++) {
    const x: unknown = v[i];
    if (!isCount(x)) throw countError(x, `${path}.${field}[${i}]`);
    into[at + i] = x;
  }
}

const SCALE_KEYS = [
  'respondents',
  'items',
  'complete',
  'dontKnow',
  'answers',
  'values',
  'itemDontKnow',
  'itemAnswers',
  'pairs',
] as const;
const SUM_KEYS = ['n', 'sum', 'sumSq'] as const;
const COMPLETE_KEYS = ['n', 'sum', 'cross'] as const;
const TOP_KEYS = ['instrument', 'excludeFlagged', 'n', 'layers', 'signals', 'capacity', 'quality'] as const;
const TOP_KEYS_DECIDED = [...TOP_KEYS, 'decided'] as const;
const LEDGER_KEY = 'ledger';
const QUALITY_KEYS = ['flagged', 'straightLining', 'tooFast'] as const;

function readScale(v: unknown, into: Float64Array, l: ScaleLayout, path: string): void {
  const k = l.size;
  const s = record(v, SCALE_KEYS, path);
  const respondents = record(s.respondents, SUM_KEYS, `${path}.respondents`);
  readList(respondents.n, into, l.respondentsN, k + 1, path, 'respondents.n');
  readList(respondents.sum, into, l.respondentsSum, k + 1, path, 'respondents.sum');
  readList(respondents.sumSq, into, l.respondentsSumSq, k + 1, path, 'respondents.sumSq');
  const items = record(s.items, SUM_KEYS, `${path}.items`);
  readList(items.n, into, l.itemsN, k, path, 'items.n');
  readList(items.sum, into, l.itemsSum, k, path, 'items.sum');
  readList(items.sumSq, into, l.itemsSumSq, k, path, 'items.sumSq');
  const complete = record(s.complete, COMPLETE_KEYS, `${path}.complete`);
  into[l.completeN] = count(complete.n, path, 'complete.n');
  readList(complete.sum, into, l.completeSum, k, path, 'complete.sum');
  const cross = complete.cross;
  if (!Array.isArray(cross) || cross.length !== k) throw shapeError(`${path}.complete.cross`);
  for (let i = 0, at = l.cross; i < k; at += k - i, i++)
    readList(cross[i], into, at, k - i, path, `complete.cross[${i}]`);
  into[l.dontKnow] = count(s.dontKnow, path, 'dontKnow');
  into[l.answers] = count(s.answers, path, 'answers');
  readRows(s.values, into, l.values, k, VALUE_COUNTS, path, 'values');
  readList(s.itemDontKnow, into, l.itemDontKnow, k, path, 'itemDontKnow');
  readList(s.itemAnswers, into, l.itemAnswers, k, path, 'itemAnswers');
  readRows(s.pairs, into, l.pairs, pairsOf(k), PAIR_SUMS, path, 'pairs');
}

function readRows(
  v: unknown,
  into: Float64Array,
  at: number,
  rows: number,
  width: number,
  path: string,
  field: string,
): void {
  if (!Array.isArray(v) || v.length !== rows) throw shapeError(`${path}.${field}`);
  for (let r = 0; r < rows; r++) readList(v[r], into, at + r * width, width, path, `${field}[${r}]`);
}

/**
 * Writes statistics into a zeroed buffer laid out by the plan, checking that they belong to the plan's instrument,
 * have its shape and hold only non-negative integers. Returns their excludeFlagged setting.
 */
export function readStats(plan: ScoringPlan, stats: GroupStats, into: Float64Array): boolean {
  const { instrument } = plan;
  const top: readonly string[] = plan.decidedOptions ? TOP_KEYS_DECIDED : TOP_KEYS;
  // The ledger block is read by the accumulator's own ledger part; statistics stored before it existed lack it.
  const withLedger = instrument.ledger !== undefined && isRecord(stats) && LEDGER_KEY in stats;
  const s = record(stats, withLedger ? [...top, LEDGER_KEY] : top, 'stats') as unknown as GroupStats;
  if (s.instrument?.id !== instrument.id || s.instrument.version !== instrument.version) {
    throw new InstrumentMismatchError(
      `statistics are for ${s.instrument?.id}@${s.instrument?.version}, not ${instrument.id}@${instrument.version}`,
    );
  }
  if (typeof s.excludeFlagged !== 'boolean') throw shapeError('stats.excludeFlagged');
  into[plan.n] = count(s.n, 'stats', 'n');
  const layers = record(s.layers, LAYERS, 'stats.layers');
  const signals = record(s.signals, plan.signalKeys, 'stats.signals');
  for (const l of plan.scales) {
    if (l.scale.kind === 'layer') readScale(layers[l.scale.key], into, l, `stats.layers.${l.scale.key}`);
    else readScale(signals[l.scale.key], into, l, `stats.signals.${l.scale.key}`);
  }
  const capacity = record(s.capacity, plan.capacityOptions, 'stats.capacity');
  plan.capacityOptions.forEach((o, i) => {
    into[plan.capacity + i] = count(capacity[o], 'stats.capacity', o);
  });
  if (plan.decidedOptions) {
    const decided = record(s.decided, plan.decidedOptions, 'stats.decided');
    plan.decidedOptions.forEach((o, i) => {
      into[plan.decided + i] = count(decided[o], 'stats.decided', o);
    });
  }
  const quality = record(s.quality, QUALITY_KEYS, 'stats.quality');
  QUALITY_KEYS.forEach((q, i) => {
    into[plan.quality + i] = count(quality[q], 'stats.quality', q);
  });
  return s.excludeFlagged;
}
