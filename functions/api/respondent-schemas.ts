import type * as z from 'zod/mini';
import { LANGUAGES, LEVELS } from '../../shared/instrument/types';
import { RESERVED_NAMES } from '../../shared/names';
import type * as Schemas from './schemas';

// The respondent's hot requests checked without zod. Each check accepts exactly what the schema of the same name in
// schemas.ts accepts and returns what that schema returns (a copy, with names trimmed); for anything else it returns
// undefined, and validate() (validation.ts) hands the request to the zod schema, which names every problem. So zod is
// loaded, and a schema built, only for a request that has one: a cold submission or withdrawal loads neither, and a
// warm one allocates no parse context. The checks take JSON values and route params and queries (what Hono gives a
// validator); test/unit/api/respondent-schemas.test.ts holds each to its schema. The patterns below are the ones
// schemas.ts builds its schemas from, so the two cannot drift apart.

/** Survey tokens and receipts: URL-safe secrets. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
/** Item ids (the keys of `answers`), at most 64 characters, never a reserved name. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
/** An RFC 9562 UUID of versions 1–8, or the nil or the max UUID, in either case (as zod's `uuid()` takes them). */
const UUID_PATTERN =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/;

/** Names are shown in pages, mail and CSV: no lone surrogates (not valid UTF-8 anywhere they go), no control characters. */
export const isCleanText = (s: string): boolean => s.isWellFormed() && !/\p{Cc}/u.test(s);

/** Seconds a survey may have taken, at most: a week. */
export const MAX_DURATION_S = 7 * 24 * 3600;

type Out<Name extends keyof typeof Schemas> = (typeof Schemas)[Name] extends z.ZodMiniType
  ? z.output<(typeof Schemas)[Name]>
  : never;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** No key but these (a strict object). */
function onlyKeys(value: Json, allowed: readonly string[]): boolean {
  for (const key in value) if (!allowed.includes(key)) return false;
  return true;
}

const stringUpTo = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

const numberIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** `trimmedName(max)`: the trimmed text, or undefined. */
function trimmedName(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s.length >= 1 && s.length <= max && isCleanText(s) ? s : undefined;
}

/** A failed check, distinct from every value an optional field may hold (undefined among them). */
const BAD: unique symbol = Symbol('bad');
type Field = (v: unknown) => unknown;

/**
 * A strict object's optional fields: a field left out stays out, one given as undefined stays undefined (as zod
 * keeps it), any other is checked. BAD when a field fails or a key is unknown.
 */
function optionalFields(value: unknown, fields: Readonly<Record<string, Field>>): Json | typeof BAD {
  if (!isObject(value) || !onlyKeys(value, Object.keys(fields))) return BAD;
  const out: Json = {};
  for (const key in fields) {
    if (!(key in value)) continue;
    const v = value[key];
    const checked = v === undefined ? undefined : fields[key]!(v);
    if (checked === BAD) return BAD;
    out[key] = checked;
  }
  return out;
}

const ledgerId: Field = (v) => (stringUpTo(v, 1, 40) ? v : BAD);
const ledgerNumber: Field = (v) => (numberIn(v, 0, 1000) ? v : BAD);
const ledgerLabel: Field = (v) => (stringUpTo(v, 0, 200) ? v : BAD);

/** A wait's holder: a department of the campaign (trimmed) or a level, never both. */
const holder: Field = (v) => {
  if (!isObject(v)) return BAD;
  if (onlyKeys(v, ['department'])) {
    const department = trimmedName(v.department, 80);
    return department === undefined ? BAD : { department };
  }
  if (onlyKeys(v, ['level']) && LEVELS.includes(v.level as never)) return { level: v.level };
  return BAD;
};

/** Up to 10 entries, each a strict object of optional fields. */
const entries =
  (fields: Readonly<Record<string, Field>>): Field =>
  (v) => {
    if (!Array.isArray(v) || v.length > 10) return BAD;
    const out: Json[] = [];
    for (const entry of v) {
      const checked = optionalFields(entry, fields);
      if (checked === BAD) return BAD;
      out.push(checked);
    }
    return out;
  };

