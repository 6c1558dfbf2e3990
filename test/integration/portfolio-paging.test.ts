import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, call, type Harness, startHarness } from '../http/harness';

// GET /api/v1/portfolio/accounts a page at a time (the API's paging convention, functions/api/paging.ts and
// docs/ARCHITECTURE.md "Paging"): the pages give every company of the caller's portfolio exactly once, also when a
// company is added between two pages; `limit` has a maximum; an edited cursor, or another caller's, is a 400 naming
// `cursor`; no cursor ever shows a company outside the caller's own portfolio.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const PATH = '/api/v1/portfolio/accounts';

async function post(path: string, token: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function consultant(): Promise<string> {
  return (await post('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token as string;
}

/** Each company `token`'s pages give, page by page, following `next`; `between` runs after the first page. */
async function allPages(token: string, limit: number, between?: () => Promise<void>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await call(h.app, 'GET', `${PATH}${query}`, { token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.orgs.length).toBeLessThanOrEqual(limit);
    pages.push(res.body.orgs.map((o: { orgId: string }) => o.orgId));
    cursor = res.body.next;
    if (pages.length === 1 && between) await between();
  } while (cursor);
  return pages;
}

const problemField = (res: { status: number; body: { errors?: { field: string }[] } }) => [
  res.status,
  res.body.errors?.map((e) => e.field),
];

describe('paging the portfolio accounts', () => {
  let mine: string;
  let theirs: string;
  const myOrgs: string[] = [];
  const theirOrgs: string[] = [];

  beforeAll(async () => {
    mine = await consultant();
    theirs = await consultant();
    for (let i = 0; i < 7; i++) {
      myOrgs.push((await post('/api/v1/orgs', mine, { name: `Mine ${i}` })).id);
      // Not all created at one instant: two companies of one millisecond are ordered by id.
      if (i % 2 === 0) h.clock.advance(1000);
    }
    for (let i = 0; i < 3; i++) theirOrgs.push((await post('/api/v1/orgs', theirs, { name: `Theirs ${i}` })).id);
  });

  it('gives every company exactly once, in creation order, with no next after the last page', async () => {
    const whole = await call(h.app, 'GET', PATH, { token: mine });
    expect(whole.status).toBe(200);
    // Seven fit in the default page (20): one page, no next.
    expect(whole.body.orgs.map((o: { orgId: string }) => o.orgId).sort()).toEqual([...myOrgs].sort());
    expect(whole.body.next).toBeNull();
    // The first company made comes first (it alone was made at the first instant).
    expect(whole.body.orgs[0].orgId).toBe(myOrgs[0]);
    for (const limit of [1, 2, 3, 7]) {
      const pages = await allPages(mine, limit);
      expect(pages.flat()).toEqual(whole.body.orgs.map((o: { orgId: string }) => o.orgId));
      expect(pages).toHaveLength(Math.ceil(7 / limit));
      expect(pages.at(-1)!.length).toBeGreaterThan(0);
    }
  });

  it('gives a company added between two pages once, and every other still exactly once', async () => {
    let added = '';
    const pages = await allPages(mine, 3, async () => {
      h.clock.advance(1000);
      added = (await post('/api/v1/orgs', mine, { name: 'Added between pages' })).id;
    });
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...myOrgs, added].sort());
    myOrgs.push(added);
  });

  it('has a maximum limit and refuses a bad one, naming it', async () => {
    expect((await call(h.app, 'GET', `${PATH}?limit=50`, { token: ADMIN_TOKEN })).status).toBe(200);
    for (const limit of ['0', '51', '1000', '-1', 'ten', '2.5', '']) {
      const res = await call(h.app, 'GET', `${PATH}?limit=${limit}`, { token: mine });
      expect(problemField(res), limit).toEqual([400, ['limit']]);
    }
  });

  it('refuses an edited, made-up or truncated cursor with a 400 naming cursor', async () => {
    const first = await call(h.app, 'GET', `${PATH}?limit=2`, { token: mine });
    const cursor = first.body.next as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    const [payload, tag] = cursor.split('.') as [string, string];
    // The payload says where to go on from: point it at the first company instead, keeping the check.
    const moved = Buffer.from(JSON.stringify({ v: 1, k: ['0000-01-01T00:00:00.000Z', '0'] }), 'utf8').toString(
      'base64url',
    );
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const bad of [
      `${moved}.${tag}`,
      `${flip(payload, 3)}.${tag}`,
      `${payload}.${flip(tag, 0)}`,
      cursor.slice(0, -1),
      `${payload}.${tag}.${tag}`,
      'not-a-cursor',
      `${Buffer.from('{}').toString('base64url')}.${'A'.repeat(22)}`,
    ]) {
      const res = await call(h.app, 'GET', `${PATH}?cursor=${encodeURIComponent(bad)}`, { token: mine });
      expect(problemField(res), bad).toEqual([400, ['cursor']]);
    }
    // The cursor as given still works.
    expect((await call(h.app, 'GET', `${PATH}?limit=2&cursor=${cursor}`, { token: mine })).status).toBe(200);
  });

  it("refuses another caller's cursor, and no cursor shows a company outside the caller's portfolio", async () => {
    const mineCursor = (await call(h.app, 'GET', `${PATH}?limit=1`, { token: mine })).body.next as string;
    const adminCursor = (await call(h.app, 'GET', `${PATH}?limit=1`, { token: ADMIN_TOKEN })).body.next as string;
    for (const [token, cursor] of [
      [theirs, mineCursor],
      [mine, adminCursor],
    ] as const) {
      const res = await call(h.app, 'GET', `${PATH}?cursor=${cursor}`, { token });
      expect(problemField(res)).toEqual([400, ['cursor']]);
      expect(res.text).not.toMatch(/Mine|Theirs/);
    }
    // Each consultant's pages hold their own companies only, whatever page size.
    for (const limit of [1, 2]) {
      expect((await allPages(theirs, limit)).flat().sort()).toEqual([...theirOrgs].sort());
      expect((await allPages(mine, limit)).flat().sort()).toEqual([...myOrgs].sort());
    }
    // The admin's pages hold everyone's, each once.
    const everyone = (await allPages(ADMIN_TOKEN, 4)).flat();
    expect(new Set(everyone).size).toBe(everyone.length);
    expect(everyone).toEqual(expect.arrayContaining([...myOrgs, ...theirOrgs]));
  });

  it('leaves out, on the next page, a company whose grant went after the first', async () => {
    const org = await post('/api/v1/orgs', theirs, { name: 'Theirs, handed back' });
    const first = await call(h.app, 'GET', `${PATH}?limit=1`, { token: theirs });
    const removed = await call(h.app, 'DELETE', `/api/v1/orgs/${org.id}`, { token: ADMIN_TOKEN });
    expect(removed.status, removed.text).toBeLessThan(300);
    const rest = await allPagesFrom(theirs, first.body.next);
    expect([...first.body.orgs.map((o: { orgId: string }) => o.orgId), ...rest].sort()).toEqual([...theirOrgs].sort());
  });
});

async function allPagesFrom(token: string, cursor: string | null): Promise<string[]> {
  const seen: string[] = [];
  while (cursor) {
    const res = await call(h.app, 'GET', `${PATH}?limit=1&cursor=${cursor}`, { token });
    expect(res.status, res.text).toBe(200);
    seen.push(...res.body.orgs.map((o: { orgId: string }) => o.orgId));
    cursor = res.body.next;
  }
  return seen;
}
