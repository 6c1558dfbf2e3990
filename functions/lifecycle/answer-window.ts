import type { AppConfig } from '../api/deps';
import { NotFound, ServiceUnavailable } from '../api/errors';
import type { CampaignRecord } from '../store/store';
import { closedAtOf, isClosed } from './campaign-state';

// How a write (an answer, a withdrawal, an invitation) and a close agree on which side of the close it falls, with
// no transaction between the two items and without a second read on the hot path.
//
// A close is two writes: `closingAt` first (from then on every reader sees that a close was asked for and starts
// nothing new), then `closedAt` = (the clock after the first write landed) + grace. A writer dates its item `now` only
// if the campaign copy it decided on was read at most `grace` before `now` (else it reads the campaign again). A copy
// that showed no close was read before `closingAt` landed, so before the closer read its clock: the writer's
// `now` <= read + grace < closer's clock + grace = `closedAt`. So an item written on an open copy is always inside the
// close, and an item refused was never written: a respondent is never told "received" for an answer left out, nor
// "withdrawn" for answers still counted. Clock skew between two machines eats into the grace, not into correctness,
// as long as it stays below it (AWS keeps Lambda clocks within milliseconds).

/** Default grace (AppConfig.closeGraceMs): longer than the campaign cache's 2 s, so a cached copy is usable. */
export const CLOSE_GRACE_MS = 5000;

export const closeGraceOf = (config: Pick<AppConfig, 'closeGraceMs'>): number => config.closeGraceMs ?? CLOSE_GRACE_MS;

/** A campaign as read, with the clock taken just before the read. */
export interface ObservedCampaign {
  campaign: CampaignRecord;
  observedAt: Date;
}

/** Open, and no close asked for: a new answer, withdrawal or invitation may start. */
export const acceptsWrites = (c: CampaignRecord, now: Date): boolean => !c.closingAt && !isClosed(c, now);

/** Whether something dated `at` falls inside the campaign's results: before its close, or it has none yet. */
export function insideClose(c: CampaignRecord, at: string): boolean {
  const closedAt = closedAtOf(c, new Date(at));
  return closedAt === null || at <= closedAt;
}

interface WindowDeps {
  clock: () => Date;
  config: Pick<AppConfig, 'closeGraceMs'>;
}

/**
 * The time a write may carry, and the campaign copy it decides on: `now` when the copy is at most the grace old, else
 * the campaign is read again (a few times at most: a store slower than the grace answers 503).
 */
export async function writeWindow(
  deps: WindowDeps,
  observed: ObservedCampaign,
  read: () => Promise<CampaignRecord | null>,
): Promise<{ campaign: CampaignRecord; now: Date }> {
  const grace = closeGraceOf(deps.config);
  let current = observed;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.clock();
    if (now.getTime() - current.observedAt.getTime() <= grace) return { campaign: current.campaign, now };
    const observedAt = deps.clock();
    const campaign = await read();
    if (!campaign) throw new NotFound('no such survey');
    current = { campaign, observedAt };
  }
  throw new ServiceUnavailable('the database is answering slowly; retry shortly', { retryAfterS: 2 });
}
