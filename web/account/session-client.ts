// The pages' side of sessions: who is signed in, API calls with the session cookie (sent by the browser, never
// readable by a script) and the session's CSRF token on every change, and the signed-in bar with sign-out. No page
// keeps a key or a session in a URL, in storage or in a script variable that outlives the page.

import { esc } from '../html';

export interface Session {
  signedIn: boolean;
  kind?: 'user' | 'viewer';
  user?: { id: string; email: string; name: string | null; role: string; orgIds: string[] } | null;
  campaignId?: string | null;
  /** The policy table's actions this session may use: the pages show only those buttons. */
  actions?: string[];
  csrfToken?: string;
  sso?: { label: string; url: string } | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The fields a 400 named (problem+json `errors`), for the page to show each beside its input. */
    readonly errors: { field: string; message: string }[] = [],
    /** The problem type's last part (`departments-locked`), for the page to explain what to do instead. */
    readonly problem = '',
  ) {
    super(message);
  }
}

let csrf = '';

export async function getSession(): Promise<Session> {
  const res = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } });
  const session = (await res.json().catch(() => ({ signedIn: false }))) as Session;
  csrf = session.csrfToken ?? '';
  return session;
}

export const can = (session: Session, action: string): boolean => session.actions?.includes(action) ?? false;

/** JSON in and out; a change carries the CSRF token. Failures throw ApiError with the fields the API named. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (res.status === 204 ? {} : await res.json().catch(() => ({}))) as T & {
    detail?: string;
    type?: string;
    errors?: { field: string; message: string }[];
  };
  // 202: a report or comparison whose responses are still being counted; its detail says to try again shortly.
  if (!res.ok || res.status === 202) {
    const fields = body.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new ApiError(
      res.status,
      fields || body.detail || `request failed (${res.status})`,
      body.errors ?? [],
      body.type?.replace(/^.*#problem-/, '') ?? '',
    );
  }
  return body;
}

export function setCsrf(token: string): void {
  csrf = token;
}

export async function signOut(): Promise<void> {
  await fetch('/api/v1/auth/session', { method: 'DELETE', headers: { 'x-csrf-token': csrf } });
  csrf = '';
  location.assign('/signin.html#signed-out');
}

/** The links a signed-in person may follow, by what the session may do. */
function navLinks(session: Session): string {
  const links: [string, string, boolean][] = [
    ['/dashboard.html', 'Dashboard', session.kind === 'user'],
    ['/users.html', 'Users', can(session, 'user.list')],
    ['/keys.html', 'API keys', can(session, 'key.list')],
  ];
  const here = location.pathname;
  return links
    .filter(([, , shown]) => shown)
    .map(([href, text]) => `<a href="${href}"${href === here ? ' aria-current="page"' : ''}>${esc(text)}</a>`)
    .join(' ');
}

/** Fills the page's `#account` bar: who is signed in, where they may go, and a sign-out button. */
export function renderAccountBar(session: Session, el = document.getElementById('account')): void {
  if (!el) return;
  if (!session.signedIn) {
    el.innerHTML = '<a href="/signin.html">Sign in</a>';
    return;
  }
  const who =
    session.kind === 'viewer'
      ? 'Viewing one report'
      : `Signed in as <strong>${esc(session.user?.name ?? session.user?.email ?? '')}</strong> (${esc(
          session.user?.role ?? '',
        )})`;
  el.innerHTML = `<nav aria-label="Account" class="signed"><span>${who}</span>${navLinks(session)}<button type="button" id="signout" class="secondary">Sign out</button></nav>`;
  document.getElementById('signout')?.addEventListener('click', () => void signOut());
}
