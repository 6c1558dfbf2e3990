// A straightforward scorer straight from raw responses, written apart from the engine's sufficient statistics, so
// property tests can check that report(merge(fold(...))) computes the same thing. Plain floats, two-pass variances.
import { type ChoiceSignalItem, type Instrument, isLikert, LAYERS, type LikertItem } from '../../../shared/instrument';
import type { GroupReport, ItemScore, ScaleScore } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { MATURITY_LEVELS, qualityFlags, tQuantile } from '../../../shared/scoring';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleVariance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
const covariance = (xs: number[], ys: number[]) => {
  const mx = mean(xs);
  const my = mean(ys);
  return xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / (xs.length - 1);
};

/** Items answered by both in a list of rows (null: not answered or don't know). */
const both = (rows: (number | null)[][], i: number, j: number) =>
  rows.filter((row) => row[i] !== null && row[j] !== null).map((row) => [row[i]!, row[j]!] as const);

/** The pairwise covariance matrix of the rows: variances over each item's answers, covariances over each pair's. */
function pairwiseMatrix(rows: (number | null)[][], k: number): { cov: number[][]; fewest: number } {
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    const col = rows.map((row) => row[i]).filter((v): v is number => v !== null);
    cov[i]![i] = col.length >= 2 ? sampleVariance(col) : Number.NaN;
    for (let j = i + 1; j < k; j++) {
      const pairs = both(rows, i, j);
      fewest = Math.min(fewest, pairs.length);
      const c =
        pairs.length >= 2
          ? covariance(
              pairs.map((p) => p[0]),
              pairs.map((p) => p[1]),
            )
          : Number.NaN;
      cov[i]![j] = c;
      cov[j]![i] = c;
    }
  }
  return { cov, fewest };
}

