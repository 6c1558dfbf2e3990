import { LIKERT_MAX, LIKERT_MIN, type ScoringMethod } from '../instrument';
import type { ScaleScore } from '../report-model';
import type { ScaleStats } from './group-stats';
import { maturityLevel } from './maturity';
import { tQuantile } from './t-quantile';

/**
 * Fewest complete cases for a reliability estimate (respondent-means), or fewest respondents behind every pairwise
 * covariance (item-means); below this alpha's sampling error swamps it.
 */
export const ALPHA_MIN_COMPLETE_CASES = 30;

/**
 * Fewest respondents behind every pairwise covariance for a pairwise alpha (item-means). Lower than for complete cases:
 * below 30 the estimate is shown but marked unstable (its interval is then wider than ALPHA_UNSTABLE_HALF_WIDTH), so
 * reliability does not vanish under realistic "don't know" yet never looks firmer than it is.
 */
export const ALPHA_MIN_PAIRWISE = 20;

/**
 * Pairwise alpha is marked unstable when its approximate 95% half-width exceeds this (van Zyl, Neudecker & Nel 2000:
 * Var(α̂) ≈ 2k(1 − α)² / ((k − 1) n), with n the fewest respondents behind a pairwise covariance), or when the pairwise
 * covariances do not form a covariance matrix (pairwise deletion can give one that is not positive semidefinite).
 */
export const ALPHA_UNSTABLE_HALF_WIDTH = 0.1;

/** Variance of the uniform null for an A-point scale, (A² - 1) / 12: 2 for five points (James, Demaree & Wolf 1984). */
export const UNIFORM_NULL_VARIANCE = ((LIKERT_MAX - LIKERT_MIN + 1) ** 2 - 1) / 12;

const RANGE = LIKERT_MAX - LIKERT_MIN;

// The report evaluates the integer sums in BigInt: centred sums of squares (n·Σx² - (Σx)²) then come out exact, so a
// group whose members all agree has sd and item variance exactly 0, and a score on a maturity cut-off lands on it.

const big = (x: number): bigint => BigInt(x);

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) {
    // Once both fit a double exactly, Euclid on numbers gives the same gcd without a BigInt per step (a report takes
    // thousands of these; they were a quarter of a warm read).
    if (x <= SAFE && y <= SAFE) return BigInt(gcdSafe(Number(x), Number(y)));
    [x, y] = [y, x % y];
  }
  return x;
}

