import { accountMailFacts } from '../account/account-view';
import { statsOptions } from '../api/stats-options';
import { sha256Hex } from '../api/token-hash';
import { createReportViewerLink } from '../auth/viewer-links';
import { reportMail } from '../mail/templates';
import { campaignStats, instrumentOf, mergeCells } from '../reports/campaign-stats';
import { FoldBudget, foldCampaign, nextFold } from '../reports/fold-job';
import type { CampaignRecord, DueRecord } from '../store/store';
import { closeGraceOf } from './answer-window';
import { isClosed, publishesAtOf } from './campaign-state';
import { type LifecycleDeps, mailLeaseOf, remindPending, runLimited } from './invites';
import { expireLabels, labelExpiryDue } from './labels';
import { remindReviews } from './review-reminder';

// A campaign's life on a clock: it closes (by hand or at `closesAt`), its report goes to the organisation's executive
// contacts, reminders go out at their times. The same functions serve the API routes, the scheduler Lambda
// (EventBridge, every 15 minutes) and the local server's timer. Each step is safe to run twice: a retry or an overlap
// of two runs finds the work done and does nothing.

/** How long the report link mailed to an executive contact works. */
export const REPORT_LINK_DAYS = 30;

/** The contact's marker key: a hash of the address, so two spellings of it are one contact. */
const contactKeyOf = (email: string): string => sha256Hex(email.trim().toLowerCase()).slice(0, 32);

/**
 * Sends each executive contact a report viewer link of its own (that campaign's report only, read-only, revocable one
 * by one from the dashboard), valid for REPORT_LINK_DAYS, one contact at a time under a marker of its own: claimed
 * (for the mail lease), the link recorded, sent. A run that dies half-way leaves the others' markers: the next run
 * mails exactly the contacts without a sent marker, revoking the link a dead run may have mailed, so nobody gets the
 * report twice with two working links. Returns how many this run sent and how many contacts are still waiting.
 */
async function deliverReport(
  deps: LifecycleDeps,
  campaign: CampaignRecord,
  now: Date,
): Promise<{ sent: number; waiting: number }> {
  const contacts = await deps.store.getContacts(campaign.orgId);
  if (contacts.length === 0) return { sent: 0, waiting: 0 };
  const mailer = deps.mailer;
  if (!mailer) throw new Error('report links cannot be sent: no mailer is configured');
  const [org, stats, account] = await Promise.all([
    deps.store.getOrg(campaign.orgId),
    campaignStats(deps.store, campaign, now, statsOptions({ config: deps.config })),
    accountMailFacts(deps.store, campaign, campaign.closedAt ?? now.toISOString()),
  ]);
  const responses = mergeCells(instrumentOf(campaign), stats.cells).n;
  const lease = mailLeaseOf(deps);
  let sent = 0;
  let waiting = 0;
  await runLimited(contacts, 4, async (contact) => {
    const key = contactKeyOf(contact.email);
    const claim = await deps.store.claimReportContact(campaign.id, key, deps.clock(), lease);
    if (!claim.claimed) {
      // Sent already (nothing to do), or another run is sending it now.
      if (!(await deps.store.reportContactSent(campaign.id, key))) waiting++;
      return;
    }
    try {
      if (claim.previousLink) await deps.store.auth.revokeViewerLink(claim.previousLink, now.toISOString());
      const link = await createReportViewerLink(deps, campaign, {
        label: contact.name,
        createdBy: campaign.createdBy,
        now,
        days: REPORT_LINK_DAYS,
      });
      await deps.store.recordReportContactLink(campaign.id, key, link.id);
      const lang = contact.language ?? campaign.languages[0] ?? 'en';
      const mail = reportMail({
        lang,
        orgName: org?.name ?? '',
        campaignName: campaign.name,
        contactName: contact.name,
        reportUrl: link.url,
        expiresAt: link.expiresAt,
        responses,
        sender: mailer.sender,
        account,
      });
      // No List-Unsubscribe: contacts are managed by their consultant (the mail says so), not by a mail program.
      await mailer.send({ kind: 'report', to: { email: contact.email, name: contact.name }, ...mail, headers: {} });
      await deps.store.markReportContactSent(campaign.id, key, deps.clock().toISOString());
      sent++;
    } catch (error) {
      waiting++;
      deps.logger?.error('report link not sent', { campaignId: campaign.id, error: (error as Error).name });
    }
  });
  deps.metrics?.addMetric('ReportLinkSent', 'Count', sent);
  return { sent, waiting };
}

