// The report's longer sentences in every language the survey has (en, zh, de): the leadership gap, the groups and
// their weighting, the signals, the ledgers, evidence rows, the method notes, the page's toolbar and the unpublished
// view. Headings and labels are in report-messages.ts; English is the reference.

import type { Language } from '../../shared/instrument';

export interface ReportSentences {
  skipLink: string;
  tocLabel: string;
  rateCounts: (responded: number, invited: number) => string;
  /** What protects small groups, by how answers could reach the campaign (shared/privacy/padding.ts). */
  protection: Record<string, string>;
  // unpublished
  leadershipOwnHeading: string;
  leadershipOwnText: (n: number) => string;
  leadershipScoresLabel: string;
  leadershipScoresCaption: string;
  notPublishedHeading: string;
  publishedAtClose: string;
  closesOn: (when: string) => string;
  // summary (English has its own longer wording; the other languages use screen one's sentences)
  // diagnosis
  carefulRead: string;
  // gap
  levelGap: (mean: string, managers: number, frontline: number) => string;
  beyondNoiseOn: (list: string) => string;
  beyondNoiseItem: (layer: string, value: string, lo: string, hi: string) => string;
  noLayerBeyondNoise: string;
  byLevel: (k: number, list: string) => string;
  noLeadershipView: string;
  execsAverage: (mean: number, n: number | undefined) => string;
  leadershipAverages: (mean: number, n: number | undefined) => string;
  notSamePeople: string;
  leadershipApart: string;
  largestGap: (layer: string, points: string) => string;
  bossBHolds: string;
  bossBNot: string;
  noHigherLayer: string;
  gapChartLabel: string;
  gapCaption: string;
  gapTable: string;
  listJoin: string;
  // groups
  groupMarks: string;
  noGroupDiffers: string;
  hiddenGroups: (k: number) => string;
  byDepartment: string;
  byLevelTable: string;
  aboveBeyondNoise: (value: string, lo: string, hi: string) => string;
  belowBeyondNoise: (value: string, lo: string, hi: string) => string;
  // weighting
  hiddenTogether: (by: 'department' | 'level') => string;
  weightingHeading: (by: 'department' | 'level') => string;
  weightingText: (by: 'department' | 'level') => string;
  unrepresented: (names: string) => string;
  rateTable: (by: 'department' | 'level') => string;
  weightedLabel: (by: 'department' | 'level') => string;
  weightedCaption: (by: 'department' | 'level') => string;
  headcount: string;
  rate: string;
  unweighted: string;
  weighted: string;
  // signals
  signalsIntro: string;
  signalsTable: string;
  signalsCaption: string;
  noSignalScores: string;
  capacityLabel: string;
  capacityAnswers: (n: number) => string;
  answer: string;
  share: string;
  capacityDecidedQuestion: string;
  capacityForQuestion: string;
  capacityForQuestion2026_1: string;
  noneFlagged: string;
  flagged: (flagged: number, straight: number, fast: number, excluded: boolean) => string;
  // evidence rows
  capacityDecisionSource: string;
  shareAnswering: (options: string) => string;
  profile: (fact: string) => string;
  profileFacts: Record<string, string>;
  gapNames: Record<string, string>;
  gapOn: (layer: string) => string;
  notToldShare: string;
  carelessShare: string;
  effectiveRespondents: string;
  furthestApart: (layer: string) => string;
  capacityMeanings: Record<string, string>;
  or: string;
  // method
  methodNotes: (k: number) => string[];
  // ledgers
  ledgersHeading: string;
  ledgersNone: (k: number) => string;
  ledgersIntro: string;
  ledgersHidden: (k: number) => string;
  hoursHeadline: (total: string) => string;
  hoursMost: (name: string, hours: string, people: string) => string;
  waitHeadline: (total: string) => string;
  waitLongest: (kind: string, holder: string, days: string, people: string) => string;
  checksHeadline: (total: string) => string;
  people: (n: number) => string;
  timeHeading: string;
  waitingHeading: string;
  knowledgeHeading: string;
  noTime: (k: number) => string;
  noWait: (k: number) => string;
  noKnowledge: (k: number) => string;
  whatPeopleWrote: string;
  hiddenCell: string;
  timeTable: [string, string, string[]];
  waitKindTable: [string, string, string[]];
  waitHolderTable: [string, string, string[]];
  knowledgeTable: [string, string, string[]];
  reasons: Record<string, string>;
  sop: Record<string, string>;
  // the page's toolbar
  print: string;
  csv: string;
  csvPreparing: string;
  csvFailed: (status: number) => string;
}

