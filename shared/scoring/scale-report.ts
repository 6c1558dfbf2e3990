import { LIKERT_MAX, LIKERT_MIN } from '../instrument';
import type { ScaleScore } from '../report-model';
import type { ScaleStats } from './group-stats';
import { maturityLevel } from './maturity';
import { tQuantile } from './t-quantile';

/** Fewest complete cases for a reliability estimate; below this alpha's sampling error swamps it. */
export const ALPHA_MIN_COMPLETE_CASES = 30;

/** Variance of the uniform null for an A-point scale, (A² - 1) / 12: 2 for five points (James, Demaree & Wolf 1984). */
export const UNIFORM_NULL_VARIANCE = ((LIKERT_MAX - LIKERT_MIN + 1) ** 2 - 1) / 12;

const RANGE = LIKERT_MAX - LIKERT_MIN;

// The report evaluates the integer sums in BigInt: centred sums of squares (n·Σx² - (Σx)²) then come out exact, so a
// group whose members all agree has sd and item variance exactly 0, and a score on a maturity cut-off lands on it.

const big = (x: number): bigint => BigInt(x);

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
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

/** The report of one scale from its statistics. */
export function scaleReport(s: ScaleStats): ScaleScore {
  const k = s.items.n.length;
  const n = s.respondents.n.reduce((a, b) => a + b, 0);
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
  // One rounding of an exact ratio: scores stay within 0..100 and land exactly on a cut-off when they should.
  const score = Number(100n * (A - big(LIKERT_MIN) * N * L)) / Number(big(RANGE) * N * L);
  const { level, name } = maturityLevel(score);
  let sd: number | null = null;
  let ci95: [number, number] | null = null;
  if (n >= 2) {
    const variance = Number(centred(N, A, B)) / Number(N * (N - 1n) * L * L);
    sd = (Math.sqrt(variance) * 100) / RANGE;
    const half = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
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
    alpha: alpha(s),
    sd,
  };
}
