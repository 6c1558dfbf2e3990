import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import {
  type AccountKind,
  type AccountSummary,
  accountSummary,
  applyEntryPatch,
  baselineCell,
  type CapacityRecord,
  type ChangeRecord,
  canonicalJson,
  capacityIssues,
  cellTitle,
  commonTopCells,
  type Entry,
  type EntryPatch,
  type EntrySource,
  type FieldChange,
  type Flow,
  flowIssues,
  type Issue,
  landedHistory,
  lookupCell,
  measureFromFigures,
  newEntry,
  type PublishedLedger,
  type Review,
  reconcile,
  registerState,
  type WaitHolder,
} from '../../../shared/account';
import { accountSection, accountView, itemView, loadAccount, pendingFor } from '../../account/account-view';
import { publishedWaves, reportCache, waveFacts } from '../../account/published';
import { isPublished } from '../../lifecycle/campaign-state';
import { runLimited } from '../../lifecycle/invites';
import { scheduleReview } from '../../lifecycle/review-reminder';
import type { AccountItemRecord } from '../../store/account-store';
import type { CampaignRecord, OrgRecord } from '../../store/store';
import { type AppEnv, type Principal, portfolioOrgIds, principalOf, visibleCampaign, visibleOrg } from '../auth';
import type { AppDeps } from '../deps';
import { Conflict, NotFound, ValidationFailed } from '../errors';
import { pageOf, pageRequest } from '../paging';
import { statsOptions } from '../stats-options';
import { requireJson, validate } from '../validation';

// Who may use each route is the policy table's business (policy.ts, rows `account.*`): it runs before every route
// here, so the handlers check only scope (another organisation's account answers 404).

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();
/** An account item's id from its idempotency key: the same key in the same organisation is the same item. */
const idOf = (orgId: string, kind: AccountKind, key: string) =>
  sha256(`${orgId}\n${kind}\n${key}`).toString('base64url').slice(0, 22);
const hashOf = (value: unknown) => sha256(canonicalJson(value)).toString('hex');

const today = (now: Date) => now.toISOString().slice(0, 10);
const actorOf = (p: Principal) => ({ role: p.role, subject: p.subject });

/** A clean 400 when domain rules refuse (naming the fields, as the schemas do). */
function refuse(issues: Issue[]): never {
  throw new ValidationFailed(issues);
}

async function campaignOfOrg(deps: AppDeps, org: OrgRecord, id: string, field: string): Promise<CampaignRecord> {
  const campaign = await deps.store.getCampaign(id);
  if (!campaign || campaign.orgId !== org.id) refuse([{ field, message: 'no campaign of this organisation' }]);
  return campaign;
}

async function publishedCampaignOfOrg(deps: AppDeps, org: OrgRecord, id: string, field: string, now: Date) {
  const campaign = await campaignOfOrg(deps, org, id, field);
  if (!isPublished(campaign, now, statsOptions(deps).safetyMs)) {
    refuse([{ field, message: 'its results are not published yet' }]);
  }
  return campaign;
}

const holderName = (h: WaitHolder) => ('department' in h ? h.department : h.level);

function changeOf(
  kind: AccountKind,
  itemId: string,
  version: number,
  parentId: string | null,
  fields: FieldChange[],
  patchHash: string,
  p: Principal,
  deps: AppDeps,
  now: Date,
): ChangeRecord {
  return {
    kind,
    itemId,
    version,
    changeId: deps.newId(),
    parentId,
    at: now.toISOString(),
    by: actorOf(p),
    fields,
    patchHash,
  };
}

/**
 * Stores a new item (its creation change first). A retry with the same key and body answers the stored item with 200;
 * the same key with another body is a 409 naming `conflictField`.
 */
