import { accountSummary, registerState } from '../../shared/account';
import { loadAccount } from '../account/account-view';
import { sha256Hex } from '../api/token-hash';
import { reviewReminderMail } from '../mail/review-reminder-mail';
import type { OrgRecord } from '../store/store';
import { type LifecycleDeps, mailLeaseOf, runLimited } from './invites';

// The monthly operating review, reminded (issue 11, docs/METHOD.md §7.6): an account whose last review (or, never
// reviewed, whose first entry or flow) is older than its cadence gets one e-mail to each executive contact, naming
// what the review has to look at. At most one per contact and period: the period is the day the review fell due, so
// it stays the same until a review is recorded, and each send first takes a conditional claim on (period, contact).
// A run that dies between the send and its mark may send that one again after the mail lease; overlapping runs and
// retries do not.

/** Days between operating reviews: the essay's monthly review. */
export const REVIEW_CADENCE_DAYS = 30;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => iso.slice(0, 10);
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const contactKeyOf = (email: string): string => sha256Hex(email.trim().toLowerCase()).slice(0, 32);

/** Where the review stands for one account: the day it fell due (the period), or null when it is not due. */
export function reviewDue(
  reviews: readonly { heldOn: string }[],
  startedOn: string | null,
  today: string,
  cadenceDays = REVIEW_CADENCE_DAYS,
): { period: string; lastReview: string | null } | null {
  const lastReview = reviews.reduce<string | null>((a, r) => (a && a > r.heldOn ? a : r.heldOn), null);
  const from = lastReview ?? startedOn;
  if (!from) return null;
  const period = plusDays(from, cadenceDays);
  return period <= today ? { period, lastReview } : null;
}

async function remindOrg(deps: LifecycleDeps, org: OrgRecord, now: Date): Promise<number> {
  const records = await loadAccount(deps.store, org.id);
  // No account kept (no entry, no flow): nothing to review, no reminder.
  const started = [...records.entries, ...records.flows].map((r) => r.createdAt).sort()[0];
  if (!started) return 0;
  const today = dayOf(now.toISOString());
  const due = reviewDue(
    records.reviews.map((r) => r.data),
    dayOf(started),
    today,
  );
  if (!due) return 0;
  const contacts = await deps.store.getContacts(org.id);
  if (contacts.length === 0) return 0;
  const mailer = deps.mailer;
  if (!mailer) throw new Error('review reminders cannot be sent: no mailer is configured');

  const entries = records.entries.map((r) => r.data);
  const summary = accountSummary(
    entries,
    records.capacity.map((r) => r.data),
    records.flows.map((r) => r.data),
    today,
  );
  // Work not yet done (a dropped or dismissed entry, or one whose outcome is in, is not due).
  const pending = new Set(['logged', 'targeted', 'incision_running']);
  const dueEntries = entries
    .filter((e) => pending.has(e.status) && e.due && 'date' in e.due && e.due.date <= today)
    .map((e) => ({ title: e.title, ownerRole: e.ownerRole, due: (e.due as { date: string }).date }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
  const red = registerState(records.flows.map((f) => f.data)).flatMap((f) =>
    f.red.map((signal) => ({ flow: f.name, signal })),
  );
  const unallocated = Object.values(summary.freed)
    .filter((b) => b.unallocated > 0)
    .map((b) => ({ unit: b.unit, value: b.unallocated }));
  const accountUrl = `${deps.config.publicUrl.replace(/\/+$/, '')}/operating-account.html#org=${encodeURIComponent(org.id)}`;

  const lease = mailLeaseOf(deps);
  let sent = 0;
  await runLimited(contacts, 4, async (contact) => {
    const key = contactKeyOf(contact.email);
    if (!(await deps.store.claimReviewReminder(org.id, due.period, key, deps.clock(), lease))) return;
    try {
      const mail = reviewReminderMail({
        lang: contact.language ?? 'en',
        orgName: org.name,
        contactName: contact.name,
        lastReview: due.lastReview,
        cadenceDays: REVIEW_CADENCE_DAYS,
        dueEntries,
        red,
        unallocated,
        accountUrl,
        sender: mailer.sender,
      });
      await mailer.send({
        kind: 'review-reminder',
        to: { email: contact.email, name: contact.name },
        ...mail,
        headers: {},
      });
      await deps.store.markReviewReminderSent(org.id, due.period, key, deps.clock().toISOString());
      sent++;
    } catch (error) {
      // The claim lapses after the lease: the next run tries this contact again.
      deps.logger?.error('review reminder not sent', { orgId: org.id, error: (error as Error).name });
    }
  });
  return sent;
}

/** Sends every due review reminder; returns how many went out. An organisation that fails is tried on the next run. */
export async function remindReviews(deps: LifecycleDeps, now: Date): Promise<{ sent: number; failed: number }> {
  const orgs = await deps.store.listOrgs();
  let sent = 0;
  let failed = 0;
  await runLimited(orgs, 4, async (org) => {
    try {
      sent += await remindOrg(deps, org, now);
    } catch (error) {
      failed++;
      deps.logger?.error('review reminders failed', { orgId: org.id, error: (error as Error).name });
    }
  });
  deps.metrics?.addMetric('ReviewReminderSent', 'Count', sent);
  return { sent, failed };
}
