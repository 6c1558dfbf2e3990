// An organisation's own forms in the dashboard: its profile (the cash side of the diagnosis and the response rate's
// headcount), rename, archive and delete. Each loads the current values first, sends what the API takes, and shows
// the API's errors next to the field they name (field-errors.ts).

import { LEVELS } from '../../shared/instrument/types';
import { nameKey } from '../../shared/names';
import type { OrgProfile } from '../../shared/profile';
import { ApiError, api } from '../account/session-client';
import { esc } from '../html';
import { type FieldRule, showApiError, showFormSuccess } from './field-errors';
import { claim } from './result-area';

export interface OrgRow {
  id: string;
  name: string;
  createdAt: string;
  archived?: boolean;
  campaignCount?: number;
}

/** Other organisations with this name, case and spacing aside (the API's rule: shared/names.ts nameKey). */
export const sameNamed = (orgs: readonly OrgRow[], name: string, except = ''): OrgRow[] =>
  name.trim() ? orgs.filter((o) => o.id !== except && nameKey(o.name) === nameKey(name)) : [];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What tells two organisations of one name apart: when each was created and how many campaigns it has. */
export const orgFacts = (o: OrgRow): string =>
  `created ${o.createdAt.slice(0, 10)}${o.campaignCount === undefined ? '' : `, ${plural(o.campaignCount, 'campaign', 'campaigns')}`}`;

/** The organisation as a list or dropdown names it: the facts added when another one has the same name. */
export const orgLabel = (o: OrgRow, all: readonly OrgRow[]): string =>
  sameNamed(all, o.name, o.id).length > 0 ? `${o.name} (${orgFacts(o)})` : o.name;

const LEVEL_LABELS: Record<string, string> = { frontline: 'Frontline', manager: 'Managers', executive: 'Executives' };

const NUMBER_FIELDS: { key: keyof OrgProfile; label: string; step: string }[] = [
  { key: 'aiSpendPerEmployee', label: 'Yearly AI spend per employee', step: 'any' },
  { key: 'seats', label: 'AI tool seats', step: '1' },
  { key: 'vendors', label: 'AI vendors', step: '1' },
  { key: 'pilots', label: 'AI pilots running', step: '1' },
  { key: 'trainingHoursPerEmployee', label: 'Yearly AI training hours per employee', step: 'any' },
];

/** A number input's value as the API takes it: empty → left out; anything else as typed, so the API names it. */
function numberOf(input: HTMLInputElement): number | string | undefined {
  const raw = input.value.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

/**
 * The profile form, filled with what is stored. Headcount by department lists the departments of the
 * organisation's campaigns and any the profile already has.
 */
export async function showProfileForm(out: HTMLElement, org: OrgRow, departments: readonly string[]): Promise<void> {
  const mine = claim(out);
  const { profile } = await api<{ profile: OrgProfile | null }>(`/api/v1/orgs/${encodeURIComponent(org.id)}/profile`);
  if (!mine()) return;
  const p = profile ?? {};
  const id = esc(org.id);
  const byDep = p.headcount?.byDepartment ?? {};
  const deps = [...new Set([...departments, ...Object.keys(byDep)])];
  const num = (inputId: string, label: string, value: number | undefined, step = '1') =>
    `<div class="q"><label for="${inputId}">${esc(label)}</label><input id="${inputId}" type="number" min="0" step="${step}" value="${
      value ?? ''
    }" class="count"></div>`;
  const facts = NUMBER_FIELDS.map((f) =>
    num(`pf-${id}-${f.key}`, f.label, p[f.key] as number | undefined, f.step),
  ).join('');
  const levels = LEVELS.map((l) => num(`pf-${id}-lv-${l}`, LEVEL_LABELS[l] ?? l, p.headcount?.byLevel?.[l])).join('');
  const depInputs = deps.map((d, i) => num(`pf-${id}-dep-${i}`, d, byDep[d])).join('');
  out.innerHTML = `<form class="inline-form profile-form" data-profile-form="${id}" novalidate><h4>Profile of ${esc(
    org.name,
  )}</h4><p class="help">The investment facts decide the cash-rich diagnosis; the headcount gives the response rate. Leave a field empty when it is not known.</p><div class="row">${facts}<div class="q"><label for="pf-${id}-currency">Currency (3 letters)</label><input id="pf-${id}-currency" maxlength="3" value="${esc(
    p.currency ?? '',
  )}" autocapitalize="characters" class="count"></div></div><fieldset class="q"><legend>Headcount</legend><div class="row">${num(
    `pf-${id}-total`,
    'Everyone',
    p.headcount?.total,
  )}${levels}</div>${
    deps.length > 0
      ? `<p class="help">By department:</p><div class="row">${depInputs}</div>`
      : '<p class="help">Headcount by department can be given once a campaign names its departments.</p>'
  }</fieldset><button type="submit">Save profile</button></form>`;
  const form = out.querySelector<HTMLFormElement>('form')!;
  const rules: FieldRule[] = [
    ...NUMBER_FIELDS.map((f) => ({ field: f.key, inputId: `pf-${org.id}-${f.key}` })),
    { field: 'currency', inputId: `pf-${org.id}-currency`, text: () => 'three capital letters, e.g. EUR' },
    { field: 'headcount.total', inputId: `pf-${org.id}-total` },
    ...LEVELS.map((l) => ({ field: `headcount.byLevel.${l}`, inputId: `pf-${org.id}-lv-${l}` })),
    ...deps.map((d, i) => ({ field: `headcount.byDepartment.${d}`, inputId: `pf-${org.id}-dep-${i}` })),
  ];
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (inputId: string) => numberOf(form.querySelector<HTMLInputElement>(`#${CSS.escape(inputId)}`)!);
    const body: Record<string, unknown> = {};
    for (const f of NUMBER_FIELDS) {
      const v = value(`pf-${org.id}-${f.key}`);
      if (v !== undefined) body[f.key] = v;
    }
    const currency = form.querySelector<HTMLInputElement>(`#${CSS.escape(`pf-${org.id}-currency`)}`)!.value.trim();
    if (currency) body.currency = currency;
    const headcount: Record<string, unknown> = {};
    const total = value(`pf-${org.id}-total`);
    if (total !== undefined) headcount.total = total;
    const byLevel = Object.fromEntries(
      LEVELS.map((l) => [l, value(`pf-${org.id}-lv-${l}`)] as const).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(byLevel).length > 0) headcount.byLevel = byLevel;
    const byDepartment = Object.fromEntries(
      deps.map((d, i) => [d, value(`pf-${org.id}-dep-${i}`)] as const).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(byDepartment).length > 0) headcount.byDepartment = byDepartment;
    if (Object.keys(headcount).length > 0) body.headcount = headcount;
    try {
      await api(`/api/v1/orgs/${encodeURIComponent(org.id)}/profile`, { method: 'PUT', body });
      showFormSuccess(form, `Profile of ${org.name} saved.`);
    } catch (err) {
      showApiError(form, err, rules);
    }
  });
  form.querySelector<HTMLInputElement>('input')?.focus();
}

