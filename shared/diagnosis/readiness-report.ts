import type { Instrument, Level } from '../instrument';
import { ledgerIncisions, withLedgerIncisions } from '../ledger/incisions';
import type { LedgerReport } from '../ledger/ledger-report';
import type { ResolvedLedgerDesign } from '../ledger/types';
import type { OrgProfile } from '../profile';
import type { Diagnosis, DiagnosisCode, GroupReport, ReadinessReport } from '../report-model';
import { firstBreak, layerVerdicts, leadershipGap, weakLayers } from './layers';
import { recommendations } from './recommendations';
import { THRESHOLDS } from './thresholds';
import { TRAPS } from './traps';

export interface DiagnosisInput {
  instrument: Instrument;
  /** The anonymous workforce view. */
  workforce: GroupReport;
  /** The leadership view (same instrument, knowingly not anonymous); never mixed into the workforce scores. */
  leadership: GroupReport | null;
  /** Only the levels privacy allows to be shown. */
  byLevel: Partial<Record<Level, GroupReport>>;
  profile: OrgProfile | null;
  minGroupSize: number;
  /** The published ledger tables and the design they were asked with: recommendations then name its top entries. */
  ledger?: { report: LedgerReport; design: ResolvedLedgerDesign };
}

const TRAP_NAMES: Record<DiagnosisCode, string> = {
  cash_rich_trap: 'cash-rich trap',
  cash_poor_trap: 'cash-poor trap',
  boss_b_trap: 'Boss B trap',
  replacement_only: 'replacement-only pattern',
};

/** The workforce report plus the diagnosis: first break, traps with evidence and confidence, incisions, the gap. */
export function readinessReport(input: DiagnosisInput): ReadinessReport {
  const { workforce, minGroupSize } = input;
  const verdicts = layerVerdicts(workforce, minGroupSize);

  if (workforce.n < minGroupSize) {
    return {
      ...workforce,
      minGroupSize,
      diagnoses: [],
      firstBreak: null,
      recommendations: [],
      leadershipGap: null,
      layerVerdicts: verdicts,
      diagnosisNotes: [
        `Only ${workforce.n} ${workforce.n === 1 ? 'response' : 'responses'} so far; at least ${minGroupSize} are needed before anything is diagnosed.`,
      ],
    };
  }

  const notes: string[] = [];
  const diagnoses: Diagnosis[] = [];
  for (const trap of TRAPS) {
    const o = trap(input);
    if (o.status === 'unavailable') {
      notes.push(`The ${TRAP_NAMES[o.code]} was not checked: ${o.missing.join('; ')}.`);
    } else if (o.met && o.confidence >= THRESHOLDS.minConfidence) {
      diagnoses.push({ code: o.code, confidence: o.confidence, evidence: o.evidence, explanation: o.explanation });
    } else if (o.met) {
      notes.push(
        `The ${TRAP_NAMES[o.code]} pattern is present but not asserted: its confidence ${o.confidence.toFixed(2)} is below ${THRESHOLDS.minConfidence}.`,
      );
    }
  }
  // Most certain first; the fixed trap order breaks ties so the output never depends on float noise alone.
  diagnoses.sort((a, b) => b.confidence - a.confidence);

  const weak = weakLayers(verdicts);
  const borderline = Object.entries(verdicts)
    .filter(([, v]) => v === 'borderline')
    .map(([layer]) => layer);
  if (borderline.length > 0)
    notes.push(
      `Below ${THRESHOLDS.layerWeakBelow} but not clearly (the 95% interval reaches ${THRESHOLDS.layerWeakBelow}): ${borderline.join(', ')}. Watch these in the next wave.`,
    );

  return {
    ...workforce,
    minGroupSize,
    diagnoses,
    firstBreak: firstBreak(verdicts),
    recommendations: withLedgerIncisions(
      recommendations(weak, diagnoses),
      input.ledger ? ledgerIncisions(input.ledger.report, input.ledger.design) : null,
    ),
    leadershipGap: leadershipGap(workforce, input.leadership, minGroupSize),
    layerVerdicts: verdicts,
    diagnosisNotes: notes,
  };
}
