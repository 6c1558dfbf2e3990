import type { Instrument, Language } from '../../shared/instrument';
import { ledgerSettingsIssues } from '../../shared/ledger';
import { acceptsWrites } from '../lifecycle/answer-window';
import { instrumentOf } from '../reports/campaign-stats';
import type { CampaignRecord, CampaignSettingsChanges, DueRecord, SurveyLinkRecord } from '../store/store';
import type { AppDeps } from './deps';
import { Conflict, type FieldIssue, LanguageInUse, SettingsLocked, ValidationFailed } from './errors';
import { OPEN_ONLY_FIELDS } from './schemas';
import { sha256Hex, tokenIdOf } from './token-hash';

// The settings a campaign is made with (close date, reminders, languages, open link) and that may change while it
// is open: one validation for creation (routes/orgs.ts) and for PATCH (routes/campaigns.ts).

const DAY_MS = 86_400_000;

/**
 * A moved close date lies at least this far ahead. Instances keep a copy of the campaign for up to 2 s and date a
 * write within the close grace (5 s) of their copy (lifecycle/answer-window.ts): a close date closer than that could
 * pass before every copy showed it, and an answer taken on an older copy would be acknowledged and left out. Five
 * minutes is far past both, and short enough not to stand in anyone's way (to close sooner, close by hand).
 */
export const CLOSE_MOVE_MARGIN_MS = 5 * 60_000;

/** Languages the campaign's instrument has no version in. */
export function languageIssues(instrument: Instrument, languages: readonly Language[]): FieldIssue[] {
  return languages
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => !instrument.languages.includes(l))
    .map(({ l, i }) => ({ field: `languages.${i}`, message: `the instrument has no "${l}" version` }));
}

export interface ScheduleBody {
  closesAt?: string | null;
  reminderDays?: number[];
  remindAt?: string[];
}

export interface Schedule {
  closesAt: string | null;
  /** The reminders still to come, ascending: the body's, or the kept ones when it gives none. */
  reminders: string[];
  issues: FieldIssue[];
}

/**
 * The close date and the reminders still to come after a change (or at creation: nothing kept, no margin), and
 * what is wrong with them: the close date in the future (by `marginMs`), every reminder in the future and before
 * the close date. A kept reminder that the new close date leaves behind is named `remindAt`: move or drop it too.
 */
export function planSchedule(
  body: ScheduleBody,
  now: Date,
  kept: { closesAt: string | null; reminders: readonly string[]; marginMs: number },
): Schedule {
  const issues: FieldIssue[] = [];
  const nowIso = now.toISOString();
  if (body.reminderDays && body.remindAt) {
    issues.push({ field: 'remindAt', message: 'give reminderDays or remindAt, not both' });
  }
  const closesAt =
    body.closesAt === undefined ? kept.closesAt : body.closesAt === null ? null : new Date(body.closesAt).toISOString();
  if (body.closesAt) {
    if (closesAt! <= nowIso) issues.push({ field: 'closesAt', message: 'must be in the future' });
    else if (Date.parse(closesAt!) < now.getTime() + kept.marginMs) {
      const minutes = Math.round(kept.marginMs / 60_000);
      issues.push({
        field: 'closesAt',
        message: `must be at least ${minutes} minutes from now, so every copy of the campaign sees it first (to close sooner, close the campaign)`,
      });
    }
  }
  const given = body.remindAt
    ? body.remindAt.map((t) => new Date(t).toISOString())
    : body.reminderDays?.map((d) => new Date(now.getTime() + d * DAY_MS).toISOString());
  const reminders = [...new Set(given ?? kept.reminders)].sort();
  reminders.forEach((t, i) => {
    const field = body.remindAt ? `remindAt.${i}` : body.reminderDays ? 'reminderDays' : 'remindAt';
    if (given && t <= nowIso) issues.push({ field, message: 'must be in the future' });
    else if (closesAt && t >= closesAt) {
      issues.push(
        given
          ? { field, message: 'must be before closesAt' }
          : { field, message: `the reminder at ${t} would come after the new close date: change the reminders too` },
      );
    }
  });
  return { closesAt, reminders, issues };
}

/** A new open survey link: the token (shown once) and the record, which holds only its hash. */
export function newOpenLink(
  deps: Pick<AppDeps, 'randomToken'>,
  campaignId: string,
  now: Date,
): { surveyToken: string; link: SurveyLinkRecord } {
  const surveyToken = deps.randomToken();
  return {
    surveyToken,
    link: { id: tokenIdOf(surveyToken), hash: sha256Hex(surveyToken), campaignId, createdAt: now.toISOString() },
  };
}

/** The due item of a close date: it closes the campaign only if its `closesAt` has come (lifecycle.ts). */
export const scheduledClose = (campaignId: string, closesAt: string): DueRecord => ({
  dueAt: closesAt,
  campaignId,
  kind: 'scheduled_close',
});

export interface SettingsBody extends ScheduleBody {
  name?: string;
  archivedAt?: string | null;
  departments?: string[];
  languages?: Language[];
  openLink?: boolean;
}

export interface SettingsResult {
  campaign: CampaignRecord;
  /** A new open link made by this change: shown once. */
  surveyToken?: string;
}

/**
 * Applies a settings change to an open campaign, raced against its close: the campaign write is conditional on no
 * close asked for, the close date not passed and no other settings change since it was read (`settingsRev`). The
 * due work is written around it so that any crash leaves only items that do nothing: new close and reminder items
 * first (the job checks them against the campaign), the old ones deleted after.
 */
