import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRecord } from '../../functions/store/store';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  seedCampaign,
  startHarness,
} from '../http/harness';

// Red-team findings 12 and 13 of issue 17: names people type that become keys. A department named `constructor`
// answered 500 (the DynamoDB marshaller took the object for a class instance), `__proto__` vanished without a word,
// lone surrogates and NUL were stored; `Customer  service` (two spaces) was collapsed by the survey's <select> and
// then refused, and NFC/NFD twins or a trailing zero-width space made two departments of one.

let h: Harness;
let orgId: string;
beforeAll(async () => {
  h = await startHarness();
  orgId = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Keys Ltd' } })).body.id;
});
afterAll(() => h.close());

/** A raw JSON body: `__proto__` must reach the server as an own key, which JSON.stringify of an object cannot do. */
const raw = (method: string, path: string, json: string) =>
  call(h.app, method, path, { token: ADMIN_TOKEN, body: json });
const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

describe('department names that are object keys', () => {
  it('stores and returns profile departments named like Object.prototype members', async () => {
    const byDepartment = { constructor: 3, toString: 2, hasOwnProperty: 1, valueOf: 4, Sales: 10 };
    const res = await call(h.app, 'PUT', `/api/v1/orgs/${orgId}/profile`, {
      token: ADMIN_TOKEN,
      body: { headcount: { byDepartment } },
    });
    expect(res.status).toBe(200);
    const back = await call(h.app, 'GET', `/api/v1/orgs/${orgId}/profile`, { token: ADMIN_TOKEN });
    expect(back.body.profile.headcount.byDepartment).toEqual(byDepartment);
  });

  it('refuses __proto__, NUL and lone surrogates as keys, naming the field, and stores nothing of them', async () => {
    const path = `/api/v1/orgs/${orgId}/profile`;
    const proto = await raw('PUT', path, '{"headcount":{"byDepartment":{"Sales":2,"__proto__":3}}}');
    expect(proto.status).toBe(400);
    expect(fields(proto)).toEqual(['headcount.byDepartment.__proto__']);
    const nul = await raw('PUT', path, '{"headcount":{"byDepartment":{"a\\u0000b":1}}}');
    expect(nul.status).toBe(400);
    expect(fields(nul)).toEqual(['headcount.byDepartment.a\u0000b']);
    const surrogate = await raw('PUT', path, '{"headcount":{"byDepartment":{"\\ud800":1}}}');
    expect(surrogate.status).toBe(400);
    const answers = await raw(
      'POST',
      `/api/v1/surveys/${(await seedCampaign(h.app)).surveyToken}/responses`,
      JSON.stringify(makeSubmission()).replace('"answers":{', '"answers":{"__proto__":3,'),
    );
    expect(answers.status).toBe(400);
    expect(fields(answers)).toEqual(['answers.__proto__']);
    // The profile stored by the previous test is untouched.
    const back = await call(h.app, 'GET', path, { token: ADMIN_TOKEN });
    expect(Object.keys(back.body.profile.headcount.byDepartment)).not.toContain('__proto__');
  });

  it('runs a campaign whose departments are named constructor and toString, to the published report', async () => {
    const refused = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Proto', departments: ['Sales', '__proto__'] },
    });
    expect(refused.status).toBe(400);
    expect(fields(refused)).toEqual(['departments[1]']);
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: ['constructor', 'toString'] });
    for (const department of ['constructor', 'toString']) {
      for (let i = 0; i < 5; i++) {
        const res = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
          body: makeSubmission({ department, answers: makeAnswers(3) }),
        });
        expect(res.status).toBe(201);
      }
    }
    await closeCampaign(h.app, campaignId);
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    expect(report.status).toBe(200);
    expect(report.body.segments.department.map((s: { name: string; n: number }) => [s.name, s.n])).toEqual([
      ['constructor', 5],
      ['toString', 5],
    ]);
  });
});

describe('department names that look alike', () => {
  const many = ['Customer  service', 'Cafe\u0301', 'Sales\u200b', 'Ops', 'Legal', 'IT', 'HR', 'Finance', 'R&D'];

  it('normalises them when the campaign is made, and refuses twins', async () => {
    const made = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Alike', departments: many },
    });
    expect(made.status).toBe(201);
    expect(made.body.departments.slice(0, 3)).toEqual(['Customer service', 'Café', 'Sales']);
    for (const twins of [
      ['Sales', 'Sales\u200b'],
      ['Café', 'Cafe\u0301'],
      ['Customer service', 'customer\u00a0 service'],
    ]) {
      const res = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
        token: ADMIN_TOKEN,
        body: { name: 'Twins', departments: twins },
      });
      expect(res.status, twins.join(' / ')).toBe(400);
      // The second of the twins is the one named.
      expect(fields(res)).toEqual(['departments[1]']);
    }
    // The profile's headcount keys are normalised the same way, so they match the campaign's names.
    const profile = await call(h.app, 'PUT', `/api/v1/orgs/${orgId}/profile`, {
      token: ADMIN_TOKEN,
      body: { headcount: { byDepartment: { 'Customer  service\u200b': 7 } } },
    });
    expect(profile.body.profile.headcount.byDepartment).toEqual({ 'Customer service': 7 });
  });

  it('gives the survey select explicit values, so a name with two spaces from before is still answered', async () => {
    // A campaign made before names were normalised, as it is stored.
    const { campaignId, surveyToken } = await seedCampaign(h.app, { departments: many });
    const stored = (await h.store.getCampaign(campaignId))!;
    const legacy: CampaignRecord = { ...stored, departments: ['Customer  service', ...stored.departments.slice(1)] };
    await overwriteCampaign(legacy);

    const page = await (await h.app.request(`/s/${surveyToken}`)).text();
    expect(page).toContain('<option value="Customer  service">Customer  service</option>');
    const form = new URLSearchParams({
      lang: 'en',
      responseId: crypto.randomUUID(),
      startedAt: String(h.clock.now.getTime() - 60_000),
      roles_split: '3',
      level: 'frontline',
      department: 'Customer  service',
    });
    const posted = await h.app.request(`/s/${surveyToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('class="receipt"');
    // A client that sends the name with one space is answered too, under the campaign's spelling.
    const json = await call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, {
      body: makeSubmission({ department: 'Customer service' }),
    });
    expect(json.status).toBe(201);
    const responses = (await h.scanAll()).filter((i) => i.entity === 'response' && i.campaignId === campaignId);
    expect(responses.map((r) => r.department)).toEqual(['Customer  service', 'Customer  service']);
  });
});

/** Writes the departments straight into the campaign item, as a version before normalisation stored them. */
async function overwriteCampaign(campaign: CampaignRecord): Promise<void> {
  const doc = DynamoDBDocumentClient.from(h.dynamo.client);
  await doc.send(
    new UpdateCommand({
      TableName: h.table,
      Key: { PK: `CAMP#${campaign.id}`, SK: 'CAMP' },
      UpdateExpression: 'SET departments = :d',
      ExpressionAttributeValues: { ':d': campaign.departments },
    }),
  );
}
