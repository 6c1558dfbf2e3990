// The consultant's side-by-side comparison: a table, a grouped bar chart (SVG, no library) and a CSV export, all pure
// functions of the compare JSON (GET /api/v1/compare). Suppressed campaigns show no figure anywhere, CSV included.

import { LAYERS, LIKERT_SIGNALS } from '../../shared/instrument/types';
import { esc } from '../html';
import { LAYER_NAMES, SIGNAL_NAMES as REPORT_SIGNAL_NAMES } from '../report/labels';

export interface CompareCampaign {
  id: string;
  orgId: string;
  orgName?: string;
  name: string;
  createdAt: string;
  n: number;
  /**
   * An open campaign is listed, never compared: its results are not published yet; nor are a closed one's for the
   * minute after its close while they are finalised (`status: 'closed'`, `published: false`).
   */
  status?: 'open' | 'closed';
  published?: boolean;
  suppressed: boolean;
  previousCampaignId: string | null;
  scores?: Record<string, number | null>;
  /** Other organisations the scores are ranked among (each by its latest closed wave). */
  peers?: number;
  peerCounts?: Record<string, number>;
  percentiles?: Record<string, number | null>;
  /** Why a percentile is missing ("fewer than 5 other organisations"). */
  percentileReasons?: Record<string, string | null>;
  change?: Record<string, number | null> | null;
}

export interface CompareModel {
  generatedAt?: string;
  portfolioSize?: number;
  /** The fewest other organisations a percentile is given over. */
  minPeers?: number;
  measures?: string[];
  campaigns: CompareCampaign[];
  minGroupSize?: number;
}

const SIGNAL_NAMES: Record<string, string> = { ...REPORT_SIGNAL_NAMES, capacity_decision: 'Capacity decision' };

export const measureName = (m: string): string =>
  (LAYER_NAMES as Record<string, string>)[m] ?? SIGNAL_NAMES[m] ?? m.replace(/_/g, ' ');

const fmt = (v: number | null | undefined, digits = 0) =>
  typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–';
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;
/** A number as the table shows it (scores and percentiles whole, changes to one decimal), for the CSV. */
const shown = (v: number | null | undefined, digits: number): string =>
  typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '';
const peersText = (n: number) => `${n} ${n === 1 ? 'peer' : 'peers'}`;
const tooFew = (model: CompareModel) => `fewer than ${model.minPeers ?? 5} other organisations`;

function measuresOf(model: CompareModel): string[] {
  if (model.measures?.length) return model.measures;
  return [...LAYERS, ...LIKERT_SIGNALS];
}

function label(c: CompareCampaign): string {
  return c.orgName ? `${c.orgName}: ${c.name}` : c.name;
}

