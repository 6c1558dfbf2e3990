// The report's "Earlier waves" section: a pure function of GET /api/v1/campaigns/{id}/waves. Each published wave's
// whole-workforce layer scores and the change from the wave before with its simultaneous interval; a wave below its
// minimum group size shows only that it was too small, never a figure.

import { LAYERS, type Layer } from '../../shared/instrument';
import type { DifferenceEstimate } from '../../shared/report-model';
import { esc } from '../html';
import type { ReportText } from './report-messages';

export interface WaveTrendModel {
  campaignId: string;
  waves: {
    id: string;
    name: string;
    createdAt: string;
    n: number | null;
    suppressed: boolean;
    scores?: Partial<Record<Layer, number | null>>;
    change?: Partial<Record<Layer, DifferenceEstimate>> | null;
  }[];
}

const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;

export function trendSection(
  trend: WaveTrendModel,
  k: number,
  names: { t: ReportText; layerName: (l: Layer) => string },
): string {
  const { t, layerName } = names;
  const head = `<section id="trend" aria-labelledby="trend-h"><h2 id="trend-h">${esc(t.trendHeading)}</h2>`;
  const shown = trend.waves.filter((w) => !w.suppressed);
  if (trend.waves.length <= 1) return `${head}<p class="empty">${esc(t.trendFirst)}</p></section>`;
  const rows = trend.waves
    .map((w) => {
      const name = `<th scope="row">${esc(w.name)}<span class="ev-note">${esc(w.createdAt.slice(0, 10))}${
        typeof w.n === 'number' ? ` · ${esc(t.responses(w.n))}` : ''
      }</span></th>`;
      if (w.suppressed || !w.scores) {
        return `<tr>${name}<td class="sup" colspan="${LAYERS.length}">${esc(t.trendHidden(k))}</td></tr>`;
      }
      const cells = LAYERS.map((l) => {
        const score = w.scores?.[l];
        const d = w.change?.[l];
        const change = d
          ? `<span class="change${d.beyondNoise ? ' beyond' : ''}">${signed(d.value)} (${signed(d.ci[0])} … ${signed(d.ci[1])}) ${esc(
              d.beyondNoise ? t.trendBeyond : t.trendWithin,
            )}</span>`
          : '';
        return `<td class="num">${typeof score === 'number' ? Math.round(score) : '–'}${change}</td>`;
      }).join('');
      return `<tr${w.id === trend.campaignId ? ' class="current"' : ''}>${name}${cells}</tr>`;
    })
    .join('');
  return `${head}<p>${esc(t.trendIntro)}</p>${
    shown.length <= 1 ? `<p class="notes">${esc(t.trendFirst)}</p>` : ''
  }<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(t.trendHeading)}"><table class="data trend"><caption>${esc(
    t.trendCaption,
  )}</caption><thead><tr><th scope="col">${esc(t.col.wave)}</th>${LAYERS.map(
    (l) => `<th scope="col" class="num">${esc(layerName(l))}</th>`,
  ).join('')}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
