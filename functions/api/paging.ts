import { createHash } from 'node:crypto';
import type { Principal } from './auth';
import { ValidationFailed } from './errors';

// The API's paging convention (docs/ARCHITECTURE.md "Paging"): a list is read in pages of `limit` items in a fixed
// order of an immutable key; the answer's `next` is an opaque cursor for the page after it (null on the last), sent
// back as `?cursor=`. The cursor holds only the key of the last item given, so an item added between two pages
// lands once, wherever its key sorts, and none is given twice. It is bound to the route and to the caller (role and
// subject): another caller's cursor, or one edited, is a 400 naming `cursor`. It carries no authority: every page is
// cut from what the caller may see, read again on that request, so a cursor can never show another tenant's data.

/** Most items one page gives (`?limit=`, checked by schemas.ts `PageQuery`), and how many without a limit. */
export const PAGE_LIMIT_MAX = 50;
export const PAGE_LIMIT_DEFAULT = 20;

/** The version of the cursor's payload: a cursor of another version is refused, not misread. */
const VERSION = 1;
const TAG_CHARS = 22;

export interface PageRequest {
  limit: number;
  /** The key of the last item the previous page gave, or null for the first page. */
  after: readonly string[] | null;
}

const bindingOf = (route: string, p: Principal): string => `${route}\u0000${p.role}\u0000${p.subject}`;

/** A check of the payload under the route and caller: an edited or another caller's cursor does not match it. */
const tagOf = (binding: string, payload: string): string =>
  createHash('sha256')
    .update(`orgos cursor\u0000${binding}\u0000${payload}`, 'utf8')
    .digest('base64url')
    .slice(0, TAG_CHARS);

export function encodeCursor(route: string, p: Principal, key: readonly string[]): string {
  const payload = Buffer.from(JSON.stringify({ v: VERSION, k: key }), 'utf8').toString('base64url');
  return `${payload}.${tagOf(bindingOf(route, p), payload)}`;
}

const refused = (): never => {
  throw new ValidationFailed([
    { field: 'cursor', message: 'is not a cursor this list gave you: start again without one' },
  ]);
};

/** The key a cursor holds, once it is shown to be one this route gave this caller, with `size` parts; else a 400. */
export function decodeCursor(route: string, p: Principal, cursor: string, size: number): string[] {
  const [payload, tag, ...rest] = cursor.split('.');
  if (!payload || !tag || rest.length > 0 || tag !== tagOf(bindingOf(route, p), payload)) return refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return refused();
  }
  const { v, k } = (parsed ?? {}) as { v?: unknown; k?: unknown };
  if (v !== VERSION || !Array.isArray(k) || k.length !== size || !k.every((x) => typeof x === 'string')) {
    return refused();
  }
  return k as string[];
}

/** Parses `limit` (already checked by the query schema) and `cursor` into a page request. */
export function pageRequest(
  route: string,
  p: Principal,
  query: { limit?: string; cursor?: string },
  keySize: number,
): PageRequest {
  return {
    limit: query.limit === undefined ? PAGE_LIMIT_DEFAULT : Math.min(Number(query.limit), PAGE_LIMIT_MAX),
    after: query.cursor === undefined ? null : decodeCursor(route, p, query.cursor, keySize),
  };
}

const compareKeys = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * One page of `items` (what the caller may see, read on this request) in the order of `keyOf`, after the request's
 * key; `next` is the cursor to the page after it, or null when this is the last.
 */
export function pageOf<T>(
  route: string,
  p: Principal,
  items: readonly T[],
  keyOf: (item: T) => readonly string[],
  request: PageRequest,
): { page: T[]; next: string | null } {
  const sorted = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareKeys(a.key, b.key));
  const after = request.after;
  const rest = after ? sorted.filter((x) => compareKeys(x.key, after) > 0) : sorted;
  const page = rest.slice(0, request.limit);
  const last = page.at(-1);
  return {
    page: page.map((x) => x.item),
    next: rest.length > page.length && last ? encodeCursor(route, p, last.key) : null,
  };
}
