import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/store/store';
import { ADMIN_TOKEN, call, type Harness, makeSubmission, seedCampaign, startHarness } from '../http/harness';

// Red-team findings 2 and 3 (issue 17): withdrawals and submissions racing a close. A withdrawal that is acknowledged
// (204) is never counted, one that is refused (410) always is; a submission acknowledged with a receipt is always
// counted. The close's writes are held at a gate while the other requests run, which is the interleaving the
// red-team hit by chance (the request read the campaign open, the close landed, then the request wrote): here every
// run takes it.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A clock that moves on by a millisecond at every reading, as a real one does between two requests. */
function tickingClock(start: Date) {
  let t = start.getTime();
  return {
    clock: () => {
      t += 1;
      return new Date(t);
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/**
 * The store, with the close's writes (`markClosing`, `closeCampaign`) waiting at a gate: `reached` resolves when the
 * close arrives there, `open()` lets it through.
 */
function gatedClose(store: Store) {
  let open!: () => void;
  let reach!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const gated = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      if (name === 'markClosing' || name === 'closeCampaign') {
        return async (...args: unknown[]) => {
          reach();
          await gate;
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  return { store: gated, reached, open };
}

async function publishedN(app: Pick<Harness['app'], 'request'>, campaignId: string): Promise<number> {
  const res = await call(app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
  expect(res.status).toBe(200);
  expect(res.body.published).toBe(true);
  return res.body.n as number;
}

describe('withdrawals racing a close', () => {
  it('never acknowledges a withdrawal that the published results still count', async () => {
    const time = tickingClock(h.clock.now);
    const { store, reached, open } = gatedClose(h.store);
    const app = h.withDeps({ store, clock: time.clock });
    const { campaignId, surveyToken } = await seedCampaign(app);
    const receipts: string[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await call(app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
      expect(res.status).toBe(201);
      receipts.push(res.body.receipt);
    }

    // The close has read the campaign and its clock; its writes wait while 12 withdrawals run to the end.
    const closing = call(app, 'POST', `/api/v1/campaigns/${campaignId}/close`, { token: ADMIN_TOKEN });
    await reached;
    const during = await Promise.all(receipts.slice(0, 12).map((r) => call(app, 'DELETE', `/api/v1/responses/${r}`)));
    open();
    expect((await closing).status).toBe(200);
    // After the close: refused, and a repeat of an acknowledged one answers as before.
    const after = await Promise.all(receipts.slice(12, 16).map((r) => call(app, 'DELETE', `/api/v1/responses/${r}`)));
    const repeats = await Promise.all(receipts.slice(0, 3).map((r) => call(app, 'DELETE', `/api/v1/responses/${r}`)));

    const acknowledged = during.filter((r) => r.status === 204).length;
    for (const r of [...during, ...after, ...repeats]) expect([204, 410]).toContain(r.status);
    for (const r of after) expect(r.status).toBe(410);
    for (const [i, r] of repeats.entries()) expect(r.status).toBe(during[i]!.status);

    time.advance(24 * 3_600_000);
    // Every acknowledged withdrawal is out of the results, every refused one in.
    expect(await publishedN(app, campaignId)).toBe(24 - acknowledged);
  });
});

describe('submissions racing a close', () => {
  it('gives a receipt only for answers the published results count', async () => {
    const time = tickingClock(h.clock.now);
    const { store, reached, open } = gatedClose(h.store);
    const app = h.withDeps({ store, clock: time.clock });
    const { campaignId, surveyToken } = await seedCampaign(app);
    const submit = () => call(app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    for (let i = 0; i < 6; i++) expect((await submit()).status).toBe(201);

    const closing = call(app, 'POST', `/api/v1/campaigns/${campaignId}/close`, { token: ADMIN_TOKEN });
    await reached;
    const during = await Promise.all(Array.from({ length: 12 }, submit));
    open();
    expect((await closing).status).toBe(200);
    const after = await Promise.all(Array.from({ length: 4 }, submit));

    for (const r of during) expect([201, 410]).toContain(r.status);
    for (const r of after) expect(r.status).toBe(410);
    const receipts = during.filter((r) => r.status === 201).length;
    time.advance(24 * 3_600_000);
    expect(await publishedN(app, campaignId)).toBe(6 + receipts);
  });

  it('counts what an instance took on its cached copy within the grace, and refuses once the copy is older', async () => {
    const time = tickingClock(h.clock.now);
    const app = h.withDeps({ clock: time.clock });
    // Another instance (another Lambda) that keeps its copy of the campaign for a minute.
    const other = h.withDeps({ clock: time.clock, config: { campaignCacheMs: 60_000 } });
    const { campaignId, surveyToken } = await seedCampaign(app);
    const submit = (to: typeof app) =>
      call(to, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    for (let i = 0; i < 5; i++) expect((await submit(app)).status).toBe(201);
    expect((await submit(other)).status).toBe(201);

    // Closed on the first instance; the other still holds the campaign as open.
    time.advance(1000);
    expect((await call(app, 'POST', `/api/v1/campaigns/${campaignId}/close`, { token: ADMIN_TOKEN })).status).toBe(200);
    time.advance(1000);
    const late = await Promise.all(Array.from({ length: 4 }, () => submit(other)));
    for (const r of late) expect(r.status).toBe(201);
    // Past the grace the copy is read again: the close shows, nothing more is taken.
    time.advance(5000);
    expect((await submit(other)).status).toBe(410);

    time.advance(24 * 3_600_000);
    expect(await publishedN(app, campaignId)).toBe(10);
  });
});
