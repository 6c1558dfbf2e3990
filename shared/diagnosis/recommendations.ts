// The smallest operating incisions (the essay's phrase): at most three, no two about the same thing, each one
// sentence of action tied to the evidence it answers. The diagnosed trap's own incision comes first (the essay: settle
// the capacity decision first in a cash-rich company, build the ledgers first in a cash-poor one), then the incisions
// the respondents' own ledgers point at (issue 10: ledger entries aggregated into "remove this wait first"), then the
// first break's and the other weak layers' in cascade order.

import type { Instrument, Layer } from '../instrument';
import type { DiagnosisCode, GroupReport, Recommendation } from '../report-model';
import { LAYER_INCISION_TEXTS, layerBecause, TRAP_INCISION_TEXTS, trapBecause } from './texts';
import type { TrapFacts } from './traps';

/** At most this many incisions: a Monday morning has room for three. */
export const MAX_RECOMMENDATIONS = 3;

/** The English sentences, for readers of the first release's shape. */
export const LAYER_INCISIONS: Record<Layer, Omit<Recommendation, 'layer'>> = Object.fromEntries(
  Object.entries(LAYER_INCISION_TEXTS).map(([layer, i]) => [layer, { ledger: i.ledger, action: i.action.en }]),
) as Record<Layer, Omit<Recommendation, 'layer'>>;

export const TRAP_INCISIONS: Record<DiagnosisCode, Omit<Recommendation, 'layer' | 'code'>> = Object.fromEntries(
  Object.entries(TRAP_INCISION_TEXTS).map(([code, i]) => [code, { ledger: i.ledger, action: i.action.en }]),
) as Record<DiagnosisCode, Omit<Recommendation, 'layer' | 'code'>>;

/** The trap incisions that come before every other: a trap's own cure (human exit follows the four traps). */
const TRAP_ORDER: readonly DiagnosisCode[] = [
  'cash_rich_trap',
  'cash_poor_trap',
  'replacement_only',
  'boss_b_trap',
  'human_exit_missing',
];

/** Topics an incision already covers besides its own: the three ledgers include the knowledge ledger. */
const COVERS: Record<string, readonly string[]> = { ledgers: ['knowledge_ledger'] };

export interface RecommendationInput {
  instrument: Instrument;
  workforce: GroupReport;
  /** Asserted diagnoses, most certain first, with the facts their incisions cite. */
  diagnoses: readonly { code: DiagnosisCode; facts: TrapFacts }[];
  /** Weak layers in cascade order (the first break, if named, first). */
  weak: readonly Layer[];
  /** The weak layers cannot be told apart (no first break named). */
  together: boolean;
  /** Incisions from the respondents' ledgers (issue 10), already worded; each takes a slot after the traps'. */
  ledger?: readonly Recommendation[];
}

export function recommendations(input: RecommendationInput): Recommendation[] {
  const { instrument, workforce } = input;
  const candidates: Recommendation[] = [];
  const byTrap = [...input.diagnoses].sort((a, b) => TRAP_ORDER.indexOf(a.code) - TRAP_ORDER.indexOf(b.code));
  for (const d of byTrap) {
    const i = TRAP_INCISION_TEXTS[d.code];
    candidates.push({
      layer: null,
      ledger: i.ledger,
      action: i.action.en,
      code: d.code,
      topic: i.topic,
      actions: i.action,
      because: trapBecause(d.facts, instrument),
      source: 'diagnosis',
    });
  }
  for (const r of input.ledger ?? []) candidates.push({ ...r, source: 'ledger' });
  for (const layer of input.weak) {
    const i = LAYER_INCISION_TEXTS[layer];
    const s = workforce.layers[layer];
    candidates.push({
      layer,
      ledger: i.ledger,
      action: i.action.en,
      topic: i.topic,
      actions: i.action,
      because: layerBecause(layer, s.score ?? 0, s.ci95, input.together && layer === input.weak[0], instrument),
      source: 'layer',
    });
  }
  const taken = new Set<string>();
  const out: Recommendation[] = [];
  for (const c of candidates) {
    if (out.length === MAX_RECOMMENDATIONS) break;
    const topic = c.topic ?? c.action;
    if (taken.has(topic)) continue;
    taken.add(topic);
    for (const covered of COVERS[topic] ?? []) taken.add(covered);
    out.push(c);
  }
  return out;
}
