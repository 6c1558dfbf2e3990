import type { Language } from '../../shared/instrument';
import { formatDate } from '../../web/survey/messages';
import { type RenderedMail, render } from './templates';

// The monthly review reminder (docs/METHOD.md §7.6): what the operating review has to look at, in the contact's
// language. Leadership's own account, so it names entries, roles and flows; nothing in it comes from a respondent.

export interface ReviewReminderInput {
  lang: Language;
  orgName: string;
  contactName: string;
  /** The day of the last review, or null when none was ever recorded. */
  lastReview: string | null;
  cadenceDays: number;
  /** Entries past their due date whose work is not done. */
  dueEntries: { title: string; ownerRole: string | null; due: string }[];
  /** Signals past their threshold in the stage-two register. */
  red: { flow: string; signal: string }[];
  /** Freed capacity no decision covers, per ledger, in its unit (only those above zero). */
  unallocated: { unit: 'hours_per_week' | 'waiting_days_per_month' | 'checks_per_week'; value: number }[];
  accountUrl: string;
  sender: string;
}

interface Words {
  subject: (org: string) => string;
  greeting: (name: string) => string;
  last: (date: string | null, days: number) => string;
  due: (list: string) => string;
  noneDue: string;
  red: (list: string) => string;
  unallocated: (list: string) => string;
  unit: Record<ReviewReminderInput['unallocated'][number]['unit'], (v: string) => string>;
  open: string;
  sentBy: (sender: string, org: string) => string;
  why: (org: string) => string;
}

const WORDS: Record<Language, Words> = {
  en: {
    subject: (org) => `Operating review due: ${org}`,
    greeting: (name) => `Hello ${name},`,
    last: (date, days) =>
      `${date ? `The AI operating account was last reviewed on ${date}` : 'No review of the AI operating account has been recorded yet'}; it is reviewed every ${days} days. Time for the next one: which time sink got compressed, which wait got removed, which knowledge got structured?`,
    due: (list) => `Entries past their due date: ${list}.`,
    noneDue: 'No entry is past its due date.',
    red: (list) => `Quality signals past their threshold: ${list}.`,
    unallocated: (list) => `Freed capacity no decision covers: ${list}. The capacity-allocation mechanism is not in.`,
    unit: {
      hours_per_week: (v) => `${v} hours a week`,
      waiting_days_per_month: (v) => `${v} waiting days a month`,
      checks_per_week: (v) => `${v} checks a week`,
    },
    open: 'Open the account and record the review there (sign-in needed):',
    sentBy: (sender, org) => `Sent by orgos (${sender}) for ${org}.`,
    why: (org) =>
      `You receive this as an executive contact of ${org}. To stop receiving it, ask your consultant to remove you from the contacts.`,
  },
  zh: {
    subject: (org) => `该做经营复盘了：${org}`,
    greeting: (name) => `${name}，您好：`,
    last: (date, days) =>
      `${date ? `AI经营账户上一次复盘是在${date}` : 'AI经营账户还没有记录过复盘'}；按约定每${days}天复盘一次。该做下一次了：哪个时间黑洞被压缩了，哪个等待被去掉了，哪类知识被沉淀了？`,
    due: (list) => `已过期限的条目：${list}。`,
    noneDue: '没有条目超过期限。',
    red: (list) => `超过阈值的质量信号：${list}。`,
    unallocated: (list) => `尚无决定覆盖的释放产能：${list}。产能分配机制还没有建立。`,
    unit: {
      hours_per_week: (v) => `每周${v}小时`,
      waiting_days_per_month: (v) => `每月${v}个等待日`,
      checks_per_week: (v) => `每周${v}次确认`,
    },
    open: '打开经营账户并在那里记录复盘（需要登录）：',
    sentBy: (sender, org) => `由 orgos（${sender}）代${org}发送。`,
    why: (org) => `您作为${org}的管理层联系人收到此邮件。如不想再收到，请让您的顾问把您从联系人中移除。`,
  },
  de: {
    subject: (org) => `Betriebsbesprechung fällig: ${org}`,
    greeting: (name) => `Guten Tag ${name},`,
    last: (date, days) =>
      `${date ? `Das KI-Betriebskonto wurde zuletzt am ${date} besprochen` : 'Für das KI-Betriebskonto ist noch keine Besprechung erfasst'}; es wird alle ${days} Tage besprochen. Zeit für die nächste: Welcher Zeitfresser wurde verkleinert, welche Wartezeit beseitigt, welches Wissen festgehalten?`,
    due: (list) => `Einträge über ihrem Termin: ${list}.`,
    noneDue: 'Kein Eintrag ist über seinem Termin.',
    red: (list) => `Qualitätssignale über ihrem Grenzwert: ${list}.`,
    unallocated: (list) =>
      `Freie Kapazität, über die nichts entschieden ist: ${list}. Der Mechanismus zur Kapazitätsverteilung fehlt.`,
    unit: {
      hours_per_week: (v) => `${v} Stunden pro Woche`,
      waiting_days_per_month: (v) => `${v} Wartetage im Monat`,
      checks_per_week: (v) => `${v} Nachfragen pro Woche`,
    },
    open: 'Öffnen Sie das Konto und erfassen Sie die Besprechung dort (Anmeldung nötig):',
    sentBy: (sender, org) => `Gesendet von orgos (${sender}) für ${org}.`,
    why: (org) =>
      `Sie erhalten diese Nachricht als Kontakt der Geschäftsleitung von ${org}. Wenn Sie sie nicht mehr erhalten möchten, bitten Sie Ihre Beratung, Sie aus den Kontakten zu entfernen.`,
  },
};

// One formatter per language, built once (toLocaleString builds one per call; the output is the same).
const FORMATS = {
  en: new Intl.NumberFormat('en-US'),
  de: new Intl.NumberFormat('de-DE'),
  zh: new Intl.NumberFormat('zh-CN'),
} satisfies Record<Language, Intl.NumberFormat>;
const number = (v: number, lang: Language) => FORMATS[lang].format(Math.round(v * 10) / 10);

export function reviewReminderMail(input: ReviewReminderInput): RenderedMail {
  const w = WORDS[input.lang];
  const sep = input.lang === 'zh' ? '；' : '; ';
  const entry = (e: ReviewReminderInput['dueEntries'][number]) =>
    `${e.title}${e.ownerRole ? ` (${e.ownerRole})` : ''}, ${formatDate(`${e.due}T12:00:00Z`, input.lang)}`;
  return render(
    w.subject(input.orgName),
    [
      { p: w.greeting(input.contactName) },
      { p: w.last(input.lastReview && formatDate(`${input.lastReview}T12:00:00Z`, input.lang), input.cadenceDays) },
      { p: input.dueEntries.length ? w.due(input.dueEntries.map(entry).join(sep)) : w.noneDue },
      ...(input.red.length ? [{ p: w.red(input.red.map((r) => `${r.signal} (${r.flow})`).join(sep)) }] : []),
      ...(input.unallocated.length
        ? [{ p: w.unallocated(input.unallocated.map((u) => w.unit[u.unit](number(u.value, input.lang))).join(sep)) }]
        : []),
      { p: w.open },
      { link: input.accountUrl },
      { footer: [w.sentBy(input.sender, input.orgName), w.why(input.orgName)] },
    ],
    input.lang,
  );
}