async function createItem<T>(
  deps: AppDeps,
  p: Principal,
  kind: AccountKind,
  orgId: string,
  id: string,
  body: unknown,
  data: T,
  fields: FieldChange[],
  conflictField: string,
  now: Date,
): Promise<{ status: 200 | 201; record: AccountItemRecord<T> }> {
  const createHash = hashOf(body);
  const change = changeOf(kind, id, 1, null, fields, createHash, p, deps, now);
  const at = now.toISOString();
  const record: AccountItemRecord<T> = {
    kind,
    orgId,
    id,
    version: 1,
    changeId: change.changeId,
    createHash,
    createdAt: at,
    updatedAt: at,
    data,
  };
  const result = await deps.store.createAccountItem(record, change);
  // The review's due marker (lifecycle/review-reminder.ts): a first entry or flow starts the account, a review moves
  // the day. A retry writes it too, so a marker lost to a crash after the item comes back with the retry.
  if (kind === 'review' || kind === 'entry' || kind === 'flow')
    await scheduleReview(deps.store, orgId, kind !== 'review');
  if (result.created) return { status: 201, record };
  if (result.existing.createHash === createHash) return { status: 200, record: result.existing };
  throw new Conflict(`this ${conflictField} was used already for ${kind} ${id}`, {
    errors: [{ field: conflictField, message: `was used already, with another body (${kind} ${id})` }],
  });
}

/** The stored item, or 404 (another organisation's item is simply not found). */
async function itemOrNotFound<T>(
  deps: AppDeps,
  orgId: string,
  kind: AccountKind,
  id: string,
): Promise<AccountItemRecord<T>> {
  const record = await deps.store.getAccountItem<T>(orgId, kind, id);
  if (!record) throw new NotFound(`no ${kind} ${id}`);
  return record;
}

function stale(kind: AccountKind, record: AccountItemRecord<unknown>, sent: number): Conflict {
  return new Conflict(`the ${kind} changed since version ${sent}; read it again (it is at version ${record.version})`, {
    errors: [{ field: 'version', message: `is stale: the ${kind} is at version ${record.version}` }],
  });
}

/**
 * Whether the stored item is exactly what this request made of version `sent`: a retry whose first attempt landed
 * (say, after a timeout) answers as the first did instead of a 409.
 */
async function isReplay(
  deps: AppDeps,
  record: AccountItemRecord<unknown>,
  sent: number,
  patchHash: string,
  p: Principal,
) {
  if (record.version !== sent + 1) return false;
  const head = (await deps.store.listAccountChanges(record.orgId, record.kind, record.id)).find(
    (c) => c.changeId === record.changeId,
  );
  return head?.patchHash === patchHash && head.by.subject === p.subject;
}

/** Writes the change and the new version on top of `record`; a writer that lost to another answers 409. */
async function updateItem<T>(
  deps: AppDeps,
  p: Principal,
  record: AccountItemRecord<T>,
  data: T,
  fields: FieldChange[],
  patchHash: string,
  now: Date,
): Promise<AccountItemRecord<T>> {
  if (fields.length === 0) return record;
  const change = changeOf(record.kind, record.id, record.version + 1, record.changeId, fields, patchHash, p, deps, now);
  const next: AccountItemRecord<T> = {
    ...record,
    version: record.version + 1,
    changeId: change.changeId,
    updatedAt: now.toISOString(),
    data,
  };
  if (await deps.store.updateAccountItem(next, change, { version: record.version, changeId: record.changeId }))
    return next;
  const current = await itemOrNotFound<T>(deps, record.orgId, record.kind, record.id);
  throw stale(record.kind, current, record.version);
}

/** The item's landed history as clients see it: version, time, the role that changed it, and the fields. */
async function historyOf(deps: AppDeps, record: AccountItemRecord<unknown>) {
  const changes = await deps.store.listAccountChanges(record.orgId, record.kind, record.id);
  return landedHistory(record.changeId, changes).map((c) => ({
    version: c.version,
    at: c.at,
    role: c.by.role,
    fields: c.fields,
  }));
}

function notFuture(value: string | null | undefined, field: string, now: Date): Issue[] {
  return value && value > today(now) ? [{ field, message: 'must not be in the future' }] : [];
}

