// Brute-force attackers for the privacy tests. They know everything a plan publishes and the rules, enumerate every
// table of counts consistent with it, and add and subtract published sums; small tables only.

import type { BreakdownPlan } from '../../../shared/privacy';

/** What the attacker assumes about a hidden count: inclusive bounds. */
export interface Bounds {
  lo: number;
  hi: number;
}

/** "arithmetic": a hidden cell may be empty (rule 4). "knows-empty": the attacker also knows which hidden cells are empty. */
export type Knowledge = 'arithmetic' | 'knows-empty';

export const hiddenBounds = (knowledge: Knowledge, trueN: number): Bounds =>
  knowledge === 'knows-empty' && trueN === 0
    ? { lo: 0, hi: 0 }
    : { lo: knowledge === 'knows-empty' ? 1 : 0, hi: Infinity };

/** Values each hidden cell takes over all assignments of hidden counts that sum to `hiddenSum` within the bounds. */
export function oneWayCandidates(bounds: readonly Bounds[], hiddenSum: number): Set<number>[] {
  const seen = bounds.map(() => new Set<number>());
  const values: number[] = [];
  let done = false;
  const visit = (i: number, left: number): void => {
    if (done) return;
    const b = bounds[i]!;
    if (i === bounds.length - 1) {
      if (left < b.lo || left > b.hi) return;
      values[i] = left;
      for (let j = 0; j < values.length; j++) seen[j]!.add(values[j]!);
      done = seen.every((s, j) => s.size > 1 || bounds[j]!.lo === bounds[j]!.hi);
      return;
    }
    for (let v = b.lo; v <= Math.min(b.hi, left); v++) {
      values[i] = v;
      visit(i + 1, left - v);
    }
  };
  if (bounds.length > 0) visit(0, hiddenSum);
  return seen;
}

export interface TwoWayCandidates {
  cells: Set<number>[][];
  rows: Set<number>[];
  cols: Set<number>[];
  tables: number;
}

/**
 * Every department × level table consistent with a plan: shown rows and columns exact, hidden ones within their
 * bounds and summing to the total minus the shown ones. Stops early once every count is `settled` (by default: has
 * taken two values), so the sets are complete only for counts that never settle.
 */
export function twoWayCandidates(
  plan: BreakdownPlan,
  rowBounds: (i: number) => Bounds,
  colBounds: (j: number) => Bounds,
  settled: (values: Set<number>) => boolean = (values) => values.size > 1,
): TwoWayCandidates {
  if (plan.total.suppressed) throw new Error('nothing is published when the total is hidden');
  const total = plan.total.n;
  const R = plan.department.length;
  const C = plan.level.length;
  const shownOr = (row: BreakdownPlan['level'][number] | BreakdownPlan['department'][number], b: Bounds): Bounds =>
    row.suppressed ? b : { lo: row.n, hi: row.n };
  const rb = plan.department.map((row, i) => shownOr(row, rowBounds(i)));
  const cb = plan.level.map((row, j) => shownOr(row, colBounds(j)));
  const hiddenRowSum = total - plan.department.reduce((s, row) => s + (row.suppressed ? 0 : row.n), 0);
  const hiddenColSum = total - plan.level.reduce((s, row) => s + (row.suppressed ? 0 : row.n), 0);

  const cells = Array.from({ length: R }, () => Array.from({ length: C }, () => new Set<number>()));
  const rows = Array.from({ length: R }, () => new Set<number>());
  const cols = Array.from({ length: C }, () => new Set<number>());
  const fixedCell = (i: number, j: number): boolean => rb[i]!.hi === 0 || cb[j]!.hi === 0;
  const table = Array.from({ length: R }, () => new Array<number>(C).fill(0));
  const rowSum = new Array<number>(R).fill(0);
  const colSum = new Array<number>(C).fill(0);
  let hiddenRowsSoFar = 0;
  let hiddenColsSoFar = 0;
  let sum = 0;
  let tables = 0;
  let done = false;

  const record = (): void => {
    tables++;
    for (let i = 0; i < R; i++) {
      rows[i]!.add(rowSum[i]!);
      for (let j = 0; j < C; j++) cells[i]![j]!.add(table[i]![j]!);
    }
    for (let j = 0; j < C; j++) cols[j]!.add(colSum[j]!);
    done =
      rows.every((s, i) => settled(s) || rb[i]!.lo === rb[i]!.hi) &&
      cols.every((s, j) => settled(s) || cb[j]!.lo === cb[j]!.hi) &&
      cells.every((row, i) => row.every((s, j) => settled(s) || fixedCell(i, j)));
  };

  const visit = (at: number): void => {
    if (done) return;
    if (at === R * C) {
      if (sum !== total || hiddenRowsSoFar !== hiddenRowSum || hiddenColsSoFar !== hiddenColSum) return;
      if (cb.some((b, j) => colSum[j]! < b.lo || colSum[j]! > b.hi)) return;
      record();
      return;
    }
    const i = Math.floor(at / C);
    const j = at % C;
    const rowHidden = plan.department[i]!.suppressed;
    const colHidden = plan.level[j]!.suppressed;
    let max = Math.min(rb[i]!.hi - rowSum[i]!, cb[j]!.hi - colSum[j]!, total - sum);
    if (rowHidden) max = Math.min(max, hiddenRowSum - hiddenRowsSoFar);
    if (colHidden) max = Math.min(max, hiddenColSum - hiddenColsSoFar);
    // Largest first: every cell then takes a positive value early, which settles "always empty" checks quickly.
    for (let v = max; v >= 0; v--) {
      table[i]![j] = v;
      rowSum[i]! += v;
      colSum[j]! += v;
      sum += v;
      if (rowHidden) hiddenRowsSoFar += v;
      if (colHidden) hiddenColsSoFar += v;
      if (j < C - 1 || rowSum[i]! >= rb[i]!.lo) visit(at + 1);
      rowSum[i]! -= v;
      colSum[j]! -= v;
      sum -= v;
      if (rowHidden) hiddenRowsSoFar -= v;
      if (colHidden) hiddenColsSoFar -= v;
    }
    table[i]![j] = 0;
  };
  visit(0);
  return { cells, rows, cols, tables };
}

