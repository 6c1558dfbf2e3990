import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import {
  ledgerColumns,
  ledgerCsvCells,
  ledgerDesignFor,
  ledgerFits,
  ledgerFromFields,
  storedLedger,
} from '../../../shared/ledger';
import { LedgerCodes } from '../../../shared/ledger/ledger-codes';
import { LedgerCells } from '../../../shared/ledger/ledger-columns';
import type { ResolvedLedgerDesign } from '../../../shared/ledger/types';
import type { SurveyResponse } from '../../../shared/response';
import { answerCodes, createAccumulator, encodeAnswers } from '../../../shared/scoring';
import { ledgerResponseArb } from '../../factories';

// The CSV path's ledger: a row's cells coded into LedgerCodes (the one check of the entries) and folded by position
// (LedgerTally). Both must agree with the object path exactly: the same verdict as ledgerFits on the entries the
// cells stand for, the same stored entries, the same statistics as Accumulator.add, withdrawals included.

const I = CURRENT_INSTRUMENT;
const RUNS = { numRuns: 400 };
const NAMES = ledgerColumns(I);
const CLI_DESIGN: ResolvedLedgerDesign = { ...ledgerDesignFor(I, undefined, null)!, labels: true };
const CAMPAIGN_DESIGN = ledgerDesignFor(
  I,
  {
    timeCategories: [
      ...I.ledger!.time.categories.map((c) => ({ id: c.id, label: c.label })),
      { id: 'claims_rework', label: { en: 'Claims rework' } },
    ],
  },
  ['Finance', 'IT'],
)!;

// Values a person might type into each kind of column: valid ones first, then near misses and junk.
const POOL: Record<string, { valid: string[]; wrong: string[] }> = {
  category: {
    valid: ['rework', 'searching', 'pricing', 'technical', 'other'],
    wrong: ['claims_rework', 'Rework', 'nope', 'data entry'],
  },
  hours: {
    valid: ['1', '2.5', '2,5', '40', '0', ' 4 ', '1e1'],
    wrong: ['40.5', '-1', '3.25', 'abc', '0x4', 'Infinity'],
  },
  reason: { valid: ['only_me', 'role_requires', 'other'], wrong: ['boss'] },
  label: {
    valid: ['status deck', 'mail jane@example.com', '…', '  ', 'call +49 30 1234567'],
    wrong: ['x'.repeat(201)],
  },
  kind: { valid: ['approval', 'materials', 'boss_decision'], wrong: ['approve'] },
  held_by: {
    valid: ['Finance', 'department:IT', 'level:executive', 'IT'],
    wrong: ['level:boss', 'department:', 'Sales'],
  },
  days: { valid: ['1', '0.5', '30', '2,5'], wrong: ['31', 'x'] },
  times: { valid: ['1', '4', '60'], wrong: ['61', '0.5'] },
  checks: { valid: ['1', '3', '0'], wrong: ['5.5', '-2'] },
  sop: { valid: ['none', 'unused', 'used'], wrong: ['maybe'] },
};
const fieldOf = (name: string) => /^ledger_[a-z]+_\d_([a-z_]+)$/.exec(name)![1]!;
const optional = (field: string) => field === 'reason' || field === 'label' || field === 'sop';
/** A cell of a filled slot: mostly a valid value (optional fields often empty), now and then a wrong one or none. */
const cellArb = (field: string) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...POOL[field]!.valid) },
    { weight: field === 'label' ? 80 : optional(field) ? 12 : 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom(...POOL[field]!.wrong) },
  );
const SLOTS = [...new Set(NAMES.map((n) => n.replace(/_[a-z]+$/, '').replace(/_held$/, '')))];
/** Per entry slot, all its cells empty or an entry typed as above; the small pools make repeated entries common. */
const rowArb = fc
  .tuple(
    ...SLOTS.map((slot) => {
      const names = NAMES.filter((n) => n.startsWith(`${slot}_`));
      return fc.oneof(fc.constant(names.map(() => '')), fc.tuple(...names.map((n) => cellArb(fieldOf(n)))));
    }),
  )
  .map((slots) => slots.flat());

function coded(design: ResolvedLedgerDesign, values: readonly string[]) {
  const cells = new LedgerCells(I, NAMES, design);
  values.forEach((v, column) => {
    if (v.length > 0) cells.cell(column, v);
  });
  return cells.finish();
}

