import { randomUUID } from 'node:crypto';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import type { OrgProfile } from '../../shared/profile';
import type { SurveyResponse } from '../../shared/response';
import {
  type LedgerProfile,
  type ProfileName,
  simulatePopulation,
  TYPICAL_LEDGER,
  withLedgers,
} from '../../shared/simulation';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/deps';
import { submitResponse } from '../api/routes/surveys';
import { sha256Hex, tokenIdOf } from '../api/token-hash';
import { seedAccount } from './seed-account';

// The demo a first `npm start` shows: a consultant with three organisations, two survey waves for one of them,
// simulated responses (shared/simulation, seeded) so every report section has something to show, leadership views
// and organisation profiles. It goes through the API itself, so the demo data is exactly what real use would store.
// Results are published only once a campaign closes, so every wave with data is closed (through the API, at its
// closing time); one more campaign of the first organisation stays open for the printed survey link, and that
// organisation has an executive contact, who receives the report link when it closes. Two people can sign in: the
// demo consultant (whose portfolio it all is) and the executive of the first organisation.

const DAY = 86_400_000;
const DEPARTMENTS = ['Sales', 'Operations', 'Customer service', 'Finance', 'HR', 'IT'];

/** The demo's people: they sign in by e-mail link (the local server prints a fresh one for each at every start). */
export const DEMO_CONSULTANT = { email: 'alex.morgan@consulting.example', name: 'Alex Morgan' };
export const DEMO_EXECUTIVE = { email: 'dana.whitfield@northwind.example', name: 'Dana Whitfield' };

export interface DemoLinks {
  adminToken: string;
  /** An API key of the demo consultant (acts as Alex): for scripts and tests, never printed. */
  consultantToken: string;
  /** An executive API key for the first organisation: for scripts and tests, never printed. */
  executiveToken: string;
  consultantUserId: string;
  executiveUserId: string;
  /** A report viewer link of the printed report (what the close e-mail would carry). */
  reportViewerUrl: string;
  orgId: string;
  /** The first organisation's latest closed wave: the printed report link. */
  campaignId: string;
  previousCampaignId: string;
  /** The open campaign behind the printed survey link. */
  surveyCampaignId: string;
  surveyToken: string;
  /** The closed waves of every organisation: the printed comparison. */
  campaignIds: string[];
}

interface DemoCampaign {
  name: string;
  profile: ProfileName;
  responses: number;
  seed: number;
  /** Days before now the wave started. */
  daysAgo: number;
  /** Days the wave runs; a wave whose end has passed is closed. */
  runsDays: number;
  /** What respondents put in the ledger step (shared/simulation ledger.ts); the typical mix by default. */
  ledger?: LedgerProfile;
}

/**
 * Northwind's story in the ledger: in spring, approvals held by Finance are the longest wait by far (the boss also
 * holds many decisions); by autumn Finance's approvals take a day or two, and what is left waits on IT and materials.
 */
const SPRING_LEDGER: LedgerProfile = {
  ...TYPICAL_LEDGER,
  participation: 0.8,
  waiting: [
    { kind: 'approval', heldBy: { department: 'Finance' }, weight: 8, days: [4, 1.5], timesPerMonth: [5, 2] },
    { kind: 'boss_decision', heldBy: { level: 'executive' }, weight: 3, days: [5, 2], timesPerMonth: [2, 1] },
    ...TYPICAL_LEDGER.waiting.filter((w) => w.kind !== 'approval' && w.kind !== 'boss_decision'),
  ],
};
const AUTUMN_LEDGER: LedgerProfile = {
  ...TYPICAL_LEDGER,
  participation: 0.8,
  waiting: [
    { kind: 'approval', heldBy: { department: 'Finance' }, weight: 3, days: [1.5, 0.7], timesPerMonth: [3, 1.5] },
    ...TYPICAL_LEDGER.waiting.filter((w) => w.kind !== 'approval'),
  ],
};

interface DemoOrg {
  name: string;
  profile: OrgProfile;
  campaigns: DemoCampaign[];
  contacts?: { name: string; email: string }[];
  /** Seeds an operating account around its first two waves (seed-account.ts). */
  account?: boolean;
}

