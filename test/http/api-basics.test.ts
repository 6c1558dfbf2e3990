import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../functions/api/openapi';
import { respondentParts } from '../../functions/api/respondent-app';
import { ADMIN_TOKEN, call, type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('edges of the API', () => {
  it('answers /health', async () => {
    const res = await call(h.app, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('sends security headers with a CSP that allows only its own origin', async () => {
    const res = await call(h.app, 'GET', '/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await call(h.app, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
    expect(res.body.type).toMatch(/^\/api\/docs#problem-/);
  });

  it('keeps API answers out of shared caches', async () => {
    const res = await call(h.app, 'GET', '/api/v1/orgs', { token: ADMIN_TOKEN });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas, listing every route the app has', async () => {
    const res = await call(h.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    // The respondent routes are mounted as parts loaded on first use (respondent-app.ts): list theirs too.
    const parts = respondentParts(h.deps);
    const routes = [...h.app.routes, ...(await parts.json()).routes, ...(await parts.pages()).routes]
      .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api') || r.path === '/health'))
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(new Set(routes)).toEqual(documented);
    // The request schema of a submission is the zod schema's JSON Schema: strict, with the uuid format.
    const submit = res.body.paths['/api/v1/surveys/{surveyToken}/responses'].post;
    const schema = submit.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.responseId.format).toBe('uuid');
    expect(schema.required).toEqual(expect.arrayContaining(['responseId', 'answers', 'level', 'department']));
    expect(OPERATIONS.length).toBe(documented.size);
  });

  it('serves a readable docs page without scripts', async () => {
    const res = await call(h.app, 'GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('POST /api/v1/surveys/{surveyToken}/responses');
    expect(res.text).toContain('id="problem-validation"');
    expect(res.text).not.toContain('<script');
  });
});

describe('authentication', () => {
  it('answers 401 with a challenge when no token is sent', async () => {
    const res = await call(h.app, 'GET', '/api/v1/orgs');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 401 for an unknown, malformed or near-miss token', async () => {
    for (const token of ['x'.repeat(43), `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1)]) {
      expect((await call(h.app, 'GET', '/api/v1/orgs', { token })).status).toBe(401);
    }
    const res = await h.app.request('/api/v1/orgs', { headers: { authorization: `Basic ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(401);
  });

  it('accepts the bootstrap admin token, also when it comes from a secret fetched once', async () => {
    let fetches = 0;
    const app = h.withDeps({
      config: {
        adminToken: async () => {
          fetches++;
          return 'secret-admin-token-from-a-secret-store';
        },
      },
    });
    for (let i = 0; i < 3; i++) {
      const res = await call(app, 'GET', '/api/v1/orgs', { token: 'secret-admin-token-from-a-secret-store' });
      expect(res.status).toBe(200);
    }
    expect(fetches).toBe(1);
    expect((await call(app, 'GET', '/api/v1/orgs', { token: ADMIN_TOKEN })).status).toBe(401);
  });
});
