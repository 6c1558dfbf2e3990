// The reconciliation rule (docs/METHOD.md): an entry made from a ledger cell is set beside the same cell in a later
// wave. The headline figure (hours a week, days of wait, checks a week) is a median with a distribution-free 95%
// interval; a change counts as real only when the two waves' intervals do not overlap, which for two independent
// samples is a conservative test (it holds at well under 5%). Every ledger's figure is better lower.

import { baselineCell } from './entries';
import type { CellLookup } from './ledger-cells';
import type { Entry, MedianFigure, ReconciliationView } from './types';

/** Whether `later` is really below or above `before`: both intervals exist and do not overlap. */
export function realChange(before: MedianFigure, later: MedianFigure): 'lower' | 'higher' | 'none' {
  if (!before.ci95 || !later.ci95) return 'none';
  if (later.ci95[1] < before.ci95[0]) return 'lower';
  if (later.ci95[0] > before.ci95[1]) return 'higher';
  return 'none';
}

/**
 * The reconciled view of a cell entry against the same cell in wave `campaignId`: target met (really lower and at or
 * below the target), moving (really lower, target not yet met), worse (really higher), not moving (no real change,
 * including any change resting on fewer than 6 answers, which have no interval), or not measurable (the cell is now
 * hidden: then nothing of it is shown). Null for an entry not made from a cell (or a ledger action naming one).
 */
export function reconcile(entry: Entry, campaignId: string, later: CellLookup): ReconciliationView | null {
  const cell = baselineCell(entry.source);
  if (!cell) return null;
  if (later.state !== 'shown') return { campaignId, suggestion: 'not_measurable' };
  const before = cell.figures.headline;
  const now = later.figures.headline;
  const direction = realChange(before, now);
  const headline =
    before.median !== null && now.median !== null ? Math.round((now.median - before.median) * 1000) / 1000 : null;
  const target = entry.target?.value;
  const suggestion =
    direction === 'lower'
      ? target !== undefined && now.median !== null && now.median <= target
        ? 'target_met'
        : 'moving'
      : direction === 'higher'
        ? 'worse'
        : 'not_moving';
  return {
    campaignId,
    suggestion,
    figures: later.figures,
    change: headline === null ? null : { headline, real: direction !== 'none' },
  };
}
