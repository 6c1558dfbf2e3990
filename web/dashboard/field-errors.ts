// API errors next to the field they name (issue 16). The API answers a bad request with problem+json whose `errors`
// name fields (`departments[2]`, `headcount.byDepartment.Finance`); a form lists which of its inputs stands for
// which field, and each error is shown under that input (aria-describedby, aria-invalid), focus on the first one.
// What names no input of the form goes beside its submit button. Every call starts by clearing what an earlier
// submission showed, so a later success leaves nothing stale.

import { ApiError } from '../account/session-client';

export interface FieldIssue {
  field: string;
  message: string;
}

/** An input of the form and the API fields it stands for (the field itself and anything under it). */
export interface FieldRule {
  /** The API field, e.g. `name`, `departments`, `headcount.byDepartment`. */
  field: string;
  /** The id of the input the error goes under. */
  inputId: string;
  /** The error as the person reads it (default: the message alone; the label already names the field). */
  text?: (issue: FieldIssue) => string;
}

export interface PlacedIssues {
  /** Input id → the lines to show under it, in the order the API gave them. */
  byInput: Map<string, string[]>;
  /** What no input stands for: shown beside the submit button. */
  unplaced: string[];
}

const under = (field: string, prefix: string) =>
  field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);

/** Where each issue goes: the rule with the longest field that is the issue's field or a parent of it. */
export function placeIssues(issues: readonly FieldIssue[], rules: readonly FieldRule[]): PlacedIssues {
  const byInput = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const rule = rules.filter((r) => under(issue.field, r.field)).sort((a, b) => b.field.length - a.field.length)[0];
    if (!rule) {
      unplaced.push(`${issue.field}: ${issue.message}`);
      continue;
    }
    const text = rule.text ? rule.text(issue) : issue.message;
    byInput.set(rule.inputId, [...(byInput.get(rule.inputId) ?? []), text]);
  }
  return { byInput, unplaced };
}

/** `departments[2]` → 2; null when the field has no index under `prefix`. */
export function indexIn(field: string, prefix: string): number | null {
  const m = new RegExp(`^${prefix.replace(/[.[\]]/g, '\\$&')}(?:\\[(\\d+)\\]|\\.(\\d+))`).exec(field);
  return m ? Number(m[1] ?? m[2]) : null;
}

const ERROR_CLASS = 'field-error';

/** Removes every error and message an earlier submission of the form showed. */
export function clearFormErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll(`.${ERROR_CLASS}`)) el.remove();
  for (const input of form.querySelectorAll<HTMLElement>('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.endsWith('-err'));
    if (ids.length > 0) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  // The status line is kept (it is the live region), only emptied.
  const status = form.querySelector<HTMLElement>('.form-status');
  if (status) {
    status.textContent = '';
    delete status.dataset.error;
  }
}

/** The status line beside the form's submit button (made on first use): success and errors no input owns. */
export function formStatus(form: HTMLElement): HTMLElement {
  let status = form.querySelector<HTMLElement>('.form-status');
  if (!status) {
    status = document.createElement('p');
    status.className = 'form-status';
    status.setAttribute('role', 'status');
    const submit = form.querySelector('button[type=submit], button:not([type])');
    if (submit) submit.insertAdjacentElement('afterend', status);
    else form.append(status);
  }
  return status;
}

/** Shows placed issues under their inputs and the rest beside the submit button; focus moves to the first. */
export function showFormErrors(form: HTMLElement, placed: PlacedIssues): void {
  clearFormErrors(form);
  let first: HTMLElement | null = null;
  for (const [inputId, lines] of placed.byInput) {
    const input = form.querySelector<HTMLElement>(`#${CSS.escape(inputId)}`);
    if (!input) {
      placed.unplaced.push(...lines);
      continue;
    }
    const note = document.createElement('p');
    note.className = ERROR_CLASS;
    note.id = `${inputId}-err`;
    note.textContent = lines.join(' ');
    // After the input's own help, so the error sits right under what it is about.
    (input.closest('.q') ?? input.parentElement ?? form).append(note);
    input.setAttribute('aria-invalid', 'true');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    input.setAttribute('aria-describedby', [...ids, note.id].join(' '));
    first ??= input;
  }
  if (placed.unplaced.length > 0) {
    const status = formStatus(form);
    status.textContent = placed.unplaced.join(' ');
    status.dataset.error = 'true';
  }
  (first ?? form.querySelector<HTMLElement>('button[type=submit], button:not([type])'))?.focus();
}

/** An API failure shown on the form: field errors by `rules`, anything else (a 409's detail) beside the button. */
export function showApiError(form: HTMLElement, err: unknown, rules: readonly FieldRule[] = []): void {
  if (err instanceof ApiError && err.errors.length > 0) {
    showFormErrors(form, placeIssues(err.errors, rules));
    return;
  }
  showFormErrors(form, { byInput: new Map(), unplaced: [err instanceof Error ? err.message : String(err)] });
}

/** A success: every earlier error cleared and the message beside the submit button. */
export function showFormSuccess(form: HTMLElement, message: string): void {
  clearFormErrors(form);
  formStatus(form).textContent = message;
}
