// The stage-two register as evidence for the replacement-only and human-exit diagnoses (docs/METHOD.md §5.4, §7.5):
// the organisation's own record of the flows AI handles. A live flow with no human exit, or no owner of the rollback
// and re-staffing trigger, is the weak human safeguards the survey's staff perceive, in leadership's record (for the
// human exit, also a flow where nobody adjudicates complex cases: the safeguard item on escalation); a flow with no
// quality signal that has a threshold is the governance the survey's governance layer asks about. Signals past their
// threshold are shown beside, not required: quality dropping is not one of the patterns' criteria.
//
// Like a ledger row (ledger-evidence.ts), a register row corroborates, it never carries: it joins the criterion whose
// survey row it speaks to and may raise that criterion's support, but the criterion is met only when the survey row
// is. So the register can make the pattern the staff's answers show surer, never assert one their answers contradict.
// No register, or no live flow, gives no row at all: the diagnosis then rests on perception alone.

import { stageTwoEvidence } from '../account/stage-two';
import type { Flow } from '../account/types';
import type { Evidence } from '../report-model';
import type { Row } from './criteria';
import { type EvidenceNotePart, part, withNote } from './evidence-notes';

export interface RegisterRows {
  noHumanExit: Row | null;
  noAdjudicator: Row | null;
  noTriggerOwner: Row | null;
  noThreshold: Row | null;
  /** Shown, not required. */
  pastThreshold: Evidence[];
}

const NONE: RegisterRows = {
  noHumanExit: null,
  noAdjudicator: null,
  noTriggerOwner: null,
  noThreshold: null,
  pastThreshold: [],
};

/** A register count is leadership's record, not a sample: support 1 when met, 0 when not (like a profile fact). */
const asRow = (e: Evidence | undefined): Row | null =>
  e ? { evidence: inRegister(e, part('corroborates')), support: e.met ? 1 : 0 } : null;

/** The register's own note, said as being in the register, and what the row does for the pattern. */
function inRegister(e: Evidence, role: EvidenceNotePart): Evidence {
  const said = (e.noteParts ?? []).map((p) =>
    p.code === 'flows_ai_handles'
      ? part('flows_ai_handles_in_register', p.figures)
      : p.code === 'signals_past_threshold'
        ? part('signals_past_threshold_in_register')
        : p,
  );
  return withNote({ ...e }, [...said, role]);
}

export function registerRows(flows: readonly Flow[] | undefined): RegisterRows {
  if (!flows) return NONE;
  const rows = stageTwoEvidence(flows);
  if (rows.length === 0) return NONE;
  const bySource = (source: string) => rows.find((e) => e.source === source);
  const past = bySource('register:past_threshold');
  return {
    noHumanExit: asRow(bySource('register:no_human_exit')),
    noAdjudicator: asRow(bySource('register:no_adjudicator')),
    noTriggerOwner: asRow(bySource('register:no_trigger_owner')),
    noThreshold: asRow(bySource('register:no_threshold')),
    pastThreshold: past ? [inRegister(past, part('shown_not_required'))] : [],
  };
}
