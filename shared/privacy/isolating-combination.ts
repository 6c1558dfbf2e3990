import { normalizeMinGroupSize } from './min-group-size';

/** A coefficient the attacker may give a published sum: add it, subtract it, or leave it out. */
export type Coefficient = -1 | 0 | 1;

/** What is published of one figure over a department × level table of counts. */
export interface PublishedTable {
  /**
   * Per cell, the respondents the figure rests on (everyone for counts; those who answered it for a layer score): one
   * row per department, one column per level. The attacker is assumed to know which of these are 0.
   */
  counts: readonly (readonly number[])[];
  /** Whether each row's sum (a department) is published. */
  rows: readonly boolean[];
  /** Whether each column's sum (a level) is published. */
  columns: readonly boolean[];
  /** Whether the sum of the whole table is published. */
  total: boolean;
}

/** A combination of published sums that adds up to exactly the respondents of some cells: a group of `size`. */
export interface Isolation {
  total: Coefficient;
  rows: Coefficient[];
  columns: Coefficient[];
  /** Respondents in the cells the combination gives coefficient 1: between 1 and k - 1. */
  size: number;
}

/** 0 first, so the combination found leaves out every sum it does not need (see the enumeration below). */
const COEFFICIENTS: readonly Coefficient[] = [0, 1, -1];

/**
 * A combination, with coefficients in {-1, 0, 1}, of the published sums that isolates a group of 1..k-1 respondents,
 * or null when there is none. The attacker knows which cells are empty (the organisation's structure: "Sales has no
 * managers"), so a combination isolates a group when it gives every non-empty cell the coefficient 0 or 1; the group
 * is the cells with 1. Unpublished sums, and published ones over empty rows or columns, get 0.
 *
 * Exact, and cheap because columns are few (three levels): the combination a·total + Σ b_d·row_d + Σ c_l·column_l
 * gives cell (d, l) the coefficient a + b_d + c_l. For each choice of a and c (3 × 3^columns), each row's feasible b_d
 * and the size it adds are independent of the other rows, so a walk over the rows keeping the reachable sizes (capped
 * at k: any sum beyond it is not small) decides whether a size in 1..k-1 is reachable: O(3^(columns+1) · rows · k).
 *
 * Why {-1, 0, 1} is enough: any rational combination that is 0 or 1 on the non-empty cells has that same additive
 * form, and the tests check on random tables that it finds a small group exactly when the rational span holds one
 * (`derivableGroups` in test/unit/privacy/disclosure-audit.ts).
 *
 * Deterministic: the first (a, c) in the order above, then the smallest reachable size, then per row the choice found
 * first; callers pass rows in a canonical order so that the answer does not depend on the order of their input.
 */
export function findIsolation(table: PublishedTable, minGroupSize: number): Isolation | null {
  const k = normalizeMinGroupSize(minGroupSize);
  const { counts, columns } = table;
  if (table.rows.length !== counts.length) throw new RangeError('one published flag per row is needed');
  for (const row of counts) {
    if (row.length !== columns.length) throw new RangeError('every row needs one count per column');
    for (const n of row) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`count must be a non-negative integer, got ${n}`);
    }
  }
  const rowFree = counts.map((row, i) => table.rows[i]! && row.some((n) => n > 0));
  const columnFree = columns.map((shown, j) => shown && counts.some((row) => row[j]! > 0));
  const c = columns.map((): Coefficient => 0);

  for (const a of table.total ? COEFFICIENTS : [0 as const]) {
    // Every c with c_j = 0 where column j is not free, in lexicographic order of COEFFICIENTS.
    const choose = (j: number): Isolation | null => {
      if (j === columns.length) return isolateRows(counts, rowFree, a, c, k);
      for (const cj of columnFree[j] ? COEFFICIENTS : [0 as const]) {
        c[j] = cj;
        const found = choose(j + 1);
        if (found) return found;
      }
      c[j] = 0;
      return null;
    };
    const found = choose(0);
    if (found) return found;
  }
  return null;
}

function isolateRows(
  counts: readonly (readonly number[])[],
  rowFree: readonly boolean[],
  a: Coefficient,
  c: readonly Coefficient[],
  k: number,
): Isolation | null {
  // Per row, the b that keep its non-empty cells at 0 or 1, with the respondents they put in the group.
  const options: { b: Coefficient; size: number }[][] = [];
  for (let i = 0; i < counts.length; i++) {
    const feasible: { b: Coefficient; size: number }[] = [];
    for (const b of rowFree[i] ? COEFFICIENTS : [0 as const]) {
      let size = 0;
      let ok = true;
      counts[i]!.forEach((n, j) => {
        if (n === 0) return;
        const v = a + b + c[j]!;
        if (v === 1) size += n;
        else if (v !== 0) ok = false;
      });
      if (ok) feasible.push({ b, size });
    }
    if (feasible.length === 0) return null;
    options.push(feasible);
  }

  // reached[i][s]: how a size s (capped at k) is reached after i rows, as [option of row i - 1, size before it].
  const reached: (readonly [number, number] | undefined)[][] = [[[-1, -1]]];
  for (let i = 0; i < options.length; i++) {
    const next: (readonly [number, number] | undefined)[] = [];
    reached[i]!.forEach((how, s) => {
      if (!how) return;
      options[i]!.forEach(({ size }, o) => {
        const t = Math.min(k, s + size);
        next[t] ??= [o, s];
      });
    });
    reached.push(next);
  }
  const last = reached[options.length]!;
  let size = 1;
  while (size < k && !last[size]) size++;
  if (size >= k) return null;

  const rows = counts.map((): Coefficient => 0);
  for (let i = options.length, s = size; i > 0; i--) {
    const [o, before] = reached[i]![s]!;
    rows[i - 1] = options[i - 1]![o]!.b;
    s = before;
  }
  return { total: a, rows, columns: [...c], size };
}
