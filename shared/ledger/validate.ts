import { type ChoiceOption, type Instrument, type Language, LEVELS } from '../instrument';
import { CATEGORY_ID, holderKey } from './design';
import type { CampaignLedgerSettings, LedgerName, Range, ResolvedLedgerDesign, WaitHolder } from './types';

/** A problem with one field of the ledger, named as the API names it (`ledger.waiting[1].days`). */
export interface LedgerIssue {
  field: string;
  message: string;
}

/** The most characters a label may have as sent (it is cut to LABEL_MAX once cleaned). */
export const LABEL_INPUT_MAX = 200;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many steps of the range a value is: an integer for every value the range allows. */
export const ticksOf = (value: number, range: Range): number => Math.round((value - range.min) / range.step);

export function inRange(value: unknown, range: Range): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) return false;
  const steps = (value - range.min) / range.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

const rangeText = (r: Range) =>
  `expected a number from ${r.min} to ${r.max}${r.step === 1 ? ', a whole number' : ` in steps of ${r.step}`}`;

const optionText = (options: readonly ChoiceOption[]) => `expected one of ${options.map((o) => o.id).join(', ')}`;

/** What each ledger's entries hold, in the order their fields are checked. */
const ENTRY_FIELDS: Record<LedgerName, readonly string[]> = {
  time: ['category', 'hoursPerWeek', 'reason', 'label'],
  waiting: ['kind', 'heldBy', 'days', 'timesPerMonth', 'label'],
  knowledge: ['category', 'checksPerWeek', 'sop', 'label'],
};

/**
 * Checks a respondent's ledger against the ledger step a campaign asks: at most `maxEntries` per ledger, categories
 * and options from its lists, numbers in range and on the step, a wait held by one of its departments or a level, one
 * entry per category (per kind and holder for waits), labels only where the campaign allows them. Unknown fields are
 * issues too. Returns every issue; none means the ledger may be stored and folded.
 */
export function ledgerIssues(design: ResolvedLedgerDesign, ledger: unknown): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  if (!isRecord(ledger)) return [{ field: 'ledger', message: 'expected an object with time, waiting and knowledge' }];
  for (const key of Object.keys(ledger)) {
    if (!Object.hasOwn(ENTRY_FIELDS, key)) issues.push({ field: `ledger.${key}`, message: 'is not a known field' });
  }
  for (const name of ['time', 'waiting', 'knowledge'] as const) {
    const entries = ledger[name];
    if (entries === undefined) continue;
    const path = `ledger.${name}`;
    if (!Array.isArray(entries)) {
      issues.push({ field: path, message: 'expected a list of entries' });
      continue;
    }
    if (entries.length > design.maxEntries) {
      issues.push({ field: path, message: `must have at most ${design.maxEntries} entries` });
      continue;
    }
    const seen = new Map<string, number>();
    entries.forEach((entry: unknown, i) => {
      const at = `${path}[${i}]`;
      if (!isRecord(entry)) {
        issues.push({ field: at, message: 'expected an entry object' });
        return;
      }
      for (const key of Object.keys(entry)) {
        if (!ENTRY_FIELDS[name].includes(key)) issues.push({ field: `${at}.${key}`, message: 'is not a known field' });
      }
      const key = entryIssues(design, name, entry, at, issues);
      if (key === null) return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const what = name === 'waiting' ? 'the same wait (kind and holder)' : 'the same category';
        issues.push({
          field: `${at}.${name === 'waiting' ? 'kind' : 'category'}`,
          message: `${what} as ${path}[${first}]`,
        });
      }
      labelIssue(design, entry.label, at, issues);
    });
  }
  return issues;
}

/** Checks one entry's own fields; returns the key that must be unique within the ledger, or null if it has none. */
function entryIssues(
  design: ResolvedLedgerDesign,
  name: LedgerName,
  entry: Record<string, unknown>,
  at: string,
  issues: LedgerIssue[],
): string | null {
  const option = (field: string, options: readonly ChoiceOption[], required: boolean, open = false): boolean => {
    const v = entry[field];
    if (v === undefined) {
      if (required) issues.push({ field: `${at}.${field}`, message: `is required: ${optionText(options)}` });
      return !required;
    }
    if (typeof v === 'string' && (options.some((o) => o.id === v) || (open && CATEGORY_ID.test(v)))) return true;
    issues.push({ field: `${at}.${field}`, message: `unknown ${field} ${JSON.stringify(v)}: ${optionText(options)}` });
    return false;
  };
  const number = (field: string, range: Range): void => {
    const v = entry[field];
    if (v === undefined) issues.push({ field: `${at}.${field}`, message: `is required: ${rangeText(range)}` });
    else if (!inRange(v, range)) issues.push({ field: `${at}.${field}`, message: rangeText(range) });
  };
  if (name === 'time') {
    const ok = option('category', design.time.categories, true, design.openCategories);
    number('hoursPerWeek', design.time.hoursPerWeek);
    option('reason', design.time.reasons, false);
    return ok ? (entry.category as string) : null;
  }
  if (name === 'knowledge') {
    const ok = option('category', design.knowledge.categories, true, design.openCategories);
    number('checksPerWeek', design.knowledge.checksPerWeek);
    option('sop', design.knowledge.sop, false);
    return ok ? (entry.category as string) : null;
  }
  const ok = option('kind', design.waiting.kinds, true);
  const holder = holderIssue(design, entry.heldBy, `${at}.heldBy`, issues);
  number('days', design.waiting.days);
  number('timesPerMonth', design.waiting.timesPerMonth);
  return ok && holder ? `${entry.kind as string}\n${holderKey(holder)}` : null;
}

