// The survey as plain server-rendered HTML: a complete form that works without JavaScript. survey.ts, when it runs,
// turns the same markup into one step at a time; it reads its wording from the data-* attributes written here, so the
// script carries no text of its own and stays small.

import {
  type ChoiceSignalItem,
  DONT_KNOW,
  type Instrument,
  type Item,
  type Language,
  LIKERT_MAX,
  LIKERT_MIN,
  type LikertItem,
  type Signal,
} from '../../shared/instrument';
import { labelMinimum, type ResolvedLedgerDesign } from '../../shared/ledger';
import { LEDGER_FIELD } from '../../shared/ledger/ledger-fields';
import type { Answers } from '../../shared/response';
import { esc } from '../html';
import {
  fill,
  formatDateTime,
  type SurveyMessages,
  surveyMessages,
  textDirection,
  withdrawUntilText,
} from './messages';
import { ledgerStep } from './render-ledger';

export interface SurveyCampaign {
  name: string;
  departments: readonly string[];
  minGroupSize?: number;
  /** Answers can be withdrawn until the campaign closes: the closing time is shown when known. */
  closesAt?: string | null;
  /** When the campaign takes free-text ledger labels: how long they are kept after the close (the privacy line). */
  ledger?: { labels?: { keepDays: number } };
}

export interface FieldError {
  /** An item id, "level" or "department" (as the API's problem details name them). */
  field: string;
  message: string;
}

export interface SurveyPageInput {
  instrument: Instrument;
  campaign: SurveyCampaign;
  lang: Language;
  token: string;
  /** Languages offered in the switcher; defaults to the instrument's. */
  languages?: readonly Language[];
  /** Kept in a hidden field so a double-clicked or re-sent plain form post counts once. */
  responseId?: string;
  /** Epoch milliseconds of the first view, kept in a hidden field to report the time taken. */
  startedAt?: number;
  /** Answers to show as chosen (after a failed plain post); `ledger`: the ledger step's raw field values. */
  values?: {
    answers?: Answers;
    level?: string | null;
    department?: string | null;
    ledger?: Record<string, string | undefined>;
  };
  /** The ledger step as the campaign asks it (shared/ledger ledgerDesignFor); absent or null: no ledger step. */
  ledger?: ResolvedLedgerDesign | null;
  errors?: FieldError[];
  /**
   * Resume on another device: `saved` the code just made (shown once) and when it lapses; `code` the draft these
   * answers belong to (sent along, so the draft is deleted once they are counted); `restored` they came from a code;
   * `problem` what went wrong with a typed code.
   */
  draft?: {
    saved?: { code: string; expiresAt: string };
    code?: string;
    restored?: boolean;
    problem?: 'not_found' | 'invalid' | 'too_many' | 'failed';
  };
  /** Where a receipt is entered later, best as a full address a respondent can write down. */
  withdrawUrl?: string;
}

const WITHDRAW_PATH = '/s/withdraw';

export interface SurveyStep {
  id: string;
  title: string;
  items: Item[];
}

/** Context signals are grouped into a few steps so the survey is not one long page of signals. */
const SIGNAL_STEPS: Signal[][] = [
  ['investment', 'activity'],
  ['time_ledger', 'waiting_ledger', 'knowledge_ledger'],
  ['operating_impact', 'human_safeguards', 'capacity_decision'],
];

/** Layer steps in the instrument's order, then signal steps; segment questions come after these, last. */
export function surveySteps(instrument: Instrument, lang: Language): SurveyStep[] {
  const layerSteps = new Map<string, SurveyStep>();
  const titles: Record<string, string> = surveyMessages(lang).stepTitles;
  const signalSteps: SurveyStep[] = SIGNAL_STEPS.map((_, i) => ({
    id: `signals-${i + 1}`,
    title: titles[`signals-${i + 1}`]!,
    items: [],
  }));
  const lastSignalStep = signalSteps[signalSteps.length - 1]!;
  for (const item of instrument.items) {
    if ('layer' in item) {
      let step = layerSteps.get(item.layer);
      if (!step) {
        step = { id: item.layer, title: titles[item.layer] ?? instrument.layers[item.layer].name[lang], items: [] };
        layerSteps.set(item.layer, step);
      }
      step.items.push(item);
    } else {
      const index = SIGNAL_STEPS.findIndex((group) => group.includes(item.signal));
      (index >= 0 ? signalSteps[index]! : lastSignalStep).items.push(item);
    }
  }
  return [...layerSteps.values(), ...signalSteps.filter((s) => s.items.length > 0)];
}

