// The stage-two register (Klarna's lesson): for each flow AI now handles, whether quality can be seen dropping and
// who acts when it does. A signal past its threshold is the register's alarm; a flow without a human exit or without
// an owner of the rollback and re-staffing trigger is the replacement-only pattern in the organisation's own record.

import { type EvidenceNotePart, part, withNote } from '../diagnosis/evidence-notes';
import type { Evidence } from '../report-model';
import type { Issue } from './entries';
import type { Flow, QualitySignal } from './types';

export type SignalState = 'past_threshold' | 'within' | 'no_threshold' | 'no_value';

export function signalState(s: QualitySignal): SignalState {
  if (s.threshold === null) return 'no_threshold';
  if (s.current === null) return 'no_value';
  const past = s.trips === 'above' ? s.current > s.threshold : s.current < s.threshold;
  return past ? 'past_threshold' : 'within';
}

export const FLOW_GAPS = ['no_human_exit', 'no_adjudicator', 'no_trigger_owner', 'no_threshold'] as const;
export type FlowGap = (typeof FLOW_GAPS)[number];

export interface FlowState {
  id: string;
  name: string;
  gaps: FlowGap[];
  signals: (QualitySignal & { state: SignalState })[];
  /** Signals past their threshold: shown red, named in the close email. */
  red: string[];
}

export const signalName = (s: QualitySignal): string => s.label ?? s.kind.replace(/_/g, ' ');

/** Each live flow with its gaps and signal states (retired flows are left out). */
export function registerState(flows: readonly Flow[]): FlowState[] {
  return flows
    .filter((f) => !f.retired)
    .map((f) => {
      const signals = f.signals.map((s) => ({ ...s, state: signalState(s) }));
      const gaps: FlowGap[] = [];
      if (!f.humanExit) gaps.push('no_human_exit');
      if (!f.adjudicator) gaps.push('no_adjudicator');
      if (!f.triggerOwner) gaps.push('no_trigger_owner');
      if (!signals.some((s) => s.threshold !== null)) gaps.push('no_threshold');
      return {
        id: f.id,
        name: f.name,
        gaps,
        signals,
        red: signals.filter((s) => s.state === 'past_threshold').map(signalName),
      };
    });
}

/**
 * The register as evidence for the replacement-only and human-exit diagnoses (issue 12): counts of live flows without
 * a human exit, without anyone adjudicating complex cases, without an owner of the re-staffing trigger, without any
 * threshold, and of signals past their threshold, each `met` when above zero. Empty when the register has no live
 * flow: the diagnoses then rest on perception alone.
 */
export function stageTwoEvidence(flows: readonly Flow[]): Evidence[] {
  const states = registerState(flows);
  if (states.length === 0) return [];
  const count = (gap: FlowGap) => states.filter((s) => s.gaps.includes(gap)).length;
  const item = (source: string, value: number, note: EvidenceNotePart): Evidence =>
    withNote<Evidence>({ source, value, threshold: 0, comparison: '>', met: value > 0 }, [note]);
  const ofFlows = part('flows_ai_handles', { flows: states.length });
  return [
    item('register:no_human_exit', count('no_human_exit'), ofFlows),
    item('register:no_adjudicator', count('no_adjudicator'), ofFlows),
    item('register:no_trigger_owner', count('no_trigger_owner'), ofFlows),
    item('register:no_threshold', count('no_threshold'), ofFlows),
    item(
      'register:past_threshold',
      states.reduce((s, f) => s + f.red.length, 0),
      part('signals_past_threshold'),
    ),
  ];
}

/** Signals that do not hold together, naming the fields. */
export function flowIssues(flow: Omit<Flow, 'id'>): Issue[] {
  const issues: Issue[] = [];
  flow.signals.forEach((s, i) => {
    if (s.kind === 'other' && !s.label)
      issues.push({ field: `signals.${i}.label`, message: 'name a signal of kind other' });
    if ((s.current === null) !== (s.measuredOn === null)) {
      issues.push({
        field: `signals.${i}.${s.current === null ? 'current' : 'measuredOn'}`,
        message: 'give the current value with the day it was measured',
      });
    }
  });
  return issues;
}
