// /dashboard.html: the portfolio of the signed-in person. Calls carry the session cookie (the browser sends it; no
// script can read it) and the session's CSRF token (account/session-client.ts); only the buttons the role may use
// are shown (the session lists them from the policy table). All text from the API goes through esc() before it
// reaches the page.

import { ApiError, api, can, getSession, renderAccountBar, type Session } from '../account/session-client';
import { esc } from '../html';
import {
  mergeAccountPages,
  type PortfolioAccountsModel,
  renderPortfolioAccounts,
} from '../operating-account/render-portfolio';
import {
  type CampaignRow,
  departmentRules,
  flagDuplicateDepartments,
  showCampaignSettings,
  showLeadershipForm,
} from './campaign-actions';
import { parseDepartments } from './departments';
import { clearFormErrors, type FieldRule, indexIn, showApiError, showFormSuccess } from './field-errors';
import { bindGlance, downloadText, loadGlance } from './glance-panel';
import {
  deleteOrg,
  type OrgRow,
  orgFacts,
  orgLabel,
  sameNamed,
  sameNameWarning,
  setOrgArchived,
  showProfileForm,
  showRenameForm,
} from './org-actions';
import { showParticipation } from './participation-panel';
import { type CompareModel, compareCsv, renderCompareChart, renderCompareTable } from './render-compare';
import { claim } from './result-area';
import { showViewerLinks } from './viewer-links-panel';

type Org = OrgRow;
type Campaign = CampaignRow & { surveyUrl?: string | null };

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
/** Archived organisations and campaigns are listed only when asked for. */
const showArchived = () => $<HTMLInputElement>('show-archived').checked;

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
  $('accounts-panel').hidden = !can(session, 'account.portfolio');
  $('glance-panel').hidden = !can(session, 'portfolio');
  await loadPortfolio();
  if (can(session, 'portfolio')) void refreshGlance();
  // Once per page: it folds each company's latest wave, and nothing on this page changes an account.
  if (can(session, 'account.portfolio')) void loadAccounts();
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
  // New campaigns go to organisations in use; two of one name are told apart by when each was made.
  select.innerHTML = orgs
    .filter((o) => !o.archived)
    .map((o) => `<option value="${esc(o.id)}">${esc(orgLabel(o, orgs))}</option>`)
    .join('');
  // The one chosen before, unless it went (deleted or archived): then the first.
  if (chosen && orgs.some((o) => o.id === chosen && !o.archived)) select.value = chosen;
}

async function refreshGlance(): Promise<void> {
  try {
    await loadGlance($('glance'), showArchived());
  } catch (err) {
    fail(err, 'Loading the portfolio at a glance failed');
  }
}

/** Each company's operating account and the portfolio's most common top waits and time sinks (issue 11). */
async function loadAccounts(): Promise<void> {
  try {
    // Page by page (the largest pages the API gives), until it says there is no next.
    const pages: PortfolioAccountsModel[] = [];
    let cursor: string | null | undefined;
    do {
      const query = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await api<PortfolioAccountsModel>(`/api/v1/portfolio/accounts?${query}`);
      pages.push(page);
      cursor = page.next;
    } while (cursor);
    const model = mergeAccountPages(pages);
    // The organisation only: the account page reads with this browser's session.
    const link = (orgId: string) => `/operating-account.html#org=${encodeURIComponent(orgId)}`;
    $('accounts').innerHTML = renderPortfolioAccounts(model, link);
  } catch (err) {
    fail(err, 'Loading the operating accounts failed');
  }
}

