import { describe, expect, it } from 'vitest';
import {
  type CompareModel,
  compareCsv,
  csvCell,
  renderCompareChart,
  renderCompareTable,
} from '../../../web/dashboard/render-compare';

const model = (): CompareModel => ({
  generatedAt: '2026-03-01T10:00:00.000Z',
  portfolioSize: 4,
  measures: ['roles', 'knowledge'],
  campaigns: [
    {
      id: 'a',
      orgId: 'o1',
      orgName: 'Acme',
      name: 'Wave 2',
      createdAt: '2026-02-01T00:00:00.000Z',
      n: 40,
      suppressed: false,
      previousCampaignId: 'a0',
      scores: { roles: 61.2, knowledge: 33 },
      percentiles: { roles: 75, knowledge: 25 },
      change: { roles: 4.5, knowledge: -2 },
    },
    {
      id: 'b',
      orgId: 'o2',
      name: '=HYPERLINK("http://x")',
      createdAt: '2026-02-02T00:00:00.000Z',
      n: 3,
      suppressed: true,
      previousCampaignId: null,
      // Figures a suppressed campaign must never show, even if present.
      scores: { roles: 99, knowledge: 98 },
    },
  ],
});

describe('comparison', () => {
  it('shows score, percentile and change per campaign, and nothing for a suppressed one', () => {
    const html = renderCompareTable(model());
    expect(html).toContain(
      '<th scope="row">Roles</th><td class="num"><strong>61</strong> <span class="muted">P75</span> <span class="up">+4.5</span></td><td class="sup">hidden</td>',
    );
    expect(html).toContain('<span class="down">−2.0</span>');
    expect(html).not.toMatch(/9[89]/);
    expect(html).toContain('&quot;http://x&quot;');
  });

  it('charts only the campaigns that may be shown', () => {
    const svg = renderCompareChart(model());
    // One bar per layer with a score (roles, knowledge) for the one campaign that may be shown.
    expect(svg.match(/<rect class="s\d"/g)).toHaveLength(2);
    expect(svg).not.toContain('HYPERLINK');
    expect(svg).toContain('<li><i class="s0"></i>Acme: Wave 2</li>');
  });

  it('says how many peers each percentile is among, and why there is none below five', () => {
    const m = model();
    m.minPeers = 5;
    Object.assign(m.campaigns[0]!, {
      peers: 6,
      peerCounts: { roles: 6, knowledge: 4 },
      percentiles: { roles: 75, knowledge: null },
      percentileReasons: { roles: null, knowledge: 'fewer than 5 other organisations' },
    });
    const html = renderCompareTable(m);
    expect(html).toContain('<span class="muted">P75 of 6 peers</span>');
    expect(html).toContain('<strong>33</strong> <span class="muted">fewer than 5 other organisations</span>');
    expect(html).toContain('40 responses · 6 peers');
    expect(html).not.toContain('P25');
  });

  it('exports CSV with organisation names, numbers rounded as shown, suppressed figures empty and formulas defused', () => {
    const m = model();
    Object.assign(m.campaigns[0]!, {
      peers: 6,
      percentiles: { roles: 75.4, knowledge: null },
      percentileReasons: { roles: null, knowledge: 'fewer than 5 other organisations' },
      change: { roles: 4.46, knowledge: -2 },
    });
    m.campaigns.push({ ...m.campaigns[0]!, id: 'a0', name: 'Wave 1', previousCampaignId: null });
    const csv = compareCsv(m);
    const [header, a, b] = csv.trim().split('\r\n');
    expect(header).toBe(
      'organisation,campaign,created_at,previous_wave,status,responses,suppressed,peers,roles_score,roles_percentile,roles_change,knowledge_score,knowledge_percentile,knowledge_change',
    );
    expect(a).toBe('Acme,Wave 2,2026-02-01,Wave 1,,40,false,6,61,75,4.5,33,fewer than 5 other organisations,-2.0');
    expect(b).toBe(`,"'=HYPERLINK(""http://x"")",2026-02-02,,,,true,,,,,,,`);
    // No ids anywhere.
    expect(csv).not.toMatch(/\bo1\b|\bo2\b/);
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