const LEDGER_FIELDS: Readonly<Record<string, Field>> = {
  time: entries({ category: ledgerId, hoursPerWeek: ledgerNumber, reason: ledgerId, label: ledgerLabel }),
  waiting: entries({
    kind: ledgerId,
    heldBy: holder,
    days: ledgerNumber,
    timesPerMonth: ledgerNumber,
    label: ledgerLabel,
  }),
  knowledge: entries({ category: ledgerId, checksPerWeek: ledgerNumber, sop: ledgerId, label: ledgerLabel }),
};

/** `answersSchema`: a non-empty record of item ids to numbers or short strings, copied. */
function answers(v: unknown): Record<string, number | string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, number | string> = {};
  let count = 0;
  for (const key of Object.keys(v)) {
    if (key.length > 64 || !ITEM_ID_PATTERN.test(key) || RESERVED_NAMES.has(key)) return undefined;
    const answer = v[key];
    if (typeof answer === 'number' ? !Number.isFinite(answer) : !stringUpTo(answer, 0, 64)) return undefined;
    out[key] = answer as number | string;
    count++;
  }
  return count > 0 ? out : undefined;
}

const SUBMISSION_OPTIONAL: Readonly<Record<string, Field>> = {
  durationS: (v) => (numberIn(v, 0, MAX_DURATION_S) ? v : BAD),
  ledger: (v) => optionalFields(v, LEDGER_FIELDS),
  draftCode: (v) => (stringUpTo(v, 0, 64) ? v : BAD),
};
const SUBMISSION_KEYS = ['responseId', 'answers', 'level', 'department', ...Object.keys(SUBMISSION_OPTIONAL)];

/** `SubmitResponseBody`: what it returns, or undefined. */
export function submitResponseBody(v: unknown): Out<'SubmitResponseBody'> | undefined {
  if (!isObject(v) || !onlyKeys(v, SUBMISSION_KEYS)) return undefined;
  const { responseId, level } = v;
  if (typeof responseId !== 'string' || !UUID_PATTERN.test(responseId)) return undefined;
  if (!LEVELS.includes(level as never)) return undefined;
  const given = answers(v.answers);
  const department = trimmedName(v.department, 80);
  if (!given || department === undefined) return undefined;
  const rest: Json = {};
  for (const key in SUBMISSION_OPTIONAL) {
    if (!(key in v)) continue;
    const checked = v[key] === undefined ? undefined : SUBMISSION_OPTIONAL[key]!(v[key]);
    if (checked === BAD) return undefined;
    rest[key] = checked;
  }
  return { responseId, answers: given, level, department, ...rest } as Out<'SubmitResponseBody'>;
}

/** A strict object of one secret: the `SurveyParams` and `ReceiptParams` of a route. */
const secretParam =
  <Name extends 'SurveyParams' | 'ReceiptParams'>(key: string) =>
  (v: unknown): Out<Name> | undefined =>
    isObject(v) && onlyKeys(v, [key]) && typeof v[key] === 'string' && SECRET_PATTERN.test(v[key])
      ? ({ [key]: v[key] } as Out<Name>)
      : undefined;

export const surveyParams = secretParam<'SurveyParams'>('surveyToken');
export const receiptParams = secretParam<'ReceiptParams'>('receipt');

/** `SurveyQuery`: at most a language the product speaks. */
export function surveyQuery(v: unknown): Out<'SurveyQuery'> | undefined {
  const checked = optionalFields(v, { lang: (l) => (LANGUAGES.includes(l as never) ? l : BAD) });
  return checked === BAD ? undefined : (checked as Out<'SurveyQuery'>);
}

/** The checks validate() tries before a schema, by schema name. */
export const RESPONDENT_CHECKS: { readonly [Name in keyof typeof Schemas]?: (v: unknown) => Out<Name> | undefined } = {
  SubmitResponseBody: submitResponseBody,
  SurveyParams: surveyParams,
  ReceiptParams: receiptParams,
  SurveyQuery: surveyQuery,
};
