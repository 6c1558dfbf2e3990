// POST /api/v1/campaigns/{id}/imports: a survey tool's export uploaded into a campaign becomes responses exactly as
// the same answers submitted through the survey would; a bad file stores nothing; the same file twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import type { SurveyResponse } from '../../shared/response';
import { limeSurveyCsv, microsoftFormsExcelCsv, qualtricsCsv } from '../cli/tool-exports';
import { makeResponses } from '../factories';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, seedCampaign, startHarness } from '../http/harness';

const instrument = CURRENT_INSTRUMENT;
const DEPARTMENTS = ['Vertrieb', 'Geschäftsführung'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function upload(campaignId: string, body: BodyInit | Uint8Array, contentType?: string, token = ADMIN_TOKEN) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (contentType) headers['content-type'] = contentType;
  const res = await h.app.request(`/api/v1/campaigns/${campaignId}/imports`, {
    method: 'POST',
    headers,
    body: body as BodyInit,
  });
  return { status: res.status, body: await res.json() };
}

function form(file: Uint8Array, mapping?: unknown): FormData {
  const data = new FormData();
  if (mapping !== undefined) data.append('mapping', JSON.stringify(mapping));
  data.append('file', new Blob([Buffer.from(file)], { type: 'text/csv' }), 'export.csv');
  return data;
}

const responseItems = async (campaignId: string) =>
  (await h.scanAll()).filter((i) => i.campaignId === campaignId && 'answers' in i);

/** The published report's figures that responses decide. */
async function figures(campaignId: string) {
  await closeCampaign(h.app, campaignId);
  const r = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report`, { token: ADMIN_TOKEN });
  expect(r.status).toBe(200);
  const { n, layers, signals, capacityDecision, quality, diagnoses, segments } = r.body;
  return { n, layers, signals, capacityDecision, quality, diagnoses, segments };
}

const responses: SurveyResponse[] = makeResponses(30, 21, { departments: DEPARTMENTS }).map((r, i) => ({
  ...r,
  // Qualtrics counts whole seconds; three respondents too fast to have read the questions.
  durationS: i < 3 ? 15 : Math.round(r.durationS ?? 300),
}));

describe('imports', () => {
  it('a Qualtrics export gives the report the same answers submitted through the survey give, and twice adds nothing', async () => {
    const imported = await seedCampaign(h.app, { departments: DEPARTMENTS });
    const file = qualtricsCsv(instrument, responses).bytes;
    const first = await upload(imported.campaignId, file, 'text/csv');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      rows: 30,
      imported: 30,
      alreadyImported: 0,
      file: { encoding: 'UTF-8', bom: true, delimiter: 'comma', lineEnds: 'CRLF', headerRows: 3, tool: 'Qualtrics' },
    });
    expect(first.body.columns.identifying).toEqual(
      expect.arrayContaining(['IPAddress', 'ResponseId', 'RecipientEmail', 'LocationLatitude']),
    );
    const again = await upload(imported.campaignId, file, 'text/csv');
    expect(again).toMatchObject({ status: 200, body: { imported: 0, alreadyImported: 30 } });
    const stored = await responseItems(imported.campaignId);
    expect(stored).toHaveLength(30);
    // Nothing identifying was read, so nothing of it is stored.
    expect(JSON.stringify(await h.scanAll())).not.toMatch(/example\.com|Nachname|198\.51\.100/);

    const submitted = await seedCampaign(h.app, { departments: DEPARTMENTS });
    for (const r of responses) {
      const res = await call(h.app, 'POST', `/api/v1/surveys/${submitted.surveyToken}/responses`, {
        body: { responseId: crypto.randomUUID(), ...r },
      });
      expect(res.status).toBe(201);
    }
    const viaImport = await figures(imported.campaignId);
    expect(viaImport.quality.tooFast).toBe(3);
    expect(viaImport).toEqual(await figures(submitted.campaignId));
  });

  it('takes a form with the mapping before the file (LimeSurvey codes), and a Microsoft Forms file via Excel', async () => {
    const { campaignId } = await seedCampaign(h.app, { departments: DEPARTMENTS });
    const plain = responses.map(({ durationS: _, ...r }) => r);
    const lime = limeSurveyCsv(instrument, plain.slice(0, 10));
    const viaForm = await upload(campaignId, form(lime.bytes, lime.mappingEdits));
    expect(viaForm).toMatchObject({ status: 201, body: { imported: 10 } });
    const excel = await upload(campaignId, microsoftFormsExcelCsv(instrument, plain.slice(10)).bytes, 'text/csv');
    expect(excel).toMatchObject({
      status: 201,
      body: {
        rows: 23,
        imported: 20,
        skipped: { count: 3, rows: [21, 22, 23] },
        file: { encoding: 'Windows-1252', delimiter: 'semicolon', lineEnds: 'CR' },
      },
    });
    expect(await responseItems(campaignId)).toHaveLength(30);
  });

  it('a file with bad rows stores nothing and names each row; so does a bad mapping', async () => {
    const { campaignId } = await seedCampaign(h.app, { departments: DEPARTMENTS });
    const plain = responses.slice(0, 6).map(({ durationS: _, ...r }) => r);
    const lime = limeSurveyCsv(instrument, plain);
    const lines = new TextDecoder().decode(lime.bytes).split('\n');
    // Data row 2: a code the mapping does not know; data row 5: a department the campaign lacks.
    const row2 = lines[2]!.split(',');
    row2[6] = 'A9';
    lines[2] = row2.join(',');
    lines[5] = lines[5]!.replace(/,[^,]*$/, ',Marketing');
    const bad = await upload(campaignId, form(new TextEncoder().encode(lines.join('\n')), lime.mappingEdits));
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('2 of 6 rows rejected; nothing was imported');
    expect(bad.body.errors).toEqual([
      {
        field: 'rows[2]',
        message: expect.stringMatching(/^row 2 \(line 3\), column 7 "G01Q01": "A9" is not an answer/),
      },
      { field: 'rows[5].department', message: expect.stringContaining('"Marketing" is not one of the campaign') },
    ]);
    expect(await responseItems(campaignId)).toHaveLength(0);

    const badMap = await upload(campaignId, form(lime.bytes, { columns: { G01Q01: 5 } }));
    expect(badMap).toMatchObject({ status: 400, body: { errors: [{ field: 'mapping.columns["G01Q01"]' }] } });
    const notCsv = await upload(campaignId, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'text/csv');
    expect(notCsv.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('.xlsx workbook') }]);
    expect(await responseItems(campaignId)).toHaveLength(0);
  });

  it('only roles that run campaigns may import, and only while the campaign is open', async () => {
    const { orgId, campaignId } = await seedCampaign(h.app, { departments: DEPARTMENTS });
    const exec = await call(h.app, 'POST', '/api/v1/tokens', {
      token: ADMIN_TOKEN,
      body: { role: 'executive', orgIds: [orgId] },
    });
    const file = qualtricsCsv(instrument, responses.slice(0, 2)).bytes;
    expect((await upload(campaignId, file, 'text/csv', exec.body.token)).status).toBe(403);
    expect((await upload(campaignId, file, 'application/json')).status).toBe(415);
    await closeCampaign(h.app, campaignId);
    expect((await upload(campaignId, file, 'text/csv')).status).toBe(410);
  });
});
