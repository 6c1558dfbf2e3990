import type { TestProject } from 'vitest/node';
import { DEMO_CONSULTANT, DEMO_EXECUTIVE } from '../../functions/local/seed';
import { seedReportCampaign, viewerLinkFor } from './seed-report';
import { startE2EServer } from './server';

export interface E2EContext {
  url: string;
  /** Where the server writes mail: the tests sign in with the link they find there. */
  outbox: string;
  consultantEmail: string;
  executiveEmail: string;
  /** Report viewer links (what the close e-mail carries) of the small campaign, the demo wave and the open wave. */
  reportViewerUrl: string;
  demoReportViewerUrl: string;
  openReportViewerUrl: string;
  dynamoEndpoint: string;
  table: string;
  adminToken: string;
  consultantToken: string;
  executiveToken: string;
  /** The demo's open wave: the survey tests answer it. */
  surveyToken: string;
  surveyCampaignId: string;
  /** The demo's latest closed wave: a published report with every section. */
  demoReportCampaignId: string;
  /** A small closed campaign with a known first break, a hidden department and a leadership view. */
  reportCampaignId: string;
  compareCampaignIds: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

// The SDK's Node-version notice is noise here (PLATFORM.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default async function setup(project: TestProject) {
  const started = Date.now();
  const server = await startE2EServer();
  const reportCampaignId = await seedReportCampaign(server.url, server.demo);
  // The campaign was closed just now: its results are published once the close has settled.
  server.settle();
  console.log(`e2e server at ${server.url}, built and seeded in ${Date.now() - started} ms`);
  project.provide('e2e', {
    url: server.url,
    outbox: server.outbox,
    consultantEmail: DEMO_CONSULTANT.email,
    executiveEmail: DEMO_EXECUTIVE.email,
    reportViewerUrl: await viewerLinkFor(server.url, server.demo, reportCampaignId),
    demoReportViewerUrl: server.demo.reportViewerUrl,
    openReportViewerUrl: await viewerLinkFor(server.url, server.demo, server.demo.surveyCampaignId),
    dynamoEndpoint: server.dynamoEndpoint,
    table: server.table,
    adminToken: server.demo.adminToken,
    consultantToken: server.demo.consultantToken,
    executiveToken: server.demo.executiveToken,
    surveyToken: server.demo.surveyToken,
    surveyCampaignId: server.demo.surveyCampaignId,
    demoReportCampaignId: server.demo.campaignId,
    reportCampaignId,
    compareCampaignIds: server.demo.campaignIds,
  });
  return () => server.close();
}
