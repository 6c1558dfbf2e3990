import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../functions/api/routes/pages';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, seedCampaign, startHarness } from '../../http/harness';

// The server-rendered survey through the real app and store (dynalite in memory): the path a browser without
// JavaScript takes.

let h: Harness;
let surveyToken: string;
let campaignId: string;

beforeAll(async () => {
  h = await startHarness();
  ({ surveyToken, campaignId } = await seedCampaign(h.app, { languages: ['en', 'de'] }));
});
afterAll(() => h.close());

const form = (fields: Record<string, string>) =>
  h.app.request(`/s/${surveyToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const responseIdOf = (html: string) => html.match(/name="responseId" value="([^"]+)"/)![1]!;

describe('GET /s/{surveyToken}', () => {
  it('renders the survey form in the requested language, uncached, under the CSP', async () => {
    const res = await h.app.request(`/s/${surveyToken}?lang=de`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="de" dir="ltr">/);
    expect(html).toContain('value="Operations"');
    // Only the campaign's languages are offered.
    expect(html).toContain('hreflang="en"');
    expect(html).not.toContain('hreflang="zh"');
    expect(responseIdOf(html)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('falls back to Accept-Language, then to the first language', async () => {
    const de = await h.app.request(`/s/${surveyToken}`, { headers: { 'accept-language': 'fr;q=0.9, de-CH;q=0.8' } });
    expect(await de.text()).toContain('<html lang="de"');
    expect(pickLanguage(['en', 'de'], 'zh', 'zh-CN')).toBe('en');
  });

  it('answers an unknown link with a page, not a stack', async () => {
    const res = await h.app.request('/s/unknown-token-0123456789');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This survey link is not valid');
  });
});

describe('POST /s/{surveyToken} (no JavaScript)', () => {
  it('re-renders with announced errors and the answers kept when the segment is missing', async () => {
    const res = await form({ lang: 'en', responseId: crypto.randomUUID(), roles_split: '4', kn_ask_senior: 'dk' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<a href="#f-level">Choose the position that fits you best.</a>');
    expect(html).toContain('<a href="#f-department">Choose your department.</a>');
    expect(html).toContain('name="roles_split" value="4" checked');
    expect(html).toContain('name="kn_ask_senior" value="dk" checked');
  });

  it('stores one response, shows the receipt, counts a re-send once, and withdraws', async () => {
    const responseId = crypto.randomUUID();
    const fields = {
      lang: 'en',
      responseId,
      startedAt: String(h.clock.now.getTime() - 300_000),
      roles_split: '2',
      wf_escalation: '5',
      sig_capacity_for: 'not_decided',
      level: 'manager',
      department: 'Operations',
    };
    const first = await form(fields);
    expect(first.status).toBe(200);
    const html = await first.text();
    const receipt = html.match(/<code class="receipt">([^<]+)<\/code>/)![1]!;
    expect(html).toContain('/s/withdraw');

    // A double click or a resent form: same id, same content, the same receipt, still one response.
    const again = await form(fields);
    expect(await again.text()).toContain(receipt);

    const stored = (await h.scanAll()).filter((i) => 'answers' in i);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      answers: { roles_split: 2, wf_escalation: 5, sig_capacity_for: 'not_decided' },
      level: 'manager',
      department: 'Operations',
    });
    // The page's 300 s decide the speeding flag (not too fast: no flag); the duration itself is never stored.
    expect(stored[0]).not.toHaveProperty('durationS');
    expect(stored[0]).not.toHaveProperty('tooFast');

    const withdrawn = await h.app.request('/s/withdraw', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ lang: 'en', receipt }).toString(),
    });
    expect(await withdrawn.text()).toContain('Your answers were withdrawn');
    // The report shows no count while the campaign is open: the stored response says it was withdrawn.
    const after = (await h.scanAll()).filter((i) => i.entity === 'response' && i.campaignId === campaignId);
    expect(after).toHaveLength(1);
    expect(after[0]).toHaveProperty('withdrawnAt');

    const unknown = await h.app.request('/s/withdraw', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ lang: 'en', receipt: 'no-such-receipt-0123456789' }).toString(),
    });
    expect(unknown.status).toBe(404);
  });

  it('tells a closed survey apart from an unknown one', async () => {
    const closed = await seedCampaign(h.app, { closesAt: new Date(h.clock.now.getTime() + 60_000).toISOString() });
    h.clock.advance(120_000);
    const res = await h.app.request(`/s/${closed.surveyToken}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This survey is closed');
  });
});

describe('invitation, withdrawal and unsubscribe pages', () => {
  const formPost = (path: string, fields: Record<string, string>) =>
    h.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const answerFields = () => ({
    lang: 'en',
    responseId: crypto.randomUUID(),
    roles_split: '4',
    level: 'frontline',
    department: 'Sales',
  });

  it('says at once that a personal invitation was used, and refuses a second answer with it', async () => {
    const seeded = await seedCampaign(h.app);
    const { body } = await call(h.app, 'POST', `/api/v1/campaigns/${seeded.campaignId}/invites`, {
      token: ADMIN_TOKEN,
      body: { count: 1 },
    });
    const path = new URL(body.links[0]).pathname;
    expect((await h.app.request(path)).status).toBe(200);
    expect((await formPost(path, answerFields())).status).toBe(200);
    const again = await formPost(path, answerFields());
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This personal invitation has already been used to answer');
    const view = await h.app.request(`${path}?lang=de`);
    expect(view.status).toBe(409);
    expect(await view.text()).toContain('Diese persönliche Einladung wurde bereits');
  });

  it('explains that answers can no longer be withdrawn once the campaign has closed', async () => {
    const seeded = await seedCampaign(h.app);
    const page = await (await formPost(`/s/${seeded.surveyToken}`, answerFields())).text();
    const receipt = page.match(/<code class="receipt">([^<]+)<\/code>/)![1]!;
    await closeCampaign(h.app, seeded.campaignId);
    const res = await formPost('/s/withdraw', { lang: 'en', receipt });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('its results are final, so answers can no longer be withdrawn');
  });

  it('stops reminders with a button, not on the visit, and refuses a forged link', async () => {
    const seeded = await seedCampaign(h.app, { languages: ['de', 'en'] });
    await call(h.app, 'POST', `/api/v1/campaigns/${seeded.campaignId}/invites`, {
      token: ADMIN_TOKEN,
      body: { emails: ['kim@example.com'] },
    });
    const mail = h.mail.at(-1)!;
    const path = new URL(mail.headers['List-Unsubscribe']!.slice(1, -1)).pathname;
    const page = await h.app.request(path);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    // In the campaign's first language; the visit alone changes nothing.
    expect(html).toContain('Keine Erinnerungen mehr senden');
    expect(html).toContain(`action="${path}"`);
    const invite = (await h.scanAll()).find((i) => i.entity === 'invite' && i.campaignId === seeded.campaignId)!;
    expect(invite.email).toBe('kim@example.com');

    const done = await formPost(path, { lang: 'en' });
    expect(await done.text()).toContain('you will get no more reminders');
    const after = (await h.scanAll()).find((i) => i.entity === 'invite' && i.campaignId === seeded.campaignId)!;
    expect(after).not.toHaveProperty('email');
    expect(after.unsubscribedAt).toBeTruthy();

    const forged = `${path.slice(0, -4)}AAAA`;
    expect((await h.app.request(forged)).status).toBe(404);
    expect((await formPost(forged, {})).status).toBe(404);
  });
});
