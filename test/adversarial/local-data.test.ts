import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../functions/local/server';
import { makeSubmission } from '../http/harness';
import { api, type ChildServer, startChildServer } from './child-server';

// Red-team findings 11 and 16 of issue 17, on the local server's data folder. A full disk (dynalite's LEVEL_IO_ERROR,
// thrown from a callback) ended the whole process; an existing ORGOS_DATA_DIR stayed 755 with the table files 644,
// readable by other local users (addresses, hashes, answers).

const ADMIN = 'local-data-admin-token-4c7e1a9f2b8d63';
let dir: string;
let child: ChildServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orgos-local-data-'));
});
afterAll(async () => {
  // Only the child this file started, by its pid.
  if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** Every folder and file under `root` with its permission bits. */
async function modes(root: string): Promise<[string, number][]> {
  const out: [string, number][] = [[root, (await stat(root)).mode & 0o777]];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push([path, (await stat(path)).mode & 0o777]);
  }
  return out;
}

describe('the data folder', () => {
  it('is made the owner’s only, however it was before, and so is everything in it', async () => {
    const data = join(dir, 'open-data');
    await mkdir(join(data, 'outbox'), { recursive: true, mode: 0o755 });
    await chmod(data, 0o755);
    await writeFile(join(data, 'outbox', 'old.eml'), 'From: x', { mode: 0o644 });
    const server = await startLocalServer({
      ORGOS_DATA_DIR: data,
      ORGOS_SEED: '0',
      ORGOS_ADMIN_TOKEN: ADMIN,
      PORT: '0',
      ORGOS_LIFECYCLE_INTERVAL_MS: '0',
      ORGOS_WEB_DIR: join(dir, 'no-web'),
    });
    try {
      // A write, so that the engine has made its files.
      const org = await api(server.url, 'POST', '/api/v1/orgs', { name: 'Private Ltd' }, ADMIN);
      expect(org.status).toBe(201);
    } finally {
      await server.close();
    }
    const found = await modes(data);
    expect(found.some(([p]) => p.includes(`${join(data, 'dynamo')}/`))).toBe(true);
    for (const [path, mode] of found) expect(mode & 0o077, `${path} ${mode.toString(8)}`).toBe(0);
  });
});

describe('a full disk', () => {
  it('answers 503 problem+json and stays up; nothing acknowledged is lost', async () => {
    const data = join(dir, 'full-data');
    const env = { ORGOS_ADMIN_TOKEN: ADMIN };
    // Every file the server writes stops growing at 96 KiB: the table's log fills after a few hundred writes.
    child = await startChildServer(data, env, { fileSizeKb: 96 });
    const org = await api(child.url, 'POST', '/api/v1/orgs', { name: 'Full Ltd' }, ADMIN);
    const campaign = await api(
      child.url,
      'POST',
      `/api/v1/orgs/${org.body.id}/campaigns`,
      { name: 'Wave', departments: ['Sales', 'Operations'] },
      ADMIN,
    );
    const path = `/api/v1/surveys/${campaign.body.surveyToken}/responses`;
    const acknowledged: { body: unknown; receipt: string }[] = [];
    let refused: { status: number; type: string; retryAfter: string | null } | undefined;
    for (let i = 0; i < 2000 && !refused; i++) {
      const body = makeSubmission();
      const res = await fetch(`${child.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { receipt?: string; type?: string };
      if (res.status === 201) acknowledged.push({ body, receipt: answer.receipt! });
      else refused = { status: res.status, type: answer.type ?? '', retryAfter: res.headers.get('retry-after') };
    }
    expect(refused).toMatchObject({ status: 503, type: '/api/docs#problem-unavailable' });
    expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(10);

    // Still up: it answers, reads work, and one clear line said why writes fail.
    expect((await fetch(`${child.url}/health`)).status).toBe(200);
    const report = await api(child.url, 'GET', `/api/v1/campaigns/${campaign.body.id}/report`, undefined, ADMIN);
    expect(report.status).toBe(200);
    expect(child.child.exitCode).toBeNull();
    expect(child.output()).toMatch(/orgos: the local database cannot write \(.*\); requests answer 503/);
    expect(child.output()).not.toMatch(/at .*node_modules\/dynalite/);

    // With room again and a restart, every acknowledged answer is there: each retry finds it, with its receipt.
    child.child.kill('SIGTERM');
    await child.exited;
    child = await startChildServer(data, env);
    for (const { body, receipt } of acknowledged) {
      const res = await api(child.url, 'POST', path, body);
      expect(res.status).toBe(200);
      expect(res.body.receipt).toBe(receipt);
    }
    child.child.kill('SIGTERM');
    await child.exited;
  });
});
