import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStats, mergeCells } from '../../functions/reports/campaign-stats';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { createRng } from '../../shared/simulation';
import { call, type Harness, makeAnswers, makeSubmission, seedCampaign, startHarness } from '../http/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('500 concurrent submissions with duplicate retries', () => {
  it('counts every response exactly once and gives each retry its original receipt', async () => {
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: ['Sales', 'Operations', 'Support'] });
    const rng = createRng(500);
    const unique = Array.from({ length: 400 }, (_, i) =>
      makeSubmission({
        answers: makeAnswers(() => 1 + Math.floor(rng.uniform() * 5)),
        department: ['Sales', 'Operations', 'Support'][i % 3]!,
        level: i % 4 === 0 ? 'manager' : 'frontline',
      }),
    );
    // 100 retries of the same submissions (a client that timed out and sent again), shuffled among the originals.
    const retries = Array.from({ length: 100 }, (_, i) => unique[(i * 7) % unique.length]!);
    const all = [...unique, ...retries].map((body, i) => ({ body, order: rng.uniform(), i }));
    all.sort((a, b) => a.order - b.order);

    const results = await Promise.all(
      all.map(({ body }) => call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body })),
    );

    const byId = new Map<string, { statuses: number[]; receipts: Set<string> }>();
    results.forEach((res, k) => {
      const id = all[k]!.body.responseId;
      const entry = byId.get(id) ?? { statuses: [], receipts: new Set<string>() };
      entry.statuses.push(res.status);
      entry.receipts.add(res.body.receipt);
      byId.set(id, entry);
    });
    expect(byId.size).toBe(400);
    for (const { statuses, receipts } of byId.values()) {
      // Exactly one submission created the response; every other one was answered as a retry.
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 200)).toBe(true);
      expect(receipts.size).toBe(1);
    }

    const stored = (await h.scanAll()).filter((i) => i.entity === 'response' && i.campaignId === campaignId);
    expect(stored).toHaveLength(400);
    const campaign = (await h.store.getCampaign(campaignId))!;
    expect(mergeCells(CURRENT_INSTRUMENT, await freshStats(h.store, campaign)).n).toBe(400);
    // Spread over the shard partitions, not piled on one.
    const shards = new Set(stored.map((i) => i.GSI1PK));
    expect(shards.size).toBe(campaign.shards);
  });
});
