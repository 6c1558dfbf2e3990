// The trap patterns from the essay, each a conjunction of criteria over the workforce report, the leadership view and
// the organisation profile, plus the Klarna human-exit finding. docs/METHOD.md §5.4 states each rule and why. A trap
// returns its evidence and the facts its explanation needs; the words are texts.ts's, in every report language.

import type { Flow } from '../account/types';
import { type Instrument, LAYERS, type Layer, type Level, type LikertSignal, signalItems } from '../instrument';
import type { LedgerReport } from '../ledger/ledger-report';
import type { OrgProfile } from '../profile';
import type { DiagnosisCode, Evidence, GroupReport, ScaleScore } from '../report-model';
import { type AccountEntries, accountRow } from './account-evidence';
import { type CapacityReading, capacityReading } from './capacity';
import {
  anyOf,
  type Basis,
  type Criterion,
  factMeasure,
  type Measure,
  type Row,
  round1,
  row,
  scaleMeasure,
  shareMeasure,
  single,
} from './criteria';
import { type EvidenceNotePart, part, withNote } from './evidence-notes';
import { bossWaitRow, corroborated, factsOf, knowledgeChecksRow, timeSinkRow } from './ledger-evidence';
import { registerRows } from './register-evidence';
import { THRESHOLDS as T } from './thresholds';

export interface TrapContext {
  instrument: Instrument;
  workforce: GroupReport;
  leadership: GroupReport | null;
  byLevel: Partial<Record<Level, GroupReport>>;
  profile: OrgProfile | null;
  minGroupSize: number;
  /** How scales are used as evidence (minimum respondents, finite-population correction); default: minGroupSize. */
  basis?: Basis;
  /** The published ledger tables (instruments with a ledger step): corroborating evidence (ledger-evidence.ts). */
  ledger?: { report: LedgerReport };
  /** The organisation's stage-two register (its flows, as recorded): corroborating evidence (register-evidence.ts). */
  register?: { flows: readonly Flow[] };
  /** The operating account's entries at the wave's close: corroborating evidence (account-evidence.ts). */
  account?: AccountEntries;
}

/** Why a trap could not be checked, as data (texts.ts words it). */
export type Missing =
  | { reason: 'no_leadership' }
  | { reason: 'few_layers'; layers: number; needed: number }
  | { reason: 'not_asked'; source: string }
  | { reason: 'too_few'; source: string; n: number; needed: number }
  | { reason: 'dont_know'; source: string; dontKnowRate: number };

/** Profile facts behind "high investment", for the explanation. */
export interface ProfileFacts {
  seatShare?: number;
  pilots?: number;
  trainingHours?: number;
  spend?: { currency: string; amount: number };
  /** Facts at their mark, and how many are needed. */
  met: number;
  required: number;
}

/** What each trap's explanation says, in numbers (texts.ts turns them into sentences). */
export type TrapFacts =
  | {
      code: 'cash_rich_trap';
      investment: number | null;
      profile: ProfileFacts | null;
      capacity: CapacityReading;
      vacuumBy: 'undecided' | 'fragmented';
      responsibility: number;
      governance: number;
    }
  | {
      code: 'cash_poor_trap';
      investment: number;
      activity: number;
      time: number;
      waiting: number;
      knowledge: number;
      impact: number;
    }
  | {
      code: 'boss_b_trap';
      meanGap: number;
      beyond: number;
      layers: number;
      activity: number;
      impact: number;
      leaders: number;
      managerGap: number | null;
    }
  | {
      code: 'replacement_only';
      capacity: CapacityReading;
      safeguards: number;
      governance: number;
      /** work_replaced (2026.2), else operating impact as its stand-in. */
      evidence: { signal: 'work_replaced' | 'operating_impact'; value: number };
    }
  | {
      code: 'human_exit_missing';
      safeguards: number;
      /** Per safeguard item, its score where it may be shown. */
      items: { reach: number | null; escalate: number | null; restaff: number | null };
      capacity: CapacityReading | null;
    };

export type TrapOutcome =
  | { code: DiagnosisCode; status: 'unavailable'; missing: Missing[] }
  | {
      code: DiagnosisCode;
      status: 'evaluated';
      /** Every criterion met (before the confidence floor). */
      met: boolean;
      /** Product of the criteria's supports, 0..1: the raw joint support, before calibration. */
      support: number;
      evidence: Evidence[];
      facts: TrapFacts | null;
    };

