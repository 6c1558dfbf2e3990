import { describe, expect, it } from 'vitest';
import { logGamma, studentTCdf, tQuantile } from '../../../shared/scoring';

describe('tQuantile', () => {
  // Two-sided 95% critical values from standard t tables (R: qt(0.975, df)).
  it.each([
    [1, 12.706204736174707],
    [2, 4.302652729749464],
    [3, 3.182446305284263],
    [4, 2.776445105197799],
    [9, 2.262157162740992],
    [29, 2.045229642132703],
    [100, 1.983971518523552],
    [1000, 1.962339081],
  ])('matches the table at df = %i', (df, expected) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(expected, 9);
  });

  it('matches other tail probabilities', () => {
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.812461122811676, 9);
    expect(tQuantile(0.995, 4)).toBeCloseTo(4.604094871415897, 9);
    expect(tQuantile(0.9999, 1)).toBeCloseTo(3183.098757, 5);
  });

  it('is symmetric around 0 and approaches the normal quantile for large df', () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(0.025, 7)).toBeCloseTo(-tQuantile(0.975, 7), 12);
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('inverts the CDF', () => {
    for (const df of [1, 2.5, 6, 40]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) expect(studentTCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });

  it('rejects probabilities and df out of range', () => {
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});
