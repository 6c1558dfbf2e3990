import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits), URL-safe: bearer tokens, survey links, campaign receipt keys. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** The hex characters of a token id: 96 bits. */
export const TOKEN_ID_CHARS = 24;

/**
 * A token's id is the first 96 bits of its hash: the item key, so a lookup is one GetItem, and a public handle to
 * revoke it by. The full hash is stored beside it and compared in constant time.
 */
export const tokenIdOf = (token: string): string => sha256Hex(token).slice(0, TOKEN_ID_CHARS);

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The receipt of a response: an HMAC of the client's response id under the campaign's secret. A retry of the same
 * submission gets the same receipt without the receipt being stored; only its hash is (the response's key).
 */
export const receiptFor = (receiptKey: string, responseId: string): string =>
  createHmac('sha256', receiptKey).update(responseId.toLowerCase(), 'utf8').digest('base64url');

/** An array index as an object key: JavaScript orders such keys first, numerically, whatever their insertion. */
const isIndexKey = (key: string): boolean => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4_294_967_295;

/** The keys in the order JSON.stringify gives a copy built with sorted keys: index keys first, then sorted. */
function canonicalKeys(value: object): string[] {
  const keys = Object.keys(value).sort();
  if (!keys.some(isIndexKey)) return keys;
  const indexes = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((k) => !isIndexKey(k))];
}

/**
 * The canonical JSON form of a JSON value: `JSON.stringify` with every object's keys sorted. Written out directly
 * rather than by building a sorted copy first (the copy took a submission more time than its hash); the same text.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const parts: string[] = [];
    for (const key of canonicalKeys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function') continue;
      parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hash of a canonical JSON form (object keys sorted), to tell a retry from a different submission. */
export const canonicalHash = (value: unknown): string => sha256Hex(canonicalJson(value));

/**
 * A secret derived from the campaign's key for one purpose and one id (an HMAC with the purpose as a domain
 * separator, so no two purposes, nor a receipt, can ever share a value). Invite links and unsubscribe links are
 * derived rather than stored, so a reminder can carry the same personal link again while the table keeps only hashes.
 */
export const campaignSecret = (
  key: string,
  purpose: 'invite' | 'unsubscribe' | 'invite-claim' | 'invite-address',
  id: string,
): string => createHmac('sha256', key).update(`${purpose}\u0000${id}`, 'utf8').digest('base64url');