function gcdSafe(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of 1..k: a denominator for every respondent mean S/j with j <= k. */
function lcmUpTo(k: number): bigint {
  let l = 1n;
  for (let j = 2n; j <= BigInt(k); j++) l = (l * j) / gcd(l, j);
  return l;
}

/** n·Σx² - (Σx)², which is n(n-1) times the sample variance. */
const centred = (n: bigint, sum: bigint, sumSq: bigint): bigint => n * sumSq - sum * sum;

const clamp100 = (x: number): number => Math.min(100, Math.max(0, x));

// t(0.975, df) for the intervals, memoised: a report asks for the same few df on every scale, and each is a bisection.
const t975 = new Map<number, number>();
function t975Of(df: number): number {
  let q = t975.get(df);
  if (q === undefined) {
    q = tQuantile(0.975, df);
    if (t975.size < 10_000) t975.set(df, q);
  }
  return q;
}

function agreement(s: ScaleStats): number | null {
  // rwg(j): mean observed item variance against the uniform null. Over respondents with a scale score, so agreement
  // describes the same people as the score; J counts the items with a variance (at least two answers).
  let varianceSum = 0;
  let j = 0;
  s.items.n.forEach((m, i) => {
    if (m < 2) return;
    j++;
    varianceSum += Number(centred(big(m), big(s.items.sum[i]!), big(s.items.sumSq[i]!))) / (m * (m - 1));
  });
  if (j === 0) return null;
  const ratio = varianceSum / j / UNIFORM_NULL_VARIANCE;
  // More spread than random answering: the formula leaves 0..1 there, and the usual practice is to report 0.
  if (ratio >= 1) return 0;
  return (j * (1 - ratio)) / (j * (1 - ratio) + ratio);
}

function alpha(s: ScaleStats): number | null {
  const k = s.complete.sum.length;
  const c = s.complete.n;
  if (k < 2 || c < ALPHA_MIN_COMPLETE_CASES) return null;
  const C = big(c);
  const sum = s.complete.sum.map(big);
  // cov(i, j) times c(c-1); the diagonal gives the item variances.
  const cov = (i: number, j: number): bigint => C * big(s.complete.cross[i]![j - i]!) - sum[i]! * sum[j]!;
  if (k === 2) {
    // Spearman-Brown of the inter-item correlation: the reliability of a two-item scale (Eisinga et al. 2013).
    const v1 = cov(0, 0);
    const v2 = cov(1, 1);
    const c12 = cov(0, 1);
    if (v1 === 0n || v2 === 0n || (c12 < 0n && c12 * c12 === v1 * v2)) return null;
    const r = Number(c12) / Math.sqrt(Number(v1) * Number(v2));
    return (2 * r) / (1 + r);
  }
  let itemVariances = 0n;
  let covariances = 0n;
  for (let i = 0; i < k; i++) {
    itemVariances += cov(i, i);
    for (let j = i + 1; j < k; j++) covariances += cov(i, j);
  }
  const total = itemVariances + 2n * covariances;
  if (total <= 0n) return null;
  return (k / (k - 1)) * (Number(2n * covariances) / Number(total));
}

/** Item i's variance over respondents with a scale score who answered it (n - 1 denominator); null below 2. */
function itemVariance(s: ScaleStats, i: number): number | null {
  const m = s.items.n[i]!;
  if (m < 2) return null;
  return Number(centred(big(m), big(s.items.sum[i]!), big(s.items.sumSq[i]!))) / (m * (m - 1));
}

/** Covariance of items i < j over those who answered both (pair p), with the pair's n; null below 2. */
function pairCovariance(s: ScaleStats, p: number): { cov: number; n: number } | null {
  const [n, si, sj, , , cross] = s.pairs[p]!;
  if (n! < 2) return null;
  return { cov: Number(big(n!) * big(cross!) - big(si!) * big(sj!)) / (n! * (n! - 1)), n: n! };
}

/** The pair index of items i < j of a k-item scale (row order, as ScaleStats.pairs). */
const pairIndex = (k: number, i: number, j: number): number => i * k - (i * (i + 1)) / 2 + (j - i - 1);

/** Whether a symmetric matrix (k ≤ a handful) is positive semidefinite: a Cholesky sweep with a small tolerance. */
function positiveSemidefinite(m: number[][]): boolean {
  const k = m.length;
  const l = m.map(() => new Array<number>(k).fill(0));
  const scale = Math.max(1e-12, ...m.map((row, i) => Math.abs(row[i]!)));
  for (let j = 0; j < k; j++) {
    let d = m[j]![j]!;
    for (let p = 0; p < j; p++) d -= l[j]![p]! ** 2;
    if (d < -1e-9 * scale) return false;
    l[j]![j] = Math.sqrt(Math.max(d, 0));
    for (let i = j + 1; i < k; i++) {
      let v = m[i]![j]!;
      for (let p = 0; p < j; p++) v -= l[i]![p]! * l[j]![p]!;
      l[i]![j] = l[j]![j]! > 0 ? v / l[j]![j]! : 0;
    }
  }
  return true;
}

/**
 * Cronbach's alpha from pairwise covariances (item-means): item variances over everyone who answered the item, each
 * covariance over everyone who answered both, so "don't know" scattered over the items does not shrink the base to the
 * few complete cases. Null when any covariance rests on fewer than ALPHA_MIN_PAIRWISE; `unstable` as above.
 * For two items, Spearman–Brown of the pairwise correlation.
 */
function pairwiseAlpha(s: ScaleStats): { alpha: number; unstable: boolean } | null {
  const k = s.items.n.length;
  if (k < 2) return null;
  const variances: number[] = [];
  for (let i = 0; i < k; i++) {
    const v = itemVariance(s, i);
    if (v === null) return null;
    variances.push(v);
  }
  const cov = variances.map((v, i) => variances.map((_, j) => (i === j ? v : 0)));
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const c = pairCovariance(s, pairIndex(k, i, j));
      if (c === null) return null;
      fewest = Math.min(fewest, c.n);
      cov[i]![j] = c.cov;
      cov[j]![i] = c.cov;
    }
  }
  if (fewest < ALPHA_MIN_PAIRWISE) return null;
  let alpha: number;
  if (k === 2) {
    // The correlation within the pair itself, so it stays within -1..1.
    const [n, si, sj, sii, sjj, sij] = s.pairs[0]!.map(big) as [bigint, bigint, bigint, bigint, bigint, bigint];
    const v1 = centred(n, si, sii);
    const v2 = centred(n, sj, sjj);
    const c12 = n * sij - si * sj;
    if (v1 === 0n || v2 === 0n || (c12 < 0n && c12 * c12 === v1 * v2)) return null;
    const r = Number(c12) / Math.sqrt(Number(v1) * Number(v2));
    alpha = (2 * r) / (1 + r);
  } else {
    const itemTotal = variances.reduce((a, b) => a + b, 0);
    let covariances = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) covariances += cov[i]![j]!;
    const total = itemTotal + 2 * covariances;
    if (!(total > 0)) return null;
    alpha = (k / (k - 1)) * ((2 * covariances) / total);
  }
  const halfWidth = 1.96 * Math.sqrt((2 * k * (1 - alpha) ** 2) / ((k - 1) * fewest));
  return { alpha, unstable: !positiveSemidefinite(cov) || halfWidth > ALPHA_UNSTABLE_HALF_WIDTH };
}

