import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Debian's Chromium, never a downloaded browser (.ci/run installs it with apt).
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTEFACTS = join(process.cwd(), 'test-results', 'e2e');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Phone-sized by default: the survey is mobile first. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Collects console errors (a CSP violation is one) and uncaught page errors, to assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // A failed request in the offline test is logged by the browser on purpose; everything else counts.
    if (m.type() === 'error' && !/net::ERR_FAILED|Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Runs axe-core (node_modules/axe-core/axe.min.js) with the WCAG 2.2 AA rules and expects no violation. The file is
 * evaluated through the DevTools protocol rather than added as a <script> tag: the pages' CSP (default-src 'self')
 * rightly refuses an injected inline script, and the tests keep the CSP on so that they would catch a page breaking it.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async (tags) => {
    interface Violation {
      id: string;
      impact: string;
      help: string;
      nodes: { target: unknown }[];
    }
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  }, WCAG_22_AA);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  // A full-page capture of a scrolled page draws the sticky progress bar over the content: capture from the top.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage });
  return path;
}

/** Presses Tab until the focused element matches `selector`; fails when it takes more than `max` presses. */
export async function tabTo(page: Page, selector: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab did not reach ${selector} within ${max} presses`);
}

/**
 * axe needs a page that runs scripts; for what a browser without JavaScript got, serve the same markup (scripts
 * removed) at the same address in a scripting context and check that.
 */
export async function expectAccessibleMarkup(
  browser: Browser,
  url: string,
  html: string,
  label: string,
): Promise<void> {
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    await page.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: html.replace(/<script\b[^>]*><\/script>/g, ''),
      }),
    );
    await page.goto(url);
    await expectAccessible(page, label);
  } finally {
    await context.close();
  }
}

/**
 * Signs in as a person would: the address on the sign-in page, then the link from the mail in the outbox. Ends on
 * the dashboard, with the code gone from the address bar.
 */
export async function signInByMail(page: Page, base: string, outbox: string, email: string): Promise<void> {
  const { readOutbox } = await import('../mail/eml');
  const before = new Set((await readOutbox(outbox)).map((m) => m.file));
  await page.goto(`${base}/signin.html`);
  await page.fill('#email', email);
  await page.press('#email', 'Enter');
  await page.waitForSelector('#signin-status:has-text("a sign-in link is on its way")');
  // Plain loops rather than expect.poll: this also runs in beforeAll hooks.
  let link = '';
  for (let i = 0; i < 100 && !link; i++) {
    const mail = (await readOutbox(outbox)).find((m) => !before.has(m.file) && m.kind === 'sign-in' && m.to === email);
    link = mail?.text.match(/http:\/\/\S+\/signin\.html#code=[A-Za-z0-9_-]+/)?.[0] ?? '';
    if (!link) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (!link) throw new Error(`no sign-in mail reached ${email}`);
  await page.goto(link);
  await page.waitForURL(`${base}/dashboard.html`).catch(async (error: unknown) => {
    throw new Error(`signing in stopped at ${page.url()}: ${await page.textContent('body')}`, { cause: error });
  });
}

/** Every URL a page asked for or showed (requests, navigations, links on it), for the no-key-in-a-URL check. */
export function watchUrls(page: Page): { urls: string[]; collectLinks(): Promise<void> } {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('framenavigated', (f) => urls.push(f.url()));
  return {
    urls,
    collectLinks: async () => {
      urls.push(page.url());
      urls.push(...(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))));
    },
  };
}