function holderIssue(
  design: ResolvedLedgerDesign,
  value: unknown,
  field: string,
  issues: LedgerIssue[],
): WaitHolder | null {
  const departments = design.departments;
  const expected = `expected { "department": ${departments ? 'one of the campaign’s departments' : 'a department name'} } or { "level": one of ${LEVELS.join(', ')} }`;
  if (!isRecord(value)) {
    issues.push({ field, message: value === undefined ? `is required: ${expected}` : expected });
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value.level === 'string') {
    if ((LEVELS as readonly string[]).includes(value.level)) return value as WaitHolder;
    issues.push({
      field: `${field}.level`,
      message: `unknown level ${JSON.stringify(value.level)}: one of ${LEVELS.join(', ')}`,
    });
    return null;
  }
  if (keys.length === 1 && typeof value.department === 'string') {
    const d = value.department;
    if (departments ? departments.includes(d) : d.trim().length > 0 && d.length <= 80) return value as WaitHolder;
    issues.push({
      field: `${field}.department`,
      message: departments
        ? `${JSON.stringify(d)} is not one of the campaign's ${departments.length} departments`
        : 'expected a department name of 1 to 80 characters',
    });
    return null;
  }
  issues.push({ field, message: expected });
  return null;
}

function labelIssue(design: ResolvedLedgerDesign, label: unknown, at: string, issues: LedgerIssue[]): void {
  if (label === undefined) return;
  const field = `${at}.label`;
  if (!design.labels) issues.push({ field, message: 'this campaign takes no free-text labels' });
  else if (typeof label !== 'string' || [...label].length > LABEL_INPUT_MAX) {
    issues.push({ field, message: `expected text of at most ${LABEL_INPUT_MAX} characters` });
  }
}

/**
 * Checks what a campaign sets about the ledger step at creation: the instrument must have one; category ids distinct
 * within each list; each category named in every language the campaign is asked in.
 */
export function ledgerSettingsIssues(
  instrument: Instrument,
  settings: CampaignLedgerSettings,
  languages: readonly Language[],
): LedgerIssue[] {
  if (!instrument.ledger) {
    return [{ field: 'ledger', message: `instrument ${instrument.version} has no ledger step` }];
  }
  const issues: LedgerIssue[] = [];
  for (const list of ['timeCategories', 'knowledgeCategories'] as const) {
    const seen = new Map<string, number>();
    (settings[list] ?? []).forEach((category, i) => {
      const at = `ledger.${list}[${i}]`;
      const first = seen.get(category.id);
      if (first !== undefined) issues.push({ field: `${at}.id`, message: `repeats ledger.${list}[${first}].id` });
      else seen.set(category.id, i);
      for (const lang of languages) {
        if (!category.label[lang]) {
          issues.push({ field: `${at}.label.${lang}`, message: `is required: the campaign is asked in ${lang}` });
        }
      }
    });
  }
  return issues;
}

// ---- the fast check: the same verdict as ledgerIssues, without building a message (the fold's path, per row)

interface Lookup {
  timeCategories: ReadonlySet<string>;
  reasons: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  knowledgeCategories: ReadonlySet<string>;
  sop: ReadonlySet<string>;
  departments: ReadonlySet<string> | null;
}
const lookups = new WeakMap<ResolvedLedgerDesign, Lookup>();
function lookupOf(d: ResolvedLedgerDesign): Lookup {
  let l = lookups.get(d);
  if (!l) {
    const ids = (options: readonly ChoiceOption[]) => new Set(options.map((o) => o.id));
    l = {
      timeCategories: ids(d.time.categories),
      reasons: ids(d.time.reasons),
      kinds: ids(d.waiting.kinds),
      knowledgeCategories: ids(d.knowledge.categories),
      sop: ids(d.knowledge.sop),
      departments: d.departments ? new Set(d.departments) : null,
    };
    lookups.set(d, l);
  }
  return l;
}

