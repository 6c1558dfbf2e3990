// The smallest operating incisions (the essay's phrase): one sentence of action each, a ledger to start where one fits.

import type { Layer } from '../instrument';
import type { Diagnosis, DiagnosisCode, Recommendation } from '../report-model';

export const LAYER_INCISIONS: Record<Layer, Omit<Recommendation, 'layer'>> = {
  knowledge: {
    ledger: 'knowledge',
    action:
      'Start the knowledge ledger: list the five judgments new hires still have to check with senior staff, and write down who answers each one today and where that answer will be kept.',
  },
  workflows: {
    ledger: 'waiting',
    action:
      'For the one workflow with the most rework, mark which steps may pass automatically and which must stop for a person, and write down the escalation path for cases that touch money, credit or an upset customer before the next complaint, not after it.',
  },
  responsibility: {
    ledger: 'waiting',
    action:
      'Take the cross-department wait the boss still unblocks personally every week, put it on the waiting ledger, and name for each of its steps whose call it is: the tool user, the workflow owner, the business owner or the vendor.',
  },
  governance: {
    ledger: null,
    action:
      'For the AI-supported work with the most customer contact, name the quality signals (repeat inquiries, complaints, refunds, escalations to a person), set the level of each that trips a rollback, and log what the AI did so it can be checked afterwards.',
  },
  roles: {
    ledger: 'time',
    action:
      'Start the time ledger for the roles AI touches most (who does the most time-consuming work, how long, how often, and why them), and rewrite those role descriptions to say which parts the machine does, which a person reviews, and who handles the exceptions.',
  },
};

export const TRAP_INCISIONS: Record<DiagnosisCode, Omit<Recommendation, 'layer' | 'code'>> = {
  cash_rich_trap: {
    ledger: 'time',
    action:
      'Before the next tool purchase, decide in the leadership team where freed capacity goes (profit, customer experience or organisational learning), tell every department, and count the freed hours on the time ledger against that decision.',
  },
  cash_poor_trap: {
    ledger: 'waiting',
    action:
      'Stop counting learning sessions as progress: pick the one wait that stalls work most often, put it on the waiting ledger, and report at the next operating review how many days it lost and what AI removed.',
  },
  boss_b_trap: {
    ledger: null,
    action:
      'Make one leader the owner of the AI operating account, reviewing the time, waiting and knowledge ledgers every month by asking which workflow got shorter, which wait was removed and which judgment no longer needs a senior colleague.',
  },
  replacement_only: {
    ledger: null,
    action:
      'Before counting more savings, name the quality thresholds (repeat inquiries, complaints, refunds, escalation rate) that trip a rollback, make sure customers can always reach a person, and name who owns the decision to bring people back.',
  },
};

/**
 * Layer incisions for the weak layers in cascade order (the first break first), then one per asserted trap in the
 * order the diagnoses are listed.
 */
export function recommendations(
  weakInCascadeOrder: readonly Layer[],
  diagnoses: readonly Diagnosis[],
): Recommendation[] {
  return [
    ...weakInCascadeOrder.map((layer) => ({ layer, ...LAYER_INCISIONS[layer] })),
    ...diagnoses.map((d) => ({ layer: null, ...TRAP_INCISIONS[d.code], code: d.code })),
  ];
}
