import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, PHONE, screenshot, tabTo, watchErrors } from './support';

// The operating account's page in Chromium: the demo's account (two waves of Northwind), managed keyboard-only, in
// every survey language, axe-clean; the report's Operating account section and the dashboard's accounts panel.

const e2e = inject('e2e');
let browser: Browser;
let orgId: string;

beforeAll(async () => {
  browser = await launch();
  const res = await fetch(`${e2e.url}/api/v1/campaigns/${e2e.demoReportCampaignId}`, {
    headers: { authorization: `Bearer ${e2e.executiveToken}` },
  });
  orgId = ((await res.json()) as { orgId: string }).orgId;
});
afterAll(() => browser?.close());

const accountUrl = (lang = 'en') => `${e2e.url}/account.html#org=${orgId}&token=${e2e.executiveToken}&lang=${lang}`;

/** Types into the focused control after tabbing to it: no mouse anywhere. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector, 80);
  await page.keyboard.type(text);
}

describe('the account page', () => {
  it('shows the review view: the wait removed, freed capacity 60/40, the red signal', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(accountUrl());
    await page.waitForSelector('#review h2');
    expect(await page.textContent('h1')).toContain('Northwind Logistics');
    const review = (await page.textContent('#review')) ?? '';
    expect(review).toContain('Approvals held by Finance: 4 → 1');
    expect(review).toContain('165.6');
    expect(review).toContain('110.4');
    expect(await page.textContent('#register tr.red')).toContain('past threshold');
    await expectAccessible(page, 'account page');
    await screenshot(page, 'account');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('logs an entry, edits it and records a review with the keyboard alone', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(accountUrl());
    await page.waitForSelector('#new-title');
    await page.focus('#entries-h');
    await typeInto(page, '#new-title', 'Customer quotes wait for pricing');
    await typeInto(page, '#new-dept', 'Sales');
    await typeInto(page, '#new-baseline-value', '3');
    await typeInto(page, '#new-target', '1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#account-status')).toContain('Saved.');
    expect(await page.textContent('#entries table')).toContain('Customer quotes wait for pricing');

    // A refusal names the field beside its form and takes the focus there.
    await page.focus('#entries-h');
    await typeInto(page, '#new-title', 'Too high a target');
    await typeInto(page, '#new-baseline-value', '2');
    await typeInto(page, '#new-target', '5');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-form="new-entry"] .form-errors:not([hidden])');
    expect(await page.textContent('[data-form="new-entry"] .form-errors')).toContain('target.value');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('form-errors'))).toBe(true);

    const row = page.locator('#entries tr', {
      has: page.locator('th', { hasText: 'Customer quotes wait for pricing' }),
    });
    await row.locator('button[data-edit]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-form="edit-entry"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('title');
    await tabTo(page, '[data-form="edit-entry"] input[name="ownerRole"]');
    await page.keyboard.type('Head of Sales');
    await tabTo(page, '[data-form="edit-entry"] button[type="submit"]', 40);
    await page.keyboard.press('Enter');
    await expect.poll(() => row.textContent()).toContain('Head of Sales');
    await row.locator('button[data-history]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#history')).toContain('ownerRole');

    await page.focus('#review-h');
    await typeInto(page, '#review-role', 'COO');
    await typeInto(page, '#review-notes', 'Quotes logged; pricing to own it.');
    await tabTo(page, '[data-form="review"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#reviews')).toContain('Quotes logged; pricing to own it.');
    await expectAccessible(page, 'account page after changes');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is in Chinese and German, and fits a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const [lang, heading] of [
      ['zh', '经营复盘'],
      ['de', 'Betriebsbesprechung'],
    ] as const) {
      await page.goto(accountUrl(lang));
      await page.waitForSelector(`#review-h:has-text("${heading}")`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectAccessible(page, `account page (${lang})`);
    }
    // The language can be switched from the page itself.
    await page.selectOption('#lang', 'en');
    await page.waitForSelector('#review-h:has-text("Operating review")');
    await screenshot(page, 'account-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the account beside the report and in the dashboard', () => {
  it('puts the Operating account section first after the headline of the report, with a link to the account', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/report.html#campaign=${e2e.demoReportCampaignId}&token=${e2e.executiveToken}`);
    await page.waitForSelector('#account h2');
    const order = await page.$$eval('main section[id]', (els) => els.map((e) => e.id));
    expect(order.slice(0, 3)).toEqual(['summary', 'account', 'layers']);
    const text = (await page.textContent('#account')) ?? '';
    expect(text).toContain('2 moved during this wave');
    expect(text).toContain('repeat inquiries');
    expect(await page.getAttribute('#account a', 'href')).toContain(`/account.html#org=${orgId}`);
    await expectAccessible(page, 'report with the operating account');
    await context.close();
  });

  it('lists each company’s account on the dashboard', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.fill('#token', e2e.consultantToken);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#accounts table');
    const northwind = page.locator('#accounts tr', { has: page.locator('th', { hasText: 'Northwind Logistics' }) });
    expect(await northwind.textContent()).toContain('repeat inquiries');
    expect(await northwind.locator('a').getAttribute('href')).toContain('/account.html#org=');
    await expectAccessible(page, 'dashboard with operating accounts');
    await context.close();
  });
});
