import { LAYERS, type Layer } from '../../shared/instrument';
import type { DifferenceEstimate } from '../../shared/report-model';
import { isPublished } from '../lifecycle/campaign-state';
import type { CampaignRecord, Store } from '../store/store';
import type { StatsOptions } from './campaign-stats';
import { compareCampaigns } from './compare';

// The executive's trend: every published wave of the organisation up to the one being read, each with its
// whole-workforce layer scores and the change from the published wave before it with that change's simultaneous
// interval. It is the consultant's comparison restricted to one organisation's own waves (compare.ts decides what may
// be shown: whole-workforce totals only, a wave below its minimum group size shows nothing, a change only where both
// totals are shown), so the trend reveals nothing the waves' own reports would not.

export interface Wave {
  id: string;
  name: string;
  createdAt: string;
  /** Responses counted: the report shows this count even when the wave is too small for any figure. */
  n: number | null;
  /** Below the wave's minimum group size: no score, no change. */
  suppressed: boolean;
  /** Whole-workforce layer scores (0..100) as the wave's report shows them; absent when suppressed. */
  scores?: Record<Layer, number | null>;
  /** Change from the previous published wave, per layer, with its interval; null for the first or when not comparable. */
  change?: Partial<Record<Layer, DifferenceEstimate>> | null;
  /** The wave the change is measured from. */
  previousId: string | null;
}

export interface WaveTrend {
  campaignId: string;
  generatedAt: string;
  /** Oldest first; the last is the campaign asked about when it is published. */
  waves: Wave[];
}

/**
 * The trend up to `campaign`: the organisation's published waves created before it, and itself once published. Waves
 * still open or settling are left out entirely (their figures would change under the reader).
 */
export async function waveTrend(
  store: Store,
  campaign: CampaignRecord,
  orgCampaigns: readonly CampaignRecord[],
  now: Date,
  options: StatsOptions,
): Promise<WaveTrend> {
  const upTo = (c: CampaignRecord) =>
    c.createdAt < campaign.createdAt || (c.createdAt === campaign.createdAt && c.id <= campaign.id);
  const waves = orgCampaigns
    .filter((c) => c.orgId === campaign.orgId && upTo(c) && isPublished(c, now, options.safetyMs))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  if (waves.length === 0) return { campaignId: campaign.id, generatedAt: now.toISOString(), waves: [] };
  const all = await compareCampaigns(store, waves, waves, new Map(), now, options);
  // The change runs from the previous wave that shows figures: a wave too small to show is skipped over, never
  // compared (a second comparison over the shown waves only, so compare.ts's own rules decide each change).
  const shownIds = new Set(all.campaigns.filter((w) => !w.suppressed && w.scores).map((w) => w.id));
  const shownWaves = waves.filter((c) => shownIds.has(c.id));
  const changes = new Map(
    (shownWaves.length > 1
      ? (await compareCampaigns(store, shownWaves, shownWaves, new Map(), now, options)).campaigns
      : []
    ).map((w) => [w.id, w]),
  );
  return {
    campaignId: campaign.id,
    generatedAt: now.toISOString(),
    waves: all.campaigns.map((w): Wave => {
      const shown = shownIds.has(w.id);
      const c = changes.get(w.id);
      const change = shown && c?.changeIntervals ? pickLayers(c.changeIntervals) : null;
      return {
        id: w.id,
        name: w.name,
        createdAt: w.createdAt,
        n: w.n,
        suppressed: !shown,
        ...(shown
          ? { scores: Object.fromEntries(LAYERS.map((l) => [l, w.scores![l] ?? null])) as Record<Layer, number | null> }
          : {}),
        change: change && Object.keys(change).length > 0 ? change : null,
        previousId: shown ? (c?.previousCampaignId ?? null) : null,
      };
    }),
  };
}

function pickLayers(
  intervals: Partial<Record<string, DifferenceEstimate>>,
): Partial<Record<Layer, DifferenceEstimate>> {
  const out: Partial<Record<Layer, DifferenceEstimate>> = {};
  for (const l of LAYERS) if (intervals[l]) out[l] = intervals[l];
  return out;
}
