import type { Instrument } from '../instrument';
import { engineLedgerDesign } from '../ledger/design';
import type { LedgerCodes } from '../ledger/ledger-codes';
import { type LedgerTally, ledgerTallyFor } from '../ledger/ledger-tally';
import { isEmptyLedgerStats, LedgerAccumulator, LedgerStatsError } from '../ledger/stats';
import type { LedgerAnswers, ResolvedLedgerDesign } from '../ledger/types';
import { ledgerFits, ledgerIssues } from '../ledger/validate';
import { type Answers, answerIssues, type SurveyResponse } from '../response';
import { answerCodes, DONT_KNOW_CODE, encodeAnswers, type ItemCodes, UNANSWERED } from './answer-codes';
import { InvalidResponseError, StatsMismatchError } from './errors';
import type { GroupStats, ScoringOptions } from './group-stats';
import { isStraightLining, isTooFast } from './quality';
import { isScaleScored } from './scales';
import {
  CHOICE_ITEM,
  DECIDED_ITEM,
  PAIR_SUMS,
  PATTERN_RADIX,
  planOf,
  REVERSED_ITEM,
  readStats,
  type ScaleLayout,
  type ScoringPlan,
  toStats,
  VALUE_COUNTS,
} from './scoring-plan';

// Module-local copies of imported bindings used per answer: where a loader turns exports into getters (tsx, which
// runs the CLI, does), each read is a call, and a few per answer cost more than the rest of the loop.
const NONE = UNANSWERED;
const DK = DONT_KNOW_CODE;
const CHOICE = CHOICE_ITEM;
const DECIDED = DECIDED_ITEM;
const REVERSED = REVERSED_ITEM;
const isScored = isScaleScored;
const straightLined = isStraightLining;
const fast = isTooFast;
const RADIX = PATTERN_RADIX;
const VALUES = VALUE_COUNTS;
const PAIR = PAIR_SUMS;

/**
 * Mutable statistics of one group, for folding many responses: the fast path under fold, unfold and scoreResponses.
 * It owns its state (toStats hands out copies, addStats copies in), so no GroupStats anyone else holds is ever changed,
 * and a call that throws leaves it as it was. Its statistics are the same integers fold computes: fold is one add.
 */
export interface Accumulator {
  readonly instrument: Instrument;
  /** Fixed at creation, like emptyStats' option; statistics added must have the same setting. */
  readonly excludeFlagged: boolean;
  /** Folds one response in. Throws InvalidResponseError (with the issues per field) if it does not fit. */
  add(response: SurveyResponse): void;
  /**
   * Folds in one response given as answer codes (answer-codes.ts: byte i codes item i of the instrument, as
   * `answerCodes(instrument)` describes), its duration and its ledger entries as codes (checked as they were coded,
   * LedgerCodes): the same as `add` of the response they stand for, without building it. Both are only read, so
   * their buffers can be reused row after row. Throws InvalidResponseError if there is not one code per item, a code
   * is no answer to its item, or the ledger codes were made for another ledger step.
   */
  addCoded(codes: Uint8Array, durationS?: number, ledger?: LedgerCodes): void;
  /**
   * Withdraws a response added earlier (here or in statistics added with addStats); exactly undoes add. Throws
   * StatsMismatchError if the statistics cannot hold the response, InvalidResponseError if it does not fit.
   */
  remove(response: SurveyResponse): void;
  /** Adds statistics of a disjoint group, as merge does. Throws if they are of another instrument, setting or shape. */
  addStats(stats: GroupStats): void;
  /** The statistics so far: a fresh plain-JSON object every call. */
  toStats(): GroupStats;
}

/** An accumulator holding no responses: toStats() equals emptyStats(instrument, options). */
export function createAccumulator(instrument: Instrument, options: ScoringOptions = {}): Accumulator {
  return new StatsAccumulator(planOf(instrument), options.excludeFlagged ?? false);
}

