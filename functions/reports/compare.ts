import { waveChanges } from '../../shared/diagnosis';
import { LAYERS, LIKERT_SIGNALS } from '../../shared/instrument';
import { comparableSegments } from '../../shared/privacy';
import { MIN_PEERS, type PeerWave, peerPercentiles, segmentedReport } from '../../shared/report';
import type { DifferenceEstimate, ScaleScore } from '../../shared/report-model';
import { closedAtOf, isClosed, isPublished } from '../lifecycle/campaign-state';
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
  /**
   * Other organisations of the caller's portfolio whose latest closed, published wave shows scores: the peers each
   * score is ranked among (shared/report/peer-percentiles.ts). Never the campaign's own organisation.
   */
  peers?: number;
  /** Per measure, the peers with a score on it (a withheld layer is no peer for that layer). */
  peerCounts?: Record<Measure, number>;
  /** Mid-rank percentile (0..100) among the peers; null below `minPeers` of them (the reason says so). */
  percentiles?: Scores;
  /** Why a percentile is null ("fewer than 5 other organisations"); null where one is given. */
  percentileReasons?: Record<Measure, string | null>;
  /** This wave minus the previous wave, when both may be shown. */
  change?: Scores | null;
  /**
   * The same changes with their simultaneous intervals over every measure compared (docs/METHOD.md §5.7): a change is
   * `beyondNoise` only when noise between two independent samples would not make it.
   */
  changeIntervals?: Partial<Record<Measure, DifferenceEstimate>> | null;
}

export interface Comparison {
  generatedAt: string;
  /** Campaigns in the caller's portfolio that may be shown. */
  portfolioSize: number;
  /** The fewest other organisations a percentile is given over. */
  minPeers: number;
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
  /** The published scales behind the scores, for the change intervals. */
  scales: Partial<Record<Measure, ScaleScore>> | null;
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
    return { campaign, n, closed, published: false, suppressed: true, scores: null, scales: null, plan };
  const r = segmentedReport({
    instrument: instrumentOf(campaign),
    cells,
    leadership: null,
    profile: null,
    minGroupSize: campaign.minGroupSize,
    departments: campaign.departments,
  });
  if (r.suppressed || !r.layers || !r.signals)
    return { campaign, n, closed, published: true, suppressed: true, scores: null, scales: null, plan };
  const { layers, signals } = r;
  const scores = Object.fromEntries(
    MEASURES.map((m) => [
      m,
      // A signal the campaign's instrument does not ask about has no score.
      (m in layers ? layers[m as keyof typeof layers] : signals[m as keyof typeof signals])?.score ?? null,
    ]),
  ) as Scores;
  const scales = Object.fromEntries(
    MEASURES.map((m) => [m, m in layers ? layers[m as keyof typeof layers] : signals[m as keyof typeof signals]]),
  ) as Partial<Record<Measure, ScaleScore>>;
  return { campaign, n, closed, published: true, suppressed: false, scores, scales, plan };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Side by side: the requested campaigns' workforce scores per layer and signal, their percentiles among the other
 * organisations of the portfolio (each by its latest published wave; none below MIN_PEERS of them), and the change
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
  // Every published wave of the portfolio: the latest of each other organisation is a peer (a suppressed one is
  // none), so neither the campaign's own earlier waves nor a second wave of another organisation count.
  const peerWaves: PeerWave[] = [...summaries.values()]
    .filter((s) => s.published)
    .map((s) => ({
      orgId: s.campaign.orgId,
      campaignId: s.campaign.id,
      closedAt: closedAtOf(s.campaign, now) ?? '',
      createdAt: s.campaign.createdAt,
      scores: s.scores,
    }));

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
    const ranking = peerPercentiles({ orgId: c.orgId, scores: s.scores }, peerWaves, MEASURES);
    return {
      ...head,
      scores: s.scores,
      peers: ranking.peers,
      peerCounts: ranking.peerCounts as Record<Measure, number>,
      percentiles: ranking.percentiles as Scores,
      percentileReasons: ranking.reasons as Record<Measure, string | null>,
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
      changeIntervals:
        comparable && prev?.scales && s.scales
          ? (waveChanges(prev.scales, s.scales) as Partial<Record<Measure, DifferenceEstimate>>)
          : null,
    };
  });

  return {
    generatedAt: now.toISOString(),
    portfolioSize: shown.length,
    minPeers: MIN_PEERS,
    measures: MEASURES,
    campaigns,
  };
}
