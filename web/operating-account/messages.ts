// The account page's own words in every survey language; the domain's terms (statuses, destinations, findings) are
// in shared/account/labels.ts.

import type { Language } from '../../shared/instrument';

export interface AccountMessages {
  title: string;
  skip: string;
  language: string;
  loading: string;
  needLink: string;
  expired: string;
  signIn: string;
  notFound: string;
  failed: (status: number) => string;
  offline: string;
  saved: string;
  stale: string;
  // the review view
  reviewH: string;
  reviewLead: string;
  q: { compressed: string; removed: string; structured: string };
  none: string;
  freedH: string;
  freedCaption: string;
  destination: string;
  unallocated: string;
  noMechanism: string;
  registerH: string;
  noFlows: string;
  pastThreshold: string;
  withinThreshold: string;
  noThreshold: string;
  noValue: string;
  recordReviewH: string;
  heldOn: string;
  reviewerRole: string;
  notes: string;
  recordReview: string;
  reviewLogH: string;
  noReviews: string;
  // entries
  entriesH: string;
  noEntries: string;
  ledger: string;
  entry: string;
  owner: string;
  baseline: string;
  target: string;
  current: string;
  due: string;
  status: string;
  actions: string;
  edit: string;
  history: string;
  newEntryH: string;
  title_: string;
  department: string;
  ownerRole: string;
  value: string;
  perMonth: string;
  people: string;
  incision: string;
  dueDate: string;
  reason: string;
  logEntry: string;
  save: string;
  cancel: string;
  fromCellH: string;
  fromCellHelp: string;
  noCells: string;
  cell: string;
  logFromCell: string;
  proposalsH: string;
  noProposals: string;
  accept: string;
  dismiss: string;
  taken: string;
  reconcileH: string;
  reconcileLead: (wave: string) => string;
  confirm: string;
  notMeasurable: string;
  change: (from: string, to: string, real: boolean) => string;
  historyH: (title: string) => string;
  changedBy: (role: string, at: string) => string;
  // capacity
  capacityH: string;
  capacityLead: string;
  noDecision: string;
  decidedOn: string;
  share: string;
  precondition: string;
  toldStaffOn: string;
  toldHow: string;
  recordDecision: string;
  decisionOf: (day: string, owner: string) => string;
  // register
  addFlowH: string;
  flowName: string;
  humanExit: string;
  adjudicator: string;
  triggerOwner: string;
  signal: string;
  unit: string;
  threshold: string;
  trips: string;
  above: string;
  below: string;
  measuredOn: string;
  addFlow: string;
  updateSignal: string;
  gaps: string;
}

