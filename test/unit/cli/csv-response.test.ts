import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../../cli/csv-reader';
import { ResponseReader, responseMapper, templateHeader } from '../../../cli/csv-response';
import { CsvError } from '../../../cli/errors';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { answerIssues, type SurveyResponse } from '../../../shared/response';
import { answerCodes, decodeAnswers } from '../../../shared/scoring';
import { responsesCsv } from '../../cli/responses-csv';
import { responseArb } from '../../factories';

// The mapper's mechanics on 2026.1's columns (its rows below are written by hand for that version).
const instrument = CORE_INSTRUMENT;
const HEADER = ['level', 'department', 'duration_s', 'roles_split', 'roles_squeezed', 'sig_capacity_use'];

/** Maps `rows` under `header` (data row i + 1 sits on file line i + 2) and returns the first error's message. */
function errorOf(header: string[], ...rows: string[][]): string {
  try {
    const mapper = responseMapper(instrument, header);
    rows.forEach((fields, i) => {
      mapper.toResponse(fields, i + 1, i + 2);
    });
  } catch (error) {
    if (error instanceof CsvError) return error.message;
    throw error;
  }
  throw new Error('expected a CsvError');
}

describe('templateHeader', () => {
  it('is the segment columns followed by every item id, and maps back without error', () => {
    const header = templateHeader(instrument);
    expect(header.slice(0, 3)).toEqual(['level', 'department', 'duration_s']);
    expect(header.slice(3)).toEqual(instrument.items.map((i) => i.id));
    expect(responseMapper(instrument, header).columns).toEqual(header);
  });
});

