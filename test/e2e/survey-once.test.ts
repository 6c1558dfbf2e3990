import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256Hex } from '../../functions/api/token-hash';
import type { DynamoStore } from '../../functions/store/dynamo-store';
import { e2eStore, storedResponses } from './server';
import { DESKTOP, expectAccessible, expectAccessibleMarkup, launch, PHONE, screenshot, watchErrors } from './support';

// Issue 16, the employee's half: without JavaScript, Back then Send (or a reload, or a second click) is one response;
// on a shared device the next person can answer as themselves, a withdrawal asks first, and a receipt once shown is
// not shown again.

const e2e = inject('e2e');
const surveyUrl = `${e2e.url}/s/${e2e.surveyToken}?lang=en`;
let browser: Browser;
let db: { store: DynamoStore; close(): void };

beforeAll(async () => {
  browser = await launch();
  db = e2eStore(e2e.dynamoEndpoint, e2e.table);
});
afterAll(async () => {
  await browser?.close();
  db?.close();
});

const count = async () => (await storedResponses(db.store, e2e.surveyCampaignId)).length;

async function answerPlainForm(page: Page, rolesSplit: string): Promise<void> {
  await page.check(`#f-roles_split input[value="${rolesSplit}"]`);
  await page.check('#f-department input[value="Operations"]');
  await page.check('#f-level input[value="frontline"]');
}

const send = (page: Page) => Promise.all([page.waitForNavigation(), page.click('#send')]);

describe('survey without JavaScript, sent more than once', () => {
  it('counts Back then Send, a reload and a double click as one response', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(surveyUrl);
    const before = await count();
    const responseId = await page.inputValue('input[name=responseId]');
    await answerPlainForm(page, '2');
    // Two clicks in a row: the second post carries the same response id.
    await Promise.all([page.waitForNavigation(), page.dblclick('#send')]);
    const receipt = (await page.textContent('code.receipt'))!.trim();
    expect(await count()).toBe(before + 1);

    // Back: the survey page is fetched again (no-store), and this browser's answers are already in.
    await page.goBack();
    expect(await page.textContent('main')).toContain('Answers to this survey were already sent from this browser');
    expect(await page.isVisible('#send')).toBe(false);
    // The receipt was shown once and is not shown again.
    expect(await page.textContent('main')).not.toContain(receipt);
    await page.reload();
    expect(await page.textContent('main')).not.toContain(receipt);
    await screenshot(page, 'survey-nojs-answered-here', false);
    await expectAccessibleMarkup(browser, surveyUrl, await page.content(), 'answered from this browser, no JS');

    // A browser that restores the old page whole (bfcache, Forward's re-post) sends its id again: the same response,
    // the same receipt.
    const again = await context.request.post(surveyUrl, {
      form: { lang: 'en', responseId, roles_split: '2', department: 'Operations', level: 'frontline' },
    });
    expect(await again.text()).toContain(receipt);
    expect(await count()).toBe(before + 1);
    expect((await db.store.getResponse(sha256Hex(receipt)))?.withdrawnAt).toBeUndefined();
    await context.close();
  });

  it('lets the next person on a shared device answer, and asks before a withdrawal', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(surveyUrl);
    const before = await count();
    await answerPlainForm(page, '4');
    await send(page);
    const first = (await page.textContent('code.receipt'))!.trim();

    // Person 1's one-tap Withdraw asks first, and withdraws nothing until confirmed.
    await Promise.all([page.waitForNavigation(), page.click('form.withdraw button')]);
    expect(await page.textContent('main')).toContain('Withdraw the answers of this receipt?');
    expect(await page.textContent('main')).not.toContain(first);
    expect((await db.store.getResponse(sha256Hex(first)))?.withdrawnAt).toBeUndefined();
    await screenshot(page, 'survey-nojs-withdraw-ask', false);
    await expectAccessibleMarkup(browser, `${e2e.url}/s/withdraw`, await page.content(), 'withdrawal question, no JS');

    // Person 2 on the same phone: the survey says answers were sent, and offers to answer as another person.
    await page.goto(surveyUrl);
    await Promise.all([page.waitForNavigation(), page.click('#another button')]);
    expect(await page.isVisible('#send')).toBe(true);
    expect(await page.isChecked('#f-roles_split input[value="4"]')).toBe(false);
    await answerPlainForm(page, '1');
    await send(page);
    const second = (await page.textContent('code.receipt'))!.trim();
    expect(second).not.toBe(first);
    expect(await count()).toBe(before + 2);
    expect((await db.store.getResponse(sha256Hex(second)))?.answers?.roles_split).toBe(1);
    expect((await db.store.getResponse(sha256Hex(first)))?.answers?.roles_split).toBe(4);
    await context.close();
  });
});

describe('survey with JavaScript on a shared device', () => {
  it('hides the receipt on a later visit and offers to answer as another person', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(surveyUrl);
    await page.waitForSelector('#progress:not([hidden])');
    const before = await count();
    // Straight to the last step: one answer is enough to send.
    await page.check('#f-roles_split input[value="3"]');
    while (await page.isVisible('#next')) await page.click('#next');
    await page.check('#f-level input[value="manager"]');
    await page.check('#f-department input[value="Sales"]');
    await page.click('#send');
    await page.waitForSelector('#done:not([hidden])');
    const receipt = (await page.textContent('#receipt'))!.trim();
    expect(receipt.length).toBeGreaterThan(16);

    // Back or a reload: the server knows this browser's answer is in; the receipt is out of sight.
    await page.reload();
    await page.waitForSelector('#another');
    expect(await page.textContent('main')).toContain('Answers to this survey were already sent from this browser');
    expect(await page.textContent('body')).not.toContain(receipt);
    await expectAccessible(page, 'answered from this browser');
    await screenshot(page, 'survey-js-answered-here', false);

    await Promise.all([page.waitForNavigation(), page.click('#another button')]);
    await page.waitForSelector('#progress:not([hidden])');
    expect(await page.isHidden('#done')).toBe(true);
    expect(await page.evaluate(() => Object.values({ ...localStorage }).join(''))).not.toContain(receipt);
    expect(await count()).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
