// The report's "Ledgers" section: the three ledgers the workforce seeded, each ranked by cost with its headline number
// first ("200 hours a week"), hidden rows marked and never filled, labels only where the report carries them.

import type { Instrument, Language, Level } from '../../shared/instrument';
import { HOLDER_LEVEL_NAMES } from '../../shared/ledger/design';
import type {
  HiddenRow,
  KnowledgeRow,
  LedgerReport,
  LedgerTable,
  Median,
  TimeRow,
  WaitCellRow,
  WaitKindRow,
} from '../../shared/ledger/ledger-report';
import { esc } from '../html';
import { REPORT_SENTENCES, type ReportSentences } from './report-sentences';

/** The language the section is rendered in, with the instrument whose ledger design names the rows. */
export interface LedgerContext {
  lang: Language;
  s: ReportSentences;
  instrument?: Instrument;
}
let C: LedgerContext = { lang: 'en', s: REPORT_SENTENCES.en };

const num = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1)) : '–';
const pct = (v: number) => `${Math.round(v * 100)}%`;
const median = (m: Median) => (m.median === null ? '–' : num(m.median));
const interval = (m: Median) => (m.ci95 ? `${num(m.ci95[0])}–${num(m.ci95[1])}` : '–');
const people = (n: number) => C.s.people(n);

/**
 * A row's name in the section's language: the design's own label for a default category (the report carries its
 * English name), else the name as the campaign gave it.
 */
function rowName(ledger: 'time' | 'waiting' | 'knowledge', r: { id: string; name: string }): string {
  const design = C.instrument?.ledger;
  const options =
    ledger === 'time'
      ? design?.time.categories
      : ledger === 'waiting'
        ? design?.waiting.kinds
        : design?.knowledge.categories;
  const option = options?.find((o) => o.id === r.id);
  return option && option.label.en === r.name ? (option.label[C.lang] ?? r.name) : r.name;
}

/** A holder's name: a level's in the section's language, a department's as it is. */
function holderName(name: string): string {
  const level = (Object.keys(HOLDER_LEVEL_NAMES) as Level[]).find((l) => HOLDER_LEVEL_NAMES[l].en === name);
  return level ? HOLDER_LEVEL_NAMES[level][C.lang] : name;
}

/** The kind of wait a holder row names, by its English name (the report's), in the section's language. */
function kindName(name: string): string {
  const option = C.instrument?.ledger?.waiting.kinds.find((o) => o.label.en === name);
  return option?.label[C.lang] ?? name;
}

function mix(counts: Record<string, number>, names: Record<string, string>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([k, v]) => `${esc(names[k] ?? k)} ${v}`).join(', ') : '–';
}

/** A table: its label, caption and column heads; `text` lists the columns holding words, not numbers. */
function wrap([label, caption, head]: [string, string, string[]], rows: string[], text: number[]): string {
  const th = head
    .map((h, i) => `<th scope="col"${i > 0 && !text.includes(i) ? ' class="num"' : ''}>${esc(h)}</th>`)
    .join('');
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(label)}"><table class="data"><caption>${esc(
    caption,
  )}</caption><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Rows to draw: hidden ones (marked) and those someone named; a category nobody named is left out of the page. */
const drawn = <Row extends { suppressed: false; respondents: number }>(rows: (Row | HiddenRow)[]) =>
  rows.filter((r) => r.suppressed || r.respondents > 0);

const hiddenRow = (r: HiddenRow, cells: number) =>
  `<tr><th scope="row">${esc(r.name)}</th>${`<td class="sup">${esc(C.s.hiddenCell)}</td>`.repeat(cells)}</tr>`;

function labels(
  table: LedgerTable<TimeRow | WaitKindRow | KnowledgeRow>,
  ledger: 'time' | 'waiting' | 'knowledge',
): string {
  const rows = table.rows.filter((r): r is TimeRow | WaitKindRow | KnowledgeRow => !r.suppressed && !!r.labels?.length);
  if (rows.length === 0) return '';
  return `<details class="labels"><summary>${esc(C.s.whatPeopleWrote)}</summary>${rows
    .map(
      (r) =>
        `<h4>${esc(rowName(ledger, r))}</h4><ul>${r.labels!.map((l) => `<li>${esc(l.text)}${l.count > 1 ? ` (${l.count})` : ''}</li>`).join('')}</ul>`,
    )
    .join('')}</details>`;
}

function timeTable(t: LedgerTable<TimeRow>): string {
  if (t.suppressed) return '';
  const rows = drawn(t.rows).map((r) =>
    r.suppressed
      ? hiddenRow(r, 5)
      : `<tr><th scope="row">${esc(rowName('time', r))}</th><td class="num">${r.respondents}</td><td class="num">${pct(r.share)}</td><td class="num">${num(
          r.hoursPerWeek,
        )}</td><td class="num">${median(r.hours)} <span class="muted">(${interval(r.hours)})</span></td><td class="mix">${mix(r.reasons, C.s.reasons)}</td></tr>`,
  );
  return wrap(C.s.timeTable, rows, [5]);
}

