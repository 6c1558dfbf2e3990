import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  receiptParams,
  submitResponseBody,
  surveyParams,
  surveyQuery,
} from '../../../functions/api/respondent-schemas';
import { ReceiptParams, SubmitResponseBody, SurveyParams, SurveyQuery } from '../../../functions/api/schemas';
import { reservedKeyPath } from '../../../functions/api/validation';

// A respondent's request that passes its zod-free check is never shown to the zod schema (validation.ts), so each
// check must accept exactly what its schema accepts and give exactly what the schema gives: asserted both ways on
// generated requests near every boundary of the schema, and on a table of the edges.

type Check = (v: unknown) => unknown;
type Schema = { safeParse: (v: unknown) => { success: boolean; data?: unknown } };

/** The check and the schema agree on `value`; true when both accept it. */
function agree(check: Check, schema: Schema, value: unknown): boolean {
  const checked = check(value);
  const parsed = schema.safeParse(value);
  expect({ value, accepted: checked !== undefined }).toEqual({ value, accepted: parsed.success });
  if (parsed.success) expect(checked).toStrictEqual(parsed.data);
  return parsed.success;
}

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const lengths = (
  min: number,
  max: number,
  chars: fc.Arbitrary<string> = fc.constantFrom('a', 'B', '7', '_', '-', '.', ':'),
) => fc.string({ unit: chars, minLength: min, maxLength: max });

const text = fc.oneof(
  fc.string({ maxLength: 90 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  lengths(78, 83, fc.constantFrom('x', ' ')),
  fc.constantFrom('', ' ', '  Sales ', 'Sa\u0007les', 'Sa\uD800les', '\tOps\n', 'Ops\u0085', 'Ops\u200b', '\u3000Ops'),
);
const uuid = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '123e4567-e89b-02d3-a456-426614174000',
    '123e4567-e89b-92d3-a456-426614174000',
    '123e4567-e89b-42d3-c456-426614174000',
    '123e4567e89b42d3a456426614174000',
  ),
  fc.string({ maxLength: 40 }),
);
const number = fc.oneof(
  fc.integer({ min: -2, max: 1002 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1000, 1000.0001, 604_800, 604_801, 1e-200),
);
const anything = fc.oneof(fc.constant(null), fc.boolean(), number, fc.string({ maxLength: 5 }), fc.constant({}));
const itemId = fc.oneof(
  lengths(1, 12),
  lengths(63, 66),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('constructor', 'toString', '0', '1.5', '-1', 'a b', 'é'),
);
const answers = fc.oneof(
  fc.dictionary(itemId, fc.oneof(number, lengths(0, 66), anything), { maxKeys: 6 }),
  anything,
  fc.array(fc.integer(), { maxLength: 2 }),
);
const level = fc.oneof(fc.constantFrom('frontline', 'manager', 'executive', 'Manager', ''), anything);
const ledgerId = fc.oneof(lengths(0, 42), anything);
const ledgerNumber = fc.oneof(number, anything);
const label = fc.oneof(lengths(0, 3), lengths(199, 201), anything);
/** An entry: some of its fields, now and then a stranger. */
const entry = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    fc.record({ ...fields, other: anything }, { requiredKeys: ['other'] }),
    anything,
  );
const holder = fc.oneof(
  fc.record({ department: text }),
  fc.record({ level }),
  fc.record({ department: text, level }, { requiredKeys: [] }),
  anything,
);
const entries = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof({ weight: 4, arbitrary: fc.array(entry(fields), { maxLength: 12 }) }, anything);
const ledger = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        time: entries({ category: ledgerId, hoursPerWeek: ledgerNumber, reason: ledgerId, label }),
        waiting: entries({ kind: ledgerId, heldBy: holder, days: ledgerNumber, timesPerMonth: ledgerNumber, label }),
        knowledge: entries({ category: ledgerId, checksPerWeek: ledgerNumber, sop: ledgerId, label }),
      },
      { requiredKeys: [] },
    ),
  },
  fc.record({ time: fc.constant([]), shifts: anything }),
  anything,
);
/** Mostly near-valid submissions: each field valid, invalid or missing. */
const submission = fc.record(
  {
    responseId: uuid,
    answers,
    level,
    department: text,
    durationS: fc.oneof(number, anything),
    ledger,
    draftCode: fc.oneof(lengths(0, 66), anything),
    extra: anything,
  },
  { requiredKeys: [] },
);
const valid = fc.record(
  {
    responseId: fc.uuid(),
    answers: fc.dictionary(lengths(1, 10), fc.oneof(fc.integer({ min: 1, max: 5 }), lengths(0, 8)), { minKeys: 1 }),
    level: fc.constantFrom('frontline', 'manager', 'executive'),
    department: fc.constantFrom('Sales', ' Ops ', 'R&D'),
    durationS: fc.integer({ min: 0, max: 3600 }),
  },
  { requiredKeys: ['responseId', 'answers', 'level', 'department'] },
);

