import type { Language } from '../../shared/instrument';

export type SignalStepId = 'signals-1' | 'signals-2' | 'signals-3';

/** The survey page's own wording (the questions themselves come from the instrument). */
export interface SurveyMessages {
  languageName: string;
  title: string;
  skip: string;
  languages: string;
  intro: string;
  anonymity: string;
  resume: string;
  stepOf: string;
  back: string;
  next: string;
  submit: string;
  segmentsTitle: string;
  /**
   * Step titles for the respondent, by step id (render-survey.ts surveySteps): what the questions ask about, not the
   * construct names the reports use ("Investment · Activity"). Page wording only: no item or score changes with it.
   */
  stepTitles: Record<'roles' | 'workflows' | 'knowledge' | 'responsibility' | 'governance' | SignalStepId, string>;
  segmentsNote: string;
  errorTitle: string;
  levelMissing: string;
  departmentMissing: string;
  sending: string;
  retrying: string;
  saved: string;
  thanks: string;
  receiptLabel: string;
  withdrawHow: string;
  /** Withdrawals are taken until the campaign closes (then its results are published and final). */
  withdrawUntil: string;
  withdrawUntilDate: string;
  withdrawFinal: string;
  withdraw: string;
  /** Asked before a withdrawal from the survey page, where the receipt on a shared device may be someone else's. */
  withdrawConfirm: string;
  withdrawConfirmButton: string;
  /** The plain page's question before a withdrawal (no script to ask on a second click). */
  withdrawAsk: string;
  /** Shown on a later visit from a browser whose answers were sent: the receipt is not shown again. */
  answeredHere: string;
  answeredHereNote: string;
  anotherPerson: string;
  /** Resume on another device: the button, the saved notice ({code}, {date}), the restore form and its answers. */
  draftSave: string;
  draftSaved: string;
  draftRestoreTitle: string;
  draftCodeLabel: string;
  draftRestore: string;
  draftRestored: string;
  draftNotFound: string;
  draftInvalid: string;
  draftTooMany: string;
  withdrawn: string;
  withdrawTitle: string;
  withdrawIntro: string;
  receiptNotFound: string;
  closed: string;
  notFound: string;
  conflict: string;
  inviteUsed: string;
  noAnswers: string;
  failed: string;
  unsubscribeTitle: string;
  unsubscribeIntro: string;
  unsubscribeButton: string;
  unsubscribed: string;
  unsubscribeNotFound: string;
  /** The ledger step (instrument 2026.2 on). */
  ledgerTitle: string;
  ledgerNote: string;
  ledgerEntry: string;
  ledgerAnother: string;
  ledgerTimeWhat: string;
  ledgerHours: string;
  ledgerWhy: string;
  ledgerWaitWhat: string;
  ledgerHeldBy: string;
  ledgerDepartments: string;
  ledgerLevels: string;
  ledgerDays: string;
  ledgerTimes: string;
  ledgerKnowledgeWhat: string;
  ledgerChecks: string;
  ledgerSop: string;
  ledgerLabel: string;
  /** Added to the privacy line when the campaign takes free-text labels. */
  ledgerLabelsRule: string;
}

