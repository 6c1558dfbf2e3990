import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerAnswers } from '../../shared/ledger';
import {
  ADMIN_TOKEN,
  call,
  closeCampaign,
  type Harness,
  makeAnswers,
  makeSubmission,
  startHarness,
} from '../http/harness';

// Issue 11 at scale: an organisation with six closed waves and thirty account entries, through the API against
// dynalite. Each wave's reconciliation of the cell entry is that wave's own cell; the portfolio answer stays the same
// size however many waves there are; a cell below the minimum group size never shows, in any wave.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ snapshotSafetyMs: 1000, snapshotRefreshItems: 1 });
});
afterAll(() => h.close());

const DEPARTMENTS = ['Sales', 'Operations', 'Finance'];
const FINANCE_APPROVAL = { ledger: 'waiting', category: 'approval', heldBy: { department: 'Finance' } } as const;
/** The median Finance approval wait in each wave; each later wave is set beside the first (the baseline). */
const DAYS = [6, 5, 6, 3, 2, 1];
/** Two people wait 17.5 days on Operations' materials in every wave: below the minimum of 5, never shown. */
const HIDDEN_DAYS = 17.5;

async function wave(orgId: string, w: number): Promise<string> {
  const res = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
    token: ADMIN_TOKEN,
    body: { name: `Wave ${w + 1}`, departments: DEPARTMENTS },
  });
  expect(res.status, res.text).toBe(201);
  for (let i = 0; i < 12; i++) {
    // Ten wait on Finance's approvals; six of them also on Sales' confirmations (hidden as the complement of the
    // materials cell); two on Operations' materials.
    const approval = { kind: 'approval', heldBy: { department: 'Finance' }, days: DAYS[w]!, timesPerMonth: 4 };
    const confirmation = { kind: 'confirmation', heldBy: { department: 'Sales' }, days: 2, timesPerMonth: 3 };
    const materials = { kind: 'materials', heldBy: { department: 'Operations' }, days: HIDDEN_DAYS, timesPerMonth: 2 };
    const ledger: LedgerAnswers = {
      waiting: i < 4 ? [approval] : i < 10 ? [approval, confirmation] : [materials],
    };
    const answer = await call(h.app, 'POST', `/api/v1/surveys/${res.body.surveyToken}/responses`, {
      body: { ...makeSubmission({ department: DEPARTMENTS[i % 3]!, answers: makeAnswers(2) }), ledger },
    });
    expect(answer.status, answer.text).toBe(201);
  }
  await closeCampaign(h.app, res.body.id);
  return res.body.id as string;
}

describe('an account with six waves and thirty entries', () => {
  it('reconciles each wave against its own cell, keeps the portfolio bounded, and shows no hidden cell', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Northwind' } });
    const orgId = org.body.id as string;
    // Keys expire: half a year of waves needs a fresh one now and then, as a real executive would sign in again.
    const mint = async () =>
      (
        await call(h.app, 'POST', '/api/v1/tokens', {
          token: ADMIN_TOKEN,
          body: { role: 'executive', orgIds: [orgId] },
        })
      ).body.token as string;
    let exec = await mint();
    const account = `/api/v1/orgs/${orgId}/account`;

    const waves = [await wave(orgId, 0)];
    const made = await call(h.app, 'POST', `${account}/entries`, {
      token: exec,
      body: {
        clientKey: 'approvals',
        source: { kind: 'cell', campaignId: waves[0], ...FINANCE_APPROVAL },
        ownerRole: 'Head of Finance Operations',
        target: { value: 2 },
      },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body.baseline).toEqual({ value: 6, perMonth: 4, people: 10, total: 240 });
    for (let i = 1; i < 30; i++) {
      const typed = await call(h.app, 'POST', `${account}/entries`, {
        token: exec,
        body: {
          clientKey: `typed-entry-${String(i).padStart(4, '0')}`,
          ledger: 'time',
          title: `Time sink ${i}`,
          ownerRole: 'COO',
        },
      });
      expect(typed.status, typed.text).toBe(201);
    }
    const entry = `${account}/entries/${made.body.id}`;
    const portfolio = async () => {
      const res = await call(h.app, 'GET', '/api/v1/portfolio/accounts', { token: ADMIN_TOKEN });
      expect(res.status).toBe(200);
      return res;
    };
    const sizes: number[] = [];

    // Waves 2 to 6: each pending reconciliation is the newest wave's cell, the suggestion by the rule of §7.2.
    const expected = ['moving', 'not_moving', 'moving', 'target_met', 'target_met'];
    let version = made.body.version as number;
    for (let w = 1; w < 6; w++) {
      h.clock.advance(30 * 86_400_000);
      waves.push(await wave(orgId, w));
      exec = await mint();
      const got = await call(h.app, 'GET', entry, { token: exec });
      expect(got.status, got.text).toBe(200);
      expect(got.body.pendingReconciliation, `wave ${w + 1}`).toMatchObject({
        campaignId: waves[w],
        suggestion: expected[w - 1],
        figures: { respondents: 10, headline: { median: DAYS[w], ci95: [DAYS[w], DAYS[w]] }, total: DAYS[w]! * 40 },
      });
      // The owner confirms each time; the history keeps every wave's reading.
      const confirmed = await call(h.app, 'PATCH', entry, {
        token: exec,
        body: { version, reconcile: { campaignId: waves[w] } },
      });
      expect(confirmed.status, confirmed.text).toBe(200);
      version = confirmed.body.version;
      expect(confirmed.body.current).toEqual({ value: DAYS[w], perMonth: 4, people: 10, total: DAYS[w]! * 40 });
      const p = await portfolio();
      sizes.push(p.text.length);
      const row = p.body.orgs.find((o: { orgId: string }) => o.orgId === orgId);
      expect(row).toMatchObject({
        entries: { total: 30 },
        latestWave: { campaignId: waves[w], name: `Wave ${w + 1}` },
      });
    }
    const final = (await call(h.app, 'GET', entry, { token: exec })).body;
    expect(
      final.reconciliations.map((r: { campaignId: string; figures: { headline: { median: number } } }) => [
        r.campaignId,
        r.figures.headline.median,
      ]),
    ).toEqual(waves.slice(1).map((id, i) => [id, DAYS[i + 1]]));
    expect(final.reconciliations.map((r: { suggestion: string }) => r.suggestion)).toEqual(expected);

    // Bounded: the portfolio carries each company's latest wave, never a list of waves, so its size does not grow
    // with them (the same numbers in each; only the ids and names change, and they have the same length).
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);

    // Nothing hidden shows: not in the portfolio's common cells, not in the account, not in any wave's report.
    const p = await portfolio();
    expect(p.body.common.cells.map((c: { category: string }) => c.category)).toEqual(['approval']);
    const view = await call(h.app, 'GET', account, { token: exec });
    expect(view.body.entries).toHaveLength(30);
    expect(view.body.cells.some((c: { ref: { category: string } }) => c.ref.category === 'materials')).toBe(false);
    for (const text of [p.text, view.text]) expect(text).not.toContain(String(HIDDEN_DAYS));
    for (const id of waves) {
      const report = await call(h.app, 'GET', `/api/v1/campaigns/${id}/report`, { token: exec });
      expect(report.status).toBe(200);
      expect(report.text).not.toContain(String(HIDDEN_DAYS));
      const section = await call(h.app, 'GET', `/api/v1/campaigns/${id}/account`, { token: exec });
      expect(section.status).toBe(200);
      expect(section.body.entries.total).toBe(30);
      expect(section.text).not.toContain(String(HIDDEN_DAYS));
    }
  });
});
