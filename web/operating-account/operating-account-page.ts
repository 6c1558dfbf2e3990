// /operating-account.html: the organisation's operating account, read and changed with the signed-in person's
// session (the browser sends the cookie; changes carry the session's CSRF token: account/session-client.ts). The
// organisation and the language come in the URL fragment (#org=…&lang=de), which names them and opens nothing. A
// stale version reloads the account and says so; a refusal names the fields beside its form.

import { baselineCell } from '../../shared/account';
import { LANGUAGES, type Language } from '../../shared/instrument';
import { can, getSession, renderAccountBar, type Session } from '../account/session-client';
import { esc } from '../html';
import { ACCOUNT_MESSAGES } from './messages';
import { type AccountModel, type HistoryItem, type PageState, renderAccount } from './render-account';

const main = document.getElementById('operating') as HTMLElement;
const status = document.getElementById('operating-status') as HTMLElement;
const langSelect = document.getElementById('lang') as HTMLSelectElement;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: { field: string; message: string }[],
    message: string,
  ) {
    super(message);
  }
}

let model: AccountModel | null = null;
let session: Session = { signedIn: false };
const state: PageState = { editing: null, history: null, waves: {}, writable: false };

function params() {
  const p = new URLSearchParams(location.hash.slice(1));
  const lang = p.get('lang');
  // An executive of one organisation needs no organisation in the address.
  const only = session.user?.orgIds.length === 1 ? session.user.orgIds[0]! : null;
  return {
    org: p.get('org') ?? only,
    lang: (LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : 'en',
  };
}

const t = () => ACCOUNT_MESSAGES[params().lang];

function say(text: string, html = false): void {
  if (html) status.innerHTML = text;
  else status.textContent = text;
  status.hidden = false;
}

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken ?? '';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch {
    throw new ApiError(0, [], t().offline);
  }
  const body = (await res.json().catch(() => ({}))) as T & {
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  if (!res.ok) throw new ApiError(res.status, body.errors ?? [], body.detail ?? t().failed(res.status));
  return body;
}

const orgPath = () => `/api/v1/orgs/${encodeURIComponent(params().org ?? '')}`;

function render(focus?: string): void {
  if (!model) return;
  const { lang } = params();
  document.documentElement.lang = lang;
  document.title = `${model.orgName ?? ''} – ${t().title}`;
  (document.getElementById('operating-h') as HTMLElement).textContent =
    `${t().title}${model.orgName ? `: ${model.orgName}` : ''}`;
  main.querySelector('#operating-body')!.innerHTML = renderAccount(model, lang, state);
  if (focus) (document.getElementById(focus) as HTMLElement | null)?.focus();
}

async function load(focus?: string): Promise<void> {
  session = await getSession().catch((): Session => ({ signedIn: false }));
  renderAccountBar(session);
  const { org, lang } = params();
  langSelect.value = lang;
  (document.querySelector('.skip') as HTMLElement).textContent = t().skip;
  (document.querySelector('label[for="lang"]') as HTMLElement).textContent = t().language;
  if (!session.signedIn || session.kind !== 'user') {
    say(`${esc(t().expired)} <a href="/signin.html">${esc(t().signIn)}</a>`, true);
    return;
  }
  if (!org) {
    say(`<a href="/dashboard.html">${esc(t().needLink)}</a>`, true);
    return;
  }
  state.writable = can(session, 'account.entry.create');
  try {
    const [orgInfo, account, campaigns] = await Promise.all([
      api<{ name: string }>(orgPath()),
      api<AccountModel>(`${orgPath()}/account`),
      api<{ campaigns: { id: string; name: string }[] }>(`${orgPath()}/campaigns`),
    ]);
    model = { ...account, orgName: orgInfo.name };
    state.waves = Object.fromEntries(campaigns.campaigns.map((c) => [c.id, c.name]));
    status.hidden = true;
    render(focus);
  } catch (err) {
    const e = err as ApiError;
    if (e.status === 401) say(`${esc(t().expired)} <a href="/signin.html">${esc(t().signIn)}</a>`, true);
    else say(e.status === 404 || e.status === 403 ? t().notFound : e.message);
  }
}

// ---- reading forms ------------------------------------------------------------------------------------------------

function text(form: HTMLFormElement, name: string): string | null {
  const v = String(new FormData(form).get(name) ?? '').trim();
  return v === '' ? null : v;
}

function number(form: HTMLFormElement, name: string): number | null {
  const v = text(form, name);
  return v === null ? null : Number(v);
}

/** A measure from `prefix.value`, `.perMonth`, `.people`; null without a value. */
function measure(form: HTMLFormElement, prefix: string) {
  const value = number(form, `${prefix}.value`);
  if (value === null) return null;
  const perMonth = number(form, `${prefix}.perMonth`);
  const people = number(form, `${prefix}.people`);
  return { value, ...(perMonth === null ? {} : { perMonth }), ...(people === null ? {} : { people }) };
}

/** A client key per form, kept until it succeeds: a resubmission after a lost answer is the same creation. */
function keyOf(form: HTMLFormElement): string {
  form.dataset.key ??= crypto.randomUUID();
  return form.dataset.key;
}

function showErrors(form: HTMLFormElement, err: ApiError): void {
  const box = form.querySelector<HTMLElement>('.form-errors');
  if (!box) {
    say(err.message);
    return;
  }
  box.innerHTML = err.fields.length
    ? `<ul>${err.fields.map((f) => `<li><code>${esc(f.field)}</code> ${esc(f.message)}</li>`).join('')}</ul>`
    : `<p>${esc(err.message)}</p>`;
  box.hidden = false;
  box.tabIndex = -1;
  box.focus();
}

async function submit(form: HTMLFormElement, submitter: HTMLButtonElement | null): Promise<void> {
  const kind = form.dataset.form;
  const entry = model?.entries.find((e) => e.id === form.dataset.entry);
  let request: { path: string; method: string; body: unknown } | null = null;
  let focus = 'entries-h';
  switch (kind) {
    case 'new-entry':
      request = {
        path: `${orgPath()}/account/entries`,
        method: 'POST',
        body: {
          clientKey: keyOf(form),
          ledger: text(form, 'ledger'),
          title: text(form, 'title'),
          department: text(form, 'department'),
          ownerRole: text(form, 'ownerRole'),
          baseline: measure(form, 'new-baseline'),
          target: measure(form, 'target'),
          incision: text(form, 'incision'),
          due: text(form, 'due') ? { date: text(form, 'due') } : null,
        },
      };
      break;
    case 'cell-entry': {
      const cell = model?.cells[Number(text(form, 'cell'))];
      if (!cell) return;
      const { campaignId, ledger, category, heldBy } = cell.ref;
      request = {
        path: `${orgPath()}/account/entries`,
        method: 'POST',
        body: {
          clientKey: keyOf(form),
          source: { kind: 'cell', campaignId, ledger, category, ...(heldBy ? { heldBy } : {}) },
          ownerRole: text(form, 'ownerRole'),
          target: measure(form, 'target'),
        },
      };
      break;
    }
    case 'proposal': {
      const decision = submitter?.value === 'dismiss' ? 'dismiss' : 'accept';
      const ledger = text(form, 'ledger');
      const reason = text(form, 'reason');
      request = {
        path: `${orgPath()}/account/entries`,
        method: 'POST',
        body: {
          clientKey: keyOf(form),
          source: {
            kind: 'recommendation',
            campaignId: form.dataset.campaign,
            index: Number(form.dataset.index),
            decision,
          },
          ...(ledger ? { ledger } : {}),
          ...(decision === 'dismiss' || reason ? { reason } : {}),
        },
      };
      break;
    }
    case 'edit-entry': {
      if (!entry) return;
      const fromCell = baselineCell(entry.source) !== null;
      const target = measure(form, 'target');
      request = {
        path: `${orgPath()}/account/entries/${encodeURIComponent(entry.id)}`,
        method: 'PATCH',
        body: {
          version: Number(form.dataset.version),
          title: text(form, 'title'),
          department: text(form, 'department'),
          ownerRole: text(form, 'ownerRole'),
          ...(fromCell ? {} : { baseline: measure(form, `edit-${entry.id}-baseline`) }),
          target: target ? { ...entry.target, ...target } : null,
          current: measure(form, `edit-${entry.id}-current`),
          incision: text(form, 'incision'),
          due: text(form, 'due') ? { date: text(form, 'due') } : entry.due && 'wave' in entry.due ? entry.due : null,
          status: text(form, 'status'),
          reason: text(form, 'reason'),
        },
      };
      break;
    }
    case 'reconcile':
      if (!entry) return;
      request = {
        path: `${orgPath()}/account/entries/${encodeURIComponent(entry.id)}`,
        method: 'PATCH',
        body: {
          version: Number(form.dataset.version),
          status: text(form, 'status'),
          reconcile: { campaignId: form.dataset.campaign },
        },
      };
      break;
    case 'capacity': {
      const shares: Record<string, number> = {};
      const preconditions: Record<string, string> = {};
      for (const [name, value] of new FormData(form)) {
        const v = String(value).trim();
        if (!v) continue;
        if (name.startsWith('shares.')) shares[name.slice(7)] = Number(v);
        if (name.startsWith('preconditions.')) preconditions[name.slice(14)] = v;
      }
      request = {
        path: `${orgPath()}/account/capacity`,
        method: 'POST',
        body: {
          clientKey: keyOf(form),
          decidedOn: text(form, 'decidedOn'),
          ownerRole: text(form, 'ownerRole'),
          shares,
          preconditions,
          toldStaffOn: text(form, 'toldStaffOn'),
          toldHow: text(form, 'toldHow'),
        },
      };
      focus = 'capacity-h';
      break;
    }
    case 'flow': {
      const unit = text(form, 'signal.unit');
      const signal = unit
        ? {
            kind: text(form, 'signal.kind'),
            label: text(form, 'signal.label'),
            unit,
            threshold: number(form, 'signal.threshold'),
            trips: text(form, 'signal.trips'),
            current: number(form, 'signal.current'),
            measuredOn: text(form, 'signal.measuredOn'),
          }
        : null;
      request = {
        path: `${orgPath()}/account/flows`,
        method: 'POST',
        body: {
          clientKey: keyOf(form),
          name: text(form, 'name'),
          humanExit: text(form, 'humanExit'),
          adjudicator: text(form, 'adjudicator'),
          triggerOwner: text(form, 'triggerOwner'),
          signals: signal ? [signal] : [],
        },
      };
      focus = 'register-h';
      break;
    }
    case 'signal': {
      const flow = model?.flows.find((f) => f.id === form.dataset.flow);
      if (!flow) return;
      const i = Number(form.dataset.signal);
      const signals = flow.signals.map((s, j) =>
        j === i ? { ...s, current: number(form, 'current'), measuredOn: text(form, 'measuredOn') } : s,
      );
      request = {
        path: `${orgPath()}/account/flows/${encodeURIComponent(flow.id)}`,
        method: 'PATCH',
        body: { version: Number(form.dataset.version), signals },
      };
      focus = 'register-h';
      break;
    }
    case 'review':
      request = {
        path: `${orgPath()}/account/reviews`,
        method: 'POST',
        body: {
          clientKey: keyOf(form),
          heldOn: text(form, 'heldOn'),
          reviewerRole: text(form, 'reviewerRole'),
          notes: text(form, 'notes'),
        },
      };
      focus = 'reviews-h';
      break;
  }
  if (!request) return;
  try {
    await api(request.path, { method: request.method, body: request.body });
    state.editing = null;
    await load(focus);
    say(t().saved);
  } catch (err) {
    const e = err as ApiError;
    if (e.status === 409 && e.fields.some((f) => f.field === 'version')) {
      await load(focus);
      say(t().stale);
      return;
    }
    showErrors(form, e);
  }
}

async function showHistory(entryId: string): Promise<void> {
  try {
    const entry = await api<{ history: HistoryItem[] }>(`${orgPath()}/account/entries/${encodeURIComponent(entryId)}`);
    state.history = { entryId, items: entry.history };
    render('history');
  } catch (err) {
    say((err as Error).message);
  }
}

main.addEventListener('submit', (e) => {
  e.preventDefault();
  void submit(e.target as HTMLFormElement, (e as SubmitEvent).submitter as HTMLButtonElement | null);
});

main.addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest('button');
  if (!button || button.type === 'submit') return;
  if (button.dataset.edit) {
    state.editing = button.dataset.edit;
    render(`edit-${button.dataset.edit}-title`);
  } else if (button.dataset.history) {
    void showHistory(button.dataset.history);
  } else if (button.dataset.cancel) {
    const id = state.editing;
    state.editing = null;
    render();
    if (id) (document.querySelector(`[data-edit="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus();
  }
});

langSelect.addEventListener('change', () => {
  const p = new URLSearchParams(location.hash.slice(1));
  p.set('lang', langSelect.value);
  history.replaceState(null, '', `#${p.toString()}`);
  void load();
});

addEventListener('hashchange', () => void load());
void load();