const en: AccountMessages = {
  title: 'Operating account',
  skip: 'Skip to the account',
  language: 'Language',
  loading: 'Loading the account…',
  needLink: 'Open the operating account from the dashboard.',
  expired: 'Your session has ended, or you are not signed in.',
  signIn: 'Sign in',
  notFound: 'No account was found for this link.',
  failed: (status) => `The request failed (error ${status}).`,
  offline: 'No connection. Nothing was saved; try again.',
  saved: 'Saved.',
  stale: 'Someone else changed this in the meantime. The page now shows the current state: check it and save again.',
  reviewH: 'Operating review',
  reviewLead: 'The three questions, answered with the account’s own numbers.',
  q: {
    compressed: 'Which time sink got compressed?',
    removed: 'Which wait got removed?',
    structured: 'Which knowledge got structured?',
  },
  none: 'None yet.',
  freedH: 'Freed capacity by destination',
  freedCaption: 'Freed capacity booked against the capacity decision',
  destination: 'Destination',
  unallocated: 'Not allocated',
  noMechanism: 'Freed capacity without a decision: the capacity-allocation mechanism is not in.',
  registerH: 'Stage-two register',
  noFlows: 'No flow AI handles is registered yet.',
  pastThreshold: 'past threshold',
  withinThreshold: 'within threshold',
  noThreshold: 'no threshold',
  noValue: 'no current value',
  recordReviewH: 'Record this review',
  heldOn: 'Held on',
  reviewerRole: 'Reviewer role',
  notes: 'Notes',
  recordReview: 'Record the review',
  reviewLogH: 'Review log',
  noReviews: 'No review recorded yet.',
  entriesH: 'Ledger entries',
  noEntries: 'No entries yet.',
  ledger: 'Ledger',
  entry: 'Entry',
  owner: 'Owner',
  baseline: 'Baseline',
  target: 'Target',
  current: 'Now',
  due: 'Due',
  status: 'Status',
  actions: 'Actions',
  edit: 'Edit',
  history: 'History',
  newEntryH: 'Log a new entry',
  title_: 'Title',
  department: 'Department or level (never a person)',
  ownerRole: 'Owner role (never a name)',
  value: 'Figure',
  perMonth: 'Times a month (waits)',
  people: 'People it touches',
  incision: 'The incision: what will change',
  dueDate: 'Due date',
  reason: 'Reason (when dropped or dismissed)',
  logEntry: 'Log the entry',
  save: 'Save',
  cancel: 'Cancel',
  fromCellH: 'From the latest wave’s ledger',
  fromCellHelp: 'Cells published in the latest closed wave; its figures become the baseline.',
  noCells: 'The latest published wave has no ledger cells to log.',
  cell: 'Published cell',
  logFromCell: 'Log an entry from this cell',
  proposalsH: 'The report’s recommendations',
  noProposals: 'No recommendations in the latest published wave.',
  accept: 'Accept',
  dismiss: 'Dismiss',
  taken: 'taken up',
  reconcileH: 'Reconcile with the next wave',
  reconcileLead: (wave) => `The same cell in ${wave}, beside the baseline:`,
  confirm: 'Confirm the status',
  notMeasurable: 'Not measurable: fewer than the minimum group named it, so nothing is shown.',
  change: (from, to, real) => `${from} → ${to} (${real ? 'a real change' : 'within the uncertainty'})`,
  historyH: (title) => `History of “${title}”`,
  changedBy: (role, at) => `${at} by the ${role} role`,
  capacityH: 'Capacity decision',
  capacityLead:
    'Once AI makes a chunk of work faster, what is the company going to do with the capacity it just freed? Record the shares and answer each chosen destination’s precondition.',
  noDecision: 'No decision recorded.',
  decidedOn: 'Decided on',
  share: 'Share, %',
  precondition: 'Precondition',
  toldStaffOn: 'Staff told on',
  toldHow: 'How staff were told',
  recordDecision: 'Record the decision',
  decisionOf: (day, owner) => `Decided on ${day}, owned by ${owner}.`,
  addFlowH: 'Register a flow AI handles',
  flowName: 'Flow',
  humanExit: 'Human exit (how a customer reaches a person)',
  adjudicator: 'Who adjudicates complex cases (a role)',
  triggerOwner: 'Owner of the rollback and re-staffing trigger (a role)',
  signal: 'Quality signal',
  unit: 'Unit',
  threshold: 'Threshold',
  trips: 'Past the threshold when the value is',
  above: 'above it',
  below: 'below it',
  measuredOn: 'Measured on',
  addFlow: 'Register the flow',
  updateSignal: 'Update the value',
  gaps: 'Gaps',
};

