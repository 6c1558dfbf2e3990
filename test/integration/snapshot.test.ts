import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPreparing } from '../../functions/api/errors';
import { buildReport } from '../../functions/reports/build-report';
import { campaignStats, foldStep, freshStats, instrumentOf } from '../../functions/reports/campaign-stats';
import type { CampaignRecord, Store } from '../../functions/store/store';
import { STORED_TIME_UNIT_MS } from '../../functions/store/stored-time';
import { LEVELS } from '../../shared/instrument';
import { createRng } from '../../shared/simulation';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

// A report read from a stored snapshot plus the tail must equal a fold of every counted response from scratch,
// whatever happened in between: new responses, withdrawals before and after the cursor, refreshes, lost races.

const SAFETY = 60_000;
/** Long enough for the trailing cursor to pass everything received before: stored times are whole hours. */
const SETTLE = STORED_TIME_UNIT_MS + SAFETY;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ snapshotSafetyMs: SAFETY, snapshotRefreshItems: 5 });
});
afterAll(() => h.close());

const DEPARTMENTS = ['Sales', 'Operations', 'Support'];

async function campaign(id: string): Promise<CampaignRecord> {
  return (await h.store.getCampaign(id))!;
}

/**
 * The report as served (snapshot + tail) and the report of a fresh fold, both at the harness clock. Built as for the
 * campaign closed (a report of an open one publishes no figures), so that every figure is compared while the history
 * still goes on.
 */
async function bothReports(open: CampaignRecord, store: Store = h.store, maxTailItems?: number) {
  const now = h.clock.now;
  const c: CampaignRecord = { ...open, closedAt: now.toISOString() };
  const [org, profile, leadership] = await Promise.all([
    h.store.getOrg(c.orgId),
    h.store.getProfile(c.orgId),
    h.store.getLeadership(c.id),
  ]);
  // Settled at once (settleMs 0): what is compared here is the fold, not when a close publishes.
  const base = { campaign: c, org: org!, instrument: instrumentOf(c), leadership, profile, now, settleMs: 0 };
  const stats = await campaignStats(store, c, now, {
    safetyMs: SAFETY,
    refreshItems: 5,
    ...(maxTailItems === undefined ? {} : { maxTailItems }),
  });
  const cached = buildReport({ ...base, cells: stats.cells });
  const fresh = buildReport({ ...base, cells: await freshStats(h.store, c) });
  expect(cached.published).toBe(true);
  return { cached, fresh, stats };
}

