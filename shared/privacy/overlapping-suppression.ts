import { normalizeMinGroupSize } from './min-group-size';
import { compareKeys, type SegmentCount } from './suppress-segments';

/**
 * `suppressSegments` for groups that may share members: the categories of a ledger, where one respondent may name
 * several. The published parts are each group's figures and the parent's total (a sum over every group's entries),
 * so the parent minus the shown groups is the sum over the hidden groups' entries, which rests on the distinct
 * respondents of the hidden groups together. `union(keys)` must give exactly that number for any set of keys (the
 * ledger statistics count respondents by the set of categories they named, so it is exact). The rules are the
 * layer breakdowns' with that union in place of the sum:
 *
 * 1. The parent's respondents (the union of every group) below k: every key is hidden.
 * 2. Primary: every group with 0 < n < k is hidden, and every key in `alreadyHidden`.
 * 3. Complementary: while the hidden non-empty groups are exactly one, or their union is below k, or all of size one,
 *    the smallest shown non-empty group is hidden too (ties by key, so the result does not depend on input order).
 *    Afterwards the parent minus the shown groups rests on at least k distinct respondents, or on none.
 * 4. Empty groups are hidden as well once anything is, as a shown zero would put a lower bound on the hidden ones.
 *
 * When no respondent is in two groups, the union is the sum and this is exactly `suppressSegments`.
 */
export function suppressOverlapping<K extends string>(
  groups: readonly SegmentCount<K>[],
  minGroupSize: number,
  union: (keys: readonly K[]) => number,
  alreadyHidden: Iterable<K> = [],
): Set<K> {
  const k = normalizeMinGroupSize(minGroupSize);
  const counts = new Map<K, number>();
  for (const { key, n } of groups) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`group ${key}: count must be a non-negative integer`);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const hidden = new Set<K>(alreadyHidden);
  if (union([...counts.keys()]) < k) {
    for (const key of counts.keys()) hidden.add(key);
    return hidden;
  }
  const hiddenKeys = (): K[] => [...counts].filter(([key, n]) => n > 0 && hidden.has(key)).map(([key]) => key);
  for (const [key, n] of counts) if (n > 0 && n < k) hidden.add(key);
  let current = hiddenKeys();
  if (current.length > 0) {
    const complements = [...counts]
      .filter(([key, n]) => n > 0 && !hidden.has(key))
      .sort(([ka, na], [kb, nb]) => na - nb || compareKeys(ka, kb));
    for (const [key] of complements) {
      const allOnes = current.every((h) => counts.get(h) === 1);
      if (current.length !== 1 && !allOnes && union(current) >= k) break;
      hidden.add(key);
      current = hiddenKeys();
    }
    for (const [key, n] of counts) if (n === 0) hidden.add(key);
  }
  return hidden;
}
