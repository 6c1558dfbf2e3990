import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../shared/instrument';
import { type CellCount, comparableSegments, planBreakdowns } from '../../../shared/privacy';

const wave = (table: Record<string, [number, number, number]>, k = 5) =>
  planBreakdowns(
    Object.entries(table).flatMap(([department, ns]): CellCount[] =>
      LEVELS.map((level, j) => ({ department, level, n: ns[j]! })),
    ),
    k,
  );

describe('comparableSegments', () => {
  it('compares a group only when every wave shows it', () => {
    const first = wave({ sales: [10, 2, 0], ops: [6, 3, 0], legal: [5, 0, 0] });
    // Second wave: ops (4) is hidden, and legal (8) beside it.
    const second = wave({ sales: [12, 3, 0], ops: [3, 1, 0], legal: [6, 2, 0] });
    expect(first.department.every((row) => !row.suppressed)).toBe(true);
    expect(comparableSegments([first, second])).toEqual({
      total: true,
      department: ['sales'],
      level: ['frontline', 'manager'],
    });
    expect(comparableSegments([second, first]).department).toEqual(['sales']);
  });

  it('leaves out a group that is empty in one wave, and the total of a wave below the minimum', () => {
    const first = wave({ sales: [10, 5, 0] });
    const second = wave({ sales: [3, 0, 0] });
    expect(comparableSegments([first, second])).toEqual({ total: false, department: [], level: [] });
    expect(comparableSegments([first, wave({ sales: [9, 0, 0], ops: [7, 0, 0] })]).department).toEqual(['sales']);
  });

  it('compares nothing without waves, and a single wave with itself shows its own visible groups', () => {
    expect(comparableSegments([])).toEqual({ total: false, department: [], level: [] });
    const only = wave({ sales: [10, 5, 0], ops: [2, 0, 0] });
    expect(comparableSegments([only])).toEqual({ total: true, department: [], level: ['frontline', 'manager'] });
  });
});
