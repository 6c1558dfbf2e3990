import { describe, expect, it } from 'vitest';
import { LAYERS, type Layer } from '../../../shared/instrument/types';
import {
  type Company,
  glanceCsv,
  type Portfolio,
  renderGlance,
  sortCompanies,
} from '../../../web/dashboard/render-glance';

const layers = (scores: Partial<Record<Layer, number>>): Company['layers'] =>
  Object.fromEntries(
    LAYERS.map((l) => {
      const s = scores[l];
      return [l, s === undefined ? { score: null, level: null } : { score: s, level: s < 50 ? 'Fragile' : 'Working' }];
    }),
  ) as Company['layers'];

const company = (over: Partial<Company> & Pick<Company, 'orgId' | 'orgName'>): Company => ({
  archived: false,
  campaignId: `${over.orgId}-c`,
  campaignName: 'Wave',
  closedAt: '2026-02-01T12:00:00.000Z',
  layers: layers({ roles: 50, workflows: 50, knowledge: 50, responsibility: 50, governance: 50 }),
  firstBreak: null,
  diagnoses: [],
  responseRate: null,
  change: null,
  participation: [],
  ...over,
});

const model = (): Portfolio => ({
  companies: [
    company({
      orgId: 'o1',
      orgName: 'Acme',
      campaignName: 'Autumn',
      layers: layers({ roles: 61.4, workflows: 38.6, knowledge: 70, responsibility: 55, governance: 44 }),
      firstBreak: 'workflows',
      diagnoses: ['boss_b_trap'],
      responseRate: 0.304,
      change: {
        fromCampaignId: 'o1-a',
        fromCampaignName: 'Spring',
        layers: Object.fromEntries(
          LAYERS.map((l) => [
            l,
            l === 'roles'
              ? { delta: 6.25, significant: true }
              : l === 'workflows'
                ? { delta: -1.04, significant: false }
                : { delta: null, significant: null },
          ]),
        ) as NonNullable<Company['change']>['layers'],
      },
    }),
    // Below the minimum group size: every layer withheld; two campaigns run, one with too few answers to count.
    company({
      orgId: 'o2',
      orgName: '=HYPERLINK("x")',
      layers: layers({}),
      participation: [
        {
          campaignId: 'o2-live',
          campaignName: 'Live <wave>',
          asOf: '2026-03-02T10:00:00.000Z',
          minGroupSize: 5,
          total: 42,
        },
        { campaignId: 'o2-new', campaignName: 'Pilot', asOf: '2026-03-02T10:00:00.000Z', minGroupSize: 5, total: null },
      ],
    }),
    // No closed wave yet.
    company({
      orgId: 'o3',
      orgName: 'Beta <b>',
      campaignId: null,
      campaignName: null,
      closedAt: null,
      layers: layers({}),
      archived: true,
    }),
    company({
      orgId: 'o4',
      orgName: 'Zeta',
      layers: layers({ roles: 80, workflows: 20, knowledge: 30, responsibility: 40, governance: 50 }),
    }),
  ],
});

const rowOrder = (html: string) => [...html.matchAll(/<th scope="row">([^<]*)/g)].map((m) => m[1]!.trim());

