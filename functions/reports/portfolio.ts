import { LAYERS, type Layer } from '../../shared/instrument';
import {
  type Company,
  emptyLayers,
  type GlanceChange,
  type GlanceLayer,
  type Portfolio,
  type RunningWave,
} from '../../shared/report/portfolio';
import { closedAtOf, isClosed, isPublished } from '../lifecycle/campaign-state';
import type { CampaignRecord, OrgRecord, Store } from '../store/store';
import { buildReport, responseRateOf } from './build-report';
import { campaignStats, instrumentOf, type StatsOptions } from './campaign-stats';
import { liveParticipation } from './participation';
import { accountEntries, registerFlows } from './register';
import { waveTrend } from './waves';

// The portfolio at a glance: per organisation, what its latest closed and published wave's own report shows (same
// fold, same suppression: a withheld layer is null), and the change since its previous wave as the waves route gives
// it. Each wave is read through campaignStats, so from its published snapshot plus the (empty, once folded) tail
// after it: no call folds a campaign's responses again once the fold job or an earlier read has stored them.

/** Organisations read at once: each is a few reads (campaigns, snapshot, profile, leadership). */
const PARALLEL = 4;

/** Latest by close, then creation (shared/report/peer-percentiles.ts `latestWaves` orders the same way). */
function latestPublished(campaigns: readonly CampaignRecord[], now: Date, settleMs: number): CampaignRecord | null {
  let latest: CampaignRecord | null = null;
  let latestAt = '';
  for (const c of campaigns) {
    if (!isPublished(c, now, settleMs)) continue;
    const at = closedAtOf(c, now) ?? '';
    if (
      !latest ||
      at > latestAt ||
      (at === latestAt && (c.createdAt > latest.createdAt || (c.createdAt === latest.createdAt && c.id > latest.id)))
    ) {
      latest = c;
      latestAt = at;
    }
  }
  return latest;
}

async function companyOf(store: Store, org: OrgRecord, now: Date, options: StatsOptions): Promise<Company> {
  const campaigns = await store.listCampaigns(org.id);
  // Open campaigns: what each one's Participation panel shows, under the same suppression (reports/participation.ts).
  const open = campaigns.filter((c) => !isClosed(c, now));
  const participation = await Promise.all(
    open.map(async (c): Promise<RunningWave> => {
      const live = await liveParticipation(store, c, now, options);
      return {
        campaignId: c.id,
        campaignName: c.name,
        asOf: live.asOf,
        minGroupSize: live.minGroupSize,
        total: live.total,
      };
    }),
  );
  const head = { orgId: org.id, orgName: org.name, archived: org.archivedAt !== undefined, participation };
  const latest = latestPublished(campaigns, now, options.safetyMs);
  if (!latest) {
    return {
      ...head,
      campaignId: null,
      campaignName: null,
      closedAt: null,
      layers: emptyLayers(),
      firstBreak: null,
      diagnoses: [],
      responseRate: null,
      change: null,
    };
  }
  const [stats, leadership, profile, flows, account, trend] = await Promise.all([
    campaignStats(store, latest, now, options),
    store.getLeadership(latest.id),
    store.getProfile(org.id),
    registerFlows(store, latest, now),
    accountEntries(store, latest, now),
    campaigns.filter((c) => isPublished(c, now, options.safetyMs)).length > 1
      ? waveTrend(store, latest, campaigns, now, options)
      : Promise.resolve(null),
  ]);
  const report = buildReport({
    campaign: latest,
    org,
    instrument: instrumentOf(latest),
    cells: stats.cells,
    leadership,
    profile,
    now,
    settleMs: options.safetyMs,
    flows,
    ...(account ? { account } : {}),
  });
  const shown = !report.suppressed && report.layers;
  const layers = shown
    ? (Object.fromEntries(
        LAYERS.map((l): [Layer, GlanceLayer] => {
          const s = report.layers![l];
          return [l, s.score === null ? { score: null, level: null } : { score: s.score, level: s.levelName }];
        }),
      ) as Record<Layer, GlanceLayer>)
    : emptyLayers();
  const last = trend?.waves.at(-1);
  const from = last?.previousId ? campaigns.find((c) => c.id === last.previousId) : undefined;
  const change: GlanceChange | null =
    last?.id === latest.id && last.change && from
      ? {
          fromCampaignId: from.id,
          fromCampaignName: from.name,
          layers: Object.fromEntries(
            LAYERS.map((l) => {
              const d = last.change?.[l];
              return [l, d ? { delta: d.value, significant: d.beyondNoise } : { delta: null, significant: null }];
            }),
          ) as GlanceChange['layers'],
        }
      : null;
  const n = report.n ?? 0;
  return {
    ...head,
    campaignId: latest.id,
    campaignName: latest.name,
    closedAt: closedAtOf(latest, now),
    layers,
    firstBreak: shown ? (report.firstBreak ?? null) : null,
    diagnoses: shown ? (report.diagnoses ?? []).map((d) => d.code) : [],
    // On the profile's headcount only (the contract of this view); the report itself may use invitations.
    responseRate: responseRateOf(n, profile, undefined, latest.minGroupSize)?.rate ?? null,
    change,
  };
}

/** One row per organisation, in the order given. */
export async function portfolioGlance(
  store: Store,
  orgs: readonly OrgRecord[],
  now: Date,
  options: StatsOptions,
): Promise<Portfolio> {
  const companies: Company[] = new Array(orgs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, orgs.length) }, async () => {
      for (let i = next++; i < orgs.length; i = next++) companies[i] = await companyOf(store, orgs[i]!, now, options);
    }),
  );
  return { companies };
}
