// What a cell may say for an answer, read from the instrument: likert labels and choice or level option labels in
// every language it ships ("Strongly agree", "Stimme voll zu", "非常同意"), the ids themselves, and whole numbers
// written as a spreadsheet writes them ("5.0", "5,0").
import { DONT_KNOW, type Instrument, type Item, LEVELS, LIKERT_MAX, LIKERT_MIN } from '../instrument';
import { answerCodes, DONT_KNOW_CODE } from '../scoring';
import { normaliseText } from './normalise';

/** Entries whose key two different values share are dropped: such a label says nothing certain. */
function unambiguous<V>(entries: Iterable<[string, V]>): Map<string, V> {
  const out = new Map<string, V>();
  const clash = new Set<string>();
  for (const [key, value] of entries) {
    if (key.length === 0 || clash.has(key)) continue;
    const seen = out.get(key);
    if (seen === undefined) out.set(key, value);
    else if (seen !== value) {
      out.delete(key);
      clash.add(key);
    }
  }
  return out;
}

const cache = new WeakMap<Instrument, AnswerValues>();

/** Lookup tables of one instrument, built once (instruments are immutable data). */
export interface AnswerValues {
  /** Normalised likert label (any language) → answer code (1-5, DONT_KNOW_CODE). */
  likert: ReadonlyMap<string, number>;
  /** Per choice item id: option id or normalised label (any language) → answer code. */
  choice: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Level id or normalised label (any language) → index in LEVELS. */
  level: ReadonlyMap<string, number>;
}

export function answerValues(instrument: Instrument): AnswerValues {
  let values = cache.get(instrument);
  if (values) return values;
  const labels = instrument.likertLabels;
  const likertEntries: [string, number][] = [[DONT_KNOW, DONT_KNOW_CODE]];
  for (const lang of instrument.languages) {
    for (let answer = LIKERT_MIN; answer <= LIKERT_MAX; answer++) {
      likertEntries.push([normaliseText(labels[answer as 1 | 2 | 3 | 4 | 5][lang]), answer]);
    }
    likertEntries.push([normaliseText(labels.dk[lang]), DONT_KNOW_CODE]);
  }
  const coding = answerCodes(instrument);
  const choice = new Map<string, Map<string, number>>();
  instrument.items.forEach((item: Item, index) => {
    if (item.type !== 'choice') return;
    const codes = coding[index]!.codes;
    const entries: [string, number][] = [];
    for (const option of item.options) {
      const code = codes.get(option.id)!;
      entries.push([option.id.toLowerCase(), code], [normaliseText(option.id), code]);
      for (const lang of instrument.languages) entries.push([normaliseText(option.label[lang]), code]);
    }
    choice.set(item.id, unambiguous(entries));
  });
  const levelEntries: [string, number][] = [];
  for (const option of instrument.segments.level.options) {
    const index = LEVELS.indexOf(option.id);
    levelEntries.push([option.id, index]);
    for (const lang of instrument.languages) levelEntries.push([normaliseText(option.label[lang]), index]);
  }
  values = { likert: unambiguous(likertEntries), choice, level: unambiguous(levelEntries) };
  cache.set(instrument, values);
  return values;
}

/**
 * A whole number as spreadsheets write one: `5`, `5.0`, `5.00`, `5,0` (a decimal comma), with an optional `+`. Null
 * for anything else, `4.5` included: a likert answer is a whole point of the scale.
 */
export function wholeNumber(v: string): number | null {
  const m = /^\+?(\d{1,9})(?:[.,]0+)?$/.exec(v);
  return m ? Number(m[1]) : null;
}
