import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT, type Instrument } from '../../shared/instrument';
import { ADMIN_TOKEN, call, type Harness, publishedSimulatedWave, startHarness } from '../http/harness';

// The operating account beside the staff's answers in the published report (issue 10: cash-poor's "nothing on the
// account yet", docs/METHOD.md §5.4): an account holding work none of which freed capacity by the close shows in the
// cash-poor diagnosis's evidence; another organisation's wave of the same answers, with no account, rests on them.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DEPARTMENTS = ['Sales', 'Operations', 'Customer service', 'Finance'];
type Evidence = { source: string; value: number; met: boolean; note?: string };
type Diagnosis = { code: string; evidence: Evidence[]; support: number };

const newOrg = async (name: string): Promise<string> =>
  (await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name } })).body.id;

async function logEntry(orgId: string, clientKey: string, title: string) {
  const res = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/account/entries`, {
    token: ADMIN_TOKEN,
    body: { clientKey, ledger: 'time', title },
  });
  expect(res.status, res.text).toBe(201);
}

async function reportDiagnoses(campaignId: string): Promise<Diagnosis[]> {
  const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
  expect(report.status).toBe(200);
  expect(report.body.published).toBe(true);
  return report.body.diagnoses as Diagnosis[];
}

/** A closed, published wave of the same simulated cash-poor workforce (same seed) in the organisation. */
const publishedWave = async (orgId: string, instrument: Instrument = CURRENT_INSTRUMENT) => {
  const wave = await publishedSimulatedWave(h, orgId, {
    profile: 'cash_poor',
    seed: 7,
    departments: DEPARTMENTS,
    instrument,
  });
  return { campaignId: wave.campaignId, diagnoses: wave.diagnoses as Diagnosis[] };
};

const cashPoor = (diagnoses: Diagnosis[]) => diagnoses.find((d) => d.code === 'cash_poor_trap');
const accountRows = (d: Diagnosis | undefined) => (d?.evidence ?? []).filter((e) => e.source.startsWith('account:'));
const surveyRows = (d: Diagnosis | undefined) => (d?.evidence ?? []).filter((e) => !e.source.startsWith('account:'));

describe('the published report weighs the operating account', () => {
  it('shows work on the account that freed nothing by the close in the cash-poor diagnosis, as it stood then', async () => {
    const kept = await newOrg('Busy but stuck');
    await logEntry(kept, 'entry-decks', 'Month-end decks');
    await logEntry(kept, 'entry-rework', 'Rework of supplier data');
    const plain = await newOrg('Busy, no account');

    const wave = await publishedWave(kept);
    const recorded = cashPoor(wave.diagnoses);
    const perception = cashPoor((await publishedWave(plain)).diagnoses);
    expect(recorded).toBeDefined();
    expect(perception).toBeDefined();
    expect(accountRows(recorded).map((e) => [e.source, e.value, e.met, e.note])).toEqual([
      [
        'account:entries_freed',
        0,
        true,
        'of 2 entries on the operating account at the close; corroborates, never carries',
      ],
    ]);
    expect(surveyRows(recorded)).toEqual(surveyRows(perception));
    expect(accountRows(perception)).toEqual([]);
    expect(recorded!.support).toBeGreaterThanOrEqual(perception!.support);

    // An entry logged after the close is not in that wave's evidence.
    await logEntry(kept, 'entry-status-meetings', 'Status meetings');
    expect(await reportDiagnoses(wave.campaignId)).toEqual(wave.diagnoses);
  });

  it('leaves a 2026.1 wave exactly as it was: the account belongs to the 2026.2 method', async () => {
    const kept = await newOrg('Older busy');
    await logEntry(kept, 'entry-decks', 'Month-end decks');
    const plain = await newOrg('Older plain');
    const recorded = await publishedWave(kept, CORE_INSTRUMENT);
    const perception = await publishedWave(plain, CORE_INSTRUMENT);
    expect(recorded.diagnoses.flatMap((d) => d.evidence).filter((e) => e.source.startsWith('account:'))).toEqual([]);
    expect(recorded.diagnoses).toEqual(perception.diagnoses);
  });
});
