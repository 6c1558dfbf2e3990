// A simulated stage-two register for a simulated organisation (docs/METHOD.md §6.10): the flows AI handles, each
// with or without its human exit, adjudicator, trigger owner and a signal with a threshold. A separate seeded stream,
// so adding a register to a population changes none of its answers.

import type { Flow } from '../account/types';
import { createRng } from './prng';

/**
 * How the register relates to the organisation's truth. `truth`: gaps are likelier the weaker the truth's safeguards
 * (for exit, adjudicator, trigger owner) and governance (for the threshold); `gaps`: every flow has every gap,
 * whatever the truth (a register at its most misleading for an organisation whose safeguards hold); `sound`: no gap.
 */
export type RegisterMode = 'truth' | 'gaps' | 'sound';

/**
 * The chance that a flow lacks a safeguard, given the truth's level of the scale it belongs to: one half at the
 * diagnosis's cut, falling off logistically (scale 6 points: about 1 in 20 at 18 points above the cut, 19 in 20 at
 * 18 below).
 */
export const gapChance = (level: number, cut: number): number => 1 / (1 + Math.exp((level - cut) / 6));

export function simulateRegister(
  truth: { signals: { human_safeguards: number }; layers: { governance: number } },
  seed: number,
  options: { flows?: number; mode?: RegisterMode } = {},
): Flow[] {
  const rng = createRng(seed ^ 0x5e6157e2);
  const mode = options.mode ?? 'truth';
  const safeguards = gapChance(truth.signals.human_safeguards, 40);
  const governance = gapChance(truth.layers.governance, 50);
  const gap = (p: number) => (mode === 'gaps' ? true : mode === 'sound' ? false : rng.uniform() < p);
  return Array.from({ length: options.flows ?? 3 }, (_, i) => ({
    id: `f${i + 1}`,
    name: `Flow ${i + 1}`,
    humanExit: gap(safeguards) ? null : 'A person within a working day',
    adjudicator: gap(safeguards) ? null : 'Team lead',
    triggerOwner: gap(safeguards) ? null : 'Head of service',
    signals: [
      {
        kind: 'repeat_inquiries',
        label: null,
        unit: '% of chats',
        threshold: gap(governance) ? null : 12,
        trips: 'above',
        current: 8,
        measuredOn: '2026-11-01',
      },
    ],
    retired: false,
  }));
}
