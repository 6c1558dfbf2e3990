import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { type LedgerAnswers, ledgerDesignFor, ledgerIssues, storedLedger } from '../../../shared/ledger';
import { normalizeName } from '../../../shared/names';
import { answerIssues } from '../../../shared/response';
import { isTooFast } from '../../../shared/scoring';
import { acceptsWrites, insideClose, type ObservedCampaign, writeWindow } from '../../lifecycle/answer-window';
import { openLinkAllowed } from '../../lifecycle/campaign-state';
import { inviteClaim, usedDay } from '../../lifecycle/invites';
import { instrumentOf } from '../../reports/campaign-stats';
import type { CampaignRecord, SurveyLinkRecord } from '../../store/store';
import { storedTime } from '../../store/stored-time';
import type { AppDeps } from '../deps';
import { newDraftCode, normaliseDraftCode } from '../draft-code';
import { CampaignClosed, Conflict, InviteUsed, NotFound, ValidationFailed } from '../errors';
import type { SubmitResponseBody } from '../schemas';
import { canonicalHash, hashesEqual, receiptFor, sha256Hex, TOKEN_ID_CHARS } from '../token-hash';
import { requireJson, validate } from '../validation';

export interface ResolvedSurvey extends ObservedCampaign {
  link: SurveyLinkRecord;
}

/**
 * Links never change once written (only expire, which is checked on every use), so each instance keeps the ones it
 * has seen: a link maps to its campaign (and invite) without a read. An invite's single use is not a property of its
 * link: every answer still claims the invite in the store (`submitResponse`).
 */
export class LinkCache {
  private readonly links = new Map<string, SurveyLinkRecord>();
  constructor(private readonly max = 2000) {}
  get(id: string): SurveyLinkRecord | undefined {
    return this.links.get(id);
  }
  set(link: SurveyLinkRecord): void {
    if (this.links.size >= this.max) this.links.delete(this.links.keys().next().value!);
    this.links.set(link.id, link);
  }
}

/** How long a submission may use a campaign read earlier by the same app instance (AppConfig.campaignCacheMs). */
export const CAMPAIGN_CACHE_MS = 2000;

/**
 * A campaign as a submission needs it (status, closing time, open link, instrument, departments, receipt key), kept
 * for at most `ttlMs` per app instance: one read less per submission. Correctness does not rest on it: a close
 * takes effect a grace after it is asked for, and a submission dates itself only within that grace of when its copy
 * was read (lifecycle/answer-window.ts), so an answer taken on a copy from before a close is inside the close; the
 * same race exists without a cache (read campaign, close, put). The close route drops the copy, so an instance sees
 * its own closes at once; a close elsewhere (another Lambda instance) shows within `ttlMs`. Invites are never cached.
 */
export class CampaignCache {
  private readonly entries = new Map<string, { observed: ObservedCampaign; readAt: number }>();
  /** Bumped by `drop`: a read that started before a drop does not put its (possibly older) copy back. */
  private generation = 0;
  constructor(
    private readonly ttlMs: number,
    private readonly max = 500,
  ) {}

  /** The campaign and when (by `clock`) it was read: a write may use the copy only that long (answer-window.ts). */
  async get(
    id: string,
    read: (id: string) => Promise<CampaignRecord | null>,
    clock: () => Date,
  ): Promise<ObservedCampaign | null> {
    // Elapsed real time, not the app's clock: how old the copy is, whatever time the domain clock says it is.
    const startedAt = performance.now();
    const hit = this.entries.get(id);
    if (hit && startedAt - hit.readAt < this.ttlMs) return hit.observed;
    const generation = this.generation;
    const observedAt = clock();
    const campaign = await read(id);
    if (!campaign) return null;
    const observed = { campaign, observedAt };
    if (this.ttlMs > 0 && generation === this.generation) {
      this.entries.delete(id);
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(id, { observed, readAt: startedAt });
    }
    return observed;
  }

  /** The campaign changed (it was closed): the next submission reads it from the store. */
  drop(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }
}

