import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../functions/api/token-hash';
import { type Harness, seedCampaign, startHarness } from '../../http/harness';

// The plain form's response id survives what a browser fetches again (Back, reload): it is kept in a cookie for the
// survey's path, so sending again is the same response. Through the real app and store (dynalite in memory).

let h: Harness;
let surveyToken: string;

beforeAll(async () => {
  h = await startHarness();
  ({ surveyToken } = await seedCampaign(h.app));
});
afterAll(() => h.close());

const post = (path: string, fields: Record<string, string>, cookie = '') =>
  h.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
const get = (cookie = '') => h.app.request(`/s/${surveyToken}?lang=en`, cookie ? { headers: { cookie } } : {});
const responseIdOf = (html: string) => html.match(/name="responseId" value="([^"]+)"/)?.[1];
const receiptOf = (html: string) => html.match(/<code class="receipt">([^<]+)<\/code>/)?.[1];
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
const responses = async () => (await h.scanAll()).filter((i) => i.entity === 'response').length;

describe('the plain survey form, sent again', () => {
  it('keeps one response id across fetches, and shows no form once its answers are in', async () => {
    const first = await get();
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`Path=/s/${surveyToken}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = cookieOf(first);
    const id = responseIdOf(await first.text())!;
    expect(responseIdOf(await (await get(cookie)).text())).toBe(id);

    const before = await responses();
    const fields = { lang: 'en', responseId: id, startedAt: String(h.clock.now.getTime()), roles_split: '4' };
    const sent = await post(`/s/${surveyToken}`, { ...fields, level: 'frontline', department: 'Sales' }, cookie);
    const receipt = receiptOf(await sent.text())!;
    // Sent again a minute later (a restored page): the same response and receipt, though the duration grew.
    h.clock.advance(60_000);
    const again = await post(`/s/${surveyToken}`, { ...fields, level: 'frontline', department: 'Sales' }, cookie);
    expect(receiptOf(await again.text())).toBe(receipt);
    expect(await responses()).toBe(before + 1);

    // Back or reload: no form to answer twice, and the receipt is not shown again.
    const later = await (await get(cookie)).text();
    expect(later).toContain('Answers to this survey were already sent from this browser');
    expect(responseIdOf(later)).toBeUndefined();
    expect(later).not.toContain(receipt);

    // The next person on the device: a new id, and the survey afresh.
    const another = await post(`/s/${surveyToken}/another`, { lang: 'en' }, cookie);
    expect(another.status).toBe(303);
    expect(another.headers.get('location')).toBe(`/s/${surveyToken}?lang=en`);
    const fresh = await (await get(cookieOf(another))).text();
    expect(responseIdOf(fresh)).toMatch(/^[0-9a-f-]{36}$/);
    expect(responseIdOf(fresh)).not.toBe(id);
  });

  it("asks before the receipt page's button withdraws", async () => {
    const id = crypto.randomUUID();
    const sent = await post(`/s/${surveyToken}`, {
      lang: 'en',
      responseId: id,
      roles_split: '2',
      level: 'manager',
      department: 'Sales',
    });
    const html = await sent.text();
    const receipt = receiptOf(html)!;
    expect(html).toContain('name="ask" value="1"');
    const ask = await post('/s/withdraw', { lang: 'en', receipt, ask: '1' });
    expect(await ask.text()).toContain('Withdraw the answers of this receipt?');
    expect((await h.store.getResponse(sha256Hex(receipt)))?.withdrawnAt).toBeUndefined();
    const done = await post('/s/withdraw', { lang: 'en', receipt, confirm: 'yes' });
    expect(await done.text()).toContain('Your answers were withdrawn');
    expect((await h.store.getResponse(sha256Hex(receipt)))?.withdrawnAt).toBeTruthy();

    // A withdrawn response's id is spent: this browser gets a fresh form, not "already sent".
    const cookie = `orgos_response=${id}`;
    const after = await get(cookie);
    expect(responseIdOf(await after.text())).not.toBe(id);
  });
});
