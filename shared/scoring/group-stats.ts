import type { Instrument, Layer, LikertSignal } from '../instrument';
import {
  emptyLedgerStats,
  isEmptyLedgerStats,
  LedgerAccumulator,
  type LedgerStats,
  mergeLedgerStats,
} from '../ledger/stats';
import type { SurveyResponse } from '../response';
import { type Accumulator, accumulatorFrom, createAccumulator } from './accumulator';
import { InstrumentMismatchError, StatsMismatchError } from './errors';
import { planOf, readStats, toStats } from './scoring-plan';

/**
 * Sufficient statistics of one scale. Every field is an integer sum (answers are integers 1..5), so fold, unfold and
 * merge are exact and the order of respondents cannot change a bit of the result. Arrays follow the scale's items in
 * instrument order; the instrument id and version in GroupStats pin that order.
 */
export interface ScaleStats {
  /**
   * Respondents with a scale score, bucketed by how many items they answered (index = that count; buckets below half
   * stay 0). sum and sumSq hold the respondent's integer item sum S, not the mean S/k: a mean is a fraction, but with
   * S kept per denominator k, the sum of means and of squared means are exact rationals the report can evaluate.
   */
  respondents: { n: number[]; sum: number[]; sumSq: number[] };
  /** Per item, over respondents with a scale score: answer count, sum and sum of squares (item variances for rwg). */
  items: { n: number[]; sum: number[]; sumSq: number[] };
  /**
   * Respondents who answered every item: per-item sums and the upper triangle of item cross-products (cross[i][j - i]
   * for j >= i, so the diagonal holds the sums of squares), for Cronbach's alpha.
   */
  complete: { n: number; sum: number[]; cross: number[][] };
  /** Don't-know answers, and answers of any kind, to the scale's items: from every response scored, whatever its
   * coverage of the scale. */
  dontKnow: number;
  answers: number;
  /**
   * Per item, over respondents with a scale score: how many gave each scored value 1..5 (index value - 1; reverse-
   * worded items already flipped), for per-question favourable / neutral / unfavourable shares.
   */
  values: number[][];
  /** Per item, over every response scored: its don't-know answers and its answers of any kind (per-item dk rates). */
  itemDontKnow: number[];
  itemAnswers: number[];
  /**
   * Per pair of items i < j (in the order (0,1), (0,2), …, (1,2), …), over respondents with a scale score who answered
   * both: [n, Σx_i, Σx_j, Σx_i², Σx_j², Σx_i·x_j], for pairwise covariances (item-means scores and alpha).
   */
  pairs: number[][];
}

/** Mergeable statistics of one group of responses. Plain JSON of non-negative integers: storable in DynamoDB. */
export interface GroupStats {
  instrument: { id: string; version: string };
  /** Whether flagged responses are left out of the scores; fixed for the life of the statistics. */
  excludeFlagged: boolean;
  /** Responses scored (flagged ones too unless excluded). */
  n: number;
  layers: Record<Layer, ScaleStats>;
  /** The likert signals the instrument asks about (likertSignalsOf), no others. */
  signals: Partial<Record<LikertSignal, ScaleStats>>;
  /** Answers to the capacity item, per option id of the instrument's capacity item. */
  capacity: Record<string, number>;
  /** Counted over every response folded in, excluded or not. */
  quality: { flagged: number; straightLining: number; tooFast: number };
  /** Answers to "has leadership decided" per option id: only for instruments with that item (2026.2 on). */
  decided?: Record<string, number>;
  /**
   * The ledger step's entries (shared/ledger/stats.ts): only for instruments with a ledger step, and only once an
   * entry was folded in (absent means none, so statistics of responses without entries keep their earlier shape).
   * Sparse, merged by its own function.
   */
  ledger?: LedgerStats;
}

export interface ScoringOptions {
  /** Leave responses flagged by qualityFlags out of the scores (they stay in the quality counters). Default false. */
  excludeFlagged?: boolean;
}

/**
 * Statistics of no responses. The scoring option is fixed here because unfold must undo exactly what fold did, and
 * reports must say whether flagged responses were left out.
 */
export function emptyStats(instrument: Instrument, options: ScoringOptions = {}): GroupStats {
  return createAccumulator(instrument, options).toStats();
}

function checkInstrument(instrument: Instrument, stats: GroupStats): void {
  if (stats.instrument.id !== instrument.id || stats.instrument.version !== instrument.version) {
    throw new InstrumentMismatchError(
      `statistics are for ${stats.instrument.id}@${stats.instrument.version}, not ${instrument.id}@${instrument.version}`,
    );
  }
}

function checkOptions(stats: GroupStats, options: ScoringOptions | undefined): void {
  if (options?.excludeFlagged !== undefined && options.excludeFlagged !== stats.excludeFlagged) {
    throw new StatsMismatchError(
      `statistics were started with excludeFlagged=${stats.excludeFlagged}; pass the same option to emptyStats`,
    );
  }
}

// fold and unfold are the accumulator on a copy: one implementation of the arithmetic, and the input stays unchanged.
function accumulatorOf(instrument: Instrument, stats: GroupStats, options: ScoringOptions | undefined): Accumulator {
  checkInstrument(instrument, stats);
  checkOptions(stats, options);
  return accumulatorFrom(instrument, stats);
}

