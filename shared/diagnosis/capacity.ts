// Answers about freed capacity read by meaning, not by wording: versions word the destinations differently (2026.1
// has five options, 2026.2 the essay's ten), but each option carries what it means (instrument types.ts).
import { CAPACITY_MEANINGS, type CapacityMeaning, capacityItem, type Instrument } from '../instrument';
import type { CapacityDistribution } from '../report-model';

/** The destinations proper: where freed capacity goes once someone has decided. */
export const DESTINATIONS = ['cost', 'growth', 'learning'] as const satisfies readonly CapacityMeaning[];

export interface CapacityByMeaning {
  n: number;
  /** Share of the item's answers with each meaning (0 when n = 0). */
  shares: Record<CapacityMeaning, number>;
  /** The single most-named option among the destinations (ties: the instrument's order), with its share. */
  topOption: { id: string; label: string; share: number } | null;
}

export function capacityByMeaning(instrument: Instrument, dist: CapacityDistribution): CapacityByMeaning {
  const shares = Object.fromEntries(CAPACITY_MEANINGS.map((m) => [m, 0])) as Record<CapacityMeaning, number>;
  let topOption: CapacityByMeaning['topOption'] = null;
  for (const option of capacityItem(instrument)?.options ?? []) {
    const share = dist.shares[option.id] ?? 0;
    shares[option.meaning] += share;
    const destination = (DESTINATIONS as readonly string[]).includes(option.meaning);
    if (destination && (topOption === null || share > topOption.share)) {
      topOption = { id: option.id, label: option.label.en, share };
    }
  }
  return { n: dist.n, shares, topOption };
}
