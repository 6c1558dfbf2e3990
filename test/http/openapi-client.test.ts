// A client generated from /api/openapi.json (openapi-typescript, as a user of the API would generate one) type-checks
// against the API's real answers: the responses of a happy-path flow are written into a TypeScript file as values of
// the generated types (excess-property checks reject any field the document leaves out), beside a small client flow
// that reads the fields a client needs. The file is compiled with the project's tsc.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import { qualtricsCsv } from '../cli/tool-exports';
import { makeResponses } from '../factories';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, makeSubmission, startHarness } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'orgos-openapi-'));
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `[path template, method, status, body]` of each answer to keep. */
type Recorded = [string, string, number, unknown];

async function happyPath(): Promise<Recorded[]> {
  const out: Recorded[] = [];
  const keep = async (template: string, method: string, path: string, options: Parameters<typeof call>[3] = {}) => {
    const res = await call(h.app, method, path, { token: ADMIN_TOKEN, ...options });
    expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBeLessThan(300);
    out.push([template, method.toLowerCase(), res.status, res.body]);
    return res.body;
  };
  const org = await keep('/api/v1/orgs', 'POST', '/api/v1/orgs', { body: { name: 'Acme' } });
  await keep('/api/v1/orgs/{orgId}/profile', 'PUT', `/api/v1/orgs/${org.id}/profile`, { body: { seats: 40 } });
  await keep('/api/v1/orgs/{orgId}', 'GET', `/api/v1/orgs/${org.id}`);
  const departments = ['Vertrieb', 'Geschäftsführung'];
  const campaign = await keep('/api/v1/orgs/{orgId}/campaigns', 'POST', `/api/v1/orgs/${org.id}/campaigns`, {
    body: { name: 'Wave 1', departments, minGroupSize: 3 },
  });
  const token = campaign.surveyToken as string;
  await keep('/api/v1/surveys/{surveyToken}', 'GET', `/api/v1/surveys/${token}`, { token: undefined });
  const submission = makeSubmission({ department: 'Vertrieb', level: 'manager' });
  const path = `/api/v1/surveys/${token}/responses`;
  await keep('/api/v1/surveys/{surveyToken}/responses', 'POST', path, { token: undefined, body: submission });
  await keep('/api/v1/surveys/{surveyToken}/responses', 'POST', path, { token: undefined, body: submission });
  const csv = qualtricsCsv(CURRENT_INSTRUMENT, makeResponses(12, 5, { departments })).bytes;
  const imported = await h.app.request(`/api/v1/campaigns/${campaign.id}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
    body: Buffer.from(csv),
  });
  out.push(['/api/v1/campaigns/{campaignId}/imports', 'post', imported.status, await imported.json()]);
  await keep('/api/v1/campaigns/{campaignId}/leadership', 'PUT', `/api/v1/campaigns/${campaign.id}/leadership`, {
    body: { respondents: [{ answers: submission.answers }] },
  });
  await closeCampaign(h.app, campaign.id);
  await keep('/api/v1/campaigns/{campaignId}/report', 'GET', `/api/v1/campaigns/${campaign.id}/report`);
  await keep('/api/v1/compare', 'GET', `/api/v1/compare?campaigns=${campaign.id}`);
  return out;
}

/** The generated types' JSON body of one answer. */
const bodyType = ([template, method, status]: Recorded) =>
  `Json<paths[${JSON.stringify(template)}][${JSON.stringify(method)}]['responses'][${status}]>`;

const CLIENT_FLOW = `
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;
declare function get<P extends keyof paths>(path: P): Promise<Get<P>>;

/** What a client reads: the survey's items, the organisation's profile, the report's and comparison's names. */
export async function clientFlow(): Promise<string[]> {
  const survey = await get('/api/v1/surveys/{surveyToken}');
  const item = survey.instrument.items[0];
  const labels: string = survey.instrument.likertLabels[5].en;
  const org = await get('/api/v1/orgs/{orgId}');
  const seats: number | undefined = org.profile?.seats ?? undefined;
  const report = await get('/api/v1/campaigns/{campaignId}/report');
  const manager: number | undefined = report.byLevel.manager?.n;
  const lead: number | undefined = report.leadership?.n;
  const compare = await get('/api/v1/compare');
  return [item?.text.en ?? '', labels, String(seats), report.campaign.orgName, String(manager), String(lead), compare.campaigns[0]?.orgName ?? ''];
}
`;

describe('a client generated from /api/openapi.json', () => {
  it('type-checks against the real answers of a happy-path flow', async () => {
    const recorded = await happyPath();
    const document = (await call(h.app, 'GET', '/api/openapi.json')).body;
    const generated = spawnSync(process.execPath, [join(root, 'test/support/generate-openapi-types.mjs')], {
      cwd: root,
      input: JSON.stringify(document),
      encoding: 'utf8',
    });
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toContain('export interface paths');
    writeFileSync(join(dir, 'api.ts'), generated.stdout);
    const values = recorded.map((r, i) => `export const answer${i}: ${bodyType(r)} = ${JSON.stringify(r[3])};`);
    writeFileSync(join(dir, 'flow.ts'), `import type { paths } from './api';\n${CLIENT_FLOW}\n${values.join('\n')}\n`);
    const tsc = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--target',
        'es2022',
        '--module',
        'esnext',
        '--moduleResolution',
        'bundler',
        '--types',
        '',
        join(dir, 'flow.ts'),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // Both answers of a submission and its retry were kept: the retry's 200 is a documented status.
    expect(recorded.filter(([t]) => t.endsWith('/responses')).map(([, , s]) => s)).toEqual([201, 200]);
  });
});
