import { Hono } from 'hono';
import { CURRENT_INSTRUMENT, findInstrument } from '../../../shared/instrument';
import { ledgerSettingsIssues } from '../../../shared/ledger';
import { nameKey } from '../../../shared/names';
import { normalizeMinGroupSize, protectionOf } from '../../../shared/privacy';
import { FOLD_EVERY_MS } from '../../reports/fold-job';
import type { DueRecord, OrgRecord } from '../../store/store';
import { type AppEnv, type Principal, portfolioOrgIds, principalOf, requireRole, visibleOrg } from '../auth';
import { languageIssues, newOpenLink, planSchedule, scheduledClose } from '../campaign-settings';
import type { AppDeps } from '../deps';
import { NotFound, OrgHasCampaigns, ValidationFailed } from '../errors';
import { requireJson, validate } from '../validation';
import { campaignView, orgView } from '../views';

const DEFAULT_SHARDS = 8;

/**
 * Whether another organisation the caller sees has the same name, case and spacing aside. Two clients may share a
 * name, so it is said rather than refused; the list tells them apart by `createdAt` and `campaignCount`.
 */
async function duplicateName(deps: AppDeps, p: Principal, org: OrgRecord): Promise<boolean> {
  const ids = await portfolioOrgIds(deps, p);
  const others = await deps.store.getOrgs(ids.filter((id) => id !== org.id));
  return others.some((o) => nameKey(o.name) === nameKey(org.name));
}

