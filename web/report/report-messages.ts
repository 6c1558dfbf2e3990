// The report's own wording in every language the survey has (en, zh, de). Layer, signal, level and question names
// come from the instrument (shared/instrument), the diagnosis sentences from shared/diagnosis/texts.ts; this file
// holds the page's headings, labels and connecting sentences. English is the reference.

import type { Language } from '../../shared/instrument';
import type { DiagnosisCode, FindingCode } from '../../shared/report-model';

export interface ReportText {
  languageName: string;
  languageSwitch: string;
  eyebrow: string;
  titleFallback: string;
  responses: (n: number) => string;
  responseRate: string;
  generated: (when: string) => string;
  instrument: string;
  // screen one
  mondayHeading: string;
  breakSentence: (layer: string) => string;
  noBreakSentence: string;
  invisibleSentence: string;
  severalSentence: (layers: string) => string;
  tooFewSentence: string;
  withheldSentence: string;
  patternSentence: (name: string, confidence: string) => string;
  noPatternSentence: string;
  actionsLead: string;
  owner: string;
  due: string;
  dueWave: string;
  notTakenUp: string;
  noActions: string;
  evidenceLink: string;
  // sections
  toc: Record<
    | 'summary'
    | 'account'
    | 'layers'
    | 'diagnoses'
    | 'actions'
    | 'gap'
    | 'trend'
    | 'ledgers'
    | 'segments'
    | 'signals'
    | 'items'
    | 'method'
    | 'protection',
    string
  >;
  readFirst: string;
  protectionHeading: string;
  breaksHeading: string;
  breakLead: (layer: string, question: string) => string;
  usualOrder: string;
  firstBreakBadge: string;
  noScore: string;
  verdicts: Record<'weak' | 'borderline' | 'sound' | 'unknown', string>;
  layersHeading: string;
  noLayerScores: (k: number) => string;
  layerChartLabel: string;
  layerCaption: string;
  firstBreakAmber: string;
  layerScores: string;
  col: Record<
    | 'layer'
    | 'score'
    | 'interval'
    | 'level'
    | 'agreement'
    | 'answers'
    | 'dontKnow'
    | 'signal'
    | 'value'
    | 'threshold'
    | 'result'
    | 'group'
    | 'responses'
    | 'workforce'
    | 'leadership'
    | 'gap'
    | 'statement'
    | 'favourable'
    | 'neutral'
    | 'unfavourable'
    | 'wave'
    | 'change',
    string
  >;
  firstBreakTag: string;
  diagnosisHeading: string;
  confidence: string;
  evidence: string;
  holds: string;
  doesNotHold: string;
  noDiagnosisWithheld: string;
  noTrap: string;
  notDiagnosed: string;
  actionsHeading: string;
  because: (text: string) => string;
  gapHeading: string;
  trendHeading: string;
  trendIntro: string;
  trendFirst: string;
  trendHidden: (k: number) => string;
  trendBeyond: string;
  trendWithin: string;
  trendCaption: string;
  segmentsHeading: string;
  noSegments: string;
  segmentsIntro: string;
  hidden: string;
  signalsHeading: string;
  itemsHeading: string;
  itemsIntro: (k: number) => string;
  itemsCaption: string;
  methodHeading: string;
  scrollCue: string;
  diagnosisNames: Record<DiagnosisCode, string>;
  findingNames: Record<FindingCode, string>;
  likelihood: Record<'more_likely' | 'likely' | 'very_likely', string>;
}

