import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTEFACTS, DESKTOP, expectAccessible, launch, PHONE, screenshot, watchErrors } from './support';

const e2e = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('landing page', () => {
  it('links the three ways in and passes axe', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/`);
    expect(await page.getAttribute('a[href="/dashboard.html"]', 'href')).toBe('/dashboard.html');
    await expectAccessible(page, 'landing page');
    await screenshot(page, 'landing');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('executive report', () => {
  const reportUrl = `${e2e.url}/report.html#campaign=${e2e.reportCampaignId}&token=${e2e.executiveToken}`;

  it('shows the layers, the first break, the gap and hidden groups, and prints to a few pages', async () => {
    const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(reportUrl);
    // The name is user input with markup characters: shown as text.
    await page.waitForSelector('h1:has-text("Pilot check <Q1>")');
    expect(await page.textContent('.meta')).toContain('30 responses');

    const breaks = await page.$$eval('.cascade li.break', (els) => els.map((e) => e.textContent));
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toContain('First break');
    expect(breaks[0]).toContain('Knowledge');
    expect(await page.$$eval('#layers svg path.ci', (els) => els.length)).toBe(5);
    expect(await page.$$eval('#layers svg rect.bar.break', (els) => els.length)).toBe(1);

    // Legal has 4 responses, below the minimum of 5: marked hidden, never filled, no count.
    const legal = await page.$eval('#segments tr:has(th:text-is("Legal"))', (tr) => ({
      text: tr.textContent ?? '',
      hidden: tr.querySelectorAll('td.sup').length,
    }));
    expect(legal.hidden).toBe(6);
    expect(legal.text).not.toMatch(/\d/);
    expect(await page.textContent('#segments')).toContain('fewer than 5 responses');

    expect(await page.textContent('#gap')).toContain('Leadership rates');
    expect(await page.$$eval('#actions ol.actions li', (els) => els.length)).toBeGreaterThan(0);

    await expectAccessible(page, 'executive report');
    await screenshot(page, 'report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain(',');
    expect(csv).toContain('Legal');

    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.toolbar')).toBe(false);
    await screenshot(page, 'report-print');
    const pdfPath = join(ARTEFACTS, 'report.pdf');
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    console.log(`report PDF: ${pages} A4 pages, ${pdf.length} bytes`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(6);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders the demo wave on a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/report.html#campaign=${e2e.demoReportCampaignId}&token=${e2e.executiveToken}`);
    await page.waitForSelector('#layers svg');
    await expectAccessible(page, 'executive report on a phone');
    await screenshot(page, 'report-phone');
    await context.close();
  });

  it('says that an open campaign publishes its results when it closes', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/report.html#campaign=${e2e.surveyCampaignId}&token=${e2e.executiveToken}`);
    await page.waitForSelector('#summary-h:has-text("Results are not published yet")');
    expect(await page.textContent('#summary')).toContain('published when the campaign closes');
    expect(await page.$$('#layers svg')).toHaveLength(0);
    await expectAccessible(page, 'report of an open campaign');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the link is wrong, and never asks the server without a token', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/report.html#campaign=${e2e.reportCampaignId}&token=not-a-valid-token-0000`);
    await expect.poll(() => page.textContent('#report-status')).toContain('expired or was revoked');
    await expectAccessible(page, 'report with a bad link');
    await page.goto(`${e2e.url}/report.html`);
    await expect.poll(() => page.textContent('#report-status')).toContain('needs the full report link');
    await context.close();
  });
});

describe('consultant dashboard', () => {
  it('signs in once, creates an organisation, a campaign and links, and compares waves with a CSV export', async () => {
    const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/dashboard.html`);
    await expectAccessible(page, 'dashboard sign-in');
    await page.focus('#token');
    await page.keyboard.type(e2e.consultantToken);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#portfolio h3:has-text("Northwind Logistics")');
    // The token is kept for this tab: a reload stays signed in.
    await page.reload();
    await page.waitForSelector('#portfolio h3:has-text("Contoso Retail")');

    await page.fill('#org-name', 'E2E Holdings');
    await page.click('#org-form button');
    await page.waitForSelector('#portfolio h3:has-text("E2E Holdings")');
    expect(await page.inputValue('#campaign-org')).not.toBe('');
    await page.fill('#campaign-name', 'First wave');
    await page.fill('#campaign-departments', 'Sales\nSupport\nFinance');
    await page.click('#campaign-form button');
    await expect.poll(() => page.textContent('#campaign-out')).toContain('/s/');

    const row = page.locator('tr', { has: page.locator('th', { hasText: 'First wave' }) });
    await row.locator('button[data-exec]').click();
    await expect.poll(() => page.textContent('.result .linkbox')).toContain('/report.html#campaign=');
    await row.locator('button[data-invite]').click();
    await expect
      .poll(() => page.inputValue('.result textarea'))
      .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/\S+(\n\S+){9}$/);
    // Close takes two clicks; the campaign is then listed as closed, without the invite controls.
    await row.locator('button[data-close]').click();
    await expect.poll(() => page.textContent('.result .warn')).toContain('Confirm close');
    await row.locator('button[data-close]').click();
    await expect.poll(() => row.locator('td.status-closed').count()).toBe(1);
    expect(await row.locator('button[data-invite]').count()).toBe(0);

    for (const id of e2e.compareCampaignIds) await page.check(`input[name=compare][value="${id}"]`);
    await page.click('#compare-btn');
    await page.waitForSelector('#compare-out table');
    const header = await page.$$eval('#compare-out thead th', (els) => els.map((e) => e.textContent));
    expect(header.join(' ')).toContain('Spring wave');
    expect(header.join(' ')).toContain('Autumn wave');
    expect(await page.$$eval('#compare-out svg rect', (els) => els.length)).toBeGreaterThan(0);
    // Change between the two Northwind waves is shown.
    expect(await page.textContent('#compare-out tbody')).toMatch(/[+−]\d+\.\d/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^campaign_id,campaign,org_id/);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + e2e.compareCampaignIds.length);

    await expectAccessible(page, 'dashboard with portfolio and comparison');
    await screenshot(page, 'dashboard');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a wrong token back to the sign-in with a message', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.fill('#token', 'wrong-token-0000000000');
    await page.click('#token-form button');
    await expect.poll(() => page.textContent('#signin-msg')).toContain('not accepted');
    expect(await page.isVisible('#token')).toBe(true);
    await context.close();
  });
});
