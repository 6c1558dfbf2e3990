import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256Hex } from '../../functions/api/token-hash';
import type { DynamoStore } from '../../functions/store/dynamo-store';
import { e2eStore, storedResponses } from './server';
import {
  DESKTOP,
  expectAccessible,
  expectAccessibleMarkup,
  launch,
  PHONE,
  screenshot,
  tabTo,
  watchErrors,
} from './support';

const e2e = inject('e2e');
const surveyUrl = `${e2e.url}/s/${e2e.surveyToken}`;
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

/** Which option each question gets: the `index`-th radio of its group (5 is "don't know" on a likert item). */
function planFor(fieldsetId: string, position: number): number {
  if (fieldsetId === 'f-level') return 1;
  if (fieldsetId === 'f-department') return 2;
  if (fieldsetId === 'f-sig_capacity_use') return 4;
  return position % 6;
}

async function visibleStep(page: Page): Promise<{ id: string; fieldsets: string[] }> {
  return page.evaluate(() => {
    const step = [...document.querySelectorAll<HTMLElement>('.step')].find((s) => !s.hidden)!;
    return { id: step.id, fieldsets: [...step.querySelectorAll('fieldset')].map((f) => f.id) };
  });
}

/** Tabs to a select and picks its `index`-th option (1 = the first after the empty one) with the arrow keys. */
async function chooseByKeyboard(page: Page, selector: string, index: number): Promise<void> {
  await tabTo(page, selector);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  expect(await page.$eval(selector, (el) => (el as HTMLSelectElement).selectedIndex)).toBe(index);
}

/** The stored response behind a receipt. */
async function responseOf(receipt: string) {
  const r = await db.store.getResponse(sha256Hex(receipt));
  if (!r) throw new Error('no response stored for the receipt');
  return r;
}

