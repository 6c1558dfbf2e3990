// The four trap patterns from the essay, each a conjunction of criteria over the workforce report, the leadership
// view and the organisation profile. docs/METHOD.md states each rule and why.

import { type Instrument, LAYERS, type Layer, type Level, type LikertSignal } from '../instrument';
import type { OrgProfile } from '../profile';
import type { DiagnosisCode, Evidence, GroupReport } from '../report-model';
import { type CapacityByMeaning, capacityByMeaning } from './capacity';
import {
  anyOf,
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
import { THRESHOLDS as T } from './thresholds';

export interface TrapContext {
  instrument: Instrument;
  workforce: GroupReport;
  leadership: GroupReport | null;
  byLevel: Partial<Record<Level, GroupReport>>;
  profile: OrgProfile | null;
  minGroupSize: number;
}

export type TrapOutcome =
  | { code: DiagnosisCode; status: 'unavailable'; missing: string[] }
  | {
      code: DiagnosisCode;
      status: 'evaluated';
      /** Every criterion met (before the confidence floor). */
      met: boolean;
      /** Product of the criteria's supports, 0..1. */
      confidence: number;
      evidence: Evidence[];
      explanation: string;
    };

const pts = (x: number): string => `${Math.round(x)}`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

class Inputs {
  readonly missing: string[] = [];
  constructor(readonly ctx: TrapContext) {}

  layer(layer: Layer): Measure | null {
    const m = scaleMeasure(this.ctx.workforce.layers[layer], this.ctx.minGroupSize);
    if (!m) this.missing.push(this.tooFew(`layer:${layer}`));
    return m;
  }

  signal(signal: LikertSignal, required = true): Measure | null {
    const scale = this.ctx.workforce.signals[signal];
    if (!scale) {
      if (required) this.missing.push(`signal:${signal} is not asked in instrument ${this.ctx.instrument.version}`);
      return null;
    }
    const m = scaleMeasure(scale, this.ctx.minGroupSize);
    if (!m && required) this.missing.push(this.tooFew(`signal:${signal}`));
    return m;
  }

  capacity(): CapacityByMeaning | null {
    const c = this.ctx.workforce.capacityDecision;
    if (c.n < this.ctx.minGroupSize) {
      this.missing.push(this.tooFew('signal:capacity_decision'));
      return null;
    }
    return capacityByMeaning(this.ctx.instrument, c);
  }

  tooFew(source: string): string {
    return `${source} has fewer than ${this.ctx.minGroupSize} respondents`;
  }

  layerName(layer: Layer): string {
    return this.ctx.instrument.layers[layer].name.en;
  }

  lowerFirst(label: string): string {
    return label.charAt(0).toLowerCase() + label.slice(1);
  }
}

function outcome(
  code: DiagnosisCode,
  inputs: Inputs,
  criteria: Criterion[],
  info: Evidence[],
  explain: () => string,
): TrapOutcome {
  if (inputs.missing.length > 0) return { code, status: 'unavailable', missing: [...new Set(inputs.missing)] };
  const met = criteria.every((c) => c.met);
  const confidence = met ? Math.round(criteria.reduce((p, c) => p * c.support, 1) * 100) / 100 : 0;
  return {
    code,
    status: 'evaluated',
    met,
    confidence,
    evidence: [...criteria.flatMap((c) => c.rows.map((r) => r.evidence)), ...info],
    explanation: met ? explain() : '',
  };
}

const scoreRow = (source: string, m: Measure, threshold: number, comparison: Evidence['comparison'], note?: string) =>
  row(source, m, threshold, comparison, 'score', note);

// ---- profile facts -------------------------------------------------------------------------------------------------

interface ProfileInvestment {
  facts: Row[];
  met: number;
  required: number;
  summary: string;
}

/** High investment from the profile: at least two facts at their mark, or the only fact given. Null when none given. */
export function profileInvestment(profile: OrgProfile | null): ProfileInvestment | null {
  if (!profile) return null;
  const P = T.profile;
  const facts: Row[] = [];
  const said: string[] = [];
  const total = profile.headcount?.total;
  if (profile.seats !== undefined && total) {
    const r = row('profile:seat_coverage', factMeasure(profile.seats / total), P.seatCoverage, '>=', 'share');
    r.evidence.note = `${profile.seats} paid seats for ${total} people`;
    facts.push(r);
    said.push(`paid AI seats for ${pct(profile.seats / total)} of staff`);
  }
  if (profile.pilots !== undefined) {
    facts.push(row('profile:pilots', factMeasure(profile.pilots), P.pilots, '>=', 'fact'));
    said.push(`${profile.pilots} pilots`);
  }
  if (profile.trainingHoursPerEmployee !== undefined) {
    const h = profile.trainingHoursPerEmployee;
    facts.push(row('profile:training_hours_per_employee', factMeasure(h), P.trainingHours, '>=', 'fact'));
    said.push(`${h} training hours per employee`);
  }
  if (profile.aiSpendPerEmployee !== undefined && profile.currency && P.spendCurrencies.includes(profile.currency)) {
    const s = profile.aiSpendPerEmployee;
    const r = row('profile:ai_spend_per_employee', factMeasure(s), P.spendPerEmployee, '>=', 'fact');
    r.evidence.note = `${profile.currency} per employee per year`;
    facts.push(r);
    said.push(`${profile.currency} ${Math.round(s)} AI spend per employee`);
  }
  if (facts.length === 0) return null;
  return {
    facts,
    met: facts.filter((f) => f.evidence.met).length,
    required: facts.length === 1 ? 1 : 2,
    summary: said.join(', '),
  };
}

function profileSummaryRow(p: ProfileInvestment, comparison: '>=' | '<'): Row {
  const r = row('profile:investment_facts', factMeasure(p.met), p.required, comparison, 'fact');
  r.evidence.note = `profile facts at the high-investment mark, of ${p.facts.length} given`;
  return r;
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
    return { code: 'cash_rich_trap', status: 'unavailable', missing: inp.missing };

  const investRows: Row[] = [];
  if (investment) investRows.push(scoreRow('signal:investment', investment, T.signalHigh, '>='));
  if (profile) investRows.push(profileSummaryRow(profile, '>='));

  // "I don't know, or I have not been told" (2026.2) counts with "nothing decided", as 2026.1's one option did.
  const undecided = capacity.shares.undecided + capacity.shares.unknown;
  const topShare = capacity.topOption?.share ?? 0;
  const top = capacity.topOption?.id ?? 'none';
  const undecidedRow = row(
    'capacity:undecided',
    shareMeasure(undecided, capacity.n, T.undecidedShareHigh),
    T.undecidedShareHigh,
    '>=',
    'share',
  );
  const topRow = row(
    'capacity:top_decided',
    shareMeasure(topShare, capacity.n, T.topDecidedShareLow),
    T.topDecidedShareLow,
    '<',
    'share',
    `most named decided use: ${top}`,
  );

  const criteria = [
    anyOf(investRows),
    anyOf([undecidedRow, topRow]),
    single(scoreRow('layer:responsibility', resp, T.layerWeakBelow, '<')),
    single(scoreRow('layer:governance', gov, T.layerWeakBelow, '<')),
  ];
  const info = profile ? profile.facts.map((f) => f.evidence) : [];

  return outcome('cash_rich_trap', inp, criteria, info, () => {
    const invested: string[] = [];
    if (investment && investRows[0]?.evidence.met)
      invested.push(`staff rate the company's AI investment at ${pts(investment.value)}/100`);
    if (profile && profile.met >= profile.required) invested.push(`the profile shows ${profile.summary}`);
    const vacuum = undecidedRow.evidence.met
      ? `${pct(undecided)} of staff say nothing has been decided about where the freed time goes`
      : `no single use of freed time is named by more than ${pct(topShare)} of staff (the most named: ${inp.lowerFirst(capacity.topOption?.label ?? 'none')})`;
    return (
      `Money may be covering up the problem: ${invested.join(' and ')}, but ${vacuum}. ` +
      `${inp.layerName('responsibility')} scores ${pts(resp.value)}/100 and ${inp.layerName('governance').toLowerCase()} ` +
      `${pts(gov.value)}/100, both below the midpoint of ${T.layerWeakBelow}. The tools are in; the decision about ` +
      'what the freed capacity is for is not, so each department will count the value of AI in its own terms.'
    );
  });
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
    return { code: 'cash_poor_trap', status: 'unavailable', missing: inp.missing };
  const profile = profileInvestment(ctx.profile);

  const criteria = [
    single(scoreRow('signal:investment', investment, T.signalLow, '<')),
    single(scoreRow('signal:activity', activity, T.signalHigh, '>=')),
    single(scoreRow('signal:time_ledger', time, T.signalLow, '<')),
    single(scoreRow('signal:waiting_ledger', waiting, T.signalLow, '<')),
    single(scoreRow('signal:knowledge_ledger', knowledge, T.signalLow, '<')),
    single(scoreRow('signal:operating_impact', impact, T.signalLow, '<')),
  ];
  // Staff may not see spend that the profile shows; a profile that says "heavy investment" vetoes "cash-poor".
  if (profile) criteria.push(single(profileSummaryRow(profile, '<')));

  return outcome('cash_poor_trap', inp, criteria, [], () =>
    [
      `Activity is being mistaken for progress: people are busy with AI (activity ${pts(activity.value)}/100) on`,
      `little investment (${pts(investment.value)}/100), but none of the three ledgers is kept (time`,
      `${pts(time.value)}, waiting ${pts(waiting.value)}, knowledge ${pts(knowledge.value)}, all below`,
      `${T.signalLow}) and operating impact is ${pts(impact.value)}/100: few can name a workflow that got shorter, a`,
      'wait that was removed or a question that no longer needs a senior colleague. AI is still at the',
      'individual-tool layer.',
    ].join(' '),
  );
}

// ---- boss B --------------------------------------------------------------------------------------------------------

function meanLayerGap(
  upper: GroupReport,
  lower: GroupReport,
  minGroupSize: number,
  upperMin: number,
): { gap: number; layers: number } | null {
  const gaps: number[] = [];
  for (const layer of LAYERS) {
    const u = scaleMeasure(upper.layers[layer], upperMin);
    const l = scaleMeasure(lower.layers[layer], minGroupSize);
    if (u && l) gaps.push(u.value - l.value);
  }
  return gaps.length === 0 ? null : { gap: gaps.reduce((a, b) => a + b, 0) / gaps.length, layers: gaps.length };
}

export function bossBTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const leadership = ctx.leadership;
  if (!leadership || leadership.n === 0) inp.missing.push('there is no leadership view');
  const activity = inp.signal('activity');
  const impact = inp.signal('operating_impact');

  const perLayer: { layer: Layer; gap: number; halfWidth: number; row: Row; w: Measure }[] = [];
  if (leadership) {
    for (const layer of LAYERS) {
      const w = scaleMeasure(ctx.workforce.layers[layer], ctx.minGroupSize);
      const l = leadership.layers[layer].score;
      if (!w || l === null || !w.ci) continue;
      const halfWidth = w.ci[1] - w.value;
      const r = row(
        `gap:${layer}`,
        { value: l - w.value, se: w.se, df: w.df, n: w.n, ci: null },
        round1(halfWidth),
        '>',
        'score',
        `leadership ${round1(l)} vs workforce ${round1(w.value)} (95% CI ${round1(w.ci[0])}–${round1(w.ci[1])}); per-layer detail`,
      );
      perLayer.push({ layer, gap: l - w.value, halfWidth, row: r, w });
    }
    if (perLayer.length < T.layersBeyondInterval)
      inp.missing.push(`fewer than ${T.layersBeyondInterval} layers are scored in both views`);
  }
  if (inp.missing.length > 0 || !activity || !impact)
    return { code: 'boss_b_trap', status: 'unavailable', missing: inp.missing };

  const k = perLayer.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanGap = mean(perLayer.map((p) => p.gap));
  const meanHalfWidth = mean(perLayer.map((p) => p.halfWidth));
  // The SE of a mean of correlated layer scores is at most the mean of their SEs (equal when perfectly correlated).
  const gapMeasure: Measure = {
    value: meanGap,
    se: mean(perLayer.map((p) => p.w.se)),
    df: Math.min(...perLayer.map((p) => p.w.df)),
    n: ctx.workforce.n,
    ci: null,
  };
  const gapThreshold = round1(Math.max(T.leadershipGapMin, meanHalfWidth));
  const gapRow = row(
    'gap:mean',
    gapMeasure,
    gapThreshold,
    '>',
    'score',
    `leadership minus workforce, mean over ${k} layers; threshold is the larger of ${T.leadershipGapMin} points and the mean half-width (${round1(meanHalfWidth)}) of the workforce 95% intervals`,
  );
  const beyond = perLayer.filter((p) => p.row.evidence.met).length;
  const countRow = row('gap:layers_beyond_ci', factMeasure(beyond), T.layersBeyondInterval, '>=', 'fact');
  countRow.evidence.note = `layers where the leadership score lies above the workforce 95% interval, of ${k}`;

  const criteria = [
    single(gapRow),
    single(countRow),
    single(scoreRow('signal:activity', activity, T.signalHigh, '>=')),
    single(scoreRow('signal:operating_impact', impact, T.signalLow, '<')),
  ];
  const info = perLayer.map((p) => p.row.evidence);

  const manager = ctx.byLevel.manager;
  const frontline = ctx.byLevel.frontline;
  let levelGap: { gap: number; layers: number } | null = null;
  if (manager && frontline && manager.n >= ctx.minGroupSize && frontline.n >= ctx.minGroupSize) {
    levelGap = meanLayerGap(manager, frontline, ctx.minGroupSize, ctx.minGroupSize);
    if (levelGap) {
      const r = row('gap:manager-frontline', factMeasure(levelGap.gap), T.levelGapNotable, '>', 'score');
      r.evidence.note = `managers minus frontline, mean over ${levelGap.layers} layers (n = ${manager.n} managers, ${frontline.n} frontline); shown, not required`;
      info.push(r.evidence);
    }
  }

  return outcome('boss_b_trap', inp, criteria, info, () => {
    const levels =
      levelGap && levelGap.gap > T.levelGapNotable
        ? ` Managers, too, rate the layers ${pts(levelGap.gap)} points higher than frontline staff do.`
        : '';
    return (
      `Leadership sees a more advanced organisation than its people do: the leadership view rates the layers ` +
      `${pts(meanGap)} points higher on average than the workforce (above the workforce's 95% interval on ${beyond} ` +
      `of ${k} layers), while activity is high (${pts(activity.value)}/100) and operating impact low ` +
      `(${pts(impact.value)}/100).${levels} The motion is real, but it is not reaching the operating numbers: AI is ` +
      'being run as a learning topic, not an operating one.'
    );
  });
}

