// The ledger columns of a responses CSV (`orgos template`: ledger_time_1_category, …) through the API's import: the
// entries land in the campaign as the survey's would, the published ledger tables equal what `orgos score` prints for
// the same file, a mapping may name them, and a bad entry is named by row and field with nothing stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { ledgerColumns, storedLedger } from '../../shared/ledger';
import type { SurveyResponse } from '../../shared/response';
import { simulationCsv } from '../../shared/simulation';
import { ledgerResponseArb } from '../factories';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, seedCampaign, startHarness } from '../http/harness';

const I = CURRENT_INSTRUMENT;
// The campaign's departments are the ones generated waits are held by (LEDGER_DEPARTMENTS); labels are on.
const CAMPAIGN = { departments: ['Sales', 'Operations'], ledger: { labels: { keepDays: 30 } } };

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'orgos-import-ledger-'));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(campaignId: string, body: BodyInit) {
  const res = await h.app.request(`/api/v1/campaigns/${campaignId}/imports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}),
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const storedLedgers = async (campaignId: string) =>
  (await h.scanAll())
    .filter((i) => i.campaignId === campaignId && 'answers' in i)
    .map((i) => JSON.stringify(i.ledger ?? null))
    .sort();

// Respondents with a department and at least one answer (an import needs both), most of them with ledger entries.
const responses: SurveyResponse[] = fc
  .sample(ledgerResponseArb, { numRuns: 60, seed: 11 })
  .filter((r) => Object.keys(r.answers).length > 0)
  .map((r, i) => ({ ...r, department: r.department ?? CAMPAIGN.departments[i % 2]! }));

describe('an import with ledger columns', () => {
  it('stores the entries and publishes the ledger tables `orgos score` prints for the same file', async () => {
    expect(responses.filter((r) => r.ledger?.waiting?.length).length).toBeGreaterThan(10);
    const csv = simulationCsv(I, responses, { ledger: true });
    const { campaignId } = await seedCampaign(h.app, CAMPAIGN);
    const imported = await upload(campaignId, csv);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.imported).toBe(responses.length);
    const read = imported.body.columns.read.map((c: { as: string }) => c.as);
    expect(read).toEqual(expect.arrayContaining(ledgerColumns(I)));
    // Each row's entries, labels cleaned as a submission's are.
    expect(await storedLedgers(campaignId)).toEqual(
      responses.map((r) => JSON.stringify(storedLedger(r.ledger) ?? null)).sort(),
    );

    await closeCampaign(h.app, campaignId);
    const report = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
    expect(report.status).toBe(200);
    expect(report.body.ledger.waiting.total).toBeGreaterThan(0);

    const path = join(dir, 'with-ledger.csv');
    writeFileSync(path, csv);
    let stdout = '';
    let stderr = '';
    const code = await run(['score', path, '--json', '--min-group', String(report.body.minGroupSize)], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    expect(code, stderr).toBe(0);
    // The same tables; only the campaign shows labels (it allows them; `orgos score` has no campaign to say so).
    const withoutLabels = (v: unknown): unknown =>
      JSON.parse(JSON.stringify(v), (k, x) => (k === 'labels' ? undefined : k === 'labelsShownFrom' ? null : x));
    expect(report.body.ledger.labelsShownFrom).toBe(10);
    expect(JSON.stringify(report.body.ledger)).toContain('"labels":[{');
    expect(withoutLabels(report.body.ledger)).toEqual(JSON.parse(stdout).ledger);
  });

  it('reads ledger columns a mapping names, and names a bad entry by row and field, storing nothing', async () => {
    const some = responses.filter((r) => r.ledger?.time?.length).slice(0, 4);
    // A tool's own header for the first time sink's kind of work, pointed at its ledger column by the mapping.
    const csv = simulationCsv(I, some, { ledger: true }).replace('ledger_time_1_category', 'Where time goes');
    const { campaignId } = await seedCampaign(h.app, CAMPAIGN);
    const form = new FormData();
    form.append('mapping', JSON.stringify({ columns: { 'Where time goes': 'ledger_time_1_category' } }));
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'export.csv');
    const mapped = await upload(campaignId, form);
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(201);
    expect(mapped.body.columns.read).toContainEqual({ column: 'Where time goes', as: 'ledger_time_1_category' });
    expect(await storedLedgers(campaignId)).toEqual(
      some.map((r) => JSON.stringify(storedLedger(r.ledger) ?? null)).sort(),
    );

    // Row 2 waits on a department the campaign lacks; row 3 names a kind of work it does not list.
    const bad = [
      some[0]!,
      {
        ...some[1]!,
        ledger: { waiting: [{ kind: 'approval', heldBy: { department: 'Legal' }, days: 2, timesPerMonth: 3 }] },
      },
      { ...some[2]!, ledger: { time: [{ category: 'golf', hoursPerWeek: 2 }] } },
    ];
    const other = await seedCampaign(h.app, CAMPAIGN);
    const rejected = await upload(other.campaignId, simulationCsv(I, bad, { ledger: true }));
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors).toEqual([
      {
        field: 'rows[2].ledger.waiting[0].heldBy',
        message: expect.stringContaining('"Legal" is not one of the campaign'),
      },
      { field: 'rows[3]', message: expect.stringMatching(/"ledger_time_1_category": unknown category "golf"/) },
    ]);
    expect(await storedLedgers(other.campaignId)).toEqual([]);
  });
});
