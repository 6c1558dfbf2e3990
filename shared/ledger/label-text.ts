import { LABEL_MAX } from './design';
import type { LedgerAnswers } from './types';

// A free-text label is the only text a respondent types. Before it is stored it loses whatever would reach a person
// or a place outside the survey: e-mail addresses, phone numbers and web addresses become "…". Names cannot be told
// from words by a rule; the survey asks for none, the label is shown only in large groups, and it expires.

const EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[^\s@<>()[\]]{2,}/gu;
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/giu;
/** A bare domain with a common top-level domain, with or without a path ("intranet.acme.com/forms"). */
const BARE_DOMAIN =
  /\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|de|cn|uk|eu|info|biz|app|dev|ai|me|us|fr|ch|at|nl|jp|ru|in|br)\b(?:\/\S*)?/giu;
/** Seven or more digits with the separators phone numbers are written with. */
const PHONE = /\+?\(?\d[\d\s()./-]{5,}\d/gu;
const ELLIPSIS = '…';

const digits = (s: string) => s.replace(/\D/g, '').length;

/**
 * The label as it may be stored: addresses, phone numbers and URLs replaced by "…", control characters and lone
 * surrogates dropped, whitespace collapsed, cut to LABEL_MAX characters. Null when nothing is left.
 */
export function cleanLabel(text: string): string | null {
  let s = text.toWellFormed().replace(/\p{Cc}/gu, ' ');
  s = s.replace(EMAIL, ELLIPSIS).replace(URL_WITH_SCHEME, ELLIPSIS).replace(BARE_DOMAIN, ELLIPSIS);
  s = s.replace(PHONE, (m) => (digits(m) >= 7 ? ELLIPSIS : m));
  s = s.replace(/\s+/gu, ' ').trim();
  // Runs of replacements read as one.
  s = s.replace(/…(?:[\s,;]*…)+/gu, ELLIPSIS);
  const chars = [...s];
  if (chars.length > LABEL_MAX)
    s = `${chars
      .slice(0, LABEL_MAX - 1)
      .join('')
      .trimEnd()}${ELLIPSIS}`;
  return s.length === 0 || s === ELLIPSIS ? null : s;
}

/**
 * A ledger as it is stored: labels cleaned (and dropped when nothing is left of them), empty lists left out.
 * Undefined when no entry is left: a skipped step.
 */
export function storedLedger(ledger: LedgerAnswers | undefined): LedgerAnswers | undefined {
  if (!ledger) return undefined;
  const clean = <T extends { label?: string }>(entries: readonly T[] | undefined): T[] | undefined => {
    if (!entries || entries.length === 0) return undefined;
    return entries.map((e) => {
      const { label, ...rest } = e;
      const cleaned = label === undefined ? null : cleanLabel(label);
      return (cleaned === null ? rest : { ...rest, label: cleaned }) as T;
    });
  };
  const time = clean(ledger.time);
  const waiting = clean(ledger.waiting);
  const knowledge = clean(ledger.knowledge);
  if (!time && !waiting && !knowledge) return undefined;
  return { ...(time ? { time } : {}), ...(waiting ? { waiting } : {}), ...(knowledge ? { knowledge } : {}) };
}

/** The same entries without their labels (labels expire before the rest). */
export function ledgerWithoutLabels(ledger: LedgerAnswers): LedgerAnswers {
  const drop = <T extends { label?: string }>(entries: readonly T[] | undefined): T[] | undefined =>
    entries?.map(({ label: _label, ...rest }) => rest as T);
  const time = drop(ledger.time);
  const waiting = drop(ledger.waiting);
  const knowledge = drop(ledger.knowledge);
  return { ...(time ? { time } : {}), ...(waiting ? { waiting } : {}), ...(knowledge ? { knowledge } : {}) };
}

export const hasLabels = (ledger: LedgerAnswers): boolean =>
  [...(ledger.time ?? []), ...(ledger.waiting ?? []), ...(ledger.knowledge ?? [])].some((e) => e.label !== undefined);
