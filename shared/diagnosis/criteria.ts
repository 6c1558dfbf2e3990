// A diagnosis is a conjunction of criteria; a criterion is one or more evidence rows (any of them may carry it).
// Each row compares a point estimate with a threshold (what a reader can check by eye) and carries a support: the
// probability, under the t (or normal) sampling model, that the true value lies on the claimed side of the threshold.

import type { Evidence, ScaleScore } from '../report-model';
import { type EvidenceNotePart, part, withNote } from './evidence-notes';
import { studentTCdf } from './probability';

export type Comparison = Evidence['comparison'];

/** An estimate with its standard error; `df` is Infinity for a normal approximation, 0 for an exact fact. */
export interface Measure {
  value: number;
  se: number;
  df: number;
  n: number;
  ci: [number, number] | null;
}

export interface Row {
  evidence: Evidence;
  support: number;
}

export interface Criterion {
  rows: Row[];
  met: boolean;
  support: number;
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * What a scale must have to be used as evidence, and how its uncertainty is read: at least `minN` respondents with a
 * score (the privacy minimum, and for the diagnosis its own minimum), and the finite-population correction's
 * variance factor for a scale of n respondents with reliability alpha (1 when the headcount is unknown).
 */
export interface Basis {
  minN: number;
  varianceFactor?: (n: number, alpha: number | null) => number;
}

/**
 * A scale's score as a measure, or null when it must not be used: no score, or fewer respondents with a score than
 * the minimum (a diagnosis is never asserted from a scale with too few respondents). Its standard error is the
 * engine's (`se`, which item-means scores compute from pairwise covariances), else sd / √n.
 */
export function scaleMeasure(scale: ScaleScore, basis: number | Basis): Measure | null {
  const { minN, varianceFactor } = typeof basis === 'number' ? { minN: basis, varianceFactor: undefined } : basis;
  if (scale.score === null || scale.n < Math.max(minN, 2)) return null;
  const raw = scale.se ?? (scale.sd === null ? null : scale.sd / Math.sqrt(scale.n));
  const factor = varianceFactor ? varianceFactor(scale.n, scale.alpha) : 1;
  const se = raw === null ? Number.POSITIVE_INFINITY : raw * Math.sqrt(factor);
  return { value: scale.score, se, df: scale.n - 1, n: scale.n, ci: scale.ci95 };
}

/** A share of n answers; its standard error is taken at the threshold (the score test), so a 0 or 1 share still has one. */
export function shareMeasure(share: number, n: number, threshold: number): Measure {
  return { value: share, se: Math.sqrt((threshold * (1 - threshold)) / n), df: Number.POSITIVE_INFINITY, n, ci: null };
}

/** A fact from the organisation profile: no sampling error. */
export function factMeasure(value: number): Measure {
  return { value, se: 0, df: 0, n: 1, ci: null };
}

export function holds(value: number, threshold: number, comparison: Comparison): boolean {
  switch (comparison) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
  }
}

/** P(true value is on the claimed side of the threshold) = T_df((value - threshold) / se), signed by direction. */
export function support(m: Measure, threshold: number, comparison: Comparison): number {
  const margin = comparison === '>' || comparison === '>=' ? m.value - threshold : threshold - m.value;
  if (m.se === 0) return holds(m.value, threshold, comparison) ? 1 : 0;
  if (!Number.isFinite(m.se)) return 0.5;
  return studentTCdf(margin / m.se, m.df);
}

function describe(m: Measure, kind: 'score' | 'share' | 'fact'): EvidenceNotePart[] {
  if (kind === 'score' && m.ci) return [part('interval_n', { lo: round1(m.ci[0]), hi: round1(m.ci[1]), n: m.n })];
  if (kind === 'fact') return [];
  return [part('n', { n: m.n })];
}

/**
 * One evidence row. The value is rounded before it is compared, so what the reader sees is what was tested.
 * `kind` picks the rounding (scores to 0.1 point, shares to 0.001) and the default note.
 */
export function row(
  source: string,
  m: Measure,
  threshold: number,
  comparison: Comparison,
  kind: 'score' | 'share' | 'fact',
  note: readonly EvidenceNotePart[] = [],
): Row {
  const value = kind === 'share' ? round3(m.value) : kind === 'score' ? round1(m.value) : m.value;
  const met = holds(value, threshold, comparison);
  const evidence = withNote<Evidence>({ source, value, threshold, comparison, met }, [...describe(m, kind), ...note]);
  return { evidence, support: support({ ...m, value }, threshold, comparison) };
}

/** A criterion carried by any of its rows (an "or"): met when one is met; support is the best row's (a lower bound). */
export function anyOf(rows: Row[]): Criterion {
  const metRows = rows.filter((r) => r.evidence.met);
  return {
    rows,
    met: metRows.length > 0,
    support: metRows.length > 0 ? Math.max(...metRows.map((r) => r.support)) : 0,
  };
}

export const single = (r: Row): Criterion => anyOf([r]);
