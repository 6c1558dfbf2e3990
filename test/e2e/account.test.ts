import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DESKTOP,
  expectAccessible,
  launch,
  PHONE,
  screenshot,
  signInByMail,
  tabTo,
  watchErrors,
  watchUrls,
} from './support';

// The operating account's page in Chromium: the demo's account (two waves of Northwind), managed keyboard-only, in
// every survey language, axe-clean, with the session cookie and no key in any URL; the report's Operating account
// section and the dashboard's accounts panel. Its own people (one sign-in mail each, a minute apart at most).

const e2e = inject('e2e');
const EXECUTIVE = 'account-exec@northwind.example';
const ADMIN = 'account-admin@orgos.example';
let browser: Browser;
let orgId: string;
let executiveState: Awaited<ReturnType<BrowserContext['storageState']>>;
let adminState: Awaited<ReturnType<BrowserContext['storageState']>>;
const seenUrls: string[] = [];

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${e2e.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${e2e.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function signedIn(email: string) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const watch = watchUrls(page);
  await signInByMail(page, e2e.url, e2e.outbox, email);
  const state = await context.storageState();
  seenUrls.push(...watch.urls);
  await context.close();
  return state;
}

async function pageAs(state: typeof executiveState, options: BrowserContextOptions = DESKTOP) {
  const context = await browser.newContext({ ...options, storageState: state });
  const page = await context.newPage();
  const watch = watchUrls(page);
  return {
    context,
    page,
    done: async () => {
      await watch.collectLinks();
      seenUrls.push(...watch.urls.splice(0));
      await context.close();
    },
  };
}

beforeAll(async () => {
  browser = await launch();
  orgId = (await api('GET', `/api/v1/campaigns/${e2e.demoReportCampaignId}`)).orgId as string;
  await api('POST', '/api/v1/users', { email: EXECUTIVE, role: 'executive', orgIds: [orgId] });
  await api('POST', '/api/v1/users', { email: ADMIN, role: 'admin' });
  executiveState = await signedIn(EXECUTIVE);
  adminState = await signedIn(ADMIN);
});
afterAll(async () => {
  // The pages name the organisation and the language in their address, never a key, a session or a code.
  const cookies = [...executiveState.cookies, ...adminState.cookies].map((c) => c.value);
  const secrets = [e2e.adminToken, e2e.consultantToken, e2e.executiveToken, ...cookies];
  const leaks = seenUrls.filter((u) => secrets.some((s) => u.includes(s)) || /[?#&](token|key|session)=/.test(u));
  expect(leaks).toEqual([]);
  expect(seenUrls.filter((u) => /#code=/.test(u)).every((u) => u.includes('/signin.html#code='))).toBe(true);
  expect(seenUrls.some((u) => u.includes('/operating-account.html#org='))).toBe(true);
  await browser?.close();
});

const accountUrl = (lang = 'en') => `${e2e.url}/operating-account.html#org=${orgId}&lang=${lang}`;

/** Types into the focused control after tabbing to it: no mouse anywhere. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector, 80);
  await page.keyboard.type(text);
}

describe('the account page', () => {
  it('shows the review view: the wait removed, freed capacity 60/40, the red signal', async () => {
    const { page, done } = await pageAs(executiveState);
    const errors = watchErrors(page);
    await page.goto(accountUrl());
    await page.waitForSelector('#review h2');
    expect(await page.textContent('h1')).toContain('Northwind Logistics');
    const review = (await page.textContent('#review')) ?? '';
    // Both entries were made from the spring wave's cells and reconciled against the autumn wave's.
    expect(review).toContain('Approvals held by Finance: 4 → 1.5');
    expect(review).toContain('726.2');
    expect(review).toContain('484.2');
    expect(await page.textContent('#register tr.red')).toContain('past threshold');
    await expectAccessible(page, 'account page');
    await screenshot(page, 'account');
    expect(errors).toEqual([]);
    await done();
  });

  it('logs an entry, edits it and records a review with the keyboard alone', async () => {
    const { page, done } = await pageAs(executiveState);
    const errors = watchErrors(page);
    await page.goto(accountUrl());
    await page.waitForSelector('#new-title');
    await page.focus('#entries-h');
    await typeInto(page, '#new-title', 'Customer quotes wait for pricing');
    await typeInto(page, '#new-dept', 'Sales');
    await typeInto(page, '#new-baseline-value', '3');
    await typeInto(page, '#new-target', '1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#operating-status')).toContain('Saved.');
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
    await done();
  });

  it('is in Chinese and German, and fits a phone', async () => {
    const { page, done } = await pageAs(executiveState, PHONE);
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
    await done();
  });
});

describe('the account beside the report and in the dashboard', () => {
  it('puts the Operating account section first after the headline of the report, with a link to the account', async () => {
    const { page, done } = await pageAs(executiveState);
    await page.goto(`${e2e.url}/report.html#campaign=${e2e.demoReportCampaignId}`);
    await page.waitForSelector('#operating-account h2');
    const order = await page.$$eval('main section[id]', (els) => els.map((e) => e.id));
    // Screen one (the sentence and the actions) leads; the account comes right after the first break.
    expect(order[0]).toBe('monday');
    expect(order[order.indexOf('summary') + 1]).toBe('operating-account');
    const text = (await page.textContent('#operating-account')) ?? '';
    expect(text).toContain('2 moved during this wave');
    expect(text).toContain('Target met: 1.5 working days of wait (-2.5, a real change); confirmed removed');
    expect(text).toContain('Not moving: 4 hours a week per person (-0.2, within the uncertainty)');
    expect(text).toContain('repeat inquiries');
    expect(await page.getAttribute('#operating-account a', 'href')).toBe(`/operating-account.html#org=${orgId}`);
    await expectAccessible(page, 'report with the operating account');
    await done();
  });

  it('lists each company’s account on the dashboard', async () => {
    const { page, done } = await pageAs(adminState);
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.waitForSelector('#accounts table');
    const northwind = page.locator('#accounts tr', { has: page.locator('th', { hasText: 'Northwind Logistics' }) });
    expect(await northwind.textContent()).toContain('repeat inquiries');
    expect(await northwind.locator('a').getAttribute('href')).toBe(`/operating-account.html#org=${orgId}`);
    await expectAccessible(page, 'dashboard with operating accounts');
    await done();
  });
});
