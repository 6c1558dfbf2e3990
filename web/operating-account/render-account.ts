// The account page as HTML: a pure function of the account JSON (GET /api/v1/orgs/{id}/account), the language and
// what is open for editing. Every control is a native form control with a visible label, every table has a caption
// and header cells, and every text from the API goes through esc(): keyboard-only and axe-clean like the rest.

import {
  type AccountSummary,
  baselineCell,
  type CapacityRecord,
  type CellFigures,
  type CellRef,
  DESTINATION_LABELS,
  DESTINATIONS,
  ENTRY_STATUSES,
  type Entry,
  type EntryStatus,
  type Flow,
  type FlowState,
  FREED_LABELS,
  GAP_LABELS,
  LEDGER_LABELS,
  LEDGERS,
  type LedgerName,
  type Measure,
  OUTCOMES_OF,
  PRECONDITION_QUESTIONS,
  type QualitySignal,
  type ReconciliationView,
  type Review,
  SIGNAL_KIND_LABELS,
  SIGNAL_KINDS,
  type SignalState,
  SOP_LABELS,
  STATUS_LABELS,
  SUGGESTION_LABELS,
  UNIT_LABELS,
} from '../../shared/account';
import type { Language } from '../../shared/instrument';
import { classAttr, esc } from '../html';
import { ACCOUNT_MESSAGES, type AccountMessages } from './messages';

