import { Hono } from 'hono';
import type { UserRecord } from '../../store/auth-store';
import { type AppEnv, canSeeOrg, principalOf } from '../auth';
import type { AppDeps } from '../deps';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../errors';
import { USER_ROLES } from '../policy';
import { requireJson, validate } from '../validation';

// The people who sign in: created and revoked by an admin, or by a consultant for its portfolio (executives of its
// organisations). A revoked user's sessions and own keys stop working on their next request (auth.ts reads the
// user each time), and the address is free for a new account.

const userView = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name ?? null,
  role: u.role,
  orgIds: u.orgIds,
  createdAt: u.createdAt,
  revokedAt: u.revokedAt ?? null,
});

export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const p = principalOf(c);
      const all = await store.auth.listUsers();
      const mine = p.role === 'admin' ? all : all.filter((u) => u.createdBy === p.subject);
      return c.json({ users: mine.map(userView) });
    })
    .post('/', requireJson, validate('json', 'CreateUserBody'), async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      if (!USER_ROLES[p.role].includes(body.role)) throw new Forbidden(`a ${p.role} may not create ${body.role} users`);
      const orgIds = body.role === 'admin' ? [] : [...new Set(body.orgIds ?? [])];
      if (body.role === 'executive' && orgIds.length === 0) {
        throw new ValidationFailed([{ field: 'orgIds', message: 'an executive reads at least one organisation' }]);
      }
      const [visible, orgs] = await Promise.all([
        Promise.all(orgIds.map((id) => canSeeOrg(deps, p, id))),
        store.getOrgs(orgIds),
      ]);
      const missing = orgIds.filter((id, i) => !visible[i] || !orgs.some((o) => o.id === id));
      if (missing.length > 0) throw new NotFound(`no organisation ${missing.join(', ')}`);
      const user: UserRecord = {
        id: deps.newId(),
        email: body.email.trim().toLowerCase(),
        ...(body.name ? { name: body.name } : {}),
        role: body.role,
        orgIds,
        createdBy: p.subject,
        createdAt: deps.clock().toISOString(),
      };
      // Only a signed-in admin or consultant learns that an address is taken; the sign-in page never says.
      if ((await store.auth.createUser(user)) === 'exists') {
        throw new Conflict('a user with this address exists already');
      }
      return c.json(userView(user), 201);
    })
    .delete('/:userId', validate('param', 'UserParams'), async (c) => {
      const p = principalOf(c);
      const { userId } = c.req.valid('param');
      const user = await store.auth.getUser(userId);
      if (!user || user.revokedAt || (p.role !== 'admin' && user.createdBy !== p.subject)) {
        throw new NotFound(`no user ${userId}`);
      }
      if (user.id === p.user?.id) throw new Forbidden('you cannot revoke your own account');
      await store.auth.revokeUser(userId, deps.clock().toISOString());
      return c.body(null, 204);
    });
}
