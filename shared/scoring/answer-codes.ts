// Answers as small integer codes: one byte per instrument item, in instrument order. This is the form the engine folds
// (Accumulator.add encodes a response into it, then runs the same loop as addCoded), so a reader that knows its
// columns, like the CLI's CSV mapping, can write codes straight from its cells and skip building an answers object.
import { DONT_KNOW, type Instrument, LIKERT_MAX, LIKERT_MIN } from '../instrument';
import type { Answers, AnswerValue } from '../response';

/** The code of an item not answered. */
export const UNANSWERED = 0;
/** A likert answer's code is the answer itself (LIKERT_MIN..LIKERT_MAX); don't know is the next code. */
export const DONT_KNOW_CODE = LIKERT_MAX + 1;
/** A choice item's options, in the item's order, have codes FIRST_OPTION_CODE, FIRST_OPTION_CODE + 1, … */
export const FIRST_OPTION_CODE = 1;

/** How one item's answers are coded. */
export interface ItemCodes {
  id: string;
  type: 'likert' | 'choice';
  /** The answer each code stands for, at index = code; index 0 (UNANSWERED) holds undefined. */
  values: readonly (AnswerValue | undefined)[];
  /** The code of each answer the item takes. */
  codes: ReadonlyMap<AnswerValue, number>;
}

const MIN = LIKERT_MIN;
const MAX = LIKERT_MAX;

/** Codes are bytes: a choice item with more options than this cannot be coded. */
const MAX_CODE = 255;

// Instruments are immutable data, so their coding is worked out once.
const cache = new WeakMap<Instrument, readonly ItemCodes[]>();

/** The coding of every item, in instrument order: entry i describes byte i of a coded row. */
export function answerCodes(instrument: Instrument): readonly ItemCodes[] {
  let coding = cache.get(instrument);
  if (!coding) {
    coding = instrument.items.map((item): ItemCodes => {
      const values: (AnswerValue | undefined)[] = [undefined];
      if (item.type === 'likert') {
        for (let answer = LIKERT_MIN; answer <= LIKERT_MAX; answer++) values[answer] = answer;
        values[DONT_KNOW_CODE] = DONT_KNOW;
      } else {
        if (FIRST_OPTION_CODE + item.options.length - 1 > MAX_CODE) {
          throw new RangeError(`item ${item.id} has more options than answer codes can hold`);
        }
        item.options.forEach((o, i) => {
          values[FIRST_OPTION_CODE + i] = o.id;
        });
      }
      const codes = new Map<AnswerValue, number>();
      values.forEach((v, code) => {
        if (v !== undefined) codes.set(v, code);
      });
      return { id: item.id, type: item.type, values, codes };
    });
    cache.set(instrument, coding);
  }
  return coding;
}

/**
 * Writes the codes of `answers` into `into` (one byte per item, every byte written). Returns false when an answer does
 * not fit its item or names no item; the bytes are then unspecified.
 */
export function encodeAnswers(coding: readonly ItemCodes[], answers: Answers, into: Uint8Array): boolean {
  let matched = 0;
  for (let i = 0; i < coding.length; i++) {
    const item = coding[i]!;
    const raw = answers[item.id];
    if (raw === undefined) {
      into[i] = UNANSWERED;
      continue;
    }
    matched++;
    // A likert answer's code is the answer itself: the common case without a lookup.
    if (typeof raw === 'number' && item.type === 'likert') {
      if (!(raw >= MIN && raw <= MAX && Number.isInteger(raw))) return false;
      into[i] = raw;
      continue;
    }
    const code = item.codes.get(raw);
    if (code === undefined) return false;
    into[i] = code;
  }
  // Every answer key matched an item; any other key is one the instrument does not have.
  return matched === Object.keys(answers).length;
}

/** The answers a coded row stands for, as a prototype-free dictionary (see cli/csv-response.ts for why). */
export function decodeAnswers(coding: readonly ItemCodes[], codes: Uint8Array): Answers {
  const answers: Answers = Object.create(null);
  for (let i = 0; i < coding.length; i++) {
    const code = codes[i]!;
    if (code === UNANSWERED) continue;
    const value = coding[i]!.values[code];
    if (value === undefined) throw new RangeError(`code ${code} is no answer to ${coding[i]!.id}`);
    answers[coding[i]!.id] = value;
  }
  return answers;
}
