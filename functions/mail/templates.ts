import type { Language } from '../../shared/instrument';
import { esc } from '../../web/html';
import { formatDate, formatDateTime } from '../../web/survey/messages';

// The three messages the lifecycle sends, in every survey language, each as plain text and HTML built from the same
// blocks so the two versions cannot say different things. None of them says anything about who answered: an
// invitation and a reminder carry the recipient's own link only, a report mail a link to the report.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type Block = { p: string } | { link: string } | { footer: string[]; url?: string };

interface SurveyMailInput {
  lang: Language;
  orgName: string;
  campaignName: string;
  surveyUrl: string;
  unsubscribeUrl: string;
  closesAt: string | null;
  minutes: number;
  sender: string;
}

interface ReportMailInput {
  lang: Language;
  orgName: string;
  campaignName: string;
  contactName: string;
  reportUrl: string;
  expiresAt: string;
  responses: number;
  sender: string;
}

interface Wording {
  invitationSubject: (org: string, campaign: string) => string;
  invitation: (org: string, campaign: string, minutes: number) => string;
  yourLink: string;
  anonymous: string;
  closes: (date: string) => string;
  reminderSubject: (campaign: string) => string;
  reminder: (org: string, campaign: string, minutes: number) => string;
  answeredElsewhere: string;
  sentBy: (sender: string, org: string) => string;
  whyInvited: (org: string) => string;
  unsubscribe: string;
  reportSubject: (campaign: string) => string;
  greeting: (name: string) => string;
  plainGreeting: string;
  reportReady: (org: string, campaign: string, n: number) => string;
  reportKey: (expires: string) => string;
  whyContact: (org: string) => string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    invitationSubject: (org) => `${org}: a short survey on how we work with AI`,
    invitation: (org, campaign, minutes) =>
      `${org} asks you to take part in “${campaign}”, a short survey on how ready the way we work is for AI. It takes about ${minutes} minutes.`,
    yourLink: 'Your personal link (it takes one answer):',
    anonymous:
      'Your answers are anonymous. The link only records that it was used; it is never connected to your answers, and results are shown only for groups of several people.',
    closes: (date) => `The survey closes on ${date}.`,
    reminderSubject: (campaign) => `Reminder: ${campaign}`,
    reminder: (org, campaign, minutes) =>
      `A reminder: ${org} would still like to hear from you in “${campaign}”, a short, anonymous survey (about ${minutes} minutes).`,
    answeredElsewhere: 'If you have already answered through another link, thank you, and please ignore this message.',
    sentBy: (sender, org) => `Sent by ${sender} on behalf of ${org}.`,
    whyInvited: (org) => `You receive this because ${org} invited you to this survey.`,
    unsubscribe: 'To get no reminders about it:',
    reportSubject: (campaign) => `${campaign}: the readiness report is ready`,
    greeting: (name) => `Hello ${name},`,
    plainGreeting: 'Hello,',
    reportReady: (org, campaign, n) =>
      `The survey “${campaign}” of ${org} has closed with ${n} ${n === 1 ? 'response' : 'responses'}. The readiness report is ready:`,
    reportKey: (expires) =>
      `The link carries a personal access key and works until ${expires}. Please do not forward it; if someone else needs the report, ask your consultant for another link.`,
    whyContact: (org) =>
      `You receive this as an executive contact of ${org}. To receive no more reports, ask your consultant to remove you from the contacts.`,
  },
  zh: {
    invitationSubject: (org) => `${org}：一份关于我们如何使用AI的简短调查`,
    invitation: (org, campaign, minutes) =>
      `${org}邀请您参加“${campaign}”——一份关于我们的工作方式是否已为AI做好准备的简短调查，大约需要${minutes}分钟。`,
    yourLink: '您的个人链接（只能提交一次回答）：',
    anonymous: '您的回答是匿名的。该链接只记录它是否已被使用，绝不会与您的回答关联；结果只按多人组成的群体显示。',
    closes: (date) => `调查将于${date}结束。`,
    reminderSubject: (campaign) => `提醒：${campaign}`,
    reminder: (org, campaign, minutes) =>
      `提醒一下：${org}仍然希望您参加“${campaign}”，这是一份简短的匿名调查（大约${minutes}分钟）。`,
    answeredElsewhere: '如果您已经通过其他链接作答，谢谢您，请忽略此邮件。',
    sentBy: (sender, org) => `由 ${sender} 代表${org}发送。`,
    whyInvited: (org) => `您收到此邮件，是因为${org}邀请您参加本次调查。`,
    unsubscribe: '如不想再收到有关提醒：',
    reportSubject: (campaign) => `${campaign}：就绪度报告已完成`,
    greeting: (name) => `${name}，您好：`,
    plainGreeting: '您好：',
    reportReady: (org, campaign, n) => `${org}的调查“${campaign}”已结束，共收到${n}份回答。就绪度报告已完成：`,
    reportKey: (expires) =>
      `该链接带有个人访问密钥，有效期至${expires}。请勿转发；如需让其他人查看报告，请向您的顾问索取新的链接。`,
    whyContact: (org) =>
      `您收到此邮件，是因为您是${org}的高管联系人。如不想再收到报告，请让您的顾问将您从联系人中移除。`,
  },
  de: {
    invitationSubject: (org) => `${org}: eine kurze Umfrage dazu, wie wir mit KI arbeiten`,
    invitation: (org, campaign, minutes) =>
      `${org} lädt Sie ein, an „${campaign}“ teilzunehmen, einer kurzen Umfrage dazu, wie bereit unsere Arbeitsweise für KI ist. Sie dauert etwa ${minutes} Minuten.`,
    yourLink: 'Ihr persönlicher Link (er nimmt eine Antwort an):',
    anonymous:
      'Ihre Antworten sind anonym. Der Link hält nur fest, dass er benutzt wurde; er wird nie mit Ihren Antworten verbunden, und Ergebnisse werden nur für Gruppen aus mehreren Personen gezeigt.',
    closes: (date) => `Die Umfrage endet am ${date}.`,
    reminderSubject: (campaign) => `Erinnerung: ${campaign}`,
    reminder: (org, campaign, minutes) =>
      `Eine Erinnerung: ${org} freut sich weiterhin über Ihre Teilnahme an „${campaign}“, einer kurzen, anonymen Umfrage (etwa ${minutes} Minuten).`,
    answeredElsewhere:
      'Falls Sie schon über einen anderen Link geantwortet haben: Danke, und bitte betrachten Sie diese Nachricht als erledigt.',
    sentBy: (sender, org) => `Gesendet von ${sender} im Auftrag von ${org}.`,
    whyInvited: (org) => `Sie erhalten diese Nachricht, weil ${org} Sie zu dieser Umfrage eingeladen hat.`,
    unsubscribe: 'Keine Erinnerungen mehr dazu:',
    reportSubject: (campaign) => `${campaign}: Der Bereitschaftsbericht liegt vor`,
    greeting: (name) => `Guten Tag ${name},`,
    plainGreeting: 'Guten Tag,',
    reportReady: (org, campaign, n) =>
      `Die Umfrage „${campaign}“ von ${org} ist mit ${n} ${n === 1 ? 'Antwort' : 'Antworten'} abgeschlossen. Der Bereitschaftsbericht liegt vor:`,
    reportKey: (expires) =>
      `Der Link enthält einen persönlichen Zugangsschlüssel und gilt bis ${expires}. Bitte leiten Sie ihn nicht weiter; wenn jemand anderes den Bericht braucht, bitten Sie Ihre Beratung um einen neuen Link.`,
    whyContact: (org) =>
      `Sie erhalten diese Nachricht als Kontakt der Geschäftsleitung von ${org}. Wenn Sie keine Berichte mehr erhalten möchten, bitten Sie Ihre Beratung, Sie aus den Kontakten zu entfernen.`,
  },
};

