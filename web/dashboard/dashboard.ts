// /dashboard.html: the consultant's portfolio. The token is entered once and kept in sessionStorage (this tab only);
// every call sends it as a bearer header. All text from the API goes through esc() before it reaches the page.

import { type PortfolioAccountsModel, renderPortfolioAccounts } from '../account/render-portfolio';
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
  surveyUrl?: string | null;
}

interface Contact {
  name: string;
  email: string;
  language?: string;
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
  void loadAccounts();
  const select = $<HTMLSelectElement>('campaign-org');
  const chosen = select.value;
  select.innerHTML = orgs.map((o) => `<option value="${esc(o.id)}">${esc(o.name)}</option>`).join('');
  if (chosen) select.value = chosen;
}

/** Each company's operating account and the portfolio's most common top waits and time sinks (issue 11). */
async function loadAccounts(): Promise<void> {
  try {
    const model = await api<PortfolioAccountsModel>('/api/v1/portfolio/accounts');
    const link = (orgId: string) =>
      `/account.html#org=${encodeURIComponent(orgId)}&token=${encodeURIComponent(token() ?? '')}`;
    $('accounts').innerHTML = renderPortfolioAccounts(model, link);
  } catch (err) {
    fail(err, 'Loading the operating accounts failed');
  }
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
          const open = (c.status ?? 'open') === 'open';
          // Invitations, reminders and closing belong to an open campaign only.
          const lifecycle = open
            ? `<label class="sr-only" for="n-${id}">Number of invite links for ${esc(
                c.name,
              )}</label><input type="number" id="n-${id}" value="10" min="1" max="500" class="count"><button type="button" class="secondary" data-invite="${id}" aria-describedby="c-${id}">Invite links</button><button type="button" class="secondary" data-email="${id}" aria-describedby="c-${id}">Email invites</button><button type="button" class="secondary" data-remind="${id}" aria-describedby="c-${id}">Remind</button><button type="button" class="secondary" data-close="${id}" aria-describedby="c-${id}">Close</button>`
            : '';
          return `<tr><td><label class="check"><input type="checkbox" name="compare" value="${id}"><span class="sr-only">Compare ${esc(
            c.name,
          )}</span></label></td><th scope="row" id="c-${id}">${esc(c.name)}</th><td class="status-${esc(
            c.status ?? 'open',
          )}">${esc(c.status ?? 'open')}</td><td>${esc(c.createdAt.slice(0, 10))}</td><td><div class="cell-actions"><a class="button" href="${esc(
            report,
          )}" target="_blank" rel="noopener" aria-describedby="c-${id}">Report</a><button type="button" class="secondary" data-exec="${id}" aria-describedby="c-${id}">Executive link</button>${lifecycle}</div></td></tr>`;
        })
        .join('');
      const table = rows
        ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Campaigns of ${esc(
            org.name,
          )}"><table class="data"><caption class="sr-only">Campaigns of ${esc(org.name)}</caption><thead><tr><th scope="col">Compare</th><th scope="col">Campaign</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Links</th></tr></thead><tbody>${rows}</tbody></table></div>`
        : '<p class="muted">No campaigns yet.</p>';
      return `<section class="org" aria-labelledby="o-${esc(org.id)}"><h3 id="o-${esc(org.id)}">${esc(
        org.name,
      )}</h3>${table}<button type="button" class="secondary" data-contacts="${esc(org.id)}" aria-describedby="o-${esc(
        org.id,
      )}">Executive contacts</button><div class="result" id="r-${esc(org.id)}" role="status"></div></section>`;
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

async function inviteLinks(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  const out = resultFor(campaignId);
  const count = Math.max(1, Math.min(500, Number($<HTMLInputElement>(`n-${campaignId}`).value) || 10));
  try {
    const { links } = await api<{ links: string[] }>(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/invites`, {
      method: 'POST',
      body: { count },
    });
    out.innerHTML = `<p>${links.length} single-use invite links for <strong>${esc(
      c.name,
    )}</strong> (each takes one answer and is never linked to it; shown only now):</p><textarea readonly rows="6" aria-label="Invite links for ${esc(
      c.name,
    )}">${esc(links.join('\n'))}</textarea>`;
  } catch (err) {
    fail(err, 'Creating invite links failed');
  }
}

/** The address form for email invitations, shown in the organisation's result area. */
function emailInviteForm(campaignId: string): void {
  const c = campaigns.get(campaignId);
  if (!c) return;
  const id = esc(campaignId);
  resultFor(campaignId).innerHTML =
    `<form class="inline-form" data-email-form="${id}"><div class="q"><label for="e-${id}">Email addresses to invite to ${esc(
      c.name,
    )}, one per line</label><textarea id="e-${id}" rows="4" required spellcheck="false"></textarea></div><button type="submit">Send invitations</button></form>`;
  $(`e-${campaignId}`).focus();
}