describe('the respondent checks without zod', () => {
  it('accept exactly the submissions SubmitResponseBody accepts, and give what it gives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: submission }, { weight: 1, arbitrary: valid }), (generated) => {
        const value = json(generated);
        // validate() refuses such a key before any check or schema sees the body.
        if (reservedKeyPath(value)) return;
        if (agree(submitResponseBody, SubmitResponseBody, value)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // The generator reaches both sides of the boundary, so agreement is not all refusals.
    expect(accepted).toBeGreaterThan(300);
  });

  it('agree with the schema on the edges of every field', () => {
    const base = {
      responseId: '123e4567-e89b-42d3-a456-426614174000',
      answers: { q1: 3, q2: 'dk' },
      level: 'manager',
      department: 'Sales',
    };
    const cases: Record<string, unknown>[] = [
      base,
      { ...base, department: `  ${'d'.repeat(80)}  ` },
      { ...base, department: 'd'.repeat(81) },
      { ...base, department: '   ' },
      { ...base, department: 'Sa\u0000les' },
      { ...base, answers: {} },
      { ...base, answers: { ['a'.repeat(64)]: 1 } },
      { ...base, answers: { ['a'.repeat(65)]: 1 } },
      { ...base, answers: { q1: 'x'.repeat(64) } },
      { ...base, answers: { q1: 'x'.repeat(65) } },
      { ...base, answers: { constructor: 1, '0': 2 } },
      { ...base, answers: { q1: true } },
      { ...base, durationS: 604_800 },
      { ...base, durationS: 604_801 },
      { ...base, durationS: -1 },
      { ...base, draftCode: '' },
      { ...base, ledger: {} },
      { ...base, ledger: { time: [] } },
      { ...base, ledger: { time: Array.from({ length: 10 }, () => ({})) } },
      { ...base, ledger: { time: Array.from({ length: 11 }, () => ({})) } },
      { ...base, ledger: { waiting: [{ heldBy: { department: ' Ops ' }, days: 1000 }] } },
      { ...base, ledger: { waiting: [{ heldBy: { department: 'Ops', level: 'manager' } }] } },
      { ...base, ledger: { waiting: [{ heldBy: { level: 'executive' }, days: 1000.5 }] } },
      { ...base, ledger: { waiting: [{ heldBy: {} }] } },
      { ...base, ledger: { knowledge: [{ category: '', sop: 'x'.repeat(40) }] } },
      { ...base, ledger: { knowledge: [{ label: 'x'.repeat(200) }] } },
      { ...base, ledger: { knowledge: [{ label: 'x'.repeat(200) }], time: null } },
      { ...base, ledger: { time: [{ label: 'x'.repeat(201) }] } },
      { ...base, level: undefined },
      { ...base, extra: 1 },
      { ...base, responseId: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' },
      { ...base, responseId: '123e4567-e89b-42d3-7456-426614174000' },
      { ...base, responseId: '123e4567-e89b-02d3-a456-426614174000' },
      { ...base, responseId: '123e4567-e89b-92d3-a456-426614174000' },
      { ...base, responseId: '123e4567-e89b-82d3-B456-426614174000' },
    ];
    expect(cases.map((c) => agree(submitResponseBody, SubmitResponseBody, json(c)))).toContain(true);
  });

  it('take the survey and receipt params and the survey query as their schemas do', () => {
    const secret = fc.oneof(
      lengths(14, 130, fc.constantFrom('a', 'Z', '0', '_', '-')),
      fc.string({ maxLength: 20 }),
      fc.base64String({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(secret, fc.option(fc.string({ maxLength: 4 })), (token, other) => {
        const extra = other === null ? {} : { [other]: token };
        agree(surveyParams, SurveyParams, { surveyToken: token, ...extra });
        agree(receiptParams, ReceiptParams, { receipt: token, ...extra });
        agree(surveyParams, SurveyParams, { receipt: token });
      }),
      { numRuns: 1000 },
    );
    const langs = fc.oneof(fc.constantFrom('en', 'de', 'zh', 'fr', 'EN', ''), fc.array(fc.constantFrom('en', 'de')));
    fc.assert(
      fc.property(fc.record({ lang: langs, other: fc.string() }, { requiredKeys: [] }), (query) => {
        agree(surveyQuery, SurveyQuery, query);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse a reserved key at any depth, so a body they pass needs no reserved-key walk (validate())', () => {
    const body = {
      responseId: '123e4567-e89b-42d3-a456-426614174000',
      answers: { q1: 3 },
      level: 'manager',
      department: 'Sales',
      ledger: {
        time: [{ category: 'meetings', hoursPerWeek: 2 }],
        waiting: [{ kind: 'approval', heldBy: { department: 'Ops' }, days: 2 }, { heldBy: { level: 'executive' } }],
        knowledge: [{ category: 'lookup', checksPerWeek: 3 }],
      },
    };
    const text = JSON.stringify(body);
    expect(submitResponseBody(json(body))).toBeDefined();
    const opens = [...text.matchAll(/\{/g)].map((m) => m.index);
    expect(opens.length).toBe(9);
    for (const at of opens) {
      // JSON.parse keeps an own `__proto__` key, as a request body has it.
      const spoiled = JSON.parse(`${text.slice(0, at + 1)}"__proto__":{},${text.slice(at + 1)}`);
      expect(reservedKeyPath(spoiled)).not.toBeNull();
      expect(submitResponseBody(spoiled)).toBeUndefined();
    }
    expect(surveyParams(JSON.parse('{"surveyToken":"abcdefghijklmnopq","__proto__":"x"}'))).toBeUndefined();
  });
});
