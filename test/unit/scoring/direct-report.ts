// A straightforward scorer straight from raw responses, written apart from the engine's sufficient statistics, so
// property tests can check that report(merge(fold(...))) computes the same thing. Plain floats, two-pass variances.
import { type ChoiceSignalItem, type Instrument, isLikert, LAYERS, type LikertItem } from '../../../shared/instrument';
import type { GroupReport, ScaleScore } from '../../../shared/report-model';
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

function directScale(items: LikertItem[], responses: SurveyResponse[]): ScaleScore {
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
    };
  }
  const score = mean(scores);
  const level = [...MATURITY_LEVELS].reverse().find((m) => score >= m.from)!;
  const sd = n >= 2 ? Math.sqrt(sampleVariance(scores)) : null;
  const half = sd === null ? 0 : (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  const clamp = (x: number) => Math.min(100, Math.max(0, x));

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
  const complete = rows.filter((row) => row.every((v) => v !== null)) as number[][];
  const k = items.length;
  if (k >= 2 && complete.length >= 30) {
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
  };
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
        ),
      ]),
    ) as GroupReport['layers'],
    signals: Object.fromEntries(
      signalKeys.map((s) => [
        s,
        directScale(
          likert.filter((i) => 'signal' in i && i.signal === s),
          scored,
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
