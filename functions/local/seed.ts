import { randomUUID } from 'node:crypto';
import { CURRENT_INSTRUMENT } from '../../shared/instrument';
import type { OrgProfile } from '../../shared/profile';
import type { SurveyResponse } from '../../shared/response';
import { type ProfileName, simulatePopulation } from '../../shared/simulation';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/deps';
import { submitResponse } from '../api/routes/surveys';

// The demo a first `npm start` shows: a consultant with three organisations, two survey waves for one of them,
// simulated responses (shared/simulation, seeded) so every report section has something to show, leadership views
// and organisation profiles. It goes through the API itself, so the demo data is exactly what real use would store.

const DAY = 86_400_000;
const DEPARTMENTS = ['Sales', 'Operations', 'Customer service', 'Finance', 'HR', 'IT'];

export interface DemoLinks {
  adminToken: string;
  consultantToken: string;
  executiveToken: string;
  orgId: string;
  campaignId: string;
  previousCampaignId: string;
  surveyToken: string;
  campaignIds: string[];
}

interface DemoCampaign {
  name: string;
  profile: ProfileName;
  responses: number;
  seed: number;
  /** Days before now the wave started; it closes 21 days after. */
  daysAgo: number;
}

interface DemoOrg {
  name: string;
  profile: OrgProfile;
  campaigns: DemoCampaign[];
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
      { name: 'Spring wave', profile: 'boss_b', responses: 140, seed: 11, daysAgo: 120 },
      { name: 'Autumn wave', profile: 'middling', responses: 160, seed: 12, daysAgo: 2 },
    ],
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
    campaigns: [{ name: 'Readiness check', profile: 'cash_rich', responses: 110, seed: 21, daysAgo: 30 }],
  },
  {
    name: 'Fabrikam Insurance',
    profile: { aiSpendPerEmployee: 150, currency: 'EUR', seats: 40, vendors: 1, pilots: 1, headcount: { total: 450 } },
    campaigns: [{ name: 'First look', profile: 'cash_poor', responses: 70, seed: 31, daysAgo: 10 }],
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
  const app = createApp({ ...deps, clock: () => now, submissionGuard: undefined });
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

  const consultant = await call('POST', '/api/v1/tokens', adminToken, {
    role: 'consultant',
    orgIds: [],
    expiresInDays: 365,
  });
  const consultantToken = consultant.token as string;
  const campaignIds: string[] = [];
  let first: { orgId: string; campaignIds: string[]; surveyToken: string } | null = null;

  for (const demo of ORGS) {
    now = new Date(realNow.getTime() - 200 * DAY);
    const org = await call('POST', '/api/v1/orgs', consultantToken, { name: demo.name });
    await call('PUT', `/api/v1/orgs/${org.id}/profile`, consultantToken, demo.profile);
    const ids: string[] = [];
    let surveyToken = '';
    for (const wave of demo.campaigns) {
      const start = realNow.getTime() - wave.daysAgo * DAY;
      now = new Date(start);
      const campaign = await call('POST', `/api/v1/orgs/${org.id}/campaigns`, consultantToken, {
        name: wave.name,
        departments: DEPARTMENTS,
        closesAt: new Date(start + 21 * DAY).toISOString(),
      });
      ids.push(campaign.id);
      surveyToken = campaign.surveyToken;
      const population = simulatePopulation(CURRENT_INSTRUMENT, wave.profile, {
        n: wave.responses,
        seed: wave.seed,
        leadershipN: 3,
        noise: { departments: DEPARTMENTS },
      });
      // Responses arrive over the first days of the wave (never in the future).
      const spread = Math.min(3 * DAY, wave.daysAgo * DAY - DAY / 24);
      const submissions = population.workforce.map((r: SurveyResponse, i) => ({
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
          },
          new Date(at),
        );
      });
      await call('PUT', `/api/v1/campaigns/${campaign.id}/leadership`, consultantToken, {
        respondents: population.leadership.map((r) => ({ answers: r.answers, level: 'executive' })),
      });
    }
    campaignIds.push(...ids);
    first ??= { orgId: org.id, campaignIds: ids, surveyToken };
  }

  now = realNow;
  const executive = await call('POST', '/api/v1/tokens', consultantToken, {
    role: 'executive',
    orgIds: [first!.orgId],
    expiresInDays: 90,
  });
  return {
    adminToken,
    consultantToken,
    executiveToken: executive.token as string,
    orgId: first!.orgId,
    campaignId: first!.campaignIds[1]!,
    previousCampaignId: first!.campaignIds[0]!,
    surveyToken: first!.surveyToken,
    campaignIds,
  };
}
