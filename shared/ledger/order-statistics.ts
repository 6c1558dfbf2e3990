// Figures from exact counts: the median of a histogram and its distribution-free 95% interval, and the Wilson
// interval of a share. Pure arithmetic; no sampling, no randomness.

import type { Counts } from './stats';

/** A histogram of integer ticks as sorted [tick, count] pairs with positive counts. */
function bins(histogram: Counts): [number, number][] {
  return Object.entries(histogram)
    .map(([k, n]): [number, number] => [Number(k), n])
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
}

export const countOf = (histogram: Counts): number => Object.values(histogram).reduce((a, b) => a + b, 0);

/** Sum of ticks × count. */
export const tickSum = (histogram: Counts): number =>
  Object.entries(histogram).reduce((sum, [k, n]) => sum + Number(k) * n, 0);

/** The r-th smallest tick (1-based) of a histogram. */
function orderStatistic(sorted: readonly [number, number][], r: number): number {
  let seen = 0;
  for (const [tick, n] of sorted) {
    seen += n;
    if (seen >= r) return tick;
  }
  throw new RangeError(`rank ${r} beyond ${seen} values`);
}

/** The median in ticks: the middle value, or the mean of the two middle ones. Null when empty. */
export function medianTicks(histogram: Counts): number | null {
  const sorted = bins(histogram);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  if (n % 2 === 1) return orderStatistic(sorted, (n + 1) / 2);
  return (orderStatistic(sorted, n / 2) + orderStatistic(sorted, n / 2 + 1)) / 2;
}

/**
 * The largest rank l with P(Binomial(n, 1/2) < l) <= alpha / 2: [x(l), x(n+1-l)] then covers the population median
 * with probability at least 1 - alpha for any continuous distribution (and at least that for discrete ones, where
 * ties only widen it). Computed in log space, so it is exact to float precision for any n. Null when even
 * [x(1), x(n)] covers less (n below 6 at 95%).
 */
export function medianRank(n: number, alpha = 0.05): number | null {
  if (n < 1) return null;
  const logHalf = n * Math.log(0.5);
  let logP = logHalf; // log P(X = 0)
  let cdf = Math.exp(logP); // P(X <= i)
  // P(X < l) = P(X <= l - 1). l = 1 needs P(X < 1) = P(X = 0) <= alpha / 2.
  if (cdf > alpha / 2) return null;
  let l = 1;
  for (let i = 0; i < n; i++) {
    logP += Math.log((n - i) / (i + 1));
    const next = cdf + Math.exp(logP); // P(X <= i + 1)
    if (next > alpha / 2) break;
    cdf = next;
    l = i + 2;
  }
  return Math.min(l, Math.floor((n + 1) / 2));
}

/** The distribution-free 95% interval of the median, in ticks; null below 6 values. */
export function medianIntervalTicks(histogram: Counts): [number, number] | null {
  const sorted = bins(histogram);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  const l = medianRank(n);
  if (l === null) return null;
  return [orderStatistic(sorted, l), orderStatistic(sorted, n + 1 - l)];
}

/** Wilson's 95% score interval of a share x / n (defined for 0 and n too); null when n is 0. */
export function wilsonInterval(x: number, n: number): [number, number] | null {
  if (n <= 0) return null;
  const z = 1.959963984540054;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At 0 and n the bound is exactly 0 or 1; floating point would leave 1e-17 off it.
  return [x === 0 ? 0 : Math.max(0, centre - half), x === n ? 1 : Math.min(1, centre + half)];
}
