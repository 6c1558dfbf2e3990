import { statsOptions } from '../api/stats-options';
import { createReportViewerLink } from '../auth/viewer-links';
import { reportMail } from '../mail/templates';
import { campaignStats, instrumentOf, mergeCells } from '../reports/campaign-stats';
import type { CampaignRecord, DueRecord } from '../store/store';
import { isClosed } from './campaign-state';
import { type LifecycleDeps, remindPending, runLimited } from './invites';
import { expireLabels, labelExpiryDue } from './labels';

// A campaign's life on a clock: it closes (by hand or at `closesAt`), its report goes to the organisation's executive
// contacts, reminders go out at their times. The same functions serve the API routes, the scheduler Lambda
// (EventBridge, every 15 minutes) and the local server's timer. Each step is safe to run twice: a retry or an overlap
// of two runs finds the work done and does nothing.

/** How long the report link mailed to an executive contact works. */
export const REPORT_LINK_DAYS = 30;
/** A delivery that crashed half-way is taken over by the next run after this long. */
const DELIVERY_LEASE_MS = 10 * 60_000;

/**
 * Sends each executive contact a report viewer link of its own (that campaign's report only, read-only, revocable
 * one by one from the dashboard), valid for REPORT_LINK_DAYS. Returns how many were sent.
 */
async function deliverReport(deps: LifecycleDeps, campaign: CampaignRecord, now: Date): Promise<number> {
  const contacts = await deps.store.getContacts(campaign.orgId);
  if (contacts.length === 0) return 0;
  const mailer = deps.mailer;
  if (!mailer) throw new Error('report links cannot be sent: no mailer is configured');
  const [org, stats] = await Promise.all([
    deps.store.getOrg(campaign.orgId),
    campaignStats(deps.store, campaign, now, statsOptions({ config: deps.config })),
  ]);
  const responses = mergeCells(instrumentOf(campaign), stats.cells).n;
  let sent = 0;
  await runLimited(contacts, 4, async (contact) => {
    const { url: reportUrl, expiresAt } = await createReportViewerLink(deps, campaign, {
      label: contact.name,
      createdBy: campaign.createdBy,
      now,
      days: REPORT_LINK_DAYS,
    });
    const lang = contact.language ?? campaign.languages[0] ?? 'en';
    const mail = reportMail({
      lang,
      orgName: org?.name ?? '',
      campaignName: campaign.name,
      contactName: contact.name,
      reportUrl,
      expiresAt,
      responses,
      sender: mailer.sender,
    });
    await mailer.send({
      kind: 'report',
      to: { email: contact.email, name: contact.name },
      ...mail,
      headers: { 'List-Unsubscribe': `<mailto:${mailer.sender}?subject=unsubscribe>` },
    });
    sent++;
  });
  deps.metrics?.addMetric('ReportLinkSent', 'Count', sent);
  return sent;
}

export interface CloseResult {
  campaign: CampaignRecord;
  /** Report links sent by this call (0 when an earlier run sent them). */
  reportLinksSent: number;
  /** The campaign is closed but its report links could not all be sent: the lifecycle job tries again. */
  deliveryPending: boolean;
}

/**
 * Closes the campaign (at `closesAt` when that has passed, else now), delivers its report once, and erases the
 * invitees' addresses, which nothing needs any more. Safe to repeat.
 */
export async function closeCampaign(deps: LifecycleDeps, campaign: CampaignRecord, now: Date): Promise<CloseResult> {
  const nowIso = now.toISOString();
  if (campaign.closedAt === null) {
    const closedAt = campaign.closesAt !== null && campaign.closesAt <= nowIso ? campaign.closesAt : nowIso;
    await deps.store.closeCampaign(campaign.id, closedAt);
  }
  let current = (await deps.store.getCampaign(campaign.id)) ?? campaign;
  let reportLinksSent = 0;
  let deliveryPending = false;
  if (!current.reportSentAt && !(await deps.store.claimReportDelivery(current.id, now, DELIVERY_LEASE_MS))) {
    // Another run is delivering, or crashed while it did: not done until its lease lapses and a run finishes it.
    deliveryPending = true;
  } else if (!current.reportSentAt) {
    try {
      reportLinksSent = await deliverReport(deps, current, now);
      await deps.store.markReportSent(current.id, nowIso);
      current = { ...current, reportSentAt: nowIso };
    } catch (error) {
      // Closed all the same; the claim lapses after its lease and the job's next run delivers (at least once).
      deliveryPending = true;
      deps.logger?.error('report delivery failed', { campaignId: current.id, error: (error as Error).message });
    }
  }
  const invites = await deps.store.listInvites(current.id);
  await runLimited(
    invites.filter((i) => i.email),
    8,
    (i) => deps.store.eraseInviteEmail(i.id),
  );
  // The ledger's labels expire a set time after the close: the job erases them then.
  const expiry = labelExpiryDue(current, now);
  if (expiry) await deps.store.putDue(expiry);
  return { campaign: current, reportLinksSent, deliveryPending };
}

export interface LifecycleRun {
  closed: number;
  reminded: number;
  failed: number;
}

/** Work items one run takes at most; the rest waits for the next run. */
const BATCH = 100;

/**
 * Does whatever is due at `now`: closes campaigns whose time came (or whose close was asked for and not finished),
 * sends scheduled reminders. A failed item stays and is tried again on the next run; the log never names a person.
 */
export async function runDue(deps: LifecycleDeps, now: Date): Promise<LifecycleRun> {
  const run: LifecycleRun = { closed: 0, reminded: 0, failed: 0 };
  const due = await deps.store.listDue(now, BATCH);
  for (const item of due) {
    try {
      await runOne(deps, item, now, run);
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
  if (due.length > 0) deps.logger?.info('lifecycle run', { due: due.length, ...run });
  return run;
}

async function runOne(deps: LifecycleDeps, item: DueRecord, now: Date, run: LifecycleRun): Promise<void> {
  const campaign = await deps.store.getCampaign(item.campaignId);
  // A campaign whose creation crashed after its due items were written: nothing to do.
  if (!campaign) return;
  if (item.kind === 'expire_labels') {
    await expireLabels(deps.store, campaign, now);
    return;
  }
  if (item.kind === 'close') {
    // A close item is due either at `closesAt` or because a close was asked for: either way the campaign closes.
    const result = await closeCampaign(deps, campaign, now);
    // Kept as due until the report is out.
    if (result.deliveryPending) throw new Error('report delivery pending');
    if (result.reportLinksSent > 0 || campaign.closedAt === null) run.closed++;
    return;
  }
  if (isClosed(campaign, now)) return;
  const org = await deps.store.getOrg(campaign.orgId);
  if (!org) return;
  run.reminded += await remindPending(deps, campaign, org, now);
}