const en: ReportSentences = {
  skipLink: 'Skip to the report',
  tocLabel: 'Report sections',
  rateCounts: (responded, invited) => ` (${responded} of ${invited})`,
  protection: {
    'open-link':
      'Anyone with the survey link can answer, as often as they like. Someone who can both answer and read this report could add answers to a small group until it shows and work out the others’ answers by subtraction: the minimum group size does not protect against that. Read small groups with this in mind, and use invitations only for the next wave.',
    'handed-out-links':
      'Answers came through personal invitations, but some links were handed out as a batch: whoever held them could answer with them and so add answers to a small group. Read small groups with this in mind.',
    'mailed-invitations':
      'Every answer came through a personal link mailed to one address, at most one per person and no more than the campaign’s invitation cap. Adding answers to a group would need mailboxes of one’s own invited, which stays visible in the invitations.',
  },
  leadershipOwnHeading: 'The leadership’s own view',
  leadershipOwnText: (n) =>
    `What the leadership answered (${n} ${n === 1 ? 'person' : 'people'}, not anonymous). The comparison with the workforce comes with the results.`,
  leadershipScoresLabel: 'Leadership scores',
  leadershipScoresCaption: 'Leadership layer scores, 0–100',
  notPublishedHeading: 'Results are not published yet',
  publishedAtClose: 'Results are published when the campaign closes.',
  closesOn: (when) => `The campaign closes on ${when} UTC.`,
  carefulRead: 'Read with care: many responses are flagged as careless (see the top of the report).',
  levelGap: (mean, managers, frontline) =>
    `Managers minus frontline staff, mean over the layers: ${mean} points (${managers} managers, ${frontline} frontline).`,
  beyondNoiseOn: (list) => `Beyond noise on ${list}.`,
  beyondNoiseItem: (layer, value, lo, hi) => `${layer} (${value}, interval ${lo} to ${hi})`,
  noLayerBeyondNoise: 'No layer differs beyond noise.',
  byLevel: (k, list) =>
    `By level, mean of the layer scores (levels with at least ${k} responses): ${list}. Details are in the group table below.`,
  noLeadershipView:
    'No leadership view was entered for this campaign, so the gap between what leadership and the workforce see is not measured.',
  execsAverage: (mean, n) =>
    `Executives who answered the workforce survey average ${mean}${n ? ` (${n} people, anonymously)` : ' (anonymously)'};`,
  leadershipAverages: (mean, n) =>
    `the leadership view averages ${mean}${n ? ` (${n} ${n === 1 ? 'person' : 'people'}, by name)` : ' (by name)'}.`,
  notSamePeople:
    'They are not the same people, they did not answer under the same conditions (anonymous among their staff, or on the record as the leadership team), and with so few people each average can move by several points by chance alone.',
  leadershipApart:
    'The leadership view is what the leadership team answered, by name and apart from the workforce; executives in the workforce survey answered anonymously and are part of the workforce scores.',
  largestGap: (layer, points) =>
    `Leadership rates <strong>${layer}</strong> ${points} points higher than the workforce does: the largest gap.`,
  bossBHolds:
    'Together with high activity and low operating impact, this is the “we already get it” trap (see the diagnosis).',
  bossBNot:
    'This gap alone is not the “we already get it” trap, which is not diagnosed here: the trap also needs the gap beyond both groups’ uncertainty on most layers, high activity and low operating impact, and those do not all hold.',
  noHigherLayer: 'Leadership does not rate any layer higher than the workforce does.',
  gapChartLabel: 'Leadership score minus workforce score per layer, in points; the figures are in the table below.',
  gapCaption: 'Leadership minus workforce, in points: to the right, leadership sees more than the workforce does.',
  gapTable: 'Leadership and workforce scores',
  listJoin: ', ',
  groupMarks:
    '▲ ▼ mark a group above or below the whole organisation by more than noise makes, counting every cell of the table (a marker appears by chance in at most one table in twenty).',
  noGroupDiffers: 'No group differs from the whole organisation by more than noise makes.',
  hiddenGroups: (k) =>
    `<strong>Hidden</strong> marks a group with fewer than ${k} responses, or a group hidden with it so that the small group cannot be worked out from the total. Hidden cells are never filled.`,
  byDepartment: 'By department',
  byLevelTable: 'By level',
  aboveBeyondNoise: (v, lo, hi) => `above the whole organisation beyond noise: ${v} (${lo} to ${hi})`,
  belowBeyondNoise: (v, lo, hi) => `below the whole organisation beyond noise: ${v} (${lo} to ${hi})`,
  hiddenTogether: (by) => (by === 'department' ? 'Hidden departments, together' : 'Hidden levels, together'),
  weightingHeading: (by) => `Response rate and weighting by ${by}`,
  weightingText: (by) =>
    `Responses against the headcount in the organisation profile. The weighted scores give each ${by} its share of the headcount; every hidden ${by} is weighted as one group, so the weighted figures reveal nothing the table above does not.`,
  unrepresented: (names) => `No responses from ${names}: their weight goes to the rest.`,
  rateTable: (by) => `Response rate by ${by}`,
  weightedLabel: (by) => `Weighted scores by ${by}`,
  weightedCaption: (by) => `Unweighted and weighted by ${by}, 0–100`,
  headcount: 'Headcount',
  rate: 'Rate',
  unweighted: 'Unweighted',
  weighted: 'Weighted',
  signalsIntro:
    'Not layers, but the evidence behind the diagnoses: money spent, motion, the three ledgers, operating impact and human safeguards.',
  signalsTable: 'Context signals',
  signalsCaption: 'Context signals (0–100)',
  noSignalScores: 'No signal scores yet.',
  capacityLabel: 'Capacity decision',
  capacityAnswers: (n) => `(${n} answers)`,
  answer: 'Answer',
  share: 'Share',
  capacityDecidedQuestion: 'Has leadership decided what freed working time is for?',
  capacityForQuestion: 'What has leadership decided freed time is mainly for?',
  capacityForQuestion2026_1: 'If AI freed 200 hours a week, what has leadership decided they are for?',
  noneFlagged: 'No response was flagged as straight-lined or implausibly fast.',
  flagged: (flagged, straight, fast, excluded) =>
    `${flagged} ${flagged === 1 ? 'response was' : 'responses were'} flagged (${straight} straight-lined, ${fast} implausibly fast); they are ${
      excluded ? 'left out of' : 'counted in'
    } the scores.`,
  capacityDecisionSource: 'Capacity decision',
  shareAnswering: (options) => `Share answering ${options}`,
  profile: (fact) => `Profile: ${fact}`,
  profileFacts: {
    seat_coverage: 'AI seats per employee',
    pilots: 'AI pilots',
    training_hours_per_employee: 'AI training hours per employee',
    ai_spend_per_employee: 'AI spend per employee',
    investment_facts: 'investment facts at or above their mark',
  },
  gapNames: {
    mean: 'Leadership minus workforce, mean over the layers',
    layers_beyond_ci: 'Layers where leadership lies above the workforce interval',
    'manager-frontline': 'Managers minus frontline, mean over the layers',
  },
  gapOn: (layer) => `Leadership minus workforce, ${layer}`,
  notToldShare: 'Share not told what freed time is for (not decided, not told, or does not know)',
  carelessShare: 'Share of responses flagged as careless',
  effectiveRespondents: 'Effective respondents',
  furthestApart: (layer) => `Furthest-apart departments, ${layer}`,
  capacityMeanings: {
    cost: 'lower costs or fewer people',
    growth: 'customers and growth',
    learning: 'learning and new roles',
    top_destination: 'the most-named direction',
    top_decided: 'the most-named decided use',
    profit: 'lower costs',
  },
  or: ' or ',
  methodNotes: (k) => [
    'Each layer is the mean of its statements, answered from 1 (strongly disagree) to 5 (strongly agree), mapped to 0–100; “don’t know” is not scored. Maturity levels are fifths of the scale: 1 Ad hoc, 2 Patched, 3 Defined, 4 Managed, 5 Rewritten.',
    'The 95% interval is the range the score would likely fall in with other respondents from the same organisation; a layer is weak when it lies at least 5 points below the midpoint and its whole interval below it.',
    'Confidence is calibrated on simulated organisations: of diagnoses shown as “likely (75%)”, about three in four hold. It is never 100%.',
    'Agreement (r<sub>wg</sub>, 0–1) tells whether people answer alike: near 1 they share one picture, below 0.5 they see the layer very differently.',
    `The workforce answers anonymously; no group with fewer than ${k} responses is shown, and the leadership view is never mixed into the workforce scores.`,
  ],
  ledgersHeading: 'Ledgers',
  ledgersNone: (k) =>
    `Fewer than ${k} people named a time sink, a wait or a judgment they check, so no ledger is shown.`,
  ledgersIntro:
    'What the workforce named in the survey’s ledger step: where time leaks, where work waits, where experience is locked up. Totals are over everything named; medians are per person naming a row.',
  ledgersHidden: (k) =>
    `<strong>Hidden</strong> marks a row fewer than ${k} people named, or one hidden with it so it cannot be worked out from the total; hidden rows still count in the totals.`,
  hoursHeadline: (total) => `<strong>${total} hours a week</strong> go to time sinks`,
  hoursMost: (name, hours, people) => `, the most to ${name.toLowerCase()} (${hours} hours a week, ${people})`,
  waitHeadline: (total) => `Work waits <strong>${total} working days a month</strong>`,
  waitLongest: (kind, holder, days, people) =>
    `; the longest: ${kind.toLowerCase()} held by ${holder} (${days} days a month, ${people})`,
  checksHeadline: (total) => `People check with a senior colleague <strong>${total} times a week</strong>.`,
  people: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
  timeHeading: 'Time',
  waitingHeading: 'Waiting',
  knowledgeHeading: 'Knowledge',
  noTime: (k) => `Fewer than ${k} people named a time sink.`,
  noWait: (k) => `Fewer than ${k} people named a wait.`,
  noKnowledge: (k) => `Fewer than ${k} people named a judgment they check.`,
  whatPeopleWrote: 'What people wrote',
  hiddenCell: 'hidden',
  timeTable: [
    'Time ledger',
    'Where the hours go',
    ['Kind of work', 'People', 'Share', 'Hours a week', 'Median a person (95% interval)', 'Why it falls to them'],
  ],
  waitKindTable: [
    'Waiting ledger by kind',
    'What work waits on',
    ['Wait', 'People', 'Share', 'Waiting days a month', 'Median wait (days)', 'Times a month'],
  ],
  waitHolderTable: [
    'Waiting ledger by holder',
    'Who holds the waits (groups large enough to show)',
    ['Wait', 'Held by', 'People', 'Waiting days a month', 'Median wait (95% interval)', 'Times a month'],
  ],
  knowledgeTable: [
    'Knowledge ledger',
    'Which judgments still go to a senior colleague',
    ['Judgment', 'People', 'Share', 'Checks a week', 'Median a person (95% interval)', 'Written procedure'],
  ],
  reasons: {
    only_me: 'only they know how',
    role_requires: 'their role requires it',
    no_access: 'no one else has access',
    handed_to_me: 'it was handed to them',
    other: 'other',
  },
  sop: { none: 'none', unused: 'written, unused', used: 'written, used' },
  print: 'Print or save as PDF',
  csv: 'Download CSV',
  csvPreparing: 'The CSV is being prepared. Try again in a moment.',
  csvFailed: (status) => `The CSV export failed (error ${status}).`,
};

