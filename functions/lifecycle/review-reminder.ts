import { accountSummary, registerState } from '../../shared/account';
import { type AccountRecords, loadAccount } from '../account/account-view';
import { sha256Hex } from '../api/token-hash';
import { reviewReminderMail } from '../mail/review-reminder-mail';
import type { OrgRecord, Store } from '../store/store';
import { type LifecycleDeps, mailLeaseOf, runLimited } from './invites';

// The monthly operating review, reminded (issue 11, docs/METHOD.md §7.6): an account whose last review (or, never
// reviewed, whose first entry or flow) is older than its cadence gets one e-mail to each executive contact, naming
// what the review has to look at. At most one per contact and period: the period is the day the review fell due, so
// it stays the same until a review is recorded, and each send first takes a conditional claim on (period, contact).
// A run that dies between the send and its mark may send that one again after the mail lease; overlapping runs and
// retries do not.
//
// Which accounts to look at: each organisation with an account has a due marker under the day its review falls due,
// written when its account starts (its first entry or flow) and when a review is recorded (`scheduleReview`). A run
// reads the markers due by today (one Query), not every account. A marker is only a hint: the account decides. Not
// due yet (a review recorded meanwhile, a marker too early), it moves to the day the account says; due and every
// contact mailed (or none to mail), it goes; a contact not yet mailed keeps it for the next run. Under the markers, a
// full sweep of every organisation once per REVIEW_SWEEP_DAYS catches what a lost marker write would miss (a crash
// between an item and its marker, a contact added after the period's reminders went) and writes the markers again.

/** Days between operating reviews: the essay's monthly review. */
export const REVIEW_CADENCE_DAYS = 30;
/** Days between full sweeps of every organisation's account (the safety net under the due markers). */
export const REVIEW_SWEEP_DAYS = 30;
/** Due markers one run reads at most; the rest wait for the next run (every 15 minutes). */
const MARKER_BATCH = 200;

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

/** The day the account's next review falls due (its marker's day), or null when no account is kept (no entry or flow). */
export function nextReviewDay(records: AccountRecords, cadenceDays = REVIEW_CADENCE_DAYS): string | null {
  const started = [...records.entries, ...records.flows].map((r) => r.createdAt).sort()[0];
  if (!started) return null;
  const lastReview = records.reviews.reduce<string | null>(
    (a, r) => (a && a > r.data.heldOn ? a : r.data.heldOn),
    null,
  );
  return plusDays(lastReview ?? dayOf(started), cadenceDays);
}

/**
 * Writes the organisation's due marker from its account as it now stands. `ifUnscheduled`: only when it has none yet
 * (a new entry or flow moves the day only when it starts the account; a review always does).
 */
export async function scheduleReview(store: Store, orgId: string, ifUnscheduled: boolean): Promise<void> {
  if (ifUnscheduled && (await store.getReviewDue(orgId)) !== null) return;
  const day = nextReviewDay(await loadAccount(store, orgId));
  if (day) await store.putReviewDue(orgId, day);
}

/** What one organisation's look came to: how many went out, and what becomes of its marker. */
interface OrgOutcome {
  sent: number;
  /** No account (the marker goes); not due until `day` (the marker moves); due and done; due, contacts still waiting. */
  marker: { kind: 'none' } | { kind: 'later'; day: string } | { kind: 'done' } | { kind: 'waiting' };
}

async function remindOrg(deps: LifecycleDeps, org: OrgRecord, now: Date): Promise<OrgOutcome> {
  const records = await loadAccount(deps.store, org.id);
  // No account kept (no entry, no flow): nothing to review, no reminder.
  const started = [...records.entries, ...records.flows].map((r) => r.createdAt).sort()[0];
  if (!started) return { sent: 0, marker: { kind: 'none' } };
  const today = dayOf(now.toISOString());
  const due = reviewDue(
    records.reviews.map((r) => r.data),
    dayOf(started),
    today,
  );
  if (!due) return { sent: 0, marker: { kind: 'later', day: nextReviewDay(records)! } };
  const contacts = await deps.store.getContacts(org.id);
  if (contacts.length === 0) return { sent: 0, marker: { kind: 'done' } };
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
  let waiting = 0;
  await runLimited(contacts, 4, async (contact) => {
    const key = contactKeyOf(contact.email);
    if (!(await deps.store.claimReviewReminder(org.id, due.period, key, deps.clock(), lease))) {
      // Sent already (nothing to do), or another run is sending it now (its marker stays until that is known).
      if (!(await deps.store.reviewReminderSent(org.id, due.period, key))) waiting++;
      return;
    }
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
      waiting++;
      deps.logger?.error('review reminder not sent', { orgId: org.id, error: (error as Error).name });
    }
  });
  return { sent, marker: waiting > 0 ? { kind: 'waiting' } : { kind: 'done' } };
}

/** Brings the organisation's marker in line with what its look found. */
async function settleMarker(store: Store, orgId: string, outcome: OrgOutcome, marker: string | null): Promise<void> {
  const m = outcome.marker;
  if (m.kind === 'later') {
    if (marker !== m.day || (await store.getReviewDue(orgId)) !== m.day) await store.putReviewDue(orgId, m.day);
    if (marker !== null && marker !== m.day) await store.deleteReviewDueMarker(orgId, marker);
  } else if (m.kind === 'none' || m.kind === 'done') {
    if (marker !== null) await store.deleteReviewDueMarker(orgId, marker);
  }
}

/**
 * Sends every due review reminder; returns how many went out. It looks at the organisations whose marker is due by
 * today, or, once per REVIEW_SWEEP_DAYS, at every organisation. An organisation that fails is tried on the next run.
 */
export async function remindReviews(deps: LifecycleDeps, now: Date): Promise<{ sent: number; failed: number }> {
  const store = deps.store;
  const today = dayOf(now.toISOString());
  const markers = await store.listReviewsDue(today, MARKER_BATCH);
  const sweep = await store.claimReviewSweep(now, REVIEW_SWEEP_DAYS * DAY_MS);
  // Each organisation once, with the marker the run found it by (several, after a crash: the oldest; the others
  // are dropped or moved when their own day's run finds the review not due, or done).
  const byOrg = new Map<string, string | null>();
  for (const m of markers) if (!byOrg.has(m.orgId)) byOrg.set(m.orgId, m.day);
  const orgs = sweep ? await store.listOrgs() : await store.getOrgs([...byOrg.keys()]);
  // A marker of an organisation that is gone (a delete that died half-way): dropped.
  const found = new Set(orgs.map((o) => o.id));
  await Promise.all(markers.filter((m) => !found.has(m.orgId)).map((m) => store.deleteReviewDueMarker(m.orgId, m.day)));
  let sent = 0;
  let failed = 0;
  await runLimited(orgs, 4, async (org) => {
    try {
      const outcome = await remindOrg(deps, org, now);
      sent += outcome.sent;
      await settleMarker(store, org.id, outcome, byOrg.get(org.id) ?? null);
    } catch (error) {
      failed++;
      deps.logger?.error('review reminders failed', { orgId: org.id, error: (error as Error).name });
    }
  });
  deps.metrics?.addMetric('ReviewReminderSent', 'Count', sent);
  return { sent, failed };
}