/**
 * The item-means score on 1..5 (mean over the items anyone with a scale score answered of their means) and its
 * standard error, from Var(x̄_i) = s_i² / n_i and Cov(x̄_i, x̄_j) = s_ij · n_ij / (n_i · n_j) (pairwise). The score is
 * evaluated exactly (BigInt over the items' common denominator), so it lands on a maturity cut-off when it should.
 */
function itemMeansScore(s: ScaleStats): { mean: number; se: number | null } | null {
  const k = s.items.n.length;
  const answered = s.items.n.map((m, i) => ({ m, i })).filter(({ m }) => m > 0);
  const J = answered.length;
  if (J === 0) return null;
  let L = 1n;
  for (const { m } of answered) L = (L * big(m)) / gcd(L, big(m));
  let A = 0n;
  for (const { m, i } of answered) A += big(s.items.sum[i]!) * (L / big(m));
  const mean = Number(A) / Number(L * big(J));
  // The variance as an exact fraction (the terms are ratios of integer sums), so it is exactly 0 when it should be and
  // its sign is never float noise: s_i² / n_i = c_i / (n_i² (n_i - 1)), s_ij n_ij / (n_i n_j) = c_ij / ((n_ij - 1) n_i n_j).
  let num = 0n;
  let den = 1n;
  // den is the product of these counts (each a safe integer), which is what reducing it takes.
  const factors: number[] = [];
  const add = (c: bigint, d: bigint, f1: number, f2: number, f3: number) => {
    num = num * d + c * den;
    den *= d;
    factors.push(f1, f2, f3);
  };
  for (const a of answered) {
    for (const b of answered) {
      if (a.i === b.i) {
        const m = big(a.m);
        if (a.m < 2) return { mean, se: null };
        add(centred(m, big(s.items.sum[a.i]!), big(s.items.sumSq[a.i]!)), m * m * (m - 1n), a.m, a.m, a.m - 1);
      } else {
        const [i, j] = a.i < b.i ? [a.i, b.i] : [b.i, a.i];
        const [n, si, sj, , , cross] = s.pairs[pairIndex(k, i, j)]!;
        if (n! >= 2) {
          add(big(n!) * big(cross!) - big(si!) * big(sj!), (big(n!) - 1n) * big(a.m) * big(b.m), n! - 1, a.m, b.m);
        }
      }
    }
  }
  if (num < 0n) return { mean, se: null };
  // Reduced once, at the end, to lowest terms: the same fraction a reduction after every term reached, so the same
  // float. Lowest terms are unique, so they are reached factor by factor of den (each small: a gcd of numbers) rather
  // than by Euclid on num and den, whose thousand-bit remainders were most of a large group's report.
  const [reducedNum, reducedDen] = lowestTerms(num, factors);
  return { mean, se: Math.sqrt(ratio(reducedNum, reducedDen)) / J };
}

