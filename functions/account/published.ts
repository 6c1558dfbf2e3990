import type { PublishedLedger } from '../../shared/account';
import type { AppDeps } from '../api/deps';
import { statsOptions } from '../api/stats-options';
import { closedAtOf, isPublished } from '../lifecycle/campaign-state';
import { buildReport, type CampaignReport } from '../reports/build-report';
import { campaignStats, instrumentOf } from '../reports/campaign-stats';
import { accountEntries, registerFlows } from '../reports/register';
import type { CampaignRecord, OrgRecord } from '../store/store';

// The published waves an account is reconciled against: a campaign's report exactly as GET .../report answers it,
// and its ledger tables (issue 10), which obey the minimum group size like every published figure.

export type ReportDeps = Pick<AppDeps, 'store' | 'config'>;

export async function campaignReport(
  deps: ReportDeps,
  campaign: CampaignRecord,
  org: OrgRecord,
  now: Date,
): Promise<CampaignReport> {
  const { store } = deps;
  const [stats, leadership, profile, invites, flows, account] = await Promise.all([
    campaignStats(store, campaign, now, statsOptions(deps)),
    store.getLeadership(campaign.id),
    store.getProfile(campaign.orgId),
    store.inviteCounts(campaign.id),
    registerFlows(store, campaign, now),
    accountEntries(store, campaign, now),
  ]);
  return buildReport({
    campaign,
    org,
    instrument: instrumentOf(campaign),
    cells: stats.cells,
    leadership,
    profile,
    invites,
    now,
    settleMs: statsOptions(deps).safetyMs,
    flows,
    ...(account ? { account } : {}),
  });
}

/**
 * The report's ledger tables (shared/ledger `LedgerReport`), when its instrument has a ledger step and the results are
 * published. Typed as the account's small view of them, so a change of the tables that the account reads breaks the
 * build here rather than an entry's baseline.
 */
export function ledgerOf(report: CampaignReport): PublishedLedger | null {
  if (!report.published || !report.ledger) return null;
  const tables: PublishedLedger = report.ledger;
  return tables;
}

export interface Wave {
  campaign: CampaignRecord;
  closedAt: string;
}

/** The organisation's published campaigns, oldest close first. */
export async function publishedWaves(deps: ReportDeps, orgId: string, now: Date): Promise<Wave[]> {
  const settle = statsOptions(deps).safetyMs;
  return (await deps.store.listCampaigns(orgId))
    .filter((c) => isPublished(c, now, settle))
    .map((c) => ({ campaign: c, closedAt: closedAtOf(c, now)! }))
    .sort((a, b) => a.closedAt.localeCompare(b.closedAt) || a.campaign.id.localeCompare(b.campaign.id));
}

/**
 * What the account reads of a published wave: its ledger tables, the capacity answers and the workforce's view of
 * operating reviews. All of it is the workforce's results, which are final once published (campaign-state.ts
 * `publishesAtOf`: no later write can change them), so it is kept per app instance after the first fold; the parts of
 * a report that can still change after the close (the leadership view, the profile) are not in it.
 */
export interface WaveFacts {
  ledger: PublishedLedger | null;
  capacityDecided: CampaignReport['capacityDecided'];
  capacityDecision: CampaignReport['capacityDecision'];
  minGroupSize: number;
  /** The share agreeing that time is discussed in operating reviews (item), or the time-ledger signal's score. */
  reviewed: { measure: 'item_favourable' | 'signal_score'; value: number } | null;
}

function reviewedOf(report: CampaignReport): WaveFacts['reviewed'] {
  const item = (report as CampaignReport & { items?: Record<string, { favourable: number | null }> }).items
    ?.sig_ledgers_reviewed;
  if (item && typeof item.favourable === 'number') return { measure: 'item_favourable', value: item.favourable };
  const score = report.signals?.time_ledger?.score;
  return typeof score === 'number' ? { measure: 'signal_score', value: score } : null;
}

const FINAL = new Map<string, WaveFacts>();
const FINAL_MAX = 500;

/** The published wave's facts (null while unpublished), folding its report only the first time. */
export async function waveFacts(
  report: (c: CampaignRecord) => Promise<CampaignReport>,
  campaign: CampaignRecord,
): Promise<WaveFacts | null> {
  const known = FINAL.get(campaign.id);
  if (known) return known;
  const r = await report(campaign);
  if (!r.published) return null;
  const facts: WaveFacts = {
    ledger: ledgerOf(r),
    capacityDecided: r.capacityDecided,
    capacityDecision: r.capacityDecision,
    minGroupSize: r.minGroupSize,
    reviewed: reviewedOf(r),
  };
  if (FINAL.size >= FINAL_MAX) FINAL.delete(FINAL.keys().next().value!);
  FINAL.set(campaign.id, facts);
  return facts;
}

/** Reports are folded once per request and campaign: the account view reads the same wave for several entries. */
export function reportCache(deps: ReportDeps, org: OrgRecord, now: Date) {
  const cache = new Map<string, Promise<CampaignReport>>();
  return (campaign: CampaignRecord): Promise<CampaignReport> => {
    let report = cache.get(campaign.id);
    if (!report) {
      report = campaignReport(deps, campaign, org, now);
      cache.set(campaign.id, report);
    }
    return report;
  };
}