class Inputs {
  readonly missing: Missing[] = [];
  readonly basis: Basis;
  constructor(readonly ctx: TrapContext) {
    this.basis = ctx.basis ?? { minN: ctx.minGroupSize };
  }

  measure(source: string, scale: ScaleScore): Measure | null {
    const m = scaleMeasure(scale, this.basis);
    if (m) return m;
    const needed = Math.max(this.basis.minN, 2);
    // Nobody could say: a finding of its own (findings.ts), and the honest reason here.
    if (scale.dontKnowRate >= T.dontKnowInvisible)
      this.missing.push({ reason: 'dont_know', source, dontKnowRate: scale.dontKnowRate });
    else this.missing.push({ reason: 'too_few', source, n: scale.n, needed });
    return null;
  }

  layer(layer: Layer): Measure | null {
    return this.measure(`layer:${layer}`, this.ctx.workforce.layers[layer]);
  }

  signal(signal: LikertSignal, required = true): Measure | null {
    const scale = this.ctx.workforce.signals[signal];
    if (!scale) {
      if (required) this.missing.push({ reason: 'not_asked', source: `signal:${signal}` });
      return null;
    }
    if (!required) return scaleMeasure(scale, this.basis);
    return this.measure(`signal:${signal}`, scale);
  }

  capacity(): CapacityReading | null {
    const reading = capacityReading(this.ctx.instrument, this.ctx.workforce);
    const needed = Math.max(this.basis.minN, 2);
    if (reading.n < needed) {
      this.missing.push({ reason: 'too_few', source: 'signal:capacity_decision', n: reading.n, needed });
      return null;
    }
    if (reading.undecidedFrom === 'capacity_decided' && reading.undecidedN < needed) {
      this.missing.push({ reason: 'too_few', source: 'signal:capacity_decided', n: reading.undecidedN, needed });
      return null;
    }
    return reading;
  }
}

function outcome(
  code: DiagnosisCode,
  inputs: Inputs,
  criteria: Criterion[],
  info: Evidence[],
  facts: () => TrapFacts,
): TrapOutcome {
  if (inputs.missing.length > 0) return { code, status: 'unavailable', missing: dedupe(inputs.missing) };
  const met = criteria.every((c) => c.met);
  const support = met ? criteria.reduce((p, c) => p * c.support, 1) : 0;
  return {
    code,
    status: 'evaluated',
    met,
    support,
    evidence: [...criteria.flatMap((c) => c.rows.map((r) => r.evidence)), ...info],
    facts: met ? facts() : null,
  };
}