/**
 * Folds one response into the statistics (a new object; the input is not changed). For many responses, an
 * Accumulator (createAccumulator) computes the same statistics without copying them per response.
 */
export function fold(
  instrument: Instrument,
  stats: GroupStats,
  response: SurveyResponse,
  options?: ScoringOptions,
): GroupStats {
  const accumulator = accumulatorOf(instrument, stats, options);
  accumulator.add(response);
  return accumulator.toStats();
}

/** Withdraws a response folded in earlier: unfold(fold(s, r), r) equals s exactly. */
export function unfold(
  instrument: Instrument,
  stats: GroupStats,
  response: SurveyResponse,
  options?: ScoringOptions,
): GroupStats {
  const accumulator = accumulatorOf(instrument, stats, options);
  accumulator.remove(response);
  return accumulator.toStats();
}

/**
 * Adds statistics field by field, any number at once (the ledger block apart: it is sparse). Every number in
 * GroupStats is additive and every string or boolean identifies what the numbers mean, so one walk keeps merge in step
 * with the type and refuses statistics of another shape; one new object however many groups are summed.
 */
function addAll(values: readonly unknown[], path: string): unknown {
  const first = values[0];
  if (typeof first === 'number') {
    let sum = 0;
    for (const v of values) {
      if (typeof v !== 'number') throw new StatsMismatchError(`statistics differ at ${path}`);
      sum += v;
    }
    return sum;
  }
  if (Array.isArray(first)) {
    for (const v of values) {
      if (!Array.isArray(v) || v.length !== first.length) {
        throw new StatsMismatchError(`statistics differ in shape at ${path}`);
      }
    }
    return first.map((_, i) =>
      addAll(
        values.map((v) => (v as unknown[])[i]),
        `${path}[${i}]`,
      ),
    );
  }
  if (isRecord(first)) {
    const keys = Object.keys(first);
    for (const v of values) {
      if (!isRecord(v) || Object.keys(v).length !== keys.length || keys.some((k) => !(k in v))) {
        throw new StatsMismatchError(`statistics differ in shape at ${path}`);
      }
    }
    return Object.fromEntries(
      keys.map((k) => [
        k,
        addAll(
          values.map((v) => (v as Record<string, unknown>)[k]),
          `${path}.${k}`,
        ),
      ]),
    );
  }
  if ((typeof first === 'string' || typeof first === 'boolean') && values.every((v) => v === first)) return first;
  throw new StatsMismatchError(`statistics differ at ${path}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Statistics of the union of two disjoint groups. Associative and commutative, with emptyStats as identity. */
export function merge(a: GroupStats, b: GroupStats): GroupStats {
  if (a.instrument.id !== b.instrument.id || a.instrument.version !== b.instrument.version) {
    throw new InstrumentMismatchError(
      `cannot merge statistics of ${a.instrument.id}@${a.instrument.version} and ${b.instrument.id}@${b.instrument.version}`,
    );
  }
  if (a.excludeFlagged !== b.excludeFlagged) {
    throw new StatsMismatchError('cannot merge statistics with different excludeFlagged settings');
  }
  const { ledger: la, ...restA } = a;
  const { ledger: lb, ...restB } = b;
  const merged = addAll([restA, restB], 'stats') as GroupStats;
  if (la || lb) {
    const ledger = mergeLedgerStats(la ?? emptyLedgerStats(), lb ?? emptyLedgerStats());
    if (!isEmptyLedgerStats(ledger)) merged.ledger = ledger;
  }
  return merged;
}

/**
 * Statistics of the union of many disjoint groups: equal to merging them one by one onto emptyStats, in one pass
 * (a report sums the cells of every group it shows, so merging pairwise copied the statistics once per cell). Each
 * group is read into the accumulator's flat layout (scoring-plan.ts `readStats`, which checks its shape and counts)
 * and summed there, rather than walked field by field as `merge` does; the sums are the same integers.
 * `ledger: false` leaves the ledger block out, for groups whose ledger is never shown (a department or level).
 */
export function mergeMany(
  instrument: Instrument,
  stats: readonly GroupStats[],
  options: ScoringOptions & { ledger?: boolean } = {},
): GroupStats {
  const excludeFlagged = options.excludeFlagged ?? false;
  for (const s of stats) {
    checkInstrument(instrument, s);
    if (s.excludeFlagged !== excludeFlagged) {
      throw new StatsMismatchError('cannot merge statistics with different excludeFlagged settings');
    }
  }
  const plan = planOf(instrument);
  const sum = new Float64Array(plan.length);
  const one = new Float64Array(plan.length);
  for (const s of stats) {
    one.fill(0);
    readStats(plan, s, one);
    for (let i = 0; i < sum.length; i++) sum[i]! += one[i]!;
  }
  const merged = toStats(plan, sum, excludeFlagged);
  if (options.ledger === false) return merged;
  const ledgers = stats.flatMap((s) => (s.ledger ? [s.ledger] : []));
  if (ledgers.length === 0) return merged;
  const acc = new LedgerAccumulator(null);
  for (const l of ledgers) acc.addStats(l);
  const ledger = acc.toStats();
  if (!isEmptyLedgerStats(ledger)) merged.ledger = ledger;
  return merged;
}
