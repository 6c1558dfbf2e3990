// The report's "Operating account" section: a pure function of GET /api/v1/campaigns/{id}/account, in the report's
// language (English). Leadership's own record, set beside this wave: entries with the same cell reconciled, the
// capacity decision beside what the workforce says was decided, freed capacity by destination, the register (a signal
// past its threshold red and said in words), the review log beside the workforce's view.

import {
  type AccountSummary,
  CADENCE_LABELS,
  type CellRef,
  type Communication,
  type Entry,
  FINDING_LABELS,
  FREED_LABELS,
  LEDGER_LABELS,
  LEDGERS,
  type ReconciliationView,
  type ReviewCadence,
  STATUS_LABELS,
  SUGGESTION_LABELS,
  UNIT_LABELS,
} from '../../shared/account';
import { esc } from '../html';
import { ACCOUNT_MESSAGES } from './messages';
import { freedTable, measureText, registerSummary } from './render-account';

export interface AccountSectionModel {
  entries: {
    total: number;
    moved: number;
    items: (Pick<
      Entry,
      'id' | 'ledger' | 'title' | 'status' | 'ownerRole' | 'baseline' | 'target' | 'current' | 'due'
    > & {
      reconciliation: (ReconciliationView & { confirmed?: Entry['status'] }) | null;
      /** The index of this wave's recommendation the entry was taken from, else null. */
      recommendation?: number | null;
      /** The published cell the entry's baseline comes from; null for a typed entry. */
      cell?: CellRef | null;
    })[];
  };
  communication: Communication | null;
  summary: AccountSummary;
  cadence: ReviewCadence;
}

const lang = 'en' as const;
const t = ACCOUNT_MESSAGES.en;
const pct = (v: number) => `${Math.round(v * 100)}%`;
const num = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '–';

function reconciliationText(item: AccountSectionModel['entries']['items'][number]): string {
  const r = item.reconciliation;
  if (!r) return '–';
  const label = SUGGESTION_LABELS[r.suggestion][lang];
  if (!r.figures) return esc(label);
  const confirmed = r.confirmed
    ? `; confirmed ${STATUS_LABELS[r.confirmed][lang].toLowerCase()}`
    : '; not yet confirmed';
  return `${esc(label)}: ${esc(num(r.figures.headline.median))} ${esc(UNIT_LABELS[item.ledger][lang])}${
    r.change
      ? ` (${r.change.headline > 0 ? '+' : ''}${esc(num(r.change.headline))}, ${r.change.real ? 'a real change' : 'within the uncertainty'})`
      : ''
  }${esc(confirmed)}`;
}

function communicationBlock(c: Communication | null): string {
  if (!c) return '<p class="muted">Set beside the workforce once this wave’s results are published.</p>';
  const workforce = c.workforce
    ? ` The workforce: ${pct(c.workforce.told)} say it was decided and they were told, ${pct(c.workforce.notTold)} decided but not told, ${pct(
        c.workforce.notDecided,
      )} nothing decided, ${pct(c.workforce.unknown)} do not know (${c.workforce.n} answers).`
    : '';
  const recorded = c.record
    ? ` Leadership recorded a decision on ${c.record.decidedOn}, owned by ${c.record.ownerRole}.`
    : '';
  const directions = c.directions?.workforce
    ? c.directions.match
      ? ` The workforce names the same direction (${c.directions.recorded}).`
      : ` The workforce names another direction (${c.directions.workforce}, not ${c.directions.recorded}).`
    : '';
  return `<p class="finding">${esc(FINDING_LABELS[c.finding][lang])}${esc(recorded)}${esc(workforce)}${esc(directions)}</p>`;
}

function cadenceBlock(c: ReviewCadence): string {
  const workforce = c.workforce
    ? c.workforce.measure === 'item_favourable'
      ? ` ${pct(c.workforce.value)} of the workforce agree that where time goes is discussed in regular operating reviews.`
      : ` The workforce’s time-ledger signal (which asks whether time is discussed in operating reviews) scores ${num(c.workforce.value)}.`
    : '';
  return `<p>${esc(CADENCE_LABELS[c.finding][lang])} ${c.reviews} ${c.reviews === 1 ? 'review' : 'reviews'} in the quarter before the close${
    c.lastHeldOn ? `, the last on ${esc(c.lastHeldOn)}` : ''
  }.${esc(workforce)}</p>`;
}

/** The section, or nothing when the organisation keeps no account yet. */
export function renderAccountSection(model: AccountSectionModel | null | undefined, accountLink?: string): string {
  if (!model) return '';
  const head =
    '<section id="operating-account" aria-labelledby="operating-account-h"><h2 id="operating-account-h">Operating account</h2>';
  const link = accountLink ? `<p><a href="${esc(accountLink)}">Manage the operating account</a></p>` : '';
  const s = model.summary;
  const freed = LEDGERS.filter((l) => s.freed[l].freed > 0)
    .map((l) => `${num(s.freed[l].freed)} ${FREED_LABELS[l][lang]}`)
    .join(', ');
  const lead = `<p class="lead">${model.entries.total} ${model.entries.total === 1 ? 'entry' : 'entries'} on the account; ${
    model.entries.moved
  } moved during this wave.${freed ? ` Freed so far: ${esc(freed)}.` : ''}</p>`;
  const rows = model.entries.items.map(
    (e) =>
      `<tr><td>${esc(LEDGER_LABELS[e.ledger][lang])}</td><th scope="row">${esc(e.title)}</th><td>${esc(e.ownerRole ?? '–')}</td><td>${esc(
        measureText(e.ledger, e.baseline, lang),
      )}</td><td>${esc(measureText(e.ledger, e.target, lang))}</td><td>${esc(measureText(e.ledger, e.current, lang))}</td><td>${reconciliationText(
        e,
      )}</td><td>${esc(STATUS_LABELS[e.status][lang])}</td></tr>`,
  );
  const entries = rows.length
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Account entries"><table class="data"><caption>Entries: baseline, target, now, and the same cell in this wave</caption><thead><tr><th scope="col">Ledger</th><th scope="col">Entry</th><th scope="col">Owner</th><th scope="col">Baseline</th><th scope="col">Target</th><th scope="col">Now</th><th scope="col">This wave</th><th scope="col">Status</th></tr></thead><tbody>${rows.join(
        '',
      )}</tbody></table></div>`
    : '<p class="empty">No entries yet.</p>';
  const questions = (['compressed', 'removed', 'structured'] as const)
    .map((q) => {
      const done = s.questions[q];
      const ledger = q === 'compressed' ? 'time' : q === 'removed' ? 'waiting' : 'knowledge';
      return `<li>${esc(t.q[q])} ${
        done.length
          ? done
              .map((d) => `${esc(d.title)} (${num(d.from)} → ${num(d.to)} ${esc(UNIT_LABELS[ledger][lang])})`)
              .join('; ')
          : 'None yet.'
      }</li>`;
    })
    .join('');
  return `${head}${link}${lead}${entries}<h3>The three questions</h3><ul>${questions}</ul><h3>Capacity decision</h3>${communicationBlock(
    model.communication,
  )}${freedTable(s, lang, t)}<h3>Stage-two register</h3>${registerSummary(s.register, lang, t)}<h3>Operating reviews</h3>${cadenceBlock(
    model.cadence,
  )}</section>`;
}
