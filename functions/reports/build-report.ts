import type { Flow } from '../../shared/account';
import type { AccountEntries } from '../../shared/diagnosis';
import { type Instrument, LAYERS, type Layer, LIKERT_SIGNALS } from '../../shared/instrument';
import { ledgerDesignFor } from '../../shared/ledger';
import {
  type BreakdownPlan,
  isLateBurst,
  LATE_BURST_NOTE,
  type Protection,
  planBreakdowns,
  protectionOf,
} from '../../shared/privacy';
import type { OrgProfile } from '../../shared/profile';
import {
  type CellStats,
  NO_DEPARTMENT,
  type SegmentedReport,
  type SegmentRow,
  segmentedReport,
} from '../../shared/report';
import type { ScaleScore } from '../../shared/report-model';
import type { SurveyResponse } from '../../shared/response';
import { type GroupStats, scoreResponses } from '../../shared/scoring';
import { isClosed, labelsExpired, openLinkAllowed, publishesAtOf } from '../lifecycle/campaign-state';
import type { CampaignRecord, LeadershipRecord, OrgRecord } from '../store/store';
import { cellKey, parseCellKey } from './campaign-stats';
import { LEDGER_CSV_COLUMNS, ledgerCsvRows } from './ledger-csv';

// The API's report: the one segmented report the CLI prints too (shared/report: breakdowns with complementary
// suppression, per-layer masks, scales withheld below k, the diagnosis on what remains), plus the campaign, the
// response rate and the time. Workforce results are published only once the campaign is closed: two reports of one
// open campaign are two overlapping groups, and their difference singles out whoever answered (or withdrew) in between.

export type { SegmentRow };

export interface ResponseRate {
  rate: number;
  responded: number;
  /** The denominator: invites sent, or headcount from the organisation profile. */
  invited: number;
  basis: 'headcount' | 'invites';
}

export const UNPUBLISHED_REASON =
  'Results are published when the campaign closes, so that no one can compare two moments and single out the few who answered in between.';

/** The minute (UTC, rounded up) at which results being finalised appear. */
const minuteOf = (iso: string): string =>
  new Date(Math.ceil(Date.parse(iso) / 60_000) * 60_000).toISOString().slice(11, 16);

/**
 * Closed, but the close is younger than the settling window (campaign-state.ts `publishesAtOf`): an answer sent just
 * before the close may still be landing, and showing results now would let a later view differ from this one by it.
 */
export const finalisingReason = (publishesAt: string): string =>
  `Results are being finalised and appear at ${minuteOf(publishesAt)} UTC, so that every answer sent before the close is in them.`;

/** A shown group flagged for a burst of answers just before the close (shared/privacy/padding.ts). */
export interface LateBurst {
  breakdown: 'department' | 'level';
  group: string;
  note: string;
}

/**
 * The report JSON. While the campaign is open: the leadership view only, `published: false`, and no count (a count
 * watched while answers come in tells when a small group is one away from showing). After the close, counts come
 * back; results once the settling window has passed.
 */
export type CampaignReport = Omit<SegmentedReport, 'diagnosisNotes' | 'n'> &
  Partial<Pick<SegmentedReport, 'diagnosisNotes'>> & {
    /** Null while the campaign is open. */
    n: number | null;
    /** What protects this campaign's small groups against answers added to make them show. */
    protection: Protection;
    /** Shown groups whose answers came mostly in a burst just before the close (published reports only). */
    lateBursts?: LateBurst[];
    campaign: {
      id: string;
      orgId: string;
      orgName: string;
      name: string;
      closesAt: string | null;
      status: 'open' | 'closed';
    };
    /**
     * False while the campaign is open, and for the settling window after its close (the reason says until when):
     * nothing derived from workforce answers is shown.
     */
    published: boolean;
    reason?: string;
    responseRate: ResponseRate | null;
    generatedAt: string;
  };

export interface ReportInput {
  campaign: CampaignRecord;
  org: OrgRecord;
  instrument: Instrument;
  cells: Map<string, GroupStats>;
  leadership: LeadershipRecord | null;
  profile: OrgProfile | null;
  /** Invites sent and answered (issue 7); absent or none sent: the rate is on headcount. */
  invites?: { sent: number; answered: number; handedOut?: number };
  /** Counted answers per cell key received in the final window before the close (reports/late-answers.ts). */
  late?: Map<string, number> | null;
  now: Date;
  /** The snapshot cursor's safety window (StatsOptions.safetyMs): results are published this long after the close. */
  settleMs: number;
  /**
   * The organisation's stage-two register as it stands (account flows, issue 11): evidence beside the staff's answers
   * in the replacement-only diagnosis. Absent: the diagnosis rests on the survey alone.
   */
  flows?: readonly Flow[];
  /** The operating account's entries and the close they are read at: evidence in the cash-poor diagnosis. */
  account?: AccountEntries;
}

