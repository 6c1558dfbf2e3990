import { Hono } from 'hono';
import { type AppEnv, canSeeOrg, principalOf, requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { Forbidden, NotFound, ValidationFailed } from '../errors';
import { sha256Hex, tokenIdOf } from '../token-hash';
import { requireJson, validate } from '../validation';

const DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;

export function tokenRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .post('/', requireRole('admin', 'consultant'), requireJson, validate('json', 'CreateTokenBody'), async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      // A consultant hands out executive tokens for its own organisations, nothing else.
      if (p.role === 'consultant' && body.role !== 'executive') {
        throw new Forbidden('a consultant may create executive tokens only');
      }
      if (body.role === 'executive' && body.orgIds.length === 0) {
        throw new ValidationFailed([
          { field: 'orgIds', message: 'an executive token needs at least one organisation' },
        ]);
      }
      const orgIds = body.role === 'admin' ? [] : [...new Set(body.orgIds)];
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
      await store.putToken({
        id,
        hash: sha256Hex(token),
        role: body.role,
        orgIds,
        createdBy: p.subject,
        createdAt: now.toISOString(),
        expiresAt,
      });
      // The token is shown once; the table keeps only its hash.
      return c.json({ id, token, role: body.role, orgIds, expiresAt }, 201);
    })
    .delete('/:tokenId', requireRole('admin', 'consultant'), validate('param', 'TokenParams'), async (c) => {
      const p = principalOf(c);
      const { tokenId } = c.req.valid('param');
      const record = await store.getToken(tokenId, deps.clock());
      if (!record || (p.role !== 'admin' && record.createdBy !== p.subject)) throw new NotFound(`no token ${tokenId}`);
      await store.revokeToken(tokenId, deps.clock().toISOString());
      return c.body(null, 204);
    });
}
