import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { ledgerDesignFor } from '../../../shared/ledger';
import { buildWeb } from '../../../web/build';
import { renderSurveyPage } from '../../../web/survey/render-survey';

/** The survey's first view (HTML + CSS + JS) must stay within 14 KB gzip (issue 5): a size, measured, not a timing. */
const BUDGET = 14 * 1024;

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'orgos-web-'));
  await buildWeb(out);
});
afterAll(() => rm(out, { recursive: true, force: true }));

const gz = (content: string | Buffer) => gzipSync(content).length;

describe('survey first-view weight', () => {
  it.each(CORE_INSTRUMENT.languages)('stays within 14 KB gzip in %s', async (lang) => {
    const html = renderSurveyPage({
      instrument: CORE_INSTRUMENT,
      // Eight departments: the most that render as radio buttons, the heaviest form of the page.
      campaign: {
        name: 'Acme Manufacturing – spring wave',
        departments: ['Sales', 'Customer support', 'Operations', 'Finance', 'IT', 'People', 'Legal', 'Marketing'],
        minGroupSize: 5,
      },
      lang,
      token: 'S'.repeat(43),
      responseId: '6f1c1c3e-7a51-4b8e-9f0e-2f7a1d3c9b10',
      startedAt: 1_767_000_000_000,
    });
    const css = await readFile(join(out, 'assets/orgos.css'));
    const js = await readFile(join(out, 'assets/survey.js'));
    const sizes = { html: gz(html), css: gz(css), js: gz(js) };
    const total = sizes.html + sizes.css + sizes.js;
    console.log(
      `survey first view (${lang}), gzip: HTML ${sizes.html} B (raw ${Buffer.byteLength(html)}), CSS ${sizes.css} B (raw ${css.length}), JS ${sizes.js} B (raw ${js.length}); total ${total} B of ${BUDGET}`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  // 2026.2 adds the ledger step: three ledgers of three entries each, with labels on (the heaviest form).
  const departments = ['Sales', 'Customer support', 'Operations', 'Finance', 'IT', 'People', 'Legal', 'Marketing'];
  it.each(CURRENT_INSTRUMENT.languages)('stays within 14 KB gzip with the ledger step in %s', async (lang) => {
    const ledger = ledgerDesignFor(CURRENT_INSTRUMENT, { labels: { keepDays: 90 } }, departments);
    expect(ledger).not.toBeNull();
    const html = renderSurveyPage({
      instrument: CURRENT_INSTRUMENT,
      ledger,
      campaign: {
        name: 'Acme Manufacturing – spring wave',
        departments,
        minGroupSize: 5,
        ledger: { labels: { keepDays: 90 } },
      },
      lang,
      token: 'S'.repeat(43),
      responseId: '6f1c1c3e-7a51-4b8e-9f0e-2f7a1d3c9b10',
      startedAt: 1_767_000_000_000,
    });
    expect(html).toContain('name="ledger_waiting_3_held_by"');
    const css = await readFile(join(out, 'assets/orgos.css'));
    const js = await readFile(join(out, 'assets/survey.js'));
    const sizes = { html: gz(html), css: gz(css), js: gz(js) };
    const total = sizes.html + sizes.css + sizes.js;
    console.log(
      `survey first view with the ledger step (${lang}), gzip: HTML ${sizes.html} B (raw ${Buffer.byteLength(html)}), CSS ${sizes.css} B, JS ${sizes.js} B; total ${total} B of ${BUDGET}`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('ships a survey script with no framework and no schema library in it', async () => {
    const js = await readFile(join(out, 'assets/survey.js'), 'utf8');
    expect(js).not.toMatch(/zod|hono/i);
    expect(js).not.toMatch(/^import\s/m);
  });
});
