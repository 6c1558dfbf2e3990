// Distribution functions the diagnosis needs to turn "how far a value clears its threshold" into a probability.
// The t CDF is the engine's (shared/scoring/t-quantile, the one behind its confidence intervals), wrapped for the
// limits the diagnosis meets: infinite z from a zero standard error, and infinite df for a normal approximation.

import { studentTCdf as engineTCdf } from '../scoring/t-quantile';

/** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit; absolute error below 1.2e-7). */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const erfc = x >= 0 ? y : 2 - y;
  return 0.5 * erfc;
}

/** Student t CDF with `df` degrees of freedom; the normal CDF when df is infinite or very large. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  if (!Number.isFinite(df) || df > 1e6) return normalCdf(t);
  return engineTCdf(t, Math.max(df, 1));
}
