import { DONT_KNOW, type Instrument, isLikert } from '../instrument';
import type { SurveyResponse } from '../response';

/**
 * Fewest answered likert items before identical answers count as straight-lining. Below about ten, a respondent with
 * a consistent view can honestly give the same answer throughout (four items of one layer, say); at ten or more,
 * spanning reverse-worded items, the same answer contradicts itself.
 */
export const STRAIGHT_LINE_MIN_ITEMS = 10;

/**
 * Least plausible time per answered item, in seconds. Speeding research flags around 2 s per item (Huang et al. 2012,
 * "Detecting and deterring insufficient effort responding"); our items are one short sentence answered with one tap,
 * so 1.5 s is used to flag only completion too fast to have read the items. Don't-know and choice answers count too:
 * they still had to be read. There is no separate absolute floor: with few items answered the per-item rule is the
 * floor, and a short partial response is not suspicious by itself.
 */
export const MIN_SECONDS_PER_ITEM = 1.5;

export interface QualityFlags {
  straightLining: boolean;
  tooFast: boolean;
}

/** Careless-response flags for one response. Flags are reported; whether they exclude is a scoring option. */
export function qualityFlags(instrument: Instrument, response: SurveyResponse): QualityFlags {
  const values = new Set<number>();
  let numeric = 0;
  let reversed = false;
  let forward = false;
  let answered = 0;
  for (const item of instrument.items) {
    const value = response.answers[item.id];
    if (value === undefined) continue;
    answered++;
    if (!isLikert(item) || value === DONT_KNOW || typeof value !== 'number') continue;
    numeric++;
    values.add(value);
    if (item.reverse) reversed = true;
    else forward = true;
  }
  return {
    straightLining: isStraightLining(numeric, values.size === 1, reversed, forward),
    tooFast: response.tooFast === true || isTooFast(response.durationS, answered),
  };
}

// The two rules on counts gathered from one response, shared by qualityFlags and the accumulator's compiled loop
// (which gathers the counts in its own pass over the answers, without allocating).

/** `numeric` likert values answered, all the same value (`oneValue`), on reverse-worded and plain items alike. */
export function isStraightLining(numeric: number, oneValue: boolean, reversed: boolean, forward: boolean): boolean {
  return numeric >= STRAIGHT_LINE_MIN_ITEMS && oneValue && reversed && forward;
}

/** Less than the least plausible time for `answered` answers of any kind. */
export function isTooFast(durationS: number | undefined, answered: number): boolean {
  return (
    durationS !== undefined && Number.isFinite(durationS) && answered > 0 && durationS < MIN_SECONDS_PER_ITEM * answered
  );
}