function directScale(items: LikertItem[], responses: SurveyResponse[], itemMeans: boolean): ScaleScore {
  let dk = 0;
  let given = 0;
  const rows: (number | null)[][] = [];
  for (const r of responses) {
    const row = items.map((item) => {
      const a = r.answers[item.id];
      if (a === undefined) return null;
      given++;
      if (a === 'dk') {
        dk++;
        return null;
      }
      return item.reverse ? 6 - (a as number) : (a as number);
    });
    const answered = row.filter((v) => v !== null).length;
    if (items.length > 0 && answered >= items.length / 2) rows.push(row);
  }
  const scores = rows.map((row) => {
    const vs = row.filter((v): v is number => v !== null);
    return ((mean(vs) - 1) / 4) * 100;
  });
  const n = scores.length;
  const dontKnowRate = given === 0 ? 0 : dk / given;
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
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  const k = items.length;
  const sd = n >= 2 ? Math.sqrt(sampleVariance(scores)) : null;
  let score = mean(scores);
  let se = sd === null ? null : sd / Math.sqrt(n);
  if (itemMeans) {
    // The mean of item means over the items answered, and its standard error from the pairwise covariances.
    const cols = items.map((_, i) => rows.map((row) => row[i]).filter((v): v is number => v !== null));
    const answered = cols.map((col, i) => ({ col, i })).filter(({ col }) => col.length > 0);
    score = clamp(((mean(answered.map(({ col }) => mean(col))) - 1) / 4) * 100);
    if (n >= 2) {
      let variance = 0;
      let ok = true;
      for (const a of answered) {
        for (const b of answered) {
          if (a.i === b.i) {
            if (a.col.length < 2) ok = false;
            else variance += sampleVariance(a.col) / a.col.length;
          } else {
            const pairs = both(rows, a.i, b.i);
            if (pairs.length >= 2)
              variance +=
                (covariance(
                  pairs.map((p) => p[0]),
                  pairs.map((p) => p[1]),
                ) *
                  pairs.length) /
                (a.col.length * b.col.length);
          }
        }
      }
      variance /= answered.length ** 2;
      // Two-pass float sums leave noise of order 1e-16 where the variance is exactly 0; √ would blow it up to 1e-8.
      if (Math.abs(variance) < 1e-12) variance = 0;
      if (ok && variance >= 0) se = (Math.sqrt(variance) / 4) * 100;
    }
  }
  const level = [...MATURITY_LEVELS].reverse().find((m) => score >= m.from)!;
  const half = se === null ? 0 : tQuantile(0.975, n - 1) * se;

  let agreement: number | null = null;
  if (n >= 2) {
    const variances = items
      .map((_, i) => rows.map((row) => row[i]).filter((v): v is number => v !== null && v !== undefined))
      .filter((col) => col.length >= 2)
      .map(sampleVariance);
    if (variances.length > 0) {
      const j = variances.length;
      const ratio = mean(variances) / 2;
      agreement = ratio >= 1 ? 0 : (j * (1 - ratio)) / (j * (1 - ratio) + ratio);
    }
  }

  let alpha: number | null = null;
  let alphaUnstable: boolean | undefined;
  const complete = rows.filter((row) => row.every((v) => v !== null)) as number[][];
  if (itemMeans) {
    alphaUnstable = false;
    const { cov, fewest } = pairwiseMatrix(rows, k);
    const finite = cov.every((row) => row.every(Number.isFinite));
    if (k >= 2 && finite && fewest >= 20) {
      if (k === 2) {
        const pairs = both(rows, 0, 1);
        const xs = pairs.map((p) => p[0]);
        const ys = pairs.map((p) => p[1]);
        const v1 = sampleVariance(xs);
        const v2 = sampleVariance(ys);
        if (v1 > 0 && v2 > 0) {
          const r = covariance(xs, ys) / Math.sqrt(v1 * v2);
          if (1 + r > 1e-12) alpha = (2 * r) / (1 + r);
        }
      } else {
        const diag = cov.reduce((a, row, i) => a + row[i]!, 0);
        const off = cov.reduce((a, row, i) => a + row.reduce((b, c, j) => b + (j > i ? c : 0), 0), 0);
        if (diag + 2 * off > 0) alpha = (k / (k - 1)) * ((2 * off) / (diag + 2 * off));
      }
      if (alpha !== null) {
        // Unstable: not a covariance matrix (smallest eigenvalue below zero), or a wide approximate interval.
        const half = 1.96 * Math.sqrt((2 * k * (1 - alpha) ** 2) / ((k - 1) * fewest));
        alphaUnstable = half > 0.1 || smallestEigenvalue(cov) < -1e-9 * Math.max(...cov.map((r, i) => r[i]!));
      }
    }
  } else if (k >= 2 && complete.length >= 30) {
    const cols = items.map((_, i) => complete.map((row) => row[i]!));
    if (k === 2) {
      const v1 = sampleVariance(cols[0]!);
      const v2 = sampleVariance(cols[1]!);
      if (v1 > 0 && v2 > 0) {
        const r = covariance(cols[0]!, cols[1]!) / Math.sqrt(v1 * v2);
        if (1 + r > 1e-12) alpha = (2 * r) / (1 + r);
      }
    } else {
      const total = sampleVariance(complete.map((row) => row.reduce((a, b) => a + b, 0)));
      if (total > 0) alpha = (k / (k - 1)) * (1 - cols.map(sampleVariance).reduce((a, b) => a + b, 0) / total);
    }
  }
  return {
    score,
    ci95: sd === null ? null : [clamp(score - half), clamp(score + half)],
    level: level.level,
    levelName: level.name,
    n,
    dontKnowRate,
    agreement,
    alpha,
    sd,
    se,
    ...(alphaUnstable === undefined ? {} : { alphaUnstable }),
  };
}

/** Smallest eigenvalue of a small symmetric matrix by Jacobi rotations: an independent check of definiteness. */
function smallestEigenvalue(matrix: number[][]): number {
  const a = matrix.map((row) => [...row]);
  const k = a.length;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += a[i]![j]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const [arp, arq] = [a[r]![p]!, a[r]![q]!];
          a[r]![p] = c * arp - s * arq;
          a[r]![q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const [apr, aqr] = [a[p]![r]!, a[q]![r]!];
          a[p]![r] = c * apr - s * aqr;
          a[q]![r] = s * apr + c * aqr;
        }
      }
    }
  }
  return Math.min(...a.map((row, i) => row[i]!));
}

/** Per-question results straight from the rows: counts over those with a scale score, dk over every answer. */
function directItems(items: LikertItem[], responses: SurveyResponse[], into: Record<string, ItemScore>): void {
  const scored = responses.filter((r) => {
    const answered = items.filter((item) => typeof r.answers[item.id] === 'number').length;
    return items.length > 0 && answered >= items.length / 2;
  });
  for (const item of items) {
    const values = scored
      .map((r) => r.answers[item.id])
      .filter((a): a is number => typeof a === 'number')
      .map((a) => (item.reverse ? 6 - a : a));
    const given = responses.filter((r) => r.answers[item.id] !== undefined).length;
    const dk = responses.filter((r) => r.answers[item.id] === 'dk').length;
    const n = values.length;
    const counts = [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length);
    const share = (pred: (v: number) => boolean) => (n === 0 ? null : values.filter(pred).length / n);
    into[item.id] = {
      n,
      counts,
      favourable: share((v) => v >= 4),
      neutral: share((v) => v === 3),
      unfavourable: share((v) => v <= 2),
      score: n === 0 ? null : ((mean(values) - 1) / 4) * 100,
      dontKnowRate: given === 0 ? 0 : dk / given,
      answers: given,
    };
  }
}

