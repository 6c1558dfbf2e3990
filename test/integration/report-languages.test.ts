import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoLinks, seedDemo } from '../../functions/local/seed';
import type { Language } from '../../shared/instrument';
import { type ReportModel, renderReportBody, renderReportDocument } from '../../web/report/render-report';
import { ADMIN_TOKEN, call, type Harness, startHarness } from '../http/harness';

// The demo's printed report, loaded as /report.html loads it (the report, its operating account and its earlier
// waves), rendered in Chinese and German: no English sentence may be left. What is not the report's own wording is
// taken out first: names and free text the demo's people entered (organisation, waves, departments, entries, owners,
// what respondents wrote), which a report shows as entered.

let h: Harness;
let demo: DemoLinks;
let model: ReportModel;
beforeAll(async () => {
  h = await startHarness();
  demo = await seedDemo(h.deps, ADMIN_TOKEN);
  h.clock.advance(2 * 60_000);
  const get = async (path: string) => {
    const res = await call(h.app, 'GET', path, { token: demo.consultantToken });
    expect(res.status, path).toBe(200);
    return res.body;
  };
  const base = `/api/v1/campaigns/${demo.campaignId}`;
  model = {
    ...(await get(`${base}/report`)),
    account: await get(`${base}/account`),
    waves: await get(`${base}/waves`),
  };
}, 120_000);
afterAll(() => h.close());

/** The text a reader sees (and hears: aria-labels and titles too), without the data entered by people. */
function readable(html: string, entered: readonly string[]): string {
  let text = html
    // Free text respondents wrote in the ledger step: shown as written.
    .replace(/<details class="labels">.*?<\/details>/gs, ' ')
    .replace(/<(?:[^>"]|"[^"]*")*\b(?:aria-label|title)="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  for (const s of [...entered].sort((a, b) => b.length - a.length)) text = text.split(s).join(' ');
  return text.replace(/\s+/g, ' ');
}

function enteredText(m: ReportModel): string[] {
  const account = JSON.stringify(m.account ?? {});
  const fromAccount = [...account.matchAll(/"(?:title|ownerRole|name)":"([^"]+)"/g)].map((x) => x[1]!);
  return [
    m.campaign?.name ?? '',
    m.campaign?.orgName ?? '',
    ...(m.waves?.waves.map((w) => w.name) ?? []),
    ...(m.segments?.department?.map((r) => r.name) ?? []),
    ...fromAccount,
    // The instrument's id (a code), the product's name and units that are the same in every language.
    m.instrument?.id ?? '',
    'Org OS',
    'Org-OS',
    'UTC',
    'CSV',
    'PDF',
    'AI',
    'r wg',
  ].filter((s) => s.length > 1);
}

/** Runs of three or more Latin words: an English phrase in a Chinese page. */
const latinRuns = (text: string) => text.match(/[A-Za-z][A-Za-z’'-]*(?:[\s,;:()]+[A-Za-z][A-Za-z’'-]*){2,}/g) ?? [];

/** English words German never uses: one of them in the German page is an English sentence left over. */
const ENGLISH_ONLY = /\b(?:the|and|of|is|are|with|which|that|than|from|for|their|they|were|not|by|at|to|on|or)\b/gi;

describe('the demo report in every survey language', () => {
  it('has the demo rich enough to need every section: gap, groups, weighting, evidence, ledgers, trend', () => {
    expect(model.leadershipGap).toBeTruthy();
    expect(model.segments?.department?.length).toBeGreaterThan(2);
    expect(model.weighting?.department ?? model.weighting?.level).toBeTruthy();
    expect(model.diagnoses?.some((d) => (d.evidence ?? []).length > 0)).toBe(true);
    expect(model.ledger).toBeTruthy();
    expect(model.waves?.waves.length).toBeGreaterThan(1);
    // The English page does have the sentences the checks below look for.
    const en = readable(renderReportBody(model, { lang: 'en', languageLinks: true }), enteredText(model));
    expect(latinRuns(en).length).toBeGreaterThan(50);
    expect((en.match(ENGLISH_ONLY) ?? []).length).toBeGreaterThan(100);
  });

  it('leaves no English sentence in Chinese', () => {
    for (const html of [renderReportBody(model, { lang: 'zh', languageLinks: true }), documentOf('zh')]) {
      expect(latinRuns(readable(html, enteredText(model)))).toEqual([]);
    }
  });

  it('leaves no English sentence in German', () => {
    for (const html of [renderReportBody(model, { lang: 'de', languageLinks: true }), documentOf('de')]) {
      expect(readable(html, enteredText(model)).match(ENGLISH_ONLY) ?? []).toEqual([]);
    }
  });
});

const documentOf = (lang: Language) => renderReportDocument(model, { lang }).replace(/<style>.*?<\/style>/s, '');
