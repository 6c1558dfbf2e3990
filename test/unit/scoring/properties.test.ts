import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, LAYERS, layerItems } from '../../../shared/instrument';
import type { GroupReport } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { emptyStats, fold, type GroupStats, merge, report, scoreResponses, unfold } from '../../../shared/scoring';
import { makeResponses, responseArb } from '../../factories';
import { directReport, expectReportsClose } from './direct-report';

const I = CURRENT_INSTRUMENT;
// Bounded so the whole scoring suite runs in a few seconds.
const RUNS = { numRuns: 60 };
const responses = (maxLength = 25) => fc.array(responseArb, { maxLength });
const foldAll = (rs: SurveyResponse[], excludeFlagged = false) =>
  rs.reduce<GroupStats>((s, r) => fold(I, s, r), emptyStats(I, { excludeFlagged }));

function scales(r: GroupReport) {
  return [...Object.values(r.layers), ...Object.values(r.signals)];
}

describe('statistics algebra', () => {
  it('merge is commutative and associative, with empty statistics as identity', () => {
    fc.assert(
      fc.property(responses(), responses(), responses(), fc.boolean(), (a, b, c, ex) => {
        const [sa, sb, sc] = [foldAll(a, ex), foldAll(b, ex), foldAll(c, ex)];
        expect(merge(sa, sb)).toEqual(merge(sb, sa));
        expect(merge(sa, merge(sb, sc))).toEqual(merge(merge(sa, sb), sc));
        expect(merge(sa, emptyStats(I, { excludeFlagged: ex }))).toEqual(sa);
        expect(merge(sa, sb)).toEqual(foldAll([...a, ...b], ex));
      }),
      RUNS,
    );
  });

  it('unfold(fold(s, r), r) is s, and withdrawing everyone leaves empty statistics', () => {
    fc.assert(
      fc.property(responses(), responseArb, fc.boolean(), (rs, r, ex) => {
        const s = foldAll(rs, ex);
        expect(unfold(I, fold(I, s, r), r)).toEqual(s);
        const drained = [...rs].reverse().reduce((acc, x) => unfold(I, acc, x), s);
        expect(drained).toEqual(emptyStats(I, { excludeFlagged: ex }));
      }),
      RUNS,
    );
  });

  it('do not depend on the order of respondents', () => {
    const permuted = responses().chain((rs) =>
      fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
    );
    fc.assert(
      fc.property(permuted, ([rs, shuffled]) => {
        expect(foldAll(shuffled)).toEqual(foldAll(rs));
        expect(scoreResponses(I, shuffled)).toEqual(scoreResponses(I, rs));
      }),
      RUNS,
    );
  });
});

describe('report of merged statistics', () => {
  it('equals the direct computation from raw responses', () => {
    const split = fc
      .tuple(responses(40), fc.nat(), fc.nat(), fc.boolean())
      .map(([rs, i, j, ex]) => ({ rs, cuts: [i % (rs.length + 1), j % (rs.length + 1)].sort((a, b) => a - b), ex }));
    fc.assert(
      fc.property(split, ({ rs, cuts, ex }) => {
        const [i, j] = cuts as [number, number];
        const stats = merge(merge(foldAll(rs.slice(0, i), ex), foldAll(rs.slice(i, j), ex)), foldAll(rs.slice(j), ex));
        expectReportsClose(report(I, stats), directReport(I, rs, ex));
      }),
      RUNS,
    );
  });

  it('equals the direct computation for realistic groups large enough for alpha', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 90 }), fc.integer(), fc.integer({ min: 1, max: 5 }), (n, seed, t) => {
        const rs = makeResponses(n, seed, {
          tendency: { roles: t, knowledge: 6 - t },
          dontKnowRate: 0.02,
          skipRate: 0.02,
        });
        const half = Math.floor(n / 2);
        const merged = merge(foldAll(rs.slice(0, half)), foldAll(rs.slice(half)));
        const direct = directReport(I, rs);
        expectReportsClose(report(I, merged), direct);
      }),
      { numRuns: 25 },
    );
  });
});

describe('report bounds and direction', () => {
  it('keeps every score and interval bound within 0..100, and rates within 0..1', () => {
    fc.assert(
      fc.property(responses(), (rs) => {
        for (const s of scales(scoreResponses(I, rs))) {
          for (const x of [s.score, ...(s.ci95 ?? [])]) if (x !== null) expect(x >= 0 && x <= 100).toBe(true);
          if (s.ci95 && s.score !== null) expect(s.ci95[0] <= s.score && s.score <= s.ci95[1]).toBe(true);
          expect(s.dontKnowRate >= 0 && s.dontKnowRate <= 1).toBe(true);
          if (s.agreement !== null) expect(s.agreement >= 0 && s.agreement <= 1).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never lowers a layer score when a plain (not reverse-worded) answer rises', () => {
    const plainItems = LAYERS.flatMap((l) =>
      layerItems(I, l)
        .filter((i) => !i.reverse)
        .map((item) => ({ l, item })),
    );
    const change = fc.record({
      rs: fc.array(responseArb, { minLength: 1, maxLength: 15 }),
      who: fc.nat(),
      which: fc.constantFrom(...plainItems),
      values: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    });
    fc.assert(
      fc.property(change, ({ rs, who, which, values }) => {
        const [lo, hi] = [Math.min(...values), Math.max(...values)];
        const at = (value: number) => {
          const copy = rs.map((r, i) =>
            i === who % rs.length ? { ...r, answers: { ...r.answers, [which.item.id]: value } } : r,
          );
          return scoreResponses(I, copy).layers[which.l].score!;
        };
        expect(at(hi)).toBeGreaterThanOrEqual(at(lo));
      }),
      RUNS,
    );
  });
});