// ---- replacement-only ----------------------------------------------------------------------------------------------

export function replacementOnlyTrap(ctx: TrapContext): TrapOutcome {
  const inp = new Inputs(ctx);
  const capacity = inp.capacity();
  const safeguards = inp.signal('human_safeguards');
  const gov = inp.layer('governance');
  if (!capacity || !safeguards || !gov)
    return { code: 'replacement_only', status: 'unavailable', missing: inp.missing };

  const cost = capacity.shares.cost;
  const people = capacity.shares.growth + capacity.shares.learning;
  const criteria = [
    single(
      row(
        'capacity:profit+headcount_only',
        shareMeasure(cost, capacity.n, T.costShareDominant),
        T.costShareDominant,
        '>=',
        'share',
      ),
    ),
    single(
      row(
        'capacity:customer_experience+organisational_learning',
        shareMeasure(people, capacity.n, T.peopleShareLow),
        T.peopleShareLow,
        '<',
        'share',
      ),
    ),
    single(scoreRow('signal:human_safeguards', safeguards, T.signalLow, '<')),
    single(
      scoreRow(
        'layer:governance',
        gov,
        T.layerWeakBelow,
        '<',
        'stands in for the quality-threshold item (gov_thresholds), which the group report does not give on its own',
      ),
    ),
  ];

  return outcome('replacement_only', inp, criteria, [], () =>
    [
      `Freed capacity is being counted only as cost: ${pct(cost)} of staff name lower costs or headcount cuts as`,
      `what freed time is for, and only ${pct(people)} name customers or learning. Human safeguards score`,
      `${pts(safeguards.value)}/100 and governance ${pts(gov.value)}/100. This is Klarna's stage one: the savings`,
      'can be real, but nobody has set the quality signals that trip a rollback, or who brings people back when',
      'quality drops. The prettier the savings figure, the harder to ask who carries stage two.',
    ].join(' '),
  );
}

export const TRAPS: readonly ((ctx: TrapContext) => TrapOutcome)[] = [
  cashRichTrap,
  cashPoorTrap,
  bossBTrap,
  replacementOnlyTrap,
];