const en: ReportText = {
  languageName: 'English',
  languageSwitch: 'Language of the report',
  eyebrow: 'Org OS readiness report',
  titleFallback: 'Readiness report',
  responses: (n) => `${n} ${n === 1 ? 'response' : 'responses'}`,
  responseRate: 'response rate',
  generated: (when) => `generated ${when} UTC`,
  instrument: 'instrument',
  mondayHeading: 'What to do on Monday',
  breakSentence: (layer) => `${layer} is where the chain breaks first.`,
  noBreakSentence: 'No layer is clearly weak, so no first break is named.',
  invisibleSentence: 'Nobody could say whether these practices exist, so no layer can be judged.',
  severalSentence: (layers) => `Several layers are weak together (${layers}); none is named the first break.`,
  tooFewSentence: 'Not enough responses yet to say where the chain breaks.',
  withheldSentence: 'The diagnosis is withheld: see “Read this first” below.',
  patternSentence: (name, confidence) => `The pattern behind it: ${name}, ${confidence}.`,
  noPatternSentence: 'None of the traps is asserted from these responses.',
  actionsLead: 'The smallest operating incisions, at most three:',
  owner: 'Owner',
  due: 'due',
  dueWave: 'by the next wave',
  notTakenUp: 'Not yet in the operating account: no owner or due date.',
  noActions: 'No actions suggested yet: they follow from weak layers and diagnosed traps.',
  evidenceLink: 'The evidence below',
  toc: {
    protection: 'Protection',
    summary: 'First break',
    account: 'Operating account',
    layers: 'Layers',
    diagnoses: 'Diagnosis',
    actions: 'Actions',
    gap: 'Leadership gap',
    trend: 'Trend',
    ledgers: 'Ledgers',
    segments: 'Groups',
    signals: 'Signals',
    items: 'By question',
    method: 'How to read',
  },
  readFirst: 'Read this first',
  protectionHeading: 'How far small groups are protected',
  breaksHeading: 'Where it breaks first',
  breakLead: (layer, question) =>
    `<strong>${layer}</strong> is where the chain breaks first. ${question} The answers say not yet, clearly. It comes first in the usual order of breakage, so start here rather than with the loudest symptom; the survey shows where practice is weak, not what caused what.`,
  usualOrder: 'The usual order of breakage: knowledge, then workflows, responsibility, governance and roles.',
  firstBreakBadge: 'First break',
  noScore: 'no score',
  verdicts: { weak: 'weak', borderline: 'borderline', sound: 'holding', unknown: 'too few answers' },
  layersHeading: 'The five layers',
  noLayerScores: (k) => `No layer scores yet: fewer than ${k} responses, so nothing is shown.`,
  layerChartLabel:
    'Bar chart of the five layer scores from 0 to 100 with 95% confidence intervals; the figures are in the table below.',
  layerCaption:
    'Score 0–100 per layer; the black whisker is the 95% confidence interval; the dashed line is the midpoint (50).',
  firstBreakAmber: 'The first break is drawn in amber.',
  layerScores: 'Layer scores',
  col: {
    layer: 'Layer',
    score: 'Score',
    interval: '95% interval',
    level: 'Maturity level',
    agreement: 'Agreement',
    answers: 'Answers',
    dontKnow: 'Don’t know',
    signal: 'Signal',
    value: 'Value',
    threshold: 'Threshold',
    result: 'Result',
    group: 'Group',
    responses: 'Responses',
    workforce: 'Workforce',
    leadership: 'Leadership',
    gap: 'Gap',
    statement: 'Statement',
    favourable: 'Favourable',
    neutral: 'Neutral',
    unfavourable: 'Unfavourable',
    wave: 'Wave',
    change: 'Change',
  },
  firstBreakTag: 'first break',
  diagnosisHeading: 'Diagnosis',
  confidence: 'Confidence',
  evidence: 'Evidence',
  holds: '✓ holds',
  doesNotHold: '✗ does not hold',
  noDiagnosisWithheld: 'No diagnosis: see the top of the report for why.',
  noTrap: 'None of the traps is asserted from these responses.',
  notDiagnosed: 'What was not diagnosed, and why',
  actionsHeading: 'Smallest operating incisions',
  because: (text) => `Because ${text}.`,
  gapHeading: 'Leadership and workforce',
  trendHeading: 'Earlier waves',
  trendIntro:
    'The whole workforce’s layer scores in every published wave of the organisation, and the change from the wave before. A change counts only when noise between two independent groups of respondents would not make it, counting every layer at once.',
  trendFirst: 'This is the organisation’s first published wave: the trend starts with the next one.',
  trendHidden: (k) => `fewer than ${k} responses: no figures`,
  trendBeyond: 'beyond noise',
  trendWithin: 'within noise',
  trendCaption: 'Layer scores per wave, 0–100, and the change from the wave before (its interval in brackets)',
  segmentsHeading: 'By department and level',
  noSegments: 'No breakdown by group is available for this report.',
  segmentsIntro: 'Layer scores per group, 0–100; darker is higher.',
  hidden: 'hidden',
  signalsHeading: 'Context signals',
  itemsHeading: 'By question',
  itemsIntro: (k) =>
    `Favourable means agreeing with the practice (for a statement worded the other way round, disagreeing with it). “Don’t know” is shown per question: where it is high, people cannot see the practice. A question fewer than ${k} answered shows no shares.`,
  itemsCaption: 'Results by question',
  methodHeading: 'How to read this report',
  scrollCue: 'Wider than the screen: swipe sideways for more columns.',
  diagnosisNames: {
    cash_rich_trap: 'Cash-rich trap: money covering up a decision vacuum',
    cash_poor_trap: 'Cash-poor trap: activity mistaken for progress',
    boss_b_trap: '“We already get it”: leadership sees a readier organisation than its people do',
    replacement_only: 'Replacement only: freed capacity counted as cost and headcount',
    human_exit_missing: 'No human exit: customers may not be able to reach a person',
  },
  findingNames: {
    too_few_to_diagnose: 'Too few responses to diagnose',
    careless_responses: 'Many careless responses',
    practices_invisible: 'Practices people cannot see',
    several_weak_layers: 'Several layers weak together',
    polarised_departments: 'Departments far apart',
  },
  likelihood: { more_likely: 'more likely than not', likely: 'likely', very_likely: 'very likely' },
};

