// Confidence that means what it says: the joint support of a pattern's criteria (a product of probabilities that
// treats their errors as independent, §5.3) is mapped to the share of simulated populations in which a pattern
// asserted with that support truly holds (docs/METHOD.md §6.5, `test/unit/simulation/calibration-table.ts`).

/**
 * Upper edges of raw-support bins and the share of asserted patterns that truly held in that bin (pool-adjacent-
 * violators over the simulated bins, so it never falls as support rises; METHOD.md §6.5 has the table). The joint
 * support is conservative: patterns asserted at 0.5–0.6 held 77% of the time.
 */
export const CALIBRATION: readonly { below: number; confidence: number }[] = [
  { below: 0.6, confidence: 0.77 },
  { below: 0.7, confidence: 0.88 },
  { below: Number.POSITIVE_INFINITY, confidence: 0.95 },
];

/**
 * The largest confidence ever shown. In the simulation, patterns asserted with support from 0.7 held 96–100% of the
 * time, but the simulation's noise is the model the rules assume, and real campaigns are messier (§7): no diagnosis is
 * printed surer than one in twenty wrong, and none as certain.
 */
export const MAX_CONFIDENCE = 0.95;

/** The calibrated confidence of a raw joint support (only supports from 0.5 on are ever asserted). */
export function calibratedConfidence(support: number): number {
  const bin = CALIBRATION.find((b) => support < b.below) ?? CALIBRATION[CALIBRATION.length - 1]!;
  return Math.min(MAX_CONFIDENCE, bin.confidence);
}

export type ConfidenceWord = 'about_even' | 'more_likely' | 'likely' | 'very_likely';

/** Words for a confidence, in the spirit of the IPCC's likelihood scale (Mastrandrea et al. 2010). */
export function confidenceWord(confidence: number): ConfidenceWord {
  if (confidence >= 0.9) return 'very_likely';
  if (confidence >= 0.66) return 'likely';
  if (confidence > 0.5) return 'more_likely';
  return 'about_even';
}
