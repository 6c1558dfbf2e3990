// The account's words in every survey language: the page, the report and the close email read them from here.

import type { Localized } from '../instrument';
import type { CommunicationFinding } from './capacity';
import type { FlowGap } from './stage-two';
import type { CadenceFinding } from './summary';
import type { Destination, EntryStatus, LedgerName, SignalKind, SopState, Suggestion } from './types';

const t = (en: string, zh: string, de: string): Localized => ({ en, zh, de });

export const LEDGER_LABELS: Record<LedgerName, Localized> = {
  time: t('Time ledger', '时间账', 'Zeitbuch'),
  waiting: t('Waiting ledger', '等待账', 'Wartebuch'),
  knowledge: t('Knowledge ledger', '知识账', 'Wissensbuch'),
};

/** The headline unit of each ledger's measure. */
export const UNIT_LABELS: Record<LedgerName, Localized> = {
  time: t('hours a week per person', '每人每周小时数', 'Stunden pro Woche und Person'),
  waiting: t('working days of wait', '等待工作日', 'Arbeitstage Wartezeit'),
  knowledge: t('checks a week per person', '每人每周请教次数', 'Rückfragen pro Woche und Person'),
};

/** The unit freed capacity is counted in. */
export const FREED_LABELS: Record<LedgerName, Localized> = {
  time: t('hours a week', '小时/周', 'Stunden pro Woche'),
  waiting: t('waiting days a month', '等待天数/月', 'Wartetage pro Monat'),
  knowledge: t('checks a week', '请教次数/周', 'Rückfragen pro Woche'),
};

export const STATUS_LABELS: Record<EntryStatus, Localized> = {
  proposed: t('Proposed', '待采纳', 'Vorgeschlagen'),
  logged: t('Logged', '已记录', 'Erfasst'),
  targeted: t('Targeted', '已定目标', 'Mit Ziel'),
  incision_running: t('Incision running', '切口进行中', 'Eingriff läuft'),
  compressed: t('Compressed', '已压缩', 'Verkürzt'),
  removed: t('Removed', '已消除', 'Beseitigt'),
  structured: t('Structured', '已结构化', 'Strukturiert'),
  verified: t('Verified', '已核实', 'Bestätigt'),
  dropped: t('Dropped', '已放弃', 'Aufgegeben'),
  dismissed: t('Dismissed', '已驳回', 'Verworfen'),
};

export const SUGGESTION_LABELS: Record<Suggestion, Localized> = {
  target_met: t('Target met', '已达目标', 'Ziel erreicht'),
  moving: t('Moving', '在改善', 'In Bewegung'),
  not_moving: t('Not moving', '没有变化', 'Keine Bewegung'),
  worse: t('Worse', '变差了', 'Schlechter'),
  not_measurable: t(
    'Not measurable (fewer than the minimum group named it)',
    '无法衡量（提到的人数低于最小组规模）',
    'Nicht messbar (weniger als die Mindestgruppe nannten es)',
  ),
};

export const SOP_LABELS: Record<SopState, Localized> = {
  none: t('No written procedure', '没有书面流程', 'Kein schriftliches Verfahren'),
  unused: t('Written, not used', '写了但没人用', 'Aufgeschrieben, nicht genutzt'),
  used: t('Written and used', '写了并且在用', 'Aufgeschrieben und genutzt'),
};

export const DESTINATION_LABELS: Record<Destination, Localized> = {
  cost_down: t('Cost down / fewer people', '降本 / 减少人手', 'Kosten senken / weniger Personal'),
  redeployment: t('Redeployment', '转岗', 'Versetzung'),
  more_output: t('More output', '更多产出', 'Mehr Leistung'),
  higher_quality: t('Higher quality', '更高质量', 'Höhere Qualität'),
  faster_response: t('Faster response', '更快响应', 'Schnellere Antworten'),
  new_business: t('New lines of business', '新业务', 'Neue Geschäftsfelder'),
  learning: t('Organisational learning', '组织学习', 'Organisationales Lernen'),
};

/** The precondition each destination rests on (the essay: each option sits on a different organisational logic). */
export const PRECONDITION_QUESTIONS: Record<Destination, Localized> = {
  cost_down: t(
    'Which work was actually replaced, and which was only reshuffled?',
    '哪些工作是真正被替代了，哪些只是被重新分配了？',
    'Welche Arbeit wurde tatsächlich ersetzt, welche nur umverteilt?',
  ),
  redeployment: t(
    'Who moves into which higher-value work?',
    '谁转去做哪些更高价值的工作？',
    'Wer wechselt in welche wertvollere Arbeit?',
  ),
  more_output: t(
    'Which workflow absorbs the extra output?',
    '哪个流程能吸收新增的产出？',
    'Welcher Ablauf nimmt die zusätzliche Leistung auf?',
  ),
  higher_quality: t(
    'What is the new acceptance standard?',
    '新的验收标准是什么？',
    'Was ist der neue Abnahmestandard?',
  ),
  faster_response: t(
    'Which response time is now promised, and to whom?',
    '现在向谁承诺了什么样的响应时间？',
    'Welche Antwortzeit wird jetzt wem zugesagt?',
  ),
  new_business: t(
    'Who points the freed time where, into which uncertain direction?',
    '由谁把省出的时间投向哪个不确定的方向？',
    'Wer lenkt die frei gewordene Zeit wohin, in welche ungewisse Richtung?',
  ),
  learning: t(
    'Which experiments, workflow rewrites or role moves get the time?',
    '哪些实验、流程改写或岗位调整会用到这些时间？',
    'Welche Experimente, neu geschriebenen Abläufe oder Rollenwechsel bekommen die Zeit?',
  ),
};

