import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_INCISIONS, readinessReport, TRAP_INCISIONS } from '../../../shared/diagnosis';
import { CASCADE, CORE_INSTRUMENT, LAYERS, type Layer, LIKERT_SIGNALS } from '../../../shared/instrument';
import type { Evidence } from '../../../shared/report-model';
import { cashPoorSpec, groupReport, shifted } from './group-report-fixture';

const holds = (e: Evidence): boolean =>
  e.comparison === '<'
    ? e.value < e.threshold
    : e.comparison === '<='
      ? e.value <= e.threshold
      : e.comparison === '>'
        ? e.value > e.threshold
        : e.value >= e.threshold;

const score = fc.double({ min: 0, max: 100, noNaN: true });
const scores = <K extends string>(keys: readonly K[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, score])) as Record<K, typeof score>);

const input = fc.record({
  n: fc.integer({ min: 1, max: 300 }),
  sd: fc.double({ min: 0, max: 40, noNaN: true }),
  layers: scores(LAYERS),
  signals: scores(LIKERT_SIGNALS),
  capacity: fc.record({
    profit: fc.integer({ min: 0, max: 10 }),
    customer_experience: fc.integer({ min: 0, max: 10 }),
    organisational_learning: fc.integer({ min: 0, max: 10 }),
    headcount_only: fc.integer({ min: 0, max: 10 }),
    undecided: fc.integer({ min: 1, max: 10 }),
  }),
  leadership: fc.option(
    fc.record({ shift: fc.double({ min: -30, max: 50, noNaN: true }), n: fc.integer({ min: 1, max: 6 }) }),
  ),
  minGroupSize: fc.integer({ min: 3, max: 10 }),
});

describe('readinessReport properties', () => {
  it('evidence says what it tested, first break follows the cascade, incisions follow the breaks', () => {
    fc.assert(
      fc.property(input, (x) => {
        const workforce = groupReport({ n: x.n, sd: x.sd, layers: x.layers, signals: x.signals, capacity: x.capacity });
        const leadership = x.leadership ? shifted(workforce, x.leadership.shift, x.leadership.n) : null;
        const args = {
          instrument: CORE_INSTRUMENT,
          workforce,
          leadership,
          byLevel: {},
          profile: null,
          minGroupSize: x.minGroupSize,
        };
        const r = readinessReport(args);
        expect(readinessReport(args)).toEqual(r);

        if (x.n < x.minGroupSize || r.diagnosisWithheld) {
          expect(r.diagnoses).toEqual([]);
          expect(r.firstBreak).toBeNull();
          expect(r.recommendations).toEqual([]);
          if (x.n >= x.minGroupSize) expect(r.findings?.[0]?.lead).toBe(true);
          return;
        }
        for (const d of r.diagnoses) {
          // Calibrated: from 0.5, and never certain.
          expect(d.confidence).toBeGreaterThanOrEqual(0.5);
          expect(d.confidence).toBeLessThan(1);
          expect(d.explanation.length).toBeGreaterThan(40);
          for (const lang of ['en', 'zh', 'de'] as const) expect(d.explanations?.[lang].length).toBeGreaterThan(20);
          for (const e of d.evidence) expect(e.met).toBe(holds(e));
        }
        // Cash-rich (no decision) and replacement-only (a decision for cost) never both.
        const found = r.diagnoses.map((d) => d.code);
        expect(found.includes('cash_rich_trap') && found.includes('replacement_only')).toBe(false);
        const weak = CASCADE.filter((l) => r.layerVerdicts?.[l] === 'weak');
        expect(r.firstBreak).toBe(r.weakTogether ? null : (weak[0] ?? null));
        for (const l of weak) {
          expect(workforce.layers[l].ci95![1]).toBeLessThan(50);
          expect(workforce.layers[l].score!).toBeLessThanOrEqual(45);
        }
        for (const l of LAYERS) {
          if (weak.includes(l) || r.layerVerdicts?.[l] === 'unknown') continue;
          const s = workforce.layers[l];
          expect(s.score! > 45 || s.ci95![1] >= 50).toBe(true);
        }
        // At most three incisions, none about the same thing; a diagnosed trap's own comes first.
        expect(r.recommendations.length).toBeLessThanOrEqual(3);
        const topics = r.recommendations.map((rec) => rec.topic);
        expect(new Set(topics).size).toBe(topics.length);
        if (r.diagnoses.length > 0) expect(r.recommendations[0]?.code).toBeDefined();
        const layerRecs = r.recommendations.filter((rec) => rec.layer !== null).map((rec) => rec.layer as Layer);
        expect(layerRecs).toEqual(weak.filter((l) => layerRecs.includes(l)));
        for (const rec of r.recommendations) {
          if (rec.code) expect(found).toContain(rec.code);
          for (const lang of ['en', 'zh', 'de'] as const) {
            expect(rec.actions?.[lang].length).toBeGreaterThan(20);
            expect(rec.because?.[lang].length).toBeGreaterThan(3);
          }
        }
        if (leadership) {
          for (const l of LAYERS) {
            const g = r.leadershipGap?.[l];
            if (g !== undefined) expect(g).toBeCloseTo(leadership.layers[l].score! - workforce.layers[l].score!, 1);
          }
        } else expect(r.leadershipGap).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('more respondents with the same scores never lower a diagnosis confidence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 150 }),
        fc.integer({ min: 1, max: 150 }),
        fc.double({ min: 5, max: 35, noNaN: true }),
        (n, extra, sd) => {
          const conf = (m: number) =>
            readinessReport({
              instrument: CORE_INSTRUMENT,
              workforce: groupReport({ ...cashPoorSpec(), n: m, sd }),
              leadership: null,
              byLevel: {},
              profile: null,
              minGroupSize: 5,
            }).diagnoses.find((d) => d.code === 'cash_poor_trap')?.confidence ?? 0;
          expect(conf(n + extra)).toBeGreaterThanOrEqual(conf(n));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every incision is one sentence of action', () => {
    const actions = [...Object.values(LAYER_INCISIONS), ...Object.values(TRAP_INCISIONS)].map((r) => r.action);
    for (const a of actions) {
      expect(a).toMatch(/^[A-Z][\s\S]*\.$/);
      expect(a.slice(0, -1)).not.toMatch(/[.!?](\s|$)/);
    }
  });
});
