import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, LAYERS } from '../../../shared/instrument';
import { type CellStats, segmentedReport } from '../../../shared/report';
import { emptyStats, fold } from '../../../shared/scoring';
import { simulatePopulation } from '../../../shared/simulation';
import {
  evidenceSource,
  type ReportModel,
  renderReportBody,
  renderReportDocument,
} from '../../../web/report/render-report';
import { makeReportModel, scale } from './report-fixture';

/** The markup of the table row whose header cell reads `name`. */
function row(html: string, name: string): string {
  const match = html.match(new RegExp(`<tr[^>]*><th scope="row">${name}</th>.*?</tr>`));
  if (!match) throw new Error(`no row for ${name}`);
  return match[0];
}

describe('renderReportBody', () => {
  it('escapes every piece of text that comes from the data', () => {
    const evil = '<script>alert(1)</script>';
    const model = makeReportModel({
      campaign: { id: 'c1', name: evil, orgName: '"><img src=x onerror=alert(2)>' },
      recommendations: [{ layer: 'roles', ledger: null, action: evil }],
      diagnosisNotes: [evil],
    });
    model.diagnoses![0]!.explanation = evil;
    model.segments!.department![0]!.name = '<b onclick="x()">Sales</b>';
    const html = renderReportDocument(model);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b onclick/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;Sales&lt;/b&gt;');
  });

  it('marks suppressed groups as hidden and never shows a figure for them, even if the data carried one', () => {
    const model = makeReportModel();
    // A careless producer leaking numbers into a suppressed row must still not get them on the page.
    model.segments!.department!.push({
      name: 'Finance',
      suppressed: true,
      n: 4,
      layers: Object.fromEntries(LAYERS.map((l) => [l, scale(87)])),
    });
    const html = renderReportBody(model);
    for (const name of ['Legal', 'Finance', 'Executives']) {
      const r = row(html, name);
      expect(r).not.toMatch(/\d/);
      expect(r.match(/<td class="sup">hidden<\/td>/g)).toHaveLength(1 + LAYERS.length);
    }
    expect(html).toContain('fewer than 5 responses');
    // Shown groups do show their scores.
    expect(row(html, 'Sales')).toMatch(/<td class="num">22<\/td>/);
  });

  it('highlights the first break in the cascade, and only that layer', () => {
    const html = renderReportBody(makeReportModel());
    const cascade = html.match(/<ol class="cascade">(.*?)<\/ol>/)![1]!;
    const items = cascade.match(/<li.*?<\/li>/g)!;
    expect(items.map((li) => li.match(/class="name">(\w+)</)![1])).toEqual([
      'Knowledge',
      'Workflows',
      'Responsibility',
      'Governance',
      'Roles',
    ]);
    const breaks = items.filter((li) => /class="[^"]*\bbreak\b/.test(li));
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toContain('First break');
    expect(breaks[0]).toContain('Knowledge');
    expect(breaks[0]).toContain('aria-current="step"');
    expect(html).toMatch(/<strong>Knowledge<\/strong> is where the chain breaks first/);
    // The chart and the table mark the same layer.
    expect(html.match(/class="bar break"/g)).toHaveLength(1);
    expect(html).toContain('<tr class="break"><th scope="row">Knowledge <span class="tag">first break</span>');
  });

  it('moves the highlight with firstBreak and drops it when there is none', () => {
    const governance = renderReportBody(makeReportModel({ firstBreak: 'governance' }));
    expect(governance).toMatch(
      /<li class="break"[^>]*><span class="badge">First break<\/span><br><span class="name">Governance/,
    );
    const none = renderReportBody(makeReportModel({ firstBreak: null }));
    expect(none).not.toContain('class="badge"');
    expect(none).not.toMatch(/class="[^"]*\bbreak\b/);
    expect(none).toContain('No layer is clearly weak');
  });

  it('draws a bar with an interval whisker per layer and repeats the figures in a table', () => {
    const html = renderReportBody(makeReportModel());
    expect(html.match(/<path class="ci"/g)).toHaveLength(LAYERS.length);
    const layerTable = html.match(/<caption>Layer scores<\/caption>.*?<\/table>/)![0];
    expect(layerTable).toContain(
      '<td class="num">31</td><td class="num">25–37</td><td>2 Patched</td><td class="num">0.62</td>',
    );
  });

  it('shows the leadership gap, the response rate and the actions', () => {
    const html = renderReportBody(makeReportModel());
    expect(html).toContain('response rate 62%');
    expect(html).toMatch(/Leadership rates <strong>Knowledge<\/strong> 25\.1 points higher/);
    expect(html).toContain('<td class="num">−3.0</td>');
    expect(html).toMatch(
      /<ol class="actions"><li><span class="tag">Knowledge<\/span><span class="tag">Knowledge ledger<\/span>Start a knowledge ledger/,
    );
  });

  it('shows an open campaign as not yet published: the reason, the count and the leadership view, no workforce figure', () => {
    const html = renderReportBody({
      campaign: { id: 'c1', name: 'Winter <pulse>', status: 'open', closesAt: '2026-03-20T17:00:00.000Z' },
      n: 12,
      minGroupSize: 5,
      suppressed: true,
      published: false,
      reason: 'Results are published when the campaign closes, so that no one can compare two moments.',
      responseRate: { rate: 0.3, responded: 12, invited: 40, basis: 'headcount' },
      leadership: { n: 2, layers: { roles: scale(71), workflows: scale(64) } },
      segments: { department: [], level: [] },
    });
    expect(html).toContain('Results are not published yet');
    expect(html).toContain('so that no one can compare two moments');
    expect(html).toContain('12 responses');
    expect(html).toContain('30% (12 of 40)');
    expect(html).toContain('2026-03-20 17:00 UTC');
    expect(html).toContain('Winter &lt;pulse&gt;');
    expect(row(html, 'Roles')).toContain('71');
    expect(html).not.toContain('id="layers"');
    expect(html).not.toContain('id="segments"');
  });

  it('renders a report with almost nothing in it', () => {
    const html = renderReportBody({ n: 2, minGroupSize: 5 });
    expect(html).toContain('No layer scores yet');
    expect(html).toContain('Not enough responses yet');
    expect(html).toContain('No leadership view was entered');
    expect(html).toContain('No breakdown by group');
  });

  it('uses no inline styles or scripts, which the pages’ CSP would block', () => {
    const html = renderReportBody(makeReportModel());
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<style|<script|\son\w+=/i);
  });
});