const LEVEL_SET: ReadonlySet<string> = new Set(LEVELS);

function categoryFits(v: unknown, listed: ReadonlySet<string>, open: boolean | undefined): v is string {
  return typeof v === 'string' && (listed.has(v) || (open === true && CATEGORY_ID.test(v)));
}

function labelFits(d: ResolvedLedgerDesign, label: unknown): boolean {
  if (label === undefined) return true;
  if (!d.labels || typeof label !== 'string') return false;
  // Characters as ledgerIssues counts them (code points); only long strings need the count.
  return label.length <= LABEL_INPUT_MAX || [...label].length <= LABEL_INPUT_MAX;
}

function holderFits(l: Lookup, h: unknown): string | null {
  if (!isRecord(h)) return null;
  let keys = 0;
  for (const _ in h) keys++;
  if (keys !== 1) return null;
  if (typeof h.level === 'string') return LEVEL_SET.has(h.level) ? `level:${h.level}` : null;
  if (typeof h.department === 'string') {
    const dep = h.department;
    const ok = l.departments ? l.departments.has(dep) : dep.trim().length > 0 && dep.length <= 80;
    return ok ? `department:${dep}` : null;
  }
  return null;
}

/**
 * True exactly when `ledgerIssues(design, ledger)` finds nothing: the check the scoring engine runs on every response
 * it folds, written as plain loops (ledgerIssues, which names every problem, runs only once this says no).
 */
export function ledgerFits(d: ResolvedLedgerDesign, ledger: unknown): boolean {
  if (!isRecord(ledger)) return false;
  for (const key in ledger) if (key !== 'time' && key !== 'waiting' && key !== 'knowledge') return false;
  const l = lookupOf(d);
  const max = d.maxEntries;
  const time = ledger.time;
  if (time !== undefined) {
    if (!Array.isArray(time) || time.length > max) return false;
    for (let i = 0; i < time.length; i++) {
      const e: unknown = time[i];
      if (!isRecord(e)) return false;
      for (const k in e) if (k !== 'category' && k !== 'hoursPerWeek' && k !== 'reason' && k !== 'label') return false;
      if (!categoryFits(e.category, l.timeCategories, d.openCategories)) return false;
      if (!inRange(e.hoursPerWeek, d.time.hoursPerWeek)) return false;
      if (e.reason !== undefined && !(typeof e.reason === 'string' && l.reasons.has(e.reason))) return false;
      for (let j = 0; j < i; j++) if ((time[j] as { category: unknown }).category === e.category) return false;
      if (!labelFits(d, e.label)) return false;
    }
  }
  const waiting = ledger.waiting;
  if (waiting !== undefined) {
    if (!Array.isArray(waiting) || waiting.length > max) return false;
    const seen: string[] = [];
    for (let i = 0; i < waiting.length; i++) {
      const e: unknown = waiting[i];
      if (!isRecord(e)) return false;
      for (const k in e) {
        if (k !== 'kind' && k !== 'heldBy' && k !== 'days' && k !== 'timesPerMonth' && k !== 'label') return false;
      }
      if (!(typeof e.kind === 'string' && l.kinds.has(e.kind))) return false;
      const holder = holderFits(l, e.heldBy);
      if (holder === null) return false;
      if (!inRange(e.days, d.waiting.days) || !inRange(e.timesPerMonth, d.waiting.timesPerMonth)) return false;
      const key = `${e.kind}\n${holder}`;
      if (seen.includes(key)) return false;
      seen.push(key);
      if (!labelFits(d, e.label)) return false;
    }
  }
  const knowledge = ledger.knowledge;
  if (knowledge !== undefined) {
    if (!Array.isArray(knowledge) || knowledge.length > max) return false;
    for (let i = 0; i < knowledge.length; i++) {
      const e: unknown = knowledge[i];
      if (!isRecord(e)) return false;
      for (const k in e) if (k !== 'category' && k !== 'checksPerWeek' && k !== 'sop' && k !== 'label') return false;
      if (!categoryFits(e.category, l.knowledgeCategories, d.openCategories)) return false;
      if (!inRange(e.checksPerWeek, d.knowledge.checksPerWeek)) return false;
      if (e.sop !== undefined && !(typeof e.sop === 'string' && l.sop.has(e.sop))) return false;
      for (let j = 0; j < i; j++) if ((knowledge[j] as { category: unknown }).category === e.category) return false;
      if (!labelFits(d, e.label)) return false;
    }
  }
  return true;
}
