// The ledger step of the survey (instrument 2026.2 on): plain form fields that work without JavaScript. Each ledger
// is one fieldset with its question; entry 1 is open, entries 2 and 3 sit in <details> a respondent opens when needed,
// so skipping costs nothing. Field names are ledger-fields.ts's; the API checks every value.

import type { ChoiceOption, Instrument, Language } from '../../shared/instrument';
import { HOLDER_LEVEL_NAMES, type Range, type ResolvedLedgerDesign } from '../../shared/ledger';
import { ledgerFieldName } from '../../shared/ledger/ledger-fields';
import { esc } from '../html';
import { fill, type SurveyMessages } from './messages';

export interface LedgerStepInput {
  instrument: Instrument;
  design: ResolvedLedgerDesign;
  lang: Language;
  m: SurveyMessages;
  /** Raw form values to show again (after a failed plain post), by field name. */
  values: Record<string, string | undefined>;
  /** Errors by form field name (ledger_time_2_hours). */
  errors: { field: string; message: string }[];
}

type Ledger = 'time' | 'waiting' | 'knowledge';

function fieldError(errors: LedgerStepInput['errors'], field: string): { html: string; attr: string } {
  const own = errors.filter((e) => e.field === field);
  if (own.length === 0) return { html: '', attr: '' };
  return {
    html: `<p class="err" id="e-${field}">${own.map((e) => esc(e.message)).join(' ')}</p>`,
    attr: ` aria-describedby="e-${field}" aria-invalid="true"`,
  };
}

function select(p: LedgerStepInput, name: string, label: string, options: string): string {
  const e = fieldError(p.errors, name);
  return `<div class="field"><label for="f-${name}">${esc(label)}</label>${e.html}<select id="f-${name}" name="${name}"${e.attr}><option value=""></option>${options}</select></div>`;
}

function optionList(options: readonly ChoiceOption[], lang: Language, chosen: string | undefined): string {
  return options
    .map((o) => `<option value="${esc(o.id)}"${chosen === o.id ? ' selected' : ''}>${esc(o.label[lang])}</option>`)
    .join('');
}

function number(p: LedgerStepInput, name: string, label: string, r: Range): string {
  const e = fieldError(p.errors, name);
  const value = p.values[name];
  return `<div class="field"><label for="f-${name}">${esc(label)}</label>${e.html}<input id="f-${name}" name="${name}" type="number" inputmode="decimal" min="${r.min}" max="${r.max}" step="${r.step}"${
    value ? ` value="${esc(value)}"` : ''
  }${e.attr}></div>`;
}

function labelField(p: LedgerStepInput, ledger: Ledger, slot: number): string {
  if (!p.design.labels) return '';
  const name = ledgerFieldName(ledger, slot, 'label');
  const e = fieldError(p.errors, name);
  const value = p.values[name];
  return `<div class="field"><label for="f-${name}">${esc(p.m.ledgerLabel)}</label>${e.html}<input id="f-${name}" name="${name}" maxlength="80" autocomplete="off"${
    value ? ` value="${esc(value)}"` : ''
  }${e.attr}></div>`;
}

function holderOptions(p: LedgerStepInput, chosen: string | undefined): string {
  const departments = (p.design.departments ?? [])
    .map((d) => {
      const value = `department:${d}`;
      return `<option value="${esc(value)}"${chosen === value ? ' selected' : ''}>${esc(d)}</option>`;
    })
    .join('');
  const levels = (Object.keys(HOLDER_LEVEL_NAMES) as (keyof typeof HOLDER_LEVEL_NAMES)[])
    .map((l) => {
      const value = `level:${l}`;
      return `<option value="${value}"${chosen === value ? ' selected' : ''}>${esc(HOLDER_LEVEL_NAMES[l][p.lang])}</option>`;
    })
    .join('');
  return `${departments ? `<optgroup label="${esc(p.m.ledgerDepartments)}">${departments}</optgroup>` : ''}<optgroup label="${esc(
    p.m.ledgerLevels,
  )}">${levels}</optgroup>`;
}

function entryFields(p: LedgerStepInput, ledger: Ledger, slot: number): string {
  const { design, lang, m, values } = p;
  const f = (field: string) => ledgerFieldName(ledger, slot, field);
  if (ledger === 'time') {
    return (
      select(p, f('category'), m.ledgerTimeWhat, optionList(design.time.categories, lang, values[f('category')])) +
      number(p, f('hours'), m.ledgerHours, design.time.hoursPerWeek) +
      select(p, f('reason'), m.ledgerWhy, optionList(design.time.reasons, lang, values[f('reason')])) +
      labelField(p, ledger, slot)
    );
  }
  if (ledger === 'waiting') {
    return (
      select(p, f('kind'), m.ledgerWaitWhat, optionList(design.waiting.kinds, lang, values[f('kind')])) +
      select(p, f('held_by'), m.ledgerHeldBy, holderOptions(p, values[f('held_by')])) +
      number(p, f('days'), m.ledgerDays, design.waiting.days) +
      number(p, f('times'), m.ledgerTimes, design.waiting.timesPerMonth) +
      labelField(p, ledger, slot)
    );
  }
  return (
    select(
      p,
      f('category'),
      m.ledgerKnowledgeWhat,
      optionList(design.knowledge.categories, lang, values[f('category')]),
    ) +
    number(p, f('checks'), m.ledgerChecks, design.knowledge.checksPerWeek) +
    select(p, f('sop'), m.ledgerSop, optionList(design.knowledge.sop, lang, values[f('sop')])) +
    labelField(p, ledger, slot)
  );
}

/** The ledger step's content: one fieldset per ledger, `maxEntries` slots each. */
export function ledgerStep(p: LedgerStepInput): string {
  const prompts = p.instrument.ledger!;
  const parts = (['time', 'waiting', 'knowledge'] as const).map((ledger) => {
    const slots = Array.from({ length: p.design.maxEntries }, (_, i) => i + 1).map((slot) => {
      const body = `<div class="entry" id="f-ledger_${ledger}_${slot}"><p class="entry-h">${esc(
        fill(p.m.ledgerEntry, { n: slot }),
      )}</p>${entryFields(p, ledger, slot)}</div>`;
      if (slot === 1) return body;
      // Open when it holds something (shown again after a failed post), so nothing typed is out of sight.
      const filled = Object.entries(p.values).some(([name, v]) => v && name.startsWith(`ledger_${ledger}_${slot}_`));
      return `<details class="more"${filled ? ' open' : ''}><summary>${esc(fill(p.m.ledgerAnother, { n: slot }))}</summary>${body}</details>`;
    });
    return `<fieldset class="q ledger" id="f-ledger_${ledger}"><legend>${esc(prompts[ledger].prompt[p.lang])}</legend>${slots.join('')}</fieldset>`;
  });
  return `<p class="note">${esc(p.m.ledgerNote)}</p>${parts.join('')}`;
}
