// The report's "Operating account" section in every report language (the report switches between them); the
// domain's terms (statuses, suggestions, findings, units) are in shared/account/labels.ts.

import type { CapacityMeaning, Language } from '../../shared/instrument';

export interface SectionMessages {
  heading: string;
  manage: string;
  lead: (total: number, moved: number) => string;
  freedSoFar: (freed: string) => string;
  entriesLabel: string;
  entriesCaption: string;
  columns: [string, string, string, string, string, string, string, string];
  noEntries: string;
  questionsH: string;
  noneYet: string;
  capacityH: string;
  registerH: string;
  reviewsH: string;
  realChange: string;
  withinUncertainty: string;
  confirmed: (status: string) => string;
  notConfirmed: string;
  notPublished: string;
  recorded: (day: string, owner: string) => string;
  workforce: (told: string, notTold: string, notDecided: string, unknown: string, n: number) => string;
  sameDirection: (direction: string) => string;
  otherDirection: (workforce: string, recorded: string) => string;
  directions: Record<CapacityMeaning, string>;
  reviews: (count: number, last: string | null) => string;
  workforceItem: (share: string) => string;
  workforceSignal: (score: string) => string;
}

const en: SectionMessages = {
  heading: 'Operating account',
  manage: 'Manage the operating account',
  lead: (total, moved) =>
    `${total} ${total === 1 ? 'entry' : 'entries'} on the account; ${moved} moved during this wave.`,
  freedSoFar: (freed) => ` Freed so far: ${freed}.`,
  entriesLabel: 'Account entries',
  entriesCaption: 'Entries: baseline, target, now, and the same cell in this wave',
  columns: ['Ledger', 'Entry', 'Owner', 'Baseline', 'Target', 'Now', 'This wave', 'Status'],
  noEntries: 'No entries yet.',
  questionsH: 'The three questions',
  noneYet: 'None yet.',
  capacityH: 'Capacity decision',
  registerH: 'Stage-two register',
  reviewsH: 'Operating reviews',
  realChange: 'a real change',
  withinUncertainty: 'within the uncertainty',
  confirmed: (status) => `; confirmed ${status.toLowerCase()}`,
  notConfirmed: '; not yet confirmed',
  notPublished: 'Set beside the workforce once this wave’s results are published.',
  recorded: (day, owner) => ` Leadership recorded a decision on ${day}, owned by ${owner}.`,
  workforce: (told, notTold, notDecided, unknown, n) =>
    ` The workforce: ${told} say it was decided and they were told, ${notTold} decided but not told, ${notDecided} nothing decided, ${unknown} do not know (${n} answers).`,
  sameDirection: (d) => ` The workforce names the same direction (${d}).`,
  otherDirection: (w, r) => ` The workforce names another direction (${w}, not ${r}).`,
  directions: { cost: 'cost', growth: 'growth', learning: 'learning', undecided: 'undecided', unknown: 'unknown' },
  reviews: (count, last) =>
    ` ${count} ${count === 1 ? 'review' : 'reviews'} in the quarter before the close${last ? `, the last on ${last}` : ''}.`,
  workforceItem: (share) =>
    ` ${share} of the workforce agree that where time goes is discussed in regular operating reviews.`,
  workforceSignal: (score) =>
    ` The workforce’s time-ledger signal (which asks whether time is discussed in operating reviews) scores ${score}.`,
};

