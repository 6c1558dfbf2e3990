// How finely a response's times are stored (issue 16): to the hour, never finer, and its duration only as the
// speeding flag decided at submission. An hour is the largest unit every use of these times still works with:
// - the close cut-off (campaign-state.ts): a writer dates its item before the close (answer-window.ts), and the hour
//   it falls in starts no later, so an item inside the close stays inside;
// - the snapshot's safety window (reports/campaign-stats.ts): a write still in flight is dated at the earliest in the
//   hour of (now - safety window), so a cursor at that hour's start never passes it (`trailingCursor`);
// - the late-burst flag (shared/privacy/padding.ts): it counts answers in hour buckets already.
// So a response reveals the hour it came in, never the minute, and not how long the person took.

/** The unit stored times are floored to. */
export const STORED_TIME_UNIT_MS = 3_600_000;

/** The start of the hour `at` falls in, as an ISO time of the same format as every other stored time. */
export function storedTime(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms - (((ms % STORED_TIME_UNIT_MS) + STORED_TIME_UNIT_MS) % STORED_TIME_UNIT_MS)).toISOString();
}

/** Whether an ISO time is as coarse as storedTime makes it (a time stored by a release before it may be finer). */
export const isStoredTime = (iso: string): boolean => storedTime(Date.parse(iso)) === iso;
