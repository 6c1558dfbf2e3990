// The dashboard's "Portfolio at a glance" section: GET /api/v1/portfolio drawn by renderGlance, re-sorted by the
// column header buttons (the same key again reverses), and downloaded as the CSV the API also serves.

import { api } from '../account/session-client';
import { type GlanceSort, type GlanceSortKey, glanceCsv, type Portfolio, renderGlance } from './render-glance';

let model: Portfolio | null = null;
let sort: GlanceSort = { key: 'org', dir: 'asc' };

function draw(out: HTMLElement, focusKey?: string): void {
  if (!model) return;
  out.innerHTML = renderGlance(model, sort);
  if (focusKey) out.querySelector<HTMLButtonElement>(`button[data-sort="${CSS.escape(focusKey)}"]`)?.focus();
}

export async function loadGlance(out: HTMLElement, archived: boolean): Promise<void> {
  model = await api<Portfolio>(`/api/v1/portfolio${archived ? '?archived=include' : ''}`);
  draw(out);
}

/** `openParticipation` opens a running campaign's Participation panel (the page's own, beside the campaign). */
export function bindGlance(
  out: HTMLElement,
  csvButton: HTMLElement,
  openParticipation: (campaignId: string) => Promise<void>,
): void {
  out.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-glance-participation]');
    if (link?.dataset.glanceParticipation) {
      e.preventDefault();
      void openParticipation(link.dataset.glanceParticipation);
      return;
    }
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-sort]');
    if (!button) return;
    const key = button.dataset.sort as GlanceSortKey;
    // Names read A→Z first; scores highest first, the usual question being "who is ahead".
    const first = key === 'org' || key === 'firstBreak' ? 'asc' : 'desc';
    sort = { key, dir: sort.key === key ? (sort.dir === 'asc' ? 'desc' : 'asc') : first };
    draw(out, key);
  });
  csvButton.addEventListener('click', () => {
    if (model) downloadText(glanceCsv(model), 'orgos-portfolio.csv');
  });
}

/** A text file the browser saves (no server round trip: the page already holds what the CSV says). */
export function downloadText(text: string, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
