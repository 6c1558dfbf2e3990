import { describe, expect, it } from 'vitest';
import { createRng, mulberry32 } from '../../../shared/simulation';

describe('seeded generator', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('gives uniforms in [0, 1) and standard normals with the right moments', () => {
    const rng = createRng(7);
    const m = 20_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    let nSum = 0;
    let nSq = 0;
    for (let i = 0; i < m; i++) {
      const u = rng.uniform();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      nSum += z;
      nSq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / m).toBeCloseTo(0.5, 1);
    expect(nSum / m).toBeCloseTo(0, 1);
    expect(Math.sqrt(nSq / m)).toBeCloseTo(1, 1);
  });

  it('picks indices in proportion to their weights', () => {
    const rng = createRng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.pick([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / 10_000).toBeCloseTo(0.75, 1);
  });
});
