import type { Level } from '../../shared/instrument';
import { departmentResponseRate, participationCounts } from '../../shared/privacy';
import type { OrgProfile } from '../../shared/profile';
import { isClosed } from '../lifecycle/campaign-state';
import type { CampaignRecord, Store } from '../store/store';
import { parseCellKey, type StatsOptions, settledStats } from './campaign-stats';

// Live participation of a running campaign (issue 16), for the roles that run it (policy row RUNS): counts by
// department and by level as of the last settled hour, with the report's own suppression (shared/privacy
// participation.ts). Executives and viewers get no answer volume while it runs (17.1): the route is not theirs.
// Once the campaign is closed the counts are the report's, so this answers only that it is closed.

export interface Participation {
  campaignId: string;
  status: 'open' | 'closed';
  /** Counts hold the answers received before this time (a whole hour, settled); null once closed. */
  asOf: string | null;
  minGroupSize: number;
  total: number | null;
  departments: { name: string | null; n: number; headcount: number | null; responseRate: number | null }[];
  otherDepartments: { groups: (string | null)[]; n: number | null } | null;
  levels: { level: Level; n: number }[];
  otherLevels: { groups: Level[]; n: number | null } | null;
  note: string;
}

export const CLOSED_NOTE = 'The campaign is closed: its counts and results are in the report.';
export const LIVE_NOTE =
  'Answers received before the hour shown; later ones count once their hour has passed. A department or level shows its count only from the minimum group size on; smaller ones are counted together as other groups, shown from that size on as well.';

export async function liveParticipation(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
  options: StatsOptions,
): Promise<Participation> {
  const closed: Participation = {
    campaignId: campaign.id,
    status: 'closed',
    asOf: null,
    minGroupSize: campaign.minGroupSize,
    total: null,
    departments: [],
    otherDepartments: null,
    levels: [],
    otherLevels: null,
    note: CLOSED_NOTE,
  };
  if (isClosed(campaign, now)) return closed;
  const [stats, profile] = await Promise.all([
    settledStats(store, campaign, now, options),
    store.getProfile(campaign.orgId),
  ]);
  const cells = [...stats.cells].map(([key, s]) => ({ ...parseCellKey(key), n: s.n }));
  const live = participationCounts(cells, campaign.minGroupSize, { departments: campaign.departments });
  const headcounts = profile?.headcount?.byDepartment;
  return {
    ...closed,
    status: 'open',
    asOf: stats.cursor,
    minGroupSize: live.minGroupSize,
    total: live.total,
    departments: live.departments.map(({ key, n }) => {
      const headcount = headcountFor(headcounts, key);
      return { name: key, n, headcount, responseRate: departmentResponseRate(n, headcount ?? undefined) };
    }),
    otherDepartments: live.otherDepartments && { groups: live.otherDepartments.keys, n: live.otherDepartments.n },
    levels: live.levels.map(({ key, n }) => ({ level: key, n })),
    otherLevels: live.otherLevels && { groups: live.otherLevels.keys, n: live.otherLevels.n },
    note: LIVE_NOTE,
  };
}

/** The profile's headcount for a department (keys are normalised as campaign departments are, so they match). */
function headcountFor(byDepartment: NonNullable<OrgProfile['headcount']>['byDepartment'], name: string | null) {
  if (name === null || !byDepartment || !Object.hasOwn(byDepartment, name)) return null;
  return byDepartment[name] ?? null;
}
