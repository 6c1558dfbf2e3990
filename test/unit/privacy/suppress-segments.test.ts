import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressSegments } from '../../../shared/privacy';
import { derivableGroups, hiddenBounds, type Knowledge, oneWayCandidates } from './disclosure-audit';

const cells = (counts: Record<string, number>) => Object.entries(counts).map(([key, n]) => ({ key, n }));
const hidden = (counts: Record<string, number>, k: number) => [...suppressSegments(cells(counts), k)].sort();

describe('suppressSegments', () => {
  it('hides both departments of a campaign with 10 responses in one and 2 in the other', () => {
    expect(hidden({ sales: 10, ops: 2 }, 5)).toEqual(['ops', 'sales']);
  });

  it('hides nothing when every group is at least the minimum', () => {
    expect(hidden({ a: 5, b: 9, c: 30 }, 5)).toEqual([]);
  });

  it('hides a small group and the next-smallest group beside it', () => {
    expect(hidden({ a: 2, b: 6, c: 7, d: 20 }, 5)).toEqual(['a', 'b']);
  });

  it('needs no complement when the small groups are several and reach the minimum together', () => {
    expect(hidden({ a: 3, b: 3, c: 10 }, 5)).toEqual(['a', 'b']);
  });

  it('adds a complement when the small groups together stay below the minimum', () => {
    expect(hidden({ a: 1, b: 2, c: 6, d: 8 }, 5)).toEqual(['a', 'b', 'c']);
  });

  it('adds a complement when the hidden groups are all of one, so their counts cannot be pinned', () => {
    expect(hidden({ a: 1, b: 1, c: 1, d: 9 }, 3)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('breaks ties between equal complements by key, whatever the input order', () => {
    expect(hidden({ a: 1, c: 6, b: 6 }, 5)).toEqual(['a', 'b']);
    expect(hidden({ c: 6, b: 6, a: 1 }, 5)).toEqual(['a', 'b']);
  });

  it('shows an empty group as zero when nothing else is hidden', () => {
    expect(hidden({ legal: 0, b: 6, c: 7 }, 5)).toEqual([]);
  });

  it('hides empty groups along with hidden ones, and never uses them as the complement', () => {
    expect(hidden({ legal: 0, b: 2, c: 6, d: 7 }, 5)).toEqual(['b', 'c', 'legal']);
  });

  it('hides everything when the total is below the minimum', () => {
    expect(hidden({ a: 2, b: 1, c: 0 }, 5)).toEqual(['a', 'b', 'c']);
    expect(hidden({}, 5)).toEqual([]);
  });

  it('never applies a minimum below 3', () => {
    expect(hidden({ a: 2, b: 9, c: 9 }, 1)).toEqual(['a', 'b']);
  });

  it('counts a repeated key as one group', () => {
    expect(hidden({ a: 9 }, 5)).toEqual([]);
    expect([
      ...suppressSegments(
        [
          { key: 'a', n: 2 },
          { key: 'a', n: 3 },
          { key: 'b', n: 6 },
        ],
        5,
      ),
    ]).toEqual([]);
  });

  it('keeps groups hidden that another rule hid, and gives them a complement like any hidden group', () => {
    const hiddenAlso = (counts: Record<string, number>, k: number, already: string[]) =>
      [...suppressSegments(cells(counts), k, already)].sort();
    // a (10) was hidden across breakdowns; alone it would be the total minus b and c, so b, the smaller, joins it.
    expect(hiddenAlso({ a: 10, b: 8, c: 12 }, 5, ['a'])).toEqual(['a', 'b']);
    // With a small group already hidden, the two together reach the minimum: nothing more.
    expect(hiddenAlso({ a: 2, b: 10, c: 12 }, 5, ['c'])).toEqual(['a', 'c']);
    // An empty group hides nobody and needs no complement.
    expect(hiddenAlso({ legal: 0, b: 6, c: 7 }, 5, ['legal'])).toEqual(['legal']);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => suppressSegments([{ key: 'a', n: -1 }], 5)).toThrow(RangeError);
    expect(() => suppressSegments([{ key: 'a', n: 1.5 }], 5)).toThrow(RangeError);
    expect(() => suppressSegments([{ key: 'a', n: Number.NaN }], 5)).toThrow(RangeError);
  });
});

/** Group sizes, often tiny, so that hidden groups of one and empty groups come up. */
const size = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 2 },
);
const counts = fc.array(size, { minLength: 1, maxLength: 6 });
/** The minimum, often 3 (the floor), where the fewest respondents make a hidden union. */
const minimum = fc.oneof(fc.constant(3), fc.integer({ min: 3, max: 10 }));
const keyed = (ns: number[]) => ns.map((n, i) => ({ key: `g${i}`, n }));
const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);
/** Every respondent is in a hidden group of one and nothing is left to hide but the total (see suppress-segments.ts). */
const exhausted = (ns: number[], k: number) => sum(ns) >= k && ns.every((n) => n <= 1);

