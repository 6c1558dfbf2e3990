import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ARTEFACTS,
  DESKTOP,
  expectAccessible,
  launch,
  PHONE,
  screenshot,
  signInByMail,
  watchErrors,
  watchUrls,
} from './support';

const e2e = inject('e2e');
let browser: Browser;
/** Signed-in browser state of each person (one sign-in mail each: a second within a minute is not sent). */
let consultantState: Awaited<ReturnType<BrowserContext['storageState']>>;
let executiveState: Awaited<ReturnType<BrowserContext['storageState']>>;
/** Every URL any page of these tests asked for, showed or linked to: none may carry a key or a session. */
const seenUrls: string[] = [];
/** API keys made in the tests (shown once on the keys page). */
const madeKeys: string[] = [];

async function signedIn(email: string, options: BrowserContextOptions = DESKTOP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const watch = watchUrls(page);
  await signInByMail(page, e2e.url, e2e.outbox, email);
  const state = await context.storageState();
  seenUrls.push(...watch.urls);
  await context.close();
  return state;
}

/** A page in a browser already signed in, whose URLs and links go into `seenUrls`. */
async function pageAs(
  state: typeof consultantState,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; links: () => Promise<void> }> {
  const context = await browser.newContext({ ...options, storageState: state });
  const page = await context.newPage();
  const watch = watchUrls(page);
  return {
    context,
    page,
    links: async () => {
      await watch.collectLinks();
      seenUrls.push(...watch.urls.splice(0));
    },
  };
}

beforeAll(async () => {
  browser = await launch();
  consultantState = await signedIn(e2e.consultantEmail);
  executiveState = await signedIn(e2e.executiveEmail);
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
  it('opens from the mailed viewer link, which leaves the address bar, and prints to a few pages', async () => {
    const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const watch = watchUrls(page);
    await page.goto(e2e.reportViewerUrl);
    // The name is user input with markup characters: shown as text.
    await page.waitForSelector('h1:has-text("Pilot check <Q1>")');
    // The code was exchanged for a viewer session and is gone from the address bar (and the history entry).
    const code = new URL(e2e.reportViewerUrl).hash.slice('#view='.length);
    expect(page.url()).toBe(`${e2e.url}/report.html#campaign=${e2e.reportCampaignId}`);
    expect(await page.textContent('#account')).toContain('Viewing one report');
    // A reload reads the report with the session cookie alone.
    await page.reload();
    await page.waitForSelector('h1:has-text("Pilot check <Q1>")');
    await watch.collectLinks();
    expect(watch.urls.filter((u) => u.includes(code) && u !== e2e.reportViewerUrl)).toEqual([]);
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
    // On paper no toolbar, contents or language switch: nothing to press.
    expect(await page.isVisible('.toolbar')).toBe(false);
    expect(await page.isVisible('.toc')).toBe(false);
    expect(await page.isVisible('.lang-switch')).toBe(false);
    await screenshot(page, 'report-print');
    const pdfPath = join(ARTEFACTS, 'report.pdf');
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    console.log(`report PDF: ${pages} A4 pages, ${pdf.length} bytes`);
    expect(pages).toBeGreaterThan(0);
    // Screen one, the ledgers, the trend and the per-question results came with issues 10, 12 and 16; the print
    // layout sets the long tables tighter and short ones side by side, so it is back to six pages.
    expect(pages).toBeLessThanOrEqual(6);
    // German, the longest of the report's languages, too.
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-lang="de"]');
    await page.waitForSelector('h2:has-text("Was am Montag zu tun ist")');
    await page.emulateMedia({ media: 'print' });
    const de = await page.pdf({ format: 'A4', printBackground: true });
    const dePages = de.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    console.log(`report PDF in German: ${dePages} A4 pages`);
    expect(dePages).toBeGreaterThan(0);
    expect(dePages).toBeLessThanOrEqual(6);
    expect(errors).toEqual([]);
    seenUrls.push(...watch.urls.filter((u) => u !== e2e.reportViewerUrl));
    await context.close();
  });

  it('prints the demo wave, every section filled, on six A4 pages in English, Chinese and German', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(e2e.demoReportViewerUrl);
    await page.waitForSelector('#layers svg');
    // The evidence is all there on paper: no section is dropped to make the count.
    const sections = ['monday', 'operating-account', 'layers', 'diagnoses', 'ledgers', 'gap', 'trend', 'segments'];
    sections.push('signals', 'items', 'method');
    for (const [lang, heading] of [
      ['en', 'What to do on Monday'],
      ['zh', '周一该做什么'],
      ['de', 'Was am Montag zu tun ist'],
    ] as const) {
      await page.emulateMedia({ media: 'screen' });
      await page.click(`[data-lang="${lang}"]`);
      await page.waitForSelector(`html[lang^="${lang}"] h2:has-text("${heading}")`);
      await page.emulateMedia({ media: 'print' });
      for (const id of sections) expect(await page.isVisible(`#${id}`)).toBe(true);
      const pdf = await page.pdf({
        path: join(ARTEFACTS, `report-demo-${lang}.pdf`),
        format: 'A4',
        printBackground: true,
      });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
      console.log(`demo report PDF in ${lang}: ${pages} A4 pages`);
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(6);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders the demo wave on a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(e2e.demoReportViewerUrl);
    await page.waitForSelector('#layers svg');
    await expectAccessible(page, 'executive report on a phone');
    await screenshot(page, 'report-phone');
    await context.close();
  });

  it('says that an open campaign publishes its results when it closes', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(e2e.openReportViewerUrl);
    await page.waitForSelector('#summary-h:has-text("Results are not published yet")');
    expect(await page.textContent('#summary')).toContain('published when the campaign closes');
    expect(await page.$$('#layers svg')).toHaveLength(0);
    await expectAccessible(page, 'report of an open campaign');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the link is wrong, or when nobody is signed in', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/report.html#view=${'A'.repeat(43)}`);
    await expect.poll(() => page.textContent('#report-status')).toContain('expired or was revoked');
    expect(page.url()).toBe(`${e2e.url}/report.html`);
    await expectAccessible(page, 'report with a bad link');
    // The old kind of link, with a key in it, opens nothing: keys are not taken from a URL.
    await page.goto(`${e2e.url}/report.html#campaign=${e2e.reportCampaignId}&token=${e2e.executiveToken}`);
    await expect.poll(() => page.textContent('#report-status')).toContain('not signed in');
    await page.goto(`${e2e.url}/report.html`);
    await expect.poll(() => page.textContent('#report-status')).toContain('needs the report link');
    await context.close();
  });
});

