// /keys.html: API keys for scripts and integrations. A key is shown once, when made; the list shows its scope,
// expiry and the day it was last used, and each can be revoked. Keys go in an Authorization header, never in a URL.

import { esc } from '../html';
import { ApiError, api, can, getSession, renderAccountBar, type Session } from './session-client';

interface Key {
  id: string;
  label: string | null;
  role: string;
  orgIds: string[];
  campaignId: string | null;
  readOnly: boolean;
  createdAt: string;
  expiresAt: string;
  lastUsedOn: string | null;
  revokedAt: string | null;
  active: boolean;
}

interface Org {
  id: string;
  name: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let orgs: Org[] = [];

function say(text: string): void {
  $('msg').textContent = text;
}

const failed = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

async function load(): Promise<void> {
  const { keys } = await api<{ keys: Key[] }>('/api/v1/tokens');
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const rows = keys
    .map((k) => {
      const scope = [
        k.orgIds.map((id) => names.get(id) ?? id).join(', ') || (k.role === 'admin' ? 'everything' : 'portfolio'),
        k.campaignId ? `campaign ${k.campaignId}` : '',
        k.readOnly ? 'read-only' : '',
      ]
        .filter(Boolean)
        .join('; ');
      const state = k.revokedAt
        ? `revoked ${esc(k.revokedAt.slice(0, 10))}`
        : k.active
          ? `<button type="button" class="secondary" data-revoke="${esc(k.id)}" aria-describedby="k-${esc(k.id)}">Revoke</button>`
          : 'expired';
      return `<tr><th scope="row" id="k-${esc(k.id)}">${esc(k.label ?? k.id)}</th><td>${esc(k.role)}</td><td>${esc(
        scope,
      )}</td><td>${esc(k.expiresAt.slice(0, 10))}</td><td>${esc(k.lastUsedOn ?? 'never')}</td><td>${state}</td></tr>`;
    })
    .join('');
  $('keys').innerHTML = rows
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="API keys"><table class="data"><caption class="sr-only">API keys</caption><thead><tr><th scope="col">Label</th><th scope="col">Role</th><th scope="col">Scope</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Access</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : '<p class="muted">No keys yet.</p>';
}

function fillForm(session: Session): void {
  const roles =
    session.user?.role === 'admin'
      ? ['consultant', 'executive', 'viewer', 'admin']
      : ['consultant', 'executive', 'viewer'];
  $<HTMLSelectElement>('key-role').innerHTML = roles.map((r) => `<option value="${r}">${r}</option>`).join('');
  $<HTMLSelectElement>('key-org').innerHTML = `<option value="">(all of my portfolio)</option>${orgs
    .map((o) => `<option value="${esc(o.id)}">${esc(o.name)}</option>`)
    .join('')}`;
}

async function start(): Promise<void> {
  const session = await getSession();
  renderAccountBar(session);
  if (!session.signedIn || !can(session, 'key.list')) {
    $('gate').hidden = false;
    return;
  }
  $('app').hidden = false;
  orgs = (await api<{ orgs: Org[] }>('/api/v1/orgs')).orgs;
  fillForm(session);
  await load();
}

$('key-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const org = String(data.get('orgId') ?? '');
  const campaign = String(data.get('campaignId') ?? '').trim();
  const body: Record<string, unknown> = {
    role: String(data.get('role')),
    orgIds: org ? [org] : [],
    expiresInDays: Number(data.get('expiresInDays')) || 90,
    readOnly: data.get('readOnly') === 'on',
  };
  const label = String(data.get('label') ?? '').trim();
  if (label) body.label = label;
  if (campaign) body.campaignId = campaign;
  try {
    const made = await api<{ token: string; expiresAt: string }>('/api/v1/tokens', { method: 'POST', body });
    form.reset();
    // Shown once, in a box to copy from; it is in no URL and not kept by this page.
    $('made').innerHTML =
      `<p>Your new key, valid until ${esc(made.expiresAt.slice(0, 10))}. It is shown only now: copy it into your script's secret store. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.</p><label for="new-key">New API key</label><textarea id="new-key" readonly rows="2" spellcheck="false">${esc(made.token)}</textarea>`;
    $<HTMLTextAreaElement>('new-key').select();
    await load();
  } catch (err) {
    say(`Creating the key failed: ${failed(err)}`);
  }
});

$('keys').addEventListener('click', async (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-revoke]');
  if (!button) return;
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = 'Confirm revoke';
    say('A revoked key stops working at once. Press “Confirm revoke” to go ahead.');
    return;
  }
  try {
    await api(`/api/v1/tokens/${encodeURIComponent(button.dataset.revoke!)}`, { method: 'DELETE' });
    await load();
    say('Revoked.');
  } catch (err) {
    say(`Revoking failed: ${failed(err)}`);
  }
});

void start();
