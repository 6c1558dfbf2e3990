import { Hono } from 'hono';
import { compareCampaigns } from '../../reports/compare';
import type { CampaignRecord } from '../../store/store';
import { type AppEnv, portfolioOrgIds, principalOf, requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { NotFound, ValidationFailed } from '../errors';

const MAX_COMPARED = 50;

import { statsOptions } from '../stats-options';
import { validate } from '../validation';

export function compareRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>().get(
    '/',
    requireRole('admin', 'consultant'),
    validate('query', 'CompareQuery'),
    async (c) => {
      const p = principalOf(c);
      const given = c.req.valid('query').campaigns;
      const ids = [...new Set((Array.isArray(given) ? given : [given]).flatMap((list) => list.split(',')))];
      if (ids.length > MAX_COMPARED) {
        throw new ValidationFailed([{ field: 'campaigns', message: `at most ${MAX_COMPARED} campaigns` }]);
      }
      const orgIds = await portfolioOrgIds(deps, p);
      const [orgs, perOrg] = await Promise.all([
        store.getOrgs(orgIds),
        Promise.all(orgIds.map((id) => store.listCampaigns(id))),
      ]);
      const portfolio = perOrg.flat();
      const byId = new Map<string, CampaignRecord>(portfolio.map((x) => [x.id, x]));
      // A campaign outside the portfolio is answered exactly like one that does not exist.
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length > 0) throw new NotFound(`no campaign ${missing.join(', ')}`);
      const comparison = await compareCampaigns(
        store,
        ids.map((id) => byId.get(id)!),
        portfolio,
        new Map(orgs.map((o) => [o.id, o.name])),
        deps.clock(),
        statsOptions(deps),
      );
      return c.json(comparison);
    },
  );
}