export function accountRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store } = deps;

  /** The reconciliation of a cell entry against wave `campaignId`, from that wave's published cell. */
  async function reconciliationAgainst(org: OrgRecord, entry: Entry, campaignId: string, now: Date) {
    const cell = baselineCell(entry.source)?.cell;
    if (!cell) return undefined;
    const campaign = await publishedCampaignOfOrg(deps, org, campaignId, 'reconcile.campaignId', now);
    const facts = await waveFacts(reportCache(deps, org, now), campaign);
    return reconcile(entry, campaign.id, lookupCell(facts?.ledger, cell)) ?? undefined;
  }

  async function dueIssues(org: OrgRecord, due: Entry['due'] | undefined): Promise<Issue[]> {
    if (!due || !('wave' in due)) return [];
    const campaign = await store.getCampaign(due.wave);
    return campaign && campaign.orgId === org.id
      ? []
      : [{ field: 'due.wave', message: 'no campaign of this organisation' }];
  }

  return new Hono<AppEnv>()
    .get('/:orgId/account', validate('param', 'OrgParams'), async (c) => {
      const now = deps.clock();
      const org = await visibleOrg(deps, principalOf(c), c.req.valid('param').orgId);
      return c.json(await accountView(deps, org, now));
    })
    .post(
      '/:orgId/account/entries',
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'CreateEntryBody'),
      async (c) => {
        const p = principalOf(c);
        const now = deps.clock();
        const org = await visibleOrg(deps, p, c.req.valid('param').orgId);
        const body = c.req.valid('json');
        const source = body.source ?? { kind: 'typed' as const };
        const issues: Issue[] = await dueIssues(org, body.due);
        let id = idOf(org.id, 'entry', `key:${body.clientKey}`);
        let conflictField = 'clientKey';
        let input: Parameters<typeof newEntry>[1];
        if (source.kind === 'typed') {
          if (!body.ledger) issues.push({ field: 'ledger', message: 'say which ledger the entry belongs to' });
          if (!body.title) issues.push({ field: 'title', message: 'give the entry a title' });
          if (issues.length > 0) refuse(issues);
          input = { ...body, ledger: body.ledger!, title: body.title!, source: { kind: 'typed' }, status: 'logged' };
        } else if (source.kind === 'cell') {
          const campaign = await publishedCampaignOfOrg(deps, org, source.campaignId, 'source.campaignId', now);
          const facts = await waveFacts(reportCache(deps, org, now), campaign);
          const ref = {
            campaignId: campaign.id,
            ledger: source.ledger,
            category: source.category,
            ...(source.heldBy ? { heldBy: source.heldBy } : {}),
          };
          const found = lookupCell(facts?.ledger, ref);
          if (found.state !== 'shown') {
            issues.push({
              field: 'source.category',
              message:
                'no published cell: below the minimum group size, hidden with one, named by nobody, or its median withheld',
            });
          }
          if (body.baseline !== undefined) issues.push({ field: 'baseline', message: 'comes from the ledger cell' });
          if (body.ledger && body.ledger !== source.ledger) {
            issues.push({ field: 'ledger', message: `the cell is in the ${source.ledger} ledger` });
          }
          if (issues.length > 0 || found.state !== 'shown') refuse(issues);
          const cellSource: EntrySource = { kind: 'cell', cell: ref, figures: found.figures };
          input = {
            ...body,
            ledger: source.ledger,
            title: body.title ?? cellTitle(ref, found.figures),
            department: body.department ?? (source.heldBy ? holderName(source.heldBy) : null),
            baseline: measureFromFigures(source.ledger, found.figures),
            source: cellSource,
            status: 'logged',
          };
        } else {
          const campaign = await publishedCampaignOfOrg(deps, org, source.campaignId, 'source.campaignId', now);
          const report = await reportCache(deps, org, now)(campaign);
          const rec = report.recommendations?.[source.index];
          if (!rec) refuse([{ field: 'source.index', message: 'the report has no recommendation with this index' }]);
          const ledger = body.ledger ?? rec.ledger;
          if (!ledger) issues.push({ field: 'ledger', message: 'this recommendation names no ledger: choose one' });
          // A ledger action names a published cell: its figures become the baseline, as for an entry made from it.
          const ref = rec.cell && rec.ledger ? { campaignId: campaign.id, ledger: rec.ledger, ...rec.cell } : null;
          const found = ref ? lookupCell((await waveFacts(reportCache(deps, org, now), campaign))?.ledger, ref) : null;
          const named = ref && found?.state === 'shown' ? { cell: ref, figures: found.figures } : null;
          if (named && body.baseline !== undefined) {
            issues.push({ field: 'baseline', message: 'comes from the ledger cell the action names' });
          }
          if (named && body.ledger && body.ledger !== named.cell.ledger) {
            issues.push({ field: 'ledger', message: `the action is about the ${named.cell.ledger} ledger` });
          }
          if (issues.length > 0) refuse(issues);
          // One entry per recommendation, whichever key the client sent: accepting it twice cannot make two.
          id = idOf(org.id, 'entry', `recommendation:${campaign.id}:${source.index}`);
          conflictField = 'source';
          input = {
            ...body,
            ledger: ledger!,
            title: body.title ?? (named ? cellTitle(named.cell, named.figures) : rec.action.slice(0, 160)),
            ...(named
              ? {
                  baseline: measureFromFigures(named.cell.ledger, named.figures),
                  department: body.department ?? (named.cell.heldBy ? holderName(named.cell.heldBy) : null),
                }
              : {}),
            source: {
              kind: 'recommendation',
              campaignId: campaign.id,
              index: source.index,
              action: rec.action,
              ...(named ?? {}),
            },
            status: source.decision === 'accept' ? 'logged' : 'dismissed',
          };
        }
        const made = newEntry(id, input, now.toISOString());
        if (!made.ok) refuse(made.issues);
        const { status, record } = await createItem(
          deps,
          p,
          'entry',
          org.id,
          id,
          body,
          made.entry,
          made.fields,
          conflictField,
          now,
        );
        return c.json(itemView(record), status);
      },
    )
    .get('/:orgId/account/entries/:entryId', validate('param', 'AccountEntryParams'), async (c) => {
      const now = deps.clock();
      const params = c.req.valid('param');
      const org = await visibleOrg(deps, principalOf(c), params.orgId);
      const record = await itemOrNotFound<Entry>(deps, org.id, 'entry', params.entryId);
      const [pendingReconciliation, history] = await Promise.all([
        pendingFor(deps, org, record.data, now),
        historyOf(deps, record),
      ]);
      return c.json({ ...itemView(record), pendingReconciliation, history });
    })
    .patch(
      '/:orgId/account/entries/:entryId',
      validate('param', 'AccountEntryParams'),
      requireJson,
      validate('json', 'UpdateEntryBody'),
      async (c) => {
        const p = principalOf(c);
        const now = deps.clock();
        const params = c.req.valid('param');
        const org = await visibleOrg(deps, p, params.orgId);
        const { version, reconcile: against, ...fields } = c.req.valid('json');
        if (Object.keys(fields).length === 0 && !against)
          refuse([{ field: 'body', message: 'change at least one field' }]);
        const record = await itemOrNotFound<Entry>(deps, org.id, 'entry', params.entryId);
        const patchHash = hashOf({ id: record.id, version, fields, against });
        if (record.version !== version) {
          if (await isReplay(deps, record, version, patchHash, p)) return c.json(itemView(record));
          throw stale('entry', record, version);
        }
        const issues = await dueIssues(org, fields.due);
        if (issues.length > 0) refuse(issues);
        const patch: EntryPatch = { ...fields };
        if (against) {
          if (!baselineCell(record.data.source)) {
            refuse([{ field: 'reconcile', message: 'only an entry made from a ledger cell is reconciled' }]);
          }
          patch.reconciliation = await reconciliationAgainst(org, record.data, against.campaignId, now);
        }
        const result = applyEntryPatch(record.data, patch, now.toISOString());
        if (!result.ok) refuse(result.issues);
        return c.json(itemView(await updateItem(deps, p, record, result.entry, result.fields, patchHash, now)));
      },
    )
    .post(
      '/:orgId/account/capacity',
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'CreateCapacityBody'),
      async (c) => {
        const p = principalOf(c);
        const now = deps.clock();
        const org = await visibleOrg(deps, p, c.req.valid('param').orgId);
        const body = c.req.valid('json');
        const id = idOf(org.id, 'capacity', `key:${body.clientKey}`);
        const data: CapacityRecord = {
          id,
          decidedOn: body.decidedOn,
          ownerRole: body.ownerRole,
          shares: Object.fromEntries(Object.entries(body.shares).filter(([, v]) => v !== undefined)),
          preconditions: Object.fromEntries(Object.entries(body.preconditions).filter(([, v]) => v !== undefined)),
          toldStaffOn: body.toldStaffOn ?? null,
          toldHow: body.toldHow ?? null,
          note: body.note ?? null,
        };
        const issues = [
          ...capacityIssues(data),
          ...notFuture(data.decidedOn, 'decidedOn', now),
          ...notFuture(data.toldStaffOn, 'toldStaffOn', now),
        ];
        if (issues.length > 0) refuse(issues);
        const fields = Object.entries(data)
          .filter(([k]) => k !== 'id')
          .map(([field, to]) => ({ field, from: null, to }));
        const { status, record } = await createItem(
          deps,
          p,
          'capacity',
          org.id,
          id,
          body,
          data,
          fields,
          'clientKey',
          now,
        );
        return c.json(itemView(record), status);
      },
    )
    .post(
      '/:orgId/account/flows',
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'CreateFlowBody'),
      async (c) => {
        const p = principalOf(c);
        const now = deps.clock();
        const org = await visibleOrg(deps, p, c.req.valid('param').orgId);
        const body = c.req.valid('json');
        const id = idOf(org.id, 'flow', `key:${body.clientKey}`);
        const data: Flow = {
          id,
          name: body.name,
          humanExit: body.humanExit ?? null,
          adjudicator: body.adjudicator ?? null,
          triggerOwner: body.triggerOwner ?? null,
          signals: body.signals.map((s) => ({ ...s, label: s.label ?? null })),
          retired: body.retired ?? false,
        };
        const issues = [
          ...flowIssues(data),
          ...data.signals.flatMap((s, i) => notFuture(s.measuredOn, `signals.${i}.measuredOn`, now)),
        ];
        if (issues.length > 0) refuse(issues);
        const fields = Object.entries(data)
          .filter(([k]) => k !== 'id')
          .map(([field, to]) => ({ field, from: null, to }));
        const { status, record } = await createItem(deps, p, 'flow', org.id, id, body, data, fields, 'clientKey', now);
        return c.json({ ...itemView(record), state: registerState([record.data])[0] ?? null }, status);
      },
    )
    .get('/:orgId/account/flows/:flowId', validate('param', 'AccountFlowParams'), async (c) => {
      const params = c.req.valid('param');
      const org = await visibleOrg(deps, principalOf(c), params.orgId);
      const record = await itemOrNotFound<Flow>(deps, org.id, 'flow', params.flowId);
      return c.json({
        ...itemView(record),
        state: registerState([record.data])[0] ?? null,
        history: await historyOf(deps, record),
      });
    })
    .patch(
      '/:orgId/account/flows/:flowId',
      validate('param', 'AccountFlowParams'),
      requireJson,
      validate('json', 'UpdateFlowBody'),
      async (c) => {
        const p = principalOf(c);
        const now = deps.clock();
        const params = c.req.valid('param');
        const org = await visibleOrg(deps, p, params.orgId);
        const { version, ...fields } = c.req.valid('json');
        if (Object.keys(fields).length === 0) refuse([{ field: 'body', message: 'change at least one field' }]);
        const record = await itemOrNotFound<Flow>(deps, org.id, 'flow', params.flowId);
        const patchHash = hashOf({ id: record.id, version, fields });
        if (record.version !== version) {
          if (await isReplay(deps, record, version, patchHash, p)) {
            return c.json({ ...itemView(record), state: registerState([record.data])[0] ?? null });
          }
          throw stale('flow', record, version);
        }
        const { signals, ...rest } = fields;
        const data: Flow = {
          ...record.data,
          ...rest,
          ...(signals ? { signals: signals.map((s) => ({ ...s, label: s.label ?? null })) } : {}),
        };
        const issues = [
          ...flowIssues(data),
          ...(fields.signals ?? []).flatMap((s, i) => notFuture(s.measuredOn, `signals.${i}.measuredOn`, now)),
        ];
        if (issues.length > 0) refuse(issues);
        const changed = (Object.keys(fields) as (keyof Flow)[])
          .filter((f) => canonicalJson(record.data[f] ?? null) !== canonicalJson(data[f] ?? null))
          .map((f) => ({ field: f, from: record.data[f] ?? null, to: data[f] ?? null }));
        const next = await updateItem(deps, p, record, data, changed, patchHash, now);
        return c.json({ ...itemView(next), state: registerState([next.data])[0] ?? null });
      },
    )
    .post(
      '/:orgId/account/reviews',
      validate('param', 'OrgParams'),
      requireJson,
      validate('json', 'CreateReviewBody'),
      async (c) => {
        const p = principalOf(c);
        const now = deps.clock();
        const org = await visibleOrg(deps, p, c.req.valid('param').orgId);
        const body = c.req.valid('json');
        const issues = notFuture(body.heldOn, 'heldOn', now);
        if (issues.length > 0) refuse(issues);
        const id = idOf(org.id, 'review', `key:${body.clientKey}`);
        // The account as it stands when the review is recorded, kept with it: the log shows what was reviewed.
        const existing = await store.getAccountItem<Review<AccountSummary>>(org.id, 'review', id);
        const records = existing ? null : await loadAccount(store, org.id);
        const summary = existing
          ? existing.data.summary
          : accountSummary(
              records!.entries.map((r) => r.data),
              records!.capacity.map((r) => r.data),
              records!.flows.map((r) => r.data),
              body.heldOn,
            );
        const data: Review<AccountSummary> = {
          id,
          heldOn: body.heldOn,
          reviewerRole: body.reviewerRole,
          notes: body.notes,
          summary,
        };
        const fields = [
          { field: 'heldOn', from: null, to: data.heldOn },
          { field: 'reviewerRole', from: null, to: data.reviewerRole },
          { field: 'notes', from: null, to: data.notes },
        ];
        const { status, record } = await createItem(
          deps,
          p,
          'review',
          org.id,
          id,
          body,
          data,
          fields,
          'clientKey',
          now,
        );
        return c.json(itemView(record), status);
      },
    );
}