export function orgRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .post('/', requireRole('admin', 'consultant'), requireJson, validate('json', 'CreateOrgBody'), async (c) => {
      const p = principalOf(c);
      const { name } = c.req.valid('json');
      const org = { id: deps.newId(), name, createdAt: deps.clock().toISOString(), createdBy: p.subject };
      // Grant first: a crash in between leaves a grant to nothing, which every reader skips.
      if (p.role === 'consultant') await store.grantOrg(p.subject, org.id, org.createdAt);
      await store.createOrg(org);
      return c.json({ ...orgView(org), duplicateName: await duplicateName(deps, p, org) }, 201);
    })
    .get('/', async (c) => {
      const p = principalOf(c);
      const orgs = p.role === 'admin' ? await store.listOrgs() : await store.getOrgs(await portfolioOrgIds(deps, p));
      // One index query per organisation: portfolios hold tens to hundreds, and the page needs the count to tell two
      // organisations of one name apart.
      const counts = await Promise.all(orgs.map((o) => store.listCampaigns(o.id).then((list) => list.length)));
      return c.json({ orgs: orgs.map((o, i) => ({ ...orgView(o), campaignCount: counts[i]! })) });
    })
    .patch(
      '/:orgId',
      requireRole('admin', 'consultant'),
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'PatchOrgBody'),
      async (c) => {
        const p = principalOf(c);
        const org = await visibleOrg(deps, p, c.req.valid('param').orgId);
        const body = c.req.valid('json');
        const archivedAt =
          body.archived === undefined
            ? undefined
            : body.archived
              ? (org.archivedAt ?? deps.clock().toISOString())
              : null;
        const updated = await store.updateOrg(org.id, {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(archivedAt === undefined ? {} : { archivedAt }),
        });
        if (!updated) throw new NotFound(`no organisation ${org.id}`);
        return c.json({ ...orgView(updated), duplicateName: await duplicateName(deps, p, updated) });
      },
    )
    .delete('/:orgId', requireRole('admin', 'consultant'), validate('param', 'OrgParams'), async (c) => {
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      const campaigns = await store.listCampaigns(org.id);
      if (campaigns.length > 0) {
        throw new OrgHasCampaigns(
          `the organisation has ${campaigns.length === 1 ? 'a campaign' : `${campaigns.length} campaigns`}: delete or archive them first, or archive the organisation`,
        );
      }
      // Its creator's grant goes with it (a consultant's portfolio); executives' lists name it no more than a
      // deleted organisation, which every reader skips.
      await store.deleteOrg(org, [org.createdBy]);
      return c.body(null, 204);
    })
    .get('/:orgId', validate('param', 'OrgParams'), async (c) => {
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      return c.json({ ...orgView(org), profile: await store.getProfile(org.id) });
    })
    .get('/:orgId/profile', validate('param', 'OrgParams'), async (c) => {
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      return c.json({ orgId: org.id, profile: await store.getProfile(org.id) });
    })
    .put(
      '/:orgId/profile',
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'OrgProfileSchema'),
      async (c) => {
        const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
        const profile = c.req.valid('json');
        await store.putProfile(org.id, profile, deps.clock().toISOString());
        return c.json({ orgId: org.id, profile });
      },
    )
    .post(
      '/:orgId/campaigns',
      requireRole('admin', 'consultant'),
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'CreateCampaignBody'),
      async (c) => {
        const p = principalOf(c);
        const org = await visibleOrg(deps, p, c.req.valid('param').orgId);
        const body = c.req.valid('json');
        const now = deps.clock();
        // The schema admits only known versions, so the lookup cannot miss.
        const instrument = findInstrument(CURRENT_INSTRUMENT.id, body.instrumentVersion ?? CURRENT_INSTRUMENT.version)!;
        const issues = languageIssues(instrument, body.languages ?? []);
        const languages = body.languages ?? [...instrument.languages];
        if (body.ledger) issues.push(...ledgerSettingsIssues(instrument, body.ledger, languages));
        const schedule = planSchedule(body, now, { closesAt: null, reminders: [], marginMs: 0 });
        issues.push(...schedule.issues);
        const { closesAt, reminders: remindAt } = schedule;
        if (issues.length > 0) throw new ValidationFailed(issues);

        const campaignId = deps.newId();
        const openLink = body.openLink ?? true;
        // A campaign that takes invitations only has no open link at all, rather than one that refuses.
        const made = openLink ? newOpenLink(deps, campaignId, now) : null;
        const surveyToken = made?.surveyToken ?? null;
        const link = made?.link ?? null;
        const due: DueRecord[] = [
          ...(closesAt ? [scheduledClose(campaignId, closesAt)] : []),
          ...remindAt.map((t) => ({ dueAt: t, campaignId, kind: 'remind' as const })),
          // The scheduler keeps the report snapshot current from here on (reports/fold-job.ts).
          { dueAt: new Date(now.getTime() + FOLD_EVERY_MS).toISOString(), campaignId, kind: 'fold' as const },
        ];
        const campaign = {
          id: campaignId,
          orgId: org.id,
          name: body.name,
          departments: body.departments,
          minGroupSize: normalizeMinGroupSize(body.minGroupSize),
          closesAt,
          closedAt: null,
          languages,
          instrument: { id: instrument.id, version: instrument.version },
          createdAt: now.toISOString(),
          createdBy: p.subject,
          shards: deps.config.responseShards ?? DEFAULT_SHARDS,
          receiptKey: deps.randomToken(),
          surveyLinkId: link?.id ?? null,
          openLink,
          remindAt,
          ...(body.ledger ? { ledger: body.ledger } : {}),
        };
        await store.createCampaign(campaign, link, due);
        return c.json(
          {
            ...campaignView(campaign, now),
            // Shown once: only the hash is stored.
            surveyToken,
            surveyUrl: surveyToken ? `${deps.config.publicUrl}/s/${surveyToken}` : null,
            // Said at once: an open link lets anyone add answers, so small groups cannot be protected against padding.
            protection: protectionOf({ openLink, handedOutLinks: 0 }),
          },
          201,
        );
      },
    )
    .get('/:orgId/contacts', validate('param', 'OrgParams'), async (c) => {
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      return c.json({ orgId: org.id, contacts: await store.getContacts(org.id) });
    })
    .put(
      '/:orgId/contacts',
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'ContactsBody'),
      async (c) => {
        const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
        const { contacts } = c.req.valid('json');
        const seen = new Set<string>();
        const issues = contacts.flatMap((contact, i) => {
          const email = contact.email.toLowerCase();
          if (seen.has(email)) return [{ field: `contacts.${i}.email`, message: 'is listed twice' }];
          seen.add(email);
          return [];
        });
        if (issues.length > 0) throw new ValidationFailed(issues);
        const p = principalOf(c);
        const at = deps.clock().toISOString();
        const before = new Set((await store.getContacts(org.id)).map((x) => x.email.toLowerCase()));
        const after = new Set(contacts.map((x) => x.email.toLowerCase()));
        // Logged before the change (17.5): a crash between the two leaves a logged change that did not happen,
        // never a change that is not logged.
        await store.auth.appendContactsChange({
          orgId: org.id,
          id: deps.newId(),
          at,
          by: p.subject,
          byRole: p.role,
          ...(p.user ? { byEmail: p.user.email } : {}),
          added: [...after].filter((e) => !before.has(e)),
          removed: [...before].filter((e) => !after.has(e)),
          count: contacts.length,
        });
        // Executives who receive the report link when a campaign closes: the whole list is replaced.
        await store.putContacts(org.id, contacts, at);
        return c.json({ orgId: org.id, contacts });
      },
    )
    .get('/:orgId/contacts/changes', validate('param', 'OrgParams'), async (c) => {
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      const changes = await store.auth.listContactsChanges(org.id);
      return c.json({
        orgId: org.id,
        changes: changes.map(({ orgId: _org, ...change }) => ({ byEmail: null, ...change })),
      });
    })
    .get('/:orgId/campaigns', validate('param', 'OrgParams'), async (c) => {
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      const now = deps.clock();
      const campaigns = await store.listCampaigns(org.id);
      return c.json({ campaigns: campaigns.map((x) => campaignView(x, now)) });
    });
}