async function sendEmailInvites(campaignId: string, form: HTMLFormElement): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  const emails = ($(`e-${campaignId}`) as HTMLTextAreaElement).value
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  if (emails.length === 0) return;
  try {
    const r = await api<{ emailed: number; alreadyInvited: number; failed: number }>(
      `/api/v1/campaigns/${encodeURIComponent(campaignId)}/invites`,
      { method: 'POST', body: { emails } },
    );
    form.outerHTML = `<p>${r.emailed} invitations sent for <strong>${esc(c.name)}</strong>${
      r.alreadyInvited ? `; ${r.alreadyInvited} addresses had been invited before` : ''
    }${r.failed ? `; ${r.failed} could not be sent and will be retried with the reminders` : ''}.</p>`;
  } catch (err) {
    fail(err, 'Sending invitations failed');
  }
}

async function remind(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  try {
    const r = await api<{ reminded: number }>(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/reminders`, {
      method: 'POST',
    });
    resultFor(campaignId).innerHTML = `<p>${r.reminded} reminders sent for <strong>${esc(
      c.name,
    )}</strong> (only to invitees whose link has not answered, at most one a day each).</p>`;
  } catch (err) {
    fail(err, 'Sending reminders failed');
  }
}

/** Two clicks: the first asks, the second closes (no dialog, so it works the same with a keyboard or a reader). */
async function closeCampaign(campaignId: string, button: HTMLButtonElement): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = 'Confirm close';
    resultFor(campaignId).innerHTML = `<p class="warn">Closing <strong>${esc(
      c.name,
    )}</strong> ends answers and withdrawals, publishes its results and mails the report link to the organisation’s executive contacts. Choose “Confirm close” to go ahead.</p>`;
    return;
  }
  try {
    const r = await api<{ reportLinksSent: number }>(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/close`, {
      method: 'POST',
    });
    await loadPortfolio();
    resultFor(campaignId).innerHTML =
      `<p><strong>${esc(c.name)}</strong> is closed; its results are published in about a minute, once every answer sent before the close is in. Report links sent to ${
        r.reportLinksSent
      } executive contacts.</p>`;
  } catch (err) {
    fail(err, 'Closing the campaign failed');
  }
}

const contactLine = (c: Contact) => `${c.name} <${c.email}>${c.language ? ` ${c.language}` : ''}`;

async function contactsForm(orgId: string): Promise<void> {
  const org = orgs.find((o) => o.id === orgId);
  if (!org) return;
  try {
    const { contacts } = await api<{ contacts: Contact[] }>(`/api/v1/orgs/${encodeURIComponent(orgId)}/contacts`);
    const id = esc(orgId);
    $(`r-${orgId}`).innerHTML =
      `<form class="inline-form" data-contacts-form="${id}"><div class="q"><label for="k-${id}">Executive contacts of ${esc(
        org.name,
      )}, one per line as Name &lt;email&gt; (optionally followed by en, zh or de)</label><textarea id="k-${id}" rows="4" spellcheck="false" aria-describedby="k-${id}-help">${esc(
        contacts.map(contactLine).join('\n'),
      )}</textarea><p id="k-${id}-help" class="help">They receive the report link when a campaign of this organisation closes.</p></div><button type="submit">Save contacts</button></form>`;
  } catch (err) {
    fail(err, 'Loading the contacts failed');
  }
}

async function saveContacts(orgId: string, form: HTMLFormElement): Promise<void> {
  const lines = ($(`k-${orgId}`) as HTMLTextAreaElement).value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const contacts: Contact[] = [];
  for (const line of lines) {
    const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*(en|zh|de)?$/.exec(line);
    if (!m) {
      say(`Not understood: “${line}”. Write each contact as Name <email>.`);
      return;
    }
    contacts.push({ name: m[1] || m[2]!, email: m[2]!, ...(m[3] ? { language: m[3] } : {}) });
  }
  try {
    const saved = await api<{ contacts: Contact[] }>(`/api/v1/orgs/${encodeURIComponent(orgId)}/contacts`, {
      method: 'PUT',
      body: { contacts },
    });
    form.outerHTML = `<p>${saved.contacts.length} executive contacts saved.</p>`;
  } catch (err) {
    fail(err, 'Saving the contacts failed');
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
  if (!button || button.type === 'submit') return;
  const { exec, invite, email, remind: reminder, close, contacts } = button.dataset;
  if (exec) void executiveLink(exec);
  if (invite) void inviteLinks(invite);
  if (email) emailInviteForm(email);
  if (reminder) void remind(reminder);
  if (close) void closeCampaign(close, button);
  if (contacts) void contactsForm(contacts);
});

$('portfolio').addEventListener('submit', (e) => {
  const form = e.target as HTMLFormElement;
  e.preventDefault();
  if (form.dataset.emailForm) void sendEmailInvites(form.dataset.emailForm, form);
  if (form.dataset.contactsForm) void saveContacts(form.dataset.contactsForm, form);
});

$('compare-btn').addEventListener('click', () => void compare());

void start();
