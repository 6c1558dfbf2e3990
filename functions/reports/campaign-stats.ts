import { findInstrument, type Instrument, type Level } from '../../shared/instrument';
import { ledgerWithoutLabels, withoutLabels } from '../../shared/ledger';
import type { SurveyResponse } from '../../shared/response';
import {
  type Accumulator,
  accumulatorFrom,
  createAccumulator,
  type GroupStats,
  StatsMismatchError,
} from '../../shared/scoring';
import { ReportPreparing } from '../api/errors';
import { closedAtOf, labelsExpired } from '../lifecycle/campaign-state';
import type { CampaignRecord, ResponseRecord, SnapshotRecord, Store } from '../store/store';
import { storedTime } from '../store/stored-time';

// A campaign's statistics are a fold over its response stream. A stored snapshot holds the fold of everything
// before a cursor; a read folds the tail after it. The cursor trails the clock by a safety window longer than any
// write can take, rounded down to the hour stored times are floored to (stored-time.ts), so no response or
// withdrawal can land behind a snapshot that was already stored.
//
// The snapshot at cursor c holds exactly the responses with receivedAt < c that were not withdrawn before c:
//   inSnapshot(r, c) = r.receivedAt < c && !(r.withdrawnAt < c)
// Every response whose membership can differ between two cursors c0 <= c1 has a stream position (receivedAt, or
// withdrawnAt once withdrawn) at or after c0, so the tail after c0 shows each one in its latest state, and
// S(c1) = S(c0) + sum over the tail of [inSnapshot(r, c1) - inSnapshot(r, c0)]; the report is the same with c1 = +inf
// (counted iff not withdrawn). Fold and unfold are exact inverses over integer sums, so report = fold from scratch.
// Withdrawals are therefore events in the same stream, not counters. Once a stored snapshot's cursor has passed a
// withdrawal, no later read needs that response's answers, so they are erased; a reader still holding an older
// snapshot that meets an erased response starts over from the newer one. The erase cannot share a write with the
// snapshot (no multi-item transactions), so the snapshot records it as owed (`eraseFrom`: the withdrawals in
// [previous cursor, cursor)) until it is done, and every fold first finishes what the stored snapshot owes: an
// erase that fails, or a run killed before it, is done by the next fold or read, never skipped.
// The stream is read through GSI1, which AWS updates asynchronously (well under a second): the safety window covers
// that too, so a snapshot is only ever stored for a stretch of the stream that has settled.
//
// The stream is read in bounded stretches (Store.readStreamChunk): the arrivals in [c0, c1) and every withdrawal at
// or after c0. Those are exactly the responses whose membership can differ between c0 and c1: an arrival in
// [c0, c1) (still standing, or withdrawn later, which moved it to the withdrawals), or a withdrawal in [c0, c1) of an
// earlier arrival; a withdrawal after c1 of an arrival before c0 changes nothing. So S(c1) = S(c0) + the same sum over
// that stretch, and the scheduler (fold-job.ts) brings a snapshot up to date one stretch at a time, each stored with
// its cursor under the version check: a crash loses at most the stretch in hand, and of two runs folding the same
// stretch only one stores it. A report read folds at most `maxTailItems` arrivals on the request path: with more
// after the snapshot it folds and stores one stretch, then answers that the report is being prepared (202).
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
  /**
   * A read folds at most this many arrivals after the snapshot (default DEFAULT_MAX_TAIL_ITEMS); with more, it stores
   * a snapshot of that stretch and answers ReportPreparing, so no request's work grows with the campaign.
   */
  maxTailItems?: number;
}

/** About a second of folding on the request path (0.1 ms per response on the local engine, bench/report-scaling.ts). */
export const DEFAULT_MAX_TAIL_ITEMS = 5_000;

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

/**
 * A response's place in the stream at a time it was given (its arrival or its withdrawal): the time plus the start of
 * its receipt hash, as stored (routes/surveys.ts, routes/responses.ts). Many responses share an hour, so a cursor may
 * fall between two of them (Store.readStreamChunk): membership goes by the position, not by the time alone.
 */
const positionAt = (r: ResponseRecord, at: string): string => `${at}#${r.key.slice(0, 16)}`;

/**
 * Whether a fold up to `cursor` holds the response (the report's fold: `reportEnd`): received before the cursor and
 * not withdrawn before it, both by stream position. For a cursor that is a time (`T`, or `T~` just after it) that is
 * the same as comparing the times.
 */
