import { describe, expect, it } from 'vitest';
import { departmentLine, parseDepartments } from '../../../web/dashboard/departments';
import { indexIn, placeIssues } from '../../../web/dashboard/field-errors';
import { orgLabel, sameNamed } from '../../../web/dashboard/org-actions';

describe('placeIssues: each API error goes to the input that stands for its field', () => {
  const rules = [
    { field: 'name', inputId: 'campaign-name' },
    { field: 'headcount', inputId: 'total' },
    { field: 'headcount.byDepartment.Finance', inputId: 'dep-finance' },
    {
      field: 'departments',
      inputId: 'deps',
      text: (i: { field: string; message: string }) => `#${indexIn(i.field, 'departments')}: ${i.message}`,
    },
  ];

  it('matches a field, its children and its indexes, the longest rule first', () => {
    const placed = placeIssues(
      [
        { field: 'name', message: 'must be at least 1 characters' },
        { field: 'headcount.byDepartment.Finance', message: 'must be at most 10000000' },
        { field: 'headcount.total', message: 'expected number' },
        { field: 'departments[2]', message: 'is listed twice' },
      ],
      rules,
    );
    expect(Object.fromEntries(placed.byInput)).toEqual({
      'campaign-name': ['must be at least 1 characters'],
      'dep-finance': ['must be at most 10000000'],
      total: ['expected number'],
      deps: ['#2: is listed twice'],
    });
    expect(placed.unplaced).toEqual([]);
  });

  it('does not take a field that only starts with the same letters, and keeps what no input owns', () => {
    const placed = placeIssues(
      [
        { field: 'nameless', message: 'is not a known field' },
        { field: 'body', message: 'give at least one of name, archived' },
      ],
      rules,
    );
    expect(placed.byInput.size).toBe(0);
    expect(placed.unplaced).toEqual(['nameless: is not a known field', 'body: give at least one of name, archived']);
  });

  it('reads indexes written either way', () => {
    expect(indexIn('departments[12]', 'departments')).toBe(12);
    expect(indexIn('contacts.3.email', 'contacts')).toBe(3);
    expect(indexIn('departments', 'departments')).toBeNull();
  });
});

describe('departments: one per line', () => {
  it('keeps each line whole, commas included, and skips blank lines', () => {
    const { names, duplicates } = parseDepartments('Sales\n\nCredit, risk and collections\r\n  Operations  \n');
    expect(names).toEqual(['Sales', 'Credit, risk and collections', 'Operations']);
    expect(duplicates).toEqual([]);
  });

  it('flags a repeat after case, spacing and invisible characters, naming both lines', () => {
    const { names, duplicates } = parseDepartments('Sales\nFinance\nsales \nFin\u200Bance');
    expect(names).toEqual(['Sales', 'Finance']);
    expect(duplicates).toEqual([
      { line: 3, name: 'sales', firstLine: 1 },
      { line: 4, name: 'Finance', firstLine: 2 },
    ]);
  });

  it('finds the line of the n-th department sent (departments[n])', () => {
    const text = 'Sales\n\nLegal\n\nIT';
    expect(departmentLine(text, 0)).toBe(1);
    expect(departmentLine(text, 2)).toBe(5);
    expect(departmentLine(text, 3)).toBeNull();
  });
});

describe('organisations of one name', () => {
  const orgs = [
    { id: 'a', name: 'Acme GmbH', createdAt: '2026-01-02T10:00:00Z', campaignCount: 2 },
    { id: 'b', name: ' acme  gmbh', createdAt: '2026-03-04T10:00:00Z', campaignCount: 0 },
    { id: 'c', name: 'Contoso', createdAt: '2026-01-01T10:00:00Z', campaignCount: 1 },
  ];

  it('finds the others of a name, case and spacing aside', () => {
    expect(sameNamed(orgs, 'ACME gmbh').map((o) => o.id)).toEqual(['a', 'b']);
    expect(sameNamed(orgs, 'Acme GmbH', 'a').map((o) => o.id)).toEqual(['b']);
    expect(sameNamed(orgs, '  ')).toEqual([]);
  });

  it('adds when each was made and its campaigns only where two share a name', () => {
    expect(orgLabel(orgs[0]!, orgs)).toBe('Acme GmbH (created 2026-01-02, 2 campaigns)');
    expect(orgLabel(orgs[1]!, orgs)).toBe(' acme  gmbh (created 2026-03-04, 0 campaigns)');
    expect(orgLabel(orgs[2]!, orgs)).toBe('Contoso');
  });
});