describe('renderReportDocument', () => {
  it('embeds the CSS for a standalone file by default and links it for the site when asked', () => {
    const standalone = renderReportDocument(makeReportModel());
    expect(standalone).toMatch(/^<!doctype html><html lang="en"/);
    expect(standalone).toMatch(/<style>[^<]*@media print/);
    expect(standalone).not.toContain('<link rel="stylesheet"');
    const linked = renderReportDocument(makeReportModel(), { stylesheet: 'linked' });
    expect(linked).toContain('<link rel="stylesheet" href="/assets/report.css">');
    expect(linked).not.toContain('<style>');
    expect(linked).toContain('<title>Acme — wave 1 – Org OS readiness report</title>');
  });
});

describe('evidenceSource', () => {
  it('names every kind of evidence source the diagnosis uses in plain words', () => {
    expect(evidenceSource('layer:governance')).toBe('Governance');
    expect(evidenceSource('signal:operating_impact')).toBe('Operating impact');
    expect(evidenceSource('capacity:profit+headcount_only')).toBe(
      'Share answering lower costs or cutting headcount only',
    );
    expect(evidenceSource('profile:seat_coverage')).toBe('Profile: AI seats per employee');
    expect(evidenceSource('gap:knowledge')).toBe('Leadership minus workforce, Knowledge');
    expect(evidenceSource('gap:manager-frontline')).toBe('Managers minus frontline, mean over the layers');
    expect(evidenceSource('capacity:cost')).toBe('Share answering lower costs or fewer people');
    expect(evidenceSource('capacity:growth+learning')).toBe(
      'Share answering customers and growth or learning and new roles',
    );
    expect(evidenceSource('capacity:top_destination')).toBe('Share answering the most-named direction');
    expect(evidenceSource('capacity_decided:not_told')).toMatch(/^Share not told what freed time is for/);
    expect(evidenceSource('quality:flagged_share')).toBe('Share of responses flagged as careless');
  });

  it('names the ledger evidence rows in the report language, the boss’s share as a percentage, and its note', () => {
    const model = makeReportModel();
    model.diagnoses![0]!.evidence.push(
      {
        source: 'ledger:boss_share_of_waiting_days',
        value: 0.47,
        threshold: 0.33,
        comparison: '>=',
        met: true,
        note: 'n = 30; published waits only',
      },
      { source: 'ledger:time_hours_per_respondent', value: 6.4, threshold: 4, comparison: '>=', met: true },
    );
    const html = renderReportBody(model);
    expect(html).toContain(
      '<th scope="row">Waiting ledger: share of the waiting days that wait on the boss<span class="ev-note">n = 30; published waits only</span></th><td class="num">47%</td><td class="num">≥ 33%</td>',
    );
    expect(html).toContain(
      '<th scope="row">Time ledger: hours a week of time sinks per respondent</th><td class="num">6.4</td><td class="num">≥ 4</td>',
    );
    expect(renderReportBody(model, { lang: 'de' })).toContain('Wartebuch: Anteil der Wartetage');
    expect(renderReportBody(model, { lang: 'zh' })).toContain('等待账本：等老板拍板的等待日所占比例');
  });

  it('names the stage-two register evidence rows in the report language, as counts', () => {
    const model = makeReportModel();
    model.diagnoses![0]!.evidence.push({
      source: 'register:no_human_exit',
      value: 2,
      threshold: 0,
      comparison: '>',
      met: true,
      note: 'of 3 flows AI handles, in the register; corroborates, never carries',
    });
    expect(renderReportBody(model)).toContain(
      '<th scope="row">Stage-two register: flows AI handles with no human exit<span class="ev-note">of 3 flows AI handles, in the register; corroborates, never carries</span></th><td class="num">2</td><td class="num">&gt; 0</td>',
    );
    expect(renderReportBody(model, { lang: 'de' })).toContain(
      'Stufe-zwei-Register: KI-Abläufe ohne Weg zu einem Menschen',
    );
    expect(renderReportBody(model, { lang: 'zh' })).toContain('第二阶段登记：没有人工出口的 AI 流程数');
    // The human-exit diagnosis's row on adjudication has its name in every report language too.
    model.diagnoses![0]!.evidence.push({
      source: 'register:no_adjudicator',
      value: 1,
      threshold: 0,
      comparison: '>',
      met: true,
      note: 'of 3 flows AI handles, in the register; corroborates, never carries',
    });
    expect(renderReportBody(model)).toContain('Stage-two register: flows with nobody adjudicating complex cases');
    expect(renderReportBody(model, { lang: 'de' })).toContain('niemand über schwierige Fälle entscheidet');
    expect(renderReportBody(model, { lang: 'zh' })).toContain('第二阶段登记：没有人裁决复杂个案的流程数');
  });

  it('shows shares as percentages in the evidence table', () => {
    const html = renderReportBody(makeReportModel());
    expect(html).toContain(
      '<th scope="row">Share answering nothing decided</th><td class="num">50%</td><td class="num">≥ 40%</td>',
    );
  });
});

