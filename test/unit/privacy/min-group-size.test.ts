import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR, normalizeMinGroupSize } from '../../../shared/privacy';

describe('normalizeMinGroupSize', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(MIN_GROUP_SIZE_FLOOR).toBe(3);
    expect(normalizeMinGroupSize()).toBe(5);
    expect(normalizeMinGroupSize(null)).toBe(5);
    expect(normalizeMinGroupSize(Number.NaN)).toBe(5);
    expect(normalizeMinGroupSize(Number.POSITIVE_INFINITY)).toBe(5);
    expect(normalizeMinGroupSize(2)).toBe(3);
    expect(normalizeMinGroupSize(-7)).toBe(3);
    expect(normalizeMinGroupSize(8)).toBe(8);
  });

  it('rounds a fractional setting up, towards more hiding', () => {
    expect(normalizeMinGroupSize(4.2)).toBe(5);
    expect(normalizeMinGroupSize(2.5)).toBe(3);
  });

  it('always gives an integer of at least the floor, and at least the setting', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const k = normalizeMinGroupSize(value);
        return Number.isInteger(k) && k >= MIN_GROUP_SIZE_FLOOR && k >= value;
      }),
    );
  });
});
