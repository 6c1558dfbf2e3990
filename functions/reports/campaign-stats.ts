import { findInstrument, type Instrument, type Level } from '../../shared/instrument';
import { ledgerWithoutLabels, withoutLabels } from '../../shared/ledger';
import type { SurveyResponse } from '../../shared/response';
import { type Accumulator, createAccumulator, type GroupStats } from '../../shared/scoring';
import { closedAtOf, labelsExpired } from '../lifecycle/campaign-state';
import type { CampaignRecord, ResponseRecord, Store } from '../store/store';

// A campaign's statistics are a fold over its response stream. A stored snapshot holds the fold of everything
// before a cursor; a read folds the tail after it. The cursor trails the clock by a safety window longer than any
// write can take, so no response or withdrawal can land behind a snapshot that was already stored.
//
// The snapshot at cursor c holds exactly the responses with receivedAt < c that were not withdrawn before c:
//   inSnapshot(r, c) = r.receivedAt < c && !(r.withdrawnAt < c)
// Every response whose membership can differ between two cursors c0 <= c1 has a stream position (receivedAt, or
// withdrawnAt once withdrawn) at or after c0, so the tail after c0 shows each one in its latest state, and
// S(c1) = S(c0) + sum over the tail of [inSnapshot(r, c1) - inSnapshot(r, c0)]; the report is the same with c1 = +inf
// (counted iff not withdrawn). Fold and unfold are exact inverses over integer sums, so report = fold from scratch.
// Withdrawals are therefore events in the same stream, not counters. Once a stored snapshot's cursor has passed a
// withdrawal, no later read needs that response's answers, so they are erased; a reader still holding an older
// snapshot that meets an erased response starts over from the newer one.
// The stream is read through GSI1, which AWS updates asynchronously (well under a second): the safety window covers
// that too, so a snapshot is only ever stored for a stretch of the stream that has settled.
//
// A closed campaign's results are S(end) with end just after its close (campaign-state.ts `closedAtOf`): the
// responses received at or before the close and not withdrawn by then. A response written later (it read the
// campaign while still open, or a cached copy of it) is in the stream but outside the results, so published results
// never change. Snapshots of a closed campaign are capped at `end`, so they never hold such a response either.
// A response dated at or before the close can still land (or show in GSI1) up to `safetyMs` after it, so reports
// publish a closed campaign's results only once its close is that old (campaign-state.ts `publishesAtOf`): the
// first published view already holds it.

export interface StatsOptions {
  safetyMs: number;
  /** Refresh the stored snapshot when at least this many tail items fall before the new cursor. */
  refreshItems: number;
}

/** Segment cell key: department and level. */
export const cellKey = (department: string | null, level: Level): string => JSON.stringify([department, level]);
export const parseCellKey = (key: string): { department: string | null; level: Level } => {
  const [department, level] = JSON.parse(key) as [string | null, Level];
  return { department, level };
};

export interface CampaignStats {
  cells: Map<string, GroupStats>;
  /** Cursor of the snapshot the read started from (null: folded from scratch), for tests and logs. */
  snapshotCursor: string | null;
  tailItems: number;
  refreshed: boolean;
}

export function instrumentOf(campaign: CampaignRecord): Instrument {
  const instrument = findInstrument(campaign.instrument.id, campaign.instrument.version);
  if (!instrument) throw new Error(`instrument ${campaign.instrument.id}@${campaign.instrument.version} is not known`);
  return instrument;
}

const INFINITY = '\uffff';

/**
 * The cursor just after `iso`: for same-format ISO times, `t < cursorAfter(iso)` iff `t <= iso`, and a stream position
 * `${iso}#…` sorts before it too ('#' < '~').
 */
const cursorAfter = (iso: string): string => `${iso}~`;

/** Where a report's fold ends: just after the close for a closed campaign, everything for an open one. */
export function reportEnd(campaign: CampaignRecord, now: Date): string {
  const closedAt = closedAtOf(campaign, now);
  return closedAt === null ? INFINITY : cursorAfter(closedAt);
}

function inSnapshot(r: ResponseRecord, cursor: string | null): boolean {
  if (cursor === null) return false;
  if (cursor === INFINITY) return !r.withdrawnAt;
  return r.receivedAt < cursor && !(r.withdrawnAt !== undefined && r.withdrawnAt < cursor);
}

const asResponse = (r: ResponseRecord, dropLabels: boolean): SurveyResponse | null =>
  r.answers && r.level
    ? {
        answers: r.answers,
        level: r.level,
        department: r.department ?? null,
        ...(r.durationS === undefined ? {} : { durationS: r.durationS }),
        ...(r.ledger ? { ledger: dropLabels ? ledgerWithoutLabels(r.ledger) : r.ledger } : {}),
      }
    : null;

/** Statistics without the ledger's labels, once they expired: a snapshot stored before keeps none in what it adds. */
const unlabelled = (stats: GroupStats): GroupStats =>
  stats.ledger ? { ...stats, ledger: withoutLabels(stats.ledger) } : stats;

/** Thrown when a tail item needed for the fold was already erased: a newer snapshot exists, read again. */
class SnapshotMoved extends Error {}