/**
 * The account as one wave's report shows it (its "Operating account" section): kept apart from the report JSON, which
 * is exactly the workforce's folded results, and read beside it by the report page.
 */
export function campaignAccountRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/:campaignId/account', validate('param', 'CampaignParams'), async (c) => {
    const now = deps.clock();
    const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
    const org = await deps.store.getOrg(campaign.orgId);
    if (!org) throw new NotFound(`no campaign ${campaign.id}`);
    const section = await accountSection(deps, campaign, reportCache(deps, org, now), now);
    return c.json({ campaignId: campaign.id, orgId: org.id, ...section });
  });
}

/**
 * The consultant's view across the portfolio, a page at a time (api/paging.ts, by creation then id): each company's
 * account, and the most common top waits and time sinks among the page's companies (counts of companies, so the
 * pages' counts add up to the portfolio's: shared/account `mergeCommonCells`).
 */
export function portfolioRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/accounts', validate('query', 'PageQuery'), async (c) => {
    const p = principalOf(c);
    const now = deps.clock();
    const route = 'portfolio/accounts';
    const request = pageRequest(route, p, c.req.valid('query'), 2);
    // The caller's portfolio read on this request: a cursor only says where to go on in it.
    const { page: orgs, next } = pageOf(
      route,
      p,
      await deps.store.getOrgs(await portfolioOrgIds(deps, p)),
      (o) => [o.createdAt, o.id],
      request,
    );
    const companies = new Map<string, { ledger: PublishedLedger | null; row: Record<string, unknown> }>();
    // Bounded parallelism, as the comparison does: each company is a few queries and at most one report.
    await runLimited(orgs, 4, async (org) => {
      const [records, waves] = await Promise.all([loadAccount(deps.store, org.id), publishedWaves(deps, org.id, now)]);
      const latest = waves.at(-1);
      const ledger = latest ? ((await waveFacts(reportCache(deps, org, now), latest.campaign))?.ledger ?? null) : null;
      const summary = accountSummary(
        records.entries.map((r) => r.data),
        records.capacity.map((r) => r.data),
        records.flows.map((r) => r.data),
        today(now),
      );
      companies.set(org.id, {
        ledger,
        row: {
          orgId: org.id,
          name: org.name,
          entries: summary.entries,
          questions: summary.questions,
          freed: summary.freed,
          capacityDecided: summary.capacity !== null,
          red: summary.register.flatMap((f) => f.red.map((signal) => ({ flow: f.name, signal }))),
          flows: summary.register.length,
          lastReview:
            records.reviews
              .map((r) => r.data.heldOn)
              .sort()
              .at(-1) ?? null,
          latestWave: latest
            ? { campaignId: latest.campaign.id, name: latest.campaign.name, closedAt: latest.closedAt }
            : null,
        },
      });
    });
    const ordered = orgs.map((o) => companies.get(o.id)!);
    const ledgers = ordered.flatMap((x) => (x.ledger ? [x.ledger] : []));
    return c.json({ orgs: ordered.map((x) => x.row), common: commonTopCells(ledgers), next });
  });
}