interface PageShell {
  lang: Language;
  title: string;
  body: string;
  /** Adds the survey script; other pages of this family work without it. */
  script?: boolean;
  languages?: { lang: Language; href: string; name: string }[];
  skipTarget?: string;
  skipText?: string;
}

function shell(p: PageShell): string {
  const nav = p.languages?.length
    ? `<nav class="langs" aria-label="${esc(surveyMessages(p.lang).languages)}"><ul>${p.languages
        .map(
          (l) =>
            `<li><a href="${esc(l.href)}" hreflang="${l.lang}" lang="${l.lang}"${l.lang === p.lang ? ' aria-current="page"' : ''}>${esc(l.name)}</a></li>`,
        )
        .join('')}</ul></nav>`
    : '';
  const skip = p.skipTarget ? `<a class="skip" href="#${p.skipTarget}">${esc(p.skipText)}</a>` : '';
  return `<!doctype html><html lang="${p.lang}" dir="${textDirection(p.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(p.title)}</title><link rel="icon" href="/assets/favicon.svg"><link rel="stylesheet" href="/assets/orgos.css">${p.script ? '<script type="module" src="/assets/survey.js"></script>' : ''}</head><body>${skip}<header class="top"><span class="brand">Org OS</span>${nav}</header><main id="main">${p.body}</main></body></html>`;
}

function languageLinks(input: { lang: Language; languages: readonly Language[]; path: string }) {
  return input.languages.map((l) => ({
    lang: l,
    href: `${input.path}?lang=${l}`,
    name: surveyMessages(l).languageName,
  }));
}

