// The diagnosis minimum: how many respondents a diagnosis needs, apart from the privacy minimum (which only decides
// what may be shown). Where the organisation's headcount is known, a survey of most of it is worth more than the same
// number drawn from a large company, so the count is read as an effective sample size (docs/METHOD.md §5.2).
import type { OrgProfile } from '../profile';
import type { Basis } from './criteria';
import { THRESHOLDS as T } from './thresholds';

/** The organisation's headcount from its profile: the total, else the sum by department, else by level. */
export function headcountOf(profile: OrgProfile | null): number | null {
  const h = profile?.headcount;
  if (!h) return null;
  if (h.total !== undefined) return h.total;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const departments = Object.values(h.byDepartment ?? {});
  if (departments.length > 0) return sum(departments);
  const levels = Object.values(h.byLevel ?? {}) as number[];
  return levels.length > 0 ? sum(levels) : null;
}

/**
 * The variance factor of a mean of n respondents out of N for the organisation's true level. A respondent's score is
 * their true level plus answer noise; sampling without replacement shrinks only the first part (the finite-population
 * correction (N − n) / (N − 1)), while answer noise stays however many answer. With reliability ρ (the true-level
 * share of the variance): ρ · (N − n) / (N − 1) + (1 − ρ). 1 without a headcount, or when it is below n (outdated).
 */
export function varianceFactor(n: number, headcount: number | null, reliability: number | null): number {
  if (headcount === null || headcount < n || headcount < 2) return 1;
  const rho = Math.min(1, Math.max(0, reliability ?? T.defaultReliability));
  return rho * ((headcount - n) / (headcount - 1)) + (1 - rho);
}

export interface DiagnosisMinimum {
  /** Respondents in the workforce report. */
  n: number;
  /** n divided by the variance factor (n itself without a headcount). */
  effectiveN: number;
  /** The effective respondents a diagnosis needs (THRESHOLDS.diagnosisMinN). */
  required: number;
  /** The organisation's headcount, when the profile gives one that is at least n. */
  headcount: number | null;
  met: boolean;
}

/** Whether the workforce is large enough to diagnose, read with the default reliability. */
export function diagnosisMinimum(
  n: number,
  profile: OrgProfile | null,
  required: number = T.diagnosisMinN,
): DiagnosisMinimum {
  const raw = headcountOf(profile);
  const headcount = raw !== null && raw >= n ? raw : null;
  const effectiveN = n / varianceFactor(n, headcount, null);
  // A hair of tolerance: n / factor lands exactly on an integer when it should but floats may fall just short.
  return { n, effectiveN, required, headcount, met: effectiveN >= required - 1e-9 };
}

/** The basis on which scales are used as evidence: the larger minimum, and the headcount's correction. */
export function diagnosisBasis(
  minGroupSize: number,
  profile: OrgProfile | null,
  n: number,
  required: number = T.diagnosisMinN,
): Basis {
  const raw = headcountOf(profile);
  const headcount = raw !== null && raw >= n ? raw : null;
  // The fewest respondents whose effective count reaches the diagnosis minimum, never below the privacy minimum.
  let minN = required;
  if (headcount !== null) {
    while (minN > 2 && (minN - 1) / varianceFactor(minN - 1, headcount, null) >= required - 1e-9) minN--;
  }
  return {
    minN: Math.max(minGroupSize, minN),
    varianceFactor: (scaleN, alpha) => varianceFactor(scaleN, headcount, alpha),
  };
}
