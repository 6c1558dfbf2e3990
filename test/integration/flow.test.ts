import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, LAYERS } from '../../shared/instrument';
import { type ProfileName, simulatePopulation } from '../../shared/simulation';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, startHarness } from '../http/harness';

// The whole flow a consultant runs: organisations, profiles, two waves, responses, leadership view, reports, export
// and the comparison with portfolio percentiles and change between waves.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DEPARTMENTS = ['Sales', 'Operations', 'Customer service', 'Finance'];

async function runWave(token: string, orgId: string, name: string, profile: ProfileName, n: number, seed: number) {
  const campaign = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
    token,
    body: { name, departments: DEPARTMENTS },
  });
  expect(campaign.status).toBe(201);
  const population = simulatePopulation(CURRENT_INSTRUMENT, profile, {
    n,
    seed,
    leadershipN: 3,
    noise: { departments: DEPARTMENTS },
  });
  await Promise.all(
    population.workforce.map((r) =>
      call(h.app, 'POST', `/api/v1/surveys/${campaign.body.surveyToken}/responses`, {
        body: {
          responseId: crypto.randomUUID(),
          answers: r.answers,
          level: r.level,
          department: r.department,
          durationS: r.durationS,
        },
      }).then((res) => expect(res.status).toBe(201)),
    ),
  );
  const leadership = await call(h.app, 'PUT', `/api/v1/campaigns/${campaign.body.id}/leadership`, {
    token,
    body: { respondents: population.leadership.map((r) => ({ answers: r.answers })) },
  });
  expect(leadership.status).toBe(200);
  h.clock.advance(60_000);
  // A wave's results are published when it closes.
  await closeCampaign(h.app, campaign.body.id, token);
  return campaign.body.id as string;
}

describe('a consultant runs campaigns end to end', () => {
  it('reports, exports and compares waves', async () => {
    const consultant = (
      await call(h.app, 'POST', '/api/v1/tokens', { token: ADMIN_TOKEN, body: { role: 'consultant', orgIds: [] } })
    ).body.token as string;
    const northwind = (await call(h.app, 'POST', '/api/v1/orgs', { token: consultant, body: { name: 'Northwind' } }))
      .body;
    const contoso = (await call(h.app, 'POST', '/api/v1/orgs', { token: consultant, body: { name: 'Contoso' } })).body;
    await call(h.app, 'PUT', `/api/v1/orgs/${northwind.id}/profile`, {
      token: consultant,
      body: { aiSpendPerEmployee: 1500, currency: 'EUR', seats: 400, pilots: 8, headcount: { total: 300 } },
    });

    const wave1 = await runWave(consultant, northwind.id, 'Spring', 'boss_b', 50, 1);
    const wave2 = await runWave(consultant, northwind.id, 'Autumn', 'balanced', 60, 2);
    const other = await runWave(consultant, contoso.id, 'Check', 'cash_poor', 40, 3);

    const exec = (
      await call(h.app, 'POST', '/api/v1/tokens', {
        token: consultant,
        body: { role: 'executive', orgIds: [northwind.id] },
      })
    ).body.token as string;
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${wave1}/report`, { token: exec });
    expect(report.status).toBe(200);
    const r = report.body;
    expect(r.n).toBe(50);
    expect(r.suppressed).toBe(false);
    expect(Object.keys(r.layers)).toEqual([...LAYERS]);
    expect(r.responseRate).toEqual({ rate: 0.167, responded: 50, invited: 300, basis: 'headcount' });
    expect(r.leadership.n).toBe(3);
    expect(r.leadershipGap).not.toBeNull();
    // The simulated Boss B organisation: leadership rates the layers above the workforce.
    expect(Object.values(r.leadershipGap as Record<string, number>).every((gap) => gap > 0)).toBe(true);
    expect(r.campaign).toMatchObject({ id: wave1, orgId: northwind.id, orgName: 'Northwind', name: 'Spring' });
    expect(r.segments.department.map((d: { name: string }) => d.name)).toEqual(DEPARTMENTS);
    expect(typeof r.generatedAt).toBe('string');
    expect(Array.isArray(r.diagnoses)).toBe(true);

    const csv = await call(h.app, 'GET', `/api/v1/campaigns/${wave1}/report?format=csv`, { token: exec });
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(csv.text.split('\r\n')[1]).toMatch(/^total,all,50,false,\d/);

    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${wave1},${wave2},${other}`, {
      token: consultant,
    });
    expect(compare.status).toBe(200);
    const c = compare.body;
    expect(c.portfolioSize).toBe(3);
    expect(c.minPeers).toBe(5);
    expect(c.campaigns.map((x: { peers: number }) => x.peers)).toEqual([1, 1, 1]);
    expect(c.campaigns.map((x: { id: string }) => x.id)).toEqual([wave1, wave2, other]);
    const [a, b, o] = c.campaigns;
    expect(a.previousCampaignId).toBeNull();
    expect(a.change).toBeNull();
    expect(b.previousCampaignId).toBe(wave1);
    expect(o.previousCampaignId).toBeNull();
    for (const layer of LAYERS) {
      // Change is the second wave minus the first, on the same scores the report shows.
      expect(b.change[layer]).toBeCloseTo(b.scores[layer] - a.scores[layer], 0);
      expect(a.scores[layer]).toBeCloseTo(r.layers[layer].score, 6);
      // Ranked among other organisations only: Northwind's two waves have one peer (Contoso), too few to rank.
      expect(b.percentiles[layer]).toBeNull();
      expect(b.percentileReasons[layer]).toBe('fewer than 5 other organisations');
    }
    // The balanced second wave scores better than the Boss B first wave on the knowledge layer.
    expect(b.change.knowledge).toBeGreaterThan(0);

    // An executive may not compare.
    expect((await call(h.app, 'GET', `/api/v1/compare?campaigns=${wave1}`, { token: exec })).status).toBe(403);
  });
});
