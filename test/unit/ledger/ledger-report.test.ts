import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import {
  cleanLabel,
  emptyLedgerStats,
  type LedgerAnswers,
  ledgerDesignFor,
  ledgerFits,
  ledgerIssues,
  ledgerReport,
  medianIntervalTicks,
  medianRank,
  medianTicks,
  type TimeRow,
  type WaitKindRow,
  wilsonInterval,
} from '../../../shared/ledger';
import { suppressOverlapping, suppressSegments } from '../../../shared/privacy';
import type { SurveyResponse } from '../../../shared/response';
import { createAccumulator } from '../../../shared/scoring';
import { LEDGER_DEPARTMENTS, ledgerArb, makeResponse } from '../../factories';

const I = CURRENT_INSTRUMENT;
const design = ledgerDesignFor(I, undefined, [...LEDGER_DEPARTMENTS])!;
const RUNS = { numRuns: 80 };

function binomialBelow(n: number, l: number): number {
  // P(Binomial(n, 1/2) < l), exactly enough for small n.
  let p = 0;
  let c = 1;
  for (let i = 0; i < l; i++) {
    p += c;
    c = (c * (n - i)) / (i + 1);
  }
  return p / 2 ** n;
}

describe('order statistics', () => {
  it('give the distribution-free median interval: the widest rank with at most 2.5% in each tail', () => {
    expect(medianRank(5)).toBeNull();
    expect(medianRank(6)).toBe(1);
    expect(medianRank(10)).toBe(2);
    expect(medianRank(100)).toBe(40);
    for (let n = 6; n <= 60; n++) {
      const l = medianRank(n)!;
      expect(binomialBelow(n, l), `n=${n}`).toBeLessThanOrEqual(0.025 + 1e-12);
      expect(binomialBelow(n, l + 1), `n=${n}`).toBeGreaterThan(0.025);
    }
    // Large n stays exact in log space (no underflow): close to n/2 − 0.98·√n.
    const l = medianRank(100_000)!;
    expect(Math.abs(l - (50_000 - 0.98 * Math.sqrt(100_000)))).toBeLessThan(3);
  });

  it('give the rank the walk from P(X = 0) gives, though they start near it from 1,000 on', () => {
    // The walk medianRank did for every n before it started near the answer: the reference for every n.
    const fromZero = (n: number, alpha = 0.05): number | null => {
      let logP = n * Math.log(0.5);
      let cdf = Math.exp(logP);
      if (cdf > alpha / 2) return null;
      let l = 1;
      for (let i = 0; i < n; i++) {
        logP += Math.log((n - i) / (i + 1));
        const next = cdf + Math.exp(logP);
        if (next > alpha / 2) break;
        cdf = next;
        l = i + 2;
      }
      return Math.min(l, Math.floor((n + 1) / 2));
    };
    for (let n = 1; n <= 4_000; n++) expect(medianRank(n), `n=${n}`).toBe(fromZero(n));
    for (const alpha of [0.01, 0.1, 0.5]) {
      for (let n = 1_000; n <= 3_000; n += 37) expect(medianRank(n, alpha), `n=${n}`).toBe(fromZero(n, alpha));
    }
    fc.assert(
      fc.property(fc.integer({ min: 4_000, max: 1_000_000 }), (n) => medianRank(n) === fromZero(n)),
      { numRuns: 60 },
    );
    expect(medianRank(1_000_000)).toBe(fromZero(1_000_000));
  });

  it('read medians and intervals off a histogram of ticks', () => {
    expect(medianTicks({})).toBeNull();
    expect(medianTicks({ '2': 1, '6': 2 })).toBe(6);
    expect(medianTicks({ '2': 2, '6': 2 })).toBe(4);
    expect(medianIntervalTicks({ '1': 5 })).toBeNull();
    expect(medianIntervalTicks({ '1': 1, '2': 8, '9': 1 })).toEqual([2, 2]);
    expect(medianIntervalTicks({ '1': 2, '2': 6, '9': 2 })).toEqual([1, 9]);
  });

  it('give Wilson intervals for shares, defined at 0 and 1', () => {
    const [lo, hi] = wilsonInterval(5, 10)!;
    expect(lo).toBeCloseTo(0.2366, 3);
    expect(hi).toBeCloseTo(0.7634, 3);
    expect(wilsonInterval(0, 10)![0]).toBe(0);
    expect(wilsonInterval(10, 10)![1]).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('overlapping suppression', () => {
  it('is the layer rule exactly when nobody is in two groups', () => {
    const groups = fc.uniqueArray(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), n: fc.nat(12) }), {
      selector: (g) => g.key,
      maxLength: 5,
    });
    fc.assert(
      fc.property(groups, fc.integer({ min: 3, max: 7 }), (gs, k) => {
        const sum = (keys: readonly string[]) => gs.filter((g) => keys.includes(g.key)).reduce((s, g) => s + g.n, 0);
        expect(suppressOverlapping(gs, k, sum)).toEqual(suppressSegments(gs, k));
      }),
      RUNS,
    );
  });
});

const responsesWith = (ledgers: LedgerAnswers[]): SurveyResponse[] => ledgers.map((ledger) => makeResponse({ ledger }));
function tables(responses: SurveyResponse[], k = 5) {
  const acc = createAccumulator(I);
  for (const r of responses) acc.add(r);
  return ledgerReport({
    design,
    stats: acc.toStats().ledger ?? emptyLedgerStats(),
    n: responses.length,
    minGroupSize: k,
  });
}

describe('the published ledger tables', () => {
  const ledgers = fc.array(ledgerArb, { minLength: 1, maxLength: 40 });

  it('show every row as computed directly from the entries, ranked by cost', () => {
    fc.assert(
      fc.property(ledgers, (ls) => {
        const rs = responsesWith(ls);
        const t = tables(rs).time;
        const shown = t.rows.filter((r): r is TimeRow => !r.suppressed);
        for (const row of shown) {
          const hours = ls.flatMap((l) =>
            (l.time ?? []).filter((e) => e.category === row.id).map((e) => e.hoursPerWeek),
          );
          expect(row.respondents).toBe(hours.length);
          expect(row.hoursPerWeek).toBeCloseTo(
            hours.reduce((a, b) => a + b, 0),
            9,
          );
          const sorted = [...hours].sort((a, b) => a - b);
          const mid = sorted.length / 2;
          const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1]! + sorted[mid]!) / 2;
          expect(row.hours.median ?? null).toBe(sorted.length ? median : null);
        }
        for (let i = 1; i < shown.length; i++)
          expect(shown[i - 1]!.hoursPerWeek).toBeGreaterThanOrEqual(shown[i]!.hoursPerWeek);
        const all = ls.flatMap((l) => (l.time ?? []).map((e) => e.hoursPerWeek)).reduce((a, b) => a + b, 0);
        if (!t.suppressed) expect(t.total).toBeCloseTo(all, 9);
      }),
      RUNS,
    );
  });

  it('never leave a residual of 1..k-1 people: hidden rows are none, or at least two held by k or more together', () => {
    const people = (ls: LedgerAnswers[], match: (l: LedgerAnswers) => boolean) => ls.filter(match).length;
    fc.assert(
      fc.property(ledgers, fc.integer({ min: 3, max: 6 }), (ls, k) => {
        const report = tables(responsesWith(ls), k);
        const check = (hiddenIds: string[], named: (l: LedgerAnswers, id: string) => boolean) => {
          const nonEmpty = hiddenIds.filter((id) => people(ls, (l) => named(l, id)) > 0);
          if (nonEmpty.length === 0) return;
          const union = people(ls, (l) => nonEmpty.some((id) => named(l, id)));
          expect(nonEmpty.length).toBeGreaterThan(1);
          expect(union).toBeGreaterThanOrEqual(k);
        };
        for (const name of ['time', 'knowledge'] as const) {
          const table = report[name];
          if (table.suppressed) continue;
          const hidden = table.rows.filter((r) => r.suppressed).map((r) => r.id);
          check(hidden, (l, id) => (l[name] ?? []).some((e) => e.category === id));
          for (const row of table.rows)
            if (!row.suppressed && row.respondents > 0) expect(row.respondents).toBeGreaterThanOrEqual(k);
        }
        const w = report.waiting;
        if (w.suppressed) return;
        check(
          w.rows.filter((r) => r.suppressed).map((r) => r.id),
          (l, id) => (l.waiting ?? []).some((e) => e.kind === id),
        );
        for (const row of w.rows.filter((r): r is WaitKindRow => !r.suppressed && r.respondents > 0)) {
          const holderKey = (h: { department: string } | { level: string }) => JSON.stringify(h);
          const all = [
            ...new Set(
              ls.flatMap((l) => (l.waiting ?? []).filter((e) => e.kind === row.id).map((e) => holderKey(e.heldBy))),
            ),
          ];
          const shown = row.holders.map((c) => holderKey(c.heldBy));
          check(
            all.filter((h) => !shown.includes(h)),
            (l, h) => (l.waiting ?? []).some((e) => e.kind === row.id && holderKey(e.heldBy) === h),
          );
          for (const c of row.holders) expect(c.respondents).toBeGreaterThanOrEqual(k);
          if (all.length > shown.length) expect(row.days.median).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('hide the whole ledger while fewer than k named anything in it', () => {
    const report = tables(
      responsesWith(Array.from({ length: 4 }, () => ({ time: [{ category: 'rework', hoursPerWeek: 3 }] }))),
    );
    expect(report.time).toMatchObject({ suppressed: true, total: null });
    expect(report.time.rows.every((r) => r.suppressed)).toBe(true);
  });
});

describe('labels', () => {
  it.each([
    ['call me on +49 30 1234 5678 or 0151-23456789', 'call me on … or …'],
    ['write to anna.berg@acme.example', 'write to …'],
    ['the form at https://intranet.acme.example/x?y=1 and www.acme.com', 'the form at … and …'],
    ['see acme.com/forms', 'see …'],
    ['  month-end\tsign-off\n ', 'month-end sign-off'],
    ['3 days, 4 times a month', '3 days, 4 times a month'],
    ['anna@acme.com', null],
    ['', null],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanLabel(raw)).toBe(clean);
  });

  it('cuts long labels and keeps them well-formed', () => {
    const long = cleanLabel('x'.repeat(300))!;
    expect([...long]).toHaveLength(80);
    expect(cleanLabel('a\uD800b')).toBe('a\uFFFDb');
  });
});

describe('the fast ledger check', () => {
  it('says yes exactly when the detailed check finds nothing, for valid and broken ledgers alike', () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant(''),
      fc.constant('rework'),
      fc.constant('approval'),
      fc.constant('toString'),
      fc.constant('x'.repeat(201)),
      fc.double({ min: -5, max: 70 }),
      fc.integer({ min: -2, max: 61 }),
      fc.constantFrom(0.25, 30.5, 40.5, 50.5, 51, 60.5, 61),
      fc.constant({ level: 'boss' }),
      fc.constant({ department: 'Legal' }),
      fc.constant({ department: 'Sales', level: 'manager' }),
      fc.constant([]),
    );
    // A field of an entry (or of the ledger itself) replaced by junk, or an entry repeated.
    const edit = fc.record({
      ledger: fc.constantFrom('time', 'waiting', 'knowledge'),
      entry: fc.nat(2),
      field: fc.oneof(
        fc.constantFrom('category', 'hoursPerWeek', 'reason', 'label', 'kind', 'heldBy', 'days', 'timesPerMonth'),
        fc.constantFrom('checksPerWeek', 'sop'),
        fc.string({ maxLength: 8 }),
      ),
      value: junk,
      top: fc.boolean(),
    });
    // One thing wrong at a time, so that a check the fast path forgot shows as a disagreement.
    const broken = fc
      .tuple(ledgerArb, fc.oneof(edit, fc.constantFrom('time', 'waiting', 'knowledge')))
      .map(([ledger, change]) => {
        const l = JSON.parse(JSON.stringify(ledger)) as Record<string, unknown>;
        if (typeof change === 'string') {
          const list = l[change];
          if (Array.isArray(list) && list.length > 0 && list.length < 3) list.push(list[0]);
          return l;
        }
        const entries = l[change.ledger];
        if (Array.isArray(entries) && entries.length > 0 && !change.top) {
          (entries[change.entry % entries.length] as Record<string, unknown>)[change.field] = change.value;
        } else l[change.top ? change.field || change.ledger : change.ledger] = change.value;
        return l;
      });
    // Labels on (the generated ledgers carry some), and a second design with any category id and labels off.
    const labelled = { ...design, labels: true };
    const open = { ...design, openCategories: true, labels: false };
    fc.assert(
      fc.property(fc.oneof(ledgerArb, broken), fc.boolean(), (ledger, useOpen) => {
        const d = useOpen ? open : labelled;
        expect(ledgerFits(d, ledger)).toBe(ledgerIssues(d, ledger).length === 0);
      }),
      { numRuns: 1000 },
    );
  });
});