function dedupe(missing: Missing[]): Missing[] {
  const seen = new Set<string>();
  return missing.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const scoreRow = (
  source: string,
  m: Measure,
  threshold: number,
  comparison: Evidence['comparison'],
  note: EvidenceNotePart[] = [],
) => row(source, m, threshold, comparison, 'score', note);

// ---- profile facts -------------------------------------------------------------------------------------------------

interface ProfileInvestment {
  rows: Row[];
  facts: ProfileFacts;
}

/** High investment from the profile: at least two facts at their mark, or the only fact given. Null when none given. */
export function profileInvestment(profile: OrgProfile | null): ProfileInvestment | null {
  if (!profile) return null;
  const P = T.profile;
  const rows: Row[] = [];
  const facts: Omit<ProfileFacts, 'met' | 'required'> = {};
  const total = profile.headcount?.total;
  if (profile.seats !== undefined && total) {
    const r = row('profile:seat_coverage', factMeasure(profile.seats / total), P.seatCoverage, '>=', 'share');
    withNote(r.evidence, [part('paid_seats', { seats: profile.seats, people: total })]);
    rows.push(r);
    facts.seatShare = profile.seats / total;
  }
  if (profile.pilots !== undefined) {
    rows.push(row('profile:pilots', factMeasure(profile.pilots), P.pilots, '>=', 'fact'));
    facts.pilots = profile.pilots;
  }
  if (profile.trainingHoursPerEmployee !== undefined) {
    const h = profile.trainingHoursPerEmployee;
    rows.push(row('profile:training_hours_per_employee', factMeasure(h), P.trainingHours, '>=', 'fact'));
    facts.trainingHours = h;
  }
  if (profile.aiSpendPerEmployee !== undefined && profile.currency && P.spendCurrencies.includes(profile.currency)) {
    const s = profile.aiSpendPerEmployee;
    const r = row('profile:ai_spend_per_employee', factMeasure(s), P.spendPerEmployee, '>=', 'fact');
    withNote(r.evidence, [part('per_employee_year', { currency: profile.currency })]);
    rows.push(r);
    facts.spend = { currency: profile.currency, amount: Math.round(s) };
  }
  if (rows.length === 0) return null;
  return {
    rows,
    facts: {
      ...facts,
      met: rows.filter((f) => f.evidence.met).length,
      required: rows.length === 1 ? 1 : 2,
    },
  };
}

function profileSummaryRow(p: ProfileInvestment, comparison: '>=' | '<'): Row {
  const r = row('profile:investment_facts', factMeasure(p.facts.met), p.facts.required, comparison, 'fact');
  withNote(r.evidence, [part('investment_facts', { given: p.rows.length })]);
  return r;
}

// ---- the capacity rows, shared so that every trap reads the same numbers -------------------------------------------

function undecidedRow(c: CapacityReading, comparison: '>=' | '<'): Row {
  const source = c.undecidedFrom === 'capacity_decided' ? 'capacity_decided:not_told' : 'capacity:undecided';
  return row(
    source,
    shareMeasure(c.undecided, c.undecidedN, T.undecidedShareHigh),
    T.undecidedShareHigh,
    comparison,
    'share',
    c.undecidedFrom === 'capacity_decided' ? [part('not_told')] : [],
  );
}

// ---- cash-rich -----------------------------------------------------------------------------------------------------

export function cashRichTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const profile = profileInvestment(ctx.profile);
  const investment = inp.signal('investment', profile === null);
  const capacity = inp.capacity();
  const resp = inp.layer('responsibility');
  const gov = inp.layer('governance');
  if (inp.missing.length > 0 || !capacity || !resp || !gov)
    return { code: 'cash_rich_trap', status: 'unavailable', missing: dedupe(inp.missing) };

  const investRows: Row[] = [];
  if (investment) investRows.push(scoreRow('signal:investment', investment, T.signalHigh, '>='));
  if (profile) investRows.push(profileSummaryRow(profile, '>='));

  // No decision: two in five cannot name one, or no direction (by meaning) is named by two in five. Either excludes
  // replacement-only, which needs a decision and half naming cost (capacity.ts tells one story from both).
  const undecided = undecidedRow(capacity, '>=');
  const topShare = capacity.top?.share ?? 0;
  const topRow = row(
    'capacity:top_destination',
    shareMeasure(topShare, capacity.n, T.topDecidedShareLow),
    T.topDecidedShareLow,
    '<',
    'share',
    [part('top_direction', { meaning: capacity.top?.meaning ?? 'none' })],
  );

  const criteria = [
    anyOf(investRows),
    anyOf([undecided, topRow]),
    single(scoreRow('layer:responsibility', resp, T.layerWeakBelow, '<')),
    single(scoreRow('layer:governance', gov, T.layerWeakBelow, '<')),
  ];
  const info = profile ? profile.rows.map((f) => f.evidence) : [];

  return outcome('cash_rich_trap', inp, criteria, info, () => ({
    code: 'cash_rich_trap',
    investment: investment && investRows[0]?.evidence.met ? investment.value : null,
    profile: profile && profile.facts.met >= profile.facts.required ? profile.facts : null,
    capacity,
    vacuumBy: undecided.evidence.met ? 'undecided' : 'fragmented',
    responsibility: resp.value,
    governance: gov.value,
  }));
}

// ---- cash-poor -----------------------------------------------------------------------------------------------------