/** The survey routes' caches, one set per app (createApp shares them with the page routes and the close route). */
export interface SurveyCaches {
  links: LinkCache;
  campaigns: CampaignCache;
}

export const surveyCaches = (deps: Pick<AppDeps, 'config'>): SurveyCaches => ({
  links: new LinkCache(),
  campaigns: new CampaignCache(deps.config.campaignCacheMs ?? CAMPAIGN_CACHE_MS),
});

/**
 * A survey token (the campaign's open link, or an invite's single-use link) resolves to its campaign and link: 404
 * when unknown or expired, or when it is the open link of a campaign that takes invitations only; 410 when the
 * campaign is closed (unless `allowClosed`: submissions decide themselves, since a retry of a response counted before
 * the close still gets its receipt). With `caches.campaigns`, the campaign may be a copy up to its TTL old.
 */
export async function resolveSurvey(
  deps: AppDeps,
  surveyToken: string,
  now: Date,
  caches: Partial<SurveyCaches> = {},
  options: { allowClosed?: boolean } = {},
): Promise<ResolvedSurvey> {
  // One hash: its first 96 bits are the link's id (tokenIdOf), the whole is compared with the stored one.
  const hash = sha256Hex(surveyToken);
  const id = hash.slice(0, TOKEN_ID_CHARS);
  let link = caches.links?.get(id) ?? null;
  if (!link) {
    link = await deps.store.getSurveyLink(id, now);
    if (link) caches.links?.set(link);
  }
  if (!link || !hashesEqual(link.hash, hash)) throw new NotFound('no such survey');
  if (link.expiresAt && link.expiresAt <= now.toISOString()) throw new NotFound('no such survey');
  const observed = caches.campaigns
    ? await caches.campaigns.get(link.campaignId, (campaignId) => deps.store.getCampaign(campaignId), deps.clock)
    : await observe(deps, link.campaignId);
  if (!observed) throw new NotFound('no such survey');
  const { campaign } = observed;
  // An open link turned off, or replaced by a new one after that, no longer answers (campaign-settings.ts).
  if (
    !link.inviteId &&
    (!openLinkAllowed(campaign) || (campaign.surveyLinkId !== null && campaign.surveyLinkId !== link.id))
  ) {
    throw new NotFound('this survey takes answers through personal invitations only');
  }
  if (!options.allowClosed && !acceptsWrites(campaign, now)) throw new CampaignClosed('this survey is closed');
  return { ...observed, link };
}

/** The campaign read from the store, with the clock before the read. */
export async function observe(deps: Pick<AppDeps, 'store' | 'clock'>, campaignId: string) {
  const observedAt = deps.clock();
  const campaign = await deps.store.getCampaign(campaignId);
  return campaign ? { campaign, observedAt } : null;
}

/** For showing the survey: an invite whose link already answered says so at once (409) instead of after the form. */
export async function checkInviteUnused(deps: AppDeps, link: SurveyLinkRecord): Promise<void> {
  if (!link.inviteId) return;
  const invite = await deps.store.getInvite(link.inviteId);
  if (!invite) throw new NotFound('no such survey');
  // A pending claim is an answer that crashed half-way: its retry must still find the survey.
  if (invite.usedAt && !invite.claim) throw new InviteUsed('this invitation was already used to answer');
}

export type Submission = z.infer<typeof SubmitResponseBody>;

/**
 * Records one response: checks it against the instrument and the campaign, then writes it with one conditional put.
 * `created: false` is a retry of the same submission (same receipt); other content under the same id is a 409.
 *
 * Through an invite's link, the invite is claimed first (one conditional update), then the response is written, then
 * the claim is dropped, leaving only the invite's `usedAt` day. A second answer through the same link meets the claim
 * and gets a 409; a retry of the first (same response id) passes it and answers as the first did. Nothing written
 * links the response to the invite.
 */
