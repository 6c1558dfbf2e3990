// Answers about freed capacity read by meaning, not by wording: versions word the destinations differently (2026.1
// has five options, 2026.2 the essay's ten), but each option carries what it means (instrument types.ts). One reading
// serves every trap and every sentence of the report, so two parts of a report can never tell different stories
// about the same answers (docs/METHOD.md §5.4).
import { CAPACITY_MEANINGS, type CapacityMeaning, capacityItem, decidedItem, type Instrument } from '../instrument';
import type { CapacityDistribution, GroupReport } from '../report-model';
import { THRESHOLDS as T } from './thresholds';

/** The destinations proper: where freed capacity goes once someone has decided. */
export const DESTINATIONS = ['cost', 'growth', 'learning'] as const satisfies readonly CapacityMeaning[];
export type Destination = (typeof DESTINATIONS)[number];

/**
 * What the answers say, as one of: `vacuum` (at least two in five cannot name a decision), `fragmented` (decided, but
 * no direction is named by two in five), `cost` (at least half name cost, fewer than a quarter customers or learning),
 * `people` (at least half name customers, growth or learning), `mixed` (anything else).
 */
export type CapacityStory = 'vacuum' | 'fragmented' | 'cost' | 'people' | 'mixed';

export interface CapacityReading {
  /** Answers to the capacity item (what freed capacity is for). */
  n: number;
  /** Shares of those answers by meaning (0 when n = 0). */
  shares: Record<CapacityMeaning, number>;
  /** The destination meaning named most (ties in DESTINATIONS order), with its share of all answers. */
  top: { meaning: Destination; share: number } | null;
  /** Share of the answers naming any destination. */
  named: number;
  /**
   * Share who cannot name a decision they were told about. With "has leadership decided" (2026.2): everyone but
   * "decided, and we were told what for". Without it (2026.1): the capacity item's "nothing decided, or not told".
   */
  undecided: number;
  /** Answers behind `undecided`. */
  undecidedN: number;
  /** Where `undecided` comes from. */
  undecidedFrom: 'capacity_decided' | 'capacity_decision';
  /** 2026.2: the parts of `undecided` (shares of the decided item's answers). */
  decided?: { told: number; notTold: number; notDecided: number; unknown: number };
  story: CapacityStory;
}

function shareOf(dist: CapacityDistribution, ids: readonly string[]): number {
  return ids.reduce((sum, id) => sum + (dist.shares[id] ?? 0), 0);
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The one reading of the capacity answers the diagnosis and the report use. */
export function capacityReading(instrument: Instrument, report: GroupReport): CapacityReading {
  const dist = report.capacityDecision;
  const shares = Object.fromEntries(CAPACITY_MEANINGS.map((m) => [m, 0])) as Record<CapacityMeaning, number>;
  for (const option of capacityItem(instrument)?.options ?? []) shares[option.meaning] += dist.shares[option.id] ?? 0;
  let top: CapacityReading['top'] = null;
  for (const meaning of DESTINATIONS) {
    if (top === null || shares[meaning] > top.share) top = { meaning, share: shares[meaning] };
  }
  if (dist.n === 0) top = null;
  const named = shares.cost + shares.growth + shares.learning;

  const decidedDef = decidedItem(instrument);
  const decidedDist = report.capacityDecided;
  let undecided: number;
  let undecidedN: number;
  let decided: CapacityReading['decided'];
  if (decidedDef && decidedDist) {
    const ids = (meaning: string) => decidedDef.options.filter((o) => o.meaning === meaning).map((o) => o.id);
    decided = {
      told: shareOf(decidedDist, ids('told')),
      notTold: shareOf(decidedDist, ids('not_told')),
      notDecided: shareOf(decidedDist, ids('not_decided')),
      unknown: shareOf(decidedDist, ids('unknown')),
    };
    undecided = decidedDist.n === 0 ? 0 : 1 - decided.told;
    undecidedN = decidedDist.n;
  } else {
    // 2026.1's one option "nothing decided, or I have not been told" (and "I don't know" where a version has it).
    undecided = shares.undecided + shares.unknown;
    undecidedN = dist.n;
  }

  // The story reads the shares as the evidence rows print them (to 0.001), so the story and the rows always agree.
  const u = round3(undecided);
  const people = round3(shares.growth + shares.learning);
  let story: CapacityStory;
  if (u >= T.undecidedShareHigh) story = 'vacuum';
  else if (round3(top?.share ?? 0) < T.topDecidedShareLow) story = 'fragmented';
  else if (round3(shares.cost) >= T.costShareDominant && people < T.peopleShareLow) story = 'cost';
  else if (people >= T.costShareDominant) story = 'people';
  else story = 'mixed';

  return {
    n: dist.n,
    shares,
    top,
    named,
    undecided,
    undecidedN,
    undecidedFrom: decidedDef && decidedDist ? 'capacity_decided' : 'capacity_decision',
    ...(decided ? { decided } : {}),
    story,
  };
}
