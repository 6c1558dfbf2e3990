import type { Flow } from '../account/types';
import { CASCADE, type Instrument, LAYERS, type Layer, type Level } from '../instrument';
import { ledgerIncisions, withLedgerIncisions } from '../ledger/incisions';
import type { LedgerReport } from '../ledger/ledger-report';
import type { ResolvedLedgerDesign } from '../ledger/types';
import type { OrgProfile } from '../profile';
import type {
  Diagnosis,
  DiagnosisCode,
  Evidence,
  Finding,
  GroupReport,
  LevelGap,
  Note,
  ReadinessReport,
  Recommendation,
} from '../report-model';
import type { AccountEntries } from './account-evidence';
import { calibratedConfidence, confidenceWord } from './calibration';
import { disjointDifference } from './differences';
import { part, withNote } from './evidence-notes';
import { carelessFinding, invisibleFinding, polarisedFindings } from './findings';
import { firstBreak, indistinguishable, layerVerdicts, leadershipGap, weakLayers } from './layers';
import { diagnosisBasis, diagnosisMinimum } from './minimum';
import { MAX_RECOMMENDATIONS, recommendations } from './recommendations';
import {
  borderlineNote,
  explain,
  finding,
  localize,
  notAssertedNote,
  notCheckedNote,
  severalWeakText,
  tooFewText,
} from './texts';
import { THRESHOLDS } from './thresholds';
import { TRAPS, type TrapFacts } from './traps';

export interface DiagnosisInput {
  instrument: Instrument;
  /** The anonymous workforce view. */
  workforce: GroupReport;
  /** The leadership view (same instrument, knowingly not anonymous); never mixed into the workforce scores. */
  leadership: GroupReport | null;
  /** Only the levels privacy allows to be shown. */
  byLevel: Partial<Record<Level, GroupReport>>;
  /** Only the departments privacy allows to be shown, with their layers as published (for polarisation). */
  byDepartment?: Readonly<Record<string, GroupReport>>;
  profile: OrgProfile | null;
  minGroupSize: number;
  /**
   * Incisions from the respondents' ledgers (issue 10: "Approvals held by Finance: … remove this wait first"), already
   * worded; each takes a slot after the diagnosed traps' own.
   */
  ledgerIncisions?: readonly Recommendation[];
  /** The diagnosis minimum (THRESHOLDS.diagnosisMinN unless given: the simulation that chooses it runs with others). */
  diagnosisMinN?: number;
  /** The published ledger tables and the design they were asked with: recommendations then name its top entries. */
  ledger?: { report: LedgerReport; design: ResolvedLedgerDesign };
  /**
   * The organisation's stage-two register (issue 11): its flows corroborate the replacement-only diagnosis
   * (register-evidence.ts). Absent, or without a live flow: the diagnosis rests on the survey alone.
   */
  register?: { flows: readonly Flow[] };
  /**
   * The operating account's entries at the wave's close (issue 10): none of them having freed capacity corroborates
   * the cash-poor diagnosis (account-evidence.ts). Absent, or no entry on the account: no row.
   */
  account?: AccountEntries;
}

/** Managers minus frontline per layer (both published and at the minimum), with simultaneous intervals. */
export function levelGapOf(byLevel: Partial<Record<Level, GroupReport>>, minGroupSize: number): LevelGap | null {
  const upper = byLevel.manager;
  const lower = byLevel.frontline;
  if (!upper || !lower || upper.n < minGroupSize || lower.n < minGroupSize) return null;
  const scored = LAYERS.filter(
    (l) =>
      upper.layers[l].score !== null &&
      lower.layers[l].score !== null &&
      upper.layers[l].n >= minGroupSize &&
      lower.layers[l].n >= minGroupSize,
  );
  const layers: LevelGap['layers'] = {};
  for (const l of scored) {
    const d = disjointDifference(upper.layers[l], lower.layers[l], scored.length);
    if (d) layers[l] = d;
  }
  const values = Object.values(layers).map((d) => d.value);
  if (values.length === 0) return null;
  return {
    upper: 'manager',
    lower: 'frontline',
    n: { upper: upper.n, lower: lower.n },
    layers,
    mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
  };
}