export async function submitResponse(
  deps: AppDeps,
  campaign: CampaignRecord,
  body: Submission,
  now: Date,
  link?: SurveyLinkRecord,
): Promise<{ created: boolean; receipt: string; receivedAt: string }> {
  const instrument = instrumentOf(campaign);
  const issues = answerIssues(instrument, body.answers).map((i) => ({
    field: `answers.${i.field}`,
    message: i.message,
  }));
  // The campaign's own spelling. Names are normalised when a campaign is made (shared/names.ts); one made before may
  // hold a name with two spaces that a client sends in its normal form, with one. Look-alikes are refused.
  const department =
    campaign.departments.find((d) => d === body.department) ??
    campaign.departments.find((d) => normalizeName(d) === body.department);
  if (department === undefined) {
    issues.push({
      field: 'department',
      message: `expected one of the campaign's ${campaign.departments.length} departments`,
    });
  }
  // A wait's holder in the campaign's own spelling too, as the department above.
  const submittedLedger = body.ledger && {
    ...body.ledger,
    ...(body.ledger.waiting && {
      waiting: body.ledger.waiting.map((e) => {
        const held = e.heldBy && 'department' in e.heldBy ? e.heldBy.department : undefined;
        if (held === undefined || campaign.departments.includes(held)) return e;
        const own = campaign.departments.find((d) => normalizeName(d) === held);
        return own === undefined ? e : { ...e, heldBy: { department: own } };
      }),
    }),
  };
  if (submittedLedger !== undefined) {
    // Against the campaign's own lists and departments: an unknown category, a fourth entry or a holder outside the
    // campaign is refused here, before anything is stored.
    const design = ledgerDesignFor(instrument, campaign.ledger, campaign.departments);
    if (!design) issues.push({ field: 'ledger', message: `instrument ${instrument.version} has no ledger step` });
    else issues.push(...ledgerIssues(design, submittedLedger));
  }
  if (issues.length > 0) throw new ValidationFailed(issues);
  // Labels lose addresses, phone numbers and URLs before anything is stored (or hashed). The entries passed
  // ledgerIssues above, so each has the fields its ledger needs.
  const ledger = storedLedger(submittedLedger as LedgerAnswers | undefined);

  // The receipt is derived, not stored: a retry gets the same one, and only its hash keys the response.
  const receipt = receiptFor(campaign.receiptKey, body.responseId);
  const key = sha256Hex(receipt);
  const answered = { answers: body.answers, level: body.level, department, ...(ledger ? { ledger } : {}) };
  // The duration only decides the speeding flag (METHOD.md §3.5), here; the store keeps the flag, never the duration.
  const tooFast = isTooFast(body.durationS, Object.keys(body.answers).length);
  // The hash covers what was answered, not how long it took: a plain form sent again a moment later (Back, a double
  // click) has the same answers and a longer duration, and is the same response. The first flag stays.
  const contentHash = canonicalHash(answered);
  // Stored before the hash left the duration out: a retry of such a response still matches it. Only a retry or a
  // conflict compares hashes, so only they compute this one.
  const legacyHash = () =>
    body.durationS === undefined
      ? contentHash
      : canonicalHash({
          answers: body.answers,
          level: body.level,
          department,
          durationS: body.durationS,
          ...(ledger ? { ledger } : {}),
        });
  const sameContent = (stored: string | undefined) => stored === contentHash || stored === legacyHash();
  // Only a response the results hold gets its receipt again: one stored after the close (by code before the close
  // grace) is left out, so its retry is told the survey closed.
  const retryOfCounted = async () => {
    const existing = await deps.store.getResponse(key);
    return existing &&
      !existing.withdrawnAt &&
      sameContent(existing.contentHash) &&
      insideClose(campaign, existing.receivedAt)
      ? { created: false, receipt, receivedAt: existing.receivedAt }
      : null;
  };
  if (!acceptsWrites(campaign, now)) {
    // Closed: nothing new is counted, but a retry of a response counted before the close answers as the first did.
    const retry = await retryOfCounted();
    if (retry) return retry;
    throw new CampaignClosed('this survey is closed');
  }

  const inviteId = link?.inviteId;
  const claim = inviteId ? inviteClaim(campaign, body.responseId) : null;
  if (inviteId && claim) {
    const state = await deps.store.claimInvite(inviteId, claim, usedDay(now));
    if (state === 'missing') throw new NotFound('no such survey');
    if (state === 'used') {
      const retry = await retryOfCounted();
      if (retry) return retry;
      throw new InviteUsed('this invitation was already used to answer');
    }
  }

  // The hour only (stored-time.ts): it is inside the close whenever `now` is.
  const receivedAt = storedTime(now);
  // Answers, segment, speeding flag, ledger entries and hour only: no token, invite, address, user agent, exact time
  // or duration (DESIGN.md, issue 16). Should this put fail, the invite's claim stays, so its retry can still finish.
  const result = await deps.store.putResponse({
    key,
    campaignId: campaign.id,
    shard: Number.parseInt(key.slice(0, 8), 16) % campaign.shards,
    position: `${receivedAt}#${key.slice(0, 16)}`,
    receivedAt,
    contentHash,
    ...answered,
    ...(tooFast ? { tooFast: true as const } : {}),
  });
  if (!result.created) {
    const { existing } = result;
    const conflict = existing.withdrawnAt
      ? 'this response was withdrawn'
      : !sameContent(existing.contentHash)
        ? 'this response id was already used with other answers'
        : null;
    if (conflict) {
      // Nothing was counted through the invite: it is unused again.
      if (inviteId && claim) await deps.store.releaseInviteClaim(inviteId, claim);
      throw new Conflict(conflict);
    }
  }
  if (inviteId && claim) await deps.store.finishInviteClaim(inviteId, claim);
  if (result.created) {
    deps.metrics?.addMetric('ResponseSubmitted', 'Count', 1);
    return { created: true, receipt, receivedAt };
  }
  deps.metrics?.addMetric('ResponseRetried', 'Count', 1);
  return { created: false, receipt, receivedAt: result.existing.receivedAt };
}

