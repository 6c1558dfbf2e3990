import { statsOptions } from '../api/stats-options';
import { publishesAtOf } from '../lifecycle/campaign-state';
import type { LifecycleDeps } from '../lifecycle/invites';
import type { CampaignRecord, DueRecord } from '../store/store';
import { foldStep } from './campaign-stats';

// The scheduler's half of the report: it keeps each campaign's snapshot current while the campaign runs, and folds
// the last stretch once the close is older than the safety window, so the first published read is one snapshot read
// (campaign-stats.ts). Which campaigns need it is in the DUE partition, no Scan: every campaign gets a `fold` item when
// it is created (orgs route) and another for the moment its results publish (lifecycle close); a run that folds one
// puts the next (`nextFold`) before its own is deleted, so a crash leaves at most one item too many, never none.

/**
 * Arrivals one stretch folds at most: ~0.6 s of work on a quiet local engine, ~5 s on a loaded one, and one snapshot
 * write. Small enough that the run's time budget below holds to within one stretch.
 */
export const FOLD_CHUNK_ITEMS = 5_000;
/** The most one scheduler run folds, over all campaigns: a fixed amount of work per run, whatever the backlog. */
export const FOLD_ITEMS_PER_RUN = 200_000;
/**
 * No new stretch is started after this long in one run: a run ends within a minute (this plus one stretch) however
 * slow the engine, far inside the scheduler function's 5-minute timeout.
 */
export const FOLD_RUN_MS = 50_000;
/** How often an open campaign is folded: shorter than the scheduler's 15 minutes, so every run finds it due. */
export const FOLD_EVERY_MS = 10 * 60_000;

/** What one run may still fold: shared by the fold items of the run. */
export class FoldBudget {
  private readonly startedAt = performance.now();
  constructor(
    private items = FOLD_ITEMS_PER_RUN,
    private readonly ms = FOLD_RUN_MS,
  ) {}
  get exhausted(): boolean {
    // Elapsed real time, not the domain clock: how long this run has worked.
    return this.items <= 0 || performance.now() - this.startedAt >= this.ms;
  }
  spend(items: number): void {
    this.items -= items;
  }
}

export interface FoldRun {
  /** Stream items read. */
  items: number;
  /** Snapshots stored. */
  stored: number;
  /** The snapshot reached the furthest cursor allowed now. */
  caughtUp: boolean;
  cursor: string | null;
}

/** Folds stretch after stretch until the snapshot is caught up or the run's budget is spent. */
export async function foldCampaign(
  deps: Pick<LifecycleDeps, 'store' | 'config'>,
  campaign: CampaignRecord,
  now: Date,
  budget: FoldBudget,
): Promise<FoldRun> {
  const options = { ...statsOptions(deps), chunkItems: deps.config.foldChunkItems ?? FOLD_CHUNK_ITEMS };
  const run: FoldRun = { items: 0, stored: 0, caughtUp: false, cursor: null };
  while (!budget.exhausted) {
    const step = await foldStep(deps.store, campaign, now, options);
    budget.spend(Math.max(1, step.items));
    run.items += step.items;
    run.cursor = step.cursor;
    if (step.stored) run.stored++;
    if (step.caughtUp) {
      run.caughtUp = true;
      break;
    }
  }
  return run;
}

/**
 * When the campaign needs its next fold after one that caught up: never again once its results publish (the fold
 * then reached the close: nothing after it counts); at that moment, for a closed campaign still settling; in
 * FOLD_EVERY_MS while it is open.
 */
export function nextFold(deps: Pick<LifecycleDeps, 'config'>, campaign: CampaignRecord, now: Date): DueRecord | null {
  const publishesAt = publishesAtOf(campaign, now, statsOptions(deps).safetyMs);
  if (publishesAt !== null && publishesAt <= now.toISOString()) return null;
  const dueAt = publishesAt ?? new Date(now.getTime() + FOLD_EVERY_MS).toISOString();
  return { dueAt, campaignId: campaign.id, kind: 'fold' };
}
