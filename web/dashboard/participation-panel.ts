// The dashboard's live participation of a campaign (issue 16), for the roles that run campaigns: answers by
// department and by level as of the last settled hour, every group from the minimum group size on, the smaller ones
// counted together as other groups; what may be shown is decided by the server (shared/privacy/participation.ts).
// Once the campaign is closed, the panel points to the report.

import { ApiError, api } from '../account/session-client';
import { esc } from '../html';

type Level = 'frontline' | 'manager' | 'executive';

export interface ParticipationModel {
  campaignId: string;
  status: 'open' | 'closed';
  asOf: string | null;
  minGroupSize: number;
  total: number | null;
  departments: { name: string | null; n: number; headcount: number | null; responseRate: number | null }[];
  otherDepartments: { groups: (string | null)[]; n: number | null } | null;
  levels: { level: Level; n: number }[];
  otherLevels: { groups: Level[]; n: number | null } | null;
  note: string;
}

interface CampaignRef {
  id: string;
  name: string;
}

const LEVEL_NAMES: Record<Level, string> = { frontline: 'Frontline', manager: 'Managers', executive: 'Executives' };
const departmentName = (name: string | null) => (name === null ? 'No department given' : name);
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const count = (n: number | null) => (n === null ? 'not shown' : String(n));
/** "2026-03-02 10:00 UTC": the hour the counts run up to, in the time zone every stored time has. */
const hourOf = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The panel's markup (pure, so a unit test can read it); `reportUrl` is where a closed campaign's counts are. */
export function renderParticipation(model: ParticipationModel, campaign: CampaignRef, reportUrl: string): string {
  const title = `<h4>Live participation in ${esc(campaign.name)}</h4>`;
  if (model.status === 'closed') {
    return `${title}<p>${esc(campaign.name)} is closed: its counts and results are in the <a href="${esc(
      reportUrl,
    )}" target="_blank" rel="noopener">report</a>.</p>`;
  }
  const head = `<p>Answers received before <strong>${esc(hourOf(model.asOf ?? ''))}</strong>; minimum group size ${esc(
    String(model.minGroupSize),
  )}.</p><p class="help">${esc(model.note)} Rate: answers over the profile’s headcount of the department.</p>`;
  if (model.total === null) {
    return `${title}${head}<p>Nothing is shown yet: the answers counted so far are fewer than the minimum group size.</p>${refresh(campaign)}`;
  }
  const pooled = (groups: string[]) => `Other groups <span class="muted">(${esc(groups.join(', '))})</span>`;
  const departmentRows = model.departments
    .map(
      (d) =>
        `<tr><th scope="row">${esc(departmentName(d.name))}</th><td>${esc(String(d.n))}</td><td>${esc(
          d.headcount === null ? '–' : String(d.headcount),
        )}</td><td>${esc(percent(d.responseRate))}</td></tr>`,
    )
    .join('');
  const otherDepartments = model.otherDepartments
    ? `<tr><th scope="row">${pooled(model.otherDepartments.groups.map(departmentName))}</th><td>${esc(
        count(model.otherDepartments.n),
      )}</td><td>–</td><td>–</td></tr>`
    : '';
  const levelRows = model.levels
    .map((l) => `<tr><th scope="row">${esc(LEVEL_NAMES[l.level])}</th><td>${esc(String(l.n))}</td></tr>`)
    .join('');
  const otherLevels = model.otherLevels
    ? `<tr><th scope="row">${pooled(model.otherLevels.groups.map((l) => LEVEL_NAMES[l]))}</th><td>${esc(
        count(model.otherLevels.n),
      )}</td></tr>`
    : '';
  const wrap = (label: string, table: string) =>
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(label)}">${table}</div>`;
  const byDepartment = wrap(
    `Participation by department in ${campaign.name}`,
    `<table class="data"><caption>By department</caption><thead><tr><th scope="col">Department</th><th scope="col">Answers</th><th scope="col">Staff</th><th scope="col">Rate</th></tr></thead><tbody>${departmentRows}${otherDepartments}</tbody></table>`,
  );
  const byLevel = wrap(
    `Participation by level in ${campaign.name}`,
    `<table class="data"><caption>By level</caption><thead><tr><th scope="col">Level</th><th scope="col">Answers</th></tr></thead><tbody>${levelRows}${otherLevels}</tbody></table>`,
  );
  return `${title}${head}<p>Answers in all: <strong data-participation-total>${esc(
    String(model.total),
  )}</strong></p>${byDepartment}${byLevel}${refresh(campaign)}`;
}

const refresh = (campaign: CampaignRef) =>
  `<button type="button" class="secondary" data-participation-refresh="${esc(campaign.id)}">Refresh participation</button>`;

/** Loads the campaign's participation into `out` and wires its refresh button. */
export async function showParticipation(out: HTMLElement, campaign: CampaignRef): Promise<void> {
  const reportUrl = `/report.html#campaign=${encodeURIComponent(campaign.id)}`;
  let model: ParticipationModel;
  try {
    model = await api<ParticipationModel>(`/api/v1/campaigns/${encodeURIComponent(campaign.id)}/participation`);
  } catch (err) {
    // 202: many answers since the last count; the detail says to try again shortly.
    if (!(err instanceof ApiError) || err.status !== 202) throw err;
    out.innerHTML = `<h4>Live participation in ${esc(campaign.name)}</h4><p>${esc(err.message)}</p>${refresh(campaign)}`;
    wire(out, campaign);
    return;
  }
  out.innerHTML = renderParticipation(model, campaign, reportUrl);
  wire(out, campaign);
}

function wire(out: HTMLElement, campaign: CampaignRef): void {
  out.querySelector<HTMLButtonElement>('button[data-participation-refresh]')?.addEventListener('click', (e) => {
    // The portfolio's own click handler must not see this button as one of its own.
    e.stopPropagation();
    void showParticipation(out, campaign);
  });
}