const en: SurveyMessages = {
  languageName: 'English',
  title: 'Org OS readiness survey',
  skip: 'Skip to the questions',
  languages: 'Language',
  intro:
    'How ready is the way we work for AI? {count} short statements, about {minutes} minutes. Answer what you see in your own work; "Don\'t know" is always a fine answer, and you can skip any statement.',
  anonymity:
    'Anonymous: we store your answers, your position and department, the hour they arrived (not the minute) and, if you answered too fast to have read the statements, that fact; nothing else. Results are shown only for groups of at least {k} people.',
  resume: 'Your answers are kept in this browser as you go, so you can stop and come back.',
  stepOf: 'Step {n} of {total}',
  back: 'Back',
  next: 'Next',
  submit: 'Send my answers',
  segmentsTitle: 'About you',
  stepTitles: {
    roles: 'Your role',
    workflows: 'How work flows',
    knowledge: 'What people know and where it is written down',
    responsibility: 'Who answers for the results',
    governance: 'Checks and limits on AI',
    'signals-1': 'AI tools and how people use them',
    'signals-2': 'Keeping track of time, waits and knowledge',
    'signals-3': 'What has changed, and what is decided',
  },
  segmentsNote: 'Used only to compare groups of at least {k} people, never to identify you.',
  errorTitle: 'Please check your answers',
  levelMissing: 'Choose the position that fits you best.',
  departmentMissing: 'Choose your department.',
  sending: 'Sending your answers…',
  retrying: 'No connection. Your answers are safe in this browser; trying again in {s} seconds.',
  saved: 'Saved in this browser.',
  thanks: 'Thank you. Your answers were received.',
  receiptLabel: 'Your receipt code',
  withdrawHow:
    'Keep this code if you may want to withdraw your answers later: open {url} and enter it. Nobody else can link the code to you.',
  withdrawUntil: 'You can withdraw them until the campaign closes.',
  withdrawUntilDate: 'You can withdraw them until the campaign closes on {date}.',
  withdrawFinal: 'The campaign has closed and its results are final, so answers can no longer be withdrawn.',
  withdraw: 'Withdraw my answers',
  withdrawConfirm:
    'Withdraw the answers of this receipt? They will no longer count, and this cannot be undone. Choose the button again to confirm.',
  withdrawConfirmButton: 'Yes, withdraw them',
  withdrawAsk: 'Withdraw the answers of this receipt? They will no longer count, and this cannot be undone.',
  answeredHere: 'Answers to this survey were already sent from this browser.',
  answeredHereNote:
    'Their receipt code was shown once, when they were sent, and is not shown again. To withdraw them, enter that code at {url}.',
  anotherPerson: 'Answer as another person',
  draftSave: 'Continue on another device',
  draftSaved:
    'Your answers so far are saved. To continue on another device, open this survey there and enter the code below. Write it down: it is shown only once, and works until {date}.',
  draftRestoreTitle: 'Continue with answers saved on another device',
  draftCodeLabel: 'Code (26 letters and digits)',
  draftRestore: 'Continue',
  draftRestored: 'Your saved answers are back. Check them, then send when you are done.',
  draftNotFound:
    'No saved answers under this code. It may be mistyped or expired (codes work for 7 days, or until the survey closes), or its answers were already sent.',
  draftInvalid: 'That is not a code: a code has 26 letters and digits, in groups of four.',
  draftTooMany: 'Too many wrong codes from this device. Wait a few minutes, then try again.',
  withdrawn: 'Your answers were withdrawn and will no longer count.',
  withdrawTitle: 'Withdraw your answers',
  withdrawIntro: 'Enter the receipt code you were shown after answering.',
  receiptNotFound: 'No answers were found for this receipt code. They may have been withdrawn already.',
  closed: 'This survey is closed and no longer takes answers.',
  notFound: 'This survey link is not valid. Please check the link you were sent.',
  conflict:
    'These answers were already sent once, with different content; the first version counts. To change it, withdraw it with your receipt code and answer again.',
  inviteUsed: 'This personal invitation has already been used to answer. Thank you!',
  noAnswers: 'Answer at least one statement before sending.',
  failed: 'Something went wrong. Your answers are safe in this browser; please try again.',
  unsubscribeTitle: 'Reminders for this survey',
  unsubscribeIntro: 'Stop the reminders for this survey? Your invitation link keeps working until the survey closes.',
  unsubscribeButton: 'Send no more reminders',
  unsubscribed: 'Done: you will get no more reminders about this survey.',
  unsubscribeNotFound: 'This link is not valid.',
  ledgerTitle: 'Where your time goes and where your work waits',
  ledgerNote:
    'Optional: skip any part of this step, or all of it. Add up to three entries per question, from the lists only: no names of people.',
  ledgerEntry: 'Entry {n}',
  ledgerAnother: 'Add entry {n}',
  ledgerTimeWhat: 'Kind of work',
  ledgerHours: 'Hours a week',
  ledgerWhy: 'Why it falls to you (optional)',
  ledgerWaitWhat: 'What you wait on',
  ledgerHeldBy: 'Who holds it',
  ledgerDepartments: 'A department',
  ledgerLevels: 'A level',
  ledgerDays: 'Typical wait, in working days',
  ledgerTimes: 'Times a month',
  ledgerKnowledgeWhat: 'Judgment you check',
  ledgerChecks: 'Times a week',
  ledgerSop: 'Is there a written procedure? (optional)',
  ledgerLabel: 'Short label, no names (optional)',
  ledgerLabelsRule:
    'Short labels lose any e-mail address, phone number or link, are shown only in groups of at least {n} people and never by department, and are deleted {days} days after the survey closes.',
};

