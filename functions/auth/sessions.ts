import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../api/deps';
import { sha256Hex } from '../api/token-hash';
import type { SessionRecord, UserRecord, ViewerLinkRecord } from '../store/auth-store';
import { csrfTokenOf } from './secrets';

// Sessions: the cookie holds a random 256-bit value, the table its SHA-256 with an expiry. HttpOnly (no script reads
// it), Secure and `__Host-` on https (only this origin, only over TLS), SameSite=Strict (no other site's page can
// make the browser send it). Signing out deletes the stored session, so a copied cookie is dead from then on.
// A person's session and a report viewer's are two cookies: opening a report link does not sign a consultant out.

export const USER_SESSION_HOURS = 12;
export const VIEWER_SESSION_HOURS = 12;
const HOUR_MS = 3_600_000;

export type SessionKind = 'user' | 'viewer';

const secure = (deps: Pick<AppDeps, 'config'>): boolean => deps.config.publicUrl.startsWith('https://');

/** `__Host-` only where the cookie can be Secure: browsers drop a `__Host-` cookie set over plain http. */
export const cookieName = (deps: Pick<AppDeps, 'config'>, kind: SessionKind): string =>
  `${secure(deps) ? '__Host-' : ''}orgos_${kind === 'user' ? 'session' : 'view'}`;

export interface OpenedSession {
  csrfToken: string;
  expiresAt: string;
}

/** Stores a new session and sets its cookie. */
export async function openSession(
  deps: AppDeps,
  c: Context,
  owner: { kind: 'user'; user: UserRecord } | { kind: 'viewer'; link: ViewerLinkRecord },
  now: Date,
): Promise<OpenedSession> {
  const secret = deps.randomToken();
  const hours = owner.kind === 'user' ? USER_SESSION_HOURS : VIEWER_SESSION_HOURS;
  let end = now.getTime() + hours * HOUR_MS;
  // A viewer session never outlives its link.
  if (owner.kind === 'viewer') end = Math.min(end, Date.parse(owner.link.expiresAt));
  const expiresAt = new Date(Math.floor(end / 1000) * 1000).toISOString();
  const base = { hash: sha256Hex(secret), createdAt: now.toISOString(), expiresAt };
  const record: SessionRecord =
    owner.kind === 'user'
      ? { ...base, kind: 'user', userId: owner.user.id }
      : { ...base, kind: 'viewer', linkId: owner.link.id, campaignId: owner.link.campaignId };
  await deps.store.auth.putSession(record);
  setCookie(c, cookieName(deps, owner.kind), secret, {
    httpOnly: true,
    secure: secure(deps),
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(1, Math.floor((end - now.getTime()) / 1000)),
  });
  return { csrfToken: csrfTokenOf(secret), expiresAt };
}

/** The cookie value of the session of that kind the request carries, if any. */
export function sessionSecretOf(deps: Pick<AppDeps, 'config'>, c: Context, kind: SessionKind): string | undefined {
  const value = getCookie(c, cookieName(deps, kind));
  // The value is ours (43 characters base64url); anything else was not set by this server.
  return value && /^[A-Za-z0-9_-]{32,128}$/.test(value) ? value : undefined;
}

/** Deletes the request's sessions on the server and tells the browser to drop the cookies. */
export async function closeSessions(deps: AppDeps, c: Context): Promise<void> {
  for (const kind of ['user', 'viewer'] as const) {
    if (getCookie(c, cookieName(deps, kind)) === undefined) continue;
    const secret = sessionSecretOf(deps, c, kind);
    if (secret) await deps.store.auth.deleteSession(sha256Hex(secret));
    deleteCookie(c, cookieName(deps, kind), { path: '/', secure: secure(deps), httpOnly: true, sameSite: 'Strict' });
  }
}
