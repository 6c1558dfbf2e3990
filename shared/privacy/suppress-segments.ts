import { normalizeMinGroupSize } from './min-group-size';

/** One cell of a breakdown: a group of respondents and how many there are. */
export interface SegmentCount<K extends string | null = string> {
  key: K;
  n: number;
}

/**
 * The keys of a breakdown that must not be shown. The cells partition the campaign's respondents, and the total is
 * shown, so a hidden cell's aggregate would be recoverable as the total minus the visible cells unless the hidden
 * cells are many and large enough together. Rules, in order:
 *
 * 1. Total below k: every key is hidden (the caller hides the total as well).
 * 2. Primary: every cell with 0 < n < k is hidden, and so is every key in `alreadyHidden` whatever its size (a rule
 *    beyond this breakdown hid it: the plan's check across both breakdowns, or for a layer the respondent-level plan).
 *    Both count towards the hidden union below.
 * 3. Complementary: while the hidden non-empty cells are exactly one, or sum to less than k, or are all of size one,
 *    the smallest visible non-empty cell is hidden too (ties by key, so the result does not depend on input order).
 *    Afterwards, subtracting the visible cells from the total yields only the union of the hidden cells, a group of at
 *    least k; "exactly one" and "sum below k" are what would make that union a small group. "All of size one" is there
 *    because an attacker who knows which hidden cells are non-empty would otherwise pin each of them at exactly 1.
 *    Each visible cell has n >= k, so one complementary cell always suffices.
 * 4. Empty cells (n = 0) are never hidden for their own sake (a zero carries nobody's answers) and never serve as
 *    complements (they add nobody to the hidden union). But when anything in the breakdown is hidden, empty cells are
 *    hidden as well: a shown zero would tell the attacker that every hidden cell has at least one respondent, and
 *    that lower bound is what pins hidden counts in small cases.
 *
 * `minGroupSize` goes through `normalizeMinGroupSize`, so it is never below 3. Duplicate keys are counted as one cell.
 * Counts must be non-negative integers (RangeError otherwise).
 */
export function suppressSegments<K extends string | null = string>(
  cells: readonly SegmentCount<K>[],
  minGroupSize: number,
  alreadyHidden: Iterable<K> = [],
): Set<K> {
  const k = normalizeMinGroupSize(minGroupSize);
  const counts = mergeCounts(cells);
  let total = 0;
  for (const n of counts.values()) total += n;

  const hidden = new Set<K>(alreadyHidden);
  if (total < k) {
    for (const key of counts.keys()) hidden.add(key);
    return hidden;
  }

  let hiddenSum = 0;
  let hiddenCount = 0;
  for (const [key, n] of counts) {
    if (n > 0 && (n < k || hidden.has(key))) {
      hidden.add(key);
      hiddenSum += n;
      hiddenCount += 1;
    }
  }
  if (hiddenCount === 0) return hidden;

  const complements = [...counts].filter(([key, n]) => n > 0 && !hidden.has(key)).sort(bySizeThenKey);
  for (const [key, n] of complements) {
    if (hiddenCount !== 1 && hiddenSum >= k && hiddenSum > hiddenCount) break;
    hidden.add(key);
    hiddenSum += n;
    hiddenCount += 1;
  }
  // If the loop ran out of cells, every respondent sits in a hidden cell of size one: only the total is shown, and
  // nothing more can be hidden without hiding the total, which is itself at least k.

  for (const [key, n] of counts) if (n === 0) hidden.add(key);
  return hidden;
}

function mergeCounts<K extends string | null>(cells: readonly SegmentCount<K>[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const { key, n } of cells) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`segment ${JSON.stringify(key)}: count must be a non-negative integer, got ${n}`);
    }
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  return counts;
}

/** Orders keys deterministically: strings by code unit (not locale, so the result is the same everywhere), null last. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function bySizeThenKey<K extends string | null>([ka, na]: [K, number], [kb, nb]: [K, number]): number {
  return na - nb || compareKeys(ka, kb);
}
