import { Hono } from 'hono';
import { portfolioCsv } from '../../../shared/report/portfolio';
import { portfolioGlance } from '../../reports/portfolio';
import { type AppEnv, portfolioOrgIds, principalOf, requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { statsOptions } from '../stats-options';
import { validate } from '../validation';

/** GET /api/v1/portfolio: every organisation of the caller's portfolio at a glance (reports/portfolio.ts). */
export function glanceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>().get(
    '/',
    requireRole('admin', 'consultant'),
    validate('query', 'PortfolioQuery'),
    async (c) => {
      const query = c.req.valid('query');
      const orgs = await store.getOrgs(await portfolioOrgIds(deps, principalOf(c)));
      const listed = query.archived === 'include' ? orgs : orgs.filter((o) => o.archivedAt === undefined);
      const portfolio = await portfolioGlance(store, listed, deps.clock(), statsOptions(deps));
      if (query.format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', 'attachment; filename="orgos-portfolio.csv"');
        return c.body(portfolioCsv(portfolio));
      }
      return c.json(portfolio);
    },
  );
}
