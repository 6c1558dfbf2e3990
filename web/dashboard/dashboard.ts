// /dashboard.html: the portfolio of the signed-in person. Calls carry the session cookie (the browser sends it; no
// script can read it) and the session's CSRF token (account/session-client.ts); only the buttons the role may use
// are shown (the session lists them from the policy table). All text from the API goes through esc() before it
// reaches the page.

import { ApiError, api, can, getSession, renderAccountBar, type Session } from '../account/session-client';
import { esc } from '../html';
import { type CompareModel, compareCsv, renderCompareChart, renderCompareTable } from './render-compare';
import { showViewerLinks } from './viewer-links-panel';

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

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let session: Session = { signedIn: false };
let orgs: Org[] = [];
let campaigns = new Map<string, Campaign>();
let lastCompare: CompareModel | null = null;

function say(text: string): void {
  $('msg').textContent = text;
}

function fail(err: unknown, where: string): void {
  if (err instanceof ApiError && err.status === 401) {
    showSignIn('Your session has ended. Sign in again.');
    return;
  }
  say(`${where}: ${err instanceof Error ? err.message : String(err)}`);
}

function showSignIn(message = ''): void {
  $('app').hidden = true;
  $('signin').hidden = false;
  $('signin-msg').textContent = message;
}

async function start(): Promise<void> {
  session = await getSession().catch((): Session => ({ signedIn: false }));
  renderAccountBar(session);
  if (!session.signedIn || session.kind !== 'user') {
    showSignIn();
    return;
  }
  $('signin').hidden = true;
  $('app').hidden = false;
  // Only what the role may do: an executive reads reports; a consultant runs campaigns.
  $('org-panel').hidden = !can(session, 'org.create');
  $('campaign-panel').hidden = !can(session, 'campaign.create');
  $('compare-panel').hidden = !can(session, 'compare');
  $('compare-btn').hidden = !can(session, 'compare');
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
          // The campaign id only: the page reads the report with this browser's session, no key in the address.
          const report = `/report.html#campaign=${encodeURIComponent(c.id)}`;
          const open = (c.status ?? 'open') === 'open';
          // Invitations, reminders and closing belong to an open campaign only, and to the roles that run one.
          const invites = can(session, 'invites.create')
            ? `<label class="sr-only" for="n-${id}">Number of invite links for ${esc(
                c.name,
              )}</label><input type="number" id="n-${id}" value="10" min="1" max="500" class="count"><button type="button" class="secondary" data-invite="${id}" aria-describedby="c-${id}">Invite links</button><button type="button" class="secondary" data-email="${id}" aria-describedby="c-${id}">Email invites</button>`
            : '';
          const remind = can(session, 'reminders.send')
            ? `<button type="button" class="secondary" data-remind="${id}" aria-describedby="c-${id}">Remind</button>`
            : '';
          const close = can(session, 'campaign.close')
            ? `<button type="button" class="secondary" data-close="${id}" aria-describedby="c-${id}">Close</button>`
            : '';
          const lifecycle = open ? `${invites}${remind}${close}` : '';
          const viewers = can(session, 'viewerLink.list')
            ? `<button type="button" class="secondary" data-exec="${id}" aria-describedby="c-${id}">Report links</button>`
            : '';
          const pick = can(session, 'compare')
            ? `<label class="check"><input type="checkbox" name="compare" value="${id}"><span class="sr-only">Compare ${esc(
                c.name,
              )}</span></label>`
            : '';
          return `<tr><td>${pick}</td><th scope="row" id="c-${id}">${esc(c.name)}</th><td class="status-${esc(
            c.status ?? 'open',
          )}">${esc(c.status ?? 'open')}</td><td>${esc(c.createdAt.slice(0, 10))}</td><td><div class="cell-actions"><a class="button" href="${esc(
            report,
          )}" target="_blank" rel="noopener" aria-describedby="c-${id}">Report</a>${viewers}${lifecycle}</div></td></tr>`;
        })
        .join('');
      const table = rows
        ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Campaigns of ${esc(
            org.name,
          )}"><table class="data"><caption class="sr-only">Campaigns of ${esc(org.name)}</caption><thead><tr><th scope="col">${can(session, 'compare') ? 'Compare' : '<span class="sr-only">Select</span>'}</th><th scope="col">Campaign</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Links</th></tr></thead><tbody>${rows}</tbody></table></div>`
        : '<p class="muted">No campaigns yet.</p>';
      // Contacts decide who receives the report: a consultant's act (17.5).
      const contacts = can(session, 'contacts.write')
        ? `<button type="button" class="secondary" data-contacts="${esc(org.id)}" aria-describedby="o-${esc(
            org.id,
          )}">Executive contacts</button>`
        : '';
      return `<section class="org" aria-labelledby="o-${esc(org.id)}"><h3 id="o-${esc(org.id)}">${esc(
        org.name,
      )}</h3>${table}${contacts}<div class="result" id="r-${esc(org.id)}" role="status"></div></section>`;
    })
    .join('');
  $('portfolio').innerHTML = html || '<p class="muted">No organisations yet: create the first one below.</p>';
}