export interface CloseResult {
  campaign: CampaignRecord;
  /** Report links sent by this call (0 when an earlier run sent them). */
  reportLinksSent: number;
  /** The campaign is closed but its report links could not all be sent: the lifecycle job tries again. */
  deliveryPending: boolean;
}

/**
 * Closes the campaign (at `closesAt` when that has passed, else a grace after now), delivers its report once, and
 * erases the invitees' addresses and the saved drafts, which nothing needs any more. Safe to repeat.
 */
export async function closeCampaign(deps: LifecycleDeps, campaign: CampaignRecord, now: Date): Promise<CloseResult> {
  const nowIso = now.toISOString();
  if (campaign.closedAt === null) {
    // First the ask, then the clock, then the close (answer-window.ts): whatever read the campaign without seeing
    // the ask is dated before `closedAt`, and whatever reads it afterwards starts nothing.
    await deps.store.markClosing(campaign.id, nowIso);
    const cutoff = new Date(deps.clock().getTime() + closeGraceOf(deps.config)).toISOString();
    const closedAt = campaign.closesAt !== null && campaign.closesAt <= cutoff ? campaign.closesAt : cutoff;
    await deps.store.closeCampaign(campaign.id, closedAt);
  }
  // Drafts to resume on another device are of no use once no answer is taken: gone at the close (safe to repeat).
  await deps.store.deleteCampaignDrafts(campaign.id);
  let current = (await deps.store.getCampaign(campaign.id)) ?? campaign;
  // The last fold, once every answer sent before the close has landed: the first published read is then one snapshot
  // read (reports/fold-job.ts). The same item each time, so a repeated close writes it again, harmlessly.
  const publishesAt = publishesAtOf(current, now, statsOptions({ config: deps.config }).safetyMs);
  if (publishesAt) await deps.store.putDue({ dueAt: publishesAt, campaignId: current.id, kind: 'fold' });
  let reportLinksSent = 0;
  let deliveryPending = false;
  if (!current.reportSentAt) {
    try {
      const delivery = await deliverReport(deps, current, now);
      reportLinksSent = delivery.sent;
      if (delivery.waiting > 0) {
        // A contact another run is mailing, or one whose mail failed: the job's next run finishes (its lease lapses).
        deliveryPending = true;
      } else {
        await deps.store.markReportSent(current.id, nowIso);
        current = { ...current, reportSentAt: nowIso };
      }
    } catch (error) {
      // Closed all the same; the job's next run delivers to every contact still without a sent marker.
      deliveryPending = true;
      deps.logger?.error('report delivery failed', { campaignId: current.id, error: (error as Error).message });
    }
  }
  await eraseAddresses(deps, current.id);
  // Invitations that raced the close may land (or show in the index) a little later: the job erases again once
  // every such write has settled (the snapshot safety window bounds both).
  if (current.closedAt) {
    const settled = Date.parse(current.closedAt) + statsOptions({ config: deps.config }).safetyMs;
    await deps.store.putDue({ dueAt: new Date(settled).toISOString(), campaignId: current.id, kind: 'erase' });
  }
  // The ledger's labels expire a set time after the close: the job erases them then.
  const expiry = labelExpiryDue(current, now);
  if (expiry) await deps.store.putDue(expiry);
  return { campaign: current, reportLinksSent, deliveryPending };
}

/** Erases every invitee's address (and its lock) in the campaign: nothing needs them once it has closed. */
async function eraseAddresses(deps: LifecycleDeps, campaignId: string): Promise<void> {
  const invites = await deps.store.listInvites(campaignId);
  await runLimited(
    invites.filter((i) => i.email || i.addressKey),
    8,
    (i) => deps.store.eraseInviteEmail(i.id),
  );
}

