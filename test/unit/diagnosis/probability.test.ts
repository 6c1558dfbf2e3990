import { describe, expect, it } from 'vitest';
import { normalCdf, studentTCdf } from '../../../shared/diagnosis';

describe('distribution functions', () => {
  it('normal CDF at textbook points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });

  it('Student t CDF at table quantiles', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 9); // Cauchy: 1/2 + atan(1)/pi
    expect(studentTCdf(2.776445, 4)).toBeCloseTo(0.975, 6);
    expect(studentTCdf(2.009575, 49)).toBeCloseTo(0.975, 6);
    expect(studentTCdf(-1.833113, 9)).toBeCloseTo(0.05, 6);
    expect(studentTCdf(12.7062, 1)).toBeCloseTo(0.975, 4);
  });

  it('is symmetric, tends to the normal, and has fatter tails at small df', () => {
    for (const t of [0.3, 1.1, 2.5]) expect(studentTCdf(t, 7) + studentTCdf(-t, 7)).toBeCloseTo(1, 12);
    expect(studentTCdf(1.96, 1e7)).toBeCloseTo(normalCdf(1.96), 7);
    expect(studentTCdf(1.96, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.96));
    expect(studentTCdf(2, 3)).toBeLessThan(studentTCdf(2, 30));
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
  });
});
