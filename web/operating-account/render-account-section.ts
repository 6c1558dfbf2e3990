// The report's "Operating account" section: a pure function of GET /api/v1/campaigns/{id}/account, in the report's
// language (en, zh, de). Leadership's own record, set beside this wave: entries with the same cell reconciled, the
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
import type { Language } from '../../shared/instrument';
import { esc } from '../html';
import { ACCOUNT_MESSAGES } from './messages';
import { freedTable, measureText, registerSummary } from './render-account';
import { SECTION_MESSAGES, type SectionMessages } from './section-messages';

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

const pct = (v: number) => `${Math.round(v * 100)}%`;
const num = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '–';

type Item = AccountSectionModel['entries']['items'][number];

function reconciliationText(item: Item, lang: Language, m: SectionMessages): string {
  const r = item.reconciliation;
  if (!r) return '–';
  const label = SUGGESTION_LABELS[r.suggestion][lang];
  if (!r.figures) return esc(label);
  const confirmed = r.confirmed ? m.confirmed(STATUS_LABELS[r.confirmed][lang]) : m.notConfirmed;
  return `${esc(label)}: ${esc(num(r.figures.headline.median))} ${esc(UNIT_LABELS[item.ledger][lang])}${
    r.change
      ? ` (${r.change.headline > 0 ? '+' : ''}${esc(num(r.change.headline))}, ${esc(r.change.real ? m.realChange : m.withinUncertainty)})`
      : ''
  }${esc(confirmed)}`;
}

function communicationBlock(c: Communication | null, lang: Language, m: SectionMessages): string {
  if (!c) return `<p class="muted">${esc(m.notPublished)}</p>`;
  const workforce = c.workforce
    ? m.workforce(
        pct(c.workforce.told),
        pct(c.workforce.notTold),
        pct(c.workforce.notDecided),
        pct(c.workforce.unknown),
        c.workforce.n,
      )
    : '';
  const recorded = c.record ? m.recorded(c.record.decidedOn, c.record.ownerRole) : '';
  const directions = c.directions?.workforce
    ? c.directions.match
      ? m.sameDirection(m.directions[c.directions.recorded])
      : m.otherDirection(m.directions[c.directions.workforce], m.directions[c.directions.recorded])
    : '';
  return `<p class="finding">${esc(FINDING_LABELS[c.finding][lang])}${esc(recorded)}${esc(workforce)}${esc(directions)}</p>`;
}

function cadenceBlock(c: ReviewCadence, lang: Language, m: SectionMessages): string {
  const workforce = c.workforce
    ? c.workforce.measure === 'item_favourable'
      ? m.workforceItem(pct(c.workforce.value))
      : m.workforceSignal(num(c.workforce.value))
    : '';
  return `<p>${esc(CADENCE_LABELS[c.finding][lang])}${esc(m.reviews(c.reviews, c.lastHeldOn))}${esc(workforce)}</p>`;
}

/** The section in the report's language (English by default), or nothing when the organisation keeps no account. */
export function renderAccountSection(
  model: AccountSectionModel | null | undefined,
  accountLink?: string,
  lang: Language = 'en',
): string {
  if (!model) return '';
  const m = SECTION_MESSAGES[lang];
  const t = ACCOUNT_MESSAGES[lang];
  const head = `<section id="operating-account" aria-labelledby="operating-account-h"><h2 id="operating-account-h">${esc(
    m.heading,
  )}</h2>`;
  const link = accountLink ? `<p><a href="${esc(accountLink)}">${esc(m.manage)}</a></p>` : '';
  const s = model.summary;
  const freed = LEDGERS.filter((l) => s.freed[l].freed > 0)
    .map((l) => `${num(s.freed[l].freed)} ${FREED_LABELS[l][lang]}`)
    .join(lang === 'zh' ? '，' : ', ');
  const lead = `<p class="lead">${esc(m.lead(model.entries.total, model.entries.moved))}${
    freed ? esc(m.freedSoFar(freed)) : ''
  }</p>`;
  const rows = model.entries.items.map(
    (e) =>
      `<tr><td>${esc(LEDGER_LABELS[e.ledger][lang])}</td><th scope="row">${esc(e.title)}</th><td>${esc(e.ownerRole ?? '–')}</td><td>${esc(
        measureText(e.ledger, e.baseline, lang),
      )}</td><td>${esc(measureText(e.ledger, e.target, lang))}</td><td>${esc(measureText(e.ledger, e.current, lang))}</td><td>${reconciliationText(
        e,
        lang,
        m,
      )}</td><td>${esc(STATUS_LABELS[e.status][lang])}</td></tr>`,
  );
  const entries = rows.length
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(m.entriesLabel)}"><table class="data"><caption>${esc(
        m.entriesCaption,
      )}</caption><thead><tr>${m.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows.join(
        '',
      )}</tbody></table></div>`
    : `<p class="empty">${esc(m.noEntries)}</p>`;
  const questions = (['compressed', 'removed', 'structured'] as const)
    .map((q) => {
      const done = s.questions[q];
      const ledger = q === 'compressed' ? 'time' : q === 'removed' ? 'waiting' : 'knowledge';
      return `<li>${esc(t.q[q])} ${
        done.length
          ? done
              .map((d) => `${esc(d.title)} (${num(d.from)} → ${num(d.to)} ${esc(UNIT_LABELS[ledger][lang])})`)
              .join('; ')
          : esc(m.noneYet)
      }</li>`;
    })
    .join('');
  return `${head}${link}${lead}${entries}<h3>${esc(m.questionsH)}</h3><ul>${questions}</ul><h3>${esc(
    m.capacityH,
  )}</h3>${communicationBlock(model.communication, lang, m)}${freedTable(s, lang, t)}<h3>${esc(
    m.registerH,
  )}</h3>${registerSummary(s.register, lang, t)}<h3>${esc(m.reviewsH)}</h3>${cadenceBlock(model.cadence, lang, m)}</section>`;
}