/** The table: one row per measure, one column per campaign; score, percentile in the portfolio, change since the last wave. */
export function renderCompareTable(model: CompareModel): string {
  const measures = measuresOf(model);
  const head = model.campaigns
    .map(
      (c) =>
        `<th scope="col">${esc(label(c))}<br><span class="muted">${
          c.published === false
            ? c.status === 'closed'
              ? 'closed: being finalised'
              : 'open: not published yet'
            : c.suppressed
              ? 'hidden'
              : `${c.n} responses${typeof c.peers === 'number' ? ` · ${peersText(c.peers)}` : ''}`
        }</span></th>`,
    )
    .join('');
  const rows = measures
    .map((m) => {
      const cells = model.campaigns
        .map((c) => {
          if (c.published === false) return `<td class="sup">${c.status === 'closed' ? 'finalising' : 'open'}</td>`;
          if (c.suppressed) return '<td class="sup">hidden</td>';
          const score = c.scores?.[m];
          if (typeof score !== 'number') return '<td class="num">–</td>';
          const p = c.percentiles?.[m];
          const d = c.change?.[m];
          const parts = [`<strong>${fmt(score)}</strong>`];
          const peers = c.peerCounts?.[m];
          if (typeof p === 'number') {
            parts.push(
              `<span class="muted">P${fmt(p)}${typeof peers === 'number' ? ` of ${peersText(peers)}` : ''}</span>`,
            );
          } else if (c.percentileReasons?.[m]) {
            parts.push(`<span class="muted">${esc(c.percentileReasons[m]!)}</span>`);
          }
          if (typeof d === 'number') parts.push(`<span class="${d >= 0 ? 'up' : 'down'}">${signed(d)}</span>`);
          return `<td class="num">${parts.join(' ')}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(measureName(m))}</th>${cells}</tr>`;
    })
    .join('');
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="Comparison table"><table class="data heat"><caption>Scores 0–100; percentile (P) among the other organisations of the portfolio, each by its latest closed wave (none given with ${tooFew(model)}); change since the organisation’s previous wave</caption><thead><tr><th scope="col">Measure</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Grouped horizontal bars: the five layers, one bar per shown campaign. */
export function renderCompareChart(model: CompareModel): string {
  const shown = model.campaigns.filter((c) => !c.suppressed);
  if (shown.length === 0) return '<p class="empty">No campaign in this selection has enough responses to chart.</p>';
  const labelW = 130;
  const plotW = 440;
  const barH = 12;
  const groupH = shown.length * (barH + 3) + 14;
  const h = LAYERS.length * groupH + 28;
  let svg = '';
  for (const t of [0, 25, 50, 75, 100]) {
    const x = labelW + (t / 100) * plotW;
    svg += `<line class="grid" x1="${x}" x2="${x}" y1="4" y2="${h - 22}"/><text x="${x}" y="${h - 6}" text-anchor="middle">${t}</text>`;
  }
  LAYERS.forEach((layer, i) => {
    const y0 = 4 + i * groupH;
    svg += `<text x="${labelW - 8}" y="${y0 + groupH / 2 + 2}" text-anchor="end">${LAYER_NAMES[layer]}</text>`;
    shown.forEach((c, j) => {
      const score = c.scores?.[layer];
      if (typeof score !== 'number') return;
      const y = y0 + 6 + j * (barH + 3);
      const w = (Math.max(0, Math.min(100, score)) / 100) * plotW;
      svg += `<rect class="s${j % 6}" x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" rx="2"/><text x="${
        labelW + w + 4
      }" y="${y + barH - 2}" font-size="11">${Math.round(score)}</text>`;
    });
  });
  const legend = shown.map((c, j) => `<li><i class="s${j % 6}"></i>${esc(label(c))}</li>`).join('');
  return `<figure><ul class="legend">${legend}</ul><svg class="chart" viewBox="0 0 640 ${h}" role="img" aria-label="Grouped bar chart of layer scores per campaign; the figures are in the table.">${svg}</svg><figcaption>Layer scores per campaign, 0–100. Open campaigns and campaigns below the minimum group size are left out.</figcaption></figure>`;
}

/** A CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The comparison as CSV (one row per campaign), readable as it stands: organisation and campaign names rather than
 * ids, numbers rounded as the table shows them. Suppressed campaigns keep their row but no figure.
 */
export function compareCsv(model: CompareModel): string {
  const measures = measuresOf(model);
  const names = new Map(model.campaigns.map((c) => [c.id, c.name]));
  const header = [
    'organisation',
    'campaign',
    'created_at',
    'previous_wave',
    'status',
    'responses',
    'suppressed',
    'peers',
  ];
  for (const m of measures) header.push(`${m}_score`, `${m}_percentile`, `${m}_change`);
  const lines = [header.join(',')];
  for (const c of model.campaigns) {
    const row: unknown[] = [
      c.orgName ?? '',
      c.name,
      c.createdAt.slice(0, 10),
      c.previousCampaignId ? (names.get(c.previousCampaignId) ?? 'earlier wave') : '',
      c.status ?? '',
      c.suppressed ? '' : c.n,
      c.suppressed,
      c.suppressed ? '' : (c.peers ?? ''),
    ];
    for (const m of measures) {
      if (c.suppressed) row.push('', '', '');
      else {
        const p = c.percentiles?.[m];
        row.push(
          shown(c.scores?.[m], 0),
          typeof p === 'number' ? shown(p, 0) : (c.percentileReasons?.[m] ?? ''),
          shown(c.change?.[m], 1),
        );
      }
    }
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
