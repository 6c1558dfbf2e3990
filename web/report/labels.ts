// English names for the report's codes. The report is written in English (the engine's explanations are); the
// survey is what respondents read in their own language.

import type { Layer, LikertSignal } from '../../shared/instrument/types';
import type { DiagnosisCode, FindingCode } from '../../shared/report-model';

export const LAYER_NAMES: Record<Layer, string> = {
  roles: 'Roles',
  workflows: 'Workflows',
  knowledge: 'Knowledge',
  responsibility: 'Responsibility',
  governance: 'Governance',
};

export const LAYER_QUESTIONS: Record<Layer, string> = {
  roles: 'Have the roles been rewritten?',
  workflows: 'Does the workflow have a downgrade path?',
  knowledge: 'Has knowledge turned into an asset?',
  responsibility: 'Is responsibility assigned?',
  governance: 'Does governance have thresholds?',
};

export const SIGNAL_NAMES: Record<LikertSignal, string> = {
  investment: 'Investment',
  activity: 'Activity',
  time_ledger: 'Time ledger',
  waiting_ledger: 'Waiting ledger',
  knowledge_ledger: 'Knowledge ledger',
  operating_impact: 'Operating impact',
  human_safeguards: 'Human-in-the-loop safeguards',
  work_replaced: 'Work taken over by AI',
};

export const CAPACITY_NAMES: Record<string, string> = {
  profit: 'Lower costs',
  customer_experience: 'Faster, better service',
  organisational_learning: 'Organisational learning',
  headcount_only: 'Cutting headcount only',
  undecided: 'Nothing decided',
  // 2026.2: the essay's destinations, and the answers to "has leadership decided at all".
  cost_down: 'Lowering costs',
  fewer_people: 'Fewer people',
  redeploy: 'Moving people to higher-value work',
  more_output: 'More output',
  higher_quality: 'Higher quality',
  faster_response: 'Faster response to customers',
  new_business: 'New lines of business',
  learning: 'Experiments and rewriting how we work',
  not_decided: 'Nothing decided',
  dont_know: 'Does not know, or not told',
  decided_told: 'Decided, and we were told what for',
  decided_not_told: 'Decided, but not told what for',
};

export const DIAGNOSIS_NAMES: Record<DiagnosisCode, string> = {
  cash_rich_trap: 'Cash-rich trap: money covering up a decision vacuum',
  cash_poor_trap: 'Cash-poor trap: activity mistaken for progress',
  boss_b_trap: '“We already get it”: leadership sees a readier organisation than its people do',
  replacement_only: 'Replacement only: freed capacity counted as cost and headcount',
  human_exit_missing: 'No human exit: customers may not be able to reach a person',
};

export const LEVEL_NAMES: Record<string, string> = {
  frontline: 'Frontline',
  manager: 'Managers',
  executive: 'Executives',
};

export const FINDING_NAMES: Record<FindingCode, string> = {
  too_few_to_diagnose: 'Too few responses to diagnose',
  careless_responses: 'Many careless responses',
  practices_invisible: 'Practices people cannot see',
  several_weak_layers: 'Several layers weak together',
  polarised_departments: 'Departments far apart',
};

/** Confidence in words (docs/METHOD.md §6.5): shown with the number, never as 100%. */
export const LIKELIHOOD_WORDS: Record<'more_likely' | 'likely' | 'very_likely', string> = {
  more_likely: 'more likely than not',
  likely: 'likely',
  very_likely: 'very likely',
};