export function cashPoorTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const investment = inp.signal('investment');
  const activity = inp.signal('activity');
  const time = inp.signal('time_ledger');
  const waiting = inp.signal('waiting_ledger');
  const knowledge = inp.signal('knowledge_ledger');
  const impact = inp.signal('operating_impact');
  if (!investment || !activity || !time || !waiting || !knowledge || !impact)
    return { code: 'cash_poor_trap', status: 'unavailable', missing: dedupe(inp.missing) };
  const profile = profileInvestment(ctx.profile);
  const ledger = factsOf(ctx.ledger?.report);

  const criteria = [
    single(scoreRow('signal:investment', investment, T.signalLow, '<')),
    single(scoreRow('signal:activity', activity, T.signalHigh, '>=')),
    single(scoreRow('signal:time_ledger', time, T.signalLow, '<')),
    single(scoreRow('signal:waiting_ledger', waiting, T.signalLow, '<')),
    // Knowledge still checked with senior staff, often: what "no knowledge ledger" costs, from the respondents' own.
    corroborated(scoreRow('signal:knowledge_ledger', knowledge, T.signalLow, '<'), knowledgeChecksRow(ledger)),
    // Activity mistaken for progress: nothing got shorter while large time sinks stand, as the respondents logged them,
    // and nothing on leadership's account had freed capacity by the close.
    corroborated(
      scoreRow('signal:operating_impact', impact, T.signalLow, '<'),
      timeSinkRow(ledger),
      accountRow(ctx.account),
    ),
  ];
  // Staff may not see spend that the profile shows; a profile that says "heavy investment" vetoes "cash-poor".
  if (profile) criteria.push(single(profileSummaryRow(profile, '<')));

  return outcome('cash_poor_trap', inp, criteria, [], () => ({
    code: 'cash_poor_trap',
    investment: investment.value,
    activity: activity.value,
    time: time.value,
    waiting: waiting.value,
    knowledge: knowledge.value,
    impact: impact.value,
  }));
}

// ---- boss B --------------------------------------------------------------------------------------------------------

/** Managers minus frontline, mean over the layers both score (published level groups only), or null. */
export function managerFrontlineGap(ctx: TrapContext): { gap: number; layers: number } | null {
  const manager = ctx.byLevel.manager;
  const frontline = ctx.byLevel.frontline;
  if (!manager || !frontline || manager.n < ctx.minGroupSize || frontline.n < ctx.minGroupSize) return null;
  const gaps: number[] = [];
  for (const layer of LAYERS) {
    const u = scaleMeasure(manager.layers[layer], ctx.minGroupSize);
    const l = scaleMeasure(frontline.layers[layer], ctx.minGroupSize);
    if (u && l) gaps.push(u.value - l.value);
  }
  return gaps.length === 0 ? null : { gap: gaps.reduce((a, b) => a + b, 0) / gaps.length, layers: gaps.length };
}