/**
 * An accumulator starting from a copy of `stats` (a stored snapshot, say), with their excludeFlagged setting. The same
 * as createAccumulator then addStats, with one copy fewer. Throws as addStats does.
 */
export function accumulatorFrom(instrument: Instrument, stats: GroupStats): Accumulator {
  const plan = planOf(instrument);
  const buffer = new Float64Array(plan.length);
  const excludeFlagged = readStats(plan, stats, buffer);
  const accumulator = new StatsAccumulator(plan, excludeFlagged, buffer);
  accumulator.addLedgerStats(stats);
  return accumulator;
}

/**
 * Counters per answer pattern (scoring-plan.ts, PATTERN_RADIX) are bytes, to keep a cell small (~13 KB for the
 * current instrument; a CLI run may hold thousands of cells). A counter about to pass this is spilled: its pattern's
 * statistics, times the count, go into the statistics buffer, and it starts again from 0.
 */
const MAX_PATTERN_COUNT = 255;

class StatsAccumulator implements Accumulator {
  readonly instrument: Instrument;
  readonly excludeFlagged: boolean;
  readonly #plan: ScoringPlan;
  readonly #coding: readonly ItemCodes[];
  /**
   * The statistics, except those of the responses still counted in #counts: toStats is this buffer plus every counted
   * pattern's statistics times its count. n, capacity and quality go here directly.
   */
  readonly #stats: Float64Array;
  /**
   * Per scale and answer pattern, responses scored with that pattern and not yet in #stats: one increment per scale
   * per response instead of a dozen or more statistic updates. Allocated on the first response added.
   */
  #counts: Uint8Array | null = null;
  /** Whether #counts holds any response: spilling can then skip the scan. */
  #counting = false;
  /** The codes of the response being added or removed: add and remove encode into it, then fold it as addCoded does. */
  readonly #codes: Uint8Array;
  /** Scratch for the response being folded: per scale, the index of its pattern's counter in #counts. */
  readonly #pattern: Int32Array;
  /** Scratch for addPattern: per item of the scale, the scored value of its answer, 0 for none. */
  readonly #values: Int32Array;
  /** The ledger step's statistics (shared/ledger/stats.ts), for instruments with one; sparse, so kept apart. */
  readonly #ledger: LedgerAccumulator | null;
  /**
   * Ledger entries folded by addCoded, counted by position (ledger-tally.ts) and drained into #ledger before anything
   * else reads or changes it: the per-row fast path, like the pattern counts.
   */
  readonly #tally: LedgerTally | null;
  readonly #ledgerDesign: ResolvedLedgerDesign | null;

  constructor(plan: ScoringPlan, excludeFlagged: boolean, stats = new Float64Array(plan.length)) {
    this.instrument = plan.instrument;
    this.excludeFlagged = excludeFlagged;
    this.#plan = plan;
    this.#coding = answerCodes(plan.instrument);
    this.#stats = stats;
    this.#codes = new Uint8Array(plan.ids.length);
    this.#pattern = new Int32Array(plan.scales.length);
    this.#values = new Int32Array(Math.max(0, ...plan.scales.map((l) => l.size)));
    const ledger = plan.instrument.ledger;
    this.#ledger = ledger ? new LedgerAccumulator(ledger) : null;
    this.#tally = ledgerTallyFor(plan.instrument);
    this.#ledgerDesign = engineLedgerDesign(plan.instrument);
  }