/** How long a saved draft's code works, at most (the campaign's close ends it sooner). */
export const DRAFT_DAYS = 7;

export function surveyRoutes(deps: AppDeps, caches: SurveyCaches = surveyCaches(deps)): Hono {
  const guard = deps.submissionGuard ?? (async (_c, next) => next());
  // Showing the survey reads the campaign itself: only the submission, the hot path, takes a cached copy.
  const links = { links: caches.links };
  return (
    new Hono()
      .get('/:surveyToken', validate('param', 'SurveyParams'), validate('query', 'SurveyQuery'), async (c) => {
        const { campaign, link } = await resolveSurvey(deps, c.req.valid('param').surveyToken, deps.clock(), links);
        await checkInviteUnused(deps, link);
        const { lang } = c.req.valid('query');
        if (lang && !campaign.languages.includes(lang)) {
          throw new ValidationFailed([{ field: 'lang', message: `offered: ${campaign.languages.join(', ')}` }]);
        }
        return c.json({
          campaign: {
            name: campaign.name,
            departments: campaign.departments,
            languages: campaign.languages,
            closesAt: campaign.closesAt,
          },
          language: lang ?? campaign.languages[0]!,
          instrument: instrumentOf(campaign),
          // The ledger step as this campaign asks it (its lists, its departments as holders); null without one.
          ledger: ledgerDesignFor(instrumentOf(campaign), campaign.ledger, campaign.departments),
        });
      })
      // Resume on another device (issue 16): the answers so far under a random code the respondent keeps. A code is the
      // only key, so a draft of the open link is no way into anybody else's answers (METHOD.md §4).
      .put(
        '/:surveyToken/drafts',
        guard,
        validate('param', 'SurveyParams'),
        requireJson,
        validate('json', 'SaveDraftBody'),
        async (c) => {
          const now = deps.clock();
          const { campaign, link } = await resolveSurvey(deps, c.req.valid('param').surveyToken, now, links);
          await checkInviteUnused(deps, link);
          const body = c.req.valid('json');
          const issues = answerIssues(instrumentOf(campaign), body.answers).map((i) => ({
            field: `answers.${i.field}`,
            message: i.message,
          }));
          const department =
            body.department === undefined
              ? undefined
              : (campaign.departments.find((d) => d === body.department) ??
                campaign.departments.find((d) => normalizeName(d) === body.department));
          if (body.department !== undefined && department === undefined) {
            issues.push({
              field: 'department',
              message: `expected one of the campaign's ${campaign.departments.length} departments`,
            });
          }
          if (issues.length > 0) throw new ValidationFailed(issues);
          // The hour, as every stored time (stored-time.ts); the close instead when it comes sooner.
          const week = storedTime(now.getTime() + DRAFT_DAYS * 86_400_000);
          const expiresAt = campaign.closesAt !== null && campaign.closesAt < week ? campaign.closesAt : week;
          for (;;) {
            const code = newDraftCode();
            const stored = await deps.store.putDraft({
              codeHash: sha256Hex(normaliseDraftCode(code)!),
              campaignId: campaign.id,
              ...(body.responseId ? { responseId: body.responseId } : {}),
              answers: body.answers,
              ...(body.level ? { level: body.level } : {}),
              ...(department ? { department } : {}),
              expiresAt,
            });
            if (stored) return c.json({ code, expiresAt }, 201);
          }
        },
      )
      .post(
        '/:surveyToken/drafts/restore',
        validate('param', 'SurveyParams'),
        requireJson,
        validate('json', 'RestoreDraftBody'),
        async (c) => {
          // A wrong code counts as a failed sign-in does: guessing is throttled per client (failure-throttle.ts).
          deps.authFailures?.check(c, 'wrong codes for saved answers');
          const now = deps.clock();
          const { campaign } = await resolveSurvey(deps, c.req.valid('param').surveyToken, now, links);
          const code = normaliseDraftCode(c.req.valid('json').code);
          const draft = code ? await deps.store.getDraft(sha256Hex(code), now) : null;
          if (!draft || draft.campaignId !== campaign.id) {
            deps.authFailures?.failed(c);
            if (!code) {
              throw new ValidationFailed([
                { field: 'code', message: 'expected the 26 letters and digits of the code, in groups of four' },
              ]);
            }
            throw new NotFound(
              'no saved answers under this code: it may be mistyped, or expired (codes last 7 days, or until the survey closes), or its answers were already sent',
            );
          }
          return c.json({
            responseId: draft.responseId ?? null,
            answers: draft.answers,
            level: draft.level ?? null,
            department: draft.department ?? null,
            expiresAt: draft.expiresAt,
          });
        },
      )
      .post(
        '/:surveyToken/responses',
        guard,
        validate('param', 'SurveyParams'),
        requireJson,
        validate('json', 'SubmitResponseBody'),
        async (c) => {
          const resolved = await resolveSurvey(deps, c.req.valid('param').surveyToken, deps.clock(), caches, {
            allowClosed: true,
          });
          const body = c.req.valid('json');
          // Dated within the close grace of reading the campaign (answer-window.ts): an answer taken on a copy that
          // showed the campaign open is always inside its close, so the receipt below is never for an answer left out.
          const { campaign, now } = await writeWindow(deps, resolved, () =>
            deps.store.getCampaign(resolved.campaign.id),
          );
          const result = await submitResponse(deps, campaign, body, now, resolved.link);
          // Counted: the draft it came from has served its purpose (the code keys it; nothing links the two).
          const draftCode = body.draftCode === undefined ? null : normaliseDraftCode(body.draftCode);
          if (draftCode) await deps.store.deleteDraft(sha256Hex(draftCode));
          return c.json(
            {
              receipt: result.receipt,
              receivedAt: result.receivedAt,
              // Withdrawals are taken until the campaign closes; then its results are final.
              withdrawUntil: campaign.closesAt,
            },
            result.created ? 201 : 200,
          );
        },
      )
  );
}