export function bossBTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const leadership = ctx.leadership;
  if (!leadership || leadership.n === 0) inp.missing.push({ reason: 'no_leadership' });
  const activity = inp.signal('activity');
  const impact = inp.signal('operating_impact');

  const perLayer: { layer: Layer; gap: number; halfWidth: number; row: Row; se: number; df: number }[] = [];
  if (leadership && leadership.n > 0) {
    for (const layer of LAYERS) {
      const w = scaleMeasure(ctx.workforce.layers[layer], inp.basis);
      const lead = leadership.layers[layer];
      if (!w || lead.score === null || !w.ci) continue;
      // The leaders' own answer noise: each leader's scale mean misses their view by the share of a respondent's
      // variance that is noise, (1 − reliability) · sd², estimated from the workforce (same items, same scale); a
      // team of L leaders averages it down by L. The leaders are the whole leadership, so no sampling term.
      const reliability = ctx.workforce.layers[layer].alpha ?? T.defaultReliability;
      const sd = ctx.workforce.layers[layer].sd ?? 0;
      const leaderVariance = ((1 - Math.min(1, Math.max(0, reliability))) * sd * sd) / Math.max(1, lead.n);
      const se = Math.sqrt(w.se * w.se + leaderVariance);
      const df = w.df;
      const halfWidth = 1.96 * se;
      const r = row(
        `gap:${layer}`,
        { value: lead.score - w.value, se, df, n: w.n, ci: null },
        round1(halfWidth),
        '>',
        'score',
        [
          part('leadership_vs_workforce', { leadership: round1(lead.score), workforce: round1(w.value) }),
          part('gap_half_width'),
          part('per_layer_detail'),
        ],
      );
      perLayer.push({ layer, gap: lead.score - w.value, halfWidth, row: r, se, df });
    }
    if (perLayer.length < T.layersBeyondInterval)
      inp.missing.push({ reason: 'few_layers', layers: perLayer.length, needed: T.layersBeyondInterval });
  }
  if (inp.missing.length > 0 || !activity || !impact)
    return { code: 'boss_b_trap', status: 'unavailable', missing: dedupe(inp.missing) };

  const k = perLayer.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanGap = mean(perLayer.map((p) => p.gap));
  const meanHalfWidth = mean(perLayer.map((p) => p.halfWidth));
  // The SE of a mean of correlated layer gaps is at most the mean of their SEs (equal when perfectly correlated).
  const gapMeasure: Measure = {
    value: meanGap,
    se: mean(perLayer.map((p) => p.se)),
    df: Math.min(...perLayer.map((p) => p.df)),
    n: ctx.workforce.n,
    ci: null,
  };
  const gapThreshold = round1(Math.max(T.leadershipGapMin, meanHalfWidth));
  const gapRow = row('gap:mean', gapMeasure, gapThreshold, '>', 'score', [
    part('leadership_gap_mean', { layers: k }),
    part('leadership_gap_threshold', { minimum: T.leadershipGapMin, halfWidth: round1(meanHalfWidth) }),
  ]);
  const beyond = perLayer.filter((p) => p.row.evidence.met).length;
  const countRow = row('gap:layers_beyond_ci', factMeasure(beyond), T.layersBeyondInterval, '>=', 'fact');
  withNote(countRow.evidence, [part('layers_beyond_half_width', { layers: k })]);

  const criteria = [
    single(gapRow),
    single(countRow),
    single(scoreRow('signal:activity', activity, T.signalHigh, '>=')),
    // "The operating numbers have not moved … the boss is still personally unblocking jams every week": the waits
    // respondents logged are the boss's decisions.
    corroborated(
      scoreRow('signal:operating_impact', impact, T.signalLow, '<'),
      bossWaitRow(factsOf(ctx.ledger?.report)),
    ),
  ];
  const info = perLayer.map((p) => p.row.evidence);
  const levelGap = managerFrontlineGap(ctx);
  if (levelGap) {
    const r = row('gap:manager-frontline', factMeasure(levelGap.gap), T.levelGapNotable, '>', 'score');
    withNote(r.evidence, [
      part('manager_frontline', {
        layers: levelGap.layers,
        managers: ctx.byLevel.manager!.n,
        frontline: ctx.byLevel.frontline!.n,
      }),
      part('shown_not_required'),
    ]);
    info.push(r.evidence);
  }

  return outcome('boss_b_trap', inp, criteria, info, () => ({
    code: 'boss_b_trap',
    meanGap,
    beyond,
    layers: k,
    activity: activity.value,
    impact: impact.value,
    leaders: leadership!.n,
    managerGap: levelGap && levelGap.gap > T.levelGapNotable ? levelGap.gap : null,
  }));
}

// ---- replacement-only ----------------------------------------------------------------------------------------------

export function replacementOnlyTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const capacity = inp.capacity();
  const safeguards = inp.signal('human_safeguards');
  const gov = inp.layer('governance');
  // Replacement needs a replacement: staff saying AI took over work people did (2026.2), or, where the instrument
  // never asked (2026.1), operating impact at least at the midpoint (a workflow got shorter, a wait went away).
  const asked = ctx.workforce.signals.work_replaced !== undefined;
  const replaced = asked ? inp.signal('work_replaced') : inp.signal('operating_impact');
  if (!capacity || !safeguards || !gov || !replaced)
    return { code: 'replacement_only', status: 'unavailable', missing: dedupe(inp.missing) };

  const cost = capacity.shares.cost;
  const people = capacity.shares.growth + capacity.shares.learning;
  const register = registerRows(ctx.register?.flows);
  const criteria = [
    // A decision was made: the other side of cash-rich's vacuum, read from the same answers.
    single(undecidedRow(capacity, '<')),
    single(
      row('capacity:cost', shareMeasure(cost, capacity.n, T.costShareDominant), T.costShareDominant, '>=', 'share'),
    ),
    single(
      row(
        'capacity:growth+learning',
        shareMeasure(people, capacity.n, T.peopleShareLow),
        T.peopleShareLow,
        '<',
        'share',
      ),
    ),
    single(
      asked
        ? scoreRow('signal:work_replaced', replaced, T.workReplacedHigh, '>=')
        : scoreRow('signal:operating_impact', replaced, T.impactProxyAtLeast, '>=', [part('stands_in_for_replaced')]),
    ),
    // Flows without a human exit or without an owner of the re-staffing trigger: the safeguards staff miss, on record.
    corroborated(
      scoreRow('signal:human_safeguards', safeguards, T.signalLow, '<'),
      register.noHumanExit,
      register.noTriggerOwner,
    ),
    // Flows with no quality signal that has a threshold: nothing would trip a rollback.
    corroborated(
      scoreRow('layer:governance', gov, T.layerWeakBelow, '<', [part('rollback_layer')]),
      register.noThreshold,
    ),
  ];

  return outcome('replacement_only', inp, criteria, register.pastThreshold, () => ({
    code: 'replacement_only',
    capacity,
    safeguards: safeguards.value,
    governance: gov.value,
    evidence: { signal: asked ? 'work_replaced' : 'operating_impact', value: replaced.value },
  }));
}