describe('portfolio at a glance', () => {
  it('gives every column a sort button and marks the sorted one with aria-sort', () => {
    const html = renderGlance(model(), { key: 'roles', dir: 'desc' });
    for (const key of ['org', 'closedAt', ...LAYERS, 'firstBreak', 'diagnoses', 'responseRate']) {
      expect(html).toContain(`data-sort="${key}"`);
    }
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html).toMatch(
      /<th scope="col" aria-sort="descending"><button type="button" class="sort" data-sort="roles">/,
    );
    const asc = renderGlance(model(), { key: 'org', dir: 'asc' });
    expect(asc).toMatch(/aria-sort="ascending"><button type="button" class="sort" data-sort="org">/);
  });

  it('sorts by the key, either way, with companies without a figure last', () => {
    expect(rowOrder(renderGlance(model(), { key: 'roles', dir: 'desc' }))).toEqual([
      'Zeta',
      'Acme',
      '=HYPERLINK(&quot;x&quot;)',
      'Beta &lt;b&gt;',
    ]);
    expect(sortCompanies(model().companies, { key: 'roles', dir: 'asc' }).map((c) => c.orgId)).toEqual([
      'o1',
      'o4',
      'o2',
      'o3',
    ]);
    expect(
      sortCompanies(model().companies, { key: 'workflows', dir: 'asc' })
        .map((c) => c.orgId)
        .slice(0, 2),
    ).toEqual(['o4', 'o1']);
    expect(sortCompanies(model().companies, { key: 'responseRate', dir: 'desc' })[0]!.orgId).toBe('o1');
    expect(sortCompanies(model().companies, { key: 'org', dir: 'desc' }).map((c) => c.orgId)).toEqual([
      'o4',
      'o3',
      'o1',
      'o2',
    ]);
  });

  it('says levels, the first break and significance in words, not only colour', () => {
    const html = renderGlance(model(), { key: 'org', dir: 'asc' });
    expect(html).toContain('<strong>61</strong> <span class="level">Working</span>');
    expect(html).toContain(
      '<strong>39</strong> <span class="level">Fragile</span> <span class="tag">first break</span>',
    );
    expect(html).toContain('▲ +6.3');
    expect(html).toContain('−1.0 (within noise)');
    expect(html).toContain('<td>Workflows</td>');
    expect(html).toContain('30%');
    expect(html).toContain('no closed wave yet');
    expect(html).toContain('<span class="tag">archived</span>');
  });

  it('shows a running campaign’s live participation, nothing below the minimum, linking to its Participation panel', () => {
    const html = renderGlance(model(), { key: 'org', dir: 'asc' });
    const running = html.split('<tr>').find((r) => r.includes('HYPERLINK'))!;
    expect(running).toContain(
      'Running: 42 answers before 2026-03-02 10:00 UTC · <a href="#c-o2-live" data-glance-participation="o2-live">Participation in Live &lt;wave&gt;</a>',
    );
    expect(running).toContain(
      'Running: fewer than 5 answers before 2026-03-02 10:00 UTC · <a href="#c-o2-new" data-glance-participation="o2-new">Participation in Pilot</a>',
    );
    expect(html).not.toContain('after-close');
    expect(html.split('<tr>').find((r) => r.includes('Zeta'))).not.toContain('Running');
  });

  it('escapes names and shows a withheld layer as hidden, never a number', () => {
    const html = renderGlance(model(), { key: 'org', dir: 'asc' });
    expect(html).not.toContain('<b>');
    expect(html).toContain('Beta &lt;b&gt;');
    const suppressed = html.split('<tr>').find((r) => r.includes('HYPERLINK'))!;
    expect(suppressed.match(/>hidden</g)).toHaveLength(LAYERS.length);
    expect(suppressed).not.toMatch(/<strong>/);
    expect(renderGlance({ companies: [] }, { key: 'org', dir: 'asc' })).toContain('No organisations');
  });

  it('exports CSV with a header, names, numbers rounded as shown, withheld figures empty and formulas defused', () => {
    const [header, ...rows] = glanceCsv(model()).trim().split('\r\n');
    const columns = header!.split(',');
    expect(columns[0]).toBe('organisation');
    expect(rows).toHaveLength(4);
    const acme = rows[0]!.split(',');
    const at = (name: string) => acme[columns.indexOf(name)];
    expect(at('organisation')).toBe('Acme');
    expect(at('roles_score')).toBe('61');
    expect(at('workflows_score')).toBe('39');
    expect(at('roles_level')).toBe('Working');
    expect(at('first_break')).toBe('workflows');
    expect(at('diagnoses')).toBe('boss_b_trap');
    expect(at('response_rate_pct')).toBe('30');
    expect(at('change_since')).toBe('Spring');
    expect(at('roles_change')).toBe('6.3');
    expect(at('roles_change_significant')).toBe('true');
    expect(at('workflows_change')).toBe('-1.0');
    expect(at('knowledge_change')).toBe('');
    expect(rows[1]).toMatch(/^"'=HYPERLINK\(""x""\)",false,Wave,2026-02-01,,,/);
    expect(columns.slice(-3)).toEqual(['running_campaigns', 'running_answers', 'running_answers_before']);
    expect(rows[1]).toMatch(/,Live <wave>; Pilot,42; fewer than 5,2026-03-02 10:00 UTC; 2026-03-02 10:00 UTC$/);
    expect(rows[0]).toMatch(/,,,$/);
    expect(rows.join('\n')).not.toContain('o1');
  });
});