/**
 * num / (product of `factors`) in lowest terms, for num >= 0 and factors positive safe integers. Each factor loses
 * what it shares with num (num divided by the same) until the two are coprime; num only shrinks after that, so it
 * stays coprime to every factor already done, hence to their product.
 */
export function lowestTerms(num: bigint, factors: readonly number[]): [bigint, bigint] {
  let n = num;
  let d = 1n;
  for (const factor of factors) {
    let f = factor;
    for (let g = gcdSafe(Number(n % BigInt(f)), f); g > 1; g = gcdSafe(Number(n % BigInt(f)), f)) {
      n /= BigInt(g);
      f /= g;
    }
    d *= BigInt(f);
  }
  return [n, d];
}

/** num / den as a float, for integers of any size (both shifted down first so neither overflows a double). */
function ratio(num: bigint, den: bigint): number {
  const shift = BigInt(Math.max(0, den.toString(2).length - 960));
  return Number(num >> shift) / Number(den >> shift);
}

/** How many respondents a scale's score rests on (`scaleReport(s).n`), without scoring it. */
export function scaleRespondents(s: ScaleStats): number {
  return s.respondents.n.reduce((a, b) => a + b, 0);
}

/** The report of one scale from its statistics, by the instrument's scoring method (respondent-means by default). */
export function scaleReport(s: ScaleStats, method: ScoringMethod = 'respondent-means'): ScaleScore {
  const k = s.items.n.length;
  const n = scaleRespondents(s);
  const dontKnowRate = s.answers === 0 ? 0 : s.dontKnow / s.answers;
  if (n === 0) {
    return {
      score: null,
      ci95: null,
      level: null,
      levelName: null,
      n,
      dontKnowRate,
      agreement: null,
      alpha: null,
      sd: null,
      se: null,
    };
  }
  // Sum of respondent means A / L and of squared means B / L², exact with L = lcm(1..k).
  const L = lcmUpTo(k);
  let A = 0n;
  let B = 0n;
  for (let j = 1; j <= k; j++) {
    const f = L / BigInt(j);
    A += big(s.respondents.sum[j]!) * f;
    B += big(s.respondents.sumSq[j]!) * f * f;
  }
  const N = big(n);
  let sd: number | null = null;
  if (n >= 2) {
    const variance = Number(centred(N, A, B)) / Number(N * (N - 1n) * L * L);
    sd = (Math.sqrt(variance) * 100) / RANGE;
  }
  let score: number;
  let se: number | null = null;
  let reliability: number | null;
  let alphaUnstable: boolean | undefined;
  if (method === 'item-means') {
    const m = itemMeansScore(s)!;
    score = clamp100(((m.mean - LIKERT_MIN) / RANGE) * 100);
    // A standard error from the pairwise terms can fail to exist (too few pairs); the respondent-level one stands in.
    if (n >= 2) se = m.se === null ? sd! / Math.sqrt(n) : (m.se * 100) / RANGE;
    const a = pairwiseAlpha(s);
    reliability = a?.alpha ?? null;
    alphaUnstable = a?.unstable ?? false;
  } else {
    // One rounding of an exact ratio: scores stay within 0..100 and land exactly on a cut-off when they should.
    score = Number(100n * (A - big(LIKERT_MIN) * N * L)) / Number(big(RANGE) * N * L);
    if (n >= 2) se = sd! / Math.sqrt(n);
    reliability = alpha(s);
  }
  const { level, name } = maturityLevel(score);
  let ci95: [number, number] | null = null;
  if (se !== null) {
    // Respondent-means keeps the exact expression of the first release (t · sd / √n), so its intervals stay equal.
    const half = method === 'item-means' ? t975Of(n - 1) * se : (t975Of(n - 1) * sd!) / Math.sqrt(n);
    ci95 = [clamp100(score - half), clamp100(score + half)];
  }
  return {
    score,
    ci95,
    level,
    levelName: name,
    n,
    dontKnowRate,
    agreement: n >= 2 ? agreement(s) : null,
    alpha: reliability,
    sd,
    se,
    ...(alphaUnstable === undefined ? {} : { alphaUnstable }),
  };
}
