import type { AppDeps } from '../api/deps';
import { hashesEqual } from '../api/token-hash';
import { signInMail } from '../mail/sign-in-mail';
import type { UserRecord } from '../store/auth-store';
import { hashed } from './secrets';

// Sign-in by e-mail: a single-use code, valid for SIGN_IN_MINUTES, mailed as a link to the sign-in page. The code
// travels in the URL fragment (`/signin.html#code=…`), which browsers never send to a server, so it is in no
// access log and no Referer; the page posts it once and removes it from the address bar. A mail scanner that
// fetches the link runs no script and so uses up nothing.

export const SIGN_IN_MINUTES = 15;
/** At most one sign-in mail a minute per person, however often someone asks for one. */
const MAIL_INTERVAL_MS = 60_000;

type SignInDeps = Pick<AppDeps, 'store' | 'randomToken' | 'config' | 'mailer' | 'logger'>;

const base = (deps: Pick<AppDeps, 'config'>) => deps.config.publicUrl.replace(/\/+$/, '');

/** Stores a fresh code for the user and returns the sign-in link that carries it. */
export async function mintSignInLink(deps: SignInDeps, user: UserRecord, now: Date): Promise<string> {
  const code = deps.randomToken();
  const { id, hash } = hashed(code);
  const expiresAt = new Date(now.getTime() + SIGN_IN_MINUTES * 60_000).toISOString();
  await deps.store.auth.putSignInCode({ id, hash, userId: user.id, createdAt: now.toISOString(), expiresAt });
  return `${base(deps)}/signin.html#code=${code}`;
}

/**
 * Mails a sign-in link when the address belongs to a user (and none was mailed in the last minute). The caller
 * answers the same whatever happened here, so the answer never says whether an address has an account.
 */
export async function requestSignIn(deps: SignInDeps, email: string, now: Date): Promise<void> {
  const user = await deps.store.auth.getUserByEmail(email);
  if (!user) return;
  const notSince = new Date(now.getTime() - MAIL_INTERVAL_MS).toISOString();
  if (!(await deps.store.auth.markSignInMailed(user.id, now.toISOString(), notSince))) return;
  const mailer = deps.mailer;
  if (!mailer) {
    deps.logger?.warn('sign-in mail not sent: no mailer is configured');
    return;
  }
  const link = await mintSignInLink(deps, user, now);
  const mail = signInMail({ link, minutes: SIGN_IN_MINUTES, sender: mailer.sender });
  await mailer.send({
    kind: 'sign-in',
    to: { email: user.email, ...(user.name ? { name: user.name } : {}) },
    ...mail,
    headers: {},
  });
}

/** The user the code signs in, once: the code is deleted as it is read. Null for an unknown, used or expired one. */
export async function redeemSignInCode(deps: SignInDeps, code: string, now: Date): Promise<UserRecord | null> {
  const { id, hash } = hashed(code);
  const record = await deps.store.auth.takeSignInCode(id, now);
  if (!record || !hashesEqual(record.hash, hash)) return null;
  const user = await deps.store.auth.getUser(record.userId);
  return user && !user.revokedAt ? user : null;
}
