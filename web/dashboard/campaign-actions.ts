// A campaign's own forms in the dashboard: its settings (current values shown; name and, before the first answer,
// departments editable; archive once closed; delete while nothing is stored) and the leadership view, the
// leadership's own answers that the report sets beside the workforce's (without it the Boss B trap is not checked).

import { CURRENT_INSTRUMENT, findInstrument } from '../../shared/instrument';
import { LAYERS } from '../../shared/instrument/types';
import { ApiError, api } from '../account/session-client';
import { esc } from '../html';
import { LAYER_NAMES } from '../report/labels';
import { departmentLine, parseDepartments } from './departments';
import { type FieldRule, indexIn, showApiError, showFormErrors, showFormSuccess } from './field-errors';
import { claim } from './result-area';
import { openSettingsChanges, openSettingsFields, openSettingsRules, showNewLink } from './settings-fields';

export interface CampaignRow {
  id: string;
  orgId: string;
  name: string;
  status?: 'open' | 'closed';
  archived?: boolean;
  departments: string[];
  minGroupSize: number;
  createdAt: string;
  closesAt?: string | null;
  closedAt?: string | null;
  languages?: string[];
  openLink?: boolean;
  remindAt?: string[];
  instrument?: { id: string; version: string };
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese', de: 'German' };
const day = (iso: string) => iso.slice(0, 10);

/** The departments textarea's rules: `departments[2]` is shown as the line it came from. */
export function departmentRules(inputId: string, text: () => string): FieldRule[] {
  return [
    {
      field: 'departments',
      inputId,
      text: (issue) => {
        const index = indexIn(issue.field, 'departments');
        const line = index === null ? null : departmentLine(text(), index);
        return line === null ? issue.message : `Line ${line}: ${issue.message}.`;
      },
    },
  ];
}

/** Repeated lines, said before anything is sent; true when there were some. */
export function flagDuplicateDepartments(form: HTMLElement, inputId: string, text: string): boolean {
  const { duplicates } = parseDepartments(text);
  if (duplicates.length === 0) return false;
  showFormErrors(form, {
    byInput: new Map([
      [
        inputId,
        duplicates.map((d) => `Line ${d.line} (“${d.name}”) repeats line ${d.firstLine}: each department once.`),
      ],
    ]),
    unplaced: [],
  });
  return true;
}

/** A campaign's settings as facts: all of them once it is closed, only the fixed one while it is open. */
function fixedSettings(c: CampaignRow, open: boolean): string {
  const reminders = (c.remindAt ?? []).map(day);
  const size = `<dt>Minimum group size</dt><dd>${c.minGroupSize}</dd>`;
  if (open)
    return `<dl class="facts">${size}</dl><p class="help">The minimum group size is fixed when the campaign is made.</p>`;
  return `<dl class="facts"><dt>Who may answer</dt><dd>${
    c.openLink === false ? 'Invited people only (no open link)' : 'Anyone with the open survey link'
  }</dd><dt>Languages</dt><dd>${esc((c.languages ?? []).map((l) => LANGUAGE_NAMES[l] ?? l).join(', '))}</dd><dt>Closes</dt><dd>${
    c.closedAt ? `closed ${esc(day(c.closedAt))}` : c.closesAt ? esc(day(c.closesAt)) : 'when you close it'
  }</dd><dt>Reminders</dt><dd>${reminders.length > 0 ? esc(reminders.join(', ')) : 'none planned'}</dd>${size}</dl><p class="help">The campaign is closed: only its name and archive state change.</p>`;
}

export interface CampaignFormHooks {
  /** Reloads the portfolio and shows the message in the organisation's result area. */
  done(message: string): Promise<void>;
}

/** The settings form: rename, departments (before the first answer), archive or un-archive, delete. */
export function showCampaignSettings(out: HTMLElement, c: CampaignRow, hooks: CampaignFormHooks): void {
  claim(out);
  const id = esc(c.id);
  const closed = c.status === 'closed';
  const archive = closed
    ? `<button type="button" class="secondary" data-c-archive="${c.archived ? 'no' : 'yes'}">${
        c.archived ? 'Take out of the archive' : 'Archive'
      }</button>`
    : '';
  out.innerHTML = `<h4>Settings of ${esc(c.name)}</h4>${fixedSettings(c, !closed)}<form class="inline-form" data-c-settings="${id}" novalidate><div class="q"><label for="cs-name-${id}">Name</label><input id="cs-name-${id}" maxlength="120" value="${esc(
    c.name,
  )}"></div><div class="q"><label for="cs-deps-${id}">Departments, one per line</label><textarea id="cs-deps-${id}" rows="${Math.min(
    10,
    c.departments.length + 1,
  )}" aria-describedby="cs-deps-${id}-help">${esc(c.departments.join('\n'))}</textarea><p id="cs-deps-${id}-help" class="help">They can change only until the first answer arrives.</p></div>${
    closed ? '' : openSettingsFields(c)
  }<button type="submit">Save changes</button></form><div class="cell-actions">${archive}<button type="button" class="secondary danger" data-c-delete="yes">Delete campaign</button></div><p class="c-status" role="status"></p>`;
  const form = out.querySelector<HTMLFormElement>('form')!;
  const nameInput = form.querySelector<HTMLInputElement>(`#cs-name-${CSS.escape(c.id)}`)!;
  const depsInput = form.querySelector<HTMLTextAreaElement>(`#cs-deps-${CSS.escape(c.id)}`)!;
  const status = out.querySelector<HTMLElement>('.c-status')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (flagDuplicateDepartments(form, depsInput.id, depsInput.value)) return;
    const body: Record<string, unknown> = {};
    if (nameInput.value.trim() !== c.name) body.name = nameInput.value;
    const departments = parseDepartments(depsInput.value).names;
    if (departments.join('\n') !== c.departments.join('\n')) body.departments = departments;
    if (!closed) Object.assign(body, openSettingsChanges(form, c));
    if (Object.keys(body).length === 0) {
      showFormSuccess(form, 'Nothing changed.');
      return;
    }
    try {
      const changed = await api<CampaignRow & { surveyUrl?: string }>(`/api/v1/campaigns/${encodeURIComponent(c.id)}`, {
        method: 'PATCH',
        body,
      });
      await hooks.done(
        body.openLink === false
          ? `Campaign “${changed.name}” saved. Its open link no longer takes answers.`
          : `Campaign “${changed.name}” saved.`,
      );
      // A new open link is shown once (only its hash is kept): in the organisation's area, after the reload.
      if (changed.surveyUrl) showNewLink(c.orgId, changed.name, changed.surveyUrl);
    } catch (err) {
      if (err instanceof ApiError && err.problem === 'departments-locked') {
        showFormErrors(form, {
          byInput: new Map([
            [depsInput.id, ['Answers have arrived: the departments they were given in stay as they are.']],
          ]),
          unplaced: [],
        });
        return;
      }
      showApiError(form, err, [
        { field: 'name', inputId: nameInput.id },
        ...departmentRules(depsInput.id, () => depsInput.value),
        ...openSettingsRules(c),
      ]);
    }
  });
  out.querySelector<HTMLButtonElement>('[data-c-archive]')?.addEventListener('click', async (e) => {
    const archived = (e.currentTarget as HTMLButtonElement).dataset.cArchive === 'yes';
    try {
      await api(`/api/v1/campaigns/${encodeURIComponent(c.id)}`, { method: 'PATCH', body: { archived } });
      await hooks.done(
        archived
          ? `Campaign “${c.name}” archived: it is kept and reported, and listed under “Show archived”.`
          : `Campaign “${c.name}” is out of the archive.`,
      );
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  });
  const del = out.querySelector<HTMLButtonElement>('[data-c-delete]')!;
  del.addEventListener('click', async () => {
    // Two clicks: the first asks, the second deletes (no dialog, the same with a keyboard or a reader).
    if (del.dataset.confirm !== 'yes') {
      del.dataset.confirm = 'yes';
      del.textContent = 'Confirm delete';
      status.textContent = `Deleting “${c.name}” removes it with its survey links, invites, report links and reminders. It is possible only while no answer is stored. Choose “Confirm delete” to go ahead.`;
      return;
    }
    try {
      await api(`/api/v1/campaigns/${encodeURIComponent(c.id)}`, { method: 'DELETE' });
      await hooks.done(`Campaign “${c.name}” deleted.`);
    } catch (err) {
      status.textContent =
        err instanceof ApiError && err.problem === 'campaign-has-responses'
          ? `“${c.name}” has answers, so it cannot be deleted: archive it instead (once it is closed).`
          : err instanceof Error
            ? err.message
            : String(err);
      del.dataset.confirm = '';
      del.textContent = 'Delete campaign';
    }
  });
  nameInput.focus();
}