const zh: ReportText = {
  languageName: '中文',
  languageSwitch: '报告语言',
  eyebrow: 'Org OS 就绪度报告',
  titleFallback: '就绪度报告',
  responses: (n) => `${n} 份回答`,
  responseRate: '回答率',
  generated: (when) => `生成于 ${when} UTC`,
  instrument: '问卷',
  mondayHeading: '周一该做什么',
  breakSentence: (layer) => `链条最先断在「${layer}」。`,
  noBreakSentence: '没有哪一层明显薄弱，因此不指定最先断裂处。',
  invisibleSentence: '没有人能说出这些实践是否存在，因此无法评判任何层面。',
  severalSentence: (layers) => `多个层面同时薄弱（${layers}），无法指定哪一层最先断裂。`,
  tooFewSentence: '回答还不够，尚不能判断链条断在哪里。',
  withheldSentence: '暂不作诊断：见下方「请先读这里」。',
  patternSentence: (name, confidence) => `背后的模式：${name}，${confidence}。`,
  noPatternSentence: '这些回答不足以认定任何一种陷阱。',
  actionsLead: '最小的运营切口，最多三项：',
  owner: '负责人',
  due: '截止',
  dueWave: '下一轮调研前',
  notTakenUp: '尚未记入运营账本：没有负责人和截止日期。',
  noActions: '暂无建议行动：行动来自薄弱的层面和已诊断的陷阱。',
  evidenceLink: '下方的证据',
  toc: {
    protection: '保护',
    summary: '最先断裂处',
    account: '运营账本',
    layers: '五个层面',
    diagnoses: '诊断',
    actions: '行动',
    gap: '领导层差距',
    trend: '趋势',
    ledgers: '三本账',
    segments: '分组',
    signals: '信号',
    items: '逐题结果',
    method: '阅读说明',
  },
  readFirst: '请先读这里',
  protectionHeading: '小组得到多大程度的保护',
  breaksHeading: '链条最先断在哪里',
  breakLead: (layer, question) =>
    `链条最先断在<strong>${layer}</strong>。${question}回答明确表示：还没有。按通常的断裂顺序它排在最前，所以请从这里入手，而不是从最显眼的症状入手；调研显示的是哪里的实践薄弱，而不是因果关系。`,
  usualOrder: '通常的断裂顺序：知识，然后是流程、责任、治理和角色。',
  firstBreakBadge: '最先断裂',
  noScore: '无分数',
  verdicts: { weak: '薄弱', borderline: '临界', sound: '稳固', unknown: '回答太少' },
  layersHeading: '五个层面',
  noLayerScores: (k) => `尚无层面分数：回答少于 ${k} 份，因此不显示任何数据。`,
  layerChartLabel: '五个层面分数（0–100）及 95% 置信区间的条形图；数字见下表。',
  layerCaption: '每个层面的分数 0–100；黑色须线为 95% 置信区间；虚线为中点（50）。',
  firstBreakAmber: '最先断裂的层面以琥珀色标出。',
  layerScores: '层面分数',
  col: {
    layer: '层面',
    score: '分数',
    interval: '95% 区间',
    level: '成熟度',
    agreement: '一致度',
    answers: '回答数',
    dontKnow: '不知道',
    signal: '信号',
    value: '数值',
    threshold: '阈值',
    result: '结果',
    group: '分组',
    responses: '回答数',
    workforce: '员工',
    leadership: '领导层',
    gap: '差距',
    statement: '陈述',
    favourable: '正面',
    neutral: '中立',
    unfavourable: '负面',
    wave: '轮次',
    change: '变化',
  },
  firstBreakTag: '最先断裂',
  diagnosisHeading: '诊断',
  confidence: '置信度',
  evidence: '证据',
  holds: '✓ 成立',
  doesNotHold: '✗ 不成立',
  noDiagnosisWithheld: '不作诊断：原因见报告开头。',
  noTrap: '这些回答不足以认定任何一种陷阱。',
  notDiagnosed: '未作诊断的内容及原因',
  actionsHeading: '最小的运营切口',
  because: (text) => `原因：${text}。`,
  gapHeading: '领导层与员工',
  trendHeading: '以往各轮',
  trendIntro:
    '本组织每一轮已发布调研中全体员工的层面分数，以及与上一轮相比的变化。只有当两组独立受访者之间的随机波动不足以造成该变化时（同时考虑所有层面），变化才算数。',
  trendFirst: '这是本组织第一轮已发布的调研：趋势从下一轮开始。',
  trendHidden: (k) => `回答少于 ${k} 份：不显示数据`,
  trendBeyond: '超出噪声',
  trendWithin: '在噪声范围内',
  trendCaption: '各轮层面分数（0–100）及与上一轮相比的变化（括号内为区间）',
  segmentsHeading: '按部门和职级',
  noSegments: '本报告没有分组数据。',
  segmentsIntro: '各组的层面分数，0–100；颜色越深分数越高。',
  hidden: '已隐藏',
  signalsHeading: '背景信号',
  itemsHeading: '逐题结果',
  itemsIntro: (k) =>
    `「正面」表示认同该实践（反向表述的题目则为不认同）。每题单独显示「不知道」的比例：比例高说明大家看不到这项实践。回答少于 ${k} 人的题目不显示比例。`,
  itemsCaption: '逐题结果',
  methodHeading: '如何阅读本报告',
  scrollCue: '表格比屏幕宽：左右滑动查看更多列。',
  diagnosisNames: {
    cash_rich_trap: '有钱陷阱：用钱掩盖决策真空',
    cash_poor_trap: '没钱陷阱：把忙碌当成进展',
    boss_b_trap: '「我们已经懂了」：领导层眼中的组织比员工眼中的更成熟',
    replacement_only: '只替代：释放的产能只算作降本和减员',
    human_exit_missing: '没有人工出口：客户可能找不到真人',
  },
  findingNames: {
    too_few_to_diagnose: '回答太少，无法诊断',
    careless_responses: '敷衍作答较多',
    practices_invisible: '大家看不到的实践',
    several_weak_layers: '多个层面同时薄弱',
    polarised_departments: '部门之间差距很大',
  },
  likelihood: { more_likely: '可能性过半', likely: '很可能', very_likely: '极有可能' },
};