const NO_VERDICTS = Object.fromEntries(LAYERS.map((l) => [l, 'unknown'])) as Record<Layer, 'unknown'>;

/** The workforce report plus the diagnosis: findings, first break, traps with evidence and confidence, incisions. */
export function readinessReport(input: DiagnosisInput): ReadinessReport {
  const { workforce, minGroupSize, instrument } = input;

  if (workforce.n < minGroupSize) {
    const text = localize(
      (lang) =>
        ({
          en: `Only ${workforce.n} ${workforce.n === 1 ? 'response' : 'responses'} so far; at least ${minGroupSize} are needed before anything is diagnosed.`,
          zh: `目前只有${workforce.n}份回答；至少需要${minGroupSize}份才能做任何诊断。`,
          de: `Bisher ${workforce.n} ${workforce.n === 1 ? 'Antwort' : 'Antworten'}; mindestens ${minGroupSize} sind nötig, bevor etwas diagnostiziert wird.`,
        })[lang],
    );
    return {
      ...workforce,
      minGroupSize,
      diagnoses: [],
      firstBreak: null,
      recommendations: [],
      leadershipGap: null,
      layerVerdicts: { ...NO_VERDICTS },
      diagnosisNotes: [text.en],
      notes: [{ code: 'diagnosis_withheld', text }],
      findings: [],
      diagnosisWithheld: 'too_few_responses',
      levelGap: null,
    };
  }

  const findings: Finding[] = [];
  const notes: Note[] = [];
  const required = input.diagnosisMinN ?? THRESHOLDS.diagnosisMinN;
  const minimum = diagnosisMinimum(workforce.n, input.profile, required);
  const basis = diagnosisBasis(minGroupSize, input.profile, workforce.n, required);
  const careless = carelessFinding(workforce);
  if (careless.finding) findings.push(careless.finding);
  const invisible = invisibleFinding(instrument, workforce);
  if (invisible) findings.push(invisible);
  const gap = leadershipGap(workforce, input.leadership, minGroupSize);
  const levelGap = levelGapOf(input.byLevel, minGroupSize);

  const withheld: ReadinessReport['diagnosisWithheld'] = !minimum.met
    ? 'too_few_responses'
    : careless.effect === 'withheld'
      ? 'flagged_responses'
      : null;
  if (withheld) {
    if (withheld === 'too_few_responses')
      findings.unshift(
        finding(
          'too_few_to_diagnose',
          true,
          tooFewText(workforce.n, minimum.required, minimum.headcount, minimum.effectiveN),
          [
            withNote<Evidence>(
              {
                source: 'workforce:effective_n',
                value: Math.round(minimum.effectiveN * 10) / 10,
                threshold: minimum.required,
                comparison: '>=',
                met: false,
              },
              [
                minimum.headcount === null
                  ? part('n', { n: workforce.n })
                  : part('n_of_headcount', { n: workforce.n, headcount: minimum.headcount }),
              ],
            ),
          ],
        ),
      );
    return {
      ...workforce,
      minGroupSize,
      diagnoses: [],
      firstBreak: null,
      // No diagnosis, but what the respondents put in their ledgers stands on its own (each row at the minimum).
      recommendations: withLedgerIncisions(
        [],
        input.ledger ? ledgerIncisions(input.ledger.report, input.ledger.design) : null,
        MAX_RECOMMENDATIONS,
      ),
      leadershipGap: gap,
      layerVerdicts: { ...NO_VERDICTS },
      diagnosisNotes: [],
      notes,
      findings: sortFindings(findings),
      diagnosisMinimum: minimum,
      diagnosisWithheld: withheld,
      levelGap,
    };
  }

  const ctx = { ...input, basis };
  const asserted: { diagnosis: Diagnosis; facts: TrapFacts }[] = [];
  for (const trap of TRAPS) {
    const o = trap(ctx);
    if (o.status === 'unavailable') {
      notes.push({ code: 'not_checked', about: o.code, text: notCheckedNote(o.code, o.missing, instrument) });
    } else if (o.met && o.facts && o.support >= THRESHOLDS.minConfidence) {
      const confidence = calibratedConfidence(o.support);
      const explanations = localize((lang) => explain(o.facts!, instrument, lang));
      const word = confidenceWord(confidence);
      asserted.push({
        facts: o.facts,
        diagnosis: {
          code: o.code,
          confidence,
          evidence: o.evidence,
          explanation: explanations.en,
          support: Math.round(o.support * 1000) / 1000,
          ...(word === 'about_even' ? {} : { likelihood: word }),
          explanations,
          ...(careless.effect === 'caution' ? { caution: 'flagged_responses' as const } : {}),
        },
      });
    } else if (o.met) {
      const c = Math.round(o.support * 100) / 100;
      notes.push({ code: 'not_asserted', about: o.code, text: notAssertedNote(o.code, c, THRESHOLDS.minConfidence) });
    }
  }
  // Most certain first; the fixed trap order breaks ties (a stable sort) so float noise alone never reorders.
  asserted.sort((a, b) => b.diagnosis.confidence - a.diagnosis.confidence);
  const diagnoses = asserted.map((a) => a.diagnosis);

  const verdicts = layerVerdicts(workforce, basis);
  const clearlyWeak = weakLayers(verdicts);
  // A borderline layer earlier in the cascade than the first weak one may be where the chain breaks: when it cannot be
  // told apart from the weak ones, they are reported together rather than the later layer named alone.
  const first = clearlyWeak[0];
  const earlier = first ? CASCADE.slice(0, CASCADE.indexOf(first)).filter((l) => verdicts[l] === 'borderline') : [];
  const candidates = CASCADE.filter((l) => clearlyWeak.includes(l) || earlier.includes(l));
  const together = indistinguishable(workforce, candidates, basis);
  const weak = together ? candidates : clearlyWeak;
  if (together)
    findings.push(
      finding(
        'several_weak_layers',
        false,
        severalWeakText(
          weak.map((layer) => ({ layer, score: workforce.layers[layer].score! })),
          weak[0]!,
          instrument,
        ),
        weak.map((layer) =>
          withNote<Evidence>(
            {
              source: `layer:${layer}`,
              value: Math.round(workforce.layers[layer].score! * 10) / 10,
              threshold: THRESHOLDS.layerWeakBelow,
              comparison: '<',
              met: true,
            },
            [part('within_noise', { verdict: verdicts[layer] as 'weak' | 'borderline' })],
          ),
        ),
      ),
    );
  const borderline = LAYERS.filter((l) => verdicts[l] === 'borderline');
  if (borderline.length > 0)
    notes.push({ code: 'borderline', text: borderlineNote(borderline, instrument, THRESHOLDS.layerWeakMargin) });
  if (input.byDepartment) findings.push(...polarisedFindings(instrument, workforce, input.byDepartment));

  return {
    ...workforce,
    minGroupSize,
    diagnoses,
    firstBreak: firstBreak(verdicts, together),
    // An action about a ledger ("start the waiting ledger") names that ledger's costliest published row instead
    // (docs/METHOD.md §9.5).
    recommendations: withLedgerIncisions(
      recommendations({
        instrument,
        workforce,
        diagnoses: asserted.map((a) => ({ code: a.diagnosis.code, facts: a.facts })),
        weak,
        together,
        ...(input.ledgerIncisions ? { ledger: input.ledgerIncisions } : {}),
      }),
      input.ledger ? ledgerIncisions(input.ledger.report, input.ledger.design) : null,
      MAX_RECOMMENDATIONS,
    ),
    leadershipGap: gap,
    layerVerdicts: verdicts,
    diagnosisNotes: notes.map((n) => n.text.en),
    notes,
    findings: sortFindings(findings),
    diagnosisMinimum: minimum,
    diagnosisWithheld: null,
    ...(together ? { weakTogether: weak } : {}),
    levelGap,
  };
}

/** Lead findings first, each group in the order found. */
const sortFindings = (findings: Finding[]): Finding[] => [
  ...findings.filter((f) => f.lead),
  ...findings.filter((f) => !f.lead),
];

export type { DiagnosisCode };