// ---- the human exit (Klarna's lesson) --------------------------------------------------------------------------------

/** The safeguard items by what they ask, whichever version's wording (2026.2 reworded the re-staffing one). */
const SAFEGUARD_ITEMS: Record<string, 'reach' | 'escalate' | 'restaff'> = {
  sig_human_exit: 'reach',
  sig_sensitive_escalate: 'escalate',
  sig_restaff_owner: 'restaff',
  sig_restaff_known: 'restaff',
};

/**
 * Customers cannot reliably reach a person: human safeguards low, whatever freed capacity is said to be for. Klarna's
 * customers got faster answers too; the lesson (customers must always reach a human, complex, emotional, money and
 * credit cases escalate, someone owns the re-staffing threshold) does not depend on the destination.
 */
export function humanExitTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const safeguards = inp.signal('human_safeguards');
  // AI is in the work at all: work taken over not low (2026.2), or where that was never asked (2026.1), operating
  // impact not low. A company whose AI stays on individual desks has no chat that customers cannot get out of.
  const asked = ctx.workforce.signals.work_replaced !== undefined;
  const inWork = asked ? inp.signal('work_replaced') : inp.signal('operating_impact');
  if (!safeguards || !inWork)
    return { code: 'human_exit_missing', status: 'unavailable', missing: dedupe(inp.missing) };
  const register = registerRows(ctx.register?.flows);
  const criteria = [
    // The three safeguards in leadership's record: a way to a person, someone adjudicating, an owner of re-staffing.
    corroborated(
      scoreRow('signal:human_safeguards', safeguards, T.signalLow, '<'),
      register.noHumanExit,
      register.noAdjudicator,
      register.noTriggerOwner,
    ),
    single(
      asked
        ? scoreRow('signal:work_replaced', inWork, T.signalLow, '>=', [part('ai_in_work')])
        : scoreRow('signal:operating_impact', inWork, T.signalLow, '>=', [part('ai_in_work_2026_1')]),
    ),
  ];
  const items: { reach: number | null; escalate: number | null; restaff: number | null } = {
    reach: null,
    escalate: null,
    restaff: null,
  };
  const info: Evidence[] = [];
  for (const item of signalItems(ctx.instrument, 'human_safeguards')) {
    const kind = SAFEGUARD_ITEMS[item.id];
    const s = ctx.workforce.items?.[item.id];
    if (!kind || !s || s.score === null || s.n < Math.max(inp.basis.minN, 2)) continue;
    items[kind] = s.score;
    const r = row(`item:${item.id}`, factMeasure(s.score), T.signalLow, '<', 'score');
    withNote(r.evidence, [part('n', { n: s.n }), part('per_item_shown')]);
    info.push(r.evidence);
  }
  const reading = capacityReading(ctx.instrument, ctx.workforce);
  return outcome('human_exit_missing', inp, criteria, info, () => ({
    code: 'human_exit_missing',
    safeguards: safeguards.value,
    items,
    capacity: reading.n >= inp.basis.minN ? reading : null,
  }));
}

export const TRAPS: readonly ((ctx: TrapContext) => TrapOutcome)[] = [
  cashRichTrap,
  cashPoorTrap,
  bossBTrap,
  replacementOnlyTrap,
  humanExitTrap,
];