const de: ReportText = {
  languageName: 'Deutsch',
  languageSwitch: 'Sprache des Berichts',
  eyebrow: 'Org-OS-Bereitschaftsbericht',
  titleFallback: 'Bereitschaftsbericht',
  responses: (n) => `${n} ${n === 1 ? 'Antwort' : 'Antworten'}`,
  responseRate: 'Rücklaufquote',
  generated: (when) => `erstellt ${when} UTC`,
  instrument: 'Fragebogen',
  mondayHeading: 'Was am Montag zu tun ist',
  breakSentence: (layer) => `Die Kette reißt zuerst bei „${layer}“.`,
  noBreakSentence: 'Keine Ebene ist eindeutig schwach, daher wird kein erster Bruch benannt.',
  invisibleSentence: 'Niemand konnte sagen, ob es diese Praktiken gibt, daher lässt sich keine Ebene beurteilen.',
  severalSentence: (layers) => `Mehrere Ebenen sind zugleich schwach (${layers}); keine wird als erster Bruch benannt.`,
  tooFewSentence: 'Noch zu wenige Antworten, um zu sagen, wo die Kette reißt.',
  withheldSentence: 'Die Diagnose wird zurückgehalten: siehe „Zuerst lesen“ unten.',
  patternSentence: (name, confidence) => `Das Muster dahinter: ${name}, ${confidence}.`,
  noPatternSentence: 'Aus diesen Antworten wird keine der Fallen festgestellt.',
  actionsLead: 'Die kleinsten Eingriffe in den Betrieb, höchstens drei:',
  owner: 'Verantwortlich',
  due: 'fällig',
  dueWave: 'bis zur nächsten Welle',
  notTakenUp: 'Noch nicht im Betriebskonto: ohne Verantwortliche und Termin.',
  noActions: 'Noch keine Maßnahmen: sie folgen aus schwachen Ebenen und festgestellten Fallen.',
  evidenceLink: 'Die Belege unten',
  toc: {
    protection: 'Schutz',
    summary: 'Erster Bruch',
    account: 'Betriebskonto',
    layers: 'Ebenen',
    diagnoses: 'Diagnose',
    actions: 'Maßnahmen',
    gap: 'Führungslücke',
    trend: 'Verlauf',
    ledgers: 'Die drei Listen',
    segments: 'Gruppen',
    signals: 'Signale',
    items: 'Nach Frage',
    method: 'Lesehilfe',
  },
  readFirst: 'Zuerst lesen',
  protectionHeading: 'Wie weit kleine Gruppen geschützt sind',
  breaksHeading: 'Wo die Kette zuerst reißt',
  breakLead: (layer, question) =>
    `Bei <strong>${layer}</strong> reißt die Kette zuerst. ${question} Die Antworten sagen deutlich: noch nicht. Die Ebene steht in der üblichen Reihenfolge der Brüche vorn, also hier beginnen und nicht beim lautesten Symptom; die Umfrage zeigt, wo die Praxis schwach ist, nicht was was verursacht hat.`,
  usualOrder: 'Die übliche Reihenfolge der Brüche: Wissen, dann Abläufe, Verantwortung, Steuerung und Rollen.',
  firstBreakBadge: 'Erster Bruch',
  noScore: 'kein Wert',
  verdicts: { weak: 'schwach', borderline: 'grenzwertig', sound: 'trägt', unknown: 'zu wenige Antworten' },
  layersHeading: 'Die fünf Ebenen',
  noLayerScores: (k) => `Noch keine Werte: weniger als ${k} Antworten, daher wird nichts gezeigt.`,
  layerChartLabel:
    'Balkendiagramm der fünf Ebenenwerte von 0 bis 100 mit 95-%-Konfidenzintervallen; die Zahlen stehen in der Tabelle darunter.',
  layerCaption:
    'Wert 0–100 je Ebene; die schwarze Linie ist das 95-%-Konfidenzintervall; die gestrichelte Linie ist die Mitte (50).',
  firstBreakAmber: 'Der erste Bruch ist bernsteinfarben.',
  layerScores: 'Werte der Ebenen',
  col: {
    layer: 'Ebene',
    score: 'Wert',
    interval: '95-%-Intervall',
    level: 'Reifegrad',
    agreement: 'Einigkeit',
    answers: 'Antworten',
    dontKnow: 'Weiß nicht',
    signal: 'Signal',
    value: 'Wert',
    threshold: 'Schwelle',
    result: 'Ergebnis',
    group: 'Gruppe',
    responses: 'Antworten',
    workforce: 'Belegschaft',
    leadership: 'Führung',
    gap: 'Lücke',
    statement: 'Aussage',
    favourable: 'Zustimmend',
    neutral: 'Neutral',
    unfavourable: 'Ablehnend',
    wave: 'Welle',
    change: 'Veränderung',
  },
  firstBreakTag: 'erster Bruch',
  diagnosisHeading: 'Diagnose',
  confidence: 'Sicherheit',
  evidence: 'Belege',
  holds: '✓ trifft zu',
  doesNotHold: '✗ trifft nicht zu',
  noDiagnosisWithheld: 'Keine Diagnose: warum, steht am Anfang des Berichts.',
  noTrap: 'Aus diesen Antworten wird keine der Fallen festgestellt.',
  notDiagnosed: 'Was nicht diagnostiziert wurde, und warum',
  actionsHeading: 'Kleinste Eingriffe in den Betrieb',
  because: (text) => `Weil ${text}.`,
  gapHeading: 'Führung und Belegschaft',
  trendHeading: 'Frühere Wellen',
  trendIntro:
    'Die Werte der ganzen Belegschaft in jeder veröffentlichten Welle der Organisation und die Veränderung zur Welle davor. Eine Veränderung zählt nur, wenn der Zufall zwischen zwei unabhängigen Gruppen von Befragten sie nicht erzeugen würde, über alle Ebenen zugleich gerechnet.',
  trendFirst: 'Dies ist die erste veröffentlichte Welle der Organisation: der Verlauf beginnt mit der nächsten.',
  trendHidden: (k) => `weniger als ${k} Antworten: keine Zahlen`,
  trendBeyond: 'über dem Rauschen',
  trendWithin: 'im Rauschen',
  trendCaption: 'Werte der Ebenen je Welle, 0–100, und die Veränderung zur Welle davor (Intervall in Klammern)',
  segmentsHeading: 'Nach Abteilung und Ebene',
  noSegments: 'Für diesen Bericht gibt es keine Aufschlüsselung nach Gruppen.',
  segmentsIntro: 'Werte je Gruppe, 0–100; dunkler ist höher.',
  hidden: 'verborgen',
  signalsHeading: 'Kontextsignale',
  itemsHeading: 'Nach Frage',
  itemsIntro: (k) =>
    `Zustimmend heißt: der Praxis zustimmen (bei umgekehrt formulierten Aussagen: ihr widersprechen). „Weiß nicht“ steht je Frage: wo es hoch ist, sehen die Leute die Praxis nicht. Eine Frage, die weniger als ${k} beantwortet haben, zeigt keine Anteile.`,
  itemsCaption: 'Ergebnisse nach Frage',
  methodHeading: 'Wie dieser Bericht zu lesen ist',
  scrollCue: 'Breiter als der Bildschirm: zur Seite wischen für weitere Spalten.',
  diagnosisNames: {
    cash_rich_trap: 'Falle des finanzstarken Unternehmens: Geld verdeckt ein Entscheidungsvakuum',
    cash_poor_trap: 'Falle des finanzschwachen Unternehmens: Betriebsamkeit statt Fortschritt',
    boss_b_trap: '„Wir haben es doch verstanden“: die Führung sieht eine reifere Organisation als ihre Leute',
    replacement_only: 'Nur Ersetzen: freie Kapazität nur als Kosten und Köpfe gezählt',
    human_exit_missing: 'Kein Weg zum Menschen: Kunden erreichen womöglich keine Person',
  },
  findingNames: {
    too_few_to_diagnose: 'Zu wenige Antworten für eine Diagnose',
    careless_responses: 'Viele nachlässige Antworten',
    practices_invisible: 'Praktiken, die niemand sieht',
    several_weak_layers: 'Mehrere Ebenen zugleich schwach',
    polarised_departments: 'Abteilungen weit auseinander',
  },
  likelihood: {
    more_likely: 'eher wahrscheinlich als nicht',
    likely: 'wahrscheinlich',
    very_likely: 'sehr wahrscheinlich',
  },
};

