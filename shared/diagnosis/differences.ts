// Intervals for the differences a reader will make by eye: a department against the organisation, one level against
// another, this wave against the last. Each breakdown is one family of comparisons, and its intervals are
// simultaneous (Bonferroni: each at 1 − α/m for m comparisons), so a marker "beyond noise" appears by chance in at
// most α of breakdowns where nothing differs, however many cells the table has (docs/METHOD.md §5.7).
// Only ever between groups that are themselves published, from their published figures.
import type { ScaleScore } from '../report-model';
import { tQuantile } from '../scoring/t-quantile';
import { THRESHOLDS as T } from './thresholds';

export interface Difference {
  /** a − b, in points, to 0.1. */
  value: number;
  /** The simultaneous interval of the difference, to 0.1. */
  ci: [number, number];
  /** The interval excludes 0: the difference is beyond what noise in a breakdown of this many comparisons makes. */
  beyondNoise: boolean;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

const quantiles = new Map<string, number>();
/** t quantile, memoised on (p, df rounded to 0.1): a breakdown asks for the same few again and again. */
function t(p: number, df: number): number {
  const key = `${p}:${Math.round(df * 10) / 10}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    q = Number.isFinite(df) && df < 1e6 ? tQuantile(p, Math.max(1, df)) : tQuantile(p, 1e6);
    quantiles.set(key, q);
  }
  return q;
}

/** The score's standard error: the engine's, else sd / √n; null without one. */
export function standardError(s: ScaleScore): number | null {
  if (s.score === null || s.n < 2) return null;
  if (s.se !== undefined && s.se !== null) return s.se;
  return s.sd === null ? null : s.sd / Math.sqrt(s.n);
}

function interval(value: number, se: number, df: number, comparisons: number): Difference {
  const q = t(1 - T.familyAlpha / (2 * Math.max(1, comparisons)), df);
  const lo = value - q * se;
  const hi = value + q * se;
  return { value: round1(value), ci: [round1(lo), round1(hi)], beyondNoise: lo > 0 || hi < 0 };
}

/**
 * a − b for two groups with no respondent in common (two levels, two departments, two waves): Welch's interval with
 * Satterthwaite's degrees of freedom, simultaneous over `comparisons`. Null when either score has no standard error.
 */
export function disjointDifference(a: ScaleScore, b: ScaleScore, comparisons: number): Difference | null {
  const sa = standardError(a);
  const sb = standardError(b);
  if (sa === null || sb === null) return null;
  const va = sa * sa;
  const vb = sb * sb;
  const se = Math.sqrt(va + vb);
  const df = va + vb === 0 ? Number.POSITIVE_INFINITY : (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return interval(a.score! - b.score!, se, df, comparisons);
}

/**
 * A part (a department, a level) minus the whole it belongs to, both published. With w = n_part / n_whole and the
 * rest of the whole independent of the part, Cov(part, whole) = w · Var(part), so
 * Var(part − whole) = (1 − 2w) · Var(part) + Var(whole): published figures only. The interval excludes 0 exactly when
 * the part differs from the rest of the organisation (part − whole = (1 − w)(part − rest)).
 */
export function partDifference(part: ScaleScore, whole: ScaleScore, comparisons: number): Difference | null {
  const sp = standardError(part);
  const sw = standardError(whole);
  if (sp === null || sw === null || whole.n <= part.n) return null;
  const w = part.n / whole.n;
  const variance = (1 - 2 * w) * sp * sp + sw * sw;
  if (!(variance > 0)) return null;
  return interval(part.score! - whole.score!, Math.sqrt(variance), part.n - 1, comparisons);
}

/**
 * This wave minus the previous one, per measure both waves score: waves share no respondents (separate campaigns),
 * so each change is a disjoint difference, simultaneous over every measure compared. Measures either wave does not
 * score are absent.
 */
export function waveChanges(
  previous: Readonly<Record<string, ScaleScore | undefined>>,
  current: Readonly<Record<string, ScaleScore | undefined>>,
): Record<string, Difference> {
  const both = Object.keys(current).filter(
    (m) => current[m]?.score !== null && current[m] !== undefined && previous[m]?.score != null,
  );
  const out: Record<string, Difference> = {};
  for (const m of both) {
    const d = disjointDifference(current[m]!, previous[m]!, both.length);
    if (d) out[m] = d;
  }
  return out;
}
