import type { Language } from '../../shared/instrument';
import type { AppDeps } from '../api/deps';
import { ServiceUnavailable } from '../api/errors';
import { campaignSecret, sha256Hex, tokenIdOf } from '../api/token-hash';
import type { MailMessage } from '../mail/mailer';
import { invitationMail, reminderMail } from '../mail/templates';
import { instrumentOf } from '../reports/campaign-stats';
import type { CampaignRecord, InviteRecord, OrgRecord } from '../store/store';

// Invitations: single-use survey links, emailed one per address or handed out as a batch of links. The address is
// kept on the invite only to send the invitation and its reminders; nothing links an invite to the response its link
// produced (DESIGN.md: "Single-use invite links only mark an invite used").

export type LifecycleDeps = Pick<
  AppDeps,
  'store' | 'clock' | 'randomToken' | 'config' | 'logger' | 'metrics' | 'mailer'
>;

/** Most invites or links one request may create (one write pair each, one message each). */
export const MAX_INVITES_PER_REQUEST = 500;

const INVITE_ID = /^[0-9a-f]{24}$/;

/** The invite's personal survey token: derived from the campaign key, so it need not be stored to be sent again. */
export const inviteSurveyToken = (campaign: CampaignRecord, inviteId: string): string =>
  campaignSecret(campaign.receiptKey, 'invite', inviteId);

/** `/u/{token}`: the invite id (not secret) followed by a keyed signature of it. */
export const unsubscribeToken = (campaign: CampaignRecord, inviteId: string): string =>
  `${inviteId}${campaignSecret(campaign.receiptKey, 'unsubscribe', inviteId)}`;

export function parseUnsubscribeToken(token: string): { inviteId: string; signature: string } | null {
  const inviteId = token.slice(0, 24);
  const signature = token.slice(24);
  return INVITE_ID.test(inviteId) && /^[A-Za-z0-9_-]{43}$/.test(signature) ? { inviteId, signature } : null;
}

/** The claim an answer puts on its invite while it is written: not linkable to the stored response (see store.ts). */
export const inviteClaim = (campaign: CampaignRecord, responseId: string): string =>
  campaignSecret(campaign.receiptKey, 'invite-claim', responseId.toLowerCase());

/** The day, not the time, an invite was used. */
export const usedDay = (now: Date): string => now.toISOString().slice(0, 10);

const base = (deps: LifecycleDeps) => deps.config.publicUrl.replace(/\/+$/, '');
export const surveyUrlOf = (deps: LifecycleDeps, token: string, lang?: Language): string =>
  `${base(deps)}/s/${token}${lang ? `?lang=${lang}` : ''}`;
export const unsubscribeUrlOf = (deps: LifecycleDeps, campaign: CampaignRecord, inviteId: string): string =>
  `${base(deps)}/u/${unsubscribeToken(campaign, inviteId)}`;

/** Minutes the survey takes, as the survey page says it. */
export const surveyMinutes = (campaign: CampaignRecord): number =>
  Math.max(3, Math.round((instrumentOf(campaign).items.length * 12) / 60));

export async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function createInvite(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  now: Date,
  email?: string,
): Promise<{ invite: InviteRecord; token: string }> {
  // 96 random bits as the id: its hash prefix shape is only a convenient fixed-length format.
  const id = tokenIdOf(deps.randomToken());
  const token = inviteSurveyToken(campaign, id);
  const invite: InviteRecord = {
    id,
    campaignId: campaign.id,
    createdAt: now.toISOString(),
    ...(email ? { email } : {}),
  };
  await deps.store.createInvite(invite, {
    id: tokenIdOf(token),
    hash: sha256Hex(token),
    campaignId: campaign.id,
    inviteId: id,
    createdAt: invite.createdAt,
  });
  return { invite, token };
}

/** `count` single-use links, shown once (only hashes are stored). */
export async function createInviteLinks(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  count: number,
  now: Date,
): Promise<string[]> {
  const links: string[] = [];
  await runLimited(
    Array.from({ length: count }, (_, i) => i),
    16,
    async () => {
      const { token } = await createInvite(deps, campaign, now);
      links.push(surveyUrlOf(deps, token));
    },
  );
  return links;
}