export function directReport(instrument: Instrument, responses: SurveyResponse[], excludeFlagged = false): GroupReport {
  const flags = responses.map((r) => qualityFlags(instrument, r));
  const isFlagged = (i: number) => flags[i]!.straightLining || flags[i]!.tooFast;
  const scored = responses.filter((_, i) => !(excludeFlagged && isFlagged(i)));
  const likert = instrument.items.filter(isLikert);
  // Independent of the engine's plan: the choice items found by their signal, the signals by their items.
  const choice = (signal: string) =>
    instrument.items.find((i): i is ChoiceSignalItem => i.type === 'choice' && i.signal === signal);
  const choiceCounts = (item: ChoiceSignalItem) =>
    Object.fromEntries(item.options.map((o) => [o.id, scored.filter((r) => r.answers[item.id] === o.id).length]));
  const signalKeys = [...new Set(likert.flatMap((i) => ('signal' in i ? [i.signal] : [])))];
  const capacityItem = choice('capacity_decision')!;
  const decidedItem = choice('capacity_decided');
  const itemMeans = instrument.scoring === 'item-means';
  const items: Record<string, ItemScore> = {};
  for (const l of LAYERS)
    directItems(
      likert.filter((i) => 'layer' in i && i.layer === l),
      scored,
      items,
    );
  for (const s of signalKeys)
    directItems(
      likert.filter((i) => 'signal' in i && i.signal === s),
      scored,
      items,
    );
  const distribution = (item: ChoiceSignalItem) => {
    const counts = choiceCounts(item);
    const n = Object.values(counts).reduce((a, b) => a + b, 0);
    return { n, counts, shares: Object.fromEntries(Object.entries(counts).map(([o, c]) => [o, n === 0 ? 0 : c / n])) };
  };
  return {
    instrument: { id: instrument.id, version: instrument.version },
    n: scored.length,
    layers: Object.fromEntries(
      LAYERS.map((l) => [
        l,
        directScale(
          likert.filter((i) => 'layer' in i && i.layer === l),
          scored,
          itemMeans,
        ),
      ]),
    ) as GroupReport['layers'],
    signals: Object.fromEntries(
      signalKeys.map((s) => [
        s,
        directScale(
          likert.filter((i) => 'signal' in i && i.signal === s),
          scored,
          itemMeans,
        ),
      ]),
    ) as GroupReport['signals'],
    capacityDecision: distribution(capacityItem),
    quality: {
      flagged: flags.filter((_, i) => isFlagged(i)).length,
      straightLining: flags.filter((f) => f.straightLining).length,
      tooFast: flags.filter((f) => f.tooFast).length,
      excluded: excludeFlagged,
    },
    ...(decidedItem ? { capacityDecided: distribution(decidedItem) } : {}),
    items,
  };
}

/**
 * Asserts two reports agree: numbers to 1e-9 absolute, nulls and everything else exactly. A maturity level may differ only for
 * a score within 1e-9 of a cut-off, where float rounding of the direct sum can land on either side.
 */
export function expectReportsClose(actual: unknown, expected: unknown, path = 'report'): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (!(Math.abs(actual - expected) <= 1e-9)) {
      throw new Error(`${path}: ${actual} differs from ${expected}`);
    }
    return;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) throw new Error(`${path}: length ${actual.length} vs ${expected.length}`);
    for (const [i, a] of actual.entries()) expectReportsClose(a, expected[i], `${path}[${i}]`);
    return;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    const score = e.score;
    const nearCut =
      typeof score === 'number' && MATURITY_LEVELS.some((m) => m.from > 0 && Math.abs(score - m.from) < 1e-9);
    for (const key of keys) {
      if (nearCut && (key === 'level' || key === 'levelName')) continue;
      expectReportsClose(a[key], e[key], `${path}.${key}`);
    }
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${String(actual)} differs from ${String(expected)}`);
}
