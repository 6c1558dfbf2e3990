// The executive's report: screen one, the report in every survey language, the trend, the leadership gap's wording,
// and what a phone needs (chart names that are never cut, heat colours by the number shown).
import { describe, expect, it } from 'vitest';
import { accountSummary } from '../../../shared/account';
import { LAYERS } from '../../../shared/instrument';
import type { AccountSectionModel } from '../../../web/operating-account/render-account-section';
import { type ReportModel, renderReportBody, renderReportDocument } from '../../../web/report/render-report';
import type { WaveTrendModel } from '../../../web/report/render-trend';
import { makeCellEntry, makeRecord } from '../account/fixtures';
import { makeReportModel, scale } from './report-fixture';

const localized = (en: string, zh: string, de: string) => ({ en, zh, de });

function withThreeActions(): ReportModel {
  const model = makeReportModel();
  model.recommendations = [
    {
      layer: 'knowledge',
      ledger: 'knowledge',
      action: 'Write down the three judgments new hires ask about most.',
      actions: localized(
        'Write down the three judgments new hires ask about most.',
        '写下新员工最常问的三个判断。',
        'Die drei Urteile aufschreiben, nach denen neue Leute am häufigsten fragen.',
      ),
      because: localized('knowledge scores 31', '知识得分31', 'Wissen bei 31 liegt'),
    },
    { layer: 'workflows', ledger: 'waiting', action: 'List the five longest waits.' },
    { layer: 'responsibility', ledger: null, action: 'Name one owner per AI-assisted decision.' },
    { layer: 'roles', ledger: null, action: 'A fourth action that screen one leaves for below.' },
  ];
  model.diagnoses![0]!.explanations = localized(
    'Money bought tools, but nobody decided what the freed hours are for.',
    '钱买了工具，但没人决定释放出的时间用来做什么。',
    'Geld hat Werkzeuge gekauft, aber niemand hat entschieden, wofür die frei gewordenen Stunden sind.',
  );
  model.diagnoses![0]!.likelihood = 'likely';
  return model;
}

function accountWith(
  items: { recommendation: number | null; ownerRole: string | null; due: { date: string } | null }[],
) {
  const entries = items.map((x, i) => ({
    ...makeCellEntry({ id: `e${i}`, title: `Entry ${i}`, ownerRole: x.ownerRole, due: x.due }),
    reconciliation: null,
    recommendation: x.recommendation,
  }));
  return {
    entries: { total: entries.length, moved: 0, items: entries },
    communication: null,
    summary: accountSummary([], [makeRecord()], [], '2026-03-02'),
    cadence: { reviews: 0, lastHeldOn: null, workforce: null, finding: 'not_reviewed' as const },
  } as unknown as AccountSectionModel;
}

const screenOne = (html: string) => html.match(/<section id="monday"[^>]*>.*?<\/section>/s)?.[0] ?? '';

describe('screen one', () => {
  it('comes before any evidence: the diagnosis in one sentence, the first break and at most three actions', () => {
    const html = renderReportBody(withThreeActions());
    const one = screenOne(html);
    expect(html.indexOf('id="monday"')).toBeLessThan(html.indexOf('id="summary"'));
    expect(html.indexOf('id="monday"')).toBeLessThan(html.indexOf('id="layers"'));
    expect(html.indexOf('id="monday"')).toBeLessThan(html.indexOf('id="diagnoses"'));
    expect(one).toContain('Knowledge is where the chain breaks first.');
    expect(one).toContain('The pattern behind it: Cash-rich trap: money covering up a decision vacuum, likely (82%).');
    expect(one.match(/<li>/g)).toHaveLength(3);
    expect(one).not.toContain('A fourth action');
    // The fourth is still in the actions section below.
    expect(html).toContain('A fourth action that screen one leaves for below.');
  });

  it('gives each action the owner and due date of the account entry taken from it, and says which have none', () => {
    const model = withThreeActions();
    model.account = accountWith([
      { recommendation: 1, ownerRole: 'Head of Operations', due: { date: '2026-04-30' } },
      { recommendation: null, ownerRole: 'Someone else', due: null },
    ]);
    const items = screenOne(renderReportBody(model)).match(/<li>.*?<\/li>/gs)!;
    expect(items[1]).toContain('Owner:</strong> Head of Operations · due 2026-04-30');
    expect(items[0]).toContain('Not yet in the operating account');
    expect(items.join('')).not.toContain('Someone else');
  });

  it('names no pattern and no break when the diagnosis is withheld', () => {
    const model = withThreeActions();
    model.firstBreak = null;
    model.diagnoses = [];
    model.diagnosisWithheld = 'too_few_responses';
    const one = screenOne(renderReportBody(model));
    expect(one).toContain('The diagnosis is withheld');
    expect(one).not.toContain('breaks first');
    expect(one).not.toContain('pattern behind it');
  });
});

