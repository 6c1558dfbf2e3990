// The dashboard's upload form: a Google Forms export into an open campaign, as a consultant would do it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { googleFormsCsv } from '../cli/tool-exports';
import { makeResponses } from '../factories';
import { DESKTOP, expectAccessible, launch, signInByMail, watchErrors } from './support';

const e2e = inject('e2e');
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'orgos-e2e-import-'));

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api(path: string, body: unknown, token = e2e.consultantToken) {
  const res = await fetch(`${e2e.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

describe('dashboard import form', () => {
  it('uploads a survey tool export into an open campaign and says what it read', async () => {
    // A consultant of its own, so its sign-in mail is not held back by the other tests' sign-ins.
    const email = 'import-consultant@example.com';
    await api('/api/v1/users', { email, role: 'consultant' }, e2e.adminToken);
    const responses = makeResponses(12, 31, { departments: ['Sales'] }).map(({ durationS: _, ...r }) => r);
    const file = join(dir, 'google-forms.csv');
    writeFileSync(file, googleFormsCsv(CURRENT_INSTRUMENT, responses).bytes);

    const page = await (await browser.newContext(DESKTOP)).newPage();
    const errors = watchErrors(page);
    await signInByMail(page, e2e.url, e2e.outbox, email);
    // The consultant's own organisation and campaign, made with its session as the dashboard makes them.
    const campaignId = await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
      const post = async (path: string, body: unknown) =>
        (
          await fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify(body),
          })
        ).json();
      const org = await post('/api/v1/orgs', { name: 'Import Test GmbH' });
      return (await post(`/api/v1/orgs/${org.id}/campaigns`, { name: 'Imported wave', departments: ['Sales'] })).id;
    });
    const campaign = { id: campaignId as string };
    await page.click('#import-refresh');
    await page.waitForSelector(`#import-campaign option[value="${campaign.id}"]`, { state: 'attached' });
    await page.selectOption('#import-campaign', campaign.id);
    await page.setInputFiles('#import-file', file);
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector('#import-out:has-text("rows imported")');
    const said = await page.textContent('#import-out');
    expect(said).toContain('12 of 12 rows imported');
    expect(said).toContain('Identifying, never read: Email Address');
    await expectAccessible(page, 'dashboard after an import');
    expect(errors).toEqual([]);
  });
});
