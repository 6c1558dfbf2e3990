// The portfolio at a glance (GET /api/v1/portfolio): every company × the five layers in one sortable table, and its
// CSV. Pure functions of the API's JSON; levels, first break and significance are words, never colour alone.

import { LAYERS, type Layer } from '../../shared/instrument/types';
import { type Company, type Portfolio, portfolioCsv, type RunningWave } from '../../shared/report/portfolio';
import type { DiagnosisCode } from '../../shared/report-model';
import { esc } from '../html';
import { DIAGNOSIS_NAMES, LAYER_NAMES } from '../report/labels';

export type { Company, Portfolio };

export type GlanceSortKey = 'org' | 'closedAt' | Layer | 'firstBreak' | 'diagnoses' | 'responseRate';
export interface GlanceSort {
  key: GlanceSortKey;
  dir: 'asc' | 'desc';
}

const COLUMNS: { key: GlanceSortKey; label: string }[] = [
  { key: 'org', label: 'Organisation' },
  { key: 'closedAt', label: 'Latest wave' },
  ...LAYERS.map((l) => ({ key: l as GlanceSortKey, label: LAYER_NAMES[l] })),
  { key: 'firstBreak', label: 'First break' },
  { key: 'diagnoses', label: 'Diagnoses' },
  { key: 'responseRate', label: 'Response rate' },
];

/** The short name of a diagnosis: the part of its name before the colon. */
const diagnosisName = (code: string): string =>
  ((DIAGNOSIS_NAMES as Record<string, string>)[code as DiagnosisCode] ?? code.replace(/_/g, ' ')).split(':')[0]!;

/** What a column sorts by; null sorts last whichever the direction (a company without a figure is not "lowest"). */
function sortValue(c: Company, key: GlanceSortKey): string | number | null {
  switch (key) {
    case 'org':
      return c.orgName.toLocaleLowerCase();
    case 'closedAt':
      return c.closedAt;
    case 'firstBreak':
      return c.firstBreak ? LAYERS.indexOf(c.firstBreak) : null;
    case 'diagnoses':
      return c.campaignId ? c.diagnoses.length : null;
    case 'responseRate':
      return c.responseRate;
    default:
      return c.layers[key].score;
  }
}

/** The companies in the table's order: by the key, nulls last, ties by organisation name. */
export function sortCompanies(companies: readonly Company[], sort: GlanceSort): Company[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...companies].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.orgName.localeCompare(b.orgName) || a.orgId.localeCompare(b.orgId);
  });
}

const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;

function layerCell(c: Company, layer: Layer): string {
  const { score, level } = c.layers[layer];
  if (score === null) return `<td class="num sup">${c.campaignId ? 'hidden' : '–'}</td>`;
  const d = c.change?.layers[layer];
  const change =
    d && d.delta !== null
      ? d.significant
        ? `<span class="${d.delta >= 0 ? 'up' : 'down'}">${d.delta >= 0 ? '▲' : '▼'} ${signed(d.delta)}</span>`
        : `<span class="muted">${signed(d.delta)} (within noise)</span>`
      : '';
  const breaks = c.firstBreak === layer ? ' <span class="tag">first break</span>' : '';
  return `<td class="num"><strong>${score.toFixed(0)}</strong> <span class="level">${esc(level ?? '')}</span>${breaks}${
    change ? `<br>${change}` : ''
  }</td>`;
}

/**
 * A running campaign's live participation, as its Participation panel counts it (nothing below the minimum group
 * size), and a link there: the page opens the panel (`data-glance-participation`).
 */
function runningLine(w: RunningWave): string {
  const count = w.total === null ? `fewer than ${w.minGroupSize} answers` : `${w.total} answers`;
  const before = w.asOf ? ` before ${w.asOf.slice(0, 10)} ${w.asOf.slice(11, 16)} UTC` : '';
  return `<br><span class="running">Running: ${esc(count)}${esc(before)} · <a href="#c-${esc(
    w.campaignId,
  )}" data-glance-participation="${esc(w.campaignId)}">Participation in ${esc(w.campaignName)}</a></span>`;
}

function row(c: Company): string {
  const org = `<th scope="row">${esc(c.orgName)}${c.archived ? ' <span class="tag">archived</span>' : ''}</th>`;
  const running = c.participation.map(runningLine).join('');
  const waveCell = c.campaignId
    ? `<td>${esc(c.campaignName ?? '')}<br><span class="muted">closed ${esc((c.closedAt ?? '').slice(0, 10))}</span>${running}</td>`
    : `<td class="muted">no closed wave yet${running}</td>`;
  const firstBreak = `<td>${c.firstBreak ? esc(LAYER_NAMES[c.firstBreak]) : c.campaignId ? 'none named' : '–'}</td>`;
  const diagnoses = `<td>${
    c.diagnoses.length > 0
      ? `<ul class="plain">${c.diagnoses.map((d) => `<li>${esc(diagnosisName(d))}</li>`).join('')}</ul>`
      : c.campaignId
        ? 'none'
        : '–'
  }</td>`;
  const rate = `<td class="num">${c.responseRate === null ? '–' : `${(c.responseRate * 100).toFixed(0)}%`}</td>`;
  return `<tr>${org}${waveCell}${LAYERS.map((l) => layerCell(c, l)).join('')}${firstBreak}${diagnoses}${rate}</tr>`;
}

/**
 * The table, sorted: each header a button (`data-sort`) the page binds to re-sort, the sorted one with `aria-sort`.
 * Layer cells show the score, its level in words, "first break" where it is, and the change since the previous wave:
 * ▲/▼ when beyond noise, "(within noise)" otherwise.
 */
export function renderGlance(model: Portfolio, sort: GlanceSort): string {
  if (model.companies.length === 0) return '<p class="empty">No organisations in this portfolio yet.</p>';
  const head = COLUMNS.map(({ key, label }) => {
    const sorted = key === sort.key;
    const aria = sorted ? ` aria-sort="${sort.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = sorted ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    return `<th scope="col"${aria}><button type="button" class="sort" data-sort="${key}">${esc(label)}${arrow}</button></th>`;
  }).join('');
  const body = sortCompanies(model.companies, sort).map(row).join('');
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="Portfolio at a glance"><table class="data glance"><caption>Each organisation’s latest closed wave: layer scores 0–100 with their level, the first break, the diagnoses and the response rate (on the profile’s headcount); the change since its previous wave, ▲▼ only beyond noise. Hidden: below the minimum group size.</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The table as CSV: the same export as GET /api/v1/portfolio?format=csv. */
export const glanceCsv = (model: Portfolio): string => portfolioCsv(model);