export async function changeSettings(
  deps: AppDeps,
  campaign: CampaignRecord,
  body: SettingsBody,
  now: Date,
): Promise<SettingsResult> {
  const nowIso = now.toISOString();
  const open = OPEN_ONLY_FIELDS.filter((f) => body[f] !== undefined);
  if (!acceptsWrites(campaign, now)) {
    throw new SettingsLocked(
      open.map((field) => ({ field, message: 'the campaign is closed: only its name and archive state can change' })),
    );
  }
  const instrument = instrumentOf(campaign);
  const issues: FieldIssue[] = [];
  if (body.languages) {
    issues.push(...languageIssues(instrument, body.languages));
    const added = body.languages.filter((l) => !campaign.languages.includes(l));
    if (campaign.ledger && added.length > 0) {
      // The campaign's own ledger categories are named in each language it is asked in.
      for (const issue of ledgerSettingsIssues(instrument, campaign.ledger, added)) {
        issues.push({ field: 'languages', message: `the campaign's ledger category ${issue.field} has no name yet` });
      }
    }
  }
  const [past, kept] = [
    (campaign.remindAt ?? []).filter((t) => t <= nowIso),
    (campaign.remindAt ?? []).filter((t) => t > nowIso),
  ];
  const schedule = planSchedule(body, now, {
    closesAt: campaign.closesAt,
    reminders: kept,
    marginMs: CLOSE_MOVE_MARGIN_MS,
  });
  issues.push(...schedule.issues);
  if (issues.length > 0) throw new ValidationFailed(issues);

  const removed = body.languages ? campaign.languages.filter((l) => !body.languages!.includes(l)) : [];
  if (removed.length > 0) {
    // Any invitation mailed in it, answered or not: which were answered is not for the campaign's runner to learn
    // while it is open (red-team 17.6), and their links and reminders are in that language.
    const mailedIn = new Set((await deps.store.listInvites(campaign.id)).map((i) => i.language));
    const inUse = removed.filter((l) => mailedIn.has(l));
    if (inUse.length > 0) {
      throw new LanguageInUse(
        inUse.map((l) => ({
          field: 'languages',
          message: `invitations were mailed in "${l}": their links and reminders are in it, so it stays offered until the campaign closes`,
        })),
      );
    }
  }

  const changes: CampaignSettingsChanges = {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.archivedAt === undefined ? {} : { archivedAt: body.archivedAt }),
    ...(body.departments === undefined ? {} : { departments: body.departments }),
    ...(body.languages === undefined ? {} : { languages: body.languages }),
  };
  const due: DueRecord[] = [];
  const stale: DueRecord[] = [];
  if (body.closesAt !== undefined && schedule.closesAt !== campaign.closesAt) {
    changes.closesAt = schedule.closesAt;
    if (schedule.closesAt) due.push(scheduledClose(campaign.id, schedule.closesAt));
    if (campaign.closesAt) {
      // Campaigns made before close dates could move have a plain `close` item at their date, which closes
      // whatever the date: it becomes a scheduled one first, so no crash leaves it behind.
      due.push(scheduledClose(campaign.id, campaign.closesAt));
      stale.push({ dueAt: campaign.closesAt, campaignId: campaign.id, kind: 'close' });
    }
  }
  if (body.remindAt !== undefined || body.reminderDays !== undefined) {
    changes.remindAt = [...past, ...schedule.reminders];
    due.push(
      ...schedule.reminders
        .filter((t) => !kept.includes(t))
        .map((t) => ({ dueAt: t, campaignId: campaign.id, kind: 'remind' as const })),
    );
  }
  let made: { surveyToken: string; link: SurveyLinkRecord } | undefined;
  const linkOn = campaign.openLink !== false;
  if (body.openLink === false && linkOn) {
    changes.openLink = false;
    changes.surveyLinkId = null;
    // Answers may have come through it: its report keeps saying so (shared/privacy/padding.ts).
    changes.hadOpenLink = true;
  } else if (body.openLink === true && !linkOn) {
    made = newOpenLink(deps, campaign.id, now);
    changes.openLink = true;
    changes.surveyLinkId = made.link.id;
  }

  // Before the campaign: a link or an item left by a crash here does nothing (the link is not the campaign's), and
  // deleting the campaign still finds the link (store.ts `deleteCampaign` reads every link item of the campaign).
  if (made) await deps.store.putSurveyLink(made.link);
  for (const d of due) await deps.store.putDue(d);
  for (const d of stale) await deps.store.deleteDue(d);
  const updated = await deps.store.updateCampaignSettings(campaign.id, changes, {
    settingsRev: campaign.settingsRev ?? 0,
    now: deps.clock().toISOString(),
  });
  if (!updated) {
    const current = await deps.store.getCampaign(campaign.id);
    if (made) await deps.store.deleteSurveyLink(made.link.id);
    if (!current || !acceptsWrites(current, deps.clock())) {
      throw new SettingsLocked(
        open.map((field) => ({ field, message: 'the campaign closed while the change was made: nothing changed' })),
      );
    }
    throw new Conflict('the campaign was changed by someone else meanwhile: nothing changed; reload and try again');
  }
  // Afterwards: items and links the campaign no longer names (the job checks those it would find anyway).
  if (changes.closesAt !== undefined && campaign.closesAt) {
    await deps.store.deleteDue(scheduledClose(campaign.id, campaign.closesAt));
  }
  if (changes.remindAt) {
    for (const t of kept.filter((k) => !schedule.reminders.includes(k))) {
      await deps.store.deleteDue({ dueAt: t, campaignId: campaign.id, kind: 'remind' });
    }
  }
  if (changes.surveyLinkId === null && campaign.surveyLinkId) await deps.store.deleteSurveyLink(campaign.surveyLinkId);
  return { campaign: updated, ...(made ? { surveyToken: made.surveyToken } : {}) };
}
