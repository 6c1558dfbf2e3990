import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT, type Instrument } from '../../shared/instrument';
import { simulatePopulation } from '../../shared/simulation';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, startHarness } from '../http/harness';

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
  const campaign = (
    await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'Autumn', departments: DEPARTMENTS, instrumentVersion: instrument.version },
    })
  ).body;
  expect(campaign.instrument?.version ?? instrument.version).toBe(instrument.version);
  const { workforce } = simulatePopulation(instrument, 'replacement_only', {
    n: 60,
    seed: 11,
    leadershipN: 0,
    noise: { departments: DEPARTMENTS },
  });
  for (const r of workforce) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${campaign.surveyToken}/responses`, {
      body: {
        responseId: crypto.randomUUID(),
        answers: r.answers,
        level: r.level,
        department: r.department,
        durationS: r.durationS,
      },
    });
    expect(res.status).toBe(201);
  }
  h.clock.advance(60_000);
  await closeCampaign(h.app, campaign.id);
  const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaign.id}/report`, { token: ADMIN_TOKEN });
  expect(report.status).toBe(200);
  expect(report.body.published).toBe(true);
  return report.body.diagnoses as Diagnosis[];
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