const zh: AccountMessages = {
  title: '经营账目',
  skip: '跳到账目',
  language: '语言',
  loading: '正在加载账目…',
  needLink: '请从仪表板打开经营账目。',
  expired: '您的会话已结束，或您尚未登录。',
  signIn: '登录',
  notFound: '没有找到与此链接对应的账目。',
  failed: (status) => `请求失败（错误 ${status}）。`,
  offline: '没有网络连接，未保存任何内容，请重试。',
  saved: '已保存。',
  stale: '在此期间有人修改了这一项。页面已显示最新状态：请检查后再保存。',
  reviewH: '经营复盘',
  reviewLead: '用账目自己的数字回答三个问题。',
  q: {
    compressed: '哪个时间黑洞被压缩了？',
    removed: '哪个等待被消除了？',
    structured: '哪类知识被结构化了？',
  },
  none: '暂无。',
  freedH: '按去向划分的释放产能',
  freedCaption: '按产能分配决定记账的释放产能',
  destination: '去向',
  unallocated: '未分配',
  noMechanism: '释放的产能没有决定去向：产能分配机制尚未建立。',
  registerH: '第二阶段登记册',
  noFlows: '尚未登记由AI处理的流程。',
  pastThreshold: '超过阈值',
  withinThreshold: '在阈值内',
  noThreshold: '没有阈值',
  noValue: '没有当前值',
  recordReviewH: '记录本次复盘',
  heldOn: '复盘日期',
  reviewerRole: '复盘人角色',
  notes: '备注',
  recordReview: '记录复盘',
  reviewLogH: '复盘记录',
  noReviews: '尚未记录复盘。',
  entriesH: '账目条目',
  noEntries: '尚无条目。',
  ledger: '账本',
  entry: '条目',
  owner: '负责人',
  baseline: '基线',
  target: '目标',
  current: '当前',
  due: '期限',
  status: '状态',
  actions: '操作',
  edit: '编辑',
  history: '历史',
  newEntryH: '记录新条目',
  title_: '标题',
  department: '部门或层级（绝不是个人）',
  ownerRole: '负责人角色（绝不是姓名）',
  value: '数值',
  perMonth: '每月次数（等待）',
  people: '涉及人数',
  incision: '切口：将改变什么',
  dueDate: '截止日期',
  reason: '原因（放弃或驳回时）',
  logEntry: '记录条目',
  save: '保存',
  cancel: '取消',
  fromCellH: '来自最近一轮的账本',
  fromCellHelp: '最近一轮已结束调查中公开的单元格；其数字将成为基线。',
  noCells: '最近一轮公开结果中没有可记录的账本单元格。',
  cell: '公开的单元格',
  logFromCell: '根据此单元格记录条目',
  proposalsH: '报告中的建议',
  noProposals: '最近一轮公开结果中没有建议。',
  accept: '采纳',
  dismiss: '驳回',
  taken: '已处理',
  reconcileH: '与下一轮对账',
  reconcileLead: (wave) => `${wave}中的同一单元格，与基线对照：`,
  confirm: '确认状态',
  notMeasurable: '无法衡量：提到的人数低于最小组规模，因此不显示任何数据。',
  change: (from, to, real) => `${from} → ${to}（${real ? '真实变化' : '在不确定范围内'}）`,
  historyH: (title) => `“${title}”的历史`,
  changedBy: (role, at) => `${at}，由${role}角色修改`,
  capacityH: '产能分配决定',
  capacityLead:
    'AI让一部分工作变快之后，公司要如何使用刚刚释放出来的产能？记录各去向的比例，并回答每个所选去向的前提。',
  noDecision: '尚未记录决定。',
  decidedOn: '决定日期',
  share: '比例，%',
  precondition: '前提',
  toldStaffOn: '告知员工的日期',
  toldHow: '告知员工的方式',
  recordDecision: '记录决定',
  decisionOf: (day, owner) => `${day}决定，负责人：${owner}。`,
  addFlowH: '登记由AI处理的流程',
  flowName: '流程',
  humanExit: '人工出口（客户如何找到真人）',
  adjudicator: '谁裁决复杂案例（角色）',
  triggerOwner: '回退和补人触发的负责人（角色）',
  signal: '质量信号',
  unit: '单位',
  threshold: '阈值',
  trips: '超过阈值是指数值',
  above: '高于阈值',
  below: '低于阈值',
  measuredOn: '测量日期',
  addFlow: '登记流程',
  updateSignal: '更新数值',
  gaps: '缺口',
};

