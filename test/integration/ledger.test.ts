import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDue } from '../../functions/lifecycle/lifecycle';
import { freshStats } from '../../functions/reports/campaign-stats';
import type { LedgerAnswers } from '../../shared/ledger';
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

// The ledger step end to end through the API: entries in, validation naming the field with nothing stored, the
// published tables and actions out (JSON and CSV), campaign category lists, and free-text labels that are cleaned,
// shown only in large groups, and erased when they expire.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ snapshotSafetyMs: 1000, snapshotRefreshItems: 1 });
});
afterAll(() => h.close());

const DAY = 86_400_000;
const DEPARTMENTS = ['Sales', 'Operations', 'Finance'];
const submitTo = (surveyToken: string, body: unknown) =>
  call(h.app, 'POST', `/api/v1/surveys/${surveyToken}/responses`, { body });
const report = (campaignId: string, query = '') =>
  call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report${query}`, { token: ADMIN_TOKEN });
const csvRows = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));

/** Twelve answers: ten wait on Finance's approvals (3 days, 4 times a month) and lose 6 h a week to rework. */
const approvals = (i: number): LedgerAnswers => ({
  time: [{ category: 'rework', hoursPerWeek: 6, reason: i % 3 === 0 ? 'handed_to_me' : 'only_me' }],
  waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4 }],
  knowledge: [{ category: 'pricing', checksPerWeek: 2 + (i % 3), sop: 'none' }],
});
const bossWaits: LedgerAnswers = {
  waiting: [{ kind: 'boss_decision', heldBy: { level: 'executive' }, days: 5, timesPerMonth: 2 }],
};

async function waveWith(ledgers: (LedgerAnswers | undefined)[], body: Record<string, unknown> = {}) {
  const seeded = await seedCampaign(h.app, { departments: DEPARTMENTS, ...body });
  for (const [i, ledger] of ledgers.entries()) {
    const res = await submitTo(seeded.surveyToken, {
      ...makeSubmission({ department: DEPARTMENTS[i % 3]!, answers: makeAnswers(2) }),
      ...(ledger ? { ledger } : {}),
    });
    expect(res.status, res.text).toBe(201);
  }
  return seeded;
}

describe('the ledger in the published report', () => {
  it('shows the waits, time sinks and checks, ranked by cost, hides small groups, and turns the top ones into actions', async () => {
    const ledgers = [...Array.from({ length: 10 }, (_, i) => approvals(i)), bossWaits, bossWaits, undefined];
    const { campaignId } = await waveWith(ledgers);
    // Open: nothing of the ledger is shown.
    const open = await report(campaignId);
    expect(open.body.published).toBe(false);
    expect(open.body).not.toHaveProperty('ledger');

    await closeCampaign(h.app, campaignId);
    const res = await report(campaignId);
    expect(res.status).toBe(200);
    const ledger = res.body.ledger;
    expect(ledger).toMatchObject({ n: 13, minGroupSize: 5, labelsShownFrom: null });
    // 10 × 3 days × 4 times + 2 × 5 days × 2 times: the total holds every wait, the hidden ones too.
    expect(ledger.waiting.total).toBe(140);
    // Two people wait on the boss: hidden, and so is the next-smallest wait kind shown beside it (its complement), or
    // the total minus approvals would be theirs. Only the total is shown.
    const kinds = Object.fromEntries(ledger.waiting.rows.map((r: { id: string }) => [r.id, r]));
    expect(kinds.boss_decision).toEqual({ id: 'boss_decision', name: 'The boss’s decision', suppressed: true });
    expect(kinds.approval.suppressed).toBe(true);
    expect(ledger.waiting.cells).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('"waitingDaysPerMonth":20');

    expect(ledger.time.total).toBe(60);
    expect(ledger.time.rows[0]).toMatchObject({
      id: 'rework',
      respondents: 10,
      share: 0.769,
      hoursPerWeek: 60,
      hours: { median: 6, ci95: [6, 6] },
      reasons: { handed_to_me: 4, only_me: 6 },
    });
    expect(ledger.time.rows[0].shareCi95[0]).toBeLessThan(0.769);
    expect(ledger.knowledge.rows[0]).toMatchObject({
      id: 'pricing',
      respondents: 10,
      checksPerWeek: 29,
      sop: { none: 10 },
    });

    // The actions name the ledger's own entries instead of "start the ledger".
    const actions: string[] = res.body.recommendations.map((r: { action: string }) => r.action);
    expect(actions.some((a) => a.startsWith('Rework: 10 people spend a median 6 hours a week on it'))).toBe(true);
    const withText = res.body.recommendations.find((r: { text?: unknown }) => r.text);
    expect(Object.keys(withText.text)).toEqual(['en', 'zh', 'de']);

    // The CSV carries the same rows: one per published row, hidden ones by name only.
    const [header, ...rows] = csvRows((await report(campaignId, '?format=csv')).text);
    const col = (name: string) => header!.indexOf(name);
    const rework = rows.find((r) => r[0] === 'ledger_time' && r[1] === 'Rework')!;
    expect(rework[2]).toBe('10');
    expect(rework[col('ledger_total')]).toBe('60');
    expect(rework[col('ledger_median')]).toBe('6');
    expect(rework[col('ledger_share_pct')]).toBe('76.9');
    const boss = rows.find((r) => r[0] === 'ledger_waiting' && r[1] === 'The boss’s decision')!;
    expect(boss[3]).toBe('true');
    expect(boss.slice(4).every((v) => v === '')).toBe(true);
    expect(rows.find((r) => r[0] === 'ledger_waiting' && r[1] === 'all')![col('ledger_total')]).toBe('140');
    expect(rows.some((r) => r[0] === 'ledger_waiting_held_by')).toBe(false);
  });

  it('shows a wait kind by holder once every group is large enough, and the report is the fold from scratch', async () => {
    const ledgers = [
      ...Array.from({ length: 10 }, (_, i) => approvals(i)),
      ...Array.from({ length: 6 }, () => bossWaits),
    ];
    const { campaignId } = await waveWith(ledgers);
    await closeCampaign(h.app, campaignId);
    const first = await report(campaignId);
    const ledger = first.body.ledger;
    expect(
      ledger.waiting.cells.map((c: { kind: string; waitingDaysPerMonth: number }) => [c.kind, c.waitingDaysPerMonth]),
    ).toEqual([
      ['approval', 120],
      ['boss_decision', 60],
    ]);
    expect(ledger.waiting.cells[0]).toMatchObject({
      kind: 'approval',
      heldBy: { department: 'Finance' },
      holderName: 'Finance',
      respondents: 10,
      waitingDaysPerMonth: 120,
      days: { median: 3, ci95: [3, 3] },
      timesPerMonth: { median: 4, ci95: [4, 4] },
    });
    expect(first.body.recommendations.map((r: { action: string }) => r.action)).toContain(
      'Approvals held by Finance: 10 people wait a median 3 days, 4 times a month (≈ 120 waiting days a month). Remove this wait first.',
    );
    // It cites the ledger row it answers, not the layer it replaced.
    const approvalAction = first.body.recommendations.find((r: { action: string }) => r.action.startsWith('Approvals'));
    expect(approvalAction.because).toEqual({
      en: 'the waiting ledger: Approvals held by Finance, ≈ 120 waiting days a month, a median wait of 3 days (10 people)',
      zh: '等待账本：Finance掌握的审批，约每月120个等待日，等待中位数3个工作日（10人）',
      de: 'das Wartebuch: Freigaben, die bei Finance liegen, ≈ 120 Wartetage im Monat, im Median 3 Arbeitstage Wartezeit (10 Personen)',
    });
    const boss = ledger.waiting.rows.find((r: { id: string }) => r.id === 'boss_decision');
    expect(boss.holders[0]).toMatchObject({ holderName: 'Senior leadership', respondents: 6 });
    const [header, ...rows] = csvRows((await report(campaignId, '?format=csv')).text);
    const byHolder = rows.filter((r) => r[0] === 'ledger_waiting_held_by');
    expect(byHolder.map((r) => [r[1], r[header!.indexOf('ledger_held_by')]])).toEqual([
      ['An approval', 'Finance'],
      ['The boss’s decision', 'Senior leadership'],
    ]);
    // A second read folds a stored snapshot: the same report, equal to the statistics folded from scratch.
    const again = await report(campaignId);
    expect({ ...again.body, generatedAt: null }).toEqual({ ...first.body, generatedAt: null });
    const campaign = await h.store.getCampaign(campaignId);
    const fresh = await freshStats(h.store, campaign!);
    const total = [...fresh.values()].reduce(
      (s, c) => s + (c.ledger ? Object.values(c.ledger.waiting.sets).reduce((a, b) => a + b, 0) : 0),
      0,
    );
    expect(total).toBe(16);
  });
});

describe('bad ledger input', () => {
  const entry = { category: 'rework', hoursPerWeek: 6 };
  const wait = { kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4 };
  const cases: [string, LedgerAnswers | Record<string, unknown>, string][] = [
    ['an unknown category', { time: [{ ...entry, category: 'golf' }] }, 'ledger.time[0].category'],
    ['hours out of range', { time: [{ ...entry, hoursPerWeek: 41 }] }, 'ledger.time[0].hoursPerWeek'],
    ['hours off the half-hour step', { time: [{ ...entry, hoursPerWeek: 2.25 }] }, 'ledger.time[0].hoursPerWeek'],
    ['hours not a number', { time: [{ ...entry, hoursPerWeek: 'six' }] }, 'ledger.time[0].hoursPerWeek'],
    [
      'a fourth entry',
      { time: ['rework', 'searching', 'checking', 'data_entry'].map((category) => ({ ...entry, category })) },
      'ledger.time',
    ],
    ['the same category twice', { time: [entry, { ...entry, hoursPerWeek: 2 }] }, 'ledger.time[1].category'],
    [
      'a department not in the campaign',
      { waiting: [wait, { ...wait, heldBy: { department: 'Legal' } }] },
      'ledger.waiting[1].heldBy.department',
    ],
    [
      'a wait of too many days',
      { waiting: [wait, { ...wait, kind: 'materials', days: 31 }] },
      'ledger.waiting[1].days',
    ],
    ['a person as the holder', { waiting: [{ ...wait, heldBy: { person: 'Dana' } }] }, 'ledger.waiting[0].heldBy'],
    [
      'an unknown SOP status',
      { knowledge: [{ category: 'pricing', checksPerWeek: 2, sop: 'maybe' }] },
      'ledger.knowledge[0].sop',
    ],
    [
      'a label where the campaign takes none',
      { knowledge: [{ category: 'pricing', checksPerWeek: 2, label: 'discounts over 10%' }] },
      'ledger.knowledge[0].label',
    ],
    ['an unknown field', { time: [{ ...entry, minutes: 30 }] }, 'ledger.time[0].minutes'],
    ['an unknown ledger', { meetings: [] }, 'ledger.meetings'],
  ];

  it.each(cases)('refuses %s with a 400 naming the field, and stores nothing', async (_name, ledger, field) => {
    const { surveyToken } = await seedCampaign(h.app, { departments: DEPARTMENTS });
    const before = (await h.scanAll()).filter((i) => i.entity === 'response').length;
    const res = await submitTo(surveyToken, { ...makeSubmission(), ledger });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await h.scanAll()).filter((i) => i.entity === 'response').length).toBe(before);
  });

  it('refuses a ledger on a 2026.1 campaign, which has no ledger step', async () => {
    const { surveyToken } = await seedCampaign(h.app, { instrumentVersion: '2026.1' });
    const res = await submitTo(surveyToken, {
      ...makeSubmission({ answers: { roles_split: 3 } }),
      ledger: { time: [entry] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'ledger', message: 'instrument 2026.1 has no ledger step' }]);
  });
});

describe('campaign category lists', () => {
  it('takes a campaign’s own lists (with "other" added) and refuses the defaults it replaced', async () => {
    const { surveyToken, campaignId } = await seedCampaign(h.app, {
      departments: DEPARTMENTS,
      languages: ['en', 'de'],
      ledger: {
        timeCategories: [{ id: 'claims_rework', label: { en: 'Reworking claims', de: 'Schadenfälle nacharbeiten' } }],
      },
    });
    const view = await call(h.app, 'GET', `/api/v1/campaigns/${campaignId}`, { token: ADMIN_TOKEN });
    expect(view.body.ledger.timeCategories[0].id).toBe('claims_rework');
    const survey = await call(h.app, 'GET', `/api/v1/surveys/${surveyToken}`);
    expect(survey.body.ledger.time.categories.map((c: { id: string }) => c.id)).toEqual(['claims_rework', 'other']);
    const ok = await submitTo(surveyToken, {
      ...makeSubmission(),
      ledger: {
        time: [
          { category: 'claims_rework', hoursPerWeek: 4 },
          { category: 'other', hoursPerWeek: 1 },
        ],
      },
    });
    expect(ok.status).toBe(201);
    const refused = await submitTo(surveyToken, {
      ...makeSubmission(),
      ledger: { time: [{ category: 'rework', hoursPerWeek: 4 }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('ledger.time[0].category');
  });

  it.each([
    [
      'a repeated id',
      {
        timeCategories: [
          { id: 'a', label: { en: 'A' } },
          { id: 'a', label: { en: 'B' } },
        ],
      },
      'ledger.timeCategories[1].id',
    ],
    [
      'a name missing in a campaign language',
      { knowledgeCategories: [{ id: 'b', label: { en: 'B' } }] },
      'ledger.knowledgeCategories[0].label.zh',
    ],
    ['an id with capitals', { timeCategories: [{ id: 'Rework', label: { en: 'R' } }] }, 'ledger.timeCategories[0].id'],
    ['a label keeping time of 0 days', { labels: { keepDays: 0 } }, 'ledger.labels.keepDays'],
  ])('refuses %s at creation', async (_name, ledger, field) => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: ADMIN_TOKEN, body: { name: 'Lists' } });
    const res = await call(h.app, 'POST', `/api/v1/orgs/${org.body.id}/campaigns`, {
      token: ADMIN_TOKEN,
      body: { name: 'W', departments: ['Sales'], ledger },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('free-text labels', () => {
  it('are cleaned before they are stored, shown only in groups of max(10, 2k), never by holder, and erased when they expire', async () => {
    const labelled = (label: string): LedgerAnswers => ({
      waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4, label }],
    });
    const texts = [
      'month-end sign-off, ask anna.berg@acme.example or +49 30 1234 5678',
      'see https://intranet.acme.example/forms',
      ...Array.from({ length: 8 }, () => 'month-end sign-off'),
    ];
    const { campaignId } = await waveWith(
      texts.map((t) => labelled(t)),
      { ledger: { labels: { keepDays: 30 } } },
    );
    const stored = (await h.scanAll()).filter((i) => i.entity === 'response' && i.campaignId === campaignId);
    const storedText = JSON.stringify(stored);
    expect(storedText).not.toMatch(/anna\.berg|1234 5678|https:|intranet/);
    expect(storedText).toContain('month-end sign-off, ask … or …');

    await closeCampaign(h.app, campaignId);
    const res = await report(campaignId);
    const approval = res.body.ledger.waiting.rows.find((r: { id: string }) => r.id === 'approval');
    expect(res.body.ledger.labelsShownFrom).toBe(10);
    expect(approval.labels).toEqual([
      { text: 'month-end sign-off', count: 8 },
      { text: 'month-end sign-off, ask … or …', count: 1 },
      { text: 'see …', count: 1 },
    ]);
    // Never beside a breakdown: not per holder, not in the CSV.
    expect(approval.holders[0]).not.toHaveProperty('labels');
    expect((await report(campaignId, '?format=csv')).text).not.toContain('sign-off');

    // Past the keeping time: no report shows them, and the job erases them from responses and snapshots.
    const closed = await h.store.getCampaign(campaignId);
    h.clock.now = new Date(Date.parse(closed!.closedAt!) + 30 * DAY + 60_000);
    const later = await report(campaignId);
    expect(JSON.stringify(later.body)).not.toContain('sign-off');
    expect(later.body.ledger.labelsShownFrom).toBeNull();
    expect(later.body.ledger.waiting.total).toBe(res.body.ledger.waiting.total);
    expect(await runDue(h.deps, h.clock.now)).toMatchObject({ failed: 0 });
    const items = await h.scanAll();
    const all = items
      .map((item) =>
        item.entity === 'snapshotChunk'
          ? gunzipSync(Buffer.from(item.body as Uint8Array)).toString('utf8')
          : JSON.stringify(item),
      )
      .join('\n');
    expect(all).not.toContain('sign-off');
    expect((await h.store.getCampaign(campaignId))!.labelsErasedAt).toBeDefined();
    const after = await report(campaignId);
    expect({ ...after.body, generatedAt: null }).toEqual({ ...later.body, generatedAt: null });
  });

  it('are erased with the answers when a response is withdrawn', async () => {
    const { surveyToken } = await seedCampaign(h.app, {
      departments: DEPARTMENTS,
      ledger: { labels: { keepDays: 7 } },
    });
    const res = await submitTo(surveyToken, {
      ...makeSubmission(),
      ledger: { time: [{ category: 'rework', hoursPerWeek: 2, label: 'weekly stock count' }] },
    });
    await call(h.app, 'DELETE', `/api/v1/responses/${res.body.receipt}`);
    const withdrawn = (await h.scanAll()).find(
      (i) => i.entity === 'response' && i.withdrawnAt && JSON.stringify(i).includes('stock count'),
    );
    await h.store.eraseWithdrawn([String(withdrawn!.PK).slice('RESP#'.length)]);
    expect(JSON.stringify(await h.scanAll())).not.toContain('stock count');
  });
});