describe('the report in every language the survey has', () => {
  it('writes headings, layer names, the diagnosis and the actions in Chinese and German', () => {
    const model = withThreeActions();
    const zh = renderReportBody(model, { lang: 'zh' });
    expect(screenOne(zh)).toContain('链条最先断在「知识」。');
    expect(zh).toContain('<h2 id="monday-h">周一该做什么</h2>');
    expect(zh).toContain('<h2 id="layers-h">五个层面</h2>');
    expect(zh).toContain('钱买了工具，但没人决定释放出的时间用来做什么。');
    expect(zh).toContain('写下新员工最常问的三个判断。');
    expect(zh).toContain('原因：知识得分31。');
    expect(zh).not.toContain('The five layers');
    expect(zh).not.toContain('Where it breaks first');
    const de = renderReportBody(model, { lang: 'de' });
    expect(de).toContain('<h2 id="monday-h">Was am Montag zu tun ist</h2>');
    expect(de).toContain('Die Kette reißt zuerst bei „Wissen“.');
    expect(de).toContain('wahrscheinlich (82\u00a0%)');
    expect(de).toContain('Die drei Urteile aufschreiben');
    // Hidden groups say so in the language of the report, still with no figure.
    expect(de).toMatch(/<tr><th scope="row">Legal<\/th>(<td class="sup">verborgen<\/td>)+<\/tr>/);
  });

  it('marks the document with its language and offers the switch only when asked', () => {
    expect(renderReportDocument(makeReportModel(), { lang: 'zh' })).toContain('<html lang="zh-Hans"');
    const page = renderReportBody(makeReportModel(), { lang: 'de', languageLinks: true });
    expect(page.match(/data-lang="(en|zh|de)"/g)).toHaveLength(3);
    expect(page).toContain('data-lang="de" lang="de" aria-pressed="true"');
    expect(renderReportBody(makeReportModel())).not.toContain('data-lang');
  });
});

describe('the trend', () => {
  const trend: WaveTrendModel = {
    campaignId: 'w3',
    waves: [
      {
        id: 'w1',
        name: 'Spring',
        createdAt: '2025-03-01T00:00:00Z',
        n: 40,
        suppressed: false,
        scores: { roles: 40, workflows: 30, knowledge: 20, responsibility: 35, governance: 45 },
        change: null,
      },
      { id: 'w2', name: 'Summer', createdAt: '2025-06-01T00:00:00Z', n: 3, suppressed: true, change: null },
      {
        id: 'w3',
        name: 'Autumn',
        createdAt: '2025-09-01T00:00:00Z',
        n: 44,
        suppressed: false,
        scores: { roles: 52, workflows: 31, knowledge: 24, responsibility: 36, governance: 44 },
        change: {
          roles: { value: 12, ci: [4.1, 19.9], beyondNoise: true },
          workflows: { value: 1, ci: [-7, 9], beyondNoise: false },
        },
      },
    ],
  };

  it('shows every published wave with the change and its interval, and a small wave with no figure', () => {
    const html = renderReportBody({ ...makeReportModel(), waves: trend });
    const section = html.match(/<section id="trend".*?<\/section>/s)![0];
    expect(section).toContain('+12.0 (+4.1 … +19.9) beyond noise');
    expect(section).toContain('+1.0 (−7.0 … +9.0) within noise');
    const summer = section.match(/<tr><th scope="row">Summer.*?<\/tr>/s)![0];
    expect(summer).toContain('fewer than 5 responses: no figures');
    expect(summer).not.toContain('class="num"');
    expect(summer).not.toContain('change');
  });

  it('says the trend starts with the next wave when there is only this one', () => {
    const html = renderReportBody({ ...makeReportModel(), waves: { campaignId: 'w1', waves: [trend.waves[0]!] } });
    expect(html).toContain('first published wave');
  });
});

describe('the leadership gap', () => {
  it('never calls a gap the trap when the trap is not diagnosed, and says why the two views of executives differ', () => {
    const model = makeReportModel();
    model.segments!.level = [
      { name: 'frontline', suppressed: false, n: 30, layers: Object.fromEntries(LAYERS.map((l) => [l, scale(40)])) },
      { name: 'executive', suppressed: false, n: 6, layers: Object.fromEntries(LAYERS.map((l) => [l, scale(49)])) },
    ];
    model.leadership = { n: 4, layers: Object.fromEntries(LAYERS.map((l) => [l, scale(63)])) };
    const gap = renderReportBody(model).match(/<section id="gap".*?<\/section>/s)![0];
    expect(gap).not.toMatch(/this is the “we already get it” trap/);
    expect(gap).toContain('not the “we already get it” trap, which is not diagnosed here');
    expect(gap).toContain('Executives who answered the workforce survey average 49 (6 people, anonymously)');
    expect(gap).toContain('the leadership view averages 63 (4 people, by name)');
    expect(gap).toContain('They are not the same people');
    model.diagnoses = [{ ...model.diagnoses![0]!, code: 'boss_b_trap' }];
    expect(renderReportBody(model)).toContain('this is the “we already get it” trap');
  });
});

describe('on a phone', () => {
  it('puts each bar’s name above it, from the left edge, so no name is cut', () => {
    const svg = renderReportBody(makeReportModel()).match(/<section id="layers".*?<\/svg>/s)![0];
    const labels = [...svg.matchAll(/<text class="label" x="([\d.]+)"[^>]*>([^<]+)<\/text>/g)];
    expect(labels.map((m) => m[2])).toEqual(['Roles', 'Workflows', 'Knowledge', 'Responsibility', 'Governance']);
    expect(labels.every((m) => Number(m[1]) <= 16)).toBe(true);
    expect(svg).not.toMatch(/text-anchor="end">Responsibility/);
  });

  it('colours a heatmap cell by the number it shows', () => {
    const model = makeReportModel();
    model.segments!.department = [
      {
        name: 'A',
        suppressed: false,
        n: 10,
        layers: { roles: scale(39.8), workflows: scale(40.2), knowledge: scale(39.4) },
      },
    ];
    const row = renderReportBody(model).match(/<tr><th scope="row">A<\/th>.*?<\/tr>/)![0];
    const cells = [...row.matchAll(/<td class="(h\d)">(\d+)/g)].map((m) => [m[1], m[2]]);
    expect(cells).toEqual([
      ['h3', '40'],
      ['h3', '40'],
      ['h2', '39'],
    ]);
  });
});
