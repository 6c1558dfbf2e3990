// The settings of an open campaign that change after creation (issue 16): who may answer (the open link), the
// languages, the close date and the reminders still to come. The API checks them as at creation and names the field;
// each error goes under its input (field-errors.ts). Only what the consultant changed is sent.

import { CURRENT_INSTRUMENT, findInstrument } from '../../shared/instrument';
import { esc } from '../html';
import type { CampaignRow } from './campaign-actions';
import type { FieldRule } from './field-errors';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese', de: 'German' };

/** The day of an ISO time in the consultant's own time zone, as a date input shows it (YYYY-MM-DD). */
const localDay = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

const idsOf = (c: CampaignRow) => {
  const id = c.id;
  return {
    open: `cs-open-${id}`,
    lang: (l: string) => `cs-lang-${id}-${l}`,
    closes: `cs-closes-${id}`,
    reminders: `cs-rem-${id}`,
  };
};

const languagesOf = (c: CampaignRow): string[] => {
  const instrument = (c.instrument && findInstrument(c.instrument.id, c.instrument.version)) || CURRENT_INSTRUMENT;
  return [...instrument.languages];
};

/** The reminders still to come, as the input shows them. */
const pendingReminders = (c: CampaignRow, now = new Date()): string =>
  (c.remindAt ?? [])
    .filter((t) => t > now.toISOString())
    .map(localDay)
    .join(', ');

export function openSettingsFields(c: CampaignRow): string {
  const ids = idsOf(c);
  const on = c.openLink !== false;
  const langs = languagesOf(c)
    .map((l) => {
      const checked = (c.languages ?? []).includes(l) ? ' checked' : '';
      return `<label class="check"><input type="checkbox" id="${esc(ids.lang(l))}" value="${esc(l)}" name="cs-lang"${checked}> ${esc(
        LANGUAGE_NAMES[l] ?? l,
      )}</label>`;
    })
    .join(' ');
  return `<fieldset class="q"><legend>Who may answer</legend><label class="check"><input type="checkbox" id="${esc(
    ids.open,
  )}"${on ? ' checked' : ''} aria-describedby="${esc(ids.open)}-help"> Anyone with the open survey link</label><p id="${esc(
    ids.open,
  )}-help" class="help">Unticked: the open link stops taking answers at once and only invited people can answer. Ticked again: a new link is made and shown once; the old one stays dead.</p></fieldset><fieldset class="q"><legend>Languages</legend>${langs}<p class="help">A language can be added at any time; one that invitations were mailed in stays until the campaign closes.</p></fieldset><div class="q"><label for="${esc(
    ids.closes,
  )}">Close date</label><input type="date" id="${esc(ids.closes)}" value="${esc(
    c.closesAt ? localDay(c.closesAt) : '',
  )}" aria-describedby="${esc(ids.closes)}-help"><p id="${esc(
    ids.closes,
  )}-help" class="help">The survey closes at the end of that day (your time). Empty: it closes when you close it.</p></div><div class="q"><label for="${esc(
    ids.reminders,
  )}">Reminder dates</label><input id="${esc(ids.reminders)}" value="${esc(
    pendingReminders(c),
  )}" placeholder="YYYY-MM-DD, YYYY-MM-DD" aria-describedby="${esc(ids.reminders)}-help"><p id="${esc(
    ids.reminders,
  )}-help" class="help">The reminders still to come, separated by commas: each at 09:00 your time, before the close date, to invitees who have not answered. Empty: no more reminders.</p></div>`;
}

/** What the consultant changed among those settings, as the PATCH takes it. */
export function openSettingsChanges(form: HTMLElement, c: CampaignRow): Record<string, unknown> {
  const ids = idsOf(c);
  const body: Record<string, unknown> = {};
  const value = (id: string) => form.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
  const open = value(ids.open);
  if (open && open.checked !== (c.openLink !== false)) body.openLink = open.checked;
  const languages = languagesOf(c).filter((l) => value(ids.lang(l))?.checked);
  if (languages.join(',') !== (c.languages ?? []).join(',')) {
    // Kept in the campaign's order, new ones after: the first language stays the default.
    const kept = (c.languages ?? []).filter((l) => languages.includes(l));
    body.languages = [...kept, ...languages.filter((l) => !kept.includes(l))];
  }
  const closes = value(ids.closes)?.value ?? '';
  if (closes !== (c.closesAt ? localDay(c.closesAt) : '')) {
    body.closesAt = closes ? new Date(`${closes}T23:59:59`).toISOString() : null;
  }
  const reminders = value(ids.reminders)?.value ?? '';
  if (reminders.trim() !== pendingReminders(c)) {
    body.remindAt = reminders
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((d) => {
        const at = new Date(`${d}T09:00:00`);
        // Anything that is not a date is sent as typed: the API names it next to the field.
        return /^\d{4}-\d{2}-\d{2}$/.test(d) && Number.isFinite(at.getTime()) ? at.toISOString() : d;
      });
  }
  // Languages in the campaign's order only changed the order: nothing to send.
  if (body.languages && (body.languages as string[]).join(',') === (c.languages ?? []).join(',')) delete body.languages;
  return body;
}

/** Where the API's errors about those settings go. */
export function openSettingsRules(c: CampaignRow): FieldRule[] {
  const ids = idsOf(c);
  return [
    { field: 'openLink', inputId: ids.open },
    { field: 'languages', inputId: ids.lang(languagesOf(c)[0] ?? 'en') },
    { field: 'closesAt', inputId: ids.closes },
    {
      field: 'remindAt',
      inputId: ids.reminders,
      text: (issue) => {
        const m = /^remindAt\.(\d+)$/.exec(issue.field);
        return m ? `Reminder ${Number(m[1]) + 1}: ${issue.message}.` : issue.message;
      },
    },
    { field: 'reminderDays', inputId: ids.reminders },
  ];
}

/** A new open link, shown once in the organisation's result area. */
export function showNewLink(orgId: string, campaignName: string, url: string): void {
  const out = document.getElementById(`r-${orgId}`);
  if (!out) return;
  out.innerHTML = `<p>The new open survey link of <strong>${esc(
    campaignName,
  )}</strong> (shown this once: copy it now and share it with employees):</p><code class="linkbox">${esc(url)}</code>`;
}