const LIKERT = [
  ['', 'not answered'],
  ['1', '1 strongly disagree'],
  ['2', '2'],
  ['3', '3'],
  ['4', '4'],
  ['5', '5 strongly agree'],
  ['dk', "don't know"],
] as const;

/** The leadership view as stored (GET …/leadership): empty with `updatedAt` null while none is. */
export interface StoredLeadership {
  respondents: { answers: Record<string, number | string>; level: string }[];
  updatedAt: string | null;
}

/**
 * The leadership view: each leader's answers to the five layers' questions (what the gap compares), one column per
 * leader, filled with what is stored. Saving replaces the view stored before. A failed load is said in `out` and
 * rejects, so the page reports it as it reports every action's failure (an ended session: the sign-in).
 */
export async function showLeadershipForm(out: HTMLElement, c: CampaignRow): Promise<void> {
  const mine = claim(out);
  out.innerHTML = '<p class="help">Loading the stored leadership view…</p>';
  try {
    const stored = await api<StoredLeadership>(`/api/v1/campaigns/${encodeURIComponent(c.id)}/leadership`);
    if (!mine()) return;
    renderLeadershipForm(out, c, Math.max(stored.respondents.length, 2), stored);
  } catch (err) {
    if (!mine()) return;
    out.textContent = `The leadership view could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
    throw err;
  }
}

function renderLeadershipForm(out: HTMLElement, c: CampaignRow, leaders: number, stored: StoredLeadership): void {
  claim(out);
  const instrument = (c.instrument && findInstrument(c.instrument.id, c.instrument.version)) || CURRENT_INSTRUMENT;
  const items = instrument.items.filter((i) => i.type === 'likert' && 'layer' in i);
  const id = esc(c.id);
  const select = (itemId: string, leader: number) =>
    `<select id="ld-${id}-${leader}-${esc(itemId)}" aria-labelledby="ld-${id}-q-${esc(itemId)} ld-${id}-h-${leader}">${LIKERT.map(
      ([v, t]) =>
        `<option value="${v}"${String(stored.respondents[leader]?.answers[itemId] ?? '') === v ? ' selected' : ''}>${esc(t)}</option>`,
    ).join('')}</select>`;
  const rows = LAYERS.flatMap((layer) => {
    const inLayer = items.filter((i) => 'layer' in i && i.layer === layer);
    return [
      `<tr><th scope="colgroup" colspan="${leaders + 1}" class="layer-head">${esc(LAYER_NAMES[layer])}</th></tr>`,
      ...inLayer.map(
        (item) =>
          `<tr><th scope="row" id="ld-${id}-q-${esc(item.id)}">${esc(item.text.en ?? item.id)}</th>${Array.from(
            { length: leaders },
            (_, l) => `<td>${select(item.id, l)}</td>`,
          ).join('')}</tr>`,
      ),
    ];
  }).join('');
  out.innerHTML = `<form class="inline-form" data-leadership="${id}" novalidate><h4>Leadership view of ${esc(
    c.name,
  )}</h4><p class="help">What the leadership itself answers (named, not anonymous, never mixed into the workforce’s scores). Without it the report says the Boss B trap (“we already get it”) was not checked. Saving replaces the view stored before.</p><p class="help" data-ld-stored>${
    stored.updatedAt
      ? `Stored: ${stored.respondents.length} ${stored.respondents.length === 1 ? 'leader' : 'leaders'}, last saved ${esc(day(stored.updatedAt))}. Their answers are filled in below.`
      : 'Nothing is stored yet.'
  }</p><div class="q"><label for="ld-${id}-n">Leaders who answered</label><input id="ld-${id}-n" type="number" min="1" max="200" value="${leaders}" class="count"> <button type="button" class="secondary" data-ld-resize>Show that many columns</button></div><div class="table-wrap" role="region" tabindex="0" aria-label="Leadership answers"><table class="data leadership"><caption class="sr-only">Each leader’s answer to each question</caption><thead><tr><th scope="col">Question</th>${Array.from(
    { length: leaders },
    (_, l) => `<th scope="col" id="ld-${id}-h-${l}">Leader ${l + 1}</th>`,
  ).join(
    '',
  )}</tr></thead><tbody>${rows}</tbody></table></div><button type="submit">Save leadership view</button></form>`;
  const form = out.querySelector<HTMLFormElement>('form')!;
  form.querySelector('[data-ld-resize]')!.addEventListener('click', () => {
    const n = Math.max(
      1,
      Math.min(200, Number(form.querySelector<HTMLInputElement>(`#ld-${CSS.escape(c.id)}-n`)!.value) || 1),
    );
    renderLeadershipForm(out, c, n, stored);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const respondents = Array.from({ length: leaders }, (_, l) => {
      const answers: Record<string, number | string> = {};
      for (const item of items) {
        const v = form.querySelector<HTMLSelectElement>(`#${CSS.escape(`ld-${c.id}-${l}-${item.id}`)}`)!.value;
        if (v) answers[item.id] = v === 'dk' ? 'dk' : Number(v);
      }
      return { answers, level: 'executive' };
    });
    const rules: FieldRule[] = Array.from({ length: leaders }, (_, l) => ({
      field: `respondents.${l}`,
      inputId: `ld-${c.id}-${l}-${items[0]!.id}`,
      text: (issue: { field: string; message: string }) => `Leader ${l + 1}: ${issue.message}.`,
    }));
    try {
      const saved = await api<{ respondents: number; updatedAt: string }>(
        `/api/v1/campaigns/${encodeURIComponent(c.id)}/leadership`,
        { method: 'PUT', body: { respondents } },
      );
      showFormSuccess(
        form,
        `Leadership view saved: ${saved.respondents} ${saved.respondents === 1 ? 'leader' : 'leaders'}. The report sets it beside the workforce’s answers and checks the Boss B trap.`,
      );
    } catch (err) {
      showApiError(form, err, rules);
    }
  });
}
