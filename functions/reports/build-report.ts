import { readinessReport } from '../../shared/diagnosis';
import { type Instrument, LAYERS, type Layer, LEVELS, type Level, LIKERT_SIGNALS } from '../../shared/instrument';
import { type BreakdownPlan, type ExportRow, exportRows, planBreakdowns, visibleLevels } from '../../shared/privacy';
import type { OrgProfile } from '../../shared/profile';
import type { GroupReport, ReadinessReport, ScaleScore } from '../../shared/report-model';
import type { SurveyResponse } from '../../shared/response';
import { type GroupStats, report, scoreResponses } from '../../shared/scoring';
import type { CampaignRecord, LeadershipRecord, OrgRecord } from '../store/store';
import { mergeCells, parseCellKey } from './campaign-stats';

export interface SegmentRow {
  name: string;
  suppressed: boolean;
  n?: number;
  layers?: Record<Layer, ScaleScore>;
}

export interface ResponseRate {
  rate: number;
  responded: number;
  /** The denominator: invites sent (issue 7) or headcount from the organisation profile. */
  invited: number;
  basis: 'headcount' | 'invites';
}

/** The report JSON: the readiness report (absent parts when suppressed) plus context and segments. */
export type CampaignReport = Partial<Omit<ReadinessReport, 'n' | 'minGroupSize'>> & {
  campaign: { id: string; orgId: string; orgName: string; name: string; closesAt: string | null; status: string };
  n: number;
  minGroupSize: number;
  /** True when the whole workforce is below the minimum group size: n is shown, nothing derived from answers. */
  suppressed: boolean;
  leadership: { n: number; layers: Record<Layer, ScaleScore> } | null;
  byLevel: Partial<Record<Level, { n: number; layers: Record<Layer, ScaleScore> }>>;
  segments: { department: SegmentRow[]; level: SegmentRow[] };
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
  now: Date;
}

/** The privacy plan of a campaign's cells: which totals and breakdowns may be shown. */
export function planOf(campaign: CampaignRecord, cells: Map<string, GroupStats>): BreakdownPlan {
  const counts = [...cells].map(([key, stats]) => ({ ...parseCellKey(key), n: stats.n }));
  return planBreakdowns(counts, campaign.minGroupSize, { departments: campaign.departments });
}

/** Stats of one row of the plan (the total, a department or a level), merged from the cells. */
function rowStats(input: ReportInput, breakdown: ExportRow<unknown>['breakdown'], key: string | null): GroupStats {
  return mergeCells(input.instrument, input.cells, (cell) =>
    breakdown === 'total' ? true : breakdown === 'department' ? cell.department === key : cell.level === key,
  );
}

function headcountOf(profile: OrgProfile | null): number | null {
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

function responseRateOf(n: number, profile: OrgProfile | null): ResponseRate | null {
  const headcount = headcountOf(profile);
  if (!headcount) return null;
  return { rate: Math.round((n / headcount) * 1000) / 1000, responded: n, invited: headcount, basis: 'headcount' };
}

const leadershipResponses = (record: LeadershipRecord | null): SurveyResponse[] => record?.respondents ?? [];

export function buildReport(input: ReportInput): CampaignReport {
  const { campaign, org, instrument, now } = input;
  const plan = planOf(campaign, input.cells);
  const total = rowStats(input, 'total', null);
  const leadershipAnswers = leadershipResponses(input.leadership);
  const leadership: GroupReport | null =
    leadershipAnswers.length > 0 ? scoreResponses(instrument, leadershipAnswers) : null;
  const closed = campaign.closedAt !== null || (campaign.closesAt !== null && campaign.closesAt <= now.toISOString());

  const base = {
    campaign: {
      id: campaign.id,
      orgId: campaign.orgId,
      orgName: org.name,
      name: campaign.name,
      closesAt: campaign.closesAt,
      status: closed ? 'closed' : 'open',
    },
    n: total.n,
    minGroupSize: plan.minGroupSize,
    responseRate: responseRateOf(total.n, input.profile),
    generatedAt: now.toISOString(),
  };

  const rows = exportRows(plan, (segment) => report(instrument, rowStats(input, segment.breakdown, segment.key)));
  const segmentRows = (breakdown: 'department' | 'level'): SegmentRow[] =>
    rows
      .filter((r) => r.breakdown === breakdown)
      .map((r) =>
        r.suppressed || r.n === null
          ? { name: r.key ?? '(none)', suppressed: true }
          : { name: r.key ?? '(none)', suppressed: false, n: r.n, ...(r.values ? { layers: r.values.layers } : {}) },
      );
  const segments = { department: segmentRows('department'), level: segmentRows('level') };

  if (plan.total.suppressed || total.n < plan.minGroupSize) {
    return { ...base, suppressed: true, leadership: null, byLevel: {}, segments };
  }

  const byLevel: Partial<Record<Level, GroupReport>> = {};
  for (const level of visibleLevels(plan)) byLevel[level] = report(instrument, rowStats(input, 'level', level));
  const readiness = readinessReport({
    instrument,
    workforce: report(instrument, total),
    leadership,
    byLevel,
    profile: input.profile,
    minGroupSize: plan.minGroupSize,
  });
  return {
    ...readiness,
    ...base,
    suppressed: false,
    // The leadership view is knowingly not anonymous (DOMAIN.md): its own scores are shown beside the gap.
    leadership: leadership ? { n: leadership.n, layers: leadership.layers } : null,
    byLevel: Object.fromEntries(
      LEVELS.filter((l) => byLevel[l]).map((l) => [l, { n: byLevel[l]!.n, layers: byLevel[l]!.layers }]),
    ),
    segments,
  };
}

// ---- CSV export ---------------------------------------------------------------------------------------------------

/** A spreadsheet must not read a department name as a formula. */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '') : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The aggregate export: one row per group of the privacy plan (total, departments, levels). Hidden groups are rows
 * with no count and no values, exactly as in the JSON report; when the total is below the minimum, every row is hidden.
 */
export function reportCsv(input: ReportInput): string {
  const { instrument } = input;
  const plan = planOf(input.campaign, input.cells);
  const rows = exportRows(plan, (segment) => report(instrument, rowStats(input, segment.breakdown, segment.key)));
  const header = [
    'breakdown',
    'group',
    'n',
    'suppressed',
    ...LAYERS.flatMap((l) => [`${l}_score`, `${l}_ci_low`, `${l}_ci_high`]),
    ...LIKERT_SIGNALS.map((s) => `${s}_score`),
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    const v = row.values;
    lines.push(
      [
        row.breakdown,
        row.breakdown === 'total' ? 'all' : (row.key ?? '(none)'),
        row.n,
        row.suppressed ? 'true' : 'false',
        ...LAYERS.flatMap((l) => [v?.layers[l].score, v?.layers[l].ci95?.[0], v?.layers[l].ci95?.[1]]),
        ...LIKERT_SIGNALS.map((s) => v?.signals[s].score),
      ]
        .map((c) => csvCell(c as string | number | null | undefined))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