/** Mutable statistics per cell (the engine's accumulators: no copy per response), starting from stored ones. */
class Cells {
  private readonly cells = new Map<string, Accumulator>();
  constructor(
    private readonly instrument: Instrument,
    from: Record<string, GroupStats> = {},
    /** The campaign's labels expired: folded in from nowhere, neither from responses nor from a snapshot. */
    private readonly dropLabels = false,
  ) {
    for (const [key, stats] of Object.entries(from)) this.cell(key).addStats(dropLabels ? unlabelled(stats) : stats);
  }

  private cell(key: string): Accumulator {
    let cell = this.cells.get(key);
    if (!cell) {
      cell = createAccumulator(this.instrument);
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** +1 folds the response in, -1 withdraws it (throws if these statistics never held it), 0 does nothing. */
  apply(r: ResponseRecord, effect: number): void {
    if (effect === 0) return;
    const response = asResponse(r, this.dropLabels);
    if (!response) throw new SnapshotMoved();
    const cell = this.cell(cellKey(response.department, response.level));
    if (effect > 0) cell.add(response);
    else cell.remove(response);
  }

  toStats(): Map<string, GroupStats> {
    return new Map([...this.cells].map(([key, cell]) => [key, cell.toStats()]));
  }
}

/** Statistics per segment cell of every counted response of the campaign, equal to a fold from scratch. */
export async function campaignStats(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
  options: StatsOptions,
): Promise<CampaignStats> {
  const instrument = instrumentOf(campaign);
  const end = reportEnd(campaign, now);
  const dropLabels = labelsExpired(campaign, now);
  for (let attempt = 0; ; attempt++) {
    const stored = await store.getSnapshot(campaign.id);
    // A snapshot past the close (stored before snapshots were capped at it) cannot be rolled back: fold from scratch.
    const snapshot = stored && stored.cursor <= end ? stored : null;
    const base = snapshot?.cursor ?? null;
    const trailing = new Date(now.getTime() - options.safetyMs).toISOString();
    // Capped at the close: a closed campaign's snapshot holds what was received by then, never what came after.
    // biome-ignore lint/complexity/useMathMinMax: ISO strings, which Math.min would turn into NaN
    const next = trailing < end ? trailing : end;
    const tail = await store.readResponses(campaign.id, campaign.shards, base);
    const cells = new Cells(instrument, snapshot?.cells, dropLabels);
    const refresh = base === null || next > base ? new Cells(instrument, snapshot?.cells, dropLabels) : null;
    let foldable = 0;
    try {
      for (const r of tail) {
        cells.apply(r, Number(inSnapshot(r, end)) - Number(inSnapshot(r, base)));
        if (refresh) {
          if (r.position < next) foldable++;
          // Every tail item, not only those before the new cursor: one received before it but withdrawn after it
          // sits after the cursor in the stream, yet belongs in the new snapshot.
          refresh.apply(r, Number(inSnapshot(r, next)) - Number(inSnapshot(r, base)));
        }
      }
    } catch (error) {
      if (error instanceof SnapshotMoved && attempt < 3) continue;
      throw error;
    }
    let refreshed = false;
    if (refresh && foldable >= options.refreshItems) {
      // Stored only if nobody stored a newer one meanwhile (version check): the loser's work is simply dropped.
      refreshed = await store.putSnapshot(
        {
          campaignId: campaign.id,
          version: (stored?.version ?? 0) + 1,
          cursor: next,
          cells: Object.fromEntries(refresh.toStats()),
          createdAt: now.toISOString(),
        },
        stored?.version ?? null,
      );
      if (refreshed) {
        // Withdrawn before the new cursor: no stored snapshot can need their answers again, so erase them.
        const erasable = tail.filter((r) => r.withdrawnAt !== undefined && r.position < next && r.answers);
        await store.eraseWithdrawn(erasable.map((r) => r.key));
      }
    }
    return { cells: cells.toStats(), snapshotCursor: base, tailItems: tail.length, refreshed };
  }
}

/**
 * Statistics of every counted response, folded from scratch (no snapshot): the reference a snapshot must equal. For a
 * closed campaign, those received at or before the close and not withdrawn by then; `now` decides whether a
 * `closesAt` has passed (without it, only a recorded `closedAt` closes).
 */
export async function freshStats(store: Store, campaign: CampaignRecord, now?: Date): Promise<Map<string, GroupStats>> {
  const end = now ? reportEnd(campaign, now) : campaign.closedAt === null ? INFINITY : cursorAfter(campaign.closedAt);
  const cells = new Cells(
    instrumentOf(campaign),
    {},
    now ? labelsExpired(campaign, now) : Boolean(campaign.labelsErasedAt),
  );
  for (const r of await store.readResponses(campaign.id, campaign.shards, null)) {
    if (inSnapshot(r, end)) cells.apply(r, 1);
  }
  return cells.toStats();
}

export function mergeCells(
  instrument: Instrument,
  cells: Map<string, GroupStats>,
  filter: (cell: { department: string | null; level: Level }) => boolean = () => true,
): GroupStats {
  const total = createAccumulator(instrument);
  for (const [key, stats] of cells) {
    if (filter(parseCellKey(key))) total.addStats(stats);
  }
  return total.toStats();
}