  add(response: SurveyResponse): void {
    const codes = this.#encode(response.answers);
    const ledger = this.#checkLedger(response.ledger);
    if (this.#fold(codes, response.durationS, 1, response.tooFast === true) && ledger) this.#ledger!.fold(ledger, 1);
  }

  addCoded(codes: Uint8Array, durationS?: number, ledger?: LedgerCodes): void {
    if (codes.length !== this.#codes.length) {
      throw new InvalidResponseError([
        { field: 'answers', message: `expected ${this.#codes.length} answer codes, one per item, got ${codes.length}` },
      ]);
    }
    const tally = this.#tally;
    if (ledger !== undefined && !tally?.accepts(ledger)) {
      const message = tally
        ? 'ledger entries coded for another ledger step'
        : `instrument ${this.instrument.id}@${this.instrument.version} has no ledger step`;
      throw new InvalidResponseError([{ field: 'ledger', message }]);
    }
    if (this.#fold(codes, durationS, 1) && ledger !== undefined && !ledger.empty) tally!.add(ledger);
  }

  remove(response: SurveyResponse): void {
    this.#drainTally();
    const codes = this.#encode(response.answers);
    const ledger = this.#checkLedger(response.ledger);
    const flagged = response.tooFast === true;
    const counted = this.#fold(codes, response.durationS, -1, flagged);
    // Every statistic is a count or a sum of positive values: a negative one proves the response was never added.
    const stats = this.#stats;
    for (let i = 0; i < stats.length; i++) {
      if (stats[i]! < 0) {
        this.#fold(codes, response.durationS, 1, flagged);
        throw new StatsMismatchError('cannot withdraw a response these statistics do not hold');
      }
    }
    if (!counted || !ledger) return;
    try {
      this.#ledger!.fold(ledger, -1);
    } catch (error) {
      this.#fold(codes, response.durationS, 1, flagged);
      if (error instanceof LedgerStatsError) throw new StatsMismatchError(error.message);
      throw error;
    }
  }

  addStats(stats: GroupStats): void {
    this.#drainTally();
    const incoming = new Float64Array(this.#plan.length);
    const excludeFlagged = readStats(this.#plan, stats, incoming);
    if (excludeFlagged !== this.excludeFlagged) {
      throw new StatsMismatchError(
        `statistics with excludeFlagged=${excludeFlagged} cannot join statistics with excludeFlagged=${this.excludeFlagged}`,
      );
    }
    // The ledger's addStats checks the whole block before it adds any of it, and comes before the buffer, which
    // cannot fail: a ledger block of another shape leaves these statistics as they were.
    if (this.#ledger && stats.ledger !== undefined) this.#readLedger(this.#ledger, stats.ledger);
    const own = this.#stats;
    for (let i = 0; i < own.length; i++) own[i]! += incoming[i]!;
  }

  /** The ledger block of statistics read by accumulatorFrom (their other parts are already in the buffer). */
  addLedgerStats(stats: GroupStats): void {
    if (this.#ledger && stats.ledger !== undefined) this.#readLedger(this.#ledger, stats.ledger);
  }

  #readLedger(into: LedgerAccumulator, ledger: unknown): void {
    try {
      into.addStats(ledger);
    } catch (error) {
      if (error instanceof LedgerStatsError) throw new StatsMismatchError(error.message);
      throw error;
    }
  }

  toStats(): GroupStats {
    this.#spillAll();
    this.#drainTally();
    const stats = toStats(this.#plan, this.#stats, this.excludeFlagged);
    if (this.#ledger) {
      const ledger = this.#ledger.toStats();
      if (!isEmptyLedgerStats(ledger)) stats.ledger = ledger;
    }
    return stats;
  }

  /** Moves the ledger entries counted by addCoded into #ledger. */
  #drainTally(): void {
    if (this.#tally && !this.#tally.empty) this.#tally.drainInto(this.#ledger!);
  }

  /** The response's ledger entries once they fit the instrument's ledger step; null when there are none. */
  #checkLedger(ledger: LedgerAnswers | undefined): LedgerAnswers | null {
    if (ledger === undefined) return null;
    const design = this.#ledgerDesign;
    if (!design) {
      throw new InvalidResponseError([
        { field: 'ledger', message: `instrument ${this.instrument.id}@${this.instrument.version} has no ledger step` },
      ]);
    }
    if (ledgerFits(design, ledger)) return ledger;
    throw new InvalidResponseError(ledgerIssues(design, ledger));
  }

  /** The response's answers as codes in the reused buffer; throws InvalidResponseError naming each bad field. */
  #encode(answers: Answers): Uint8Array {
    if (!encodeAnswers(this.#coding, answers, this.#codes)) throw invalid(this.instrument, answers);
    return this.#codes;
  }

  /**
   * Adds (sign 1) or removes (sign -1) one response given as codes, behind add, addCoded and remove: the quality
   * flags, n and capacity go straight into the statistics; each scale's pattern is counted when adding, and worked out
   * at once (addPattern) when removing, after every count is spilled, so a negative statistic shows at once. Returns
   * whether the response counts in the scores (false: flagged and left out), which its ledger entries follow.
   * `tooFast` is the speeding flag a stored response carries instead of its duration (SurveyResponse.tooFast).
   */
  #fold(codes: Uint8Array, durationS: number | undefined, sign: 1 | -1, tooFastFlag = false): boolean {
    const plan = this.#plan;
    const stats = this.#stats;
    const kinds = plan.kinds;
    const maxCodes = plan.maxCodes;
    const stride = plan.stride;
    const table = plan.values;
    const itemScale = plan.itemScale;
    const itemPlace = plan.itemPlace;
    const pattern = this.#pattern;
    pattern.set(plan.patternStarts);

    // One pass over items: check every code before changing anything, so an invalid one leaves the statistics as
    // they were, and gather what the quality rules, the capacity counter and the patterns need.
    let matched = 0;
    let numeric = 0;
    let seen = 0; // bit v set when a likert value v was given: one bit set means one value throughout
    let reversed = false;
    let forward = false;
    let capacity = 0; // counter + 1 of the capacity item's answer; 0 for none
    let decided = 0; // counter + 1 of the decided item's answer; 0 for none
    for (let i = 0; i < kinds.length; i++) {
      const code = codes[i]!;
      if (code === NONE) continue;
      if (code > maxCodes[i]!) throw invalidCode(plan, i, code);
      matched++;
      const kind = kinds[i];
      if (kind === CHOICE) {
        const counter = table[i * stride + code]!;
        if (counter !== 0) capacity = counter;
        continue;
      }
      if (kind === DECIDED) {
        decided = table[i * stride + code]!;
        continue;
      }
      pattern[itemScale[i]!]! += code * itemPlace[i]!;
      if (code !== DK) {
        // Any other code of a likert item is the answer itself.
        numeric++;
        seen |= 1 << code;
        if (kind === REVERSED) reversed = true;
        else forward = true;
      }
    }

    const straightLining = straightLined(numeric, seen !== 0 && (seen & (seen - 1)) === 0, reversed, forward);
    const tooFast = tooFastFlag || fast(durationS, matched);
    const flagged = straightLining || tooFast;
    if (flagged) stats[plan.quality]! += sign;
    if (straightLining) stats[plan.quality + 1]! += sign;
    if (tooFast) stats[plan.quality + 2]! += sign;
    if (flagged && this.excludeFlagged) return false;

    stats[plan.n]! += sign;
    if (capacity !== 0) stats[plan.capacity + capacity - 1]! += sign;
    if (decided !== 0) stats[plan.decided + decided - 1]! += sign;

    const scales = plan.scales;
    if (sign === -1) {
      this.#spillAll();
      for (let s = 0; s < scales.length; s++) {
        const l = scales[s]!;
        this.#addPattern(l, pattern[s]! - l.patterns, -1);
      }
      return true;
    }
    let counts = this.#counts;
    if (counts === null) {
      counts = new Uint8Array(plan.patterns);
      this.#counts = counts;
    }
    this.#counting = true;
    for (let s = 0; s < pattern.length; s++) {
      const at = pattern[s]!;
      const count = counts[at]!;
      if (count === MAX_PATTERN_COUNT) {
        const l = scales[s]!;
        this.#addPattern(l, at - l.patterns, count + 1);
        counts[at] = 0;
      } else counts[at] = count + 1;
    }
    return true;
  }

  /** Moves every pattern count into the statistics, leaving the counts zero. */
  #spillAll(): void {
    const counts = this.#counts;
    if (counts === null || !this.#counting) return;
    this.#counting = false;
    for (const l of this.#plan.scales) {
      const end = l.patterns + RADIX ** l.size;
      for (let at = l.patterns; at < end; at++) {
        const count = counts[at]!;
        if (count !== 0) this.#addPattern(l, at - l.patterns, count);
      }
    }
    counts.fill(0);
  }

  /**
   * Adds `weight` responses (negative to withdraw) answering scale `l` with answer pattern `pattern` to the
   * statistics: the one implementation of a scale's arithmetic, including the half-the-items rule.
   */
  #addPattern(l: ScaleLayout, pattern: number, weight: number): void {
    const plan = this.#plan;
    const stats = this.#stats;
    const table = plan.values;
    const stride = plan.stride;
    const slotItems = plan.slotItems;
    const values = this.#values;
    const size = l.size;
    let k = 0; // values answered
    let total = 0;
    let dontKnow = 0;
    let given = 0; // answers of any kind
    let rest = pattern;
    for (let j = 0; j < size; j++) {
      const code = rest % RADIX;
      rest = (rest - code) / RADIX;
      let v = 0;
      if (code !== NONE) {
        given++;
        stats[l.itemAnswers + j]! += weight;
        if (code === DK) {
          dontKnow++;
          stats[l.itemDontKnow + j]! += weight;
        } else {
          v = table[slotItems[l.first + j]! * stride + code]!;
          k++;
          total += v;
        }
      }
      values[j] = v;
    }
    stats[l.dontKnow]! += weight * dontKnow;
    stats[l.answers]! += weight * given;
    if (!isScored(k, size)) return;
    stats[l.respondentsN + k]! += weight;
    stats[l.respondentsSum + k]! += weight * total;
    stats[l.respondentsSumSq + k]! += weight * total * total;
    for (let i = 0, pair = l.pairs; i < size; i++) {
      const v = values[i]!;
      if (v === 0) {
        pair += (size - 1 - i) * PAIR;
        continue;
      }
      stats[l.itemsN + i]! += weight;
      stats[l.itemsSum + i]! += weight * v;
      stats[l.itemsSumSq + i]! += weight * v * v;
      stats[l.values + i * VALUES + v - 1]! += weight;
      for (let j = i + 1; j < size; j++, pair += PAIR) {
        const w = values[j]!;
        if (w === 0) continue;
        stats[pair]! += weight;
        stats[pair + 1]! += weight * v;
        stats[pair + 2]! += weight * w;
        stats[pair + 3]! += weight * v * v;
        stats[pair + 4]! += weight * w * w;
        stats[pair + 5]! += weight * v * w;
      }
    }
    if (k !== size) return;
    // Answered every item: the sums and cross-products for alpha.
    stats[l.completeN]! += weight;
    let at = l.cross;
    for (let i = 0; i < size; i++) {
      const v = weight * values[i]!;
      stats[l.completeSum + i]! += v;
      for (let j = i; j < size; j++) stats[at++]! += v * values[j]!;
    }
  }
}

/** The slow, thorough check, run only once the fast one found something wrong: it names each field and problem. */
function invalid(instrument: Instrument, answers: Answers): InvalidResponseError {
  const issues = answerIssues(instrument, answers);
  // Empty only if the instrument itself repeats an item id, which answerIssues cannot see.
  return new InvalidResponseError(
    issues.length > 0
      ? issues
      : [{ field: 'answers', message: 'answers do not match the instrument items one to one' }],
  );
}

function invalidCode(plan: ScoringPlan, item: number, code: number): InvalidResponseError {
  return new InvalidResponseError([
    { field: plan.ids[item]!, message: `code ${code} is no answer to this item (expected 0-${plan.maxCodes[item]})` },
  ]);
}
