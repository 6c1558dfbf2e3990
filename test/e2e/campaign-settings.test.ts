import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import type { Answers } from '../../shared/response';
import { choiceAnswer } from '../factories';
import { DESKTOP, expectAccessible, launch, PHONE, screenshot, signInByMail, watchErrors } from './support';

// Issue 16: a consultant changes an open campaign's settings in the dashboard (the close date moved, an error under
// its field that the fix clears, the open link turned off and the survey refusing it) and the leadership form loads
// what is stored. Desktop and phone, axe on each new state.

const e2e = inject('e2e');
const CONSULTANT = 'settings-consultant@orgos.example';
let browser: Browser;
let state: Awaited<ReturnType<BrowserContext['storageState']>>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function answers(): Answers {
  const out: Answers = {};
  for (const item of CURRENT_INSTRUMENT.items) out[item.id] = item.type === 'choice' ? choiceAnswer(item, 'profit') : 4;
  return out;
}

const answer = (token: string) =>
  fetch(`${e2e.url}/api/v1/surveys/${token}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      responseId: randomUUID(),
      answers: answers(),
      level: 'frontline',
      department: 'Sales',
      durationS: 400,
    }),
  });

const settingsOf = (page: Page) => page.locator('#portfolio .result', { hasText: 'Settings of Quay survey' });

beforeAll(async () => {
  browser = await launch();
  const res = await fetch(`${e2e.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: CONSULTANT, role: 'consultant', name: 'Sam Settings' }),
  });
  expect(res.status).toBe(201);
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signInByMail(page, e2e.url, e2e.outbox, CONSULTANT);
  state = await context.storageState();
  await context.close();
});
afterAll(() => browser?.close());

describe('an open campaign’s settings, in the dashboard', () => {
  it('moves the close date, turns the open link off (the survey refuses it) and loads the leadership view', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ ...DESKTOP, storageState: state });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${e2e.url}/dashboard.html`);
    await page.waitForSelector('#portfolio:has-text("No organisations yet")');
    await page.fill('#org-name', 'Quay Logistics');
    await page.click('#org-form button[type=submit]');
    await page.waitForSelector('#portfolio h3:has-text("Quay Logistics")');
    await page.fill('#campaign-name', 'Quay survey');
    await page.fill('#campaign-departments', 'Sales\nOperations');
    await page.fill('#campaign-closes', day(10));
    await page.click('#campaign-form button[type=submit]');
    await page.waitForSelector('#campaign-out code.linkbox');
    const surveyUrl = (await page.textContent('#campaign-out code.linkbox'))!;
    const token = surveyUrl.split('/s/')[1]!;
    expect((await answer(token)).status).toBe(201);

    const row = page.locator('#portfolio tr', { has: page.locator('th', { hasText: 'Quay survey' }) });
    await row.locator('button[data-settings]').click();
    const settings = settingsOf(page);
    await expect.poll(() => settings.locator('input[id^=cs-closes-]').inputValue()).toBe(day(10));
    await expectAccessible(page, 'dashboard, open campaign settings');

    // A close date in the past: the API's reason under the field, gone once it is fixed.
    await settings.locator('input[id^=cs-closes-]').fill(day(-2));
    await settings.locator('button[type=submit]').click();
    await expect.poll(() => settings.locator('.field-error').first().textContent()).toContain('in the future');
    expect(await settings.locator('input[id^=cs-closes-]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'dashboard, settings with an error under the close date');
    await settings.locator('input[id^=cs-closes-]').fill(day(20));
    await settings.locator('button[type=submit]').click();
    await expect.poll(() => page.textContent('#portfolio .org-msg')).toContain('“Quay survey” saved');
    await row.locator('button[data-settings]').click();
    await expect.poll(() => settingsOf(page).locator('input[id^=cs-closes-]').inputValue()).toBe(day(20));
    expect(await settingsOf(page).locator('.field-error, [aria-invalid]').count()).toBe(0);

    // The open link off: the survey refuses it at once, the page and the API alike.
    await settingsOf(page).locator('input[id^=cs-open-]').uncheck();
    await settingsOf(page).locator('button[type=submit]').click();
    await expect.poll(() => page.textContent('#portfolio .org-msg')).toContain('no longer takes answers');
    expect(await row.textContent()).toContain('invited only');
    expect((await answer(token)).status).toBe(404);
    const survey = await context.newPage();
    const shown = await survey.goto(surveyUrl);
    expect(shown?.status()).toBe(404);
    await survey.close();

    // The leadership view: saved, then opened again with what is stored filled in.
    await row.locator('button[data-leadership]').click();
    await page.waitForSelector('form[data-leadership] table');
    expect(await page.textContent('form[data-leadership] [data-ld-stored]')).toContain('Nothing is stored yet');
    const selects = page.locator('form[data-leadership] tbody select');
    const n = await selects.count();
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption(i % 2 === 0 ? '4' : '5');
    await page.click('form[data-leadership] button[type=submit]');
    await expect.poll(() => page.textContent('form[data-leadership] .form-status')).toContain('2 leaders');
    await row.locator('button[data-settings]').click();
    await row.locator('button[data-leadership]').click();
    await expect.poll(() => page.textContent('form[data-leadership] [data-ld-stored]')).toContain('Stored: 2 leaders');
    const again = page.locator('form[data-leadership] tbody select');
    expect(await again.nth(0).inputValue()).toBe('4');
    expect(await again.nth(1).inputValue()).toBe('5');
    await expectAccessible(page, 'dashboard, stored leadership view');
    await screenshot(page, 'campaign-settings-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports a failed load of the leadership view as every action does: the reason, or the sign-in', {
    timeout: 60_000,
  }, async () => {
    const context = await browser.newContext({ ...DESKTOP, storageState: state });
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The server answers the leadership view's read with a failure, then with an ended session.
    let answer = { status: 500, detail: 'the store did not answer' };
    await page.route('**/api/v1/campaigns/*/leadership', (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: answer.status,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Failed',
              status: answer.status,
              detail: answer.detail,
            }),
          })
        : route.continue(),
    );
    await page.goto(`${e2e.url}/dashboard.html`);
    const row = page.locator('#portfolio tr', { has: page.locator('th', { hasText: 'Quay survey' }) });
    await row.locator('button[data-leadership]').click();
    await expect.poll(() => page.textContent('#msg')).toContain('Loading the leadership view failed');
    expect(await page.textContent('#portfolio .result')).toContain('The leadership view could not be loaded');
    await expectAccessible(page, 'dashboard, leadership view that failed to load');

    answer = { status: 401, detail: 'sign in' };
    await row.locator('button[data-leadership]').click();
    await expect.poll(() => page.isVisible('#signin')).toBe(true);
    expect(await page.textContent('#signin-msg')).toContain('Your session has ended');
    // Nothing rejected unheard.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone: the settings form fits and stays accessible', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ ...PHONE, storageState: state });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/dashboard.html`);
    const row = page.locator('#portfolio tr', { has: page.locator('th', { hasText: 'Quay survey' }) });
    await row.locator('button[data-settings]').click();
    const settings = settingsOf(page);
    await settings.locator('input[id^=cs-closes-]').waitFor();
    // Nothing of the form runs off the screen.
    const widest = await settings.evaluate((el) =>
      Math.max(...[...el.querySelectorAll('input, button, label')].map((x) => x.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'dashboard on a phone, campaign settings');
    await screenshot(page, 'campaign-settings-phone');
    await context.close();
  });
});