describe('responseMapper', () => {
  it('maps likert digits, dk, empty cells, a choice, the department and the duration', () => {
    const mapper = responseMapper(instrument, HEADER);
    expect(mapper.toResponse(['manager', 'Sales, North', '312.5', '4', 'dk', 'undecided'], 1, 2)).toEqual({
      answers: { roles_split: 4, roles_squeezed: 'dk', sig_capacity_use: 'undecided' },
      level: 'manager',
      department: 'Sales, North',
      durationS: 312.5,
    });
    expect(mapper.toResponse(['frontline', '', '', '', '', ''], 2, 3)).toEqual({
      answers: {},
      level: 'frontline',
      department: null,
    });
  });

  it('accepts any subset of columns in any order, surrounding spaces and DK in capitals', () => {
    const mapper = responseMapper(instrument, [' kn_traceable ', 'level']);
    const response = mapper.toResponse([' 2 ', ' executive'], 1, 2);
    expect(response).toEqual({ answers: { kn_traceable: 2 }, level: 'executive', department: null });
    expect(mapper.toResponse(['DK', 'manager'], 2, 3)!.answers).toEqual({ kn_traceable: 'dk' });
    expect(mapper.toResponse(['  ', 'manager'], 3, 4)!.answers).toEqual({});
  });

  it('reads a duration as Number does', () => {
    const mapper = responseMapper(instrument, ['level', 'duration_s']);
    const decimal = fc
      .tuple(fc.stringMatching(/^[0-9]{0,18}$/), fc.option(fc.stringMatching(/^[0-9]{0,18}$/)))
      .map(([whole, fraction]) => (fraction === null ? whole : `${whole}.${fraction}`))
      .filter((v) => v !== '' && v !== '.');
    fc.assert(
      fc.property(fc.oneof(decimal, fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map(String)), (v) => {
        expect(mapper.toResponse(['manager', v], 1, 2)!.durationS).toBe(Number(v));
      }),
    );
    for (const v of ['1e3', '0x10', ' 7 ', '5.', '.5', '-0']) {
      expect(mapper.toResponse(['manager', v], 1, 2)!.durationS).toBe(Number(v));
    }
  });

  it('codes rows read field by field as it maps whole rows, across chunks', () => {
    // responseArb answers the newest instrument.
    fc.assert(
      fc.property(fc.array(responseArb, { minLength: 1, maxLength: 15 }), fc.nat(), (responses, cut) => {
        const text = responsesCsv(responses);
        const read: SurveyResponse[] = [];
        const reader = new ResponseReader(CURRENT_INSTRUMENT, (row, rowNumber) => {
          expect(rowNumber).toBe(read.length + 1);
          const response: SurveyResponse = {
            answers: { ...decodeAnswers(answerCodes(CURRENT_INSTRUMENT), row.codes) },
            level: row.level,
            department: row.department,
          };
          if (row.durationS !== undefined) response.durationS = row.durationS;
          read.push(response);
        });
        const parser = new CsvParser(reader);
        const at = cut % (text.length + 1);
        parser.push(text.slice(0, at));
        parser.push(text.slice(at));
        parser.end();
        reader.end();
        expect(read).toEqual(responses);
        expect(reader.rows).toBe(responses.length);
      }),
    );
  });

  it('produces answers the shared validator accepts for every value a cell may hold', () => {
    const header = templateHeader(instrument);
    const mapper = responseMapper(instrument, header);
    for (const value of ['1', '2', '3', '4', '5', 'dk', '']) {
      const fields = header.map((column) => {
        if (column === 'level') return 'frontline';
        if (column === 'sig_capacity_use') return 'organisational_learning';
        return column === 'department' || column === 'duration_s' ? '' : value;
      });
      expect(answerIssues(instrument, mapper.toResponse(fields, 1, 2)!.answers)).toEqual([]);
    }
  });

  describe('names the row, line and column of bad input', () => {
    const row = ['manager', 'Ops', '100', '3', '3', 'profit'];
    const withCell = (index: number, value: string) => row.map((v, i) => (i === index ? value : v));

    it('a likert value out of range or not a number', () => {
      expect(errorOf(HEADER, row, withCell(3, '6'))).toBe(
        `row 2 (line 3), column 4 "roles_split": "6" is not an answer: expected 1-5, dk (don't know), an answer label` +
          ` ("Strongly agree") or empty (unanswered); recode other values in a mapping`,
      );
      expect(errorOf(HEADER, withCell(4, '0'))).toMatch(/^row 1 \(line 2\), column 5 "roles_squeezed": "0" is not/);
      expect(errorOf(HEADER, withCell(4, '3.5'))).toMatch(/^row 1 \(line 2\), column 5 "roles_squeezed": "3.5" is not/);
      expect(errorOf(HEADER, withCell(3, 'agreed'))).toMatch(/^row 1 \(line 2\), column 4 "roles_split": "agreed"/);
      expect(errorOf(HEADER, withCell(3, '4.5'))).toMatch(/"4.5" is not an answer/);
    });

    it('an unknown choice option', () => {
      expect(errorOf(HEADER, row, row, withCell(5, 'growth'))).toBe(
        'row 3 (line 4), column 6 "sig_capacity_use": unknown option "growth": expected one of profit, ' +
          'customer_experience, organisational_learning, headcount_only, undecided, one of their labels, or empty',
      );
    });

    it('a missing or unknown level', () => {
      expect(errorOf(HEADER, withCell(0, ''))).toBe(
        'row 1 (line 2), column 1 "level": missing level: expected frontline, manager, executive',
      );
      expect(errorOf(HEADER, withCell(0, 'boss'))).toBe(
        'row 1 (line 2), column 1 "level": unknown level "boss": expected frontline, manager, executive or their labels',
      );
    });

    it('a duration that is not a number of seconds', () => {
      expect(errorOf(HEADER, withCell(2, 'ten'))).toMatch(/^row 1 \(line 2\), column 3 "duration_s": "ten" is not a/);
      expect(errorOf(HEADER, withCell(2, '-4'))).toMatch(/^row 1 \(line 2\), column 3 "duration_s": "-4" is not a/);
    });

    it('the first bad cell of a row', () => {
      const bad = row.map((v, i) => (i === 2 ? 'soon' : i === 3 ? '9' : v));
      expect(errorOf(HEADER, bad)).toMatch(/^row 1 \(line 2\), column 3 "duration_s": "soon" is not a duration/);
    });

    it('a stray comma before the value it shifted out of place', () => {
      // "Sales, North" unquoted: " North" lands in duration_s, and every later cell one column right.
      expect(errorOf(HEADER, ['manager', 'Sales', ' North', '100', '3', '3', 'profit'])).toBe(
        'row 1 (line 2): expected 6 fields like the header, found 7 (an unquoted delimiter in a value?)',
      );
    });

    it('a row with the wrong number of fields', () => {
      expect(errorOf(HEADER, row, row.slice(1))).toBe('row 2 (line 3): expected 6 fields like the header, found 5');
      expect(errorOf(HEADER, [...row, 'x'])).toBe(
        'row 1 (line 2): expected 6 fields like the header, found 7 (an unquoted delimiter in a value?)',
      );
    });

    it('a repeated item column, or no level column', () => {
      expect(errorOf(['level', 'roles_split', 'roles_split'])).toBe(
        'header (line 1), column 3 "roles_split": maps to roles_split, as column 2 "roles_split" does already; one' +
          ' column per item',
      );
      expect(errorOf(['department', 'roles_split'])).toBe(
        'header (line 1): no column for the level (frontline, manager, executive for every row): name one "level",' +
          ' or map it (orgos map FILE.csv proposes a mapping)',
      );
    });
  });
});