function resultFor(campaignId: string): HTMLElement {
  const c = campaigns.get(campaignId);
  return $(`r-${c?.orgId ?? ''}`) ?? $('msg');
}

async function viewerLinks(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  try {
    await showViewerLinks(resultFor(campaignId), c);
  } catch (err) {
    fail(err, 'Loading the report links failed');
  }
}

async function inviteLinks(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  const out = resultFor(campaignId);
  const count = Math.max(1, Math.min(500, Number($<HTMLInputElement>(`n-${campaignId}`).value) || 10));
  try {
    const { links, warning } = await api<{ links: string[]; warning?: string }>(
      `/api/v1/campaigns/${encodeURIComponent(campaignId)}/invites`,
      { method: 'POST', body: { count } },
    );
    out.innerHTML = `<p>${links.length} single-use invite links for <strong>${esc(
      c.name,
    )}</strong> (each takes one answer and is never linked to it; shown only now):</p><textarea readonly rows="6" aria-label="Invite links for ${esc(
      c.name,
    )}">${esc(links.join('\n'))}</textarea>${warning ? `<p class="help">${esc(warning)}</p>` : ''}`;
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
    const r = await api<{
      emailed: number;
      alreadyInvited: number;
      failed: number;
      pending?: number;
      notSent?: number;
    }>(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/invites`, { method: 'POST', body: { emails } });
    form.outerHTML = `<p>${r.emailed} invitations sent for <strong>${esc(c.name)}</strong>${
      r.alreadyInvited ? `; ${r.alreadyInvited} addresses had been invited before` : ''
    }${r.failed ? `; ${r.failed} could not be sent: send the same list again to retry them` : ''}${
      r.pending ? `; ${r.pending} are still being sent by an earlier request` : ''
    }${r.notSent ? `; ${r.notSent} were not invited because the campaign closed` : ''}.</p>`;
  } catch (err) {
    fail(err, 'Sending invitations failed');
  }
}

async function remind(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  try {
    const r = await api<{ detail: string }>(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/reminders`, {
      method: 'POST',
    });
    resultFor(campaignId).innerHTML = `<p><strong>${esc(c.name)}</strong>: ${esc(r.detail)}</p>`;
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
    const created = await api<Campaign & { protection?: { resistsPadding?: boolean; statement?: string } }>(
      `/api/v1/orgs/${encodeURIComponent(formValue(form, 'orgId'))}/campaigns`,
      { method: 'POST', body },
    );
    form.reset();
    await loadPortfolio();
    // An open link cannot protect small groups against answers added to make them show: said where it is made.
    const warning =
      created.protection && !created.protection.resistsPadding
        ? `<p class="help">${esc(created.protection.statement ?? '')}</p>`
        : '';
    $('campaign-out').innerHTML =
      `<p>Campaign <strong>${esc(created.name)}</strong> created. Its open survey link (share it with employees):</p><code class="linkbox">${esc(
        created.surveyUrl ?? '',
      )}</code>${warning}`;
  } catch (err) {
    fail(err, 'Creating the campaign failed');
  }
});

$('portfolio').addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest('button');
  if (!button || button.type === 'submit') return;
  const { exec, invite, email, remind: reminder, close, contacts } = button.dataset;
  if (exec) void viewerLinks(exec);
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
