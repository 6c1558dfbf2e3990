import type { Language } from '../../shared/instrument';
import type { AppDeps } from '../api/deps';
import { InvitationCapReached, ServiceUnavailable, TooManyRequests } from '../api/errors';
import { campaignSecret, sha256Hex, tokenIdOf } from '../api/token-hash';
import type { MailMessage } from '../mail/mailer';
import { invitationMail, reminderMail } from '../mail/templates';
import { headcountOf } from '../reports/build-report';
import { instrumentOf } from '../reports/campaign-stats';
import type { CampaignRecord, InvitationLimits, InviteRecord, OrgRecord } from '../store/store';
import { acceptsWrites } from './answer-window';

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

/** Invitations are written and mailed in batches; each batch first reads the campaign, so a close stops the rest. */
const BATCH = 25;
/** Default AppConfig.mailLeaseMs. */
export const MAIL_LEASE_MS = 60_000;
export const mailLeaseOf = (deps: Pick<LifecycleDeps, 'config'>): number => deps.config.mailLeaseMs ?? MAIL_LEASE_MS;

/**
 * The address as one person: trimmed, lower case, NFC, and without a `+tag` sub-address (`ann+2@example.com` is
 * Ann's mailbox), so a campaign cannot invite one mailbox as many people. The mail goes to the address as given.
 */
