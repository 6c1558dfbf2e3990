import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../functions/store/dynamo-store';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT, type Instrument } from '../../shared/instrument';
import { ADMIN_TOKEN, call, type Harness, publishedSimulatedWave, startHarness } from '../http/harness';

// The stage-two register beside the staff's answers in the published report (issue 11, docs/METHOD.md §7.5): a flow
// AI handles with no human exit shows in the replacement-only diagnosis's evidence; another organisation's wave of
// the same answers, without a register, rests on them alone.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DEPARTMENTS = ['Sales', 'Operations', 'Customer service', 'Finance'];
type Evidence = { source: string; value: number; met: boolean };
type Diagnosis = { code: string; evidence: Evidence[]; support: number };

async function publishedWave(orgId: string, instrument: Instrument = CURRENT_INSTRUMENT): Promise<Diagnosis[]> {
  return (await publishedWaveWithId(orgId, instrument)).diagnoses;
}

async function reportDiagnoses(campaignId: string): Promise<Diagnosis[]> {
  const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
  expect(report.status).toBe(200);
  return report.body.diagnoses as Diagnosis[];
}

const registerOf = (diagnoses: Diagnosis[]) =>
  (diagnoses.find((d) => d.code === 'replacement_only')?.evidence ?? [])
    .filter((e) => e.source.startsWith('register:'))
    .map((e) => [e.source, e.value, e.met]);

/** A store over the same table whose account item writes die after their change record landed (a crash between). */
function crashingStore(): DynamoStore {
  const client = new DynamoDBClient({
    endpoint: h.dynamo.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Item?: { entity?: { S?: string } } };
      if (input.Item?.entity?.S === 'accountItem') {
        throw Object.assign(new Error('the request socket timed out'), { name: 'TimeoutError' });
      }
      return next(args);
    },
    { step: 'build' },
  );
  return new DynamoStore(client, h.table);
}

async function publishedWaveWithId(
  orgId: string,
  instrument: Instrument = CURRENT_INSTRUMENT,
): Promise<{ campaignId: string; diagnoses: Diagnosis[] }> {
  const wave = await publishedSimulatedWave(h, orgId, {
    profile: 'replacement_only',
    seed: 11,
    departments: DEPARTMENTS,
    instrument,
    name: 'Autumn',
  });
  return { campaignId: wave.campaignId, diagnoses: wave.diagnoses as Diagnosis[] };
}

describe('the published report weighs the stage-two register', () => {
  it('shows a flow without a human exit as evidence in the replacement-only diagnosis', async () => {
    const withRegister = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Klarnish' } }))
      .body;
    const flow = await call(h.app, 'POST', `/api/v1/orgs/${withRegister.id}/account/flows`, {
      token: ADMIN_TOKEN,
      body: { clientKey: 'refund-chat', name: 'Refund chat', triggerOwner: 'Head of operations', signals: [] },
    });
    expect(flow.status).toBe(201);
    const alone = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Plain' } })).body;

    const recorded = (await publishedWave(withRegister.id)).find((d) => d.code === 'replacement_only');
    const perception = (await publishedWave(alone.id)).find((d) => d.code === 'replacement_only');
    expect(recorded).toBeDefined();
    expect(perception).toBeDefined();
    const register = (d: Diagnosis) => d.evidence.filter((e) => e.source.startsWith('register:'));
    expect(register(recorded!).map((e) => [e.source, e.value, e.met])).toEqual([
      ['register:no_human_exit', 1, true],
      ['register:no_trigger_owner', 0, false],
      ['register:no_threshold', 1, true],
      ['register:past_threshold', 0, false],
    ]);
    // Beside the perception rows, which are the same answers' in both reports.
    const survey = (d: Diagnosis) => d.evidence.filter((e) => !e.source.startsWith('register:'));
    expect(survey(recorded!)).toEqual(survey(perception!));
    expect(survey(recorded!).find((e) => e.source === 'signal:human_safeguards')?.met).toBe(true);
    expect(register(perception!)).toEqual([]);
    expect(recorded!.support).toBeGreaterThanOrEqual(perception!.support);
  });

  it('leaves a 2026.1 wave exactly as it was: the register belongs to the 2026.2 method', async () => {
    const org = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Older' } })).body;
    const plain = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Older plain' } }))
      .body;
    const flow = await call(h.app, 'POST', `/api/v1/orgs/${org.id}/account/flows`, {
      token: ADMIN_TOKEN,
      body: { clientKey: 'refund-chat', name: 'Refund chat', signals: [] },
    });
    expect(flow.status).toBe(201);
    const recorded = await publishedWave(org.id, CORE_INSTRUMENT);
    const perception = await publishedWave(plain.id, CORE_INSTRUMENT);
    expect(recorded.flatMap((d) => d.evidence).filter((e) => e.source.startsWith('register:'))).toEqual([]);
    expect(recorded).toEqual(perception);
  });
});

