import { describe, expect, it } from 'vitest';
import { accountSummary, registerState } from '../../../shared/account';
import { LANGUAGES } from '../../../shared/instrument';
import { type AccountModel, renderAccount, suggestedStatus } from '../../../web/operating-account/render-account';
import { renderAccountSection } from '../../../web/operating-account/render-account-section';
import { renderPortfolioAccounts } from '../../../web/operating-account/render-portfolio';
import { renderReportBody } from '../../../web/report/render-report';
import { makeCellEntry, makeFigures, makeFlow, makeRecord, makeSignal } from '../account/fixtures';

const versioned = { version: 2, createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-02T00:00:00Z' };
const removed = makeCellEntry({
  title: 'Approvals <over 5k>',
  status: 'removed',
  current: { value: 1, perMonth: 4, people: 23, total: 92 },
});
const running = makeCellEntry({ id: 'e2', title: 'Quotes wait for pricing' });
const flow = makeFlow({ signals: [makeSignal({ current: 15 }), makeSignal({ kind: 'refunds', current: 1 })] });
const summary = accountSummary([removed, running], [makeRecord()], [flow], '2026-03-02');

function model(overrides: Partial<AccountModel> = {}): AccountModel {
  return {
    orgId: 'o1',
    orgName: 'Northwind',
    entries: [
      { ...removed, ...versioned, pendingReconciliation: null },
      {
        ...running,
        ...versioned,
        pendingReconciliation: {
          campaignId: 'w2',
          suggestion: 'target_met',
          figures: makeFigures({ headline: { median: 1, ci95: [0.5, 1.5] } }),
          change: { headline: -3, real: true },
        },
      },
    ],
    proposals: [{ campaignId: 'w2', index: 0, action: 'Remove the approval wait first.', ledger: null, entryId: null }],
    capacity: [{ ...makeRecord(), ...versioned }],
    flows: [{ ...flow, ...versioned, state: registerState([flow])[0]! }],
    reviews: [],
    summary,
    latestWave: { campaignId: 'w2', name: 'Autumn wave', closedAt: '2026-03-01T00:00:00Z' },
    cells: [
      {
        ref: { campaignId: 'w2', ledger: 'time', category: 'reports_decks' },
        figures: makeFigures({ name: 'Reports and slide decks' }),
      },
    ],
    ...overrides,
  };
}

const state = { editing: null, history: null, waves: { w1: 'Spring wave', w2: 'Autumn wave' }, writable: true };

describe('the account page', () => {
  it('answers the three questions, books freed capacity 60/40 and marks the red signal in words', () => {
    const html = renderAccount(model(), 'en', state);
    expect(html).toContain('Which wait got removed?');
    expect(html).toContain('<strong>Approvals &lt;over 5k&gt;</strong>: 4 → 1');
    expect(html).not.toContain('<over 5k>');
    // 276 waiting days a month freed: 165.6 to faster response, 110.4 to learning.
    expect(html).toMatch(/Faster response<\/th><td class="num">60%<\/td><td class="num">0<\/td><td class="num">165.6/);
    expect(html).toMatch(
      /Organisational learning<\/th><td class="num">40%<\/td><td class="num">0<\/td><td class="num">110.4/,
    );
    expect(html).toContain('<tr class="red"><th scope="row" id="sig-f1-0">Repeat inquiries</th>');
    expect(html).toContain('past threshold');
  });

  it('offers the reconciliation with the suggested status, the proposals and the published cells', () => {
    const html = renderAccount(model(), 'en', state);
    expect(html).toContain('The same cell in Autumn wave, beside the baseline:');
    expect(html).toMatch(/data-form="reconcile"[^>]*data-campaign="w2"/);
    expect(html).toMatch(/<option value="removed" selected>Removed<\/option>/);
    expect(html).toContain('Remove the approval wait first.');
    expect(html).toContain('Reports and slide decks');
    expect(suggestedStatus(running, 'target_met')).toBe('removed');
    expect(suggestedStatus(running, 'not_moving')).toBe('incision_running');
  });

  it('labels every control and says freed capacity without a decision is unallocated', () => {
    const html = renderAccount(
      model({ summary: accountSummary([removed], [], [], '2026-03-02'), capacity: [] }),
      'en',
      state,
    );
    expect(html).toContain('the capacity-allocation mechanism is not in');
    const ids = [...html.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is in every survey language', () => {
    const titles = LANGUAGES.map(
      (lang) => renderAccount(model(), lang, state).match(/<h2 id="review-h"[^>]*>([^<]+)</)?.[1],
    );
    expect(titles).toEqual(['Operating review', '经营复盘', 'Betriebsbesprechung']);
    expect(renderAccount(model(), 'de', state)).toContain('Welche Wartezeit wurde beseitigt?');
    expect(renderAccount(model(), 'zh', state)).toContain('超过阈值');
  });
});

describe('the report’s Operating account section', () => {
  const section = {
    entries: {
      total: 2,
      moved: 1,
      items: [
        {
          ...removed,
          reconciliation: {
            campaignId: 'w2',
            suggestion: 'target_met' as const,
            figures: makeFigures({ headline: { median: 1, ci95: [0.5, 1.5] } }),
            change: { headline: -3, real: true },
            confirmed: 'removed' as const,
          },
        },
        { ...running, reconciliation: { campaignId: 'w2', suggestion: 'not_measurable' as const } },
      ],
    },
    communication: {
      finding: 'decided_not_told' as const,
      record: makeRecord(),
      workforce: { n: 40, told: 0.1, notTold: 0.5, notDecided: 0.3, unknown: 0.1 },
      directions: null,
    },
    summary,
    cadence: { reviews: 0, lastHeldOn: null, workforce: null, finding: 'not_reviewed' as const },
  };

  it('comes first after the headline, with the reconciliation, the finding and the red signal', () => {
    const html = renderReportBody({
      campaign: { name: 'Autumn wave' },
      published: true,
      n: 40,
      minGroupSize: 5,
      account: section,
    });
    expect(html.indexOf('id="operating-account"')).toBeGreaterThan(html.indexOf('id="summary"'));
    expect(html.indexOf('id="operating-account"')).toBeLessThan(html.indexOf('id="layers"'));
    expect(html).toContain('2 entries on the account; 1 moved during this wave.');
    expect(html).toContain('Target met: 1 working days of wait (-3, a real change); confirmed removed');
    expect(html).toContain('Decided but not told');
    expect(html).toContain('<span class="red">past threshold: repeat inquiries</span>');
    // A cell now below the minimum shows its verdict and no figure at all.
    const row = html.slice(html.indexOf('Quotes wait for pricing'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('Not measurable');
  });

  it('is in the report’s language: Chinese and German as well as English', () => {
    const zh = renderAccountSection(section, undefined, 'zh');
    expect(zh).toContain('<h2 id="operating-account-h">经营账目</h2>');
    expect(zh).toContain('账目上有2个条目；本轮调查期间有1个推进了。');
    expect(zh).toContain('已达目标: 1 等待工作日 (-3, 真实变化)；已确认为已消除');
    expect(zh).toContain('哪个等待被消除了？');
    const de = renderAccountSection(section, undefined, 'de');
    expect(de).toContain('2 Einträge im Konto; 1 während dieser Befragung bewegt.');
    expect(de).toContain('Ziel erreicht: 1 Arbeitstage Wartezeit (-3, eine echte Veränderung); bestätigt: Beseitigt');
    expect(de).not.toContain('The three questions');
    // The report passes its own language on.
    expect(
      renderReportBody({ campaign: { name: 'x' }, published: true, n: 40, account: section }, { lang: 'de' }),
    ).toContain('<h2 id="operating-account-h">Betriebskonto</h2>');
  });

  it('is left out of a report read without an account', () => {
    expect(renderAccountSection(null)).toBe('');
    expect(renderReportBody({ campaign: { name: 'x' }, published: true, n: 40 })).not.toContain(
      'id="operating-account"',
    );
  });
});

describe('the dashboard’s operating accounts', () => {
  it('lists each company with a link to its account and the most common top cells', () => {
    const html = renderPortfolioAccounts(
      {
        orgs: [
          {
            orgId: 'o1',
            name: 'Northwind <Logistics>',
            entries: { total: 2, byStatus: {} },
            questions: summary.questions,
            freed: summary.freed,
            capacityDecided: true,
            red: [{ flow: 'Chat', signal: 'repeat inquiries' }],
            flows: 1,
            lastReview: '2026-03-02',
            latestWave: null,
          },
        ],
        common: {
          companies: 2,
          cells: [{ ledger: 'waiting', category: 'approval', name: 'An approval', companies: 2 }],
        },
      },
      (id) => `/account.html#org=${id}&token=t`,
    );
    expect(html).toContain('Northwind &lt;Logistics&gt;');
    expect(html).toContain('href="/account.html#org=o1&amp;token=t"');
    expect(html).toContain('<span class="red">repeat inquiries (Chat)</span>');
    expect(html).toContain('An approval</th><td class="num">2</td>');
  });
});
