import { Hono } from 'hono';
import type { TokenRecord } from '../../store/store';
import { type AppEnv, canSeeOrg, principalOf, visibleCampaign } from '../auth';
import type { AppDeps } from '../deps';
import { Forbidden, NotFound, ValidationFailed } from '../errors';
import { KEY_ROLES } from '../policy';
import { sha256Hex, tokenIdOf } from '../token-hash';
import { requireJson, validate } from '../validation';

// API keys, for scripts and integrations (the pages use sessions). Shown once, stored as a hash, scoped by role,
// organisations, optionally one campaign and read-only, listed with their expiry and the day they were last used.
// A consultant's own consultant key acts as that consultant (narrowed to `orgIds` when given) and dies with its
// account; executive and viewer keys stand alone, as the bearer tokens before them did.

const DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;

/** What the keys list shows: never the hash. */
const keyView = (t: TokenRecord, now: Date) => ({
  id: t.id,
  label: t.label ?? null,
  role: t.role,
  orgIds: t.orgIds,
  campaignId: t.campaignId ?? null,
  readOnly: Boolean(t.readOnly),
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedOn: t.lastUsedOn ?? null,
  revokedAt: t.revokedAt ?? null,
  active: !t.revokedAt && Date.parse(t.expiresAt) > now.getTime(),
});

export function tokenRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const p = principalOf(c);
      const now = deps.clock();
      const mine = await store.auth.listTokensBy(p.subject);
      return c.json({ keys: mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((t) => keyView(t, now)) });
    })
    .post('/', requireJson, validate('json', 'CreateTokenBody'), async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      if (!KEY_ROLES[p.role].includes(body.role)) {
        throw new Forbidden(`a ${p.role} may not create ${body.role} keys`);
      }
      // A consultant's consultant key is its own (it acts as the person), so only a person can have one.
      const personal = p.role === 'consultant' && body.role === 'consultant';
      if (personal && !p.user) throw new Forbidden('a consultant key is made by the signed-in consultant it acts for');
      let orgIds = body.role === 'admin' ? [] : [...new Set(body.orgIds)];
      let campaignId: string | undefined;
      if (body.campaignId) {
        const campaign = await visibleCampaign(deps, p, body.campaignId);
        if (orgIds.some((id) => id !== campaign.orgId)) {
          throw new ValidationFailed([{ field: 'orgIds', message: "a campaign key reaches only the campaign's own" }]);
        }
        orgIds = [campaign.orgId];
        campaignId = campaign.id;
      }
      if (body.role === 'viewer' && !campaignId) {
        throw new ValidationFailed([{ field: 'campaignId', message: 'a viewer key is for one campaign' }]);
      }
      if (body.role === 'executive' && orgIds.length === 0) {
        throw new ValidationFailed([
          { field: 'orgIds', message: 'an executive token needs at least one organisation' },
        ]);
      }
      const [visible, orgs] = await Promise.all([
        Promise.all(orgIds.map((id) => canSeeOrg(deps, p, id))),
        store.getOrgs(orgIds),
      ]);
      const missing = orgIds.filter((id, i) => !visible[i] || !orgs.some((o) => o.id === id));
      if (missing.length > 0) throw new NotFound(`no organisation ${missing.join(', ')}`);

      const now = deps.clock();
      const token = deps.randomToken();
      const expiresAt = new Date(
        Math.floor((now.getTime() + (body.expiresInDays ?? DEFAULT_DAYS) * DAY_MS) / 1000) * 1000,
      ).toISOString();
      const id = tokenIdOf(token);
      const readOnly = Boolean(body.readOnly) || body.role === 'viewer';
      await store.putToken({
        id,
        hash: sha256Hex(token),
        role: body.role,
        orgIds,
        createdBy: p.subject,
        createdAt: now.toISOString(),
        expiresAt,
        ...(body.label ? { label: body.label } : {}),
        ...(campaignId ? { campaignId } : {}),
        ...(readOnly ? { readOnly } : {}),
        ...(personal && p.user ? { userId: p.user.id } : {}),
      });
      // The key is shown once; the table keeps only its hash.
      return c.json(
        {
          id,
          token,
          role: body.role,
          orgIds,
          expiresAt,
          label: body.label ?? null,
          campaignId: campaignId ?? null,
          readOnly,
        },
        201,
      );
    })
    .delete('/:tokenId', validate('param', 'TokenParams'), async (c) => {
      const p = principalOf(c);
      const { tokenId } = c.req.valid('param');
      const record = await store.getToken(tokenId, deps.clock());
      if (!record || (p.role !== 'admin' && record.createdBy !== p.subject)) throw new NotFound(`no token ${tokenId}`);
      await store.revokeToken(tokenId, deps.clock().toISOString());
      return c.body(null, 204);
    });
}
