import { Hono } from 'hono';
import { answerIssues } from '../../../shared/response';
import { buildReport, reportCsv } from '../../reports/build-report';
import { campaignStats, instrumentOf } from '../../reports/campaign-stats';
import { type AppEnv, principalOf, visibleCampaign } from '../auth';
import type { AppDeps } from '../deps';
import { NotFound, ValidationFailed } from '../errors';
import { CampaignParams, LeadershipBody, ReportQuery } from '../schemas';
import { statsOptions } from '../stats-options';
import { requireJson, validate } from '../validation';
import { campaignView } from '../views';

export function campaignRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/:campaignId', validate('param', CampaignParams), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      return c.json(campaignView(campaign, deps.clock()));
    })
    .put(
      '/:campaignId/leadership',
      validate('param', CampaignParams),
      requireJson,
      validate('json', LeadershipBody),
      async (c) => {
        const p = principalOf(c);
        const campaign = await visibleCampaign(deps, p, c.req.valid('param').campaignId);
        const instrument = instrumentOf(campaign);
        const { respondents } = c.req.valid('json');
        const issues = respondents.flatMap((r, i) =>
          answerIssues(instrument, r.answers).map((issue) => ({
            field: `respondents.${i}.answers.${issue.field}`,
            message: issue.message,
          })),
        );
        if (issues.length > 0) throw new ValidationFailed(issues);
        const updatedAt = deps.clock().toISOString();
        // Stored apart from the workforce responses and never folded into them (DOMAIN.md: two voices).
        await store.putLeadership({
          campaignId: campaign.id,
          respondents: respondents.map((r) => ({
            answers: r.answers,
            level: r.level ?? 'executive',
            department: null,
          })),
          updatedAt,
          updatedBy: p.subject,
        });
        return c.json({ campaignId: campaign.id, respondents: respondents.length, updatedAt });
      },
    )
    .get('/:campaignId/report', validate('param', CampaignParams), validate('query', ReportQuery), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      const now = deps.clock();
      const [org, stats, leadership, profile] = await Promise.all([
        store.getOrg(campaign.orgId),
        campaignStats(store, campaign, now, statsOptions(deps)),
        store.getLeadership(campaign.id),
        store.getProfile(campaign.orgId),
      ]);
      if (!org) throw new NotFound(`no campaign ${campaign.id}`);
      const input = { campaign, org, instrument: instrumentOf(campaign), cells: stats.cells, leadership, profile, now };
      if (c.req.valid('query').format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="orgos-report-${campaign.id}.csv"`);
        return c.body(reportCsv(input));
      }
      return c.json(buildReport(input));
    });
}
