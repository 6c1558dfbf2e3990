// Percentiles that mean something (issue 16): a company is ranked among OTHER organisations only, each by its latest
// closed and published wave, never among its own earlier waves, and only once enough others have a score. A
// percentile over two or three peers moves by a third whenever one is added; below `MIN_PEERS` none is given.

/** The fewest other organisations a percentile is given over. */
export const MIN_PEERS = 5;

export const TOO_FEW_PEERS = `fewer than ${MIN_PEERS} other organisations`;
export const NO_SCORE = 'no score to rank';

/** One organisation's wave as the ranking sees it: its whole-workforce scores, null where withheld. */
export interface PeerWave {
  orgId: string;
  campaignId: string;
  /** When it closed (ISO); the latest closed wave of each organisation is its peer wave. */
  closedAt: string;
  createdAt: string;
  /** Null when the wave is too small to show anything (it is no peer on any measure). */
  scores: Readonly<Record<string, number | null>> | null;
}

export interface PeerRanking {
  /** Other organisations whose latest wave shows scores. */
  peers: number;
  /** Per measure: other organisations with a score on it (a withheld layer is no peer for that layer). */
  peerCounts: Record<string, number>;
  /** Mid-rank percentile 0..100 (one decimal) among those peers; null below the minimum or without a score. */
  percentiles: Record<string, number | null>;
  /** Why a percentile is null (TOO_FEW_PEERS, NO_SCORE); null where one is given. */
  reasons: Record<string, string | null>;
}

/** Each organisation's latest closed wave (by close, then creation, then id): the one that stands for it. */
export function latestWaves(waves: readonly PeerWave[]): Map<string, PeerWave> {
  const latest = new Map<string, PeerWave>();
  const later = (a: PeerWave, b: PeerWave) =>
    a.closedAt > b.closedAt ||
    (a.closedAt === b.closedAt &&
      (a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.campaignId > b.campaignId)));
  for (const w of waves) {
    const seen = latest.get(w.orgId);
    if (!seen || later(w, seen)) latest.set(w.orgId, w);
  }
  return latest;
}

/** (below + half the ties) over all, in percent, to one decimal. */
function midRank(value: number, base: readonly number[]): number {
  const below = base.filter((v) => v < value).length;
  const equal = base.filter((v) => v === value).length;
  return Math.round(((below + 0.5 * equal) / base.length) * 1000) / 10;
}

/**
 * Ranks `target`'s scores among the latest waves of the other organisations in `waves` (the target's own
 * organisation never counts, whatever wave of it is passed).
 */
export function peerPercentiles(
  target: { orgId: string; scores: Readonly<Record<string, number | null>> },
  waves: readonly PeerWave[],
  measures: readonly string[],
  minPeers = MIN_PEERS,
): PeerRanking {
  const others = [...latestWaves(waves).values()].filter((w) => w.orgId !== target.orgId && w.scores !== null);
  const peerCounts: Record<string, number> = {};
  const percentiles: Record<string, number | null> = {};
  const reasons: Record<string, string | null> = {};
  for (const m of measures) {
    const base = others.map((w) => w.scores![m]).filter((v): v is number => typeof v === 'number');
    peerCounts[m] = base.length;
    const value = target.scores[m];
    if (typeof value !== 'number') {
      percentiles[m] = null;
      reasons[m] = NO_SCORE;
    } else if (base.length < minPeers) {
      percentiles[m] = null;
      reasons[m] = minPeers === MIN_PEERS ? TOO_FEW_PEERS : `fewer than ${minPeers} other organisations`;
    } else {
      percentiles[m] = midRank(value, base);
      reasons[m] = null;
    }
  }
  return { peers: others.length, peerCounts, percentiles, reasons };
}
