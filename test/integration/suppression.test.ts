import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// The minimum group size (default 5) with complementary suppression, in the report, the CSV export and comparisons,
// of closed campaigns (an open one publishes no figures at all: test/integration/publication.test.ts).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function campaignWith(counts: Record<string, number>, level = (_i: number) => 'frontline') {
  const seeded = await seedCampaign(h.app, { departments: Object.keys(counts) });
  let i = 0;
  for (const [department, n] of Object.entries(counts)) {
    for (let k = 0; k < n; k++, i++) {
      // Distinct answers per department, so a leaked score would be recognisable.
      const value = department === 'Sales' ? 4 : 1;
      const res = await call(h.app, 'POST', `/api/v1/surveys/${seeded.surveyToken}/responses`, {
        body: makeSubmission({ department, level: level(i), answers: makeAnswers(value) }),
      });
      expect(res.status).toBe(201);
    }
  }
  // Results are published only once the campaign is closed.
  await closeCampaign(h.app, seeded.campaignId);
  return seeded;
}

const csvRows = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

describe('minimum group size', () => {
  it('hides both departments when one has 10 responses and the other 2, in the report and in the CSV', async () => {
    const { campaignId } = await campaignWith({ Sales: 10, Operations: 2 });
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    expect(report.status).toBe(200);
    expect(report.body.n).toBe(12);
    expect(report.body.suppressed).toBe(false);
    expect(report.body.segments.department).toEqual([
      { name: 'Sales', suppressed: true },
      { name: 'Operations', suppressed: true },
    ]);
    // The total is shown; nothing in the body carries a department's own score.
    expect(report.body.layers.roles.n).toBe(12);

    const csv = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report?format=csv`, { token: ADMIN_TOKEN });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = csvRows(csv.text);
    expect(header!.slice(0, 4)).toEqual(['breakdown', 'group', 'n', 'suppressed']);
    const total = rows.find((r) => r[0] === 'total')!;
    expect(total[2]).toBe('12');
    expect(total[4]).not.toBe('');
    for (const name of ['Sales', 'Operations']) {
      const row = rows.find((r) => r[0] === 'department' && r[1] === name)!;
      expect(row[2]).toBe('');
      expect(row[3]).toBe('true');
      expect(row.slice(4).every((v) => v === '')).toBe(true);
    }
  });

  it('shows departments at or above the minimum when no complement is needed', async () => {
    const { campaignId } = await campaignWith({ Sales: 6, Operations: 5 });
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    const sales = report.body.segments.department.find((d: { name: string }) => d.name === 'Sales');
    expect(sales).toMatchObject({ suppressed: false, n: 6 });
    const operations = report.body.segments.department.find((d: { name: string }) => d.name === 'Operations');
    expect(operations).toMatchObject({ suppressed: false, n: 5 });
    expect(sales.layers.workflows.score).toBeGreaterThan(operations.layers.workflows.score);
  });

  it('shows n but no scores when the whole campaign is below the minimum', async () => {
    const { campaignId } = await campaignWith({ Sales: 3, Operations: 1 });
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    expect(report.body).toMatchObject({ n: 4, suppressed: true, minGroupSize: 5 });
    expect(report.body).not.toHaveProperty('layers');
    expect(report.body).not.toHaveProperty('signals');
    expect(report.body).not.toHaveProperty('diagnoses');
    expect(
      report.body.segments.department.every(
        (d: { suppressed: boolean; n?: number }) => d.suppressed && d.n === undefined,
      ),
    ).toBe(true);
    expect(report.body.segments.level.every((d: { suppressed: boolean }) => d.suppressed)).toBe(true);
    const csv = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report?format=csv`, { token: ADMIN_TOKEN });
    for (const row of csvRows(csv.text).slice(1)) {
      expect(row[3]).toBe('true');
      expect(row.slice(4).every((v) => v === '')).toBe(true);
    }
    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${campaignId}`, { token: ADMIN_TOKEN });
    expect(compare.body.campaigns[0]).toMatchObject({ id: campaignId, suppressed: true });
    expect(compare.body.campaigns[0]).not.toHaveProperty('scores');
  });

  it('passes to the diagnosis only the levels privacy shows', async () => {
    // 12 frontline, 6 managers, 2 executives: executives are hidden and managers with them as the complement.
    const { campaignId } = await campaignWith({ Sales: 10, Operations: 10 }, (i) =>
      i < 12 ? 'frontline' : i < 18 ? 'manager' : 'executive',
    );
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    expect(Object.keys(report.body.byLevel)).toEqual(['frontline']);
    const levels = Object.fromEntries(
      report.body.segments.level.map((l: { name: string; suppressed: boolean }) => [l.name, l.suppressed]),
    );
    expect(levels).toEqual({ frontline: false, manager: true, executive: true });
  });
});