function waitTables(w: LedgerReport['waiting']): string {
  if (w.suppressed) return '';
  const kinds = drawn(w.rows).map((r) =>
    r.suppressed
      ? hiddenRow(r, 5)
      : `<tr><th scope="row">${esc(rowName('waiting', r))}</th><td class="num">${r.respondents}</td><td class="num">${pct(r.share)}</td><td class="num">${num(
          r.waitingDaysPerMonth,
        )}</td><td class="num">${median(r.days)}</td><td class="num">${median(r.timesPerMonth)}</td></tr>`,
  );
  const cells = w.cells.map(
    (c: WaitCellRow) =>
      `<tr><th scope="row">${esc(kindName(c.kindName))}</th><td>${esc(holderName(c.holderName))}</td><td class="num">${c.respondents}</td><td class="num">${num(
        c.waitingDaysPerMonth,
      )}</td><td class="num">${median(c.days)} <span class="muted">(${interval(c.days)})</span></td><td class="num">${median(c.timesPerMonth)}</td></tr>`,
  );
  return wrap(C.s.waitKindTable, kinds, []) + (cells.length ? wrap(C.s.waitHolderTable, cells, [1]) : '');
}

function knowledgeTable(k: LedgerTable<KnowledgeRow>): string {
  if (k.suppressed) return '';
  const rows = drawn(k.rows).map((r) =>
    r.suppressed
      ? hiddenRow(r, 5)
      : `<tr><th scope="row">${esc(rowName('knowledge', r))}</th><td class="num">${r.respondents}</td><td class="num">${pct(r.share)}</td><td class="num">${num(
          r.checksPerWeek,
        )}</td><td class="num">${median(r.checks)} <span class="muted">(${interval(r.checks)})</span></td><td class="mix">${mix(r.sop, C.s.sop)}</td></tr>`,
  );
  return wrap(C.s.knowledgeTable, rows, [5]);
}

/** The headline: each ledger's total, the costliest row first. */
function headline(l: LedgerReport): string {
  const { s } = C;
  const parts: string[] = [];
  const topTime = l.time.rows.find((r): r is TimeRow => !r.suppressed && r.respondents > 0);
  if (!l.time.suppressed && l.time.total !== null) {
    parts.push(
      `${s.hoursHeadline(num(l.time.total))}${topTime ? esc(s.hoursMost(rowName('time', topTime), num(topTime.hoursPerWeek), people(topTime.respondents))) : ''}.`,
    );
  }
  const topWait = l.waiting.cells[0];
  if (!l.waiting.suppressed && l.waiting.total !== null) {
    parts.push(
      `${s.waitHeadline(num(l.waiting.total))}${
        topWait
          ? esc(
              s.waitLongest(
                kindName(topWait.kindName),
                holderName(topWait.holderName),
                num(topWait.waitingDaysPerMonth),
                people(topWait.respondents),
              ),
            )
          : ''
      }.`,
    );
  }
  if (!l.knowledge.suppressed && l.knowledge.total !== null) parts.push(s.checksHeadline(num(l.knowledge.total)));
  return parts.length ? `<p class="lead">${parts.join(' ')}</p>` : '';
}

/** The section in `context.lang` (English by default). */
export function ledgerSection(l: LedgerReport | undefined, context?: LedgerContext): string {
  if (!l) return '';
  const outer = C;
  C = context ?? { lang: 'en', s: REPORT_SENTENCES.en };
  try {
    return section(l);
  } finally {
    C = outer;
  }
}

function section(l: LedgerReport): string {
  const { s } = C;
  const k = l.minGroupSize;
  const head = `<section id="ledgers" aria-labelledby="ledgers-h"><h2 id="ledgers-h">${esc(s.ledgersHeading)}</h2>`;
  const none = [l.time, l.waiting, l.knowledge].every((t) => t.suppressed);
  if (none) return `${head}<p class="empty">${esc(s.ledgersNone(k))}</p></section>`;
  const hidden = [l.time, l.waiting, l.knowledge].some((t) => t.rows.some((r) => r.suppressed));
  return `${head}<p>${esc(s.ledgersIntro)}${hidden ? ` ${s.ledgersHidden(k)}` : ''}</p>${headline(l)}<h3>${esc(
    s.timeHeading,
  )}</h3>${l.time.suppressed ? `<p class="empty">${esc(s.noTime(k))}</p>` : timeTable(l.time)}${labels(l.time, 'time')}<h3>${esc(
    s.waitingHeading,
  )}</h3>${l.waiting.suppressed ? `<p class="empty">${esc(s.noWait(k))}</p>` : waitTables(l.waiting)}${labels(
    l.waiting,
    'waiting',
  )}<h3>${esc(s.knowledgeHeading)}</h3>${
    l.knowledge.suppressed ? `<p class="empty">${esc(s.noKnowledge(k))}</p>` : knowledgeTable(l.knowledge)
  }${labels(l.knowledge, 'knowledge')}</section>`;
}
