// Names people type (departments above all) become keys: of segments, of the profile's headcount, of the survey's
// options. Two spellings that look the same must be one name, so they are normalised once, where they enter.

/** Format characters (zero-width space, word joiner, BOM, soft hyphen, bidi controls) but the two joiners. */
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu;
/** The joiners shape letters inside a word (Persian, Indic scripts, emoji); at either end they only hide. */
const EDGE_JOINERS = /^[\u200c\u200d]+|[\u200c\u200d]+$/g;

/**
 * NFC (a composed `é` and `e` + combining accent are one name), every run of white space (tabs, no-break and
 * ideographic spaces) as one space, no invisible characters, trimmed.
 */
export function normalizeName(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().replace(EDGE_JOINERS, '').trim();
}

/**
 * Names that cannot be keys of a plain object without changing it: JavaScript drops `__proto__` (it sets the
 * prototype), so it is refused rather than lost.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__']);

/** Why a name cannot be used, or null: not well-formed text (lone surrogates), control characters, reserved. */
export function nameProblem(name: string): string | null {
  if (!name.isWellFormed() || /\p{Cc}/u.test(name)) return 'must be well-formed text without control characters';
  if (RESERVED_NAMES.has(name)) return 'is a reserved name';
  return null;
}

/** The key two names are told apart by: normalised and case-folded (`Sales` and `sales` are one department). */
export const nameKey = (name: string): string => normalizeName(name).toLowerCase();
