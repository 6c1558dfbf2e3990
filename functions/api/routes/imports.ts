import { Hono } from 'hono';
import { importIntoCampaign } from '../../imports/campaign-import';
import { isClosed } from '../../lifecycle/campaign-state';
import { type AppEnv, principalOf, visibleCampaign } from '../auth';
import type { AppDeps } from '../deps';
import { CampaignClosed } from '../errors';
import { validate } from '../validation';

/**
 * `POST /campaigns/{id}/imports`: answers collected in another survey tool, uploaded as a CSV (campaign-import.ts).
 * Who may: policy.ts `campaign.import` (the roles that run campaigns).
 */
export function importRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/:campaignId/imports', validate('param', 'CampaignParams'), async (c) => {
    const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
    if (isClosed(campaign, deps.clock())) throw new CampaignClosed('the campaign is closed: no more answers');
    const result = await importIntoCampaign(deps, campaign, c.req.raw.body, c.req.header('content-type') ?? '');
    return c.json(result, result.imported > 0 ? 201 : 200);
  });
}