describe('survey with JavaScript', () => {
  it('can be completed with the keyboard alone, one step at a time, and withdrawn the same way', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${surveyUrl}?lang=en`);
    await expect.poll(() => page.isVisible('#progress')).toBe(true);
    expect(await page.isHidden('#s2')).toBe(true);
    await expectAccessible(page, 'survey, first step');

    // The first Tab reaches the skip link; following it lands in the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');

    const expected: Record<string, string> = {};
    let position = 0;
    let steps = 0;
    for (;;) {
      const step = await visibleStep(page);
      steps++;
      expect(await page.textContent('#bar-label')).toMatch(new RegExp(`^Step ${steps} of \\d+$`));
      for (const fieldset of step.fieldsets) {
        if (fieldset.startsWith('f-ledger_')) {
          // The ledger step, by keyboard: one time sink and one wait, knowledge skipped (every part is optional).
          if (fieldset === 'f-ledger_time') {
            await chooseByKeyboard(page, '#f-ledger_time_1_category', 5);
            await tabTo(page, '#f-ledger_time_1_hours');
            await page.keyboard.type('6.5');
            await chooseByKeyboard(page, '#f-ledger_time_1_reason', 1);
          }
          if (fieldset === 'f-ledger_waiting') {
            await chooseByKeyboard(page, '#f-ledger_waiting_1_kind', 1);
            await chooseByKeyboard(page, '#f-ledger_waiting_1_held_by', 4);
            await tabTo(page, '#f-ledger_waiting_1_days');
            await page.keyboard.type('3');
            await tabTo(page, '#f-ledger_waiting_1_times');
            await page.keyboard.type('4');
            await screenshot(page, 'survey-js-ledger-step', false);
            await expectAccessible(page, 'survey, ledger step');
          }
          continue;
        }
        await tabTo(page, `#${fieldset} input`);
        if (position === 0) {
          // Focus is visible: the focused option's label draws an outline.
          const outline = await page.evaluate(
            () => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle,
          );
          expect(outline).toBe('solid');
          await screenshot(page, 'survey-js-keyboard-focus', false);
        }
        const index = planFor(fieldset, position++);
        await page.keyboard.press('Space');
        for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
        const value = await page.evaluate(
          (f) => document.querySelector<HTMLInputElement>(`#${f} input:checked`)?.value,
          fieldset,
        );
        const radios = await page.$$eval(`#${fieldset} input`, (els) => els.map((e) => (e as HTMLInputElement).value));
        expect(value).toBe(radios[index]);
        expected[fieldset.slice(2)] = value!;
      }
      if (await page.isVisible('#next')) {
        await tabTo(page, '#next');
        await page.keyboard.press('Enter');
        // Focus moves to the new step's heading, so a screen reader announces it.
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
        if (steps === 3) await screenshot(page, 'survey-js-step-3', false);
        continue;
      }
      await screenshot(page, 'survey-js-last-step');
      await tabTo(page, '#send');
      await page.keyboard.press('Enter');
      break;
    }
    // Five layers, three signal steps, the ledger step, and the questions about the respondent.
    expect(steps).toBe(10);

    await page.waitForSelector('#done:not([hidden])');
    const receipt = (await page.textContent('#receipt'))!.trim();
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('done-h');
    await screenshot(page, 'survey-js-receipt');
    await expectAccessible(page, 'survey, receipt');

    const stored = await responseOf(receipt);
    const { level, department, ...answers } = expected;
    expect(stored.level).toBe(level);
    expect(stored.department).toBe(department);
    expect(stored.answers).toEqual(
      Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, /^[1-5]$/.test(v) ? Number(v) : v])),
    );
    // The fifth kind of work, the first reason, the first kind of wait held by the fourth department.
    expect(stored.ledger).toEqual({
      time: [{ category: 'rework', hoursPerWeek: 6.5, reason: 'only_me' }],
      waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4 }],
    });

    // Withdrawing asks first (on a shared device the receipt may be someone else's), then withdraws.
    await tabTo(page, '#withdraw');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#wstatus')).toContain('Choose the button again to confirm');
    expect((await responseOf(receipt)).withdrawnAt).toBeUndefined();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#wstatus')).toContain('withdrawn');
    expect((await responseOf(receipt)).withdrawnAt).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loses no answer when the tab is closed and the connection drops, and sends once when it is back', async () => {
    const context = await browser.newContext(PHONE);
    let page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(surveyUrl);
    await page.waitForSelector('#progress:not([hidden])');
    const given: Record<string, string> = {};
    const answerStep = async (p: Page) => {
      const step = await visibleStep(p);
      for (const [i, fieldset] of step.fieldsets.entries()) {
        // The ledger step is optional and skippable whole: this journey leaves it empty.
        if (fieldset.startsWith('f-ledger')) continue;
        const values = await p.$$eval(`#${fieldset} input`, (els) => els.map((e) => (e as HTMLInputElement).value));
        const value = values[fieldset === 'f-level' ? 0 : (i + 2) % values.length]!;
        await p.check(`#${fieldset} input[value="${value}"]`);
        given[fieldset.slice(2)] = value;
      }
    };
    await answerStep(page);
    await page.click('#next');
    await answerStep(page);
    await page.click('#next');

    // The tab is closed mid-way; a new one resumes on the same step with every answer in place.
    await page.close();
    page = await context.newPage();
    errors.push(...watchErrors(page));
    await page.goto(surveyUrl);
    await page.waitForSelector('#progress:not([hidden])');
    expect((await visibleStep(page)).id).toBe('s3');
    for (const [name, value] of Object.entries(given)) {
      expect(await page.isChecked(`#f-${name} input[value="${value}"]`), name).toBe(true);
    }

    // The connection drops: every call to the survey API fails from here on.
    let aborted = 0;
    await page.route('**/api/v1/surveys/**', (route) => {
      aborted++;
      return route.abort();
    });
    while (await page.isVisible('#next')) {
      await answerStep(page);
      await page.click('#next');
    }
    await answerStep(page);
    const before = (await storedResponses(db.store, e2e.surveyCampaignId)).length;
    await page.click('#send');
    await expect.poll(() => page.textContent('#status')).toContain('No connection');
    await expect.poll(() => aborted, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'survey-js-offline-retrying');

    // Still offline, the page is reloaded: it picks up the pending submission and keeps trying.
    await page.reload();
    await expect.poll(() => page.textContent('#status')).toContain('No connection');
    const abortedBeforeUnroute = aborted;
    expect(abortedBeforeUnroute).toBeGreaterThanOrEqual(3);

    await page.unroute('**/api/v1/surveys/**');
    await page.waitForSelector('#done:not([hidden])', { timeout: 45_000 });
    const receipt = (await page.textContent('#receipt'))!.trim();
    const stored = await responseOf(receipt);
    const { level, department, ...answers } = given;
    expect(stored.level).toBe(level);
    expect(stored.department).toBe(department);
    expect(stored.answers).toEqual(
      Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, /^[1-5]$/.test(v) ? Number(v) : v])),
    );
    expect((await storedResponses(db.store, e2e.surveyCampaignId)).length).toBe(before + 1);
    // The answers leave the browser once confirmed: only the receipt stays, to show it again.
    const saved = await page.evaluate(() => Object.values({ ...localStorage }).join(''));
    expect(saved).toContain(receipt);
    expect(saved).not.toContain('"answers":{"');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches language with lang and dir set, keeping the answers given', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${surveyUrl}?lang=en`);
    await page.waitForSelector('#progress:not([hidden])');
    await page.check('#f-roles_split input[value="4"]');
    await page.click('a[hreflang="zh"]');
    await page.waitForURL(/lang=zh/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('#send')).toBe('提交我的回答');
    expect(await page.isChecked('#f-roles_split input[value="4"]')).toBe(true);
    await screenshot(page, 'survey-js-zh', false);
    await expectAccessible(page, 'survey in Chinese');
    await context.close();
  });
});