describe('suppressSegments properties', () => {
  it('shows no non-empty group below the minimum', () => {
    fc.assert(
      fc.property(counts, minimum, (ns, k) => {
        const h = suppressSegments(keyed(ns), k);
        return keyed(ns).every(({ key, n }) => h.has(key) || n === 0 || n >= k);
      }),
    );
  });

  it('hides non-empty groups that sum to 0 or at least the minimum, never exactly one of them', () => {
    fc.assert(
      fc.property(counts, minimum, (ns, k) => {
        fc.pre(sum(ns) >= k);
        const hiddenNs = keyed(ns).filter(({ key, n }) => n > 0 && suppressSegments(keyed(ns), k).has(key));
        const s = sum(hiddenNs.map(({ n }) => n));
        return (s === 0 || s >= k) && hiddenNs.length !== 1;
      }),
    );
  });

  it('hides everything when the total is below the minimum', () => {
    fc.assert(
      fc.property(counts, minimum, (ns, k) => {
        fc.pre(sum(ns) < k);
        return suppressSegments(keyed(ns), k).size === ns.length;
      }),
    );
  });

  it('hides at most one group of the minimum or more, and only a smallest one', () => {
    fc.assert(
      fc.property(counts, minimum, (ns, k) => {
        fc.pre(sum(ns) >= k);
        const h = suppressSegments(keyed(ns), k);
        const complements = keyed(ns).filter(({ key, n }) => h.has(key) && n >= k);
        const smallestShown = Math.min(
          ...keyed(ns)
            .filter(({ key, n }) => !h.has(key) && n > 0)
            .map(({ n }) => n),
        );
        return complements.length <= 1 && complements.every(({ n }) => n <= smallestShown);
      }),
    );
  });

  it('keeps every group already hidden, and hides non-empty groups that sum to 0 or at least the minimum, never one', () => {
    const withHidden = counts.chain((ns) => fc.tuple(fc.constant(ns), fc.subarray(keyed(ns).map(({ key }) => key))));
    fc.assert(
      fc.property(withHidden, minimum, ([ns, already], k) => {
        fc.pre(sum(ns) >= k);
        const h = suppressSegments(keyed(ns), k, already);
        expect(already.every((key) => h.has(key))).toBe(true);
        const hiddenNs = keyed(ns).filter(({ key, n }) => n > 0 && h.has(key));
        const s = sum(hiddenNs.map(({ n }) => n));
        expect(s === 0 || s >= k).toBe(true);
        if (hiddenNs.length === 1) expect(hiddenNs.length).toBe(keyed(ns).filter(({ n }) => n > 0).length);
      }),
    );
  });

  it('does not depend on the order of the cells', () => {
    const shuffled = counts.chain((ns) =>
      fc.tuple(fc.constant(ns), fc.shuffledSubarray(keyed(ns), { minLength: ns.length, maxLength: ns.length })),
    );
    fc.assert(
      fc.property(shuffled, minimum, ([ns, reordered], k) => {
        expect([...suppressSegments(reordered, k)].sort()).toEqual([...suppressSegments(keyed(ns), k)].sort());
      }),
    );
  });

  for (const knowledge of ['arithmetic', 'knows-empty'] as Knowledge[]) {
    it(`leaves no hidden count below the minimum pinned for an attacker (${knowledge}) who knows the total and the shown groups`, () => {
      fc.assert(
        fc.property(counts, minimum, (ns, k) => {
          fc.pre(sum(ns) >= k);
          if (knowledge === 'knows-empty') fc.pre(!exhausted(ns, k));
          const h = suppressSegments(keyed(ns), k);
          const hiddenNs = keyed(ns).filter(({ key }) => h.has(key));
          const shownSum = sum(
            keyed(ns)
              .filter(({ key }) => !h.has(key))
              .map(({ n }) => n),
          );
          const candidates = oneWayCandidates(
            hiddenNs.map(({ n }) => hiddenBounds(knowledge, n)),
            sum(ns) - shownSum,
          );
          hiddenNs.forEach(({ n }, i) => {
            // The enumeration stops once every hidden count has two values, so it need not reach the true one.
            const values = [...candidates[i]!];
            expect(values.length).toBeGreaterThan(0);
            if (values.length === 1) expect(n === 0 || n >= k).toBe(true);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('lets no group below the minimum be aggregated by subtracting shown groups from the total', () => {
    fc.assert(
      fc.property(counts, minimum, (ns, k) => {
        fc.pre(sum(ns) >= k);
        const h = suppressSegments(keyed(ns), k);
        const unit = (i: number) => ns.map((_, j) => (j === i ? 1 : 0));
        const published = [ns.map(() => 1), ...ns.flatMap((_, i) => (h.has(`g${i}`) ? [] : [unit(i)]))];
        for (const mask of derivableGroups(ns.length, published, [])) {
          const n = sum(ns.filter((_, i) => (mask >> i) & 1));
          expect(n === 0 || n >= k).toBe(true);
        }
      }),
    );
  });

  it('keeps three groups of one unpinned because hidden groups might be empty; knowing which are not pins them', () => {
    // Every respondent in a group of one, total 3 = k: nothing is left to hide but the total, which is shown.
    expect(hidden({ a: 1, b: 1, c: 1 }, 3)).toEqual(['a', 'b', 'c']);
    const arithmetic = oneWayCandidates(
      [0, 1, 2].map(() => hiddenBounds('arithmetic', 1)),
      3,
    );
    expect(arithmetic.every((values) => values.size > 1)).toBe(true);
    const knowsEmpty = oneWayCandidates(
      [0, 1, 2].map(() => hiddenBounds('knows-empty', 1)),
      3,
    );
    expect(knowsEmpty.map((values) => [...values])).toEqual([[1], [1], [1]]);
  });

  it('is exposed to subtraction without complementary suppression (the audit can fail)', () => {
    // Primary suppression alone on 10 vs 2: the shown 10 and the total give the 2 away.
    const groups = derivableGroups(
      2,
      [
        [1, 1],
        [1, 0],
      ],
      [],
    );
    expect(groups).toContain(0b10);
  });
});