describe('a CSV row’s ledger cells coded into LedgerCodes', () => {
  for (const [name, design] of [
    ['without a campaign', CLI_DESIGN],
    ['against a campaign’s lists, labels off', CAMPAIGN_DESIGN],
  ] as const) {
    it(`fit exactly when ledgerFits says the entries fit, and hold the stored entries (${name})`, () => {
      const verdicts = { none: 0, fits: 0, not: 0 };
      fc.assert(
        fc.property(rowArb, (values) => {
          const named = Object.fromEntries(NAMES.map((n, i) => [n, values[i]]));
          const { ledger } = ledgerFromFields(named);
          const result = coded(design, values);
          if (ledger === undefined) {
            verdicts.none++;
            expect(result).toBeNull();
          } else if (ledgerFits(design, ledger)) {
            verdicts.fits++;
            expect(result).toBeInstanceOf(LedgerCodes);
            expect((result as LedgerCodes).toAnswers()).toEqual(storedLedger(ledger));
          } else {
            verdicts.not++;
            expect(result).toMatchObject({ column: expect.any(Number), detail: expect.any(String) });
          }
        }),
        RUNS,
      );
      // Both verdicts were put to the test, not only the easy one.
      expect(verdicts.fits).toBeGreaterThan(RUNS.numRuns / 40);
      expect(verdicts.not).toBeGreaterThan(RUNS.numRuns / 40);
    });
  }

  it('are read again from a clean slate after a row that did not fit', () => {
    const bad = NAMES.map((n) => (n === 'ledger_time_1_category' ? 'nope' : n === 'ledger_time_1_hours' ? '2' : ''));
    const good = NAMES.map((n) => (n === 'ledger_waiting_1_kind' ? 'approval' : ''));
    const cells = new LedgerCells(I, NAMES, CLI_DESIGN);
    for (const [c, v] of bad.entries()) if (v) cells.cell(c, v);
    expect(cells.finish()).toMatchObject({ column: NAMES.indexOf('ledger_time_1_category') });
    for (const [c, v] of good.entries()) if (v) cells.cell(c, v);
    // The wait lacks its holder, days and times: the problem is the wait's, not the time entry's of the row before.
    expect(cells.finish()).toMatchObject({ column: NAMES.indexOf('ledger_waiting_1_held_by') });
    expect(cells.finish()).toBeNull();
  });
});

describe('ledger codes folded by Accumulator.addCoded', () => {
  const coding = answerCodes(I);
  /** The response as the CSV path folds it: its answers as codes, its ledger through the ledger columns. */
  function addCodedRow(acc: ReturnType<typeof createAccumulator>, r: SurveyResponse, cells: LedgerCells) {
    const codes = new Uint8Array(coding.length);
    if (!encodeAnswers(coding, r.answers, codes)) throw new Error('test response does not encode');
    ledgerCsvCells(I, r.ledger).forEach((v, column) => {
      if (v.length > 0) cells.cell(column, v);
    });
    const ledger = cells.finish();
    if (ledger !== null && !(ledger instanceof LedgerCodes)) throw new Error(`ledger does not fit: ${ledger.detail}`);
    acc.addCoded(codes, r.durationS, ledger ?? undefined);
  }
  // The object path stores labels cleaned, as the CSV path reads them.
  const stored = (r: SurveyResponse): SurveyResponse => {
    const ledger = storedLedger(r.ledger);
    const { ledger: _ledger, ...rest } = r;
    return ledger ? { ...rest, ledger } : rest;
  };

  it('give exactly the statistics of adding the responses, withdrawals and merges after them included', () => {
    fc.assert(
      fc.property(
        fc.array(ledgerResponseArb, { maxLength: 30 }),
        fc.array(ledgerResponseArb, { maxLength: 10 }),
        fc.boolean(),
        (rs, more, excludeFlagged) => {
          const cells = new LedgerCells(I, NAMES, CLI_DESIGN);
          const fast = createAccumulator(I, { excludeFlagged });
          const plain = createAccumulator(I, { excludeFlagged });
          for (const r of rs) {
            addCodedRow(fast, r, cells);
            plain.add(stored(r));
          }
          expect(fast.toStats()).toEqual(plain.toStats());
          // More rows after a toStats, then a withdrawal of the first: the tally drains before the withdrawal.
          for (const r of more) {
            addCodedRow(fast, r, cells);
            plain.add(stored(r));
          }
          if (rs.length > 0) {
            fast.remove(stored(rs[0]!));
            plain.remove(stored(rs[0]!));
          }
          expect(fast.toStats()).toEqual(plain.toStats());
          const merged = createAccumulator(I, { excludeFlagged });
          for (const r of more) addCodedRow(merged, r, cells);
          merged.addStats(plain.toStats());
          for (const r of more) plain.add(stored(r));
          expect(merged.toStats()).toEqual(plain.toStats());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuse codes made for another ledger step', () => {
    const other = structuredClone(CLI_DESIGN);
    const codes = new LedgerCodes(other);
    expect(codes.addTime('rework', 2, undefined, undefined)).toBe(true);
    const acc = createAccumulator(I);
    expect(() => acc.addCoded(new Uint8Array(coding.length), undefined, codes)).toThrow(/another ledger step/);
    expect(acc.toStats()).toEqual(createAccumulator(I).toStats());
  });
});