const zh: SectionMessages = {
  heading: '经营账目',
  manage: '管理经营账目',
  lead: (total, moved) => `账目上有${total}个条目；本轮调查期间有${moved}个推进了。`,
  freedSoFar: (freed) => `迄今释放：${freed}。`,
  entriesLabel: '账目条目',
  entriesCaption: '条目：基线、目标、现状，以及同一单元格在本轮的数据',
  columns: ['账', '条目', '负责人', '基线', '目标', '现状', '本轮', '状态'],
  noEntries: '还没有条目。',
  questionsH: '三个问题',
  noneYet: '暂无。',
  capacityH: '产能去向决定',
  registerH: '第二阶段登记',
  reviewsH: '经营复盘',
  realChange: '真实变化',
  withinUncertainty: '在不确定范围内',
  confirmed: (status) => `；已确认为${status}`,
  notConfirmed: '；尚未确认',
  notPublished: '本轮结果发布后，将与员工的看法对照。',
  recorded: (day, owner) => `领导层于${day}记录了决定，负责人：${owner}。`,
  workforce: (told, notTold, notDecided, unknown, n) =>
    `员工：${told}表示已决定并被告知，${notTold}表示已决定但未被告知，${notDecided}表示尚未决定，${unknown}不知道（${n}份回答）。`,
  sameDirection: (d) => `员工说出的方向相同（${d}）。`,
  otherDirection: (w, r) => `员工说出的是另一个方向（${w}，而不是${r}）。`,
  directions: { cost: '成本', growth: '增长', learning: '组织学习', undecided: '未决定', unknown: '不知道' },
  reviews: (count, last) => `截止前一个季度内有${count}次复盘${last ? `，最近一次在${last}` : ''}。`,
  workforceItem: (share) => `${share}的员工同意：时间花在哪里会在定期经营复盘中讨论。`,
  workforceSignal: (score) => `员工的时间账信号（询问时间是否在经营复盘中讨论）得分为${score}。`,
};

const de: SectionMessages = {
  heading: 'Betriebskonto',
  manage: 'Betriebskonto verwalten',
  lead: (total, moved) =>
    `${total} ${total === 1 ? 'Eintrag' : 'Einträge'} im Konto; ${moved} während dieser Befragung bewegt.`,
  freedSoFar: (freed) => ` Bisher frei geworden: ${freed}.`,
  entriesLabel: 'Einträge des Kontos',
  entriesCaption: 'Einträge: Ausgangswert, Ziel, jetzt, und dieselbe Zelle in dieser Befragung',
  columns: ['Buch', 'Eintrag', 'Verantwortlich', 'Ausgangswert', 'Ziel', 'Jetzt', 'Diese Befragung', 'Status'],
  noEntries: 'Noch keine Einträge.',
  questionsH: 'Die drei Fragen',
  noneYet: 'Noch keine.',
  capacityH: 'Entscheidung über frei werdende Kapazität',
  registerH: 'Register der zweiten Stufe',
  reviewsH: 'Betriebsbesprechungen',
  realChange: 'eine echte Veränderung',
  withinUncertainty: 'innerhalb der Unsicherheit',
  confirmed: (status) => `; bestätigt: ${status}`,
  notConfirmed: '; noch nicht bestätigt',
  notPublished: 'Wird der Belegschaft gegenübergestellt, sobald die Ergebnisse dieser Befragung veröffentlicht sind.',
  recorded: (day, owner) => ` Die Leitung hat am ${day} eine Entscheidung festgehalten, verantwortlich: ${owner}.`,
  workforce: (told, notTold, notDecided, unknown, n) =>
    ` Die Belegschaft: ${told} sagen, es sei entschieden und ihnen gesagt worden, ${notTold} entschieden, aber nicht gesagt, ${notDecided} nichts entschieden, ${unknown} wissen es nicht (${n} Antworten).`,
  sameDirection: (d) => ` Die Belegschaft nennt dieselbe Richtung (${d}).`,
  otherDirection: (w, r) => ` Die Belegschaft nennt eine andere Richtung (${w}, nicht ${r}).`,
  directions: {
    cost: 'Kosten',
    growth: 'Wachstum',
    learning: 'Lernen der Organisation',
    undecided: 'nicht entschieden',
    unknown: 'weiß nicht',
  },
  reviews: (count, last) =>
    ` ${count} ${count === 1 ? 'Besprechung' : 'Besprechungen'} im Quartal vor dem Abschluss${last ? `, die letzte am ${last}` : ''}.`,
  workforceItem: (share) =>
    ` ${share} der Belegschaft stimmen zu, dass in regelmäßigen Betriebsbesprechungen besprochen wird, wohin die Zeit geht.`,
  workforceSignal: (score) =>
    ` Das Zeitbuch-Signal der Belegschaft (es fragt, ob die Zeit in Betriebsbesprechungen besprochen wird) liegt bei ${score}.`,
};

export const SECTION_MESSAGES: Record<Language, SectionMessages> = { en, zh, de };