describe('the report of a real diagnosis', () => {
  // Klarna's faster service, 2026.2, through the segmented report the API serves: every new code and field on the page.
  const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, 'klarna_speed', {
    n: 120,
    seed: 21,
    leadershipN: 0,
    noise: { departments: ['Sales', 'Support', 'Finance'] },
  });
  const cells = new Map<string, CellStats>();
  for (const r of workforce) {
    const key = `${r.department}|${r.level}`;
    const cell = cells.get(key) ?? { department: r.department, level: r.level, stats: emptyStats(CURRENT_INSTRUMENT) };
    cell.stats = fold(CURRENT_INSTRUMENT, cell.stats, r);
    cells.set(key, cell);
  }
  const model = segmentedReport({
    instrument: CURRENT_INSTRUMENT,
    cells: [...cells.values()],
    leadership: null,
    profile: { headcount: { total: 300, byDepartment: { Sales: 100, Support: 120, Finance: 80 } } },
    minGroupSize: 5,
  }) as ReportModel;
  const html = renderReportBody(model);
  const text = html.replace(/<[^>]+>/g, ' ');

  it('shows no raw code: diagnoses, evidence, findings and statements in words', () => {
    expect(model.diagnoses?.map((d) => d.code)).toContain('human_exit_missing');
    expect(text).toContain('No human exit: customers may not be able to reach a person');
    expect(text).toContain('“Our customers can always reach a person when they want to.”');
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(text).not.toMatch(/\b(signal|layer|capacity|item|gap|quality):/);
  });

  it('gives confidence in words with the number, never 100%, and the evidence behind each action', () => {
    expect(text).toMatch(/Confidence: (very likely|likely|more likely than not) \(\d\d%\)/);
    expect(text).not.toContain('100%)');
    expect(text).toMatch(/Because human safeguards score \d+\./);
  });

  it('shows response rates and weighted scores, and questions with their own don’t-know rate', () => {
    expect(text).toContain('Response rate by department');
    expect(text).toMatch(/Unweighted and weighted by department/);
    expect(html).toContain('id="items"');
    expect(text).toContain('Results by question');
  });
});