const zh: ReportSentences = {
  skipLink: '跳到报告正文',
  tocLabel: '报告各部分',
  rateCounts: (responded, invited) => `（${invited} 人中 ${responded} 人）`,
  protection: {
    'open-link':
      '任何拿到调研链接的人都能作答，次数不限。既能作答又能看本报告的人，可以往一个小组里添加回答，直到它显示出来，再用减法推算出其他人的回答：最小组规模挡不住这一点。请带着这一点解读小组数据，下一轮只用邀请。',
    'handed-out-links':
      '回答来自个人邀请，但有些链接是成批分发的：拿到链接的人都能用它作答，从而往小组里添加回答。请带着这一点解读小组数据。',
    'mailed-invitations':
      '每份回答都来自寄到一个邮箱的个人链接，每人至多一份，且不超过本次调研的邀请上限。要往某个组里添加回答，就得让自己控制的邮箱被邀请，而这在邀请记录中一目了然。',
  },
  leadershipOwnHeading: '领导层自己的看法',
  leadershipOwnText: (n) => `领导层的回答（${n} 人，不匿名）。与员工的比较随结果一起提供。`,
  leadershipScoresLabel: '领导层分数',
  leadershipScoresCaption: '领导层的层面分数，0–100',
  notPublishedHeading: '结果尚未发布',
  publishedAtClose: '调研结束后发布结果。',
  closesOn: (when) => `调研于 ${when} UTC 结束。`,
  carefulRead: '请谨慎解读：许多回答被标记为敷衍作答（见报告开头）。',
  levelGap: (mean, managers, frontline) =>
    `管理者减一线员工，各层面平均：${mean} 分（${managers} 名管理者，${frontline} 名一线员工）。`,
  beyondNoiseOn: (list) => `超出噪声的层面：${list}。`,
  beyondNoiseItem: (layer, value, lo, hi) => `${layer}（${value}，区间 ${lo} 至 ${hi}）`,
  noLayerBeyondNoise: '没有哪个层面的差异超出噪声。',
  byLevel: (k, list) => `按职级的层面平均分（只含回答不少于 ${k} 份的职级）：${list}。详见下方分组表。`,
  noLeadershipView: '本次调研没有录入领导层的看法，因此无法衡量领导层与员工所见之间的差距。',
  execsAverage: (mean, n) => `参加员工调研的高管平均为 ${mean}${n ? `（${n} 人，匿名）` : '（匿名）'}；`,
  leadershipAverages: (mean, n) => `领导层看法平均为 ${mean}${n ? `（${n} 人，实名）` : '（实名）'}。`,
  notSamePeople:
    '两者不是同一批人，作答条件也不同（一方在员工中匿名，一方以领导团队身份实名），而且人数这么少，仅凭偶然每个平均值就可能相差好几分。',
  leadershipApart: '领导层看法是领导团队实名、与员工分开作答的结果；参加员工调研的高管是匿名作答的，计入员工分数。',
  largestGap: (layer, points) => `领导层对<strong>${layer}</strong>的评分比员工高 ${points} 分：差距最大。`,
  bossBHolds: '再加上活动多、运营影响小，这就是「我们已经懂了」陷阱（见诊断）。',
  bossBNot:
    '仅凭这一差距还不构成「我们已经懂了」陷阱，这里也没有作此诊断：该陷阱还要求多数层面的差距超出两组的不确定性、活动多且运营影响小，而这些条件并不全部成立。',
  noHigherLayer: '领导层对任何层面的评分都不高于员工。',
  gapChartLabel: '每个层面领导层分数减员工分数（分）；数字见下表。',
  gapCaption: '领导层减员工（分）：越往右，领导层看到的比员工越多。',
  gapTable: '领导层与员工分数',
  listJoin: '、',
  groupMarks:
    '▲ ▼ 表示该组高于或低于整个组织，且超出噪声（按表中所有单元格一起计算；偶然出现标记的概率至多为二十分之一张表）。',
  noGroupDiffers: '没有哪个组与整个组织的差异超出噪声。',
  hiddenGroups: (k) =>
    `<strong>已隐藏</strong>表示该组回答少于 ${k} 份，或为了不让小组数据从总数中推算出来而一并隐藏。隐藏的单元格从不填数。`,
  byDepartment: '按部门',
  byLevelTable: '按职级',
  aboveBeyondNoise: (v, lo, hi) => `高于整个组织，超出噪声：${v}（${lo} 至 ${hi}）`,
  belowBeyondNoise: (v, lo, hi) => `低于整个组织，超出噪声：${v}（${lo} 至 ${hi}）`,
  hiddenTogether: (by) => (by === 'department' ? '已隐藏的部门（合并）' : '已隐藏的职级（合并）'),
  weightingHeading: (by) => (by === 'department' ? '按部门的回答率与加权' : '按职级的回答率与加权'),
  weightingText: (by) =>
    `回答数与组织档案中人数的对比。加权分数按人数占比为每个${by === 'department' ? '部门' : '职级'}赋权；所有隐藏的${
      by === 'department' ? '部门' : '职级'
    }合并为一组加权，因此加权数字不会透露上表之外的任何信息。`,
  unrepresented: (names) => `${names} 没有回答：其权重分给其余各组。`,
  rateTable: (by) => (by === 'department' ? '按部门的回答率' : '按职级的回答率'),
  weightedLabel: (by) => (by === 'department' ? '按部门的加权分数' : '按职级的加权分数'),
  weightedCaption: (by) =>
    by === 'department' ? '按部门的未加权与加权分数，0–100' : '按职级的未加权与加权分数，0–100',
  headcount: '人数',
  rate: '回答率',
  unweighted: '未加权',
  weighted: '加权',
  signalsIntro: '这些不是层面，而是诊断背后的证据：投入的钱、动作、三本账、运营影响和人工保障。',
  signalsTable: '背景信号',
  signalsCaption: '背景信号（0–100）',
  noSignalScores: '尚无信号分数。',
  capacityLabel: '产能决定',
  capacityAnswers: (n) => `（${n} 份回答）`,
  answer: '回答',
  share: '比例',
  capacityDecidedQuestion: '领导层是否已决定释放出的工作时间用来做什么？',
  capacityForQuestion: '领导层决定释放出的时间主要用来做什么？',
  capacityForQuestion2026_1: '如果 AI 每周释放出 200 小时，领导层决定这些时间用来做什么？',
  noneFlagged: '没有回答被标记为一律同答或快得不合理。',
  flagged: (flagged, straight, fast, excluded) =>
    `${flagged} 份回答被标记（${straight} 份一律同答，${fast} 份快得不合理）；它们${excluded ? '不计入' : '计入'}分数。`,
  capacityDecisionSource: '产能决定',
  shareAnswering: (options) => `回答「${options}」的比例`,
  profile: (fact) => `组织档案：${fact}`,
  profileFacts: {
    seat_coverage: '人均 AI 账号数',
    pilots: 'AI 试点数',
    training_hours_per_employee: '人均 AI 培训小时数',
    ai_spend_per_employee: '人均 AI 支出',
    investment_facts: '达到标准的投入指标',
  },
  gapNames: {
    mean: '领导层减员工，各层面平均',
    layers_beyond_ci: '领导层高于员工区间的层面数',
    'manager-frontline': '管理者减一线员工，各层面平均',
  },
  gapOn: (layer) => `领导层减员工：${layer}`,
  notToldShare: '不知道释放时间用途的比例（未决定、未告知或不知道）',
  carelessShare: '被标记为敷衍作答的比例',
  effectiveRespondents: '有效受访者',
  furthestApart: (layer) => `差距最大的两个部门：${layer}`,
  capacityMeanings: {
    cost: '降低成本或减少人员',
    growth: '客户与增长',
    learning: '学习与新角色',
    top_destination: '被提到最多的方向',
    top_decided: '被提到最多的已定用途',
    profit: '降低成本',
  },
  or: '或',
  methodNotes: (k) => [
    '每个层面是其各条陈述的平均分，从 1（非常不同意）到 5（非常同意），换算为 0–100；「不知道」不计分。成熟度等级把量表分为五段：1 临时、2 修补、3 已定义、4 已管理、5 已重写。',
    '95% 区间是换成同一组织的其他受访者时分数可能落入的范围；当一个层面比中点低至少 5 分、且整个区间都在中点以下时，才算薄弱。',
    '置信度在模拟组织上校准：显示为「很可能（75%）」的诊断，约四分之三成立。它从不是 100%。',
    '一致度（r<sub>wg</sub>，0–1）表示大家的回答是否相近：接近 1 说明看法一致，低于 0.5 说明对这个层面的看法差别很大。',
    `员工匿名作答；回答少于 ${k} 份的组一律不显示，领导层的看法也从不混入员工分数。`,
  ],
  ledgersHeading: '三本账',
  ledgersNone: (k) => `说出时间黑洞、等待或需要请教的判断的人少于 ${k} 位，因此不显示任何账本。`,
  ledgersIntro:
    '员工在调研的账本环节中说出的内容：时间漏在哪里，工作卡在哪里等待，经验锁在哪里。合计覆盖所有填写内容；中位数按填写该行的每人计算。',
  ledgersHidden: (k) =>
    `<strong>已隐藏</strong>表示填写该行的人少于 ${k} 位，或为了不让它从总数中推算出来而一并隐藏；隐藏的行仍计入合计。`,
  hoursHeadline: (total) => `每周有<strong>${total} 小时</strong>耗在时间黑洞上`,
  hoursMost: (name, hours, people) => `，最多的是「${name}」（每周 ${hours} 小时，${people}）`,
  waitHeadline: (total) => `工作每月等待<strong>${total} 个工作日</strong>`,
  waitLongest: (kind, holder, days, people) => `；最长的是等「${holder}」的「${kind}」（每月 ${days} 天，${people}）`,
  checksHeadline: (total) => `大家每周向资深同事请教<strong>${total} 次</strong>。`,
  people: (n) => `${n} 人`,
  timeHeading: '时间',
  waitingHeading: '等待',
  knowledgeHeading: '知识',
  noTime: (k) => `说出时间黑洞的人少于 ${k} 位。`,
  noWait: (k) => `说出等待的人少于 ${k} 位。`,
  noKnowledge: (k) => `说出需要请教的判断的人少于 ${k} 位。`,
  whatPeopleWrote: '大家写下的内容',
  hiddenCell: '已隐藏',
  timeTable: [
    '时间账',
    '时间去了哪里',
    ['工作类型', '人数', '比例', '每周小时数', '每人中位数（95% 区间）', '为什么落在他们身上'],
  ],
  waitKindTable: [
    '等待账（按类型）',
    '工作在等什么',
    ['等待', '人数', '比例', '每月等待天数', '等待中位数（天）', '每月次数'],
  ],
  waitHolderTable: [
    '等待账（按卡点）',
    '谁手里压着等待（只显示足够大的组）',
    ['等待', '卡在', '人数', '每月等待天数', '等待中位数（95% 区间）', '每月次数'],
  ],
  knowledgeTable: [
    '知识账',
    '哪些判断仍要请教资深同事',
    ['判断', '人数', '比例', '每周请教次数', '每人中位数（95% 区间）', '书面流程'],
  ],
  reasons: {
    only_me: '只有他们会',
    role_requires: '岗位要求',
    no_access: '别人没有权限',
    handed_to_me: '被分派给他们',
    other: '其他',
  },
  sop: { none: '没有', unused: '有但不用', used: '有且在用' },
  print: '打印或存为 PDF',
  csv: '下载 CSV',
  csvPreparing: 'CSV 正在准备中，请稍后再试。',
  csvFailed: (status) => `CSV 导出失败（错误 ${status}）。`,
};