export const REPORT_TEXT: Record<Language, ReportText> = { en, zh, de };

// ---- the ledgers as evidence (issue 10): evidence-row names, kept apart from the sentences above for easy merges.

/** Names of the ledger evidence rows a diagnosis may carry (source `ledger:…`, shared/diagnosis/ledger-evidence.ts). */
export const LEDGER_EVIDENCE_NAMES: Record<Language, Record<string, string>> = {
  en: {
    boss_share_of_waiting_days: 'Waiting ledger: share of the waiting days that wait on the boss',
    time_hours_per_respondent: 'Time ledger: hours a week of time sinks per respondent',
    checks_per_respondent: 'Knowledge ledger: checks with a senior colleague a week per respondent',
  },
  zh: {
    boss_share_of_waiting_days: '等待账本：等老板拍板的等待日所占比例',
    time_hours_per_respondent: '时间账本：每位答卷人每周耗在时间黑洞上的小时数',
    checks_per_respondent: '知识账本：每位答卷人每周找资深同事确认的次数',
  },
  de: {
    boss_share_of_waiting_days: 'Wartebuch: Anteil der Wartetage, die auf die Chefin oder den Chef warten',
    time_hours_per_respondent: 'Zeitbuch: Stunden pro Woche in Zeitfressern je antwortender Person',
    checks_per_respondent: 'Wissensbuch: Nachfragen bei Erfahrenen pro Woche je antwortender Person',
  },
};

