// /dashboard.html: the consultant's portfolio. The token is entered once and kept in sessionStorage (this tab only);
// every call sends it as a bearer header. All text from the API goes through esc() before it reaches the page.

import { esc } from '../html';
import { type CompareModel, compareCsv, renderCompareChart, renderCompareTable } from './render-compare';

interface Org {
  id: string;
  name: string;
  createdAt: string;
}

interface Campaign {
  id: string;
  orgId: string;
  name: string;
  status?: 'open' | 'closed';
  departments: string[];
  minGroupSize: number;
  createdAt: string;
  surveyUrl?: string;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'orgos:dashboard:token';
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let orgs: Org[] = [];
let campaigns = new Map<string, Campaign>();
let lastCompare: CompareModel | null = null;

const token = () => sessionStorage.getItem(TOKEN_KEY);

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token()}`, accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await res.json().catch(() => ({}))) as T & {
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  if (!res.ok) {
    const fields = body.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new ApiError(res.status, fields || body.detail || `request failed (${res.status})`);
  }
  return body;
}

function say(text: string): void {
  $('msg').textContent = text;
}

function fail(err: unknown, where: string): void {
  if (err instanceof ApiError && err.status === 401) {
    signOut();
    $('signin-msg').textContent = 'That token was not accepted (unknown, expired or revoked). Enter a valid one.';
    return;
  }
  say(`${where}: ${err instanceof Error ? err.message : String(err)}`);
}

function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  $('app').hidden = true;
  $('signin').hidden = false;
}

async function start(): Promise<void> {
  if (!token()) {
    signOut();
    return;
  }
  $('signin').hidden = true;
  $('app').hidden = false;
  await loadPortfolio();
}

async function loadPortfolio(): Promise<void> {
  try {
    orgs = (await api<{ orgs: Org[] }>('/api/v1/orgs')).orgs;
    const lists = await Promise.all(
      orgs.map((o) => api<{ campaigns: Campaign[] }>(`/api/v1/orgs/${encodeURIComponent(o.id)}/campaigns`)),
    );
    campaigns = new Map(lists.flatMap((l) => l.campaigns).map((c) => [c.id, c]));
  } catch (err) {
    fail(err, 'Loading the portfolio failed');
    return;
  }
  renderPortfolio();
  const select = $<HTMLSelectElement>('campaign-org');
  const chosen = select.value;
  select.innerHTML = orgs.map((o) => `<option value="${esc(o.id)}">${esc(o.name)}</option>`).join('');
  if (chosen) select.value = chosen;
}

function renderPortfolio(): void {
  const html = orgs
    .map((org) => {
      const list = [...campaigns.values()]
        .filter((c) => c.orgId === org.id)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const rows = list
        .map((c) => {
          const id = esc(c.id);
          const report = `/report.html#campaign=${encodeURIComponent(c.id)}&token=${encodeURIComponent(token() ?? '')}`;
          return `<tr><td><label class="check"><input type="checkbox" name="compare" value="${id}"><span class="sr-only">Compare ${esc(
            c.name,
          )}</span></label></td><th scope="row" id="c-${id}">${esc(c.name)}</th><td class="status-${esc(
            c.status ?? 'open',
          )}">${esc(c.status ?? 'open')}</td><td>${esc(c.createdAt.slice(0, 10))}</td><td><div class="cell-actions"><a class="button" href="${esc(
            report,
          )}" target="_blank" rel="noopener" aria-describedby="c-${id}">Report</a><button type="button" class="secondary" data-exec="${id}" aria-describedby="c-${id}">Executive link</button><label class="sr-only" for="n-${id}">Number of invite links for ${esc(
            c.name,
          )}</label><input type="number" id="n-${id}" value="10" min="1" max="500" class="count"><button type="button" class="secondary" data-invite="${id}" aria-describedby="c-${id}">Invite links</button></div></td></tr>`;
        })
        .join('');
      const table = rows
        ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Campaigns of ${esc(
            org.name,
          )}"><table class="data"><caption class="sr-only">Campaigns of ${esc(org.name)}</caption><thead><tr><th scope="col">Compare</th><th scope="col">Campaign</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Links</th></tr></thead><tbody>${rows}</tbody></table></div>`
        : '<p class="muted">No campaigns yet.</p>';
      return `<section class="org" aria-labelledby="o-${esc(org.id)}"><h3 id="o-${esc(org.id)}">${esc(
        org.name,
      )}</h3>${table}<div class="result" id="r-${esc(org.id)}" role="status"></div></section>`;
    })
    .join('');
  $('portfolio').innerHTML = html || '<p class="muted">No organisations yet: create the first one below.</p>';
}

function resultFor(campaignId: string): HTMLElement {
  const c = campaigns.get(campaignId);
  return $(`r-${c?.orgId ?? ''}`) ?? $('msg');
}

