// Shared by the adversarial tests: what every refusal must look like, a small world of two tenants, and helpers to
// send raw requests (any method, path, header and body bytes) to the in-process app.
import { createHash } from 'node:crypto';
import { OPERATIONS } from '../../functions/api/openapi';
import { ADMIN_TOKEN, call, type Harness } from '../http/harness';

export { seededRandom } from '../factories';

/** v4 UUIDs from a seeded generator: the same ids on every run. */
export function uuidsFrom(random: () => number): () => string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

export interface RawRequest {
  method: string;
  /** Path and query, starting with a slash, sent as is (not normalised by us). */
  path: string;
  headers?: [string, string][];
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

type App = Pick<Harness['app'], 'request'>;

/** Sends the request exactly as given; headers are appended, so a name may repeat. */
export async function sendRaw(app: App, req: RawRequest): Promise<RawResponse> {
  const headers = new Headers();
  for (const [name, value] of req.headers ?? []) headers.append(name, value);
  const noBody = ['GET', 'HEAD'].includes(req.method.toUpperCase());
  const res = await app.request(`http://localhost${req.path}`, {
    method: req.method,
    headers,
    ...(noBody || req.body === undefined ? {} : { body: req.body as BodyInit }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The path the app routes on (after the URL parser resolved dot segments), for telling pages from the API. */
export const pathnameOf = (path: string): string => new URL(`http://localhost${path}`).pathname;

/** Server-rendered pages (survey `/s`, unsubscribe `/u`) answer browsers with HTML; the rest answers problems. */
export const isPagePath = (pathname: string): boolean => /^\/[su](\/|$)/.test(pathname);

/**
 * Everything wrong with an answer, as short sentences (empty: fine): no 5xx, no stack or module path in any body,
 * security headers on every answer, and every 4xx outside the survey pages an RFC 9457 problem whose status matches,
 * naming at least one field when it is a validation error.
 */
export function answerViolations(req: RawRequest, res: RawResponse): string[] {
  const out: string[] = [];
  const ct = res.headers.get('content-type') ?? '';
  if (res.status >= 500 || res.status < 100) out.push(`status ${res.status}: ${res.text.slice(0, 300)}`);
  if (/\bat [^\n]*\.(ts|js|mjs):\d+|node_modules|\/work\//.test(res.text)) out.push('body carries a stack or a path');
  if (res.headers.get('x-content-type-options') !== 'nosniff') out.push('no x-content-type-options');
  const pathname = pathnameOf(req.path);
  if (pathname.startsWith('/api/') && res.headers.get('cache-control') !== 'no-store') out.push('API answer cacheable');
  if (res.status < 400) return out;
  if (isPagePath(pathname)) {
    if (!ct.startsWith('text/html') && ct !== 'application/problem+json') out.push(`page refusal as ${ct}`);
    return out;
  }
  if (ct !== 'application/problem+json') {
    out.push(`${res.status} as "${ct}", not application/problem+json`);
    return out;
  }
  if (req.method.toUpperCase() === 'HEAD') return out;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    out.push(`problem body is not JSON: ${res.text.slice(0, 100)}`);
    return out;
  }
  if (typeof body.type !== 'string' || !body.type.startsWith('/api/docs#problem-')) out.push('problem without type');
  if (typeof body.title !== 'string' || body.title === '') out.push('problem without title');
  if (body.status !== res.status) out.push(`problem status ${String(body.status)} but HTTP ${res.status}`);
  if (typeof body.detail !== 'string') out.push('problem without detail');
  if (body.type === '/api/docs#problem-validation') {
    const errors = body.errors as { field?: unknown; message?: unknown }[] | undefined;
    if (!Array.isArray(errors) || errors.length === 0) out.push('validation problem names no field');
    // A field may be the empty string: that is the name of an unknown key "" in the body.
    else if (errors.some((e) => typeof e.field !== 'string' || typeof e.message !== 'string')) {
      out.push('validation problem with a field that is not a string');
    }
  }
  return out;
}

/** The fields a validation problem names (empty when it is not one). */
export function namedFields(res: RawResponse): string[] {
  if (res.status !== 400 || !(res.headers.get('content-type') ?? '').includes('problem+json')) return [];
  const body = JSON.parse(res.text) as { errors?: { field: string }[] };
  return (body.errors ?? []).map((e) => e.field);
}

/** Routes that need a bearer token: every documented operation that is not for anyone or respondents. */
export const PROTECTED_OPERATIONS = OPERATIONS.filter((op) => op.access !== 'anyone' && op.access !== 'respondent');

export interface Tenant {
  orgId: string;
  orgName: string;
  campaignId: string;
  campaignName: string;
  surveyToken: string;
}

export interface Principal {
  token: string;
  id: string;
}

/** Two consultants, each with an organisation, a campaign and an executive; the admin sees both. */
export interface World {
  consultantA: Principal;
  consultantB: Principal;
  executiveA: Principal;
  executiveB: Principal;
  a: Tenant;
  b: Tenant;
}

async function created(app: App, path: string, token: string, body: unknown) {
  const res = await call(app, 'POST', path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

export async function tenantOf(
  app: App,
  consultant: string,
  names: { org: string; campaign: string },
  campaign: Record<string, unknown> = {},
): Promise<Tenant> {
  const org = await created(app, '/api/v1/orgs', consultant, { name: names.org });
  const c = await created(app, `/api/v1/orgs/${org.id}/campaigns`, consultant, {
    name: names.campaign,
    departments: ['Sales', 'Operations'],
    ...campaign,
  });
  return {
    orgId: org.id,
    orgName: names.org,
    campaignId: c.id,
    campaignName: names.campaign,
    surveyToken: c.surveyToken,
  };
}

export async function buildWorld(app: App): Promise<World> {
  const consultantA = await created(app, '/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
  const consultantB = await created(app, '/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] });
  const a = await tenantOf(app, consultantA.token, { org: 'Tenant A Org', campaign: 'Tenant A Wave' });
  const b = await tenantOf(app, consultantB.token, { org: 'Tenant B Secret Org', campaign: 'Tenant B Secret Wave' });
  const executiveA = await created(app, '/api/v1/tokens', consultantA.token, { role: 'executive', orgIds: [a.orgId] });
  const executiveB = await created(app, '/api/v1/tokens', consultantB.token, { role: 'executive', orgIds: [b.orgId] });
  const p = (t: { token: string; id: string }): Principal => ({ token: t.token, id: t.id });
  return {
    consultantA: p(consultantA),
    consultantB: p(consultantB),
    executiveA: p(executiveA),
    executiveB: p(executiveB),
    a,
    b,
  };
}
