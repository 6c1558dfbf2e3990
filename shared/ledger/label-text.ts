import { LABEL_MAX } from './design';

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