export function inSnapshot(r: ResponseRecord, cursor: string | null): boolean {
  if (cursor === null) return false;
  if (cursor === INFINITY) return !r.withdrawnAt;
  return positionAt(r, r.receivedAt) < cursor && !(r.withdrawnAt !== undefined && r.position < cursor);
}

const asResponse = (r: ResponseRecord, dropLabels: boolean): SurveyResponse | null =>
  r.answers && r.level
    ? {
        answers: r.answers,
        level: r.level,
        department: r.department ?? null,
        ...(r.tooFast ? { tooFast: true } : {}),
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
    // Each cell read once, straight into its accumulator (accumulatorFrom checks shape and counts as addStats does).
    for (const [key, stats] of Object.entries(from)) {
      const cell = accumulatorFrom(instrument, dropLabels ? unlabelled(stats) : stats);
      if (cell.excludeFlagged) throw new StatsMismatchError('campaign statistics never leave flagged responses out');
      this.cells.set(key, cell);
    }
  }

  /**
   * The cells of stored statistics, or null when they no longer have the shape this release folds (an older
   * release's snapshot may not): then the fold starts from scratch.
   */
  static fromStored(instrument: Instrument, from: Record<string, GroupStats>, dropLabels: boolean): Cells | null {
    try {
      return new Cells(instrument, from, dropLabels);
    } catch (error) {
      if (error instanceof StatsMismatchError) return null;
      throw error;
    }
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

interface Folded {
  snapshot: SnapshotRecord | null;
  stored: boolean;
}

/**
 * Stores S(cursor) = S(base) + the stretch `tail` (the arrivals in [base, cursor) and the withdrawals since base) if
 * nobody stored a newer snapshot meanwhile (version check: the loser's work is simply dropped), then erases the
 * answers of responses withdrawn before the new cursor, which no stored snapshot can need again. The snapshot records
 * that erase as owed (`eraseFrom`) until it is done: if it fails or the run stops first, the next fold does it
 * (`finishErase`) before it builds on the snapshot, so withdrawn answers never outlive it.
 */
async function storeFold(
  store: Store,
  campaign: CampaignRecord,
  instrument: Instrument,
  stored: SnapshotRecord | null,
  base: string | null,
  tail: readonly ResponseRecord[],
  cursor: string,
  now: Date,
): Promise<Folded> {
  const cells = new Cells(instrument, stored && base !== null ? stored.cells : undefined, labelsExpired(campaign, now));
  // Every tail item, not only those before the new cursor: one received before it but withdrawn after it sits with
  // the withdrawals, yet belongs in the new snapshot.
  for (const r of tail) cells.apply(r, Number(inSnapshot(r, cursor)) - Number(inSnapshot(r, base)));
  // The tail holds every withdrawal at or after base: these are the withdrawals in [base, cursor).
  const erasable = tail.filter((r) => r.withdrawnAt !== undefined && r.position < cursor && r.answers);
  const snapshot: SnapshotRecord = {
    campaignId: campaign.id,
    version: (stored?.version ?? 0) + 1,
    cursor,
    cells: Object.fromEntries(cells.toStats()),
    createdAt: now.toISOString(),
    ...(erasable.length > 0 ? { eraseFrom: base } : {}),
  };
  if (!(await store.putSnapshot(snapshot, stored?.version ?? null))) return { snapshot: null, stored: false };
  if (erasable.length > 0) {
    await store.eraseWithdrawn(erasable.map((r) => r.key));
    await store.clearSnapshotErase(campaign.id, snapshot.version);
  }
  return { snapshot, stored: true };
}

/**
 * The erase a stored snapshot's fold still owes: the withdrawals in [eraseFrom, cursor) that hold answers, read from
 * the stream again. Idempotent, so two folds may both do it.
 */
async function finishErase(store: Store, campaign: CampaignRecord, snapshot: SnapshotRecord): Promise<void> {
  if (snapshot.eraseFrom === undefined) return;
  await store.eraseWithdrawn(await store.withdrawnHoldingAnswers(campaign, snapshot.eraseFrom, snapshot.cursor));
  await store.clearSnapshotErase(campaign.id, snapshot.version);
}

/**
 * The stored snapshot a fold may start from: none when it is past the report's end (stored before the cap). Its owed
 * erase is done first: every snapshot is stored by a fold that started here, so at most the stored one owes one.
 */
async function startingSnapshot(
  store: Store,
  instrument: Instrument,
  campaign: CampaignRecord,
  end: string,
  safetyMs: number,
  dropLabels: boolean,
) {
  const stored = await store.getSnapshot(campaign.id);
  if (stored) await finishErase(store, campaign, stored);
  // A snapshot past the close (stored before snapshots were capped at it) cannot be rolled back, and one stored before
  // the statistics gained fields no longer fits them: fold from scratch (the next stored fold then replaces it).
  const usable = stored && stored.cursor <= end && trailsItsCreation(stored, campaign, end, safetyMs);
  // Read into accumulators once: checking that they fit is the same read.
  const fromStored = usable ? Cells.fromStored(instrument, stored.cells, dropLabels) : null;
  const snapshot = fromStored ? stored : null;
  return {
    stored,
    snapshot,
    base: snapshot?.cursor ?? null,
    /** The snapshot's statistics to fold the tail into (empty without one). */
    cells: fromStored ?? new Cells(instrument, {}, dropLabels),
  };
}

/**
 * The trailing cursor at `now`: the start of the hour of (now - safety window). Stored times are whole hours
 * (stored-time.ts), so a write still in flight, dated at the earliest safetyMs ago, sits in that hour or later.
 */
const trailingCursor = (now: number, safetyMs: number): string => storedTime(now - safetyMs);

/**
 * Where the snapshot may go now: the trailing cursor, or the close once it is older than the safety window (every
 * write dated before the close has landed by then).
 */
function cursorLimit(campaign: CampaignRecord, end: string, now: Date, safetyMs: number): string {
  const closedAt = closedAtOf(campaign, now);
  if (closedAt !== null && Date.parse(closedAt) <= now.getTime() - safetyMs) return end;
  const trailing = trailingCursor(now.getTime(), safetyMs);
  return trailing < end ? trailing : end;
}

/**
 * Whether a stored snapshot's cursor is within the limit its own creation allowed this release's cursors
 * (`cursorLimit` then). A release that stored exact times let the cursor trail by the safety window only: a response
 * now dated at the start of that hour would fall behind such a cursor, so the fold starts over (and the next stored
 * fold replaces it).
 */
const trailsItsCreation = (
  snapshot: SnapshotRecord,
  campaign: CampaignRecord,
  end: string,
  safetyMs: number,
): boolean => snapshot.cursor <= cursorLimit(campaign, end, new Date(snapshot.createdAt), safetyMs);

/**
 * Statistics per segment cell of every counted response of the campaign, equal to a fold from scratch: the stored
 * snapshot plus the tail after its cursor, at most `maxTailItems` arrivals of it. Throws ReportPreparing when the tail
 * is longer (after storing a snapshot of its first stretch, so that every such read brings the report closer).
 */
export async function campaignStats(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
  options: StatsOptions,
): Promise<CampaignStats> {
  const instrument = instrumentOf(campaign);
  const end = reportEnd(campaign, now);
  const limit = options.maxTailItems ?? DEFAULT_MAX_TAIL_ITEMS;
  const dropLabels = labelsExpired(campaign, now);
  for (let attempt = 0; ; attempt++) {
    const { stored, base, cells } = await startingSnapshot(
      store,
      instrument,
      campaign,
      end,
      options.safetyMs,
      dropLabels,
    );
    // At the close already: nothing in the stream after it can change the results (one snapshot read).
    if (base === end) {
      return {
        cells: cells.toStats(),
        snapshotCursor: base,
        tailItems: 0,
        refreshed: false,
      };
    }
    const next = cursorLimit(campaign, end, now, options.safetyMs);
    try {
      const chunk = await store.readStreamChunk(campaign, base, end, limit);
      if (chunk.to < end) {
        // Too long for a request: store the stretch that was read (up to the trailing cursor) and say so.
        // biome-ignore lint/complexity/useMathMinMax: ISO strings
        const cursor = chunk.to < next ? chunk.to : next;
        if (base === null || cursor > base) {
          await storeFold(store, campaign, instrument, stored, base, chunk.items, cursor, now);
        }
        throw new ReportPreparing(
          'the report is being prepared: its responses are still being counted; try again shortly',
        );
      }
      const tail = chunk.items;
      let foldable = 0;
      for (const r of tail) {
        cells.apply(r, Number(inSnapshot(r, end)) - Number(inSnapshot(r, base)));
        if (r.position < next) foldable++;
      }
      let refreshed = false;
      if ((base === null || next > base) && foldable >= options.refreshItems) {
        refreshed = (await storeFold(store, campaign, instrument, stored, base, tail, next, now)).stored;
      }
      return { cells: cells.toStats(), snapshotCursor: base, tailItems: tail.length, refreshed };
    } catch (error) {
      if (error instanceof SnapshotMoved && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Statistics as of the trailing cursor (the start of the last whole hour the safety window has settled): the
 * responses received before it and not withdrawn before it, whatever came in since. What the live participation of a
 * running campaign counts (reports/participation.ts): one answer moves it only once its hour has settled, so it
 * cannot be timed to its minute. Costs what a report read costs: the stored snapshot (which never passes that
 * cursor), plus the stream after it up to the cursor, at most `maxTailItems` arrivals (with more, one stretch is
 * folded and stored and ReportPreparing thrown); no more than the stored snapshot while the scheduler keeps up. A
 * read that folds at least `refreshItems` stores its fold as the new snapshot, which is exactly S(cursor).
 */
export async function settledStats(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
  options: StatsOptions,
): Promise<CampaignStats & { cursor: string }> {
  const instrument = instrumentOf(campaign);
  const end = reportEnd(campaign, now);
  const target = cursorLimit(campaign, end, now, options.safetyMs);
  const limit = options.maxTailItems ?? DEFAULT_MAX_TAIL_ITEMS;
  const dropLabels = labelsExpired(campaign, now);
  for (let attempt = 0; ; attempt++) {
    const { stored, base, cells } = await startingSnapshot(
      store,
      instrument,
      campaign,
      end,
      options.safetyMs,
      dropLabels,
    );
    // A snapshot at (or, stored under a later clock, past) the cursor is itself a settled fold.
    if (base !== null && base >= target) {
      return {
        cells: cells.toStats(),
        snapshotCursor: base,
        tailItems: 0,
        refreshed: false,
        cursor: base,
      };
    }
    try {
      const chunk = await store.readStreamChunk(campaign, base, target, limit);
      if (chunk.to < target) {
        if (base === null || chunk.to > base) {
          await storeFold(store, campaign, instrument, stored, base, chunk.items, chunk.to, now);
        }
        throw new ReportPreparing('the answers are still being counted; try again shortly');
      }
      for (const r of chunk.items) cells.apply(r, Number(inSnapshot(r, target)) - Number(inSnapshot(r, base)));
      let refreshed = false;
      if (chunk.items.length >= options.refreshItems) {
        refreshed = (await storeFold(store, campaign, instrument, stored, base, chunk.items, target, now)).stored;
      }
      return { cells: cells.toStats(), snapshotCursor: base, tailItems: chunk.items.length, refreshed, cursor: target };
    } catch (error) {
      if (error instanceof SnapshotMoved && attempt < 3) continue;
      throw error;
    }
  }
}

export interface FoldProgress {
  /** The stored snapshot's cursor after this step (null: none yet). */
  cursor: string | null;
  /** Stream items read (arrivals and withdrawals). */
  items: number;
  /** The snapshot is at the furthest cursor allowed now (the trailing cursor, or the close). */
  caughtUp: boolean;
  /** This step stored a snapshot (false: already caught up, or another run stored one first). */
  stored: boolean;
}

/**
 * One bounded step of the scheduler's fold: at most `chunkItems` arrivals after the stored snapshot, up to the
 * trailing cursor (capped at the close), folded and stored. Safe to run twice at once and to be killed at any point.
 */
export async function foldStep(
  store: Store,
  campaign: CampaignRecord,
  now: Date,
  options: StatsOptions & { chunkItems: number },
): Promise<FoldProgress> {
  const instrument = instrumentOf(campaign);
  const end = reportEnd(campaign, now);
  const target = cursorLimit(campaign, end, now, options.safetyMs);
  for (let attempt = 0; ; attempt++) {
    const { stored, base } = await startingSnapshot(
      store,
      instrument,
      campaign,
      end,
      options.safetyMs,
      labelsExpired(campaign, now),
    );
    if (base !== null && base >= target) return { cursor: base, items: 0, caughtUp: true, stored: false };
    try {
      const chunk = await store.readStreamChunk(campaign, base, target, options.chunkItems);
      // Nothing arrived or was withdrawn since the cursor: no snapshot to write, unless this one reaches the close
      // (a published read then is one snapshot read).
      if (chunk.items.length === 0 && chunk.to !== end)
        return { cursor: base, items: 0, caughtUp: chunk.to >= target, stored: false };
      const folded = await storeFold(store, campaign, instrument, stored, base, chunk.items, chunk.to, now);
      return {
        cursor: folded.stored ? chunk.to : base,
        items: chunk.items.length,
        caughtUp: folded.stored && chunk.to >= target,
        stored: folded.stored,
      };
    } catch (error) {
      if (error instanceof SnapshotMoved && attempt < 3) continue;
      throw error;
    }
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