const de: AccountMessages = {
  title: 'Betriebskonto',
  skip: 'Zum Konto springen',
  language: 'Sprache',
  loading: 'Das Konto wird geladen…',
  needLink: 'Öffnen Sie das Betriebskonto über das Dashboard.',
  expired: 'Ihre Sitzung ist beendet, oder Sie sind nicht angemeldet.',
  signIn: 'Anmelden',
  notFound: 'Zu diesem Link wurde kein Konto gefunden.',
  failed: (status) => `Die Anfrage ist fehlgeschlagen (Fehler ${status}).`,
  offline: 'Keine Verbindung. Nichts wurde gespeichert; bitte erneut versuchen.',
  saved: 'Gespeichert.',
  stale:
    'Jemand anderes hat dies inzwischen geändert. Die Seite zeigt jetzt den aktuellen Stand: prüfen und erneut speichern.',
  reviewH: 'Betriebsbesprechung',
  reviewLead: 'Die drei Fragen, beantwortet mit den Zahlen des Kontos.',
  q: {
    compressed: 'Welcher Zeitfresser wurde verkürzt?',
    removed: 'Welche Wartezeit wurde beseitigt?',
    structured: 'Welches Wissen wurde strukturiert?',
  },
  none: 'Noch keine.',
  freedH: 'Frei gewordene Kapazität nach Verwendung',
  freedCaption: 'Frei gewordene Kapazität, gebucht nach der Kapazitätsentscheidung',
  destination: 'Verwendung',
  unallocated: 'Nicht zugeteilt',
  noMechanism: 'Frei gewordene Kapazität ohne Entscheidung: Der Mechanismus zur Kapazitätsverteilung fehlt.',
  registerH: 'Register der zweiten Phase',
  noFlows: 'Noch kein Ablauf registriert, den KI übernimmt.',
  pastThreshold: 'über dem Grenzwert',
  withinThreshold: 'im Grenzwert',
  noThreshold: 'kein Grenzwert',
  noValue: 'kein aktueller Wert',
  recordReviewH: 'Diese Besprechung festhalten',
  heldOn: 'Gehalten am',
  reviewerRole: 'Rolle der Leitung der Besprechung',
  notes: 'Notizen',
  recordReview: 'Besprechung festhalten',
  reviewLogH: 'Besprechungsprotokoll',
  noReviews: 'Noch keine Besprechung festgehalten.',
  entriesH: 'Einträge der Bücher',
  noEntries: 'Noch keine Einträge.',
  ledger: 'Buch',
  entry: 'Eintrag',
  owner: 'Verantwortlich',
  baseline: 'Ausgangswert',
  target: 'Ziel',
  current: 'Jetzt',
  due: 'Fällig',
  status: 'Status',
  actions: 'Aktionen',
  edit: 'Bearbeiten',
  history: 'Verlauf',
  newEntryH: 'Neuen Eintrag erfassen',
  title_: 'Titel',
  department: 'Abteilung oder Ebene (nie eine Person)',
  ownerRole: 'Verantwortliche Rolle (nie ein Name)',
  value: 'Wert',
  perMonth: 'Mal pro Monat (Wartezeiten)',
  people: 'Betroffene Personen',
  incision: 'Der Eingriff: was sich ändert',
  dueDate: 'Fällig am',
  reason: 'Grund (wenn aufgegeben oder verworfen)',
  logEntry: 'Eintrag erfassen',
  save: 'Speichern',
  cancel: 'Abbrechen',
  fromCellH: 'Aus dem Buch der letzten Welle',
  fromCellHelp: 'In der letzten abgeschlossenen Welle veröffentlichte Zellen; ihre Zahlen werden der Ausgangswert.',
  noCells: 'Die letzte veröffentlichte Welle hat keine Zellen, die erfasst werden können.',
  cell: 'Veröffentlichte Zelle',
  logFromCell: 'Eintrag aus dieser Zelle erfassen',
  proposalsH: 'Die Empfehlungen des Berichts',
  noProposals: 'Keine Empfehlungen in der letzten veröffentlichten Welle.',
  accept: 'Annehmen',
  dismiss: 'Verwerfen',
  taken: 'aufgegriffen',
  reconcileH: 'Mit der nächsten Welle abgleichen',
  reconcileLead: (wave) => `Dieselbe Zelle in ${wave}, neben dem Ausgangswert:`,
  confirm: 'Status bestätigen',
  notMeasurable: 'Nicht messbar: Weniger als die Mindestgruppe nannten es, daher wird nichts gezeigt.',
  change: (from, to, real) => `${from} → ${to} (${real ? 'eine echte Änderung' : 'innerhalb der Unsicherheit'})`,
  historyH: (title) => `Verlauf von „${title}“`,
  changedBy: (role, at) => `${at} durch die Rolle ${role}`,
  capacityH: 'Kapazitätsentscheidung',
  capacityLead:
    'Wenn KI einen Teil der Arbeit schneller macht: Was macht das Unternehmen mit der frei gewordenen Kapazität? Anteile festhalten und für jede gewählte Verwendung die Voraussetzung beantworten.',
  noDecision: 'Keine Entscheidung festgehalten.',
  decidedOn: 'Entschieden am',
  share: 'Anteil, %',
  precondition: 'Voraussetzung',
  toldStaffOn: 'Belegschaft informiert am',
  toldHow: 'Wie die Belegschaft informiert wurde',
  recordDecision: 'Entscheidung festhalten',
  decisionOf: (day, owner) => `Entschieden am ${day}, verantwortet von ${owner}.`,
  addFlowH: 'Einen Ablauf registrieren, den KI übernimmt',
  flowName: 'Ablauf',
  humanExit: 'Weg zu einem Menschen (wie Kundschaft eine Person erreicht)',
  adjudicator: 'Wer komplexe Fälle entscheidet (eine Rolle)',
  triggerOwner: 'Verantwortlich für Rücknahme und Wiederbesetzung (eine Rolle)',
  signal: 'Qualitätssignal',
  unit: 'Einheit',
  threshold: 'Grenzwert',
  trips: 'Über dem Grenzwert, wenn der Wert',
  above: 'darüber liegt',
  below: 'darunter liegt',
  measuredOn: 'Gemessen am',
  addFlow: 'Ablauf registrieren',
  updateSignal: 'Wert aktualisieren',
  gaps: 'Lücken',
};

export const ACCOUNT_MESSAGES: Record<Language, AccountMessages> = { en, zh, de };