function renderPortfolio(): void {
  const html = orgs
    .filter((org) => showArchived() || !org.archived)
    .map((org) => {
      const list = [...campaigns.values()]
        .filter((c) => c.orgId === org.id && (showArchived() || !c.archived))
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
          const settings = can(session, 'campaign.update')
            ? `<button type="button" class="secondary" data-settings="${id}" aria-describedby="c-${id}">Settings</button>`
            : '';
          const leadership = can(session, 'leadership.write')
            ? `<button type="button" class="secondary" data-leadership="${id}" aria-describedby="c-${id}">Leadership view</button>`
            : '';
          const viewers = can(session, 'viewerLink.list')
            ? `<button type="button" class="secondary" data-exec="${id}" aria-describedby="c-${id}">Report links</button>`
            : '';
          // Live counts while it runs, for the roles that run campaigns; once closed, the panel points to the report.
          const participation = can(session, 'participation.read')
            ? `<button type="button" class="secondary" data-participation="${id}" aria-describedby="c-${id}">Participation</button>`
            : '';
          const pick = can(session, 'compare')
            ? `<label class="check"><input type="checkbox" name="compare" value="${id}"><span class="sr-only">Compare ${esc(
                c.name,
              )}</span></label>`
            : '';
          const state = `${c.status ?? 'open'}${c.archived ? ', archived' : ''}`;
          const access = c.openLink === false ? '<br><span class="muted">invited only</span>' : '';
          return `<tr><td>${pick}</td><th scope="row" id="c-${id}">${esc(c.name)}</th><td class="status-${esc(
            c.status ?? 'open',
          )}">${esc(state)}${access}</td><td>${esc(c.createdAt.slice(0, 10))}</td><td><div class="cell-actions"><a class="button" href="${esc(
            report,
          )}" target="_blank" rel="noopener" aria-describedby="c-${id}">Report</a>${participation}${viewers}${settings}${leadership}${lifecycle}</div></td></tr>`;
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
      const account = can(session, 'account.read')
        ? `<a class="button secondary" href="/operating-account.html#org=${encodeURIComponent(org.id)}" aria-describedby="o-${esc(
            org.id,
          )}">Operating account</a>`
        : '';
      const oid = esc(org.id);
      const own = (attr: string, text: string) =>
        `<button type="button" class="secondary" data-${attr}="${oid}" aria-describedby="o-${oid}">${text}</button>`;
      const profile = can(session, 'profile.write') ? own('profile', 'Profile') : '';
      const manage = can(session, 'org.update')
        ? `${own('rename', 'Rename')}${own(org.archived ? 'unarchive' : 'archive', org.archived ? 'Take out of the archive' : 'Archive')}`
        : '';
      const remove = can(session, 'org.delete') ? own('delete-org', 'Delete') : '';
      return `<section class="org" aria-labelledby="o-${oid}"><h3 id="o-${oid}">${esc(org.name)}${
        org.archived ? ' <span class="tag">archived</span>' : ''
      }</h3><p class="muted org-facts">${esc(orgFacts(org))}</p>${table}<div class="cell-actions">${account}${profile}${contacts}${manage}${remove}</div><p class="org-msg" id="m-${oid}" role="status"></p><div class="result" id="r-${oid}" role="status"></div></section>`;
    })
    .join('');
  const hidden = orgs.filter((o) => o.archived).length;
  $('portfolio').innerHTML =
    html ||
    (hidden > 0 && !showArchived()
      ? '<p class="muted">Every organisation is archived: tick “Show archived” to see them.</p>'
      : '<p class="muted">No organisations yet: create the first one below.</p>');
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

async function participation(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  try {
    await showParticipation(resultFor(campaignId), c);
  } catch (err) {
    fail(err, 'Loading the participation failed');
  }
}

async function leadershipForm(campaignId: string): Promise<void> {
  const c = campaigns.get(campaignId);
  if (!c) return;
  try {
    await showLeadershipForm(resultFor(campaignId), c);
  } catch (err) {
    fail(err, 'Loading the leadership view failed');
  }
}

/** From the portfolio at a glance: the campaign's Participation panel, beside its campaign, with the focus on it. */
async function participationFromGlance(campaignId: string): Promise<void> {
  await participation(campaignId);
  const heading = resultFor(campaignId).querySelector<HTMLElement>('h4');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
  heading.scrollIntoView({ block: 'start' });
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
    const mine = claim($(`r-${orgId}`));
    const { contacts } = await api<{ contacts: Contact[] }>(`/api/v1/orgs/${encodeURIComponent(orgId)}/contacts`);
    if (!mine()) return;
    const id = esc(orgId);
    $(`r-${orgId}`).innerHTML =
      `<form class="inline-form" data-contacts-form="${id}" novalidate><div class="q"><label for="k-${id}">Executive contacts of ${esc(
        org.name,
      )}, one per line as Name &lt;email&gt; (optionally followed by en, zh or de)</label><textarea id="k-${id}" rows="4" spellcheck="false" aria-describedby="k-${id}-help">${esc(
        contacts.map(contactLine).join('\n'),
      )}</textarea><p id="k-${id}-help" class="help">They receive a report link when a campaign of this organisation closes; each link opens that one report and expires (see “Report links” of the campaign for each link’s expiry, and to revoke one).</p></div><button type="submit">Save contacts</button></form>`;
    $(`k-${orgId}`).focus();
  } catch (err) {
    fail(err, 'Loading the contacts failed');
  }
}

