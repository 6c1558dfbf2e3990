import { Hono } from 'hono';
import { createReportViewerLink } from '../../auth/viewer-links';
import type { ViewerLinkRecord } from '../../store/auth-store';
import { type AppEnv, principalOf, visibleCampaign } from '../auth';
import type { AppDeps } from '../deps';
import { NotFound } from '../errors';
import { requireJson, validate } from '../validation';

// A campaign's report viewer links: those the close mailed to the contacts, and those made here for someone who
// should read that one report. Listed with whom they are for, expiry and last use; revocable one by one.

const linkView = (l: ViewerLinkRecord, now: Date) => ({
  id: l.id,
  label: l.label,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
  lastUsedOn: l.lastUsedOn ?? null,
  revokedAt: l.revokedAt ?? null,
  active: !l.revokedAt && Date.parse(l.expiresAt) > now.getTime(),
});

export function viewerLinkRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/:campaignId/viewer-links', validate('param', 'CampaignParams'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      const now = deps.clock();
      const links = await store.auth.listViewerLinks(campaign.id);
      return c.json({ campaignId: campaign.id, links: links.map((l) => linkView(l, now)) });
    })
    .post(
      '/:campaignId/viewer-links',
      validate('param', 'CampaignParams'),
      requireJson,
      validate('json', 'CreateViewerLinkBody'),
      async (c) => {
        const p = principalOf(c);
        const campaign = await visibleCampaign(deps, p, c.req.valid('param').campaignId);
        const body = c.req.valid('json');
        const link = await createReportViewerLink(deps, campaign, {
          label: body.label,
          createdBy: p.subject,
          now: deps.clock(),
          ...(body.expiresInDays ? { days: body.expiresInDays } : {}),
        });
        // The URL carries the code: shown once, here.
        return c.json({ campaignId: campaign.id, ...link }, 201);
      },
    )
    .delete('/:campaignId/viewer-links/:linkId', validate('param', 'ViewerLinkParams'), async (c) => {
      const { campaignId, linkId } = c.req.valid('param');
      const campaign = await visibleCampaign(deps, principalOf(c), campaignId);
      const link = await store.auth.getViewerLink(linkId, deps.clock());
      if (!link || link.campaignId !== campaign.id) throw new NotFound(`no viewer link ${linkId}`);
      await store.auth.revokeViewerLink(linkId, deps.clock().toISOString());
      return c.body(null, 204);
    });
}