/** Rename: the current name filled in, a warning when another organisation has the new one. */
export function showRenameForm(
  out: HTMLElement,
  org: OrgRow,
  all: readonly OrgRow[],
  done: (message: string) => Promise<void>,
): void {
  claim(out);
  const id = esc(org.id);
  out.innerHTML = `<form class="inline-form row" novalidate><div class="q"><label for="rn-${id}">New name for ${esc(
    org.name,
  )}</label><input id="rn-${id}" maxlength="120" value="${esc(org.name)}" aria-describedby="rn-${id}-same"><p id="rn-${id}-same" class="help warn" hidden></p></div><button type="submit">Rename</button></form>`;
  const form = out.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const warning = form.querySelector<HTMLElement>('.warn')!;
  input.addEventListener('input', () => sameNameWarning(warning, sameNamed(all, input.value, org.id)));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const changed = await api<OrgRow & { duplicateName: boolean }>(`/api/v1/orgs/${encodeURIComponent(org.id)}`, {
        method: 'PATCH',
        body: { name: input.value },
      });
      await done(
        `Renamed to “${changed.name}”.${changed.duplicateName ? ' Another organisation has this name: the lists add when each was created.' : ''}`,
      );
    } catch (err) {
      showApiError(form, err, [{ field: 'name', inputId: `rn-${org.id}` }]);
    }
  });
  input.focus();
}

/** Fills (or hides) the warning that other organisations already have the name being typed. */
export function sameNameWarning(el: HTMLElement, same: readonly OrgRow[]): void {
  el.hidden = same.length === 0;
  el.textContent =
    same.length === 0
      ? ''
      : `${same.length === 1 ? 'An organisation' : `${same.length} organisations`} with this name already ${
          same.length === 1 ? 'exists' : 'exist'
        } (${same.map(orgFacts).join('; ')}). You may still use it: the lists then add when each was created.`;
}

export async function setOrgArchived(org: OrgRow, archived: boolean): Promise<void> {
  await api(`/api/v1/orgs/${encodeURIComponent(org.id)}`, { method: 'PATCH', body: { archived } });
}

/** Deletes after a second click; a 409 says what to do instead. Returns the message to show. */
export async function deleteOrg(org: OrgRow): Promise<string> {
  try {
    await api(`/api/v1/orgs/${encodeURIComponent(org.id)}`, { method: 'DELETE' });
    return `Organisation “${org.name}” deleted, with its profile and contacts.`;
  } catch (err) {
    if (err instanceof ApiError && err.problem === 'org-has-campaigns') {
      return `“${org.name}” still has campaigns: delete them first (possible only while they hold no answers), or archive the organisation instead.`;
    }
    throw err;
  }
}
