// Student t quantiles for confidence intervals of small groups (n of 3..30 is common for a department), where the
// normal 1.96 would understate the uncertainty. No library: the t CDF is the regularised incomplete beta function,
// inverted by bisection, which is slow-ish but monotone and accurate to a few ulps.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, relative error near 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz), as in Numerical Recipes' betacf. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Converges in O(sqrt(max(a, b))) steps; the cap covers df in the millions.
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b). Takes y = 1 - x as well, because callers can often compute it without the
 * cancellation that 1 - x suffers when x is close to 1 (large df).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(y, b, a)) / b;
}

/** P(T <= t) for Student's t with df degrees of freedom (df > 0). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`df must be positive, got ${df}`);
  if (t === 0) return 0.5;
  const t2 = t * t;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  return t > 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with df degrees of freedom (0 < p < 1, df > 0). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`df must be positive, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df >= ASYMPTOTIC_DF && p <= ASYMPTOTIC_MAX_P) return cornishFisher(normalQuantile(p), df);
  return tQuantileByBisection(p, df);
}

/** The t quantile for p > 0.5 by bisection of the CDF: exact to floating point, slow at large df. */
export function tQuantileByBisection(p: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
  }
  // Bisect until the bracket cannot shrink any more in floating point.
  for (let i = 0; i < 200; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

// For large df the bisection is slowest (each CDF is a continued fraction of thousands of steps near df = 1,000 to
// 10,000, and a report asks for a t quantile per group and scale), while the expansion of t in powers of 1/df about
// the normal quantile (Cornish–Fisher, Abramowitz & Stegun 26.7.5) is then as close as floats allow: its first term
// left out, g5(z) / df^5, is below 1e-11 for z <= 5.3 and df >= 1,000 (about 1e-17 at z = 2), and shrinks as df grows.
// The unit test holds the two to a relative 1e-11 from df 1,000 to 10,000 (p up to 0.9999), which is the bisection's
// own accuracy there; beyond, the bisection drifts (logGamma of large arguments: 2e-10 at df 10^5, 1e-9 at 10^6),
// the expansion does not.

/** From this df on, tQuantile uses the expansion. */
export const ASYMPTOTIC_DF = 1_000;
/** Up to this p (z about 5.3); the expansion's terms grow with z^(2k+1). */
export const ASYMPTOTIC_MAX_P = 1 - 1e-7;

/** t of Student's t with df degrees of freedom at the normal quantile z: A&S 26.7.5, four terms in 1/df. */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * The p-quantile of the standard normal for 0.5 < p < 1: a rational first guess (A&S 26.2.23, within 4.5e-4), then
 * Halley steps on the upper tail until they no longer move it (each step cubes the error).
 */
export function normalQuantile(p: number): number {
  const q = 1 - p; // exact for p >= 0.5
  const w = Math.sqrt(-2 * Math.log(q));
  let z = w - (2.515517 + w * (0.802853 + w * 0.010328)) / (1 + w * (1.432788 + w * (0.189269 + w * 0.001308)));
  for (let step = 0; step < 6; step++) {
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const u = (normalUpperTail(z) - q) / density;
    const next = z + u / (1 - (z * u) / 2);
    if (Math.abs(next - z) <= 1e-16 * z) return next;
    z = next;
  }
  return z;
}

/** P(Z > z): for z >= 0 the regularised upper incomplete gamma Q(1/2, z²/2) halved (series or continued fraction). */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  const x = (z * z) / 2;
  if (x === 0) return 0.5;
  const a = 0.5;
  const front = Math.exp(-x + a * Math.log(x) - 0.5 * Math.log(Math.PI)); // x^a e^-x / Γ(1/2)
  if (x < a + 1) {
    // P(a, x) = front · Σ x^k / (a (a+1) … (a+k)).
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 200; k++) {
      term *= x / (a + k);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 0.5 * (1 - front * sum);
  }
  // Q(a, x) by its continued fraction (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 200; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 0.5 * front * h;
}