async function saveContacts(orgId: string, form: HTMLFormElement): Promise<void> {
  const inputId = `k-${orgId}`;
  const lines = ($(inputId) as HTMLTextAreaElement).value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const contacts: Contact[] = [];
  const unread: string[] = [];
  for (const line of lines) {
    const m = /^(.*?)\s*<([^<>\s]+)>\s*(\S+)?$/.exec(line);
    if (!m) {
      unread.push(`“${line}” is not written as Name <email>.`);
      continue;
    }
    contacts.push({ name: m[1] || m[2]!, email: m[2]!, ...(m[3] ? { language: m[3] } : {}) });
  }
  if (unread.length > 0) {
    showApiError(
      form,
      new ApiError(
        400,
        '',
        unread.map((message) => ({ field: 'contacts', message })),
      ),
      [{ field: 'contacts', inputId }],
    );
    return;
  }
  // `contacts.2.email` is the third line: the error says which.
  const rules: FieldRule[] = [
    {
      field: 'contacts',
      inputId,
      text: (issue) => {
        const i = indexIn(issue.field, 'contacts');
        const what = issue.field.split('.').slice(2).join('.');
        return i === null ? issue.message : `Line ${i + 1}${what ? ` (${what})` : ''}: ${issue.message}.`;
      },
    },
  ];
  try {
    const saved = await api<{ contacts: Contact[] }>(`/api/v1/orgs/${encodeURIComponent(orgId)}/contacts`, {
      method: 'PUT',
      body: { contacts },
    });
    showFormSuccess(
      form,
      `${saved.contacts.length} executive ${saved.contacts.length === 1 ? 'contact' : 'contacts'} saved.`,
    );
  } catch (err) {
    showApiError(form, err, rules);
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
  if (lastCompare) downloadText(compareCsv(lastCompare), 'orgos-comparison.csv');
}

function formValue(form: HTMLFormElement, name: string): string {
  return String(new FormData(form).get(name) ?? '').trim();
}

$('org-name').addEventListener('input', () =>
  sameNameWarning($('org-name-same'), sameNamed(orgs, $<HTMLInputElement>('org-name').value)),
);

$('org-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  try {
    const org = await api<Org & { duplicateName: boolean }>('/api/v1/orgs', {
      method: 'POST',
      body: { name: formValue(form, 'name') },
    });
    form.reset();
    sameNameWarning($('org-name-same'), []);
    await loadPortfolio();
    if (can(session, 'portfolio')) void refreshGlance();
    $<HTMLSelectElement>('campaign-org').value = org.id;
    showFormSuccess(
      form,
      `Organisation “${org.name}” created.${
        org.duplicateName ? ' Another organisation has this name: the lists add when each was created.' : ''
      }`,
    );
  } catch (err) {
    showApiError(form, err, [{ field: 'name', inputId: 'org-name' }]);
  }
});

/** Close date (end of that day, the consultant's time) and reminder days as the API takes them. */
function scheduleOf(form: HTMLFormElement): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const closesOn = formValue(form, 'closesOn');
  if (closesOn) body.closesAt = new Date(`${closesOn}T23:59:59`).toISOString();
  const days = formValue(form, 'reminderDays')
    .split(/[\s,;]+/)
    .filter(Boolean)
    // Anything that is not a number is sent as typed: the API names it next to the field.
    .map((d) => (Number.isFinite(Number(d)) ? Number(d) : d));
  if (days.length > 0) body.reminderDays = days;
  return body;
}

const CAMPAIGN_RULES: FieldRule[] = [
  { field: 'orgId', inputId: 'campaign-org' },
  { field: 'path', inputId: 'campaign-org' },
  { field: 'name', inputId: 'campaign-name' },
  ...departmentRules('campaign-departments', () => $<HTMLTextAreaElement>('campaign-departments').value),
  { field: 'minGroupSize', inputId: 'campaign-k' },
  { field: 'openLink', inputId: 'campaign-open-link' },
  { field: 'languages', inputId: 'campaign-lang-en' },
  { field: 'closesAt', inputId: 'campaign-closes' },
  { field: 'reminderDays', inputId: 'campaign-reminders' },
  { field: 'remindAt', inputId: 'campaign-reminders' },
];

