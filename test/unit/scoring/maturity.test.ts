import { describe, expect, it } from 'vitest';
import { MATURITY_LEVELS, maturityLevel } from '../../../shared/scoring';

describe('maturity levels', () => {
  it('are five levels covering 0..100 from 0 upwards', () => {
    expect(MATURITY_LEVELS.map((m) => m.level)).toEqual([1, 2, 3, 4, 5]);
    expect(MATURITY_LEVELS.map((m) => m.from)).toEqual([0, 20, 40, 60, 80]);
  });

  it('put a score on a cut-off into the higher level', () => {
    expect(maturityLevel(0)).toEqual({ level: 1, name: 'Ad hoc' });
    expect(maturityLevel(19.999)).toEqual({ level: 1, name: 'Ad hoc' });
    expect(maturityLevel(20)).toEqual({ level: 2, name: 'Patched' });
    expect(maturityLevel(59.9)).toEqual({ level: 3, name: 'Defined' });
    expect(maturityLevel(60)).toEqual({ level: 4, name: 'Managed' });
    expect(maturityLevel(100)).toEqual({ level: 5, name: 'Rewritten' });
  });
});
