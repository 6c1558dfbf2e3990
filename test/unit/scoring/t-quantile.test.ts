import { describe, expect, it } from 'vitest';
import {
  ASYMPTOTIC_DF,
  ASYMPTOTIC_MAX_P,
  logGamma,
  normalQuantile,
  normalUpperTail,
  studentTCdf,
  tQuantile,
  tQuantileByBisection,
} from '../../../shared/scoring';

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

  // The bisection tQuantile runs below ASYMPTOTIC_DF, the reference for the expansion above it.
  const bisection = tQuantileByBisection;

  it('from df 1,000 on, expands about the normal quantile to the accuracy of the bisection', () => {
    const ps = [0.51, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9995, 0.9999];
    for (const df of [ASYMPTOTIC_DF, 1000.5, 1234.6, 2000, 3333.3, 5000, 7777, 10_000]) {
      for (const p of ps) {
        const reference = bisection(p, df);
        expect(Math.abs(tQuantile(p, df) - reference) / reference, `df=${df} p=${p}`).toBeLessThan(1e-11);
        expect(tQuantile(1 - p, df)).toBe(-tQuantile(p, df));
      }
    }
    // Near p = 1/2, absolutely (t is near 0); up to ASYMPTOTIC_MAX_P, where the bisection's tail loses digits.
    expect(Math.abs(tQuantile(0.5000001, 2000) - bisection(0.5000001, 2000))).toBeLessThan(1e-15);
    const far = bisection(ASYMPTOTIC_MAX_P, 1000);
    expect(Math.abs(tQuantile(ASYMPTOTIC_MAX_P, 1000) - far) / far).toBeLessThan(1e-10);
    // Beyond, the bisection itself drifts, and the expansion goes to its first term: z + z(z² + 1) / (4 df).
    const z = normalQuantile(0.95);
    expect(tQuantile(0.95, 1e9)).toBeCloseTo(z + (z * (z * z + 1)) / 4e9, 14);
    // Just below the threshold, and beyond the largest p, the bisection answers.
    expect(tQuantile(0.975, ASYMPTOTIC_DF - 1)).toBe(bisection(0.975, ASYMPTOTIC_DF - 1));
    expect(tQuantile(1 - 1e-9, 5000)).toBe(bisection(1 - 1e-9, 5000));
  });

  it('reads normal quantiles and tails as the tables give them', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.719016485455709, 13);
    expect(normalQuantile(0.5 + 1e-9) / 1e-9).toBeCloseTo(Math.sqrt(2 * Math.PI), 6);
    expect(normalUpperTail(0)).toBe(0.5);
    expect(normalUpperTail(-1)).toBeCloseTo(1 - 0.15865525393145707, 15);
    expect(normalUpperTail(1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalUpperTail(3) / 0.0013498980316301035).toBeCloseTo(1, 13);
    expect(normalUpperTail(6) / 9.865876450376946e-10).toBeCloseTo(1, 12);
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
