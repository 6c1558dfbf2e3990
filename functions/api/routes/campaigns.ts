import { Hono } from 'hono';
import { HANDED_OUT_LINKS_WARNING } from '../../../shared/privacy';
import { answerIssues } from '../../../shared/response';
import { acceptsWrites } from '../../lifecycle/answer-window';
import { createInviteLinks, remindPending, sendInvitations } from '../../lifecycle/invites';
import { closeCampaign } from '../../lifecycle/lifecycle';
import { removeCampaign } from '../../lifecycle/remove';
import { buildReport, reportCsv } from '../../reports/build-report';
import { campaignStats, instrumentOf } from '../../reports/campaign-stats';
import { lateAnswers } from '../../reports/late-answers';
import { accountEntries, registerFlows } from '../../reports/register';
import type { CampaignRecord } from '../../store/store';
import { type AppEnv, principalOf, requireRole, visibleCampaign } from '../auth';
import { changeSettings } from '../campaign-settings';
import type { AppDeps } from '../deps';
import {
  CampaignClosed,
  CampaignHasResponses,
  CampaignOpen,
  DepartmentsLocked,
  NotFound,
  SettingsLocked,
  ValidationFailed,
} from '../errors';
import { OPEN_ONLY_FIELDS } from '../schemas';
import { statsOptions } from '../stats-options';
import { requireJson, validate } from '../validation';
import { campaignView, isClosed } from '../views';
import type { CampaignCache } from './surveys';

export const REMINDERS_SENT =
  'Reminders went to every invitee with an address who has not answered or unsubscribed, was invited over a day ago and was not reminded in the last 20 hours. How many is not said: it would tell who answered.';

