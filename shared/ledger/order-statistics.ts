// Figures from exact counts: the median of a histogram and its distribution-free 95% interval, and the Wilson
// interval of a share. Pure arithmetic; no sampling, no randomness.

import { logGamma } from '../scoring/t-quantile';
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
 *
 * The answer lies near n/2 - z·√n/2, so from WALK_FROM on the walk starts WALK_SD·√n below n/2 instead of at 0
 * (O(√n) steps instead of O(n): a report asks for one per ledger histogram, of up to a million respondents each).
 * What it leaves out, P(X < start), is at most exp(-2·WALK_SD²) < 1e-31 (Hoeffding), far below a float step of
 * alpha / 2; its start, P(X = start), comes from logGamma instead of the sum of the log ratios before it, and the two
 * differ by at most a few n·ln(n)·ε (measured: under 6). Where the tail comes within START_MARGIN of alpha / 2 at
 * the rank decided, the full walk decides, so the rank is always the one the walk from 0 gives.
 */
export function medianRank(n: number, alpha = 0.05): number | null {
  if (n < 1) return null;
  const half = alpha / 2;
  if (n < WALK_FROM || !(half >= 1e-12)) return medianRankFromZero(n, half);
  const start = Math.floor(n / 2 - WALK_SD * Math.sqrt(n));
  let logP = logGamma(n + 1) - logGamma(start + 1) - logGamma(n - start + 1) + n * Math.log(0.5); // log P(X = start)
  let cdf = Math.exp(logP); // P(start <= X <= i), which is P(X <= i) to far below a float step of alpha / 2
  const margin = half * START_MARGIN * n * Math.log(n);
  for (let i = start; i < n; i++) {
    logP += Math.log((n - i) / (i + 1));
    const next = cdf + Math.exp(logP); // P(X <= i + 1)
    if (next > half) {
      // The rank is i + 1 (P(X < i + 1) = cdf <= half < next = P(X < i + 2)), unless either is too close to call.
      if (next - half <= margin || half - cdf <= margin) return medianRankFromZero(n, half);
      return Math.min(i + 1, Math.floor((n + 1) / 2));
    }
    cdf = next;
  }
  return medianRankFromZero(n, half);
}

/** From this n on, medianRank walks from near the answer (below it, the walk from 0 is a few thousand steps at most). */
const WALK_FROM = 1_000;
/** How far below n/2 the walk starts, in units of √n: P(X < start) <= exp(-2 · 6²). */
const WALK_SD = 6;
/** The tail's tolerance at the decided rank, per n·ln(n): ~90 times the start's measured error (see medianRank). */
const START_MARGIN = 256 * Number.EPSILON;

/** medianRank's walk from P(X = 0) up, the reference its shortcut must agree with. */
function medianRankFromZero(n: number, half: number): number | null {
  const logHalf = n * Math.log(0.5);
  let logP = logHalf; // log P(X = 0)
  let cdf = Math.exp(logP); // P(X <= i)
  // P(X < l) = P(X <= l - 1). l = 1 needs P(X < 1) = P(X = 0) <= alpha / 2.
  if (cdf > half) return null;
  let l = 1;
  for (let i = 0; i < n; i++) {
    logP += Math.log((n - i) / (i + 1));
    const next = cdf + Math.exp(logP); // P(X <= i + 1)
    if (next > half) break;
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