const zh: SurveyMessages = {
  languageName: '中文',
  title: 'Org OS 就绪度调查',
  skip: '跳到问题',
  languages: '语言',
  intro:
    '我们的工作方式为AI准备好了吗？共{count}条简短陈述，约{minutes}分钟。请按你在工作中看到的情况回答；可以答“不知道”，任何一条都可跳过。',
  anonymity:
    '匿名：我们只保存你的回答、职位和部门、提交时间（只到小时），以及你是否答得太快、来不及读完陈述。结果只按至少{k}人的群体显示。',
  resume: '你的回答会随时保存在本浏览器中，可以中途停下、稍后继续。',
  stepOf: '第 {n} 步，共 {total} 步',
  back: '上一步',
  next: '下一步',
  submit: '提交我的回答',
  segmentsTitle: '关于你',
  stepTitles: {
    roles: '你的岗位',
    workflows: '工作怎样流转',
    knowledge: '大家知道什么，写下来了吗',
    responsibility: '谁对结果负责',
    governance: '对AI的检查和限制',
    'signals-1': 'AI工具及使用情况',
    'signals-2': '对时间、等待和知识的记录',
    'signals-3': '有何改变，做了哪些决定',
  },
  segmentsNote: '仅用于比较至少{k}人的群体，绝不用于识别你。',
  errorTitle: '请检查你的回答',
  levelMissing: '请选择最符合你的职位。',
  departmentMissing: '请选择你的部门。',
  sending: '正在提交你的回答…',
  retrying: '没有网络连接。你的回答已安全保存在本浏览器中；{s} 秒后重试。',
  saved: '已保存在本浏览器中。',
  thanks: '谢谢。你的回答已收到。',
  receiptLabel: '你的回执码',
  withdrawHow: '如果以后可能要撤回回答，请保存此回执码：打开 {url} 并输入它。其他人无法把这个码和你对应起来。',
  withdrawUntil: '在调查结束之前都可以撤回。',
  withdrawUntilDate: '在调查结束（{date}）之前都可以撤回。',
  withdrawFinal: '调查已结束，结果已经确定，回答不能再撤回。',
  withdraw: '撤回我的回答',
  withdrawConfirm: '确定撤回这张回执对应的回答吗？撤回后不再计入结果，且无法恢复。请再次点击按钮确认。',
  withdrawConfirmButton: '确定撤回',
  withdrawAsk: '确定撤回这张回执对应的回答吗？撤回后不再计入结果，且无法恢复。',
  answeredHere: '这个浏览器已经提交过这份调查的回答。',
  answeredHereNote: '回执码只在提交时显示一次，不会再次显示。如需撤回，请在 {url} 输入该回执码。',
  anotherPerson: '以另一个人的身份作答',
  draftSave: '在另一台设备上继续',
  draftSaved:
    '你目前的回答已保存。要在另一台设备上继续，请在那里打开本调查并输入下面的代码。请记下它：它只显示这一次，有效期到 {date}。',
  draftRestoreTitle: '继续在另一台设备上保存的回答',
  draftCodeLabel: '代码（26 个字母和数字）',
  draftRestore: '继续',
  draftRestored: '你保存的回答已恢复。请检查一遍，完成后提交。',
  draftNotFound:
    '这个代码下没有保存的回答。可能输错了或已过期（代码有效 7 天，或到调查结束为止），也可能这些回答已经提交。',
  draftInvalid: '这不是有效的代码：代码由 26 个字母和数字组成，每四个一组。',
  draftTooMany: '这台设备输错代码的次数太多。请等几分钟再试。',
  withdrawn: '你的回答已撤回，不再计入结果。',
  withdrawTitle: '撤回你的回答',
  withdrawIntro: '请输入回答后显示给你的回执码。',
  receiptNotFound: '没有找到与此回执码对应的回答，可能已经撤回。',
  closed: '本调查已结束，不再接收回答。',
  notFound: '此调查链接无效，请检查你收到的链接。',
  conflict: '这份回答此前已以不同内容提交过一次，以第一次为准。如需修改，请用回执码撤回后重新作答。',
  inviteUsed: '这个个人邀请链接已经用于提交回答。谢谢！',
  noAnswers: '提交前请至少回答一条陈述。',
  failed: '出了点问题。你的回答已安全保存在本浏览器中，请再试一次。',
  unsubscribeTitle: '本调查的提醒',
  unsubscribeIntro: '不再接收本调查的提醒？在调查结束之前，你的邀请链接仍然有效。',
  unsubscribeButton: '不再发送提醒',
  unsubscribed: '已完成：你不会再收到本调查的提醒。',
  unsubscribeNotFound: '此链接无效。',
  ledgerTitle: '你的时间花在哪里，工作卡在哪里',
  ledgerNote:
    '选填：这一步的任何部分都可以跳过，也可以整步跳过。每个问题最多填三条，只从列表中选择，不写任何人的名字。',
  ledgerEntry: '第 {n} 条',
  ledgerAnother: '添加第 {n} 条',
  ledgerTimeWhat: '工作类型',
  ledgerHours: '每周小时数',
  ledgerWhy: '为何由你来做（选填）',
  ledgerWaitWhat: '在等什么',
  ledgerHeldBy: '卡在谁那里',
  ledgerDepartments: '某个部门',
  ledgerLevels: '某个层级',
  ledgerDays: '通常等几个工作日',
  ledgerTimes: '每月次数',
  ledgerKnowledgeWhat: '需要确认的判断',
  ledgerChecks: '每周次数',
  ledgerSop: '有书面流程吗？（选填）',
  ledgerLabel: '简短说明，不写名字（选填）',
  ledgerLabelsRule:
    '简短说明中的邮箱、电话号码和链接会被删除；说明只在至少{n}人的群体中显示，绝不按部门显示，并在调查结束{days}天后删除。',
};