export const cellStatsOf = (cells: Map<string, GroupStats>): CellStats[] =>
  [...cells].map(([key, stats]) => ({ ...parseCellKey(key), stats }));

/** The privacy plan of a campaign's cells: which totals and breakdowns may be shown. */
export function planOf(campaign: CampaignRecord, cells: Map<string, GroupStats>): BreakdownPlan {
  const counts = cellStatsOf(cells).map((c) => ({ department: c.department, level: c.level, n: c.stats.n }));
  return planBreakdowns(counts, campaign.minGroupSize, { departments: campaign.departments });
}

export function headcountOf(profile: OrgProfile | null): number | null {
  const h = profile?.headcount;
  if (!h) return null;
  if (h.total !== undefined) return h.total;
  const parts = Object.values(h.byDepartment ?? {});
  const levels = Object.values(h.byLevel ?? {});
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (parts.length > 0) return sum(parts);
  if (levels.length > 0) return sum(levels as number[]);
  return null;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Answered invites over invites sent when invitations were used, else responses over the profile's headcount. The
 * invite rate is shown only from k invites on: with fewer, it would tell whether the one or two invitees answered.
 */
export function responseRateOf(
  n: number,
  profile: OrgProfile | null,
  invites: { sent: number; answered: number } | undefined,
  minGroupSize: number,
): ResponseRate | null {
  if (invites && invites.sent > 0) {
    if (invites.sent < minGroupSize) return null;
    return {
      rate: round3(invites.answered / invites.sent),
      responded: invites.answered,
      invited: invites.sent,
      basis: 'invites',
    };
  }
  const headcount = headcountOf(profile);
  if (!headcount) return null;
  return { rate: round3(n / headcount), responded: n, invited: headcount, basis: 'headcount' };
}

const leadershipResponses = (record: LeadershipRecord | null): SurveyResponse[] => record?.respondents ?? [];

export function buildReport(input: ReportInput): CampaignReport {
  const { campaign, org, instrument, now } = input;
  const closed = isClosed(campaign, now);
  const publishesAt = publishesAtOf(campaign, now, input.settleMs);
  const published = publishesAt !== null && publishesAt <= now.toISOString();
  const cells = cellStatsOf(input.cells);
  const n = cells.reduce((sum, c) => sum + c.stats.n, 0);
  const leadershipAnswers = leadershipResponses(input.leadership);
  const leadership = leadershipAnswers.length > 0 ? scoreResponses(instrument, leadershipAnswers) : null;
  const protection = protectionOf({
    openLink: openLinkAllowed(campaign) || campaign.hadOpenLink === true,
    handedOutLinks: input.invites?.handedOut ?? 0,
  });
  const head = {
    campaign: {
      id: campaign.id,
      orgId: campaign.orgId,
      orgName: org.name,
      name: campaign.name,
      closesAt: campaign.closesAt,
      status: closed ? ('closed' as const) : ('open' as const),
    },
    // None while open: a rate watched over time says when each answer came, and with few invitees who answered.
    responseRate: closed ? responseRateOf(n, input.profile, input.invites, campaign.minGroupSize) : null,
    protection,
    generatedAt: now.toISOString(),
  };

  if (!published) {
    const plan = planOf(campaign, input.cells);
    return {
      ...head,
      n: closed ? n : null,
      minGroupSize: plan.minGroupSize,
      suppressed: true,
      published: false,
      reason: publishesAt === null ? UNPUBLISHED_REASON : finalisingReason(publishesAt),
      // The leadership view is knowingly not anonymous (DOMAIN.md), so it may be shown while the campaign runs.
      leadership: leadership ? { n: leadership.n, layers: leadership.layers } : null,
      byLevel: {},
      segments: { department: [], level: [] },
    };
  }

  // The ledger as this campaign asked it; labels are shown only until they expire (campaign-state.ts).
  const design = ledgerDesignFor(instrument, campaign.ledger, campaign.departments);
  const report = segmentedReport({
    instrument,
    cells,
    leadership,
    profile: input.profile,
    minGroupSize: campaign.minGroupSize,
    departments: campaign.departments,
    ...(input.flows ? { flows: input.flows } : {}),
    ...(input.account ? { account: input.account } : {}),
    ...(design ? { ledgerDesign: { ...design, labels: design.labels && !labelsExpired(campaign, now) } } : {}),
  });
  return { ...report, ...head, published: true, lateBursts: lateBurstsOf(report, cells, input.late ?? null) };
}

/** The shown departments and levels whose answers came mostly in the final window before the close. */
function lateBurstsOf(report: SegmentedReport, cells: CellStats[], late: Map<string, number> | null): LateBurst[] {
  if (!late || late.size === 0) return [];
  const rows = cells.map((c) => ({
    department: c.department ?? NO_DEPARTMENT,
    level: c.level as string,
    n: c.stats.n,
    late: late.get(cellKey(c.department, c.level)) ?? 0,
  }));
  const all = rows.reduce((a, r) => ({ n: a.n + r.n, late: a.late + r.late }), { n: 0, late: 0 });
  const bursts: LateBurst[] = [];
  for (const breakdown of ['department', 'level'] as const) {
    for (const segment of report.segments[breakdown]) {
      if (segment.suppressed) continue;
      const group = rows
        .filter((r) => r[breakdown] === segment.name)
        .reduce((a, r) => ({ n: a.n + r.n, late: a.late + r.late }), { n: 0, late: 0 });
      const rest = { n: all.n - group.n, late: all.late - group.late };
      if (isLateBurst(group, rest)) bursts.push({ breakdown, group: segment.name, note: LATE_BURST_NOTE });
    }
  }
  return bursts;
}

// ---- CSV export ---------------------------------------------------------------------------------------------------

/** A spreadsheet must not read a department name as a formula. */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '') : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEADER = [
  'breakdown',
  'group',
  'n',
  'suppressed',
  ...LAYERS.flatMap((l) => [`${l}_score`, `${l}_ci_low`, `${l}_ci_high`]),
  ...LIKERT_SIGNALS.map((s) => `${s}_score`),
];

