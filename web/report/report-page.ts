// /report.html: the readiness report of one campaign, fetched with the browser's session cookie (a signed-in person,
// or a report viewer link's session) and rendered with the same pure renderer the CLI uses. A viewer link opens as
// /report.html#view=<code>: the page exchanges the code for a viewer session and replaces it in the address bar
// and history with #campaign=<id>, which names the campaign and opens nothing. No key or session is ever in a URL.

import { LANGUAGES, type Language } from '../../shared/instrument/types';
import { getSession, renderAccountBar } from '../account/session-client';
import { type ReportModel, renderReportBody } from './render-report';
import { REPORT_TEXT } from './report-messages';
import { REPORT_SENTENCES } from './report-sentences';

const main = document.getElementById('report') as HTMLElement;
const status = document.getElementById('report-status') as HTMLElement;

function say(text: string): void {
  status.textContent = text;
  status.hidden = false;
}

/** Exchanges a viewer code for a session; returns the campaign it opens, or null (and says why). */
async function openViewerLink(code: string): Promise<string | null> {
  history.replaceState(null, '', location.pathname);
  const res = await fetch('/api/v1/auth/viewer', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code }),
  }).catch(() => null);
  if (!res) {
    say('The report could not be loaded: no connection. Open the link again in a moment.');
    return null;
  }
  if (!res.ok) {
    say(
      res.status === 429
        ? 'Too many attempts from this connection: wait a few minutes.'
        : 'This report link has expired or was revoked. Ask for a new one.',
    );
    return null;
  }
  const { campaignId } = (await res.json()) as { campaignId: string };
  history.replaceState(null, '', `${location.pathname}#campaign=${encodeURIComponent(campaignId)}`);
  return campaignId;
}

const isLanguage = (v: string | null | undefined): v is Language => LANGUAGES.includes(v as Language);

/** The hash's language, else the browser's first language the report has, else English. */
function chosenLanguage(params: URLSearchParams): Language {
  const asked = params.get('lang');
  if (isLanguage(asked)) return asked;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Marks every table wider than its box with a visible cue (and the edge it scrolls under); again on resize. */
function markScrollingTables(lang: Language): void {
  for (const wrap of main.querySelectorAll<HTMLElement>('.table-wrap')) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle('scrolls', scrolls);
    const cue = wrap.previousElementSibling?.classList.contains('scroll-cue') ? wrap.previousElementSibling : null;
    if (scrolls && !cue) {
      const p = document.createElement('p');
      p.className = 'scroll-cue';
      p.textContent = REPORT_TEXT[lang].scrollCue;
      wrap.before(p);
    } else if (!scrolls && cue) cue.remove();
  }
}

let shown: { model: ReportModel; url: string; campaign: string } | null = null;

/** Renders the loaded report in `lang`: the toolbar after screen one, the language kept in the address bar. */
function render(lang: Language): void {
  if (!shown) return;
  const { model, url, campaign } = shown;
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : lang;
  document.title = `${model.campaign?.name ?? 'Campaign'} – ${REPORT_TEXT[lang].eyebrow}`;
  main.innerHTML = renderReportBody(model, { lang, languageLinks: true });
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  const s = REPORT_SENTENCES[lang];
  const printButton = document.createElement('button');
  printButton.type = 'button';
  printButton.id = 'print';
  printButton.textContent = s.print;
  const csvButton = document.createElement('button');
  csvButton.type = 'button';
  csvButton.id = 'csv';
  csvButton.className = 'secondary';
  csvButton.textContent = s.csv;
  toolbar.append(printButton, csvButton);
  (main.querySelector('#monday') ?? main.querySelector('.report-head'))?.after(toolbar);
  status.hidden = true;
  markScrollingTables(lang);
  for (const button of main.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => {
      const next = button.dataset.lang;
      if (!isLanguage(next)) return;
      history.replaceState(
        null,
        '',
        `${location.pathname}#campaign=${encodeURIComponent(campaign)}&lang=${encodeURIComponent(next)}`,
      );
      render(next);
      main.querySelector<HTMLButtonElement>(`[data-lang="${next}"]`)?.focus();
    });
  }
  document.getElementById('print')?.addEventListener('click', () => print());
  document.getElementById('csv')?.addEventListener('click', async () => {
    const csv = await fetch(`${url}?format=csv`);
    if (csv.status === 202) return say(s.csvPreparing);
    if (!csv.ok) return say(s.csvFailed(csv.status));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await csv.blob());
    a.download = `orgos-report-${campaign}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
}

addEventListener('resize', () => {
  if (shown) markScrollingTables(chosenLanguage(new URLSearchParams(location.hash.slice(1))));
});

async function load(): Promise<void> {
  const params = new URLSearchParams(location.hash.slice(1));
  // Switching the language only re-renders what is loaded.
  if (shown && params.get('campaign') === shown.campaign) return render(chosenLanguage(params));
  const code = params.get('view');
  const campaign = code ? await openViewerLink(code) : params.get('campaign');
  if (code && !campaign) return;
  void getSession().then((session) => renderAccountBar(session));
  if (!campaign) {
    say('This page needs the report link you were given, or open the report from the dashboard.');
    return;
  }
  const url = `/api/v1/campaigns/${encodeURIComponent(campaign)}/report`;
  const headers = { accept: 'application/json' };
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch {
    say('The report could not be loaded: no connection. Try again in a moment.');
    return;
  }
  if (res.status === 202) {
    // A large campaign just after its close: its responses are still being counted. Ask again when told to.
    const wait = Math.min(60, Math.max(1, Number(res.headers.get('retry-after')) || 5));
    say('The report is being prepared: its responses are still being counted. This page tries again by itself.');
    setTimeout(() => void load(), wait * 1000);
    return;
  }
  if (!res.ok) {
    say(
      res.status === 401
        ? 'This report link has expired or was revoked, or you are not signed in. Ask for a new link, or sign in.'
        : res.status === 404 || res.status === 403
          ? 'No report was found for this link.'
          : `The report could not be loaded (error ${res.status}).`,
    );
    return;
  }
  const model = (await res.json()) as ReportModel;
  // The operating account beside the report (issue 11); a report reads fine without it. The account page itself is
  // for signed-in people, not for a viewer link's session.
  // The organisation's earlier waves (the trend), likewise optional.
  const [account, session, waves] = await Promise.all([
    fetch(`/api/v1/campaigns/${encodeURIComponent(campaign)}/account`, { headers })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null),
    getSession().catch(() => null),
    fetch(`/api/v1/campaigns/${encodeURIComponent(campaign)}/waves`, { headers })
      .then((r) => (r.status === 200 ? r.json() : null))
      .catch(() => null),
  ]);
  if (waves && model.published !== false) model.waves = waves;
  if (account) {
    model.account = account;
    if (session?.kind === 'user' && model.campaign?.orgId) {
      model.accountLink = `/operating-account.html#org=${encodeURIComponent(model.campaign.orgId)}`;
    }
  }
  shown = { model, url, campaign };
  render(chosenLanguage(params));
}

addEventListener('hashchange', () => void load());
void load();