interface Versioned {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccountModel {
  orgId: string;
  orgName?: string;
  entries: (Entry & Versioned & { pendingReconciliation: ReconciliationView | null })[];
  proposals: { campaignId: string; index: number; action: string; ledger: string | null; entryId: string | null }[];
  capacity: (CapacityRecord & Versioned)[];
  flows: (Flow & Versioned & { state: FlowState | null })[];
  reviews: (Review<AccountSummary> & Versioned)[];
  summary: AccountSummary;
  latestWave: { campaignId: string; name: string; closedAt: string } | null;
  cells: { ref: CellRef; figures: CellFigures }[];
}

export interface HistoryItem {
  version: number;
  at: string;
  role: string;
  fields: { field: string; from: unknown; to: unknown }[];
}

export interface PageState {
  /** The entry whose edit form is open. */
  editing: string | null;
  history: { entryId: string; items: HistoryItem[] } | null;
  /** Campaign names by id, for waves. */
  waves: Record<string, string>;
  /** Whether the session may change the account (the policy table's `account.*` writes): else no forms. */
  writable: boolean;
}

const num = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '–';

/** A measure in its ledger's words: "4 · 4 times a month · 23 people · 368 in all". */
export function measureText(ledger: LedgerName, m: Measure | null | undefined, lang: Language): string {
  if (!m) return '–';
  const parts = [`${num(m.value)} ${UNIT_LABELS[ledger][lang]}`];
  if (ledger === 'waiting' && typeof m.perMonth === 'number')
    parts.push(`× ${num(m.perMonth)}/${lang === 'en' ? 'month' : lang === 'zh' ? '月' : 'Monat'}`);
  if (typeof m.people === 'number') parts.push(`× ${m.people}`);
  if (ledger === 'knowledge' && m.sop) parts.push(SOP_LABELS[m.sop][lang]);
  return parts.join(' ');
}

const dueText = (due: Entry['due'], state: PageState) =>
  !due ? '–' : 'date' in due ? due.date : (state.waves[due.wave] ?? due.wave);

const field = (id: string, label: string, control: string, help?: string) =>
  `<div class="q"><label for="${id}">${esc(label)}</label>${control}${help ? `<p class="help" id="${id}-help">${esc(help)}</p>` : ''}</div>`;

const input = (id: string, name: string, attrs = '', value: string | number | null | undefined = '') =>
  `<input id="${id}" name="${name}"${attrs ? ` ${attrs}` : ''}${value === '' || value === null || value === undefined ? '' : ` value="${esc(value)}"`}>`;

const numberInput = (id: string, name: string, value?: number | null, attrs = '') =>
  input(id, name, `type="number" min="0" step="any" inputmode="decimal"${attrs ? ` ${attrs}` : ''}`, value ?? '');

const select = (id: string, name: string, options: [string, string][], chosen?: string | null) =>
  `<select id="${id}" name="${name}">${options
    .map(([v, l]) => `<option value="${esc(v)}"${v === chosen ? ' selected' : ''}>${esc(l)}</option>`)
    .join('')}</select>`;

const table = (caption: string, head: string[], rows: string[], label = caption) =>
  `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(label)}"><table class="data"><caption>${esc(caption)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;

const section = (id: string, title: string, body: string) =>
  `<section id="${id}" class="panel" aria-labelledby="${id}-h"><h2 id="${id}-h" tabindex="-1">${esc(title)}</h2>${body}</section>`;

const errorBox = (form: string) => `<div class="form-errors" id="${form}-errors" role="alert" hidden></div>`;

export function renderAccount(model: AccountModel, lang: Language, state: PageState): string {
  const t = ACCOUNT_MESSAGES[lang];
  const nav = `<nav class="toc" aria-label="${esc(t.title)}"><ul>${[
    ['review', t.reviewH],
    ['entries', t.entriesH],
    ['capacity', t.capacityH],
    ['register', t.registerH],
    ['reviews', t.reviewLogH],
  ]
    .map(([id, text]) => `<li><a href="#${id}">${esc(text)}</a></li>`)
    .join('')}</ul></nav>`;
  return [
    nav,
    reviewSection(model, lang, t, state.writable),
    entriesSection(model, lang, t, state),
    capacitySection(model, lang, t, state.writable),
    registerSection(model, lang, t, state.writable),
    reviewLog(model, t),
  ].join('');
}

// ---- the review view --------------------------------------------------------------------------------------------

function doneList(
  items: AccountSummary['questions']['compressed'],
  ledger: LedgerName,
  lang: Language,
  t: AccountMessages,
) {
  if (items.length === 0) return `<p class="empty">${esc(t.none)}</p>`;
  return `<ul>${items
    .map(
      (d) =>
        `<li><strong>${esc(d.title)}</strong>: ${num(d.from)} → ${num(d.to)} ${esc(UNIT_LABELS[ledger][lang])}${
          d.sopTo ? ` · ${esc(SOP_LABELS[d.sopTo][lang])}` : ''
        } <span class="tag">${esc(STATUS_LABELS[d.status][lang])}</span></li>`,
    )
    .join('')}</ul>`;
}

export function freedTable(summary: AccountSummary, lang: Language, t: AccountMessages): string {
  const shares = summary.capacity?.shares ?? {};
  const rows = DESTINATIONS.filter((d) => (shares[d] ?? 0) > 0).map(
    (d) =>
      `<tr><th scope="row">${esc(DESTINATION_LABELS[d][lang])}</th><td class="num">${shares[d]}%</td>${LEDGERS.map(
        (l) => `<td class="num">${num(summary.freed[l].byDestination[d] ?? 0)}</td>`,
      ).join('')}</tr>`,
  );
  const allocated = DESTINATIONS.reduce((s, d) => s + (shares[d] ?? 0), 0);
  rows.push(
    `<tr><th scope="row">${esc(t.unallocated)}</th><td class="num">${100 - allocated}%</td>${LEDGERS.map(
      (l) => `<td class="num">${num(summary.freed[l].unallocated)}</td>`,
    ).join('')}</tr>`,
  );
  const anyFreed = LEDGERS.some((l) => summary.freed[l].freed > 0);
  const note = !summary.capacity && anyFreed ? `<p class="warn">${esc(t.noMechanism)}</p>` : '';
  return `${note}${table(
    t.freedCaption,
    [t.destination, t.share, ...LEDGERS.map((l) => FREED_LABELS[l][lang])],
    rows,
  )}`;
}

const STATE_TEXT = (t: AccountMessages): Record<SignalState, string> => ({
  past_threshold: t.pastThreshold,
  within: t.withinThreshold,
  no_threshold: t.noThreshold,
  no_value: t.noValue,
});

export function registerSummary(register: FlowState[], lang: Language, t: AccountMessages): string {
  if (register.length === 0) return `<p class="empty">${esc(t.noFlows)}</p>`;
  return `<ul>${register
    .map((f) => {
      const gaps = f.gaps.map((g) => GAP_LABELS[g][lang]).join('; ');
      const red = f.red.length ? ` <span class="red">${esc(t.pastThreshold)}: ${esc(f.red.join(', '))}</span>` : '';
      return `<li><strong>${esc(f.name)}</strong>${red}${gaps ? ` <span class="warn">${esc(t.gaps)}: ${esc(gaps)}</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

function reviewSection(model: AccountModel, lang: Language, t: AccountMessages, writable: boolean): string {
  const s = model.summary;
  const body = `<p class="lead">${esc(t.reviewLead)}</p><h3>${esc(t.q.compressed)}</h3>${doneList(s.questions.compressed, 'time', lang, t)}<h3>${esc(
    t.q.removed,
  )}</h3>${doneList(s.questions.removed, 'waiting', lang, t)}<h3>${esc(t.q.structured)}</h3>${doneList(
    s.questions.structured,
    'knowledge',
    lang,
    t,
  )}<h3>${esc(t.freedH)}</h3>${freedTable(s, lang, t)}<h3>${esc(t.registerH)}</h3>${registerSummary(
    s.register,
    lang,
    t,
  )}${writable ? reviewForm(s, t) : ''}`;
  return section('review', t.reviewH, body);
}

function reviewForm(s: AccountSummary, t: AccountMessages): string {
  return `<h3 id="record-review-h">${esc(t.recordReviewH)}</h3><form data-form="review" class="stack" aria-labelledby="record-review-h">${errorBox(
    'review',
  )}${field('review-held', t.heldOn, input('review-held', 'heldOn', 'type="date" required', s.asOf))}${field(
    'review-role',
    t.reviewerRole,
    input('review-role', 'reviewerRole', 'required maxlength="120"'),
  )}${field('review-notes', t.notes, '<textarea id="review-notes" name="notes" rows="4" required maxlength="4000"></textarea>')}<button type="submit">${esc(
    t.recordReview,
  )}</button></form>`;
}

// ---- entries -----------------------------------------------------------------------------------------------------

const statusOptions = (lang: Language, statuses: readonly EntryStatus[]) =>
  statuses.map((s): [string, string] => [s, STATUS_LABELS[s][lang]]);

function entryRow(e: AccountModel['entries'][number], lang: Language, t: AccountMessages, state: PageState): string {
  const edit = state.writable
    ? `<button type="button" class="secondary" data-edit="${esc(e.id)}" aria-describedby="e-${esc(e.id)}">${esc(t.edit)}</button>`
    : '';
  const head = `e-${esc(e.id)}`;
  return `<tr><td>${esc(LEDGER_LABELS[e.ledger][lang])}</td><th scope="row" id="${head}">${esc(e.title)}${
    e.department ? `<span class="ev-note">${esc(e.department)}</span>` : ''
  }</th><td>${esc(e.ownerRole ?? '–')}</td><td>${esc(measureText(e.ledger, e.baseline, lang))}</td><td>${esc(
    measureText(e.ledger, e.target, lang),
  )}</td><td>${esc(measureText(e.ledger, e.current, lang))}</td><td>${esc(dueText(e.due, state))}</td><td>${esc(
    STATUS_LABELS[e.status][lang],
  )}</td><td><div class="cell-actions">${edit}<button type="button" class="secondary" data-history="${esc(e.id)}" aria-describedby="${head}">${esc(
    t.history,
  )}</button></div></td></tr>`;
}

function measureFields(
  prefix: string,
  ledger: LedgerName | null,
  m: Measure | null | undefined,
  t: AccountMessages,
  disabled = false,
) {
  const d = disabled ? 'disabled' : '';
  return `${field(`${prefix}-value`, t.value, numberInput(`${prefix}-value`, `${prefix}.value`, m?.value, d))}${
    ledger === null || ledger === 'waiting'
      ? field(
          `${prefix}-per-month`,
          t.perMonth,
          numberInput(`${prefix}-per-month`, `${prefix}.perMonth`, m?.perMonth, d),
        )
      : ''
  }${field(`${prefix}-people`, t.people, numberInput(`${prefix}-people`, `${prefix}.people`, m?.people, `step="1" ${d}`))}`;
}

function editForm(e: AccountModel['entries'][number], lang: Language, t: AccountMessages): string {
  const id = `edit-${e.id}`;
  const fromCell = baselineCell(e.source) !== null;
  const statuses = ENTRY_STATUSES.filter((s) => s !== 'proposed' && (s !== 'dismissed' || e.status === 'dismissed'));
  return `<form data-form="edit-entry" data-entry="${esc(e.id)}" data-version="${e.version}" class="stack inline-form" aria-label="${esc(
    `${t.edit}: ${e.title}`,
  )}">${errorBox(id)}<fieldset><legend>${esc(e.title)}</legend>${field(`${id}-title`, t.title_, input(`${id}-title`, 'title', 'required maxlength="160"', e.title))}${field(
    `${id}-dept`,
    t.department,
    input(`${id}-dept`, 'department', 'maxlength="80"', e.department),
  )}${field(`${id}-owner`, t.ownerRole, input(`${id}-owner`, 'ownerRole', 'maxlength="120"', e.ownerRole))}<fieldset><legend>${esc(
    t.baseline,
  )}</legend>${measureFields(`${id}-baseline`, e.ledger, e.baseline, t, fromCell)}</fieldset><fieldset><legend>${esc(
    t.target,
  )}</legend>${field(`${id}-target-value`, t.value, numberInput(`${id}-target-value`, 'target.value', e.target?.value))}</fieldset><fieldset><legend>${esc(
    t.current,
  )}</legend>${measureFields(`${id}-current`, e.ledger, e.current, t)}</fieldset>${field(
    `${id}-incision`,
    t.incision,
    `<textarea id="${id}-incision" name="incision" rows="2" maxlength="1000">${esc(e.incision ?? '')}</textarea>`,
  )}${field(`${id}-due`, t.dueDate, input(`${id}-due`, 'due', 'type="date"', e.due && 'date' in e.due ? e.due.date : ''))}${field(
    `${id}-status`,
    t.status,
    select(`${id}-status`, 'status', statusOptions(lang, statuses), e.status),
  )}${field(`${id}-reason`, t.reason, input(`${id}-reason`, 'reason', 'maxlength="500"', e.reason))}</fieldset><div class="cell-actions"><button type="submit">${esc(
    t.save,
  )}</button><button type="button" class="secondary" data-cancel="1">${esc(t.cancel)}</button></div></form>`;
}

/** The status a reconciliation suggests the owner set: an outcome once the target is met, else the entry's own. */
export function suggestedStatus(e: Entry, suggestion: ReconciliationView['suggestion']): EntryStatus {
  if (suggestion === 'target_met' && !['compressed', 'removed', 'structured', 'verified'].includes(e.status)) {
    return OUTCOMES_OF[e.ledger][e.ledger === 'waiting' ? 1 : 0]!;
  }
  return e.status;
}

function reconcileBlock(
  e: AccountModel['entries'][number],
  lang: Language,
  t: AccountMessages,
  state: PageState,
): string {
  const r = e.pendingReconciliation;
  if (!r) return '';
  const id = `rec-${e.id}`;
  const wave = state.waves[r.campaignId] ?? r.campaignId;
  const baseline = baselineCell(e.source);
  const figures =
    r.figures && baseline
      ? `<p>${esc(
          t.change(
            `${num(baseline.figures.headline.median)}`,
            `${num(r.figures.headline.median)} ${UNIT_LABELS[e.ledger][lang]}`,
            r.change?.real ?? false,
          ),
        )} · ${r.figures.respondents}</p>`
      : `<p>${esc(t.notMeasurable)}</p>`;
  const statuses = ENTRY_STATUSES.filter((s) => s !== 'proposed' && s !== 'dismissed');
  return `<form data-form="reconcile" data-entry="${esc(e.id)}" data-version="${e.version}" data-campaign="${esc(
    r.campaignId,
  )}" class="stack inline-form" aria-label="${esc(`${t.reconcileH}: ${e.title}`)}">${errorBox(id)}<p><strong>${esc(e.title)}</strong>. ${esc(
    t.reconcileLead(wave),
  )} <span class="tag">${esc(SUGGESTION_LABELS[r.suggestion][lang])}</span></p>${figures}${field(
    `${id}-status`,
    t.status,
    select(`${id}-status`, 'status', statusOptions(lang, statuses), suggestedStatus(e, r.suggestion)),
  )}<button type="submit">${esc(t.confirm)}</button></form>`;
}

function historyBlock(model: AccountModel, t: AccountMessages, state: PageState): string {
  if (!state.history) return '';
  const entry = model.entries.find((e) => e.id === state.history!.entryId);
  const items = state.history.items
    .map(
      (c) =>
        `<li><strong>v${c.version}</strong> ${esc(t.changedBy(c.role, c.at.slice(0, 16).replace('T', ' ')))}: ${esc(
          c.fields.map((f) => f.field).join(', '),
        )}</li>`,
    )
    .join('');
  return `<div class="history" id="history" tabindex="-1"><h3>${esc(t.historyH(entry?.title ?? ''))}</h3><ol>${items}</ol></div>`;
}

function newEntryForm(lang: Language, t: AccountMessages): string {
  return `<h3 id="new-entry-h">${esc(t.newEntryH)}</h3><form data-form="new-entry" class="stack" aria-labelledby="new-entry-h">${errorBox(
    'new-entry',
  )}${field(
    'new-ledger',
    t.ledger,
    select(
      'new-ledger',
      'ledger',
      LEDGERS.map((l) => [l, LEDGER_LABELS[l][lang]]),
    ),
  )}${field(
    'new-title',
    t.title_,
    input('new-title', 'title', 'required maxlength="160"'),
  )}${field('new-dept', t.department, input('new-dept', 'department', 'maxlength="80"'))}${field(
    'new-owner',
    t.ownerRole,
    input('new-owner', 'ownerRole', 'maxlength="120"'),
  )}<fieldset><legend>${esc(t.baseline)}</legend>${measureFields('new-baseline', null, null, t)}</fieldset>${field(
    'new-target',
    `${t.target}: ${t.value}`,
    numberInput('new-target', 'target.value'),
  )}${field('new-incision', t.incision, '<textarea id="new-incision" name="incision" rows="2" maxlength="1000"></textarea>')}${field(
    'new-due',
    t.dueDate,
    input('new-due', 'due', 'type="date"'),
  )}<button type="submit">${esc(t.logEntry)}</button></form>`;
}

function cellForm(model: AccountModel, lang: Language, t: AccountMessages): string {
  const head = `<h3 id="cell-entry-h">${esc(t.fromCellH)}</h3>`;
  if (model.cells.length === 0) return `${head}<p class="empty">${esc(t.noCells)}</p>`;
  const options = model.cells.map((c, i): [string, string] => [
    String(i),
    `${LEDGER_LABELS[c.ref.ledger][lang]}: ${c.figures.name} (${num(c.figures.headline.median)} ${UNIT_LABELS[c.ref.ledger][lang]}, ${c.figures.respondents})`,
  ]);
  return `${head}<form data-form="cell-entry" class="stack" aria-labelledby="cell-entry-h">${errorBox('cell-entry')}${field(
    'cell-pick',
    t.cell,
    `${select('cell-pick', 'cell', options)}`,
    t.fromCellHelp,
  )}${field('cell-owner', t.ownerRole, input('cell-owner', 'ownerRole', 'maxlength="120"'))}${field(
    'cell-target',
    `${t.target}: ${t.value}`,
    numberInput('cell-target', 'target.value'),
  )}<button type="submit">${esc(t.logFromCell)}</button></form>`;
}

function proposalsBlock(model: AccountModel, lang: Language, t: AccountMessages): string {
  const head = `<h3>${esc(t.proposalsH)}</h3>`;
  if (model.proposals.length === 0) return `${head}<p class="empty">${esc(t.noProposals)}</p>`;
  const items = model.proposals
    .map((p) => {
      const id = `prop-${p.index}`;
      if (p.entryId) return `<li>${esc(p.action)} <span class="tag">${esc(t.taken)}</span></li>`;
      const ledgerPick = p.ledger
        ? ''
        : field(
            `${id}-ledger`,
            t.ledger,
            select(
              `${id}-ledger`,
              'ledger',
              LEDGERS.map((l) => [l, LEDGER_LABELS[l][lang]]),
            ),
          );
      return `<li><form data-form="proposal" data-campaign="${esc(p.campaignId)}" data-index="${p.index}" class="stack inline-form" aria-label="${esc(
        p.action,
      )}">${errorBox(id)}<p>${esc(p.action)}</p>${ledgerPick}${field(`${id}-reason`, t.reason, input(`${id}-reason`, 'reason', 'maxlength="500"'))}<div class="cell-actions"><button type="submit" name="decision" value="accept">${esc(
        t.accept,
      )}</button><button type="submit" name="decision" value="dismiss" class="secondary">${esc(t.dismiss)}</button></div></form></li>`;
    })
    .join('');
  return `${head}<ul class="proposals">${items}</ul>`;
}

function entriesSection(model: AccountModel, lang: Language, t: AccountMessages, state: PageState): string {
  const rows = model.entries.map((e) => entryRow(e, lang, t, state));
  const list = rows.length
    ? table(t.entriesH, [t.ledger, t.entry, t.owner, t.baseline, t.target, t.current, t.due, t.status, t.actions], rows)
    : `<p class="empty">${esc(t.noEntries)}</p>`;
  const editing = state.writable ? model.entries.find((e) => e.id === state.editing) : undefined;
  const pending = state.writable ? model.entries.filter((e) => e.pendingReconciliation) : [];
  const reconcile = pending.length
    ? `<h3>${esc(t.reconcileH)}</h3>${pending.map((e) => reconcileBlock(e, lang, t, state)).join('')}`
    : '';
  return section(
    'entries',
    t.entriesH,
    `${list}${editing ? editForm(editing, lang, t) : ''}${historyBlock(model, t, state)}${reconcile}${state.writable ? `${proposalsBlock(model, lang, t)}${cellForm(model, lang, t)}${newEntryForm(lang, t)}` : ''}`,
  );
}

// ---- capacity ----------------------------------------------------------------------------------------------------

function capacitySection(model: AccountModel, lang: Language, t: AccountMessages, writable: boolean): string {
  const current = model.summary.capacity;
  const shown = current
    ? `<p>${esc(t.decisionOf(current.decidedOn, current.ownerRole))}</p><ul>${DESTINATIONS.filter(
        (d) => (current.shares[d] ?? 0) > 0,
      )
        .map(
          (d) =>
            `<li><strong>${esc(DESTINATION_LABELS[d][lang])} ${current.shares[d]}%</strong>: ${esc(
              PRECONDITION_QUESTIONS[d][lang],
            )} ${esc(current.preconditions[d] ?? '')}</li>`,
        )
        .join('')}</ul>`
    : `<p class="empty">${esc(t.noDecision)}</p>`;
  const rows = DESTINATIONS.map(
    (d) =>
      `<fieldset><legend>${esc(DESTINATION_LABELS[d][lang])}</legend>${field(
        `cap-${d}-share`,
        t.share,
        input(`cap-${d}-share`, `shares.${d}`, 'type="number" min="0" max="100" step="1" inputmode="numeric"'),
      )}${field(
        `cap-${d}-pre`,
        `${t.precondition}: ${PRECONDITION_QUESTIONS[d][lang]}`,
        `<textarea id="cap-${d}-pre" name="preconditions.${d}" rows="2" maxlength="500"></textarea>`,
      )}</fieldset>`,
  ).join('');
  const form = `<h3 id="capacity-form-h">${esc(t.recordDecision)}</h3><form data-form="capacity" class="stack" aria-labelledby="capacity-form-h">${errorBox(
    'capacity',
  )}${field('cap-decided', t.decidedOn, input('cap-decided', 'decidedOn', 'type="date" required', model.summary.asOf))}${field(
    'cap-owner',
    t.ownerRole,
    input('cap-owner', 'ownerRole', 'required maxlength="120"'),
  )}${rows}${field('cap-told', t.toldStaffOn, input('cap-told', 'toldStaffOn', 'type="date"'))}${field(
    'cap-how',
    t.toldHow,
    input('cap-how', 'toldHow', 'maxlength="300"'),
  )}<button type="submit">${esc(t.recordDecision)}</button></form>`;
  return section('capacity', t.capacityH, `<p>${esc(t.capacityLead)}</p>${shown}${writable ? form : ''}`);
}

// ---- the stage-two register -------------------------------------------------------------------------------------

function signalRow(
  flow: AccountModel['flows'][number],
  s: QualitySignal & { state?: SignalState },
  i: number,
  lang: Language,
  t: AccountMessages,
  writable: boolean,
) {
  const state = s.state ?? 'no_value';
  const id = `sig-${flow.id}-${i}`;
  const name = s.label ?? SIGNAL_KIND_LABELS[s.kind][lang];
  return `<tr${classAttr(state === 'past_threshold' && 'red')}><th scope="row" id="${id}">${esc(name)}</th><td class="num">${num(
    s.threshold,
  )} ${esc(s.unit)}</td><td>${esc(s.trips === 'above' ? t.above : t.below)}</td><td class="num">${num(s.current)}${
    s.measuredOn ? ` (${esc(s.measuredOn)})` : ''
  }</td><td>${esc(STATE_TEXT(t)[state])}</td>${writable ? signalForm(flow, s, i, id, name, t) : ''}</tr>`;
}

function signalForm(
  flow: AccountModel['flows'][number],
  s: QualitySignal,
  i: number,
  id: string,
  name: string,
  t: AccountMessages,
): string {
  return `<td><form data-form="signal" data-flow="${esc(flow.id)}" data-version="${flow.version}" data-signal="${i}" class="row" aria-label="${esc(
    `${t.updateSignal}: ${name}`,
  )}">${errorBox(id)}<label class="sr-only" for="${id}-value">${esc(`${t.current}: ${name}`)}</label>${numberInput(
    `${id}-value`,
    'current',
    s.current,
    'min="-1000000000"',
  )}<label class="sr-only" for="${id}-on">${esc(`${t.measuredOn}: ${name}`)}</label>${input(`${id}-on`, 'measuredOn', 'type="date" required', s.measuredOn)}<button type="submit" class="secondary">${esc(
    t.updateSignal,
  )}</button></form></td>`;
}

function flowBlock(flow: AccountModel['flows'][number], lang: Language, t: AccountMessages, writable: boolean): string {
  const states = new Map((flow.state?.signals ?? []).map((s, i) => [i, s.state]));
  const gaps = (flow.state?.gaps ?? []).map((g) => GAP_LABELS[g][lang]);
  const rows = flow.signals.map((s, i) =>
    signalRow(flow, { ...s, state: states.get(i) ?? 'no_value' }, i, lang, t, writable),
  );
  return `<article class="flow"><h3>${esc(flow.name)}</h3><dl class="facts"><dt>${esc(t.humanExit)}</dt><dd>${esc(flow.humanExit ?? '–')}</dd><dt>${esc(
    t.adjudicator,
  )}</dt><dd>${esc(flow.adjudicator ?? '–')}</dd><dt>${esc(t.triggerOwner)}</dt><dd>${esc(flow.triggerOwner ?? '–')}</dd></dl>${
    gaps.length ? `<p class="warn">${esc(t.gaps)}: ${esc(gaps.join('; '))}</p>` : ''
  }${
    rows.length
      ? table(
          `${t.signal}: ${flow.name}`,
          [t.signal, t.threshold, t.trips, t.current, t.status, ...(writable ? [t.actions] : [])],
          rows,
        )
      : ''
  }</article>`;
}

function registerSection(model: AccountModel, lang: Language, t: AccountMessages, writable: boolean): string {
  const flows = model.flows.filter((f) => !f.retired);
  const list = flows.length
    ? flows.map((f) => flowBlock(f, lang, t, writable)).join('')
    : `<p class="empty">${esc(t.noFlows)}</p>`;
  const form = `<h3 id="flow-form-h">${esc(t.addFlowH)}</h3><form data-form="flow" class="stack" aria-labelledby="flow-form-h">${errorBox(
    'flow',
  )}${field('flow-name', t.flowName, input('flow-name', 'name', 'required maxlength="120"'))}${field(
    'flow-exit',
    t.humanExit,
    input('flow-exit', 'humanExit', 'maxlength="300"'),
  )}${field('flow-adj', t.adjudicator, input('flow-adj', 'adjudicator', 'maxlength="120"'))}${field(
    'flow-owner',
    t.triggerOwner,
    input('flow-owner', 'triggerOwner', 'maxlength="120"'),
  )}<fieldset><legend>${esc(t.signal)}</legend>${field(
    'flow-kind',
    t.signal,
    select(
      'flow-kind',
      'signal.kind',
      SIGNAL_KINDS.map((k) => [k, SIGNAL_KIND_LABELS[k][lang]]),
    ),
  )}${field('flow-label', t.title_, input('flow-label', 'signal.label', 'maxlength="80"'))}${field(
    'flow-unit',
    t.unit,
    input('flow-unit', 'signal.unit', 'maxlength="40"'),
  )}${field('flow-threshold', t.threshold, numberInput('flow-threshold', 'signal.threshold', null, 'min="-1000000000"'))}${field(
    'flow-trips',
    t.trips,
    select('flow-trips', 'signal.trips', [
      ['above', t.above],
      ['below', t.below],
    ]),
  )}${field('flow-current', t.current, numberInput('flow-current', 'signal.current', null, 'min="-1000000000"'))}${field(
    'flow-on',
    t.measuredOn,
    input('flow-on', 'signal.measuredOn', 'type="date"'),
  )}</fieldset><button type="submit">${esc(t.addFlow)}</button></form>`;
  return section('register', t.registerH, `${list}${writable ? form : ''}`);
}

function reviewLog(model: AccountModel, t: AccountMessages): string {
  const items = [...model.reviews]
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
    .map(
      (r) =>
        `<li><strong>${esc(r.heldOn)}</strong> · ${esc(r.reviewerRole)}<p class="notes">${esc(r.notes).replace(/\n/g, '<br>')}</p></li>`,
    )
    .join('');
  return section(
    'reviews',
    t.reviewLogH,
    items ? `<ol class="review-log">${items}</ol>` : `<p class="empty">${esc(t.noReviews)}</p>`,
  );
}
