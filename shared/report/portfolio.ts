import { LAYERS, type Layer } from '../instrument/types';

// The portfolio at a glance (issue 16): one row per organisation, its latest closed and published wave's five layers,
// first break, diagnoses and response rate, and the change since its previous wave with the significance rule of
// the wave comparison (docs/METHOD.md §5.7). Built by functions/reports/portfolio.ts from the same published figures
// each wave's report shows; rendered by web/dashboard/render-glance.ts. The CSV is here so the API's and the page's
// exports are one.

export interface GlanceLayer {
  /** 0..100 as the wave's report shows it; null when withheld (below the minimum group size) or no wave. */
  score: number | null;
  /** The maturity level's name (docs/METHOD.md §3.3); null with the score. */
  level: string | null;
}

export interface GlanceLayerChange {
  /** This wave minus the previous one, as the waves route gives it; null where either wave withholds the layer. */
  delta: number | null;
  /** Whether the change is beyond noise (its simultaneous interval excludes 0); null with the delta. */
  significant: boolean | null;
}

export interface GlanceChange {
  fromCampaignId: string;
  fromCampaignName: string;
  layers: Record<Layer, GlanceLayerChange>;
}

export interface Company {
  orgId: string;
  orgName: string;
  archived: boolean;
  /** The latest closed, published wave; null (and everything below empty) before the first. */
  campaignId: string | null;
  campaignName: string | null;
  closedAt: string | null;
  layers: Record<Layer, GlanceLayer>;
  firstBreak: Layer | null;
  /** Codes of the diagnoses made (shared/report-model DiagnosisCode). */
  diagnoses: string[];
  /** Responses over the profile's headcount (0..1); null without a headcount. */
  responseRate: number | null;
  change: GlanceChange | null;
  /**
   * Each campaign of the organisation still open, with its live participation as its own Participation panel gives it
   * (GET /api/v1/campaigns/{id}/participation: the last settled hour, nothing below the minimum group size); empty
   * when none runs.
   */
  participation: RunningWave[];
}

export interface RunningWave {
  campaignId: string;
  campaignName: string;
  /** The counts hold the answers received before this whole hour. */
  asOf: string | null;
  minGroupSize: number;
  /** Answers in all; null while fewer than the minimum group size have been counted. */
  total: number | null;
}

export interface Portfolio {
  companies: Company[];
}

export const emptyLayers = (): Record<Layer, GlanceLayer> =>
  Object.fromEntries(LAYERS.map((l) => [l, { score: null, level: null }])) as Record<Layer, GlanceLayer>;

/** A CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula. */
function cell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rounded as the table shows it: scores whole, changes to one decimal, the response rate in whole percent. */
export const shownScore = (v: number | null): string => (v === null ? '' : v.toFixed(0));
export const shownChange = (v: number | null): string => (v === null ? '' : v.toFixed(1));
export const shownRate = (v: number | null): string => (v === null ? '' : (v * 100).toFixed(0));

/** Open campaigns in three cells, several joined by "; "; a count below the minimum group size is left empty. */
function runningCells(running: readonly RunningWave[]): [string, string, string] {
  const join = (f: (w: RunningWave) => string) => running.map(f).join('; ');
  return [
    join((w) => w.campaignName),
    join((w) => (w.total === null ? `fewer than ${w.minGroupSize}` : String(w.total))),
    join((w) => (w.asOf ? `${w.asOf.slice(0, 10)} ${w.asOf.slice(11, 16)} UTC` : '')),
  ];
}

export function portfolioCsv(model: Portfolio): string {
  const header = [
    'organisation',
    'archived',
    'campaign',
    'closed_on',
    ...LAYERS.flatMap((l) => [`${l}_score`, `${l}_level`]),
    'first_break',
    'diagnoses',
    'response_rate_pct',
    'change_since',
    ...LAYERS.flatMap((l) => [`${l}_change`, `${l}_change_significant`]),
    'running_campaigns',
    'running_answers',
    'running_answers_before',
  ];
  const lines = [header.join(',')];
  for (const c of model.companies) {
    const row = [
      c.orgName,
      c.archived,
      c.campaignName,
      c.closedAt?.slice(0, 10),
      ...LAYERS.flatMap((l) => [shownScore(c.layers[l].score), c.layers[l].level]),
      c.firstBreak,
      c.diagnoses.join('; '),
      shownRate(c.responseRate),
      c.change?.fromCampaignName,
      ...LAYERS.flatMap((l) => {
        const d = c.change?.layers[l];
        return [shownChange(d?.delta ?? null), d?.significant === null || d === undefined ? '' : d.significant];
      }),
      ...runningCells(c.participation),
    ];
    lines.push(row.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
