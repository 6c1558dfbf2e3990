import { randomUUID } from 'node:crypto';
import type { DemoLinks } from '../../functions/local/seed';
import { CURRENT_INSTRUMENT, type Item } from '../../shared/instrument';
import type { Answers } from '../../shared/response';
import { choiceAnswer } from '../factories';

// A small campaign whose report is known in advance: knowledge and workflows clearly weak (knowledge is first in the
// cascade, so it is the first break), 4 answers from Legal (below the minimum group size of 5, so hidden), and a
// leadership view that rates everything higher (a leadership gap). Closed at the end: results are published only then,
// once the close has settled (global-setup moves the server's clock past the window).

const BASE: Record<string, number> = {
  knowledge: 2,
  workflows: 2,
  responsibility: 3,
  governance: 3,
  roles: 3,
  investment: 4,
  activity: 4,
  time_ledger: 2,
  waiting_ledger: 2,
  knowledge_ledger: 2,
  operating_impact: 2,
  human_safeguards: 3,
};

const groupOf = (item: Item) => ('layer' in item ? item.layer : item.signal);

function answersFor(i: number): Answers {
  const answers: Answers = {};
  CURRENT_INSTRUMENT.items.forEach((item, j) => {
    if (item.type === 'choice') {
      answers[item.id] = choiceAnswer(item, i % 3 === 0 ? 'cost' : 'undecided');
      return;
    }
    const noise = ((i * 7 + j * 3) % 3) - 1;
    const value = Math.max(1, Math.min(5, (BASE[groupOf(item)] ?? 3) + noise));
    answers[item.id] = item.reverse ? 6 - value : value;
  });
  return answers;
}

async function call(url: string, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`e2e seed: ${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, string>;
}

/** Creates the campaign in the demo's first organisation and returns its id. */
export async function seedReportCampaign(url: string, demo: DemoLinks): Promise<string> {
  const campaign = await call(url, 'POST', `/api/v1/orgs/${demo.orgId}/campaigns`, demo.consultantToken, {
    name: 'Pilot check <Q1>',
    departments: ['Sales', 'Operations', 'Legal'],
  });
  const plan = [
    ...Array.from({ length: 14 }, () => 'Sales'),
    ...Array.from({ length: 12 }, () => 'Operations'),
    ...Array.from({ length: 4 }, () => 'Legal'),
  ];
  for (const [i, department] of plan.entries()) {
    await call(url, 'POST', `/api/v1/surveys/${campaign.surveyToken}/responses`, null, {
      responseId: randomUUID(),
      answers: answersFor(i),
      level: i % 4 === 3 ? 'manager' : 'frontline',
      department,
      durationS: 420,
    });
  }
  const allFour = Object.fromEntries(
    CURRENT_INSTRUMENT.items.map((item) => [
      item.id,
      item.type === 'choice' ? choiceAnswer(item, 'learning') : item.reverse ? 2 : 4,
    ]),
  );
  await call(url, 'PUT', `/api/v1/campaigns/${campaign.id}/leadership`, demo.consultantToken, {
    respondents: [
      { answers: allFour, level: 'executive' },
      { answers: allFour, level: 'executive' },
    ],
  });
  await call(url, 'POST', `/api/v1/campaigns/${campaign.id}/close`, demo.consultantToken);
  return campaign.id as string;
}

/** A report viewer link of the campaign, as the dashboard's "Report links" makes one. */
export async function viewerLinkFor(url: string, demo: DemoLinks, campaignId: string): Promise<string> {
  const link = await call(url, 'POST', `/api/v1/campaigns/${campaignId}/viewer-links`, demo.consultantToken, {
    label: 'End-to-end tests',
  });
  return link.url as string;
}