describe('each wave reads the register as it stood at its close', () => {
  it('keeps a closed wave as it was when a flow is edited or recorded later; the next wave sees the edits', async () => {
    const org = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Editing' } })).body;
    const base = `/api/v1/orgs/${org.id}/account/flows`;
    const chat = await call(h.app, 'POST', base, {
      token: ADMIN_TOKEN,
      body: { clientKey: 'refund-chat', name: 'Refund chat', triggerOwner: 'Head of operations', signals: [] },
    });
    expect(chat.status).toBe(201);
    const first = await publishedWaveWithId(org.id);
    expect(registerOf(first.diagnoses)).toEqual([
      ['register:no_human_exit', 1, true],
      ['register:no_trigger_owner', 0, false],
      ['register:no_threshold', 1, true],
      ['register:past_threshold', 0, false],
    ]);

    // After the close: the chat gets its human exit, and a new flow without a trigger owner is recorded.
    const edit = await call(h.app, 'PATCH', `${base}/${chat.body.id}`, {
      token: ADMIN_TOKEN,
      body: { version: 1, humanExit: 'A person on the phone line, one tap away' },
    });
    expect(edit.status, edit.text).toBe(200);
    const invoices = await call(h.app, 'POST', base, {
      token: ADMIN_TOKEN,
      body: { clientKey: 'invoice-bot', name: 'Invoice bot', humanExit: 'Finance desk', signals: [] },
    });
    expect(invoices.status).toBe(201);

    expect(await reportDiagnoses(first.campaignId)).toEqual(first.diagnoses);
    const second = await publishedWaveWithId(org.id);
    expect(registerOf(second.diagnoses)).toEqual([
      ['register:no_human_exit', 0, false],
      ['register:no_trigger_owner', 1, true],
      ['register:no_threshold', 2, true],
      ['register:past_threshold', 0, false],
    ]);
    // Later edits move neither wave.
    const retired = await call(h.app, 'PATCH', `${base}/${invoices.body.id}`, {
      token: ADMIN_TOKEN,
      body: { version: 1, retired: true },
    });
    expect(retired.status).toBe(200);
    expect(await reportDiagnoses(first.campaignId)).toEqual(first.diagnoses);
    expect(await reportDiagnoses(second.campaignId)).toEqual(second.diagnoses);
  });

  it('leaves nothing half-written when a PATCH dies between its change record and the flow', async () => {
    const org = (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Crashing' } })).body;
    const base = `/api/v1/orgs/${org.id}/account/flows`;
    const chat = await call(h.app, 'POST', base, {
      token: ADMIN_TOKEN,
      body: { clientKey: 'refund-chat', name: 'Refund chat', signals: [] },
    });
    const wave = await publishedWaveWithId(org.id);
    const edit = await call(h.app, 'PATCH', `${base}/${chat.body.id}`, {
      token: ADMIN_TOKEN,
      body: { version: 1, triggerOwner: 'Head of service' },
    });
    expect(edit.status).toBe(200);

    const crashing = h.withDeps({ store: crashingStore() });
    const failed = await call(crashing, 'PATCH', `${base}/${chat.body.id}`, {
      token: ADMIN_TOKEN,
      body: { version: 2, humanExit: 'Phone line' },
    });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const stored = await call(h.app, 'GET', `${base}/${chat.body.id}`, { token: ADMIN_TOKEN });
    expect(stored.body).toMatchObject({ version: 2, humanExit: null, triggerOwner: 'Head of service' });
    expect(stored.body.history.map((c: { version: number }) => c.version)).toEqual([1, 2]);
    // The orphaned change record is on no chain: the closed wave still reads the flow as it was at its close.
    expect((await h.store.listAccountChangesOfKind(org.id, 'flow')).length).toBe(3);
    expect(await reportDiagnoses(wave.campaignId)).toEqual(wave.diagnoses);
    // And the retry goes through on the version the client holds.
    const retry = await call(h.app, 'PATCH', `${base}/${chat.body.id}`, {
      token: ADMIN_TOKEN,
      body: { version: 2, humanExit: 'Phone line' },
    });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body.version).toBe(3);
  });
});