export function personOfAddress(email: string): string {
  const address = email.trim().normalize('NFC').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

/** The keyed hash of an address that locks it to one invite of the campaign; not the address itself. */
export const addressKeyOf = (campaign: CampaignRecord, email: string): string =>
  campaignSecret(campaign.receiptKey, 'invite-address', personOfAddress(email));

/** 96 random bits as an invite id: its hash-prefix shape is only a convenient fixed-length format. */
const newInviteId = (deps: LifecycleDeps): string => tokenIdOf(deps.randomToken());

/** Writes the invite (its link first); false when it was there already. */
function writeInvite(deps: LifecycleDeps, campaign: CampaignRecord, invite: InviteRecord): Promise<boolean> {
  const token = inviteSurveyToken(campaign, invite.id);
  return deps.store.createInvite(invite, {
    id: tokenIdOf(token),
    hash: sha256Hex(token),
    campaignId: campaign.id,
    inviteId: invite.id,
    createdAt: invite.createdAt,
  });
}

/** The invitation limits of the campaign (AppConfig.invitationCap, invitationsPerHour). */
export async function invitationLimits(deps: LifecycleDeps, campaign: CampaignRecord): Promise<InvitationLimits> {
  const perHour = deps.config.invitationsPerHour ?? 500;
  if (deps.config.invitationCap !== undefined) return { total: deps.config.invitationCap, perHour };
  const headcount = headcountOf(await deps.store.getProfile(campaign.orgId));
  return { total: headcount ? 2 * headcount : 1000, perHour };
}

const hourOf = (now: Date): string => now.toISOString().slice(0, 13);

/**
 * Reserves `count` invitations in the campaign's quota, or refuses the whole request: 429 with Retry-After at the
 * next hour when the hourly limit is reached, 409 when the campaign's cap is. Returns what to give back unused.
 */
async function reserve(deps: LifecycleDeps, campaign: CampaignRecord, count: number, now: Date) {
  if (count === 0) return async (_unused: number) => {};
  const limits = await invitationLimits(deps, campaign);
  const hour = hourOf(now);
  const result = await deps.store.reserveInvitations(campaign.id, count, hour, limits);
  if (!result.granted) {
    if (result.limit === 'hour') {
      const nextHour = Date.parse(`${hour}:00:00.000Z`) + 3_600_000;
      throw new TooManyRequests(
        `a campaign sends at most ${limits.perHour} invitations an hour; send the rest after the hour`,
        (nextHour - now.getTime()) / 1000,
      );
    }
    throw new InvitationCapReached(
      `a campaign makes at most ${limits.total} invitations in all (twice the headcount of the organisation profile, or the deployment's cap)`,
    );
  }
  return (unused: number) => deps.store.refundInvitations(campaign.id, unused, hour);
}

/** Why a request stopped before the end: the campaign closed, or a limit was reached while it ran. */
export type StoppedBy = 'closed' | 'hourly-limit' | 'cap';

/**
 * Runs `work` over `items` in batches. Before each batch it reads the campaign (a close asked for meanwhile stops
 * what is left: answer-window.ts, nothing starts once a close is asked for) and reserves the batch's invitations in
 * the quota (`need`), giving back after it what `work` did not use: a run killed half-way uses up one batch's quota
 * at most. A first batch over a limit refuses the whole request (429 or 409); a later one stops there.
 */
async function inBatches<T>(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  items: readonly T[],
  limit: number,
  need: (batch: readonly T[]) => Promise<number>,
  work: (item: T, now: Date) => Promise<boolean>,
): Promise<{ left: number; stoppedBy?: StoppedBy }> {
  for (let i = 0; i < items.length; i += BATCH) {
    const current = i === 0 ? campaign : await deps.store.getCampaign(campaign.id);
    const now = deps.clock();
    const left = items.length - i;
    if (!current || !acceptsWrites(current, now)) return { left, stoppedBy: 'closed' };
    const batch = items.slice(i, i + BATCH);
    const needed = await need(batch);
    let refund: (unused: number) => Promise<void>;
    try {
      refund = await reserve(deps, campaign, needed, now);
    } catch (error) {
      if (i === 0) throw error;
      return { left, stoppedBy: error instanceof TooManyRequests ? 'hourly-limit' : 'cap' };
    }
    let used = 0;
    await runLimited(batch, limit, async (item) => {
      if (await work(item, now)) used++;
    });
    await refund(needed - used);
  }
  return { left: 0 };
}

/** `count` single-use links, shown once (only hashes are stored). */
export async function createInviteLinks(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  count: number,
): Promise<{ links: string[]; notMade: number; stoppedBy?: StoppedBy }> {
  const links: string[] = [];
  const { left, stoppedBy } = await inBatches(
    deps,
    campaign,
    Array.from({ length: count }, (_, i) => i),
    16,
    async (batch) => batch.length,
    async (_, at) => {
      const invite = { id: newInviteId(deps), campaignId: campaign.id, createdAt: at.toISOString() };
      if (!(await writeInvite(deps, campaign, invite))) throw new Error('invite id collision');
      links.push(surveyUrlOf(deps, inviteSurveyToken(campaign, invite.id)));
      return true;
    },
  );
  return { links, notMade: left, ...(stoppedBy ? { stoppedBy } : {}) };
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

export interface InvitationResult {
  /** Invitations mailed by this request. */
  emailed: number;
  /** Addresses invited before (by an earlier or a racing request): nothing sent. */
  alreadyInvited: number;
  /** Sends that failed: the invite stays unsent, and a retry of the request (or the reminders) mails it. */
  failed: number;
  /** Invitations another run is mailing right now (or was, when it died): a retry after the lease mails them. */
  pending: number;
  /** Addresses left uninvited because the campaign closed, or a limit was reached, while the request ran. */
  notSent: number;
  /** Why some were left uninvited. */
  stoppedBy?: StoppedBy;
}

/**
 * One invitation per person: an address takes one invite per campaign, claimed by a conditional put on its keyed
 * hash (`claimInviteAddress`), so requests that race with the same addresses make one invite each. Each invite is
 * mailed under a claim (`claimInviteSending`) and marked sent, so a retry of a request that died half-way mails
 * exactly the invites without a sent marker, and never a second link.
 */
export async function sendInvitations(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  org: OrgRecord,
  emails: readonly string[],
  lang: Language,
): Promise<InvitationResult> {
  const mailer = requireMailer(deps);
  const byPerson = new Map<string, string>();
  for (const email of emails)
    if (!byPerson.has(personOfAddress(email))) byPerson.set(personOfAddress(email), email.trim());
  const addresses = [...byPerson.values()];
  const result: InvitationResult = { emailed: 0, alreadyInvited: 0, failed: 0, pending: 0, notSent: 0 };
  const lease = mailLeaseOf(deps);
  // Only people not invited yet take from the quota; a racing request may reserve for the same ones, and what it
  // does not use it gives back.
  const need = async (batch: readonly string[]) =>
    batch.length -
    (
      await deps.store.invitedAddresses(
        campaign.id,
        batch.map((e) => addressKeyOf(campaign, e)),
      )
    ).size;
  const { left, stoppedBy } = await inBatches(deps, campaign, addresses, 8, need, async (email, at) => {
    const addressKey = addressKeyOf(campaign, email);
    const candidate = newInviteId(deps);
    const id = await deps.store.claimInviteAddress(campaign.id, addressKey, candidate, at.toISOString());
    const created = id === candidate;
    let invite = await deps.store.getInvite(id);
    if (!invite) {
      // Ours, or left by a run that died between the lock and the invite: write it (a racing writer's is the same).
      const fresh = {
        id,
        campaignId: campaign.id,
        createdAt: at.toISOString(),
        email,
        addressKey,
        mailed: true,
        // Recorded: the reminders go in it, and it stays offered while the campaign is open (campaign-settings.ts).
        language: lang,
      };
      await writeInvite(deps, campaign, fresh);
      invite = (await deps.store.getInvite(id)) ?? fresh;
    } else if (invite.sentAt || !invite.email) {
      // Sent before, or unsubscribed since.
      result.alreadyInvited++;
      return created;
    }
    if (!(await deps.store.claimInviteSending(id, deps.clock(), lease))) {
      const current = await deps.store.getInvite(id);
      if (current?.sentAt) result.alreadyInvited++;
      else result.pending++;
      return created;
    }
    try {
      await mailer.send(surveyMessage(deps, 'invitation', campaign, org, { ...invite, email: invite.email! }, lang));
      await deps.store.markInviteSent(id, deps.clock().toISOString());
      result.emailed++;
    } catch (error) {
      // The invite stays unsent: a retry, or the reminders, reach the address later. The log never names it.
      result.failed++;
      deps.logger?.warn('invitation not sent', { campaignId: campaign.id, error: (error as Error).name });
    }
    return created;
  });
  result.notSent = left;
  if (stoppedBy) result.stoppedBy = stoppedBy;
  deps.metrics?.addMetric('InvitationSent', 'Count', result.emailed);
  return result;
}

/** Never two reminders to one invitee within this long, however often reminders are asked for. */
export const REMINDER_GAP_MS = 20 * 3600_000;
/** No reminder within this long of the invitation itself (a reminder seconds later is mail as a relay). */
export const FIRST_REMINDER_AFTER_MS = 24 * 3600_000;

/**
 * Reminds every invitee who has an address, has not answered through the invite and has not unsubscribed. The
 * check and the mark are one conditional write per invite (`markReminded`), so an answer that arrives while this
 * runs stops that invitee's reminder. Returns how many were sent, for the job's log only: the API says no count,
 * since how many were reminded tells how many (with one invitee: whether they) answered.
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
  const invitedBefore = new Date(now.getTime() - FIRST_REMINDER_AFTER_MS).toISOString();
  let sent = 0;
  await runLimited(pending, 4, async (invite) => {
    if (!(await deps.store.markReminded(invite.id, now.toISOString(), notSince, invitedBefore))) return;
    try {
      const own = invite.language && campaign.languages.includes(invite.language) ? invite.language : lang;
      await deps.mailer!.send(surveyMessage(deps, 'reminder', campaign, org, invite, own));
      sent++;
    } catch (error) {
      deps.logger?.warn('reminder not sent', { campaignId: campaign.id, error: (error as Error).name });
    }
  });
  deps.metrics?.addMetric('ReminderSent', 'Count', sent);
  return sent;
}