export const FINDING_LABELS: Record<CommunicationFinding, Localized> = {
  nothing_decided: t(
    'Nothing decided: leadership has recorded no decision, and the workforce says none was made or does not know.',
    '尚未决定：领导层没有记录任何决定，员工也说没有决定或不知道。',
    'Nichts entschieden: Die Leitung hat keine Entscheidung festgehalten, und die Belegschaft sagt, es sei keine gefallen oder weiß es nicht.',
  ),
  decided_not_told: t(
    'Decided but not told: leadership recorded a decision, but most of the workforce has not heard what it is.',
    '已决定但未告知：领导层记录了决定，但大多数员工并不知道决定是什么。',
    'Entschieden, aber nicht gesagt: Die Leitung hat entschieden, doch die meisten in der Belegschaft wissen nicht, was.',
  ),
  told_but_not_heard: t(
    'Told but not heard: leadership says staff were told, yet most of the workforce says it has not been told.',
    '说了但没听到：领导层说已告知员工，但大多数员工说没有被告知。',
    'Gesagt, aber nicht angekommen: Laut Leitung wurde es gesagt, doch die meisten sagen, es sei ihnen nicht gesagt worden.',
  ),
  decided_and_told: t(
    'Decided and told: leadership recorded a decision and most of the workforce says it was told.',
    '已决定并已告知：领导层记录了决定，大多数员工也说被告知了。',
    'Entschieden und gesagt: Die Leitung hat entschieden, und die meisten sagen, es wurde ihnen gesagt.',
  ),
  believed_without_record: t(
    'Believed without a record: most of the workforce thinks something was decided, but leadership has recorded nothing.',
    '有传言无记录：多数员工认为已经有了决定，但领导层没有任何记录。',
    'Geglaubt ohne Festlegung: Die meisten glauben an eine Entscheidung, doch die Leitung hat nichts festgehalten.',
  ),
  not_measured: t(
    'Not measured: this wave has no published answers on whether leadership decided.',
    '无法衡量：本轮没有关于领导层是否已决定的公开结果。',
    'Nicht gemessen: Diese Welle hat keine veröffentlichten Antworten dazu, ob die Leitung entschieden hat.',
  ),
};

export const CADENCE_LABELS: Record<CadenceFinding, Localized> = {
  not_reviewed: t(
    'No operating review of the account in the last quarter.',
    '上个季度没有对该账目进行经营复盘。',
    'Im letzten Quartal keine Betriebsbesprechung des Kontos.',
  ),
  reviewed_not_seen: t(
    'Reviewed, but the workforce does not see the ledgers discussed in operating reviews.',
    '已复盘，但员工并不认为账目在经营复盘中被讨论。',
    'Besprochen, doch die Belegschaft sieht die Bücher nicht in den Betriebsbesprechungen.',
  ),
  reviewed_and_seen: t(
    'Reviewed, and the workforce sees the ledgers discussed in operating reviews.',
    '已复盘，员工也认为账目在经营复盘中被讨论。',
    'Besprochen, und die Belegschaft sieht die Bücher in den Betriebsbesprechungen.',
  ),
  not_measured: t(
    'Reviewed; the workforce view is not published for this wave.',
    '已复盘；本轮员工看法未公开。',
    'Besprochen; die Sicht der Belegschaft ist für diese Welle nicht veröffentlicht.',
  ),
};

export const SIGNAL_KIND_LABELS: Record<SignalKind, Localized> = {
  repeat_inquiries: t('Repeat inquiries', '重复咨询', 'Wiederholte Anfragen'),
  complaints: t('Complaints', '投诉', 'Beschwerden'),
  refunds: t('Refunds', '退款', 'Erstattungen'),
  brand_negatives: t('Brand negatives', '品牌负面', 'Negative Markenerwähnungen'),
  escalation_rate: t('Human-escalation rate', '转人工率', 'Quote der Übergaben an Menschen'),
  other: t('Other', '其他', 'Sonstiges'),
};

export const GAP_LABELS: Record<FlowGap, Localized> = {
  no_human_exit: t('No human exit', '没有人工出口', 'Kein Weg zu einem Menschen'),
  no_adjudicator: t('Nobody adjudicates complex cases', '复杂案例无人裁决', 'Niemand entscheidet komplexe Fälle'),
  no_trigger_owner: t(
    'Nobody owns the rollback and re-staffing trigger',
    '无人负责回退和补人触发',
    'Niemand verantwortet Rücknahme und Wiederbesetzung',
  ),
  no_threshold: t('No quality threshold', '没有质量阈值', 'Kein Qualitätsgrenzwert'),
};
