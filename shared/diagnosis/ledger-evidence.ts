// The respondents' own ledgers as evidence for the traps the essay ties to them (docs/METHOD.md §5.4, §9.6): Boss B
// ("the boss is still personally unblocking cross-department jams every week": the waits are the boss's decisions) and
// cash-poor (activity mistaken for progress: large time sinks nobody has compressed, knowledge still checked with
// senior staff). Only published figures (ledgerFacts), so a hidden cell never reaches a diagnosis; a ledger that is
// not asked (2026.1) or hidden gives no row at all, never a false one.
//
// A ledger row corroborates, it never carries: it joins the criterion whose survey row it speaks to and may raise that
// criterion's support by the rule of §5.3 (the largest support among met rows), but the criterion is met only when
// the survey row is. So a ledger can make a pattern the survey already shows surer, never assert one the survey's
// answers contradict.

import { type LedgerFacts, ledgerFacts } from '../ledger/incisions';
import type { LedgerReport } from '../ledger/ledger-report';
import type { Criterion, Measure, Row } from './criteria';
import { row } from './criteria';
import { part } from './evidence-notes';
import { THRESHOLDS as T } from './thresholds';

export const factsOf = (report: LedgerReport | undefined): LedgerFacts | null => (report ? ledgerFacts(report) : null);

/**
 * A per-respondent total (hours or checks a week over every workforce respondent, skipped steps as zero). Its standard
 * error is taken at the threshold, theta · cv / √n, with cv the spread between respondents (T.ledgerSpread): like the
 * capacity shares' score test, it is defined whatever the figure.
 */
function perRespondent(value: number, n: number, threshold: number): Measure {
  return { value, se: (T.ledgerSpread * threshold) / Math.sqrt(Math.max(1, n)), df: Math.max(1, n - 1), n, ci: null };
}

/** The share of the waiting days a month that wait on the boss: decisions, and waits held by senior leadership. */
export function bossWaitRow(facts: LedgerFacts | null): Row | null {
  const share = facts?.bossShareOfWaitingDays;
  const n = facts?.waitingRespondentsAtLeast;
  if (share === null || share === undefined || !n) return null;
  const theta = T.ledgerBossShareHigh;
  return row(
    'ledger:boss_share_of_waiting_days',
    { value: share, se: Math.sqrt((theta * (1 - theta)) / n), df: Number.POSITIVE_INFINITY, n, ci: null },
    theta,
    '>=',
    'share',
    [part('published_waits_only'), part('share_of_waiters', { n }), part('corroborates')],
  );
}

export function timeSinkRow(facts: LedgerFacts | null): Row | null {
  const v = facts?.timeSinkHoursPerRespondent;
  if (v === null || v === undefined || !facts) return null;
  const theta = T.ledgerTimeHoursHigh;
  return row('ledger:time_hours_per_respondent', perRespondent(v, facts.n, theta), theta, '>=', 'fact', [
    part('time_ledger_hours', { n: facts.n }),
    part('corroborates'),
  ]);
}

export function knowledgeChecksRow(facts: LedgerFacts | null): Row | null {
  const v = facts?.checksPerRespondent;
  if (v === null || v === undefined || !facts) return null;
  const theta = T.ledgerChecksHigh;
  return row('ledger:checks_per_respondent', perRespondent(v, facts.n, theta), theta, '>=', 'fact', [
    part('knowledge_ledger_checks', { n: facts.n }),
    part('corroborates'),
  ]);
}

/**
 * The survey's row with the ledger's (or the register's, register-evidence.ts) beside it: met exactly when the survey
 * row is; support the largest of the met rows' (§5.3). An unmet corroborating row is shown and does not lower the
 * support (any met row may carry a criterion).
 */
export function corroborated(survey: Row, ...others: (Row | null)[]): Criterion {
  const beside = others.filter((r): r is Row => r !== null);
  const rows = [survey, ...beside];
  if (!survey.evidence.met) return { rows, met: false, support: 0 };
  const besideSupport = Math.max(0, ...beside.filter((r) => r.evidence.met).map((r) => r.support));
  return { rows, met: true, support: Math.max(survey.support, besideSupport) };
}
