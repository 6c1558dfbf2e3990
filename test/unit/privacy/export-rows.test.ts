import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../shared/instrument';
import { exportRows, planBreakdowns, type VisibleSegment, visibleSegments } from '../../../shared/privacy';

describe('exportRows', () => {
  it('mirrors the plan: hidden groups carry neither count nor values', () => {
    const plan = planBreakdowns(
      [
        { department: 'sales', level: 'frontline', n: 10 },
        { department: 'ops', level: 'frontline', n: 2 },
        { department: 'ops', level: 'manager', n: 5 },
      ],
      5,
    );
    const rows = exportRows(plan, (segment) => `score of ${segment.breakdown}:${segment.key}`);
    // The levels used to be shown too, but ops minus managers is ops' two frontline respondents for anyone who knows
    // ops has no executives (and frontline minus sales the same two): managers, the smallest group involved, are
    // hidden, frontline as their complement, and the empty executive level with them.
    expect(rows).toEqual([
      { breakdown: 'total', key: null, n: 17, suppressed: false, values: 'score of total:null' },
      { breakdown: 'department', key: 'ops', n: 7, suppressed: false, values: 'score of department:ops' },
      { breakdown: 'department', key: 'sales', n: 10, suppressed: false, values: 'score of department:sales' },
      { breakdown: 'level', key: 'frontline', n: null, suppressed: true, values: null },
      { breakdown: 'level', key: 'manager', n: null, suppressed: true, values: null },
      { breakdown: 'level', key: 'executive', n: null, suppressed: true, values: null },
    ]);
  });

  it('exports no values at all when the campaign is below the minimum', () => {
    const plan = planBreakdowns([{ department: 'sales', level: 'frontline', n: 4 }], 5);
    const rows = exportRows(plan, () => 'never');
    expect(rows.every((row) => row.suppressed && row.n === null && row.values === null)).toBe(true);
  });

  it('asks for values only for the groups the plan shows, once each', () => {
    const cells = fc.array(
      fc.record({
        department: fc.constantFrom('sales', 'ops', 'legal', null),
        level: fc.constantFrom(...LEVELS),
        n: fc.integer({ min: 0, max: 12 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(cells, fc.integer({ min: 3, max: 10 }), (cs, k) => {
        const plan = planBreakdowns(cs, k);
        const asked: VisibleSegment[] = [];
        const rows = exportRows(plan, (segment) => {
          asked.push(segment);
          return segment.n;
        });
        expect(asked).toEqual(visibleSegments(plan));
        for (const row of rows) {
          if (row.suppressed) expect([row.n, row.values]).toEqual([null, null]);
          else expect(row.n === 0 || (row.n !== null && row.n >= plan.minGroupSize)).toBe(true);
        }
      }),
    );
  });
});
