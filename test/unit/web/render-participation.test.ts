import { describe, expect, it } from 'vitest';
import { type ParticipationModel, renderParticipation } from '../../../web/dashboard/participation-panel';

const campaign = { id: 'c1', name: 'Wave <b>1</b>' };
const model = (over: Partial<ParticipationModel> = {}): ParticipationModel => ({
  campaignId: 'c1',
  status: 'open',
  asOf: '2026-03-02T10:00:00.000Z',
  minGroupSize: 5,
  total: 13,
  departments: [{ name: 'Sales & <i>Risk</i>', n: 6, headcount: 12, responseRate: 0.5 }],
  otherDepartments: { groups: ['Operations', null], n: 7 },
  levels: [{ level: 'frontline', n: 13 }],
  otherLevels: { groups: ['manager', 'executive'], n: null },
  note: 'Counts <script>',
  ...over,
});

describe('renderParticipation', () => {
  it('shows the shown groups, the pooled ones by name, and escapes all API text', () => {
    const html = renderParticipation(model(), campaign, '/report.html#campaign=c1');
    expect(html).toContain('Sales &amp; &lt;i&gt;Risk&lt;/i&gt;');
    expect(html).toContain('Wave &lt;b&gt;1&lt;/b&gt;');
    expect(html).toContain('Counts &lt;script&gt;');
    expect(html).not.toMatch(/<script|<i>|<b>/);
    expect(html).toContain('2026-03-02 10:00 UTC');
    expect(html).toContain('50%');
    expect(html).toContain('(Operations, No department given)');
    // A pool below the minimum says so without a number.
    expect(html).toMatch(/\(Managers, Executives\)<\/span><\/th><td>not shown<\/td>/);
  });

  it('shows no table at all while the total is below the minimum', () => {
    const html = renderParticipation(
      model({ total: null, departments: [], levels: [], otherDepartments: { groups: ['Sales'], n: null } }),
      campaign,
      '/report.html#campaign=c1',
    );
    expect(html).not.toContain('<table');
    expect(html).toContain('fewer than the minimum group size');
  });

  it('points to the report once closed, with no count', () => {
    const html = renderParticipation(
      model({ status: 'closed', asOf: null, total: null, departments: [], levels: [] }),
      campaign,
      '/report.html#campaign=c1',
    );
    expect(html).toContain('href="/report.html#campaign=c1"');
    expect(html).toContain('is closed');
    expect(html).not.toContain('<table');
  });
});
