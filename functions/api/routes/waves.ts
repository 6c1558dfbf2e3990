import { Hono } from 'hono';
import { waveTrend } from '../../reports/waves';
import { type AppEnv, principalOf, visibleCampaign } from '../auth';
import type { AppDeps } from '../deps';
import { statsOptions } from '../stats-options';
import { validate } from '../validation';

// The organisation's earlier waves beside one campaign's report, for the executive's own report page (the consultant
// compares across the portfolio with /compare). Reachable by whoever may read the report, a viewer link included:
// the figures are whole-workforce totals of published waves, each one what that wave's own report shows.

export function waveRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>().get('/:campaignId/waves', validate('param', 'CampaignParams'), async (c) => {
    const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
    const orgCampaigns = await store.listCampaigns(campaign.orgId);
    return c.json(await waveTrend(store, campaign, orgCampaigns, deps.clock(), statsOptions(deps)));
  });
}