/**
 * Every group of cells (as a bitmask over `size` cells) whose aggregate follows from the published sums: its
 * indicator is a rational combination of the published indicators and of single cells known to be empty.
 */
export function derivableGroups(size: number, published: readonly number[][], knownEmpty: readonly number[]): number[] {
  const basis: { row: number[]; pivot: number }[] = [];
  const reduce = (v: number[]): number[] => {
    let out = v;
    for (const { row, pivot } of basis) {
      const f = out[pivot]!;
      if (f === 0) continue;
      const a = row[pivot]!;
      out = normalize(out.map((x, c) => a * x - f * row[c]!));
    }
    return out;
  };
  const units = knownEmpty.map((c) => Array.from({ length: size }, (_, d) => (d === c ? 1 : 0)));
  for (const v of [...published, ...units]) {
    const r = reduce(v);
    const pivot = r.findIndex((x) => x !== 0);
    if (pivot >= 0) basis.push({ row: r, pivot });
  }
  const groups: number[] = [];
  for (let mask = 1; mask < 1 << size; mask++) {
    const v = Array.from({ length: size }, (_, c) => (mask >> c) & 1);
    if (reduce(v).every((x) => x === 0)) groups.push(mask);
  }
  return groups;
}

function normalize(v: number[]): number[] {
  const g = v.reduce((acc, x) => gcd(acc, Math.abs(x)), 0);
  return g > 1 ? v.map((x) => x / g) : v;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Which sums of a department × level table are published: the total, rows (departments), columns (levels). */
export interface PublishedSums {
  total: boolean;
  rows: readonly boolean[];
  columns: readonly boolean[];
}

export interface Combination {
  /** Total first, then one per row, then one per column; 0 for every sum not published. */
  coefficients: number[];
  /** Respondents in the cells given 1. */
  size: number;
}

/**
 * Plain enumeration for an attacker who knows which cells are empty: every combination with coefficients -1, 0, 1 of
 * the published sums that is 0 or 1 on every non-empty cell and 1 on at least one, with the group it isolates.
 */
export function isolatingCombinations(counts: readonly (readonly number[])[], published: PublishedSums): Combination[] {
  const R = counts.length;
  const C = published.columns.length;
  const free = [published.total, ...published.rows, ...published.columns];
  const found: Combination[] = [];
  const coefficients = new Array<number>(free.length).fill(0);
  const visit = (i: number): void => {
    if (i === free.length) {
      let size = 0;
      let ones = 0;
      for (let r = 0; r < R; r++) {
        for (let c = 0; c < C; c++) {
          const n = counts[r]![c]!;
          if (n === 0) continue;
          const v = coefficients[0]! + coefficients[1 + r]! + coefficients[1 + R + c]!;
          if (v !== 0 && v !== 1) return;
          if (v === 1) {
            size += n;
            ones++;
          }
        }
      }
      if (ones > 0) found.push({ coefficients: [...coefficients], size });
      return;
    }
    for (const v of free[i] ? [-1, 0, 1] : [0]) {
      coefficients[i] = v;
      visit(i + 1);
    }
    coefficients[i] = 0;
  };
  visit(0);
  return found;
}

/** Sizes of 1..k-1 that some combination isolates (empty: the published sums are safe). */
export const smallIsolations = (
  counts: readonly (readonly number[])[],
  published: PublishedSums,
  k: number,
): number[] =>
  isolatingCombinations(counts, published)
    .map((c) => c.size)
    .filter((n) => n > 0 && n < k);