const ORGS: DemoOrg[] = [
  {
    name: 'Northwind Logistics',
    profile: {
      aiSpendPerEmployee: 1400,
      currency: 'EUR',
      seats: 900,
      vendors: 6,
      pilots: 9,
      trainingHoursPerEmployee: 14,
      headcount: { total: 1200, byLevel: { frontline: 950, manager: 210, executive: 40 } },
    },
    campaigns: [
      // The story the demo tells: in spring leadership thought it already got it (Boss B); by autumn the customer
      // desk was automated on cost alone (Klarna's stage one), so the printed report has a trap and a first break.
      {
        name: 'Spring wave',
        profile: 'boss_b',
        responses: 140,
        seed: 11,
        daysAgo: 120,
        runsDays: 21,
        ledger: SPRING_LEDGER,
      },
      {
        name: 'Autumn wave',
        profile: 'replacement_only',
        responses: 160,
        seed: 12,
        daysAgo: 20,
        runsDays: 14,
        ledger: AUTUMN_LEDGER,
      },
      // Open: the printed survey link. A few answers already, so its report shows the count and why no figures yet.
      { name: 'Winter pulse', profile: 'middling', responses: 12, seed: 13, daysAgo: 1, runsDays: 21 },
    ],
    contacts: [{ name: 'Dana Whitfield', email: 'dana.whitfield@northwind.example' }],
    account: true,
  },
  {
    name: 'Contoso Retail',
    profile: {
      aiSpendPerEmployee: 2600,
      currency: 'EUR',
      seats: 2400,
      vendors: 11,
      pilots: 17,
      trainingHoursPerEmployee: 22,
      headcount: { total: 3000 },
    },
    campaigns: [{ name: 'Readiness check', profile: 'cash_rich', responses: 110, seed: 21, daysAgo: 30, runsDays: 21 }],
  },
  {
    name: 'Fabrikam Insurance',
    profile: { aiSpendPerEmployee: 150, currency: 'EUR', seats: 40, vendors: 1, pilots: 1, headcount: { total: 450 } },
    campaigns: [{ name: 'First look', profile: 'cash_poor', responses: 70, seed: 31, daysAgo: 40, runsDays: 21 }],
  },
];

/** The fields the seed reads from what the API created. */
interface Created {
  id: string;
  token: string;
  surveyToken: string;
}