async function executiveLink(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  const out = resultFor(campaignId);
  try {
    const created = await api<{ token: string; expiresAt: string }>('/api/v1/tokens', {
      method: 'POST',
      body: { role: 'executive', orgIds: [c.orgId] },
    });
    const link = `${location.origin}/report.html#campaign=${encodeURIComponent(c.id)}&token=${encodeURIComponent(created.token)}`;
    out.innerHTML = `<p>Executive report link for <strong>${esc(c.name)}</strong>, valid until ${esc(
      created.expiresAt.slice(0, 10),
    )}. It is shown only now: copy it and send it to the executive.</p><code class="linkbox">${esc(link)}</code>`;
  } catch (err) {
    fail(err, 'Creating the executive link failed');
  }
}

function inviteUrls(body: unknown): string[] {
  const list = Array.isArray(body)
    ? body
    : ((body as { invites?: unknown[]; links?: unknown[] }).invites ?? (body as { links?: unknown[] }).links ?? []);
  return list
    .map((x) =>
      typeof x === 'string'
        ? x
        : ((x as { url?: string; surveyUrl?: string }).url ?? (x as { surveyUrl?: string }).surveyUrl),
    )
    .filter((u): u is string => typeof u === 'string');
}

async function inviteLinks(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  const out = resultFor(campaignId);
  const count = Math.max(1, Math.min(500, Number($<HTMLInputElement>(`n-${campaignId}`).value) || 10));
  try {
    const body = await api<unknown>(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/invites`, {
      method: 'POST',
      body: { count },
    });
    const urls = inviteUrls(body);
    out.innerHTML = `<p>${urls.length} single-use invite links for <strong>${esc(
      c.name,
    )}</strong> (each works once; it is not linked to the answers):</p><textarea readonly rows="6" aria-label="Invite links for ${esc(
      c.name,
    )}">${esc(urls.join('\n'))}</textarea>`;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) {
      out.innerHTML = `<p class="warn">Invite links are not available on this server yet. Share the campaign’s open survey link instead.</p>`;
      return;
    }
    fail(err, 'Creating invite links failed');
  }
}

async function compare(): Promise<void> {
  const ids = [...document.querySelectorAll<HTMLInputElement>('input[name=compare]:checked')].map((i) => i.value);
  const out = $('compare-out');
  if (ids.length === 0) {
    out.innerHTML = '<p class="warn">Select at least one campaign in the portfolio first.</p>';
    return;
  }
  try {
    const model = await api<CompareModel>(`/api/v1/compare?campaigns=${ids.map(encodeURIComponent).join(',')}`);
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    for (const c of model.campaigns) c.orgName ??= names.get(c.orgId);
    lastCompare = model;
    out.innerHTML = `${renderCompareChart(model)}${renderCompareTable(model)}<button type="button" id="csv" class="secondary">Download CSV</button>`;
    $('csv').addEventListener('click', downloadCsv);
    $('compare-h').focus();
  } catch (err) {
    fail(err, 'The comparison failed');
  }
}

function downloadCsv(): void {
  if (!lastCompare) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([compareCsv(lastCompare)], { type: 'text/csv;charset=utf-8' }));
  a.download = 'orgos-comparison.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function formValue(form: HTMLFormElement, name: string): string {
  return String(new FormData(form).get(name) ?? '').trim();
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = formValue(e.target as HTMLFormElement, 'token');
  if (!value) return;
  sessionStorage.setItem(TOKEN_KEY, value);
  $<HTMLInputElement>('token').value = '';
  $('signin-msg').textContent = '';
  void start();
});

$('signout').addEventListener('click', () => {
  signOut();
  $('signin-msg').textContent = 'Signed out.';
  $('token').focus();
});

$('org-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  try {
    const org = await api<Org>('/api/v1/orgs', { method: 'POST', body: { name: formValue(form, 'name') } });
    form.reset();
    await loadPortfolio();
    $<HTMLSelectElement>('campaign-org').value = org.id;
    say(`Organisation “${org.name}” created.`);
  } catch (err) {
    fail(err, 'Creating the organisation failed');
  }
});

$('campaign-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const departments = formValue(form, 'departments')
    .split(/\r?\n|,/)
    .map((d) => d.trim())
    .filter(Boolean);
  const body: Record<string, unknown> = { name: formValue(form, 'name'), departments };
  const k = Number(formValue(form, 'minGroupSize'));
  if (k) body.minGroupSize = k;
  try {
    const created = await api<Campaign>(`/api/v1/orgs/${encodeURIComponent(formValue(form, 'orgId'))}/campaigns`, {
      method: 'POST',
      body,
    });
    form.reset();
    await loadPortfolio();
    $('campaign-out').innerHTML =
      `<p>Campaign <strong>${esc(created.name)}</strong> created. Its open survey link (share it with employees):</p><code class="linkbox">${esc(
        created.surveyUrl ?? '',
      )}</code>`;
  } catch (err) {
    fail(err, 'Creating the campaign failed');
  }
});

$('portfolio').addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest('button');
  if (!button) return;
  if (button.dataset.exec) void executiveLink(button.dataset.exec);
  if (button.dataset.invite) void inviteLinks(button.dataset.invite);
});

$('compare-btn').addEventListener('click', () => void compare());

void start();