describe('report = fold from scratch', () => {
  it('holds through a random history of submissions, withdrawals, clock moves and report reads', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    const c = await campaign(campaignId);
    const rng = createRng(20260302);
    const receipts: string[] = [];
    let snapshotsUsed = 0;
    let refreshes = 0;
    for (let step = 0; step < 120; step++) {
      const u = rng.uniform();
      if (u < 0.55) {
        const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
          body: makeSubmission({
            answers: makeAnswers(() => 1 + Math.floor(rng.uniform() * 5)),
            department: DEPARTMENTS[Math.floor(rng.uniform() * DEPARTMENTS.length)]!,
            level: LEVELS[Math.floor(rng.uniform() * 2)]!,
          }),
        });
        expect(res.status).toBe(201);
        receipts.push(res.body.receipt);
      } else if (u < 0.7 && receipts.length > 0) {
        const receipt = receipts.splice(Math.floor(rng.uniform() * receipts.length), 1)[0]!;
        expect((await call(h.app, 'DELETE', `/api/v1/responses/${receipt}`)).status).toBe(204);
      } else if (u < 0.85) {
        // Sometimes within the hour, sometimes past it and the safety window: the cursor moves by whole hours.
        h.clock.advance(Math.floor(rng.uniform() * 1.5 * SETTLE));
      } else {
        const { cached, fresh, stats } = await bothReports(c);
        expect(cached).toEqual(fresh);
        if (stats.snapshotCursor) snapshotsUsed++;
        if (stats.refreshed) refreshes++;
      }
    }
    h.clock.advance(SETTLE);
    const { cached, fresh } = await bothReports(c);
    expect(cached).toEqual(fresh);
    expect(cached.n).toBe(receipts.length);
    // The test is only worth something if snapshots were really stored and read.
    expect(refreshes).toBeGreaterThan(1);
    expect(snapshotsUsed).toBeGreaterThan(1);
  });

  it('holds when the scheduler folds in small stretches, two at once, and reads may fold only a short tail', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    const c = await campaign(campaignId);
    expect(c.streamLayout).toBe(2);
    const rng = createRng(20261202);
    const receipts: string[] = [];
    const seen = { stretches: 0, raced: 0, preparing: 0, published: 0 };
    const fold = (chunkItems: number) =>
      foldStep(h.store, c, h.clock.now, { safetyMs: SAFETY, refreshItems: 5, chunkItems });
    for (let step = 0; step < 120; step++) {
      const u = rng.uniform();
      if (u < 0.5) {
        // Bursts, so the tail after a cursor often holds more than a read may fold.
        for (let i = 0, n = 1 + Math.floor(rng.uniform() * 4); i < n; i++) {
          const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
            body: makeSubmission({
              answers: makeAnswers(() => 1 + Math.floor(rng.uniform() * 5)),
              department: DEPARTMENTS[Math.floor(rng.uniform() * DEPARTMENTS.length)]!,
              level: LEVELS[Math.floor(rng.uniform() * 2)]!,
            }),
          });
          expect(res.status).toBe(201);
          receipts.push(res.body.receipt);
          // Spread over time, so a stretch can end between two of them.
          h.clock.advance(1 + Math.floor(rng.uniform() * 2000));
        }
      } else if (u < 0.62 && receipts.length > 0) {
        const receipt = receipts.splice(Math.floor(rng.uniform() * receipts.length), 1)[0]!;
        expect((await call(h.app, 'DELETE', `/api/v1/responses/${receipt}`)).status).toBe(204);
      } else if (u < 0.75) {
        h.clock.advance(Math.floor(rng.uniform() * 1.5 * SETTLE));
      } else if (u < 0.88) {
        // The scheduler: one stretch, or two runs racing for the same one.
        const chunk = 1 + Math.floor(rng.uniform() * 6);
        const steps = rng.uniform() < 0.4 ? await Promise.all([fold(chunk), fold(chunk)]) : [await fold(chunk)];
        if (steps.some((s) => s.stored)) seen.stretches++;
        if (steps.length === 2 && steps.filter((s) => s.stored).length === 1 && steps.every((s) => s.items > 0)) {
          seen.raced++;
        }
      } else {
        try {
          const { cached, fresh } = await bothReports(c, h.store, 6);
          expect(cached).toEqual(fresh);
          seen.published++;
        } catch (error) {
          if (!(error instanceof ReportPreparing)) throw error;
          seen.preparing++;
        }
      }
    }
    // Catch up in stretches, then the read is a snapshot plus a short tail, equal to a fold from scratch.
    h.clock.advance(SETTLE);
    for (let i = 0; i < 1000 && !(await fold(4)).caughtUp; i++);
    const { cached, fresh, stats } = await bothReports(c, h.store, 6);
    expect(cached).toEqual(fresh);
    expect(cached.n).toBe(receipts.length);
    expect(stats.tailItems).toBeLessThanOrEqual(6);
    // Worth something only if each path really ran.
    // (Which of two racing folders wins varies from run to run, and with it how far behind each read finds the
    // snapshot: so each path is only asked to have run.)
    expect(seen.stretches).toBeGreaterThan(5);
    expect(seen.raced).toBeGreaterThan(0);
    expect(seen.preparing).toBeGreaterThan(0);
    expect(seen.published).toBeGreaterThan(0);
  });

  it('unfolds a response withdrawn after its snapshot, and erases withdrawn answers once no snapshot needs them', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    const c = await campaign(campaignId);
    const receipts: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
        body: makeSubmission({ department: DEPARTMENTS[i % 3]! }),
      });
      receipts.push(res.body.receipt);
    }
    h.clock.advance(SETTLE);
    const first = await bothReports(c);
    expect(first.stats.refreshed).toBe(true);
    const old = await h.store.getSnapshot(campaignId);
    expect(old?.cursor).toBeTruthy();

    // Withdrawn after the snapshot: the next read must unfold it.
    await call(h.app, 'DELETE', `/api/v1/responses/${receipts[0]}`);
    const afterWithdraw = await bothReports(c);
    expect(afterWithdraw.cached.n).toBe(7);
    expect(afterWithdraw.cached).toEqual(afterWithdraw.fresh);

    // Once a newer snapshot covers the withdrawal, its answers are erased from the table.
    h.clock.advance(SETTLE);
    for (let i = 0; i < 5; i++) {
      await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    }
    h.clock.advance(SETTLE);
    const refreshed = await bothReports(c);
    expect(refreshed.stats.refreshed).toBe(true);
    const withdrawn = (await h.scanAll()).filter(
      (i) => i.entity === 'response' && i.campaignId === campaignId && i.withdrawnAt,
    );
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).not.toHaveProperty('answers');
    expect(withdrawn[0]).not.toHaveProperty('level');
    expect(withdrawn[0]).not.toHaveProperty('department');

    // A reader that still holds the old snapshot meets the erased response and starts over: still exact.
    let stale = true;
    const staleStore = new Proxy(h.store, {
      get(target, prop, receiver) {
        if (prop === 'getSnapshot') {
          return async (id: string) => {
            if (stale) {
              stale = false;
              return old;
            }
            return target.getSnapshot(id);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
    const raced = await bothReports(c, staleStore);
    expect(stale).toBe(false);
    expect(raced.cached).toEqual(raced.fresh);
    expect(raced.cached.n).toBe(12);
  });

  it('reads responses and snapshots stored with exact times: the duration still flags, a finer cursor is not trusted', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    const c = await campaign(campaignId);
    // Two responses as an earlier release stored them: exact times and durations, one too fast to have read the items.
    const exact = (offsetMs: number) => new Date(h.clock.now.getTime() + offsetMs).toISOString();
    for (const [i, durationS] of [
      [0, 7],
      [1, 301],
    ] as const) {
      const receivedAt = exact(1234 + i);
      const key = `legacy${i}`.padEnd(64, '0');
      await h.store.putResponse({
        key,
        campaignId,
        shard: 0,
        position: `${receivedAt}#${key.slice(0, 16)}`,
        receivedAt,
        contentHash: 'legacy',
        answers: makeAnswers(),
        level: 'frontline',
        department: 'Sales',
        durationS,
      });
    }
    for (let i = 0; i < 6; i++) {
      await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
        body: makeSubmission({ department: DEPARTMENTS[i % 3]! }),
      });
    }
    h.clock.advance(SETTLE);
    const before = await bothReports(c);
    expect(before.cached).toEqual(before.fresh);
    expect(before.cached.n).toBe(8);
    const total = (await freshStats(h.store, { ...c, closedAt: h.clock.now.toISOString() })).values();
    expect([...total].reduce((sum, cell) => sum + cell.quality.tooFast, 0)).toBe(1);

    // A snapshot an earlier release stored: its cursor trails its creation by the safety window only, so answers
    // now dated at the start of that hour sit behind it. It must not be built on.
    const current = (await h.store.getSnapshot(campaignId))!;
    h.clock.advance(20 * 60_000 + 4321);
    const fineCursor = new Date(h.clock.now.getTime() - SAFETY).toISOString();
    expect(fineCursor > current.cursor).toBe(true);
    expect(
      await h.store.putSnapshot(
        { ...current, version: current.version + 1, cursor: fineCursor, createdAt: h.clock.now.toISOString() },
        current.version,
      ),
    ).toBe(true);
    for (let i = 0; i < 3; i++)
      await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    const after = await bothReports(c);
    expect(after.stats.snapshotCursor).toBeNull();
    expect(after.cached).toEqual(after.fresh);
    expect(after.cached.n).toBe(11);
  });

  it('reads a snapshot stored before the statistics gained fields as absent: folds from scratch, then replaces it', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    const c = await campaign(campaignId);
    for (let i = 0; i < 8; i++) {
      await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
        body: makeSubmission({ department: DEPARTMENTS[i % 3]! }),
      });
    }
    h.clock.advance(SETTLE);
    expect((await bothReports(c)).stats.refreshed).toBe(true);
    const current = (await h.store.getSnapshot(campaignId))!;
    // The shape an earlier release stored: scales without the per-item and pairwise sums.
    const strip = (scale: Record<string, unknown>) => {
      const { values: _v, itemDontKnow: _d, itemAnswers: _a, pairs: _p, ...rest } = scale;
      return rest;
    };
    const oldCells = Object.fromEntries(
      Object.entries(current.cells).map(([key, stats]) => [
        key,
        {
          ...stats,
          layers: Object.fromEntries(Object.entries(stats.layers).map(([l, v]) => [l, strip(v as never)])),
          signals: Object.fromEntries(Object.entries(stats.signals).map(([l, v]) => [l, strip(v as never)])),
        },
      ]),
    );
    const stored = await h.store.putSnapshot(
      { ...current, version: current.version + 1, cells: oldCells as never },
      current.version,
    );
    expect(stored).toBe(true);
    for (let i = 0; i < 6; i++)
      await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body: makeSubmission() });
    h.clock.advance(SETTLE);
    const after = await bothReports(c);
    expect(after.stats.snapshotCursor).toBeNull();
    expect(after.cached).toEqual(after.fresh);
    expect(after.cached.n).toBe(14);
    expect(after.stats.refreshed).toBe(true);
    // The replacement has today's shape, and the next read starts from it.
    const next = await bothReports(c);
    expect(next.stats.snapshotCursor).not.toBeNull();
    expect(next.cached).toEqual(next.fresh);
  });

  it('keeps the served report equal to a fresh fold when readers race to refresh the snapshot', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
          body: makeSubmission({ department: DEPARTMENTS[i % 3]! }),
        }),
      ),
    );
    await closeCampaign(h.app, campaignId);
    h.clock.advance(SETTLE);
    const reads = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN }),
      ),
    );
    const c = await campaign(campaignId);
    const { fresh } = await bothReports(c);
    expect(reads[0]!.body.published).toBe(true);
    for (const r of reads) expect(r.body).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect((await h.store.getSnapshot(campaignId))?.version).toBeGreaterThanOrEqual(1);
  });

  it('erases withdrawn answers behind a stored snapshot even when the erase fails once: the next fold or read does it', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS, minGroupSize: 3 });
    const c = await campaign(campaignId);
    const receipts: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
        body: makeSubmission({ department: DEPARTMENTS[i % 3]! }),
      });
      receipts.push(res.body.receipt);
    }
    for (const receipt of receipts.slice(0, 2)) {
      expect((await call(h.app, 'DELETE', `/api/v1/responses/${receipt}`)).status).toBe(204);
    }
    h.clock.advance(SETTLE);
    const holdingAnswers = async () =>
      (await h.scanAll()).filter(
        (i) => i.entity === 'response' && i.campaignId === campaignId && i.withdrawnAt && 'answers' in i,
      ).length;

    // The snapshot is stored, then its erase fails (throttled): the error reaches the scheduler, which tries again.
    let failures = 0;
    const failingErase = new Proxy(h.store, {
      get(target, prop, receiver) {
        if (prop === 'eraseWithdrawn' && failures === 0) {
          return async () => {
            failures++;
            throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
              name: 'ThrottlingException',
            });
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
    const options = { safetyMs: SAFETY, refreshItems: 5, chunkItems: 100 };
    await expect(foldStep(failingErase, c, h.clock.now, options)).rejects.toThrow('Rate of requests');
    expect(failures).toBe(1);
    const owing = (await h.store.getSnapshot(campaignId))!;
    expect(owing.eraseFrom).toBeNull();
    expect(await holdingAnswers()).toBe(2);
    // The stream still finds them, in either layout.
    for (const layout of [c.streamLayout, undefined]) {
      expect(await h.store.withdrawnHoldingAnswers({ ...c, streamLayout: layout }, null, owing.cursor)).toHaveLength(2);
    }

    // A report read finds the snapshot caught up and owing: it erases first, and answers as a fold from scratch.
    const { cached, fresh } = await bothReports(c);
    expect(cached).toEqual(fresh);
    expect(cached.n).toBe(6);
    expect(await holdingAnswers()).toBe(0);
    const settled = (await h.store.getSnapshot(campaignId))!;
    expect(settled.version).toBe(owing.version);
    expect(settled.eraseFrom).toBeUndefined();

    // The same when the next step is the scheduler's: a second withdrawal, erased by a fold that fails once.
    expect((await call(h.app, 'DELETE', `/api/v1/responses/${receipts[2]}`)).status).toBe(204);
    h.clock.advance(SETTLE);
    failures = 0;
    await expect(foldStep(failingErase, c, h.clock.now, options)).rejects.toThrow('Rate of requests');
    expect((await h.store.getSnapshot(campaignId))!.eraseFrom).toBe(settled.cursor);
    expect(await holdingAnswers()).toBe(1);
    expect((await foldStep(h.store, c, h.clock.now, options)).caughtUp).toBe(true);
    expect(await holdingAnswers()).toBe(0);
    expect((await h.store.getSnapshot(campaignId))!.eraseFrom).toBeUndefined();
  });
});
