import type { MaturityLevel } from '../report-model';

/**
 * Maturity levels on the 0..100 score, each from its lower bound (inclusive) to the next one.
 *
 * Why these cut-offs: equal fifths of the scale are the usual equal-interval reading of a 5-point mean (a width of
 * 0.8 answer points): 0-20 is a mean of 1.0-1.8 (respondents mostly strongly disagree), 20-40 is 1.8-2.6 (disagree),
 * 40-60 is 2.6-3.4 (the neutral band around 3), 60-80 is 3.4-4.2 (agree), 80-100 is 4.2-5.0 (strongly agree). No
 * published norms exist for this instrument, so anything finer would pretend to a calibration we do not have.
 * The names follow the essay: "Ad hoc" (AI runs on individual conscience), "Patched" (people patch by hand, each
 * department its own way), "Defined" (written down, not yet run), "Managed" (owners and thresholds in daily
 * operation), "Rewritten" (the operating system rewritten for the human-machine division of labour).
 */
export const MATURITY_LEVELS: readonly { level: MaturityLevel; from: number; name: string }[] = [
  { level: 1, from: 0, name: 'Ad hoc' },
  { level: 2, from: 20, name: 'Patched' },
  { level: 3, from: 40, name: 'Defined' },
  { level: 4, from: 60, name: 'Managed' },
  { level: 5, from: 80, name: 'Rewritten' },
];

/** The maturity level of a 0..100 score; a score on a cut-off belongs to the higher level. */
export function maturityLevel(score: number): { level: MaturityLevel; name: string } {
  let found = MATURITY_LEVELS[0]!;
  for (const m of MATURITY_LEVELS) if (score >= m.from) found = m;
  return { level: found.level, name: found.name };
}
