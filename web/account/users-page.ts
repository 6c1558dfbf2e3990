// /users.html: the people who sign in. An admin makes anyone; a consultant makes executives for its own
// organisations and revokes those it made. A revoked person is signed out at once.

import { esc } from '../html';
import { ApiError, api, can, getSession, renderAccountBar, type Session } from './session-client';

interface User {
  id: string;
  email: string;
  name: string | null;
  role: string;
  orgIds: string[];
  createdAt: string;
  revokedAt: string | null;
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
  const { users } = await api<{ users: User[] }>('/api/v1/users');
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const rows = users
    .map((u) => {
      const where = u.orgIds.map((id) => names.get(id) ?? id).join(', ') || '—';
      const action = u.revokedAt
        ? `revoked ${esc(u.revokedAt.slice(0, 10))}`
        : `<button type="button" class="secondary" data-revoke="${esc(u.id)}" aria-describedby="u-${esc(u.id)}">Revoke</button>`;
      return `<tr><th scope="row" id="u-${esc(u.id)}">${esc(u.name ?? u.email)}</th><td>${esc(u.email)}</td><td>${esc(
        u.role,
      )}</td><td>${esc(where)}</td><td>${esc(u.createdAt.slice(0, 10))}</td><td>${action}</td></tr>`;
    })
    .join('');
  $('users').innerHTML = rows
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Users"><table class="data"><caption class="sr-only">Users</caption><thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Organisations</th><th scope="col">Created</th><th scope="col">Access</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : '<p class="muted">No users yet.</p>';
}

function fillForm(session: Session): void {
  const roles = session.user?.role === 'admin' ? ['executive', 'consultant', 'admin'] : ['executive'];
  $<HTMLSelectElement>('user-role').innerHTML = roles.map((r) => `<option value="${r}">${r}</option>`).join('');
  $('user-orgs').innerHTML =
    orgs
      .map(
        (o) => `<label class="check"><input type="checkbox" name="orgIds" value="${esc(o.id)}"> ${esc(o.name)}</label>`,
      )
      .join(' ') || '<span class="muted">No organisations yet.</span>';
}

async function start(): Promise<void> {
  const session = await getSession();
  renderAccountBar(session);
  if (!session.signedIn || !can(session, 'user.list')) {
    $('gate').hidden = false;
    return;
  }
  $('app').hidden = false;
  orgs = (await api<{ orgs: Org[] }>('/api/v1/orgs')).orgs;
  fillForm(session);
  await load();
}

$('user-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const body: Record<string, unknown> = {
    email: String(data.get('email') ?? '').trim(),
    role: String(data.get('role')),
    orgIds: data.getAll('orgIds').map(String),
  };
  const name = String(data.get('name') ?? '').trim();
  if (name) body.name = name;
  try {
    const user = await api<User>('/api/v1/users', { method: 'POST', body });
    form.reset();
    await load();
    say(`${user.email} can now sign in at ${location.origin}/signin.html with that address.`);
  } catch (err) {
    say(`Creating the user failed: ${failed(err)}`);
  }
});

$('users').addEventListener('click', async (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-revoke]');
  if (!button) return;
  // Two presses: the first asks (works the same with a keyboard or a screen reader).
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = 'Confirm revoke';
    say('Revoking signs the person out at once and ends their own API keys. Press “Confirm revoke” to go ahead.');
    return;
  }
  try {
    await api(`/api/v1/users/${encodeURIComponent(button.dataset.revoke!)}`, { method: 'DELETE' });
    await load();
    say('Revoked.');
  } catch (err) {
    say(`Revoking failed: ${failed(err)}`);
  }
});

void start();
