import { DONT_KNOW, type Instrument, LIKERT_MAX, LIKERT_MIN } from '../instrument';
import { type Answers, answerIssues, type SurveyResponse } from '../response';
import { InvalidResponseError, StatsMismatchError } from './errors';
import type { GroupStats, ScoringOptions } from './group-stats';
import { isStraightLining, isTooFast } from './quality';
import { isScaleScored } from './scales';
import { planOf, readStats, type ScoringPlan, toStats } from './scoring-plan';

// Module-local copies of imported bindings used per answer: where a loader turns exports into getters (tsx, which
// runs the CLI, does), each read is a call, and a few per answer cost more than the rest of the loop.
const DK = DONT_KNOW;
const MIN = LIKERT_MIN;
const MAX = LIKERT_MAX;
const isScored = isScaleScored;
const straightLined = isStraightLining;
const fast = isTooFast;

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
  return new StatsAccumulator(plan, excludeFlagged, buffer);
}

class StatsAccumulator implements Accumulator {
  readonly instrument: Instrument;
  readonly excludeFlagged: boolean;
  readonly #plan: ScoringPlan;
  readonly #stats: Float64Array;
  // Scratch for one response, reused so that add allocates nothing: the scored value per likert slot (0 = none), then
  // per scale the values answered, their sum, the don't-knows and the answers given (offsets below). One typed array,
  // because allocating one costs more than a whole add.
  readonly #scratch: Int32Array;
  readonly #answered: number;
  readonly #sum: number;
  readonly #dontKnow: number;
  readonly #given: number;

  constructor(plan: ScoringPlan, excludeFlagged: boolean, stats = new Float64Array(plan.length)) {
    this.instrument = plan.instrument;
    this.excludeFlagged = excludeFlagged;
    this.#plan = plan;
    this.#stats = stats;
    const scales = plan.scales.length;
    this.#answered = plan.slots;
    this.#sum = this.#answered + scales;
    this.#dontKnow = this.#sum + scales;
    this.#given = this.#dontKnow + scales;
    this.#scratch = new Int32Array(this.#given + scales);
  }

  add(response: SurveyResponse): void {
    this.#apply(response, 1);
  }

  remove(response: SurveyResponse): void {
    this.#apply(response, -1);
    // Every statistic is a count or a sum of positive values: a negative one proves the response was never added.
    const stats = this.#stats;
    for (let i = 0; i < stats.length; i++) {
      if (stats[i]! < 0) {
        this.#apply(response, 1);
        throw new StatsMismatchError('cannot withdraw a response these statistics do not hold');
      }
    }
  }

  addStats(stats: GroupStats): void {
    const incoming = new Float64Array(this.#plan.length);
    const excludeFlagged = readStats(this.#plan, stats, incoming);
    if (excludeFlagged !== this.excludeFlagged) {
      throw new StatsMismatchError(
        `statistics with excludeFlagged=${excludeFlagged} cannot join statistics with excludeFlagged=${this.excludeFlagged}`,
      );
    }
    const own = this.#stats;
    for (let i = 0; i < own.length; i++) own[i]! += incoming[i]!;
  }

  toStats(): GroupStats {
    return toStats(this.#plan, this.#stats, this.excludeFlagged);
  }

  /** Adds (sign 1) or removes (sign -1) one response: the one implementation of the per-response arithmetic. */
  #apply(response: SurveyResponse, sign: 1 | -1): void {
    const plan = this.#plan;
    const stats = this.#stats;
    const scratch = this.#scratch;
    const answered = this.#answered;
    const sum = this.#sum;
    const dontKnow = this.#dontKnow;
    const given = this.#given;
    scratch.fill(0);

    // Read and check every answer before changing anything, so an invalid response leaves the statistics as they were.
    const answers = response.answers;
    const items = plan.items;
    let matched = 0;
    let numeric = 0;
    let seen = 0; // bit v set when a likert value v was given: one bit set means one value throughout
    let reversed = false;
    let forward = false;
    let capacity = -1;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const raw = answers[item.id];
      if (raw === undefined) continue;
      matched++;
      const scores = item.scores;
      if (scores !== null) {
        const s = item.scale;
        scratch[given + s]!++;
        if (typeof raw === 'number') {
          if (!(raw >= MIN && raw <= MAX && Number.isInteger(raw))) throw invalid(plan.instrument, answers);
          const value = scores[raw]!;
          scratch[item.slot] = value;
          scratch[answered + s]!++;
          scratch[sum + s]! += value;
          numeric++;
          seen |= 1 << raw;
          if (item.reverse) reversed = true;
          else forward = true;
        } else if (raw === DK) scratch[dontKnow + s]!++;
        else throw invalid(plan.instrument, answers);
      } else {
        const option = typeof raw === 'string' ? item.options!.get(raw) : undefined;
        if (option === undefined) throw invalid(plan.instrument, answers);
        if (option >= 0) capacity = option;
      }
    }
    // Every answer key matched an item with a valid value; any other key is one the instrument does not have.
    if (matched !== Object.keys(answers).length) throw invalid(plan.instrument, answers);

    const straightLining = straightLined(numeric, seen !== 0 && (seen & (seen - 1)) === 0, reversed, forward);
    const tooFast = fast(response.durationS, matched);
    const flagged = straightLining || tooFast;
    if (flagged) stats[plan.quality]! += sign;
    if (straightLining) stats[plan.quality + 1]! += sign;
    if (tooFast) stats[plan.quality + 2]! += sign;
    if (flagged && this.excludeFlagged) return;

    stats[plan.n]! += sign;
    if (capacity >= 0) stats[plan.capacity + capacity]! += sign;
    const scales = plan.scales;
    for (let s = 0; s < scales.length; s++) {
      const l = scales[s]!;
      stats[l.dontKnow]! += sign * scratch[dontKnow + s]!;
      stats[l.answers]! += sign * scratch[given + s]!;
      const k = scratch[answered + s]!;
      const size = l.size;
      if (!isScored(k, size)) continue;
      const total = scratch[sum + s]!;
      stats[l.respondentsN + k]! += sign;
      stats[l.respondentsSum + k]! += sign * total;
      stats[l.respondentsSumSq + k]! += sign * total * total;
      const first = l.first;
      for (let i = 0; i < size; i++) {
        const v = scratch[first + i]!;
        if (v === 0) continue;
        stats[l.itemsN + i]! += sign;
        stats[l.itemsSum + i]! += sign * v;
        stats[l.itemsSumSq + i]! += sign * v * v;
      }
      if (k !== size) continue;
      // Answered every item: the sums and cross-products for alpha.
      stats[l.completeN]! += sign;
      let at = l.cross;
      for (let i = 0; i < size; i++) {
        const v = sign * scratch[first + i]!;
        stats[l.completeSum + i]! += v;
        for (let j = i; j < size; j++) stats[at++]! += v * scratch[first + j]!;
      }
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
