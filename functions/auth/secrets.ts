import { createHmac } from 'node:crypto';
import { sha256Hex, tokenIdOf } from '../api/token-hash';

// Every secret a person holds here (sign-in code, session cookie, viewer code, API key) is 256 random bits from
// `deps.randomToken`, and the table keeps only its SHA-256. A lookup goes by the first 96 bits of the hash
// (`tokenIdOf`), the full hash is compared in constant time.

export interface HashedSecret {
  id: string;
  hash: string;
}

export const hashed = (secret: string): HashedSecret => ({ id: tokenIdOf(secret), hash: sha256Hex(secret) });

/**
 * The CSRF token of a session: an HMAC of the session's cookie value, so nothing more is stored and only a page
 * that could read the session (same origin) can learn it.
 */
export const csrfTokenOf = (sessionSecret: string): string =>
  createHmac('sha256', sessionSecret).update('orgos csrf', 'utf8').digest('base64url');

/** A URL-safe secret as the pages and links carry it (32 random bytes base64url: 43 characters). */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/** The UTC day of an instant: last use is recorded this coarsely. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