// ---- the stage-two register as evidence (issue 11).

/** Names of the register evidence rows (source `register:…`, shared/diagnosis/register-evidence.ts): counts of flows. */
export const REGISTER_EVIDENCE_NAMES: Record<Language, Record<string, string>> = {
  en: {
    no_human_exit: 'Stage-two register: flows AI handles with no human exit',
    no_adjudicator: 'Stage-two register: flows with nobody adjudicating complex cases',
    no_trigger_owner: 'Stage-two register: flows with no owner of the rollback and re-staffing trigger',
    no_threshold: 'Stage-two register: flows with no quality signal that has a threshold',
    past_threshold: 'Stage-two register: quality signals past their threshold',
  },
  zh: {
    no_human_exit: '第二阶段登记：没有人工出口的 AI 流程数',
    no_adjudicator: '第二阶段登记：没有人裁决复杂个案的流程数',
    no_trigger_owner: '第二阶段登记：没有人负责回滚与重新配人触发点的流程数',
    no_threshold: '第二阶段登记：没有任何设阈值质量信号的流程数',
    past_threshold: '第二阶段登记：越过阈值的质量信号数',
  },
  de: {
    no_human_exit: 'Stufe-zwei-Register: KI-Abläufe ohne Weg zu einem Menschen',
    no_adjudicator: 'Stufe-zwei-Register: Abläufe, in denen niemand über schwierige Fälle entscheidet',
    no_trigger_owner: 'Stufe-zwei-Register: Abläufe ohne Verantwortliche für Rückbau und Wiederbesetzung',
    no_threshold: 'Stufe-zwei-Register: Abläufe ohne Qualitätssignal mit Schwellenwert',
    past_threshold: 'Stufe-zwei-Register: Qualitätssignale jenseits ihres Schwellenwerts',
  },
};

/** Names of the account evidence rows (source `account:…`, shared/diagnosis/account-evidence.ts). */
export const ACCOUNT_EVIDENCE_NAMES: Record<Language, Record<string, string>> = {
  en: { entries_freed: 'Operating account: entries that had freed capacity by the close' },
  zh: { entries_freed: '运营账户：截至结束时已释放产能的条目数' },
  de: { entries_freed: 'Betriebskonto: Einträge, die bis zum Abschluss Kapazität freigesetzt hatten' },
};
