import { DONT_KNOW, type Instrument, LEVELS, type Level, LIKERT_MAX, LIKERT_MIN } from './instrument';
import type { LedgerAnswers } from './ledger/types';

/** A likert answer 1..5, "dk" for don't know, or a choice option id. Unanswered items are simply absent. */
export type AnswerValue = number | string;
export type Answers = Record<string, AnswerValue>;

/** One respondent's answers with their segment. Carries no token, address or agent: responses are anonymous. */
export interface SurveyResponse {
  answers: Answers;
  level: Level;
  /** Department name from the campaign's list (API) or free text (CSV); null when not asked. */
  department: string | null;
  /** Seconds from first view to submission, when known; used only to flag impossibly fast completion. */
  durationS?: number;
  /**
   * The speeding flag (§3.5) decided when the response was taken, instead of its duration: a stored response keeps
   * only this (true; absent when not too fast or the duration was unknown), never how long it took.
   */
  tooFast?: boolean;
  /** The optional ledger step's entries (instruments with a ledger only); absent when skipped. */
  ledger?: LedgerAnswers;
}

export interface AnswerIssue {
  /** The item id (or segment field) the problem is about. */
  field: string;
  message: string;
}

/** Each instrument's items by id, made once per instrument (every submission checks against one). */
const itemsById = new WeakMap<Instrument, ReadonlyMap<string, Instrument['items'][number]>>();

/** Checks answers against an instrument: unknown items, out-of-range likert values, unknown options. */
export function answerIssues(instrument: Instrument, answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  let items = itemsById.get(instrument);
  if (!items) {
    items = new Map(instrument.items.map((i) => [i.id, i]));
    itemsById.set(instrument, items);
  }
  for (const [id, value] of Object.entries(answers)) {
    const item = items.get(id);
    if (!item) {
      issues.push({ field: id, message: `unknown item "${id}" in instrument ${instrument.id}@${instrument.version}` });
      continue;
    }
    if (item.type === 'likert') {
      const ok =
        value === DONT_KNOW ||
        (typeof value === 'number' && Number.isInteger(value) && value >= LIKERT_MIN && value <= LIKERT_MAX);
      if (!ok) issues.push({ field: id, message: `expected an integer ${LIKERT_MIN}-${LIKERT_MAX} or "dk"` });
    } else if (typeof value !== 'string' || !item.options.some((o) => o.id === value)) {
      issues.push({ field: id, message: `expected one of ${item.options.map((o) => o.id).join(', ')}` });
    }
  }
  return issues;
}

export const isLevel = (value: unknown): value is Level =>
  typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