interface CsvRow {
  breakdown: string;
  group: string;
  n: number | null;
  suppressed: boolean;
  layers?: Partial<Record<Layer, ScaleScore>>;
  signals?: Partial<Record<string, ScaleScore>>;
}

function csvLine(row: CsvRow): string {
  return [
    row.breakdown,
    row.group,
    row.n,
    row.suppressed ? 'true' : 'false',
    ...LAYERS.flatMap((l) => {
      const s = row.layers?.[l];
      return [s?.score, s?.ci95?.[0], s?.ci95?.[1]];
    }),
    ...LIKERT_SIGNALS.map((s) => row.signals?.[s]?.score),
  ]
    .map((c) => csvCell(c as string | number | null | undefined))
    .join(',');
}

/**
 * The aggregate export, written from the very report the JSON answers with, so the two show exactly the same: the
 * total (layers and signals), then each department and level (layers only, as in the JSON, with masked layers blank).
 * A hidden group is a row without count or figures. While the campaign is open or being finalised: the header and one
 * status row.
 */
export function reportCsv(input: ReportInput): string {
  const report = buildReport(input);
  const rows: CsvRow[] = [];
  if (!report.published) {
    const group =
      report.campaign.status === 'open'
        ? 'not published: the campaign is open'
        : `not published: being finalised until ${minuteOf(publishesAtOf(input.campaign, input.now, input.settleMs)!)} UTC`;
    rows.push({ breakdown: 'status', group, n: null, suppressed: true });
  } else {
    rows.push(
      report.suppressed
        ? { breakdown: 'total', group: 'all', n: null, suppressed: true }
        : {
            breakdown: 'total',
            group: 'all',
            n: report.n,
            suppressed: false,
            ...(report.layers ? { layers: report.layers } : {}),
            ...(report.signals ? { signals: report.signals } : {}),
          },
    );
    for (const breakdown of ['department', 'level'] as const) {
      for (const segment of report.segments[breakdown]) {
        rows.push(
          segment.suppressed
            ? { breakdown, group: segment.name, n: null, suppressed: true }
            : {
                breakdown,
                group: segment.name,
                n: segment.n ?? 0,
                suppressed: false,
                ...(segment.layers ? { layers: segment.layers } : {}),
              },
        );
      }
    }
  }
  if (!input.instrument.ledger) return `${[CSV_HEADER.join(','), ...rows.map(csvLine)].join('\r\n')}\r\n`;
  // Instruments with a ledger step: its columns after the layers', and its rows after the groups' (ledger-csv.ts).
  const blanks = ','.repeat(LEDGER_CSV_COLUMNS.length);
  const ledgerLines = (report.published && !report.suppressed && report.ledger ? ledgerCsvRows(report.ledger) : []).map(
    (row) =>
      `${csvLine({ breakdown: row.breakdown, group: row.group, n: row.n, suppressed: row.suppressed })},${row.values
        .map((v) => csvCell(v))
        .join(',')}`,
  );
  const lines = [
    [...CSV_HEADER, ...LEDGER_CSV_COLUMNS].join(','),
    ...rows.map((r) => csvLine(r) + blanks),
    ...ledgerLines,
  ];
  return `${lines.join('\r\n')}\r\n`;
}
