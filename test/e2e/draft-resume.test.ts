import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { normaliseDraftCode } from '../../functions/api/draft-code';
import { sha256Hex } from '../../functions/api/token-hash';
import type { DynamoStore } from '../../functions/store/dynamo-store';
import { e2eStore, storedResponses } from './server';
import { DESKTOP, expectAccessible, expectAccessibleMarkup, launch, PHONE, screenshot, watchErrors } from './support';

// Issue 16: resume on another device. Answers saved on a phone under a code the respondent keeps come back on a
// desktop from that code alone, are sent once, and the draft is gone afterwards. With the script and without it.

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
const draftOf = (code: string) => db.store.getDraft(sha256Hex(normaliseDraftCode(code)!), new Date());
const submitAndWait = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

/** axe on the page as it is: in the page itself with the script, on its markup in a scripting context without. */
async function accessible(page: Page, js: boolean, label: string): Promise<void> {
  if (js) await expectAccessible(page, label);
  else await expectAccessibleMarkup(browser, surveyUrl, await page.content(), `${label}, no JS`);
}

/** Saves on one device (the first step's answer only) and returns the code shown. */
async function saveOnPhone(javaScriptEnabled: boolean): Promise<string> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(surveyUrl);
  await page.check('#f-roles_split input[value="2"]');
  await submitAndWait(page, '#save-draft');
  const code = (await page.textContent('#draft-code'))!.trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{2}$/);
  expect(await page.isVisible('#draft-saved')).toBe(true);
  // The saved page keeps the answers given so far.
  expect(await page.isChecked('#f-roles_split input[value="2"]')).toBe(true);
  await accessible(page, javaScriptEnabled, 'draft saved');
  await screenshot(page, `draft-saved-phone-${javaScriptEnabled ? 'js' : 'nojs'}`);
  expect(errors).toEqual([]);
  await context.close();
  return code;
}

describe('resume on another device', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`saves on a phone, restores on a desktop from the code, counts once and deletes the draft (js ${javaScriptEnabled})`, async () => {
      const code = await saveOnPhone(javaScriptEnabled);
      expect((await draftOf(code))?.answers).toEqual({ roles_split: 2 });
      const before = await count();

      const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(surveyUrl);
      // A wrong code says so next to the field.
      await page.fill('#f-code', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG');
      await submitAndWait(page, '#restore button');
      expect(await page.textContent('#code-error')).toContain('No saved answers under this code');
      await accessible(page, javaScriptEnabled, 'draft code wrong');

      // Typed as a person would: lower case, spaces instead of dashes.
      await page.fill('#f-code', code.toLowerCase().replace(/-/g, ' '));
      await submitAndWait(page, '#restore button');
      expect(await page.isVisible('#draft-restored')).toBe(true);
      expect(await page.isChecked('#f-roles_split input[value="2"]')).toBe(true);
      await accessible(page, javaScriptEnabled, 'draft restored');
      if (javaScriptEnabled) {
        // One step at a time: on to the last, where the segment questions are.
        while (await page.isHidden('#send')) await page.click('#next');
      }
      await page.check('#f-department input[value="Operations"]');
      await page.check('#f-level input[value="frontline"]');
      if (javaScriptEnabled) {
        await page.click('#send');
        await page.waitForSelector('#done:not([hidden])');
      } else {
        await submitAndWait(page, '#send');
        expect(await page.textContent('h1')).toBeTruthy();
        expect(await page.textContent('body')).toContain('Your receipt code');
      }
      await screenshot(page, `draft-sent-desktop-${javaScriptEnabled ? 'js' : 'nojs'}`);
      expect(await count()).toBe(before + 1);
      // Sent: the draft is gone, and its code says so.
      expect(await draftOf(code)).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
      // On a third device the code no longer brings anything back.
      const other = await browser.newContext({ ...PHONE, javaScriptEnabled });
      const third = await other.newPage();
      await third.goto(surveyUrl);
      await third.fill('#f-code', code);
      await submitAndWait(third, '#restore button');
      expect(await third.textContent('#code-error')).toContain('No saved answers under this code');
      expect(await count()).toBe(before + 1);
      await other.close();
    });
  }
});
