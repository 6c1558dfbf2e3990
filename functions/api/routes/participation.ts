import { Hono } from 'hono';
import { liveParticipation } from '../../reports/participation';
import { type AppEnv, principalOf, visibleCampaign } from '../auth';
import type { AppDeps } from '../deps';
import { statsOptions } from '../stats-options';
import { validate } from '../validation';

// Live participation while a campaign runs (issue 16): only for the roles that run campaigns (policy row
// 'participation.read'); see reports/participation.ts for what it shows and docs/ARCHITECTURE.md ("Padding") for why.

export function participationRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/:campaignId/participation', validate('param', 'CampaignParams'), async (c) => {
    const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
    return c.json(await liveParticipation(deps.store, campaign, deps.clock(), statsOptions(deps)));
  });
}