export interface LifecycleRun {
  closed: number;
  reminded: number;
  failed: number;
  /** Response stream items folded into report snapshots (reports/fold-job.ts). */
  folded: number;
  /** Operating-review reminders sent (review-reminder.ts). */
  reviewsReminded: number;
}

/** Work items one run takes at most; the rest waits for the next run. */
const BATCH = 100;

/**
 * Does whatever is due at `now`: closes campaigns whose time came (or whose close was asked for and not finished),
 * sends scheduled reminders. A failed item stays and is tried again on the next run; the log never names a person.
 */
export async function runDue(deps: LifecycleDeps, now: Date, budget = new FoldBudget()): Promise<LifecycleRun> {
  const run: LifecycleRun = { closed: 0, reminded: 0, failed: 0, folded: 0, reviewsReminded: 0 };
  const due = await deps.store.listDue(now, BATCH);
  for (const item of due) {
    try {
      // A fold that ran out of this run's budget stays due: the next run goes on from its stored cursor.
      if ((await runOne(deps, item, now, run, budget)) === 'keep') continue;
      await deps.store.deleteDue(item);
    } catch (error) {
      run.failed++;
      deps.logger?.error('lifecycle step failed', {
        campaignId: item.campaignId,
        kind: item.kind,
        error: (error as Error).name,
        message: (error as Error).message,
      });
    }
  }
  // Accounts are the organisation's, not a campaign's: every run looks at each account's review (a read per
  // organisation; a reminder at most once per period, review-reminder.ts).
  const reviews = await remindReviews(deps, now);
  run.reviewsReminded = reviews.sent;
  run.failed += reviews.failed;
  if (due.length > 0 || reviews.sent > 0) deps.logger?.info('lifecycle run', { due: due.length, ...run });
  return run;
}

async function runOne(
  deps: LifecycleDeps,
  item: DueRecord,
  now: Date,
  run: LifecycleRun,
  budget: FoldBudget,
): Promise<'done' | 'keep'> {
  const campaign = await deps.store.getCampaign(item.campaignId);
  // A campaign whose creation crashed after its due items were written: nothing to do.
  if (!campaign) return 'done';
  if (item.kind === 'expire_labels') {
    await expireLabels(deps.store, campaign, now);
    return 'done';
  }
  if (item.kind === 'fold') {
    if (budget.exhausted) return 'keep';
    const fold = await foldCampaign(deps, campaign, now, budget);
    run.folded += fold.items;
    if (!fold.caughtUp) return 'keep';
    // The next fold is written before this one is deleted: a crash in between leaves one item too many.
    const next = nextFold(deps, campaign, now);
    if (next?.dueAt === item.dueAt) return 'keep';
    if (next) await deps.store.putDue(next);
    return 'done';
  }
  // A close date that moved later (or went) leaves its old item behind: only the campaign's current date counts.
  if (item.kind === 'scheduled_close' && (campaign.closesAt === null || campaign.closesAt > now.toISOString())) {
    return 'done';
  }
  if (item.kind === 'close' || item.kind === 'scheduled_close') {
    // A close item is due either at `closesAt` or because a close was asked for: either way the campaign closes.
    const result = await closeCampaign(deps, campaign, now);
    // Kept as due until the report is out.
    if (result.deliveryPending) throw new Error('report delivery pending');
    if (result.reportLinksSent > 0 || campaign.closedAt === null) run.closed++;
    return 'done';
  }
  if (item.kind === 'erase') {
    await eraseAddresses(deps, campaign.id);
    return 'done';
  }
  if (isClosed(campaign, now)) return 'done';
  // A reminder the schedule no longer holds (it was changed: campaign-settings.ts) is not sent.
  if (!(campaign.remindAt ?? []).includes(item.dueAt)) return 'done';
  const org = await deps.store.getOrg(campaign.orgId);
  if (!org) return 'done';
  run.reminded += await remindPending(deps, campaign, org, now);
  return 'done';
}