async function runLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Seeds the demo through the API with a clock set back for the older waves. */
export async function seedDemo(deps: AppDeps, adminToken: string): Promise<DemoLinks> {
  const realNow = deps.clock();
  let now = realNow;
  const app = createApp({ ...deps, clock: () => now, submissionGuard: undefined, authFailures: undefined });
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300)
      throw new Error(
        `seeding: ${method} ${path.replace(/surveys\/[^/]+/, 'surveys/…')} answered ${res.status}: ${text}`,
      );
    return (text ? JSON.parse(text) : {}) as Created;
  };

  const consultantUser = await call('POST', '/api/v1/users', adminToken, { ...DEMO_CONSULTANT, role: 'consultant' });
  // Alex's own key, straight to the store as the keys route writes it (the route wants Alex signed in): it acts as
  // Alex, so the organisations it creates are in Alex's portfolio.
  const consultantToken = deps.randomToken();
  await deps.store.putToken({
    id: tokenIdOf(consultantToken),
    hash: sha256Hex(consultantToken),
    role: 'consultant',
    orgIds: [],
    createdBy: consultantUser.id,
    createdAt: realNow.toISOString(),
    expiresAt: new Date(realNow.getTime() + 365 * DAY).toISOString(),
    label: 'demo seed',
    userId: consultantUser.id,
  });
  const campaignIds: string[] = [];
  let first: { orgId: string; campaignIds: string[]; surveyCampaignId: string; surveyToken: string } | null = null;

  for (const demo of ORGS) {
    now = new Date(realNow.getTime() - 200 * DAY);
    const org = await call('POST', '/api/v1/orgs', consultantToken, { name: demo.name });
    await call('PUT', `/api/v1/orgs/${org.id}/profile`, consultantToken, demo.profile);
    const ids: string[] = [];
    const spans: { id: string; start: number; end: number }[] = [];
    let open: { id: string; surveyToken: string } | null = null;
    for (const wave of demo.campaigns) {
      const start = realNow.getTime() - wave.daysAgo * DAY;
      const end = start + wave.runsDays * DAY;
      now = new Date(start);
      const campaign = await call('POST', `/api/v1/orgs/${org.id}/campaigns`, consultantToken, {
        name: wave.name,
        departments: DEPARTMENTS,
        closesAt: new Date(end).toISOString(),
      });
      const population = simulatePopulation(CURRENT_INSTRUMENT, wave.profile, {
        n: wave.responses,
        seed: wave.seed,
        leadershipN: 3,
        noise: { departments: DEPARTMENTS },
      });
      // The ledger step, from its own seeded stream: the answers above are the same with or without it.
      const workforce = withLedgers(CURRENT_INSTRUMENT.ledger!, population.workforce, wave.seed, wave.ledger);
      // Responses arrive over the first days of the wave (never in the future).
      const spread = Math.min(3 * DAY, wave.daysAgo * DAY - DAY / 24);
      const submissions = workforce.map((r: SurveyResponse, i) => ({
        r,
        at: start + (i * spread) / wave.responses,
      }));
      // Straight to the submission logic the route uses (the route adds only the link lookup): a first start stays fast.
      const record = await deps.store.getCampaign(campaign.id as string);
      await runLimited(submissions, 16, async ({ r, at }) => {
        await submitResponse(
          deps,
          record!,
          {
            responseId: randomUUID(),
            answers: r.answers,
            level: r.level,
            department: r.department ?? DEPARTMENTS[0]!,
            ...(r.durationS === undefined ? {} : { durationS: r.durationS }),
            ...(r.ledger ? { ledger: r.ledger } : {}),
          },
          new Date(at),
        );
      });
      await call('PUT', `/api/v1/campaigns/${campaign.id}/leadership`, consultantToken, {
        respondents: population.leadership.map((r) => ({ answers: r.answers, level: 'executive' })),
      });
      if (end <= realNow.getTime()) {
        // Closed at its closing time, as the lifecycle job would have done: its results are published.
        now = new Date(end);
        await call('POST', `/api/v1/campaigns/${campaign.id}/close`, consultantToken);
        ids.push(campaign.id);
        spans.push({ id: campaign.id, start, end });
      } else {
        open = { id: campaign.id, surveyToken: campaign.surveyToken };
      }
    }
    if (demo.account && spans.length >= 2) {
      await seedAccount({
        call,
        at: (when) => {
          now = when;
        },
        token: consultantToken,
        orgId: org.id,
        waves: [spans[0]!, spans[1]!],
        now: realNow,
      });
    }
    // Contacts last: closing the old waves above mailed nobody.
    now = realNow;
    if (demo.contacts)
      await call('PUT', `/api/v1/orgs/${org.id}/contacts`, consultantToken, { contacts: demo.contacts });
    campaignIds.push(...ids);
    if (!first && open)
      first = { orgId: org.id, campaignIds: ids, surveyCampaignId: open.id, surveyToken: open.surveyToken };
  }

  now = realNow;
  const executive = await call('POST', '/api/v1/tokens', consultantToken, {
    role: 'executive',
    orgIds: [first!.orgId],
    expiresInDays: 90,
    label: 'demo executive key',
  });
  const executiveUser = await call('POST', '/api/v1/users', consultantToken, {
    ...DEMO_EXECUTIVE,
    role: 'executive',
    orgIds: [first!.orgId],
  });
  const viewer = (await call('POST', `/api/v1/campaigns/${first!.campaignIds[1]}/viewer-links`, consultantToken, {
    label: DEMO_EXECUTIVE.name,
  })) as unknown as { url: string };
  return {
    adminToken,
    consultantToken,
    executiveToken: executive.token as string,
    consultantUserId: consultantUser.id,
    executiveUserId: executiveUser.id,
    reportViewerUrl: viewer.url,
    orgId: first!.orgId,
    campaignId: first!.campaignIds[1]!,
    previousCampaignId: first!.campaignIds[0]!,
    surveyCampaignId: first!.surveyCampaignId,
    surveyToken: first!.surveyToken,
    campaignIds,
  };
}