function requireMailer(deps: LifecycleDeps) {
  if (!deps.mailer) throw new ServiceUnavailable('mail is not configured on this server', { retryAfterS: 3600 });
  return deps.mailer;
}

function surveyMessage(
  deps: LifecycleDeps,
  kind: 'invitation' | 'reminder',
  campaign: CampaignRecord,
  org: OrgRecord,
  invite: InviteRecord & { email: string },
  lang: Language,
): MailMessage {
  const mailer = requireMailer(deps);
  const unsubscribeUrl = unsubscribeUrlOf(deps, campaign, invite.id);
  const input = {
    lang,
    orgName: org.name,
    campaignName: campaign.name,
    surveyUrl: surveyUrlOf(deps, inviteSurveyToken(campaign, invite.id), lang),
    unsubscribeUrl,
    closesAt: campaign.closesAt,
    minutes: surveyMinutes(campaign),
    sender: mailer.sender,
  };
  const mail = kind === 'invitation' ? invitationMail(input) : reminderMail(input);
  return {
    kind,
    to: { email: invite.email },
    ...mail,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      // RFC 8058: a mail program may unsubscribe with one POST, no page visit needed.
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** One invitation per new address; addresses already invited to this campaign are skipped. */
export async function sendInvitations(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  org: OrgRecord,
  emails: readonly string[],
  lang: Language,
  now: Date,
): Promise<{ emailed: number; alreadyInvited: number; failed: number }> {
  const mailer = requireMailer(deps);
  // Eventually consistent, so two requests racing with the same address can both invite it: one extra invitation,
  // never a wrong one.
  const known = new Set(
    (await deps.store.listInvites(campaign.id)).flatMap((i) => (i.email ? [normalizeEmail(i.email)] : [])),
  );
  const fresh = [...new Set(emails.map(normalizeEmail))].filter((e) => !known.has(e));
  const alreadyInvited = new Set(emails.map(normalizeEmail)).size - fresh.length;
  let emailed = 0;
  let failed = 0;
  await runLimited(fresh, 8, async (email) => {
    const { invite } = await createInvite(deps, campaign, now, email);
    try {
      await mailer.send(surveyMessage(deps, 'invitation', campaign, org, { ...invite, email }, lang));
      emailed++;
    } catch (error) {
      // The invite stays: its reminders will reach the address later. The log never names it.
      failed++;
      deps.logger?.warn('invitation not sent', { campaignId: campaign.id, error: (error as Error).name });
    }
  });
  deps.metrics?.addMetric('InvitationSent', 'Count', emailed);
  return { emailed, alreadyInvited, failed };
}

/** Never two reminders to one invitee within this long, however often reminders are asked for. */
export const REMINDER_GAP_MS = 20 * 3600_000;

/**
 * Reminds every invitee who has an address, has not answered through the invite and has not unsubscribed. The
 * check and the mark are one conditional write per invite (`markReminded`), so an answer that arrives while this
 * runs stops that invitee's reminder. Returns how many were sent: a count, never who.
 */
export async function remindPending(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  org: OrgRecord,
  now: Date,
): Promise<number> {
  requireMailer(deps);
  const lang = campaign.languages[0] ?? 'en';
  const pending = (await deps.store.listInvites(campaign.id)).filter(
    (i): i is InviteRecord & { email: string } => !!i.email && !i.usedAt && !i.unsubscribedAt,
  );
  const notSince = new Date(now.getTime() - REMINDER_GAP_MS).toISOString();
  let sent = 0;
  await runLimited(pending, 4, async (invite) => {
    if (!(await deps.store.markReminded(invite.id, now.toISOString(), notSince))) return;
    try {
      await deps.mailer!.send(surveyMessage(deps, 'reminder', campaign, org, invite, lang));
      sent++;
    } catch (error) {
      deps.logger?.warn('reminder not sent', { campaignId: campaign.id, error: (error as Error).name });
    }
  });
  deps.metrics?.addMetric('ReminderSent', 'Count', sent);
  return sent;
}