export function campaignRoutes(deps: AppDeps, campaignCache?: CampaignCache): Hono<AppEnv> {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/:campaignId', validate('param', 'CampaignParams'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      return c.json(campaignView(campaign, deps.clock()));
    })
    .patch(
      '/:campaignId',
      requireRole('admin', 'consultant'),
      validate('param', 'CampaignParams'),
      requireJson,
      validate('json', 'PatchCampaignBody'),
      async (c) => {
        const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
        const body = c.req.valid('json');
        const now = deps.clock();
        if (body.archived === true && !isClosed(campaign, now)) {
          throw new CampaignOpen('the campaign is open: close it first, then archive it');
        }
        const departmentsChange =
          body.departments !== undefined &&
          (body.departments.length !== campaign.departments.length ||
            body.departments.some((d, i) => d !== campaign.departments[i]));
        const settings = OPEN_ONLY_FIELDS.some((f) => f !== 'departments' && body[f] !== undefined);
        if ((settings || departmentsChange) && !acceptsWrites(campaign, now)) {
          throw new SettingsLocked(
            OPEN_ONLY_FIELDS.filter((f) => body[f] !== undefined).map((field) => ({
              field,
              message: 'the campaign is closed: only its name and archive state can change',
            })),
          );
        }
        // Answers carry the department they were given in: renaming one under them would move them.
        if (departmentsChange && (await store.hasResponses(campaign))) {
          throw new DepartmentsLocked(
            'responses are stored for this campaign: its departments can no longer change (make a new campaign)',
          );
        }
        const archivedAt =
          body.archived === undefined ? undefined : body.archived ? (campaign.archivedAt ?? now.toISOString()) : null;
        const plain = {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(archivedAt === undefined ? {} : { archivedAt }),
          ...(departmentsChange ? { departments: body.departments } : {}),
        };
        let surveyToken: string | undefined;
        let updated: CampaignRecord | null;
        if (settings || departmentsChange) {
          // One write, conditional on the campaign still open (raced against its close: campaign-settings.ts).
          const result = await changeSettings(deps, campaign, { ...body, ...plain }, now);
          updated = result.campaign;
          surveyToken = result.surveyToken;
        } else {
          updated = await store.updateCampaign(campaign.id, plain);
        }
        if (!updated) throw new NotFound(`no campaign ${campaign.id}`);
        // The survey shows the departments and languages, and must stop an open link at once: this instance's copy
        // goes now, other instances' within the campaign cache's 2 s.
        campaignCache?.drop(campaign.id);
        return c.json({
          ...campaignView(updated, now),
          ...(surveyToken ? { surveyToken, surveyUrl: `${deps.config.publicUrl}/s/${surveyToken}` } : {}),
        });
      },
    )
    .delete('/:campaignId', requireRole('admin', 'consultant'), validate('param', 'CampaignParams'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      if (await store.hasResponses(campaign)) {
        throw new CampaignHasResponses('responses are stored for this campaign: archive it instead (close it first)');
      }
      if (campaign.reportSentAt) {
        throw new CampaignHasResponses('its report went to the executive contacts: archive it instead');
      }
      await removeCampaign(store, campaign);
      campaignCache?.drop(campaign.id);
      return c.body(null, 204);
    })
    .get('/:campaignId/leadership', validate('param', 'CampaignParams'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      const stored = await store.getLeadership(campaign.id);
      // Leadership's own record, as it was put: no workforce answer is in it, so nothing here needs suppressing.
      return c.json({
        campaignId: campaign.id,
        respondents: (stored?.respondents ?? []).map((r) => ({ answers: r.answers, level: r.level ?? 'executive' })),
        updatedAt: stored?.updatedAt ?? null,
      });
    })
    .put(
      '/:campaignId/leadership',
      validate('param', 'CampaignParams'),
      requireJson,
      validate('json', 'LeadershipBody'),
      async (c) => {
        const p = principalOf(c);
        const campaign = await visibleCampaign(deps, p, c.req.valid('param').campaignId);
        const instrument = instrumentOf(campaign);
        const { respondents } = c.req.valid('json');
        const issues = respondents.flatMap((r, i) =>
          answerIssues(instrument, r.answers).map((issue) => ({
            field: `respondents.${i}.answers.${issue.field}`,
            message: issue.message,
          })),
        );
        if (issues.length > 0) throw new ValidationFailed(issues);
        const updatedAt = deps.clock().toISOString();
        // Stored apart from the workforce responses and never folded into them (DOMAIN.md: two voices).
        await store.putLeadership({
          campaignId: campaign.id,
          respondents: respondents.map((r) => ({
            answers: r.answers,
            level: r.level ?? 'executive',
            department: null,
          })),
          updatedAt,
          updatedBy: p.subject,
        });
        return c.json({ campaignId: campaign.id, respondents: respondents.length, updatedAt });
      },
    )
    .post(
      '/:campaignId/invites',
      validate('param', 'CampaignParams'),
      requireJson,
      validate('json', 'InviteBody'),
      async (c) => {
        const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
        const now = deps.clock();
        if (!acceptsWrites(campaign, now)) throw new CampaignClosed('the campaign is closed: no more invitations');
        const body = c.req.valid('json');
        if ((body.count === undefined) === (body.emails === undefined) || (body.count && body.language)) {
          throw new ValidationFailed([
            {
              field: body.count === undefined ? 'emails' : 'count',
              message: 'give either emails (and optionally a language) or count',
            },
          ]);
        }
        if (body.count !== undefined) {
          // Shown once: only the hashes of the links are stored.
          const made = await createInviteLinks(deps, campaign, body.count);
          return c.json({ campaignId: campaign.id, ...made, warning: HANDED_OUT_LINKS_WARNING }, 201);
        }
        const emails = body.emails ?? [];
        const lang = body.language ?? campaign.languages[0] ?? 'en';
        if (!campaign.languages.includes(lang)) {
          throw new ValidationFailed([{ field: 'language', message: `offered: ${campaign.languages.join(', ')}` }]);
        }
        const org = await store.getOrg(campaign.orgId);
        if (!org) throw new NotFound(`no campaign ${campaign.id}`);
        const result = await sendInvitations(deps, campaign, org, emails, lang);
        // Counts only: which address was invited before, or answered, is never said.
        return c.json({ campaignId: campaign.id, ...result }, 201);
      },
    )
    .post('/:campaignId/reminders', validate('param', 'CampaignParams'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      const now = deps.clock();
      if (!acceptsWrites(campaign, now)) throw new CampaignClosed('the campaign is closed: no more reminders');
      const org = await store.getOrg(campaign.orgId);
      if (!org) throw new NotFound(`no campaign ${campaign.id}`);
      await remindPending(deps, campaign, org, now);
      // No count: how many were reminded says how many invitees (with one: whether that one) answered.
      return c.json({ campaignId: campaign.id, detail: REMINDERS_SENT });
    })
    .post('/:campaignId/close', validate('param', 'CampaignParams'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      const now = deps.clock();
      // Recorded as due first: if this request dies half-way, the lifecycle job finishes the close and the delivery.
      const due = { dueAt: now.toISOString(), campaignId: campaign.id, kind: 'close' as const };
      await store.putDue(due);
      // Submissions to this instance see the close at once (other instances within the cache's TTL): the copy is
      // dropped as the close starts, and again once it is recorded, in case a submission read the campaign meanwhile.
      campaignCache?.drop(campaign.id);
      const result = await closeCampaign(deps, campaign, now);
      campaignCache?.drop(campaign.id);
      // A delivery that failed stays due: the job sends the report links on a later run.
      if (!result.deliveryPending) await store.deleteDue(due);
      return c.json({ ...campaignView(result.campaign, now), reportLinksSent: result.reportLinksSent });
    })
    .get('/:campaignId/report', validate('param', 'CampaignParams'), validate('query', 'ReportQuery'), async (c) => {
      const campaign = await visibleCampaign(deps, principalOf(c), c.req.valid('param').campaignId);
      const now = deps.clock();
      const [org, stats, leadership, profile, invites, late, flows, account] = await Promise.all([
        store.getOrg(campaign.orgId),
        campaignStats(store, campaign, now, statsOptions(deps)),
        store.getLeadership(campaign.id),
        store.getProfile(campaign.orgId),
        store.inviteCounts(campaign.id),
        lateAnswers(store, campaign, now, statsOptions(deps).safetyMs),
        registerFlows(store, campaign, now),
        accountEntries(store, campaign, now),
      ]);
      if (!org) throw new NotFound(`no campaign ${campaign.id}`);
      const input = {
        campaign,
        org,
        instrument: instrumentOf(campaign),
        cells: stats.cells,
        leadership,
        profile,
        invites,
        late,
        now,
        settleMs: statsOptions(deps).safetyMs,
        flows,
        ...(account ? { account } : {}),
      };
      if (c.req.valid('query').format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="orgos-report-${campaign.id}.csv"`);
        return c.body(reportCsv(input));
      }
      return c.json(buildReport(input));
    });
}