const de: SurveyMessages = {
  languageName: 'Deutsch',
  title: 'Org-OS-Bereitschaftsumfrage',
  skip: 'Zu den Fragen springen',
  languages: 'Sprache',
  intro:
    'Wie bereit ist unsere Arbeitsweise für KI? {count} kurze Aussagen, etwa {minutes} Minuten. Antworten Sie aus Ihrer eigenen Arbeit heraus; „Weiß nicht“ ist immer in Ordnung, und jede Aussage lässt sich überspringen.',
  anonymity:
    'Anonym: Wir speichern Ihre Antworten, Ihre Position und Abteilung, die Stunde des Eingangs (nicht die Minute) und ob Sie zu schnell geantwortet haben, um die Aussagen zu lesen; sonst nichts. Ergebnisse werden nur für Gruppen ab {k} Personen gezeigt.',
  resume:
    'Ihre Antworten werden laufend in diesem Browser gespeichert, Sie können also unterbrechen und später weitermachen.',
  stepOf: 'Schritt {n} von {total}',
  back: 'Zurück',
  next: 'Weiter',
  submit: 'Antworten senden',
  segmentsTitle: 'Zu Ihrer Person',
  stepTitles: {
    roles: 'Ihre Rolle',
    workflows: 'Wie die Arbeit läuft',
    knowledge: 'Wissen und wo es steht',
    responsibility: 'Wer für die Ergebnisse geradesteht',
    governance: 'Prüfungen und Grenzen für KI',
    'signals-1': 'KI-Werkzeuge und wie sie genutzt werden',
    'signals-2': 'Überblick über Zeit, Wartezeiten und Wissen',
    'signals-3': 'Was sich geändert hat und was entschieden ist',
  },
  segmentsNote: 'Nur für den Vergleich von Gruppen ab {k} Personen, nie um Sie zu erkennen.',
  errorTitle: 'Bitte prüfen Sie Ihre Antworten',
  levelMissing: 'Wählen Sie die Position, die am besten passt.',
  departmentMissing: 'Wählen Sie Ihre Abteilung.',
  sending: 'Ihre Antworten werden gesendet…',
  retrying: 'Keine Verbindung. Ihre Antworten sind in diesem Browser sicher; neuer Versuch in {s} Sekunden.',
  saved: 'In diesem Browser gespeichert.',
  thanks: 'Danke. Ihre Antworten sind angekommen.',
  receiptLabel: 'Ihr Belegcode',
  withdrawHow:
    'Bewahren Sie diesen Code auf, falls Sie Ihre Antworten später zurückziehen möchten: Öffnen Sie {url} und geben Sie ihn ein. Niemand sonst kann den Code Ihnen zuordnen.',
  withdrawUntil: 'Zurückziehen können Sie sie, bis die Umfrage endet.',
  withdrawUntilDate: 'Zurückziehen können Sie sie, bis die Umfrage am {date} endet.',
  withdrawFinal:
    'Die Umfrage ist beendet und ihre Ergebnisse stehen fest; Antworten können nicht mehr zurückgezogen werden.',
  withdraw: 'Antworten zurückziehen',
  withdrawConfirm:
    'Die Antworten zu diesem Beleg zurückziehen? Sie zählen dann nicht mehr, und das lässt sich nicht rückgängig machen. Wählen Sie die Schaltfläche noch einmal, um es zu bestätigen.',
  withdrawConfirmButton: 'Ja, zurückziehen',
  withdrawAsk:
    'Die Antworten zu diesem Beleg zurückziehen? Sie zählen dann nicht mehr, und das lässt sich nicht rückgängig machen.',
  answeredHere: 'Aus diesem Browser wurden bereits Antworten zu dieser Umfrage gesendet.',
  answeredHereNote:
    'Ihr Belegcode wurde einmal beim Senden angezeigt und wird nicht noch einmal gezeigt. Zum Zurückziehen geben Sie ihn unter {url} ein.',
  anotherPerson: 'Als andere Person antworten',
  draftSave: 'Auf einem anderen Gerät weitermachen',
  draftSaved:
    'Ihre bisherigen Antworten sind gespeichert. Um auf einem anderen Gerät weiterzumachen, öffnen Sie die Umfrage dort und geben Sie den Code unten ein. Schreiben Sie ihn auf: Er wird nur einmal angezeigt und gilt bis {date}.',
  draftRestoreTitle: 'Mit Antworten weitermachen, die auf einem anderen Gerät gespeichert wurden',
  draftCodeLabel: 'Code (26 Buchstaben und Ziffern)',
  draftRestore: 'Weiter',
  draftRestored: 'Ihre gespeicherten Antworten sind wieder da. Prüfen Sie sie und senden Sie ab, wenn Sie fertig sind.',
  draftNotFound:
    'Unter diesem Code sind keine Antworten gespeichert. Er ist vielleicht vertippt oder abgelaufen (Codes gelten 7 Tage oder bis die Umfrage endet), oder die Antworten wurden schon gesendet.',
  draftInvalid: 'Das ist kein Code: Ein Code hat 26 Buchstaben und Ziffern in Vierergruppen.',
  draftTooMany:
    'Zu viele falsche Codes von diesem Gerät. Warten Sie ein paar Minuten und versuchen Sie es dann erneut.',
  withdrawn: 'Ihre Antworten wurden zurückgezogen und zählen nicht mehr.',
  withdrawTitle: 'Antworten zurückziehen',
  withdrawIntro: 'Geben Sie den Belegcode ein, der Ihnen nach dem Antworten gezeigt wurde.',
  receiptNotFound: 'Zu diesem Belegcode wurden keine Antworten gefunden. Vielleicht wurden sie schon zurückgezogen.',
  closed: 'Diese Umfrage ist geschlossen und nimmt keine Antworten mehr an.',
  notFound: 'Dieser Umfragelink ist ungültig. Bitte prüfen Sie den Link, den Sie erhalten haben.',
  conflict:
    'Diese Antworten wurden schon einmal mit anderem Inhalt gesendet; es zählt die erste Fassung. Um sie zu ändern, ziehen Sie sie mit Ihrem Belegcode zurück und antworten Sie neu.',
  inviteUsed: 'Diese persönliche Einladung wurde bereits für eine Antwort benutzt. Danke!',
  noAnswers: 'Beantworten Sie vor dem Senden mindestens eine Aussage.',
  failed: 'Etwas ist schiefgegangen. Ihre Antworten sind in diesem Browser sicher; bitte versuchen Sie es erneut.',
  unsubscribeTitle: 'Erinnerungen zu dieser Umfrage',
  unsubscribeIntro:
    'Keine Erinnerungen mehr zu dieser Umfrage? Ihr Einladungslink funktioniert weiter, bis die Umfrage endet.',
  unsubscribeButton: 'Keine Erinnerungen mehr senden',
  unsubscribed: 'Erledigt: Sie erhalten keine Erinnerungen mehr zu dieser Umfrage.',
  unsubscribeNotFound: 'Dieser Link ist ungültig.',
  ledgerTitle: 'Wohin Ihre Zeit geht und wo Ihre Arbeit wartet',
  ledgerNote:
    'Freiwillig: Überspringen Sie einzelne Teile oder den ganzen Schritt. Bis zu drei Einträge pro Frage, nur aus den Listen: keine Namen von Personen.',
  ledgerEntry: 'Eintrag {n}',
  ledgerAnother: 'Eintrag {n} hinzufügen',
  ledgerTimeWhat: 'Art der Arbeit',
  ledgerHours: 'Stunden pro Woche',
  ledgerWhy: 'Warum sie bei Ihnen liegt (freiwillig)',
  ledgerWaitWhat: 'Worauf Sie warten',
  ledgerHeldBy: 'Bei wem es liegt',
  ledgerDepartments: 'Eine Abteilung',
  ledgerLevels: 'Eine Ebene',
  ledgerDays: 'Übliche Wartezeit in Arbeitstagen',
  ledgerTimes: 'Mal pro Monat',
  ledgerKnowledgeWhat: 'Einschätzung, die Sie abklären',
  ledgerChecks: 'Mal pro Woche',
  ledgerSop: 'Gibt es ein schriftliches Verfahren? (freiwillig)',
  ledgerLabel: 'Kurze Bezeichnung, keine Namen (freiwillig)',
  ledgerLabelsRule:
    'Kurze Bezeichnungen verlieren E-Mail-Adressen, Telefonnummern und Links, werden nur in Gruppen ab {n} Personen und nie nach Abteilung gezeigt und {days} Tage nach dem Ende der Umfrage gelöscht.',
};

const MESSAGES: Record<Language, SurveyMessages> = { en, zh, de };

export function surveyMessages(lang: Language): SurveyMessages {
  return MESSAGES[lang] ?? en;
}

/** Scripts written right to left; none of the shipped languages is, but an added one may be. */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);
export const textDirection = (lang: string): 'ltr' | 'rtl' => (RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr');

const LOCALES: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN', de: 'de-DE' };

/** A date and time in UTC, written the way the language writes dates (survey pages and mails alike). */
export function formatDateTime(iso: string, lang: Language): string {
  const format = new Intl.DateTimeFormat(LOCALES[lang] ?? 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${format.format(new Date(iso))} UTC`;
}

export function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang] ?? 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** How long a response may be withdrawn: until the campaign closes, with its closing time when one is set. */
export function withdrawUntilText(m: SurveyMessages, closesAt: string | null | undefined, lang: Language): string {
  return closesAt ? fill(m.withdrawUntilDate, { date: formatDateTime(closesAt, lang) }) : m.withdrawUntil;
}

/** Replaces {name} placeholders; the values are inserted as given (escape the result, not the values). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
