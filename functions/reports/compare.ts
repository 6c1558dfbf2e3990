import { LAYERS, LIKERT_SIGNALS } from '../../shared/instrument';
import { comparableSegments } from '../../shared/privacy';
import { segmentedReport } from '../../shared/report';
import { isClosed, isPublished } from '../lifecycle/campaign-state';
import type { CampaignRecord, Store } from '../store/store';
import { cellStatsOf, planOf } from './build-report';
import { type CampaignStats, campaignStats, instrumentOf, type StatsOptions } from './campaign-stats';

export const MEASURES = [...LAYERS, ...LIKERT_SIGNALS] as const;
export type Measure = (typeof MEASURES)[number];
type Scores = Record<Measure, number | null>;

export interface ComparedCampaign {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  createdAt: string;
  /** Null while the campaign is open: a count watched over time tells when a small group is about to show. */
  n: number | null;
  status: 'open' | 'closed';
  /**
   * False while the campaign is open or its close is younger than the settling window: listed with its count, never
   * compared (results appear once it has closed and settled).
   */
  published: boolean;
  /** Not published, or below the campaign's minimum group size: no scores, percentiles or change. */
  suppressed: boolean;
  /** The organisation's wave before this one (by creation), if any. */
  previousCampaignId: string | null;
  scores?: Scores;
  /** Mid-rank percentile (0..100) of each score among the portfolio's campaigns that may be shown. */
  percentiles?: Scores;
  /** This wave minus the previous wave, when both may be shown. */
  change?: Scores | null;
}

export interface Comparison {
  generatedAt: string;
  /** Campaigns in the caller's portfolio that may be shown (the percentile base). */
  portfolioSize: number;
  measures: readonly Measure[];
  campaigns: ComparedCampaign[];
}

interface Summary {
  campaign: CampaignRecord;
  n: number;
  closed: boolean;
  published: boolean;
  suppressed: boolean;
  scores: Scores | null;
  plan: ReturnType<typeof planOf>;
}

/**
 * The whole-workforce scores exactly as the campaign's own report shows them (shared/report: a scale answered by
 * fewer than k is withheld), and only for a closed campaign: an open one's figures would change under the viewer.
 */
function summarize(campaign: CampaignRecord, stats: CampaignStats, now: Date, settleMs: number): Summary {
  const plan = planOf(campaign, stats.cells);
  const cells = cellStatsOf(stats.cells);
  const n = cells.reduce((sum, c) => sum + c.stats.n, 0);
  const closed = isClosed(campaign, now);
  // Closed but still settling (campaign-state.ts `publishesAtOf`): listed as not yet published, like an open one.
  if (!isPublished(campaign, now, settleMs))
    return { campaign, n, closed, published: false, suppressed: true, scores: null, plan };
  const r = segmentedReport({
    instrument: instrumentOf(campaign),
    cells,
    leadership: null,
    profile: null,
    minGroupSize: campaign.minGroupSize,
    departments: campaign.departments,
  });
  if (r.suppressed || !r.layers || !r.signals)
    return { campaign, n, closed, published: true, suppressed: true, scores: null, plan };
  const { layers, signals } = r;
  const scores = Object.fromEntries(
    MEASURES.map((m) => [
      m,
      // A signal the campaign's instrument does not ask about has no score.
      (m in layers ? layers[m as keyof typeof layers] : signals[m as keyof typeof signals])?.score ?? null,
    ]),
  ) as Scores;
  return { campaign, n, closed, published: true, suppressed: false, scores, plan };
}

function percentile(value: number | null, base: number[]): number | null {
  if (value === null || base.length === 0) return null;
  const below = base.filter((v) => v < value).length;
  const equal = base.filter((v) => v === value).length;
  return Math.round(((below + 0.5 * equal) / base.length) * 1000) / 10;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Side by side: the requested campaigns' workforce scores per layer and signal, their percentiles within the whole
 * portfolio (every closed campaign of the caller's organisations that meets its minimum group size), and the change
 * from the organisation's previous wave. Only whole-workforce totals are compared, a change only where the total is
 * shown in both waves (privacy's comparableSegments) and per scale only where both waves show that scale, so a
 * comparison never reveals what a report would hide. Open campaigns are listed as not yet published.
 */
export async function compareCampaigns(
  store: Store,
  requested: readonly CampaignRecord[],
  portfolio: readonly CampaignRecord[],
  orgNames: ReadonlyMap<string, string>,
  now: Date,
  options: StatsOptions,
): Promise<Comparison> {
  const all = new Map<string, CampaignRecord>();
  for (const c of [...portfolio, ...requested]) all.set(c.id, c);
  const summaries = new Map<string, Summary>();
  // Bounded parallelism: every campaign is a snapshot read plus a tail query per shard.
  const queue = [...all.values()];
  await Promise.all(
    Array.from({ length: Math.min(4, queue.length) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        summaries.set(c.id, summarize(c, await campaignStats(store, c, now, options), now, options.safetyMs));
      }
    }),
  );

  const shown = [...summaries.values()].filter((s) => s.scores);
  const base = Object.fromEntries(
    MEASURES.map((m) => [m, shown.map((s) => s.scores![m]).filter((v): v is number => v !== null)]),
  ) as Record<Measure, number[]>;

  const waves = new Map<string, CampaignRecord[]>();
  for (const c of all.values()) waves.set(c.orgId, [...(waves.get(c.orgId) ?? []), c]);
  for (const list of waves.values()) {
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  const previousOf = (c: CampaignRecord): CampaignRecord | null => {
    const list = waves.get(c.orgId)!;
    const i = list.findIndex((x) => x.id === c.id);
    return i > 0 ? list[i - 1]! : null;
  };

  const campaigns = requested.map((c): ComparedCampaign => {
    const s = summaries.get(c.id)!;
    const previous = previousOf(c);
    const head = {
      id: c.id,
      orgId: c.orgId,
      orgName: orgNames.get(c.orgId) ?? '',
      name: c.name,
      createdAt: c.createdAt,
      n: s.closed ? s.n : null,
      status: s.closed ? ('closed' as const) : ('open' as const),
      published: s.published,
      suppressed: s.suppressed,
      previousCampaignId: previous?.id ?? null,
    };
    if (!s.scores) return head;
    const prev = previous ? summaries.get(previous.id) : undefined;
    const comparable = prev?.scores ? comparableSegments([prev.plan, s.plan]).total : false;
    return {
      ...head,
      scores: s.scores,
      percentiles: Object.fromEntries(MEASURES.map((m) => [m, percentile(s.scores![m], base[m])])) as Scores,
      change:
        comparable && prev?.scores
          ? (Object.fromEntries(
              MEASURES.map((m) => {
                const a = s.scores![m];
                const b = prev.scores![m];
                return [m, a === null || b === null ? null : round1(a - b)];
              }),
            ) as Scores)
          : null,
    };
  });

  return { generatedAt: now.toISOString(), portfolioSize: shown.length, measures: MEASURES, campaigns };
}
