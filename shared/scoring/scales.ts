import {
  DONT_KNOW,
  type Instrument,
  LAYERS,
  type Layer,
  LIKERT_MAX,
  LIKERT_MIN,
  type LikertItem,
  type LikertSignal,
  layerItems,
  likertSignalsOf,
  signalItems,
} from '../instrument';
import type { Answers } from '../response';

/** A scored scale: a layer or a likert signal, with its items in instrument order. */
export type Scale =
  | { kind: 'layer'; key: Layer; items: LikertItem[] }
  | { kind: 'signal'; key: LikertSignal; items: LikertItem[] };

// Instruments are immutable data, so their scales can be worked out once; fold runs per response on a hot path.
const cache = new WeakMap<Instrument, readonly Scale[]>();

export function scalesOf(instrument: Instrument): readonly Scale[] {
  let scales = cache.get(instrument);
  if (!scales) {
    scales = [
      ...LAYERS.map((key): Scale => ({ kind: 'layer', key, items: layerItems(instrument, key) })),
      ...likertSignalsOf(instrument).map(
        (key): Scale => ({ kind: 'signal', key, items: signalItems(instrument, key) }),
      ),
    ];
    cache.set(instrument, scales);
  }
  return scales;
}

// Computed once: scoredValue runs per answer, and where a loader turns exports into getters (tsx does) each read of
// an imported binding is a call.
const FLIP = LIKERT_MIN + LIKERT_MAX;

/** An answer in the scored direction: reverse-worded items are flipped so that higher always means more mature. */
export function scoredValue(item: LikertItem, answer: number): number {
  return item.reverse ? FLIP - answer : answer;
}

/** A respondent counts for a scale only with at least half its items answered (don't know is not an answer). */
export function isScaleScored(answered: number, items: number): boolean {
  return items > 0 && 2 * answered >= items;
}

export interface ScaleAnswers {
  /** Scored value per item, null when unanswered or don't know. */
  values: (number | null)[];
  /** Items answered with a value 1..5. */
  answered: number;
  /** Integer sum of the scored values. */
  sum: number;
  dontKnow: number;
  /** Answers of any kind given to the scale's items, don't know included. */
  given: number;
}

export function scaleAnswers(items: readonly LikertItem[], answers: Answers): ScaleAnswers {
  const out: ScaleAnswers = { values: [], answered: 0, sum: 0, dontKnow: 0, given: 0 };
  for (const item of items) {
    const raw = answers[item.id];
    if (raw === undefined) {
      out.values.push(null);
      continue;
    }
    out.given++;
    if (raw === DONT_KNOW || typeof raw !== 'number') {
      out.dontKnow++;
      out.values.push(null);
      continue;
    }
    const value = scoredValue(item, raw);
    out.values.push(value);
    out.answered++;
    out.sum += value;
  }
  return out;
}

/** A respondent's scale mean on 1..5, or null when fewer than half the items are answered. */
export function respondentScaleMean(items: readonly LikertItem[], answers: Answers): number | null {
  const a = scaleAnswers(items, answers);
  return isScaleScored(a.answered, items.length) ? a.sum / a.answered : null;
}

/** A 1..5 mean on the 0..100 scale the reports use. */
export const toHundred = (mean: number): number => ((mean - LIKERT_MIN) / (LIKERT_MAX - LIKERT_MIN)) * 100;
