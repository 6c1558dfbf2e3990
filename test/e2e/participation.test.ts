import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppDeps } from '../../functions/api/deps';
import { submitResponse } from '../../functions/api/routes/surveys';
import { makeAnswers } from '../http/harness';
import { e2eStore, SETTLE_PATH } from './server';
import { ARTEFACTS, DESKTOP, expectAccessible, launch, PHONE, screenshot, signInByMail, watchErrors } from './support';

// Live participation in the dashboard (issue 16): a consultant opens a running campaign's participation and sees
// the groups at or above the minimum, the small ones pooled, a department's response rate from the profile; on a
// phone too; and once the campaign is closed, a pointer to the report.

const e2e = inject('e2e');
// A consultant of its own, so its sign-in mail is not held back by the other files' sign-ins.
const CONSULTANT = 'live-participation@example.com';
const CAMPAIGN = 'Live wave';
let browser: Browser;
let state: Awaited<ReturnType<BrowserContext['storageState']>>;
let campaignId = '';

/** A call with the signed-in page's session, as the dashboard makes it. */
async function asPage(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

beforeAll(async () => {
  browser = await launch();
  const made = await fetch(`${e2e.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: CONSULTANT, role: 'consultant' }),
  });
  expect(made.status).toBe(201);
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signInByMail(page, e2e.url, e2e.outbox, CONSULTANT);
  state = await context.storageState();

  const org = await asPage(page, 'POST', '/api/v1/orgs', { name: 'Live Counts AG' });
  expect(org.status).toBe(201);
  const campaign = await asPage(page, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
    name: CAMPAIGN,
    departments: ['Sales', 'Operations', 'Legal'],
  });
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
  expect(
    (await asPage(page, 'PUT', `/api/v1/orgs/${org.body.id}/profile`, { headcount: { byDepartment: { Sales: 12 } } }))
      .status,
  ).toBe(200);
  await context.close();

  // Answers of three hours ago, so their hour has settled: Sales 3 frontline + 3 managers, Operations 5 managers,
  // Legal 2 frontline. Written as the submission route writes them, dated then.
  const { store, close } = e2eStore(e2e.dynamoEndpoint, e2e.table);
  try {
    const record = (await store.getCampaign(campaignId))!;
    const at = new Date(Date.now() - 3 * 3_600_000);
    const people = [
      ...Array.from({ length: 3 }, () => ['Sales', 'frontline']),
      ...Array.from({ length: 3 }, () => ['Sales', 'manager']),
      ...Array.from({ length: 5 }, () => ['Operations', 'manager']),
      ...Array.from({ length: 2 }, () => ['Legal', 'frontline']),
    ];
    for (const [department, level] of people) {
      const body = { responseId: randomUUID(), answers: makeAnswers(), level: level!, department: department! };
      await submitResponse({ store } as unknown as AppDeps, record, body as never, at);
    }
  } finally {
    close();
  }
});
afterAll(() => browser?.close());

const rowOf = (page: Page, name: string) =>
  page.locator('#portfolio tr', { has: page.locator('th', { hasText: name }) });

async function openPanel(page: Page): Promise<string> {
  await page.goto(`${e2e.url}/dashboard.html`);
  await page.waitForSelector('#portfolio h3:has-text("Live Counts AG")');
  await rowOf(page, CAMPAIGN).locator('button[data-participation]').click();
  await page.waitForSelector('#portfolio h4:has-text("Live participation")');
  return (await page.locator('#portfolio .result:has(h4)').textContent()) ?? '';
}

describe('live participation in the dashboard', () => {
  it('shows the groups at or above the minimum, pools the small ones, and a response rate from the headcount', async () => {
    const context = await browser.newContext({ ...DESKTOP, storageState: state });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const text = await openPanel(page);
    expect(await page.textContent('[data-participation-total]')).toBe('13');
    const departments = await page
      .locator('#portfolio table:has(caption:has-text("By department")) tbody tr')
      .allTextContents();
    // Legal (2) is hidden, Operations (5) as its complement: 13 - 6 - 5 would be the two Legal answers.
    expect(departments).toEqual(['Sales61250%', 'Other groups (Operations, Legal)7––']);
    const levels = await page.locator('#portfolio table:has(caption:has-text("By level")) tbody tr').allTextContents();
    expect(levels).toEqual(['Frontline5', 'Managers8', 'Executives0']);
    expect(text).toContain('minimum group size 5');
    expect(text).not.toContain('Legal2');
    await expectAccessible(page, 'dashboard with live participation');
    await screenshot(page, 'participation-desktop');
    await page
      .locator('#portfolio .result:has(h4)')
      .screenshot({ path: join(ARTEFACTS, 'participation-desktop-panel.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a 390×844 phone', async () => {
    const context = await browser.newContext({ ...PHONE, storageState: state });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openPanel(page);
    expect(await page.textContent('[data-participation-total]')).toBe('13');
    // The tables fit the phone: no column hidden behind a sideways scroll.
    const overflow = await page.$$eval('#portfolio .result .table-wrap', (wraps) =>
      wraps.map((w) => w.scrollWidth - w.clientWidth),
    );
    expect(overflow).toEqual([0, 0]);
    // Nothing but the tables' own scrolling regions is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport!.width);
    await expectAccessible(page, 'live participation on a phone');
    await screenshot(page, 'participation-phone');
    await page
      .locator('#portfolio .result:has(h4)')
      .screenshot({ path: join(ARTEFACTS, 'participation-phone-panel.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the running campaign’s count in the portfolio at a glance, linking to its Participation panel', async () => {
    for (const [device, options] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const context = await browser.newContext({ ...options, storageState: state });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${e2e.url}/dashboard.html`);
      const glanceRow = page.locator('#glance tr', { has: page.locator('th', { hasText: 'Live Counts AG' }) });
      await expect.poll(() => glanceRow.textContent()).toContain('Running: 13 answers before');
      expect(await glanceRow.textContent()).not.toContain('after it closes');
      // By keyboard: the link opens the campaign's own panel, with the same count, and takes the focus there.
      const link = glanceRow.locator(`a[data-glance-participation="${campaignId}"]`);
      expect(await link.textContent()).toBe(`Participation in ${CAMPAIGN}`);
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#portfolio h4:has-text("Live participation")');
      expect(await page.textContent('[data-participation-total]')).toBe('13');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Live participation');
      await expectAccessible(page, `portfolio at a glance with a running campaign (${device})`);
      await screenshot(page, `glance-running-${device}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('points to the report once the campaign is closed', async () => {
    const context = await browser.newContext({ ...DESKTOP, storageState: state });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/dashboard.html`);
    expect((await asPage(page, 'POST', `/api/v1/campaigns/${campaignId}/close`)).status).toBe(200);
    // The close takes effect its grace after the ask: let the server's clock past it.
    expect((await fetch(`${e2e.url}${SETTLE_PATH}`, { method: 'POST' })).status).toBe(204);
    const text = await openPanel(page);
    expect(text).toContain('is closed: its counts and results are in the report');
    expect(text).not.toContain('13');
    const href = await page.locator('#portfolio .result a:has-text("report")').getAttribute('href');
    expect(href).toBe(`/report.html#campaign=${encodeURIComponent(campaignId)}`);
    await expectAccessible(page, 'live participation after the close');
    await screenshot(page, 'participation-closed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