describe('consultant dashboard', () => {
  it('creates an organisation, a campaign and links, and compares waves with a CSV export', async () => {
    const { context, page, links } = await pageAs(consultantState, { ...DESKTOP, acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.waitForSelector('#portfolio h3:has-text("Northwind Logistics")');
    expect(await page.textContent('#account')).toContain('Alex Morgan');
    // The session is a cookie: a reload stays signed in.
    await page.reload();
    await page.waitForSelector('#portfolio h3:has-text("Contoso Retail")');
    // The Report button names the campaign only.
    const reportHref = await page.getAttribute('#portfolio a.button', 'href');
    expect(reportHref).toMatch(/^\/report\.html#campaign=[^&]+$/);

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
    await page.locator('.result input[name=label]').fill('Dana Whitfield');
    await page.locator('.result form[data-vl-form] button').click();
    await expect.poll(() => page.textContent('.result .linkbox')).toContain('/report.html#view=');
    expect(await page.textContent('.result table')).toContain('Dana Whitfield');
    await expectAccessible(page, 'dashboard report links');
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
    expect(csv.split('\r\n')[0]).toMatch(/^organisation,campaign,created_at/);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + e2e.compareCampaignIds.length);

    await expectAccessible(page, 'dashboard with portfolio and comparison');
    await screenshot(page, 'dashboard');
    await links();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows an executive its organisation's reports and none of the buttons that run a campaign", async () => {
    const { context, page, links } = await pageAs(executiveState);
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.waitForSelector('#portfolio h3:has-text("Northwind Logistics")');
    expect(await page.$$eval('#portfolio h3', (hs) => hs.map((h) => h.textContent))).toEqual(['Northwind Logistics']);
    expect(await page.locator('#portfolio a.button').count()).toBeGreaterThan(0);
    for (const control of ['data-invite', 'data-email', 'data-remind', 'data-close', 'data-contacts', 'data-exec']) {
      expect(await page.locator(`#portfolio [${control}]`).count(), control).toBe(0);
    }
    expect(await page.isVisible('#org-form')).toBe(false);
    expect(await page.isVisible('#campaign-form')).toBe(false);
    expect(await page.isVisible('#compare-btn')).toBe(false);
    expect(await page.locator('#account a[href="/users.html"]').count()).toBe(0);
    await expectAccessible(page, 'executive dashboard');
    await screenshot(page, 'dashboard-executive');
    await links();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a visitor who is not signed in to the sign-in page, which is keyboard operable', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.waitForSelector('#signin:not([hidden])');
    await expectAccessible(page, 'dashboard signed out');
    await page.goto(`${e2e.url}/signin.html`);
    await expectAccessible(page, 'sign-in page');
    await page.focus('#email');
    await page.keyboard.type('nobody@nowhere.example');
    await page.keyboard.press('Enter');
    // The same words as for an address that has an account.
    await expect.poll(() => page.textContent('#signin-status')).toContain('If nobody@nowhere.example has an account');
    // A sign-in link that was used already says so.
    await page.goto(`${e2e.url}/signin.html#code=${'B'.repeat(43)}`);
    await expect.poll(() => page.textContent('#signin-status')).toContain('used already or has expired');
    expect(page.url()).toBe(`${e2e.url}/signin.html`);
    await context.close();
  });
});

describe('users and API keys', () => {
  it('lets a consultant make an executive user, and a key that is shown once and can be revoked', async () => {
    const { context, page, links } = await pageAs(consultantState);
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/users.html`);
    await page.waitForSelector('#users table');
    expect(await page.textContent('#users')).toContain('dana.whitfield@northwind.example');
    expect(await page.$$eval('#user-role option', (os) => os.map((o) => o.textContent))).toEqual(['executive']);
    await page.fill('#user-email', 'new.exec@northwind.example');
    await page.fill('#user-name', 'New Exec');
    await page.locator('#user-orgs label', { hasText: 'Northwind Logistics' }).locator('input').check();
    await page.click('#user-form button[type=submit]');
    await expect.poll(() => page.textContent('#users')).toContain('new.exec@northwind.example');
    await expectAccessible(page, 'users page');
    await screenshot(page, 'users');
    await links();

    await page.goto(`${e2e.url}/keys.html`);
    await page.waitForSelector('#key-form');
    await page.fill('#key-label', 'board pack export');
    await page.selectOption('#key-role', 'executive');
    await page.selectOption('#key-org', { label: 'Northwind Logistics' });
    await page.check('#key-readonly');
    await page.click('#key-form button[type=submit]');
    const key = await page.locator('#new-key').inputValue();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    madeKeys.push(key);
    const row = page.locator('#keys tr', { hasText: 'board pack export' });
    await expect.poll(() => row.textContent()).toContain('read-only');
    // The key works as a bearer for a script, and not after it is revoked.
    const orgs = await fetch(`${e2e.url}/api/v1/orgs`, { headers: { authorization: `Bearer ${key}` } });
    expect(orgs.status).toBe(200);
    await expectAccessible(page, 'keys page');
    await screenshot(page, 'keys');
    await row.locator('button[data-revoke]').click();
    await row.locator('button[data-revoke]').click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    const after = await fetch(`${e2e.url}/api/v1/orgs`, { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
    // Shown once: a reload of the page does not show it again.
    await page.reload();
    await page.waitForSelector('#keys table');
    expect(await page.content()).not.toContain(key);
    await links();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs out on the server: the same cookie is refused afterwards', async () => {
    const { context, page } = await pageAs(executiveState);
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.waitForSelector('#portfolio h3');
    const cookie = (await context.cookies()).find((c) => c.name === 'orgos_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    await page.click('#signout');
    await page.waitForURL(/\/signin\.html/);
    await expect.poll(() => page.textContent('#signin-status')).toContain('signed out');
    // A copy of the cookie taken before signing out opens nothing.
    const stolen = await fetch(`${e2e.url}/api/v1/orgs`, { headers: { cookie: `orgos_session=${cookie.value}` } });
    expect(stolen.status).toBe(401);
    seenUrls.push(cookie.value);
    await context.close();
  });
});

describe('keys in URLs', () => {
  it('never puts an API key, a session or a sign-in code in a URL any page asked for, showed or linked', () => {
    const secrets = [e2e.adminToken, e2e.consultantToken, e2e.executiveToken, ...madeKeys];
    // The last entry pushed by the sign-out test is that session's cookie value: a secret, not a URL.
    const session = seenUrls.pop()!;
    expect(seenUrls.length).toBeGreaterThan(50);
    const leaks = seenUrls.filter(
      (u) => secrets.some((s) => u.includes(s)) || u.includes(session) || /[?#&](token|key|session)=/.test(u),
    );
    expect(leaks).toEqual([]);
    // The only codes in a URL are those the mails carry, and each page took its code out at once.
    expect(seenUrls.filter((u) => /#code=/.test(u)).every((u) => u.includes('/signin.html#code='))).toBe(true);
  });
});
