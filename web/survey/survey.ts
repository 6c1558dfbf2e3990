// Progressive enhancement of the server-rendered survey form (render-survey.ts): one step at a time with a progress
// bar, every answer kept in localStorage as it is given, and a submission that retries with the same responseId until
// the server confirms. All wording comes from the form's data-* attributes. It imports only ledger-fields.ts, which
// imports nothing: this is the only script in the survey's 14 KB first view.
//
// Devices are shared (a kiosk, a family laptop): what one person left must not serve the next. Answers are cleared
// from storage and from the form once the server has them, an unsent draft lapses after a while untouched, the
// stored receipt after a short while, and withdrawing asks for a second click.
import { formFieldOf, LEDGER_FIELD, ledgerFromFields } from '../../shared/ledger/ledger-fields';

interface Payload {
  responseId: string;
  answers: Record<string, number | string>;
  level: string;
  department: string | null;
  durationS: number;
  ledger?: Record<string, Record<string, unknown>[]>;
  draftCode?: string;
}

interface Saved {
  /** The responseId, generated once and kept until the server confirms. */
  id: string;
  /** Raw form values by field name (item ids, level, department). */
  answers: Record<string, string>;
  step: number;
  startedAt: number;
  /** Frozen at the first send attempt so every retry carries exactly the same content. */
  pending?: Payload;
  receipt?: string;
  /** When this was last saved: a draft untouched for DRAFT_MS, or a receipt older than RECEIPT_MS, is dropped. */
  savedAt?: number;
}

/** An unsent draft is resumed for this long after its last change (a respondent may stop and come back). */
const DRAFT_MS = 12 * 3600_000;
/** The receipt stays on the device this long; after it the next person finds a fresh survey. */
const RECEIPT_MS = 30 * 60_000;

interface Problem {
  field: string;
  message: string;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));

function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const form = document.getElementById('q') as HTMLFormElement | null;
if (form) enhance(form);

// "Answer as another person" (on the survey's done view and on the page a later visit gets): nothing of the last
// answer stays on the device for the next person; the server gives this browser a new response id.
const another = document.getElementById('another') as HTMLFormElement | null;
another?.addEventListener('submit', () => {
  try {
    localStorage.removeItem(`orgos:survey:${another.dataset.token}`);
  } catch {
    // Storage blocked: there is nothing kept to clear.
  }
});