const fieldId = (field: string) => `f-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function errorMessage(errors: FieldError[], field: string): string {
  const own = errors.filter((e) => e.field === field);
  if (own.length === 0) return '';
  return `<p class="err" id="e-${esc(fieldId(field).slice(2))}">${own.map((e) => esc(e.message)).join(' ')}</p>`;
}

function describedBy(errors: FieldError[], field: string): string {
  return errors.some((e) => e.field === field) ? ` aria-describedby="e-${esc(fieldId(field).slice(2))}"` : '';
}

function radio(name: string, value: string, label: string, checked: boolean, required = false): string {
  return `<label><input type="radio" name="${esc(name)}" value="${esc(value)}"${checked ? ' checked' : ''}${required ? ' required' : ''}><span>${esc(label)}</span></label>`;
}

function likertQuestion(item: LikertItem, instrument: Instrument, lang: Language, p: QuestionState): string {
  const chosen = p.answers[item.id];
  const labels = instrument.likertLabels;
  let options = '';
  for (let v = LIKERT_MIN; v <= LIKERT_MAX; v++) {
    options += radio(item.id, String(v), labels[v as 1 | 2 | 3 | 4 | 5][lang], chosen === v || chosen === String(v));
  }
  options += `<span class="dk">${radio(item.id, DONT_KNOW, labels.dk[lang], chosen === DONT_KNOW)}</span>`;
  return question(item, lang, `<div class="opts likert">${options}</div>`, p.errors);
}

function choiceQuestion(item: ChoiceSignalItem, lang: Language, p: QuestionState): string {
  const chosen = p.answers[item.id];
  // No separate "don't know" here: the instrument's own "nothing decided, or I have not been told" option is it, and
  // the API accepts only option ids for choice items.
  const options = item.options.map((o) => radio(item.id, o.id, o.label[lang], chosen === o.id)).join('');
  return question(item, lang, `<div class="opts">${options}</div>`, p.errors);
}

function question(item: Item, lang: Language, options: string, errors: FieldError[]): string {
  const help = item.help ? `<p class="help">${esc(item.help[lang])}</p>` : '';
  return `<fieldset class="q" id="${fieldId(item.id)}"${describedBy(errors, item.id)}><legend>${esc(item.text[lang])}</legend>${help}${errorMessage(errors, item.id)}${options}</fieldset>`;
}

interface QuestionState {
  answers: Answers;
  errors: FieldError[];
}

/**
 * The time the intro promises, per statement and language: the measured medians of METHOD.md §2 (one entry per ledger
 * question, 20 runs each: 7:34 in English, 8:39 in German, 8:30 in Chinese over 39 statements), so the promise is the
 * one measured.
 */
const SECONDS_PER_STATEMENT: Record<Language, number> = { en: 12, de: 13, zh: 13 };

/** The survey page: every step rendered as a section of one form that posts to the page itself. */
export function renderSurveyPage(input: SurveyPageInput): string {
  const { instrument, campaign, lang, token } = input;
  const m = surveyMessages(lang);
  const errors = input.errors ?? [];
  const state: QuestionState = { answers: input.values?.answers ?? {}, errors };
  const k = campaign.minGroupSize ?? 5;
  const steps = surveySteps(instrument, lang);
  const ledger = input.ledger && instrument.ledger ? input.ledger : null;
  const total = steps.length + 1 + (ledger ? 1 : 0);
  const path = `/s/${encodeURIComponent(token)}`;
  const count = instrument.items.length;

  const sections = steps.map((step, i) => {
    const questions = step.items
      .map((item) =>
        item.type === 'choice' ? choiceQuestion(item, lang, state) : likertQuestion(item, instrument, lang, state),
      )
      .join('');
    return section(i + 1, step.title, questions);
  });
  // After the layers and signals, before the questions about the respondent: optional, skippable whole and per entry.
  if (ledger) {
    const step = ledgerStep({ instrument, design: ledger, lang, m, values: input.values?.ledger ?? {}, errors });
    sections.push(section(sections.length + 1, m.ledgerTitle, step));
  }
  sections.push(section(total, m.segmentsTitle, segmentQuestions(input, m, k)));

  const known = new Set(['level', 'department', ...instrument.items.map((i) => i.id)]);
  const errorList = errors.length
    ? `<h2>${esc(m.errorTitle)}</h2><ul>${errors
        .map((e) =>
          known.has(e.field) || LEDGER_FIELD.test(e.field)
            ? `<li><a href="#${esc(fieldId(e.field))}">${esc(e.message)}</a></li>`
            : `<li>${esc(e.message)}</li>`,
        )
        .join('')}</ul>`
    : '';
  const data = {
    token,
    lang,
    step: m.stepOf,
    sending: m.sending,
    retry: m.retrying,
    saved: m.saved,
    level: m.levelMissing,
    dept: m.departmentMissing,
    none: m.noAnswers,
    closed: m.closed,
    conflict: m.conflict,
    failed: m.failed,
    gone: m.receiptNotFound,
    withdrawn: m.withdrawn,
    used: m.inviteUsed,
    final: m.withdrawFinal,
    wask: m.withdrawConfirm,
    wsure: m.withdrawConfirmButton,
  };
  const dataAttrs = Object.entries(data)
    .map(([key, value]) => ` data-${key}="${esc(value)}"`)
    .join('');

  const body = `<h1>${esc(m.title)}</h1><p class="campaign">${esc(campaign.name)}</p><div id="intro"><p>${esc(
    fill(m.intro, { count, minutes: Math.max(3, Math.round((count * SECONDS_PER_STATEMENT[lang]) / 60)) }),
  )}</p><p class="note">${esc(fill(m.anonymity, { k }))}${
    ledger?.labels && campaign.ledger?.labels
      ? ` ${esc(fill(m.ledgerLabelsRule, { n: labelMinimum(k), days: campaign.ledger.labels.keepDays }))}`
      : ''
  }</p><p class="note" id="resume" hidden>${esc(m.resume)}</p>${draftNotice(input, m)}</div><div id="errors" class="errors" role="alert" tabindex="-1"${
    errors.length ? '' : ' hidden'
  }>${errorList}</div><div class="progress" id="progress" hidden><label for="bar" id="bar-label">${esc(
    fill(m.stepOf, { n: 1, total }),
  )}</label><progress id="bar" max="${total}" value="1"></progress></div><form id="q" class="survey" method="post" autocomplete="off" action="${esc(
    path,
  )}"${dataAttrs}><input type="hidden" name="lang" value="${lang}">${
    input.responseId ? `<input type="hidden" name="responseId" value="${esc(input.responseId)}">` : ''
  }${input.startedAt !== undefined ? `<input type="hidden" name="startedAt" value="${esc(input.startedAt)}">` : ''}${
    input.draft?.code ? `<input type="hidden" name="draftCode" value="${esc(input.draft.code)}">` : ''
  }${sections.join('')}<div class="nav"><button type="button" id="back" class="secondary" hidden>${esc(
    m.back,
  )}</button><button type="button" id="next" hidden>${esc(m.next)}</button><button type="submit" id="send">${esc(
    m.submit,
  )}</button></div><p class="draft-save"><button type="submit" class="secondary" id="save-draft" name="action" value="draft" formnovalidate>${esc(
    m.draftSave,
  )}</button></p><p id="status" class="status" role="status"></p></form>${restoreForm(path, lang, m, input.draft?.problem)}${doneSection(m, input.withdrawUrl ?? WITHDRAW_PATH, withdrawUntilText(m, campaign.closesAt, lang), anotherForm(path, lang, m))}`;

  return shell({
    lang,
    title: `${campaign.name} – ${m.title}`,
    body,
    script: true,
    languages: languageLinks({ lang, languages: input.languages ?? instrument.languages, path }),
    skipTarget: 'q',
    skipText: m.skip,
  });
}

function section(n: number, title: string, content: string): string {
  return `<section class="step" id="s${n}" aria-labelledby="s${n}h"><h2 id="s${n}h" tabindex="-1">${esc(title)}</h2>${content}</section>`;
}

function segmentQuestions(input: SurveyPageInput, m: SurveyMessages, k: number): string {
  const { instrument, lang, campaign } = input;
  const errors = input.errors ?? [];
  const level = input.values?.level ?? null;
  const department = input.values?.department ?? null;
  const levelQ = instrument.segments.level;
  let html = `<p class="note">${esc(fill(m.segmentsNote, { k }))}</p>`;
  html += `<fieldset class="q" id="f-level"${describedBy(errors, 'level')}><legend>${esc(levelQ.text[lang])}</legend>${errorMessage(
    errors,
    'level',
  )}<div class="opts">${levelQ.options.map((o) => radio('level', o.id, o.label[lang], level === o.id, true)).join('')}</div></fieldset>`;
  if (campaign.departments.length > 0) {
    const text = esc(instrument.segments.department.text[lang]);
    if (campaign.departments.length <= 8) {
      html += `<fieldset class="q" id="f-department"${describedBy(errors, 'department')}><legend>${text}</legend>${errorMessage(
        errors,
        'department',
      )}<div class="opts">${campaign.departments
        .map((d) => radio('department', d, d, department === d, true))
        .join('')}</div></fieldset>`;
    } else {
      // A long list reads better as a select than as a page of radio buttons.
      html += `<div class="q" id="f-department"><label for="department">${text}</label>${errorMessage(
        errors,
        'department',
      )}<select id="department" name="department" required${describedBy(errors, 'department')}><option value=""></option>${campaign.departments
        .map((d) => `<option value="${esc(d)}"${department === d ? ' selected' : ''}>${esc(d)}</option>`)
        .join('')}</select></div>`;
    }
  }
  return html;
}

/** The withdrawal text with its address as a link (the text is escaped around it). */
function withdrawHow(m: SurveyMessages, url: string): string {
  const [before = '', after = ''] = m.withdrawHow.split('{url}');
  return `${esc(before)}<a href="${esc(url)}">${esc(url)}</a>${esc(after)}`;
}

function doneSection(m: SurveyMessages, withdrawUrl: string, until: string, another: string): string {
  // #answered replaces the receipt line on a later visit: the code is shown once, when the answers are sent.
  return `<section id="done" class="done" hidden aria-labelledby="done-h"><h2 id="done-h" tabindex="-1">${esc(
    m.thanks,
  )}</h2><p id="receipt-line">${esc(m.receiptLabel)}: <code id="receipt" class="receipt"></code></p><p id="answered" hidden>${esc(
    m.answeredHere,
  )}</p><p>${withdrawHow(m, withdrawUrl)} <span class="until">${esc(until)}</span></p><button type="button" id="withdraw" class="secondary">${esc(m.withdraw)}</button><p id="wstatus" class="status" role="status"></p>${another}</section>`;
}

/** Starts a fresh answer on this browser (a shared device): the server gives it a new response id. */
/** The code just saved (shown once, grouped, easy to copy), or that saved answers came back. */
function draftNotice(input: SurveyPageInput, m: SurveyMessages): string {
  const saved = input.draft?.saved;
  if (saved) {
    return `<div class="draft-code" id="draft-saved" role="status"><p>${esc(
      fill(m.draftSaved, { date: formatDateTime(saved.expiresAt, input.lang) }),
    )}</p><p><output id="draft-code" class="code" translate="no">${esc(saved.code)}</output></p></div>`;
  }
  return input.draft?.restored ? `<p class="note" id="draft-restored" role="status">${esc(m.draftRestored)}</p>` : '';
}

/** A code typed here brings answers saved on another device back (a plain form post, with or without the script). */
function restoreForm(path: string, lang: Language, m: SurveyMessages, problem?: string): string {
  const message =
    problem === 'not_found'
      ? m.draftNotFound
      : problem === 'invalid'
        ? m.draftInvalid
        : problem === 'too_many'
          ? m.draftTooMany
          : problem === 'failed'
            ? m.failed
            : '';
  return `<form method="post" action="${esc(`${path}/restore`)}" class="restore" id="restore"><h2>${esc(
    m.draftRestoreTitle,
  )}</h2><input type="hidden" name="lang" value="${lang}"><label for="f-code">${esc(m.draftCodeLabel)}</label>${
    message ? `<p class="error" id="code-error" role="alert">${esc(message)}</p>` : ''
  }<input id="f-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64"${
    message ? ' aria-invalid="true" aria-describedby="code-error"' : ''
  }><button type="submit" class="secondary">${esc(m.draftRestore)}</button></form>`;
}

function anotherForm(path: string, lang: Language, m: SurveyMessages): string {
  const token = decodeURIComponent(path.slice('/s/'.length));
  return `<form method="post" action="${esc(`${path}/another`)}" class="another" id="another" data-token="${esc(token)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${esc(
    m.anotherPerson,
  )}</button></form>`;
}

export interface AnsweredPageInput {
  lang: Language;
  token: string;
  campaignName?: string;
  languages?: readonly Language[];
  withdrawUrl?: string;
}

/**
 * A later visit from a browser whose answers were sent (the plain form's response id, kept in a cookie, is stored):
 * no form to answer twice, no receipt shown again, and a way for the next person on a shared device to answer.
 */
export function renderAnsweredPage(input: AnsweredPageInput): string {
  const m = surveyMessages(input.lang);
  const path = `/s/${encodeURIComponent(input.token)}`;
  const url = input.withdrawUrl ?? WITHDRAW_PATH;
  const [before = '', after = ''] = m.answeredHereNote.split('{url}');
  const body = `<h1>${esc(m.thanks)}</h1>${input.campaignName ? `<p class="campaign">${esc(input.campaignName)}</p>` : ''}<p>${esc(
    m.answeredHere,
  )}</p><p>${esc(before)}<a href="${esc(url)}">${esc(url)}</a>${esc(after)}</p>${anotherForm(path, input.lang, m)}`;
  return shell({
    lang: input.lang,
    title: m.thanks,
    body,
    // The script only clears what this device kept when the next person chooses to answer.
    script: true,
    languages: languageLinks({ lang: input.lang, languages: input.languages ?? ['en'], path }),
  });
}

/** The plain page's confirmation before a withdrawal: the receipt rides along hidden, out of sight. */
export function renderWithdrawAsk(input: { lang: Language; receipt: string }): string {
  const m = surveyMessages(input.lang);
  const body = `<h1>${esc(m.withdrawTitle)}</h1><p>${esc(m.withdrawAsk)}</p><form method="post" action="/s/withdraw" class="withdraw"><input type="hidden" name="lang" value="${input.lang}"><input type="hidden" name="receipt" value="${esc(
    input.receipt,
  )}"><input type="hidden" name="confirm" value="yes"><button type="submit">${esc(
    m.withdrawConfirmButton,
  )}</button></form>`;
  return shell({ lang: input.lang, title: m.withdrawTitle, body });
}

export interface ReceiptPageInput {
  lang: Language;
  receipt: string;
  campaignName?: string;
  /** Where a receipt is entered later, best as a full address a respondent can write down. */
  withdrawUrl?: string;
  /** The campaign's closing time, when set: withdrawals are taken until then. */
  closesAt?: string | null;
}

/** The plain-post confirmation: the receipt, how to withdraw and until when, and a button that withdraws at once. */
export function renderReceiptPage(input: ReceiptPageInput): string {
  const m = surveyMessages(input.lang);
  const body = `<h1>${esc(m.thanks)}</h1>${input.campaignName ? `<p class="campaign">${esc(input.campaignName)}</p>` : ''}<p>${esc(
    m.receiptLabel,
  )}: <code class="receipt">${esc(input.receipt)}</code></p><p>${withdrawHow(
    m,
    input.withdrawUrl ?? WITHDRAW_PATH,
  )} ${esc(withdrawUntilText(m, input.closesAt, input.lang))}</p>${withdrawForm(input.lang, m, input.receipt)}`;
  return shell({ lang: input.lang, title: m.thanks, body });
}

function withdrawForm(lang: Language, m: SurveyMessages, receipt?: string): string {
  // The receipt page's one-tap button asks first (`ask`): on a shared device the next person may be the one tapping.
  const field = receipt
    ? `<input type="hidden" name="receipt" value="${esc(receipt)}"><input type="hidden" name="ask" value="1">`
    : `<div class="q"><label for="receipt">${esc(m.receiptLabel)}</label><input id="receipt" name="receipt" required autocomplete="off" spellcheck="false"></div>`;
  return `<form method="post" action="/s/withdraw" class="withdraw"><input type="hidden" name="lang" value="${lang}">${field}<button type="submit" class="secondary">${esc(
    m.withdraw,
  )}</button></form>`;
}

export interface WithdrawPageInput {
  lang: Language;
  languages?: readonly Language[];
  result?: 'withdrawn' | 'not_found' | 'final';
}

/** Where a receipt code is entered later; also the page a withdrawal lands on. */
export function renderWithdrawPage(input: WithdrawPageInput): string {
  const m = surveyMessages(input.lang);
  let body = `<h1>${esc(m.withdrawTitle)}</h1>`;
  if (input.result === 'withdrawn') {
    body += `<p class="ok" role="status">${esc(m.withdrawn)}</p>`;
  } else if (input.result === 'final') {
    body += `<div class="errors" role="alert"><p>${esc(m.withdrawFinal)}</p></div>`;
  } else {
    if (input.result === 'not_found') body += `<div class="errors" role="alert"><p>${esc(m.receiptNotFound)}</p></div>`;
    body += `<p>${esc(m.withdrawIntro)}</p>${withdrawForm(input.lang, m)}`;
  }
  return shell({
    lang: input.lang,
    title: m.withdrawTitle,
    body,
    languages: languageLinks({
      lang: input.lang,
      languages: input.languages ?? ['en', 'zh', 'de'],
      path: '/s/withdraw',
    }),
  });
}

/** A short page for a survey link that is unknown or closed. */
export function renderSurveyNotice(input: {
  lang: Language;
  kind: 'not_found' | 'closed' | 'conflict' | 'used' | 'failed';
}): string {
  const m = surveyMessages(input.lang);
  const text = {
    closed: m.closed,
    not_found: m.notFound,
    conflict: m.conflict,
    used: m.inviteUsed,
    failed: m.failed,
  }[input.kind];
  return shell({ lang: input.lang, title: m.title, body: `<h1>${esc(m.title)}</h1><p>${esc(text)}</p>` });
}

/**
 * `/u/{token}`: stops the reminders of one invitation. The link shows a button rather than acting on the visit, so a
 * mail scanner that opens every link cannot unsubscribe anyone; mail programs use the one-click POST (RFC 8058).
 */
export function renderUnsubscribePage(input: { lang: Language; token: string; result?: 'done' | 'not_found' }): string {
  const m = surveyMessages(input.lang);
  let body = `<h1>${esc(m.unsubscribeTitle)}</h1>`;
  if (input.result === 'done') body += `<p class="ok" role="status">${esc(m.unsubscribed)}</p>`;
  else if (input.result === 'not_found')
    body += `<div class="errors" role="alert"><p>${esc(m.unsubscribeNotFound)}</p></div>`;
  else {
    body += `<p>${esc(m.unsubscribeIntro)}</p><form method="post" action="/u/${esc(input.token)}"><input type="hidden" name="lang" value="${input.lang}"><button type="submit">${esc(
      m.unsubscribeButton,
    )}</button></form>`;
  }
  return shell({ lang: input.lang, title: m.unsubscribeTitle, body });
}

/** Reads a plain form post back into answers, checking values against the instrument; unknown fields are dropped. */
export function answersFromForm(
  instrument: Instrument,
  form: Record<string, string | undefined>,
): { answers: Answers; level: string | null; department: string | null } {
  const answers: Answers = {};
  for (const item of instrument.items) {
    const raw = form[item.id];
    if (raw === undefined || raw === '') continue;
    if (item.type === 'likert') {
      if (raw === DONT_KNOW) answers[item.id] = DONT_KNOW;
      else if (/^[1-5]$/.test(raw)) answers[item.id] = Number(raw);
    } else if (item.options.some((o) => o.id === raw)) {
      answers[item.id] = raw;
    }
  }
  const level = form.level && form.level.length > 0 ? form.level : null;
  const department = form.department && form.department.length > 0 ? form.department : null;
  return { answers, level, department };
}
