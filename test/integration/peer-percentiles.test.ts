// GET /api/v1/compare ranks a company among OTHER organisations of the portfolio only (issue 16): each by its latest
// closed, published wave, never the company's own earlier wave, never another consultant's organisation, never a
// wave too small to show; and gives no percentile below five such peers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../shared/instrument';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  startHarness,
} from '../http/harness';

let h: Harness;
let consultant: string;

async function created(path: string, token: string, body: unknown) {
  const res = await call(h.app, 'POST', path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** A closed wave of `n` respondents all answering `value` on every item (score (value − 1) · 25 on every layer). */
async function wave(token: string, orgId: string, name: string, value: number, n = 5): Promise<string> {
  const c = await created(`/api/v1/orgs/${orgId}/campaigns`, token, { name, departments: ['Sales'] });
  for (let i = 0; i < n; i++) {
    const res = await call(h.app, 'POST', `/api/v1/surveys/${c.surveyToken}/responses`, {
      body: makeSubmission({ answers: makeAnswers(value) }),
    });
    if (res.status !== 201) throw new Error(`answer: ${res.status} ${res.text}`);
  }
  await closeCampaign(h.app, c.id, token);
  return c.id;
}

const ids = {} as { first: string; second: string; peerWaves: string[]; orgs: string[] };

beforeAll(async () => {
  h = await startHarness();
  consultant = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
  const other = (await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: [] })).token;
  const acme = await created('/api/v1/orgs', consultant, { name: 'Acme' });
  ids.first = await wave(consultant, acme.id, 'Acme 1', 1);
  ids.second = await wave(consultant, acme.id, 'Acme 2', 3);
  ids.orgs = [acme.id];
  ids.peerWaves = [];
  // Five other organisations scoring 0, 25, 50, 75, 100 (the one at 25 had an earlier wave at 100: not counted).
  for (const [i, value] of [1, 2, 3, 4, 5].entries()) {
    const org = await created('/api/v1/orgs', consultant, { name: `Peer ${i + 1}` });
    ids.orgs.push(org.id);
    if (value === 2) await wave(consultant, org.id, 'Earlier', 5);
    ids.peerWaves.push(await wave(consultant, org.id, `Peer ${i + 1} wave`, value));
  }
  // Not peers: a wave too small to show, an open campaign, another consultant's organisation.
  const small = await created('/api/v1/orgs', consultant, { name: 'Small' });
  await wave(consultant, small.id, 'Tiny', 5, 3);
  const open = await created('/api/v1/orgs', consultant, { name: 'Still open' });
  const running = await created(`/api/v1/orgs/${open.id}/campaigns`, consultant, {
    name: 'Open',
    departments: ['Sales'],
  });
  for (let i = 0; i < 5; i++) {
    await call(h.app, 'POST', `/api/v1/surveys/${running.surveyToken}/responses`, {
      body: makeSubmission({ answers: makeAnswers(5) }),
    });
  }
  const foreign = await created('/api/v1/orgs', other, { name: 'Foreign' });
  await wave(other, foreign.id, 'Foreign wave', 5);
});
afterAll(() => h.close());

describe('percentiles among other organisations', () => {
  it('ranks each wave among the five other organisations, never its own other wave', async () => {
    const res = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.first},${ids.second}`, { token: consultant });
    expect(res.status).toBe(200);
    expect(res.body.minPeers).toBe(5);
    const [first, second] = res.body.campaigns;
    for (const c of [first, second]) {
      expect(c.peers).toBe(5);
      for (const layer of LAYERS) {
        expect(c.peerCounts[layer]).toBe(5);
        expect(c.percentileReasons[layer]).toBeNull();
      }
    }
    const peers = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.peerWaves.join(',')}`, {
      token: consultant,
    });
    for (const layer of LAYERS) {
      const peerScores = peers.body.campaigns.map((p: { scores: Record<string, number> }) => p.scores[layer]);
      expect(new Set(peerScores).size).toBe(5);
      // The first wave ties the lowest peer: half of the one tie, 10%. Had Acme's own second wave counted, or the
      // peer's earlier wave, or the foreign or small waves (all scoring the top), it would differ.
      expect(first.scores[layer]).toBe(peerScores[0]);
      expect(first.percentiles[layer]).toBe(10);
      // The second ties the middle peer: two below, one tie: 50%.
      expect(second.scores[layer]).toBe(peerScores[2]);
      expect(second.percentiles[layer]).toBe(50);
    }
  });

  it('gives no percentile, with the reason, once fewer than five other organisations show', async () => {
    // A key whose portfolio holds Acme and three of the peers.
    const narrowed = (
      await created('/api/v1/tokens', ADMIN_TOKEN, { role: 'consultant', orgIds: ids.orgs.slice(0, 4) })
    ).token;
    const res = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.second}`, { token: narrowed });
    expect(res.status).toBe(200);
    const [c] = res.body.campaigns;
    expect(c.peers).toBe(3);
    for (const layer of LAYERS) {
      expect(c.percentiles[layer]).toBeNull();
      expect(c.percentileReasons[layer]).toBe('fewer than 5 other organisations');
    }
  });

  it('does not move when a peer opens a new wave (it is not published)', async () => {
    const before = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.second}`, { token: consultant });
    // A new open wave of a peer is not published: nothing moves.
    const peer = ids.orgs[1]!;
    await created(`/api/v1/orgs/${peer}/campaigns`, consultant, { name: 'Next', departments: ['Sales'] });
    const after = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids.second}`, { token: consultant });
    expect(after.body.campaigns[0].percentiles).toEqual(before.body.campaigns[0].percentiles);
    expect(after.body.campaigns[0].peers).toBe(5);
  });
});
