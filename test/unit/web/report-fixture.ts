import { CAPACITY_OPTIONS, LAYERS, type Layer, LIKERT_SIGNALS } from '../../../shared/instrument';
import type { ScaleScore } from '../../../shared/report-model';
import type { ReportModel } from '../../../web/report/render-report';

/** A scale score with a symmetric interval; overrides win. */
export function scale(score: number | null, overrides: Partial<ScaleScore> = {}): ScaleScore {
  return {
    score,
    ci95: score === null ? null : [Math.max(0, score - 6), Math.min(100, score + 6)],
    level: score === null ? null : ((Math.min(4, Math.floor(score / 20)) + 1) as 1 | 2 | 3 | 4 | 5),
    levelName:
      score === null
        ? null
        : ['Ad hoc', 'Patched', 'Defined', 'Managed', 'Rewritten'][Math.min(4, Math.floor(score / 20))]!,
    n: 40,
    dontKnowRate: 0.1,
    agreement: 0.62,
    alpha: 0.81,
    sd: 18,
    ...overrides,
  };
}

const LAYER_SCORES: Record<Layer, number> = {
  roles: 44,
  workflows: 38,
  knowledge: 31,
  responsibility: 36,
  governance: 52,
};

/** A full report as the API sends it; overrides replace top-level parts. */
export function makeReportModel(overrides: Partial<ReportModel> = {}): ReportModel {
  const layers = Object.fromEntries(LAYERS.map((l) => [l, scale(LAYER_SCORES[l])])) as Record<Layer, ScaleScore>;
  const signals = Object.fromEntries(LIKERT_SIGNALS.map((s, i) => [s, scale(30 + i * 7)]));
  const counts = Object.fromEntries(CAPACITY_OPTIONS.map((o, i) => [o, i === 4 ? 20 : 5]));
  const shares = Object.fromEntries(CAPACITY_OPTIONS.map((o, i) => [o, i === 4 ? 0.5 : 0.125]));
  return {
    campaign: { id: 'c1', orgId: 'o1', name: 'Acme — wave 1' },
    instrument: { id: 'orgos-core', version: '2026.1' },
    n: 40,
    minGroupSize: 5,
    layers,
    signals,
    capacityDecision: { n: 40, counts, shares } as ReportModel['capacityDecision'],
    quality: { flagged: 2, straightLining: 1, tooFast: 1, excluded: false },
    diagnoses: [
      {
        code: 'cash_rich_trap',
        confidence: 0.82,
        explanation: 'Money bought tools, but nobody decided what the freed hours are for.',
        evidence: [
          { source: 'signal:investment', value: 72, threshold: 60, comparison: '>=', met: true },
          { source: 'capacity:undecided', value: 0.5, threshold: 0.4, comparison: '>=', met: true },
          { source: 'layer:governance', value: 52, threshold: 50, comparison: '<', met: false, note: 'borderline' },
        ],
      },
    ],
    diagnosisNotes: ['The cash-poor trap was not checked: missing or too few respondents for profile.'],
    firstBreak: 'knowledge',
    layerVerdicts: {
      knowledge: 'weak',
      workflows: 'weak',
      responsibility: 'borderline',
      governance: 'sound',
      roles: 'borderline',
    },
    recommendations: [
      {
        layer: 'knowledge',
        ledger: 'knowledge',
        action: 'Start a knowledge ledger for the three judgments new hires ask about most.',
      },
      { layer: 'workflows', ledger: 'waiting', action: 'List the five longest waits in the main workflow.' },
    ],
    leadershipGap: { roles: 18.5, workflows: 22, knowledge: 25.1, responsibility: 12, governance: -3 },
    segments: {
      department: [
        {
          name: 'Sales',
          suppressed: false,
          n: 22,
          layers: Object.fromEntries(LAYERS.map((l) => [l, scale(LAYER_SCORES[l] + 5)])),
        },
        {
          name: 'Support',
          suppressed: false,
          n: 15,
          layers: Object.fromEntries(LAYERS.map((l) => [l, scale(LAYER_SCORES[l] - 4)])),
        },
        { name: 'Legal', suppressed: true },
      ],
      level: [
        {
          name: 'frontline',
          suppressed: false,
          n: 30,
          layers: Object.fromEntries(LAYERS.map((l) => [l, scale(LAYER_SCORES[l] - 2)])),
        },
        {
          name: 'manager',
          suppressed: false,
          n: 8,
          layers: Object.fromEntries(LAYERS.map((l) => [l, scale(LAYER_SCORES[l] + 9)])),
        },
        { name: 'executive', suppressed: true },
      ],
    },
    responseRate: 0.62,
    generatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