const de: ReportSentences = {
  skipLink: 'Zum Bericht springen',
  tocLabel: 'Abschnitte des Berichts',
  rateCounts: (responded, invited) => ` (${responded} von ${invited})`,
  protection: {
    'open-link':
      'Wer den Link zur Umfrage hat, kann antworten, so oft er will. Wer antworten und zugleich diesen Bericht lesen kann, könnte einer kleinen Gruppe Antworten hinzufügen, bis sie angezeigt wird, und die Antworten der anderen durch Abziehen herausfinden: die Mindestgruppengröße schützt davor nicht. Kleine Gruppen daher mit Vorsicht lesen und für die nächste Welle nur Einladungen verwenden.',
    'handed-out-links':
      'Die Antworten kamen über persönliche Einladungen, aber einige Links wurden als Stapel ausgegeben: wer sie hatte, konnte damit antworten und so einer kleinen Gruppe Antworten hinzufügen. Kleine Gruppen daher mit Vorsicht lesen.',
    'mailed-invitations':
      'Jede Antwort kam über einen persönlichen Link, der an eine einzige Adresse ging, höchstens einer je Person und nicht mehr als die Obergrenze der Einladungen. Wer einer Gruppe Antworten hinzufügen wollte, müsste eigene Postfächer einladen lassen, und das bleibt in den Einladungen sichtbar.',
  },
  leadershipOwnHeading: 'Die eigene Sicht der Führung',
  leadershipOwnText: (n) =>
    `Was die Führung geantwortet hat (${n} ${n === 1 ? 'Person' : 'Personen'}, nicht anonym). Der Vergleich mit der Belegschaft kommt mit den Ergebnissen.`,
  leadershipScoresLabel: 'Werte der Führung',
  leadershipScoresCaption: 'Werte der Führung je Ebene, 0–100',
  notPublishedHeading: 'Die Ergebnisse sind noch nicht veröffentlicht',
  publishedAtClose: 'Die Ergebnisse werden veröffentlicht, wenn die Umfrage endet.',
  closesOn: (when) => `Die Umfrage endet am ${when} UTC.`,
  carefulRead: 'Mit Vorsicht lesen: viele Antworten sind als nachlässig markiert (siehe Anfang des Berichts).',
  levelGap: (mean, managers, frontline) =>
    `Führungskräfte minus Mitarbeitende im Tagesgeschäft, Mittel über die Ebenen: ${mean} Punkte (${managers} Führungskräfte, ${frontline} im Tagesgeschäft).`,
  beyondNoiseOn: (list) => `Über dem Rauschen bei ${list}.`,
  beyondNoiseItem: (layer, value, lo, hi) => `${layer} (${value}, Intervall ${lo} bis ${hi})`,
  noLayerBeyondNoise: 'Keine Ebene unterscheidet sich über das Rauschen hinaus.',
  byLevel: (k, list) =>
    `Nach Ebene, Mittel der Werte (Ebenen mit mindestens ${k} Antworten): ${list}. Einzelheiten stehen in der Gruppentabelle unten.`,
  noLeadershipView:
    'Für diese Umfrage wurde keine Sicht der Führung erfasst, daher wird die Lücke zwischen dem, was Führung und Belegschaft sehen, nicht gemessen.',
  execsAverage: (mean, n) =>
    `Die Geschäftsleitung in der Umfrage der Belegschaft kommt im Mittel auf ${mean}${n ? ` (${n} Personen, anonym)` : ' (anonym)'};`,
  leadershipAverages: (mean, n) =>
    `die Sicht der Führung im Mittel auf ${mean}${n ? ` (${n} ${n === 1 ? 'Person' : 'Personen'}, namentlich)` : ' (namentlich)'}.`,
  notSamePeople:
    'Es sind nicht dieselben Leute, sie haben nicht unter denselben Bedingungen geantwortet (anonym unter ihren Mitarbeitenden oder namentlich als Führungsteam), und bei so wenigen Personen kann sich jedes Mittel schon durch Zufall um mehrere Punkte verschieben.',
  leadershipApart:
    'Die Sicht der Führung ist, was das Führungsteam namentlich und getrennt von der Belegschaft geantwortet hat; die Geschäftsleitung in der Umfrage der Belegschaft hat anonym geantwortet und zählt in deren Werten.',
  largestGap: (layer, points) =>
    `Die Führung bewertet <strong>${layer}</strong> um ${points} Punkte höher als die Belegschaft: die größte Lücke.`,
  bossBHolds:
    'Zusammen mit viel Aktivität und wenig Wirkung im Betrieb ist das die Falle „Wir haben es doch verstanden“ (siehe Diagnose).',
  bossBNot:
    'Diese Lücke allein ist noch nicht die Falle „Wir haben es doch verstanden“, die hier nicht diagnostiziert wird: dafür müsste die Lücke auf den meisten Ebenen auch über der Unsicherheit beider Gruppen liegen, bei viel Aktivität und wenig Wirkung im Betrieb, und das trifft nicht alles zu.',
  noHigherLayer: 'Die Führung bewertet keine Ebene höher als die Belegschaft.',
  gapChartLabel:
    'Wert der Führung minus Wert der Belegschaft je Ebene, in Punkten; die Zahlen stehen in der Tabelle darunter.',
  gapCaption: 'Führung minus Belegschaft, in Punkten: nach rechts sieht die Führung mehr als die Belegschaft.',
  gapTable: 'Werte von Führung und Belegschaft',
  listJoin: ', ',
  groupMarks:
    '▲ ▼ markieren eine Gruppe, die über oder unter der ganzen Organisation liegt, mehr als das Rauschen erklärt, über alle Zellen der Tabelle gerechnet (ein Zeichen erscheint zufällig in höchstens einer von zwanzig Tabellen).',
  noGroupDiffers: 'Keine Gruppe weicht mehr von der ganzen Organisation ab, als das Rauschen erklärt.',
  hiddenGroups: (k) =>
    `<strong>Verborgen</strong> markiert eine Gruppe mit weniger als ${k} Antworten oder eine, die mit ihr verborgen wird, damit sich die kleine Gruppe nicht aus der Summe errechnen lässt. Verborgene Zellen bleiben immer leer.`,
  byDepartment: 'Nach Abteilung',
  byLevelTable: 'Nach Ebene',
  aboveBeyondNoise: (v, lo, hi) => `über der ganzen Organisation, mehr als Rauschen: ${v} (${lo} bis ${hi})`,
  belowBeyondNoise: (v, lo, hi) => `unter der ganzen Organisation, mehr als Rauschen: ${v} (${lo} bis ${hi})`,
  hiddenTogether: (by) => (by === 'department' ? 'Verborgene Abteilungen, zusammen' : 'Verborgene Ebenen, zusammen'),
  weightingHeading: (by) => `Rücklauf und Gewichtung nach ${by === 'department' ? 'Abteilung' : 'Ebene'}`,
  weightingText: (by) =>
    `Antworten im Verhältnis zur Kopfzahl im Profil der Organisation. Die gewichteten Werte geben jeder ${
      by === 'department' ? 'Abteilung' : 'Ebene'
    } ihren Anteil an der Kopfzahl; alle verborgenen ${
      by === 'department' ? 'Abteilungen' : 'Ebenen'
    } werden als eine Gruppe gewichtet, daher verraten die gewichteten Zahlen nichts, was die Tabelle oben nicht zeigt.`,
  unrepresented: (names) => `Keine Antworten aus ${names}: ihr Gewicht geht an die übrigen.`,
  rateTable: (by) => `Rücklauf nach ${by === 'department' ? 'Abteilung' : 'Ebene'}`,
  weightedLabel: (by) => `Gewichtete Werte nach ${by === 'department' ? 'Abteilung' : 'Ebene'}`,
  weightedCaption: (by) => `Ungewichtet und gewichtet nach ${by === 'department' ? 'Abteilung' : 'Ebene'}, 0–100`,
  headcount: 'Kopfzahl',
  rate: 'Quote',
  unweighted: 'Ungewichtet',
  weighted: 'Gewichtet',
  signalsIntro:
    'Keine Ebenen, sondern die Belege hinter den Diagnosen: eingesetztes Geld, Betriebsamkeit, die drei Listen, Wirkung im Betrieb und menschliche Absicherung.',
  signalsTable: 'Kontextsignale',
  signalsCaption: 'Kontextsignale (0–100)',
  noSignalScores: 'Noch keine Werte der Signale.',
  capacityLabel: 'Entscheidung über frei gewordene Zeit',
  capacityAnswers: (n) => `(${n} Antworten)`,
  answer: 'Antwort',
  share: 'Anteil',
  capacityDecidedQuestion: 'Hat die Führung entschieden, wofür frei gewordene Arbeitszeit da ist?',
  capacityForQuestion: 'Wofür hat die Führung frei gewordene Zeit vor allem bestimmt?',
  capacityForQuestion2026_1: 'Wenn KI 200 Stunden pro Woche frei machte: wofür hat die Führung diese Stunden bestimmt?',
  noneFlagged: 'Keine Antwort wurde als gleichförmig oder unplausibel schnell markiert.',
  flagged: (flagged, straight, fast, excluded) =>
    `${flagged} ${flagged === 1 ? 'Antwort wurde' : 'Antworten wurden'} markiert (${straight} gleichförmig, ${fast} unplausibel schnell); sie ${
      excluded ? 'zählen nicht in' : 'zählen in'
    } den Werten.`,
  capacityDecisionSource: 'Entscheidung über frei gewordene Zeit',
  shareAnswering: (options) => `Anteil mit der Antwort: ${options}`,
  profile: (fact) => `Profil: ${fact}`,
  profileFacts: {
    seat_coverage: 'KI-Lizenzen je Beschäftigten',
    pilots: 'KI-Piloten',
    training_hours_per_employee: 'KI-Schulungsstunden je Beschäftigten',
    ai_spend_per_employee: 'KI-Ausgaben je Beschäftigten',
    investment_facts: 'Kennzahlen der Investition auf oder über ihrer Marke',
  },
  gapNames: {
    mean: 'Führung minus Belegschaft, Mittel über die Ebenen',
    layers_beyond_ci: 'Ebenen, auf denen die Führung über dem Intervall der Belegschaft liegt',
    'manager-frontline': 'Führungskräfte minus Tagesgeschäft, Mittel über die Ebenen',
  },
  gapOn: (layer) => `Führung minus Belegschaft, ${layer}`,
  notToldShare: 'Anteil ohne Auskunft, wofür frei gewordene Zeit da ist (nicht entschieden, nicht gesagt, weiß nicht)',
  carelessShare: 'Anteil der als nachlässig markierten Antworten',
  effectiveRespondents: 'Wirksame Befragte',
  furthestApart: (layer) => `Am weitesten auseinander liegende Abteilungen, ${layer}`,
  capacityMeanings: {
    cost: 'weniger Kosten oder weniger Leute',
    growth: 'Kunden und Wachstum',
    learning: 'Lernen und neue Rollen',
    top_destination: 'die meistgenannte Richtung',
    top_decided: 'die meistgenannte entschiedene Verwendung',
    profit: 'weniger Kosten',
  },
  or: ' oder ',
  methodNotes: (k) => [
    'Jede Ebene ist das Mittel ihrer Aussagen, beantwortet von 1 (stimme gar nicht zu) bis 5 (stimme voll zu), umgerechnet auf 0–100; „weiß nicht“ wird nicht gewertet. Die Reifegrade teilen die Skala in Fünftel: 1 Improvisiert, 2 Geflickt, 3 Festgelegt, 4 Gesteuert, 5 Neu geschrieben.',
    'Das 95-%-Intervall ist der Bereich, in den der Wert mit anderen Befragten derselben Organisation wahrscheinlich fiele; eine Ebene ist schwach, wenn sie mindestens 5 Punkte unter der Mitte liegt und ihr ganzes Intervall darunter.',
    'Die Sicherheit ist an simulierten Organisationen geeicht: von den Diagnosen mit „wahrscheinlich (75 %)“ treffen etwa drei von vier zu. Sie ist nie 100 %.',
    'Einigkeit (r<sub>wg</sub>, 0–1) zeigt, ob die Leute ähnlich antworten: nahe 1 teilen sie ein Bild, unter 0,5 sehen sie die Ebene sehr verschieden.',
    `Die Belegschaft antwortet anonym; keine Gruppe mit weniger als ${k} Antworten wird gezeigt, und die Sicht der Führung wird nie in die Werte der Belegschaft gemischt.`,
  ],
  ledgersHeading: 'Die drei Listen',
  ledgersNone: (k) =>
    `Weniger als ${k} Personen haben einen Zeitfresser, eine Wartezeit oder eine Rückfrage genannt, daher wird keine Liste gezeigt.`,
  ledgersIntro:
    'Was die Belegschaft im Listen-Schritt der Umfrage genannt hat: wo Zeit versickert, wo Arbeit wartet, wo Erfahrung festsitzt. Summen gehen über alles Genannte; Mediane je Person, die eine Zeile nennt.',
  ledgersHidden: (k) =>
    `<strong>Verborgen</strong> markiert eine Zeile, die weniger als ${k} Personen genannt haben, oder eine, die mit ihr verborgen wird, damit sie sich nicht aus der Summe errechnen lässt; verborgene Zeilen zählen in den Summen mit.`,
  hoursHeadline: (total) => `<strong>${total} Stunden pro Woche</strong> gehen an Zeitfresser`,
  hoursMost: (name, hours, people) => `, die meisten an „${name}“ (${hours} Stunden pro Woche, ${people})`,
  waitHeadline: (total) => `Arbeit wartet <strong>${total} Arbeitstage im Monat</strong>`,
  waitLongest: (kind, holder, days, people) =>
    `; am längsten: „${kind}“, gehalten von ${holder} (${days} Tage im Monat, ${people})`,
  checksHeadline: (total) => `Die Leute fragen <strong>${total}-mal pro Woche</strong> bei erfahrenen Kollegen nach.`,
  people: (n) => `${n} ${n === 1 ? 'Person' : 'Personen'}`,
  timeHeading: 'Zeit',
  waitingHeading: 'Warten',
  knowledgeHeading: 'Wissen',
  noTime: (k) => `Weniger als ${k} Personen haben einen Zeitfresser genannt.`,
  noWait: (k) => `Weniger als ${k} Personen haben eine Wartezeit genannt.`,
  noKnowledge: (k) => `Weniger als ${k} Personen haben eine Rückfrage genannt.`,
  whatPeopleWrote: 'Was die Leute geschrieben haben',
  hiddenCell: 'verborgen',
  timeTable: [
    'Zeitliste',
    'Wohin die Stunden gehen',
    [
      'Art der Arbeit',
      'Personen',
      'Anteil',
      'Stunden pro Woche',
      'Median je Person (95-%-Intervall)',
      'Warum es bei ihnen landet',
    ],
  ],
  waitKindTable: [
    'Warteliste nach Art',
    'Worauf Arbeit wartet',
    ['Warten auf', 'Personen', 'Anteil', 'Wartetage im Monat', 'Median der Wartezeit (Tage)', 'Mal im Monat'],
  ],
  waitHolderTable: [
    'Warteliste nach Halter',
    'Wer die Wartezeiten hält (nur Gruppen, die groß genug sind)',
    [
      'Warten auf',
      'Gehalten von',
      'Personen',
      'Wartetage im Monat',
      'Median der Wartezeit (95-%-Intervall)',
      'Mal im Monat',
    ],
  ],
  knowledgeTable: [
    'Wissensliste',
    'Welche Urteile noch zu erfahrenen Kollegen gehen',
    [
      'Urteil',
      'Personen',
      'Anteil',
      'Rückfragen pro Woche',
      'Median je Person (95-%-Intervall)',
      'Schriftliches Verfahren',
    ],
  ],
  reasons: {
    only_me: 'nur sie wissen, wie es geht',
    role_requires: 'ihre Rolle verlangt es',
    no_access: 'niemand sonst hat Zugriff',
    handed_to_me: 'es wurde ihnen übertragen',
    other: 'Sonstiges',
  },
  sop: { none: 'keines', unused: 'schriftlich, ungenutzt', used: 'schriftlich, genutzt' },
  print: 'Drucken oder als PDF sichern',
  csv: 'CSV herunterladen',
  csvPreparing: 'Die CSV-Datei wird vorbereitet. Bitte gleich noch einmal versuchen.',
  csvFailed: (status) => `Der CSV-Export ist fehlgeschlagen (Fehler ${status}).`,
};

export const REPORT_SENTENCES: Record<Language, ReportSentences> = { en, zh, de };