function enhance(form: HTMLFormElement): void {
  const d = form.dataset as Record<string, string>;
  const key = `orgos:survey:${d.token}`;
  const steps = [...form.querySelectorAll<HTMLElement>('.step')];
  const last = steps.length - 1;
  const back = byId<HTMLButtonElement>('back');
  const next = byId<HTMLButtonElement>('next');
  const send = byId<HTMLButtonElement>('send');
  const status = byId('status');
  const errors = byId('errors');
  const progress = byId('progress');
  const bar = byId<HTMLProgressElement>('bar');
  const barLabel = byId('bar-label');

  // The server's id for this browser (kept in a cookie for the plain form) when there is one: both paths send as one.
  const given = (form.elements.namedItem('responseId') as HTMLInputElement | null)?.value;
  // Answers the server put in the form (restored from a code, or shown again after a plain post) are the ones to go on
  // with; a draft kept in this browser otherwise.
  const restored = document.getElementById('draft-restored') !== null;
  let s: Saved = (restored ? null : load()) ?? {
    id: given || uuid(),
    answers: formValues(),
    step: 0,
    startedAt: Date.now(),
  };
  const draftCode = (form.elements.namedItem('draftCode') as HTMLInputElement | null)?.value;

  /** The answers the page was rendered with (radios checked, selects and inputs filled). */
  function formValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== 'string' || value === '') continue;
      if (['lang', 'responseId', 'startedAt', 'draftCode'].includes(name)) continue;
      values[name] = value;
    }
    return values;
  }

  function load(): Saved | null {
    try {
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Saved | null;
      const age = Date.now() - (saved?.savedAt ?? 0);
      // A sent but unconfirmed answer is kept whatever its age: it still has to reach the server.
      if (saved && !saved.pending && age > (saved.receipt ? RECEIPT_MS : DRAFT_MS)) {
        localStorage.removeItem(key);
        return null;
      }
      return saved;
    } catch {
      return null;
    }
  }
  function save(): void {
    try {
      s.savedAt = Date.now();
      localStorage.setItem(key, JSON.stringify(s));
    } catch {
      // Storage full or blocked: the survey still works, it just cannot resume.
    }
  }

  if (s.receipt) {
    // A later visit: the receipt was shown when the answers were sent and stays out of sight now.
    showDone(s.receipt, false);
    return;
  }

  for (const [name, value] of Object.entries(s.answers)) {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList || field instanceof HTMLSelectElement || field instanceof HTMLInputElement) {
      field.value = value;
      // A ledger entry kept from before sits in a closed <details>: open it so it is in sight.
      if (value && !(field instanceof RadioNodeList)) field.closest('details')?.setAttribute('open', '');
    }
  }

  form.noValidate = true;
  // Only true with this script running: the plain form keeps nothing.
  byId('resume').hidden = false;
  progress.hidden = false;
  show(Math.min(s.pending ? last : s.step, last), false);

  form.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    if (!t.name || t.type === 'hidden') return;
    s.answers[t.name] = t.value;
    save();
  });
  back.addEventListener('click', () => show(s.step - 1, true));
  next.addEventListener('click', () => show(s.step + 1, true));
  form.addEventListener('submit', (e) => {
    // "Continue on another device" is a plain form post: the server saves the answers and shows the code.
    if ((e as SubmitEvent).submitter?.id === 'save-draft') return;
    e.preventDefault();
    // Enter in a radio group submits the form natively: on any step but the last it means "next".
    if (s.step < last) return show(s.step + 1, true);
    const problems: Problem[] = [];
    const isAnswer = (name: string) => name !== 'level' && name !== 'department' && !LEDGER_FIELD.test(name);
    if (!Object.keys(s.answers).some(isAnswer)) {
      problems.push({ field: 'q', message: d.none! });
    }
    if (!s.answers.level) problems.push({ field: 'level', message: d.level! });
    if (form.elements.namedItem('department') && !s.answers.department) {
      problems.push({ field: 'department', message: d.dept! });
    }
    if (problems.length) return showErrors(problems);
    errors.hidden = true;
    const answers: Payload['answers'] = {};
    for (const [name, value] of Object.entries(s.answers)) {
      if (isAnswer(name) && value !== '') answers[name] = /^[1-5]$/.test(value) ? Number(value) : value;
    }
    const { ledger } = ledgerFromFields(s.answers);
    s.pending = {
      responseId: s.id,
      answers,
      level: s.answers.level!,
      department: s.answers.department ?? null,
      durationS: Math.round((Date.now() - s.startedAt) / 1000),
      ...(ledger ? { ledger } : {}),
      ...(draftCode ? { draftCode } : {}),
    };
    save();
    void submit();
  });

  if (s.pending) void submit();

  function show(i: number, focus: boolean): void {
    i = Math.max(0, Math.min(i, last));
    steps.forEach((step, j) => {
      step.hidden = j !== i;
    });
    back.hidden = i === 0;
    next.hidden = i === last;
    send.hidden = i !== last;
    bar.value = i + 1;
    barLabel.textContent = fill(d.step!, { n: i + 1, total: last + 1 });
    s.step = i;
    save();
    if (focus) {
      const heading = steps[i]!.querySelector('h2')!;
      heading.focus({ preventScroll: true });
      // The progress bar is sticky: scroll the step's top (with its scroll margin) into view, not the bar.
      steps[i]!.scrollIntoView({ block: 'start' });
    }
  }

  function showErrors(problems: Problem[]): void {
    const list = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      if (document.getElementById(`f-${p.field}`)) {
        const a = document.createElement('a');
        a.href = `#f-${p.field}`;
        a.textContent = p.message;
        li.append(a);
      } else {
        li.textContent = p.message;
      }
      list.append(li);
    }
    errors.replaceChildren(list);
    errors.hidden = false;
    const target = document.getElementById(`f-${problems[0]?.field}`);
    const step = target?.closest<HTMLElement>('.step');
    if (step) show(steps.indexOf(step), false);
    errors.focus();
  }

  function lock(on: boolean): void {
    for (const el of form.querySelectorAll<HTMLFieldSetElement | HTMLButtonElement>('fieldset, button')) {
      el.disabled = on;
    }
  }

  async function submit(): Promise<void> {
    lock(true);
    status.textContent = d.sending!;
    let delay = 1000;
    for (;;) {
      let res: Response | null = null;
      let body: { receipt?: string; detail?: string; errors?: Problem[] } = {};
      try {
        res = await fetch(`/api/v1/surveys/${encodeURIComponent(d.token!)}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(s.pending),
        });
        body = await res.json().catch(() => ({}));
      } catch {
        res = null;
      }
      if (res?.ok && body.receipt) {
        // Sent: nothing of the answers stays, in storage or in the form (which a reload or Back could bring back).
        s = { id: s.id, answers: {}, step: 0, startedAt: 0, receipt: body.receipt };
        save();
        form.reset();
        return showDone(body.receipt, true);
      }
      if (res && res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        // The server answered and will answer the same again: stop, say why, let the respondent act.
        lock(false);
        status.textContent = '';
        if (res.status === 409) {
          const used = (body as { type?: string }).type?.endsWith('invite-used');
          return showErrors([{ field: 'q', message: used ? d.used! : d.conflict! }]);
        }
        if (res.status === 410) return showErrors([{ field: 'q', message: d.closed! }]);
        s.pending = undefined;
        save();
        const { slots } = ledgerFromFields(s.answers);
        const fields = (body.errors ?? [])
          .filter((p) => p && typeof p.field === 'string')
          .map((p) => ({
            field: formFieldOf(p.field, slots) ?? p.field.replace(/^answers\./, ''),
            message: p.message,
          }));
        return showErrors(fields.length ? fields : [{ field: 'q', message: body.detail ?? d.failed! }]);
      }
      // No answer, or the server is struggling: the answers are safe here, so wait and send the same again.
      status.textContent = fill(d.retry!, { s: Math.round(delay / 1000) });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        addEventListener(
          'online',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
      delay = Math.min(delay * 2, 30_000);
    }
  }

  function showDone(receipt: string, justSent: boolean): void {
    form.hidden = true;
    progress.hidden = true;
    byId('intro').hidden = true;
    errors.hidden = true;
    const done = byId('done');
    done.hidden = false;
    byId('receipt').textContent = justSent ? receipt : '';
    byId('receipt-line').hidden = !justSent;
    byId('answered').hidden = justSent;
    done.querySelector('h2')!.focus();
    const button = byId<HTMLButtonElement>('withdraw');
    const wstatus = byId('wstatus');
    const label = button.textContent;
    button.onclick = async () => {
      // Two clicks: the first asks (on a shared device the receipt may be someone else's), the second withdraws.
      if (!button.dataset.armed) {
        button.dataset.armed = '1';
        button.textContent = d.wsure!;
        wstatus.textContent = d.wask!;
        return;
      }
      button.disabled = true;
      try {
        const res = await fetch(`/api/v1/responses/${encodeURIComponent(receipt)}`, { method: 'DELETE' });
        if (res.ok || res.status === 404 || res.status === 410) {
          wstatus.textContent = res.ok ? d.withdrawn! : res.status === 410 ? d.final! : d.gone!;
          button.hidden = true;
          localStorage.removeItem(key);
          return;
        }
      } catch {
        // Fall through: say so and let the respondent try again.
      }
      wstatus.textContent = d.failed!;
      button.disabled = false;
      button.textContent = label;
      delete button.dataset.armed;
    };
  }
}