/** A long link breaks anywhere rather than widen the message past a 360 px phone screen. */
const LINK_STYLE = 'overflow-wrap:anywhere;word-break:break-all';

export function render(subject: string, blocks: Block[], lang: Language = 'en'): RenderedMail {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    if ('p' in block) {
      text.push(block.p);
      html.push(`<p>${esc(block.p)}</p>`);
    } else if ('link' in block) {
      // The address on a line of its own right after its label: mail programs make it clickable.
      text[text.length - 1] = `${text[text.length - 1]}\n${block.link}`;
      html.push(`<p><a href="${esc(block.link)}" style="${LINK_STYLE}">${esc(block.link)}</a></p>`);
    } else {
      const lines = [...block.footer, ...(block.url ? [block.url] : [])];
      text.push(`-- \n${lines.join('\n')}`);
      const footer = block.footer.map(esc).join('<br>');
      html.push(
        `<hr><p style="color:#555;font-size:13px">${footer}${
          block.url ? `<br><a href="${esc(block.url)}" style="${LINK_STYLE}">${esc(block.url)}</a>` : ''
        }</p>`,
      );
    }
  }
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    // `lang` picks the right fonts and line breaking for zh and de, and tells screen readers how to speak it.
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em;overflow-wrap:break-word">${html.join('')}</body></html>`,
  };
}

function surveyMail(input: SurveyMailInput, kind: 'invitation' | 'reminder'): RenderedMail {
  const w = WORDING[input.lang];
  const closes = input.closesAt ? [{ p: w.closes(formatDateTime(input.closesAt, input.lang)) }] : [];
  const footer = {
    footer: [w.sentBy(input.sender, input.orgName), w.whyInvited(input.orgName), w.unsubscribe],
    url: input.unsubscribeUrl,
  };
  if (kind === 'invitation') {
    return render(
      w.invitationSubject(input.orgName, input.campaignName),
      [
        { p: w.plainGreeting },
        { p: w.invitation(input.orgName, input.campaignName, input.minutes) },
        { p: w.yourLink },
        { link: input.surveyUrl },
        { p: w.anonymous },
        ...closes,
        footer,
      ],
      input.lang,
    );
  }
  return render(
    w.reminderSubject(input.campaignName),
    [
      { p: w.plainGreeting },
      { p: w.reminder(input.orgName, input.campaignName, input.minutes) },
      ...closes,
      { p: w.yourLink },
      { link: input.surveyUrl },
      { p: w.anonymous },
      { p: w.answeredElsewhere },
      footer,
    ],
    input.lang,
  );
}

export const invitationMail = (input: SurveyMailInput): RenderedMail => surveyMail(input, 'invitation');
export const reminderMail = (input: SurveyMailInput): RenderedMail => surveyMail(input, 'reminder');

export function reportMail(input: ReportMailInput): RenderedMail {
  const w = WORDING[input.lang];
  return render(
    w.reportSubject(input.campaignName),
    [
      { p: w.greeting(input.contactName) },
      { p: w.reportReady(input.orgName, input.campaignName, input.responses) },
      { link: input.reportUrl },
      { p: w.reportKey(formatDate(input.expiresAt, input.lang)) },
      { footer: [w.sentBy(input.sender, input.orgName), w.whyContact(input.orgName)] },
    ],
    input.lang,
  );
}