$('campaign-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  $('campaign-out').innerHTML = '';
  const text = formValue(form, 'departments');
  if (flagDuplicateDepartments(form, 'campaign-departments', text)) return;
  const data = new FormData(form);
  const body: Record<string, unknown> = {
    name: formValue(form, 'name'),
    departments: parseDepartments(text).names,
    languages: data.getAll('languages').map(String),
    openLink: data.get('access') !== 'invites',
    ...scheduleOf(form),
  };
  const k = Number(formValue(form, 'minGroupSize'));
  if (k) body.minGroupSize = k;
  try {
    const created = await api<Campaign & { protection?: { resistsPadding?: boolean; statement?: string } }>(
      `/api/v1/orgs/${encodeURIComponent(formValue(form, 'orgId'))}/campaigns`,
      { method: 'POST', body },
    );
    const orgId = formValue(form, 'orgId');
    form.reset();
    clearFormErrors(form);
    $<HTMLSelectElement>('campaign-org').value = orgId;
    await loadPortfolio();
    // An open link cannot protect small groups against answers added to make them show: said where it is made.
    const warning =
      created.protection && !created.protection.resistsPadding
        ? `<p class="help">${esc(created.protection.statement ?? '')}</p>`
        : '';
    $('campaign-out').innerHTML = created.surveyUrl
      ? `<p>Campaign <strong>${esc(created.name)}</strong> created. Its open survey link (share it with employees):</p><code class="linkbox">${esc(
          created.surveyUrl,
        )}</code>${warning}`
      : `<p>Campaign <strong>${esc(created.name)}</strong> created for invited people only: it has no open link. Make invite links or e-mail invitations from its row in the portfolio.</p>`;
  } catch (err) {
    showApiError(form, err, CAMPAIGN_RULES);
  }
});

$('show-archived').addEventListener('change', () => {
  renderPortfolio();
  if (can(session, 'portfolio')) void refreshGlance();
});

/** After a change: the lists again, and what happened said in the organisation's own status line. */
async function changed(orgId: string, message: string): Promise<void> {
  await loadPortfolio();
  if (can(session, 'portfolio')) void refreshGlance();
  const line = document.getElementById(`m-${orgId}`);
  if (line) line.textContent = message;
  else say(message);
}

async function orgAction(button: HTMLButtonElement): Promise<void> {
  const { profile, rename, archive, unarchive, deleteOrg: del } = button.dataset;
  const orgId = profile ?? rename ?? archive ?? unarchive ?? del;
  const org = orgs.find((o) => o.id === orgId);
  if (!org) return;
  const out = $(`r-${org.id}`);
  $(`m-${org.id}`).textContent = '';
  try {
    if (profile) {
      const departments = [...campaigns.values()].filter((c) => c.orgId === org.id).flatMap((c) => c.departments);
      await showProfileForm(out, org, departments);
    }
    if (rename) showRenameForm(out, org, orgs, (message) => changed(org.id, message));
    if (archive || unarchive) {
      await setOrgArchived(org, Boolean(archive));
      await changed(
        org.id,
        archive
          ? `“${org.name}” archived: hidden from the lists until “Show archived” is ticked; nothing is deleted.`
          : `“${org.name}” is out of the archive.`,
      );
      if (archive) say(`“${org.name}” archived: tick “Show archived” to see it again.`);
    }
    if (del) {
      if (button.dataset.confirm !== 'yes') {
        button.dataset.confirm = 'yes';
        button.textContent = 'Confirm delete';
        out.innerHTML = `<p class="warn">Deleting <strong>${esc(
          org.name,
        )}</strong> removes it with its profile, contacts and operating account. It is possible only once it has no campaigns. Choose “Confirm delete” to go ahead.</p>`;
        return;
      }
      const message = await deleteOrg(org);
      if (message.includes('deleted')) await changed(org.id, message);
      else {
        out.innerHTML = `<p class="warn">${esc(message)}</p>`;
        button.dataset.confirm = '';
        button.textContent = 'Delete';
      }
      if (message.includes('deleted')) say(message);
    }
  } catch (err) {
    fail(err, 'The change failed');
  }
}

$('portfolio').addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest('button');
  if (!button || button.type === 'submit') return;
  const { exec, invite, email, remind: reminder, close, contacts, settings, leadership } = button.dataset;
  const d = button.dataset;
  if (d.profile || d.rename || d.archive || d.unarchive || d.deleteOrg) void orgAction(button);
  if (settings) {
    const c = campaigns.get(settings);
    if (c) showCampaignSettings(resultFor(c.id), c, { done: (message) => changed(c.orgId, message) });
  }
  if (leadership) void leadershipForm(leadership);
  if (exec) void viewerLinks(exec);
  if (d.participation) void participation(d.participation);
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
bindGlance($('glance'), $('glance-csv'), participationFromGlance);

void start();