describe('survey without JavaScript', () => {
  it('is one plain form that posts, announces what is missing, and confirms with a receipt', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(surveyUrl);
    // Every step is on the page at once, with no progress bar or step buttons.
    expect(await page.isVisible('#s1')).toBe(true);
    expect(await page.isVisible('#s10')).toBe(true);
    expect(await page.isVisible('#progress')).toBe(false);
    expect(await page.isVisible('#next')).toBe(false);
    await screenshot(page, 'survey-nojs-form', false);
    await expectAccessibleMarkup(browser, surveyUrl, await page.content(), 'survey without JavaScript');

    await page.check('#f-roles_split input[value="2"]');
    await page.check('#f-kn_ask_senior input[value="dk"]');
    await page.check('#f-sig_capacity_for input[value="fewer_people"]');
    await page.check('#f-department input[value="Operations"]');
    // Without a position the browser's own check stops the post; remove it to see the server's answer too.
    await page.$$eval('#f-level input', (els) => {
      for (const el of els) el.removeAttribute('required');
    });
    await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(await page.isVisible('#errors')).toBe(true);
    expect(await page.textContent('#errors')).toContain('Choose the position that fits you best.');
    expect(await page.isChecked('#f-roles_split input[value="2"]')).toBe(true);
    await screenshot(page, 'survey-nojs-error', false);
    await expectAccessibleMarkup(browser, surveyUrl, await page.content(), 'survey without JavaScript, with an error');

    // The ledger step without JavaScript: a wait in entry 1, a second one behind the disclosure, hours out of range.
    await page.selectOption('#f-ledger_waiting_1_kind', 'boss_decision');
    await page.selectOption('#f-ledger_waiting_1_held_by', 'level:executive');
    await page.fill('#f-ledger_waiting_1_days', '5');
    await page.fill('#f-ledger_waiting_1_times', '2');
    await page.click('#f-ledger_time details.more summary');
    await page.selectOption('#f-ledger_time_2_category', 'searching');
    await page.fill('#f-ledger_time_2_hours', '45');
    // The browser's own range check would stop the post; remove it to see the server's answer.
    await page.$eval('#f-ledger_time_2_hours', (el) => el.removeAttribute('max'));
    await page.check('#f-level input[value="frontline"]');
    await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(await page.textContent('#errors')).toContain('expected a number from 0 to 40 in steps of 0.5');
    expect(await page.getAttribute('#f-ledger_time_2_hours', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-ledger_waiting_1_days')).toBe('5');
    await screenshot(page, 'survey-nojs-ledger-error', false);
    await expectAccessibleMarkup(browser, surveyUrl, await page.content(), 'survey without JavaScript, ledger error');
    await page.fill('#f-ledger_time_2_hours', '4.5');
    await Promise.all([page.waitForNavigation(), page.click('#send')]);
    const receipt = (await page.textContent('code.receipt'))!.trim();
    expect(await page.textContent('h1')).toContain('Thank you');
    await screenshot(page, 'survey-nojs-receipt');
    await expectAccessibleMarkup(browser, page.url(), await page.content(), 'receipt without JavaScript');
    const stored = await responseOf(receipt);
    expect(stored).toMatchObject({
      answers: { roles_split: 2, kn_ask_senior: 'dk', sig_capacity_for: 'fewer_people' },
      level: 'frontline',
      department: 'Operations',
      ledger: {
        time: [{ category: 'searching', hoursPerWeek: 4.5 }],
        waiting: [{ kind: 'boss_decision', heldBy: { level: 'executive' }, days: 5, timesPerMonth: 2 }],
      },
    });

    await Promise.all([page.waitForNavigation(), page.click('form.withdraw button')]);
    expect(await page.textContent('main')).toContain('Your answers were withdrawn');
    expect((await responseOf(receipt)).withdrawnAt).toBeTruthy();
    await expectAccessibleMarkup(browser, `${e2e.url}/s/withdraw`, await page.content(), 'withdrawal page');
    await context.close();
  });
});
