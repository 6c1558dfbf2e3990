// The report's "Ledgers" section: the three ledgers the workforce seeded, each ranked by cost with its headline number
// first ("200 hours a week"), hidden rows marked and never filled, labels only where the report carries them.

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

const num = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1)) : '–';
const pct = (v: number) => `${Math.round(v * 100)}%`;
const median = (m: Median) => (m.median === null ? '–' : num(m.median));
const interval = (m: Median) => (m.ci95 ? `${num(m.ci95[0])}–${num(m.ci95[1])}` : '–');
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

const REASONS: Record<string, string> = {
  only_me: 'only they know how',
  role_requires: 'their role requires it',
  no_access: 'no one else has access',
  handed_to_me: 'it was handed to them',
  other: 'other',
};
const SOP: Record<string, string> = { none: 'none', unused: 'written, unused', used: 'written, used' };

function mix(counts: Record<string, number>, names: Record<string, string>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([k, v]) => `${esc(names[k] ?? k)} ${v}`).join(', ') : '–';
}

function wrap(label: string, caption: string, head: string[], rows: string[]): string {
  const th = head
    .map(
      (h, i) =>
        `<th scope="col"${i > 0 && h !== 'Held by' && !h.startsWith('Why') && !h.startsWith('Written') ? ' class="num"' : ''}>${h}</th>`,
    )
    .join('');
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(label)}"><table class="data"><caption>${esc(
    caption,
  )}</caption><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Rows to draw: hidden ones (marked) and those someone named; a category nobody named is left out of the page. */
const drawn = <Row extends { suppressed: false; respondents: number }>(rows: (Row | HiddenRow)[]) =>
  rows.filter((r) => r.suppressed || r.respondents > 0);

const hiddenRow = (r: HiddenRow, cells: number) =>
  `<tr><th scope="row">${esc(r.name)}</th>${'<td class="sup">hidden</td>'.repeat(cells)}</tr>`;

function labels(table: LedgerTable<TimeRow | WaitKindRow | KnowledgeRow>): string {
  const rows = table.rows.filter((r): r is TimeRow | WaitKindRow | KnowledgeRow => !r.suppressed && !!r.labels?.length);
  if (rows.length === 0) return '';
  return `<details class="labels"><summary>What people wrote</summary>${rows
    .map(
      (r) =>
        `<h4>${esc(r.name)}</h4><ul>${r.labels!.map((l) => `<li>${esc(l.text)}${l.count > 1 ? ` (${l.count})` : ''}</li>`).join('')}</ul>`,
    )
    .join('')}</details>`;
}

function timeTable(t: LedgerTable<TimeRow>): string {
  if (t.suppressed) return '';
  const rows = drawn(t.rows).map((r) =>
    r.suppressed
      ? hiddenRow(r, 5)
      : `<tr><th scope="row">${esc(r.name)}</th><td class="num">${r.respondents}</td><td class="num">${pct(r.share)}</td><td class="num">${num(
          r.hoursPerWeek,
        )}</td><td class="num">${median(r.hours)} <span class="muted">(${interval(r.hours)})</span></td><td>${mix(r.reasons, REASONS)}</td></tr>`,
  );
  return wrap(
    'Time ledger',
    'Where the hours go',
    ['Kind of work', 'People', 'Share', 'Hours a week', 'Median a person (95% interval)', 'Why it falls to them'],
    rows,
  );
}

function waitTables(w: LedgerReport['waiting']): string {
  if (w.suppressed) return '';
  const kinds = drawn(w.rows).map((r) =>
    r.suppressed
      ? hiddenRow(r, 5)
      : `<tr><th scope="row">${esc(r.name)}</th><td class="num">${r.respondents}</td><td class="num">${pct(r.share)}</td><td class="num">${num(
          r.waitingDaysPerMonth,
        )}</td><td class="num">${median(r.days)}</td><td class="num">${median(r.timesPerMonth)}</td></tr>`,
  );
  const cells = w.cells.map(
    (c: WaitCellRow) =>
      `<tr><th scope="row">${esc(c.kindName)}</th><td>${esc(c.holderName)}</td><td class="num">${c.respondents}</td><td class="num">${num(
        c.waitingDaysPerMonth,
      )}</td><td class="num">${median(c.days)} <span class="muted">(${interval(c.days)})</span></td><td class="num">${median(c.timesPerMonth)}</td></tr>`,
  );
  return (
    wrap(
      'Waiting ledger by kind',
      'What work waits on',
      ['Wait', 'People', 'Share', 'Waiting days a month', 'Median wait (days)', 'Times a month'],
      kinds,
    ) +
    (cells.length
      ? wrap(
          'Waiting ledger by holder',
          'Who holds the waits (groups large enough to show)',
          ['Wait', 'Held by', 'People', 'Waiting days a month', 'Median wait (95% interval)', 'Times a month'],
          cells,
        )
      : '')
  );
}

function knowledgeTable(k: LedgerTable<KnowledgeRow>): string {
  if (k.suppressed) return '';
  const rows = drawn(k.rows).map((r) =>
    r.suppressed
      ? hiddenRow(r, 5)
      : `<tr><th scope="row">${esc(r.name)}</th><td class="num">${r.respondents}</td><td class="num">${pct(r.share)}</td><td class="num">${num(
          r.checksPerWeek,
        )}</td><td class="num">${median(r.checks)} <span class="muted">(${interval(r.checks)})</span></td><td>${mix(r.sop, SOP)}</td></tr>`,
  );
  return wrap(
    'Knowledge ledger',
    'Which judgments still go to a senior colleague',
    ['Judgment', 'People', 'Share', 'Checks a week', 'Median a person (95% interval)', 'Written procedure'],
    rows,
  );
}

/** The headline: each ledger's total, the costliest row first. */
function headline(l: LedgerReport): string {
  const parts: string[] = [];
  const topTime = l.time.rows.find((r): r is TimeRow => !r.suppressed && r.respondents > 0);
  if (!l.time.suppressed && l.time.total !== null) {
    parts.push(
      `<strong>${num(l.time.total)} hours a week</strong> go to time sinks${topTime ? `, the most to ${esc(topTime.name.toLowerCase())} (${num(topTime.hoursPerWeek)} hours a week, ${people(topTime.respondents)})` : ''}.`,
    );
  }
  const topWait = l.waiting.cells[0];
  if (!l.waiting.suppressed && l.waiting.total !== null) {
    parts.push(
      `Work waits <strong>${num(l.waiting.total)} working days a month</strong>${topWait ? `; the longest: ${esc(topWait.kindName.toLowerCase())} held by ${esc(topWait.holderName)} (${num(topWait.waitingDaysPerMonth)} days a month, ${people(topWait.respondents)})` : ''}.`,
    );
  }
  if (!l.knowledge.suppressed && l.knowledge.total !== null) {
    parts.push(`People check with a senior colleague <strong>${num(l.knowledge.total)} times a week</strong>.`);
  }
  return parts.length ? `<p class="lead">${parts.join(' ')}</p>` : '';
}

export function ledgerSection(l: LedgerReport | undefined): string {
  if (!l) return '';
  const head = '<section id="ledgers" aria-labelledby="ledgers-h"><h2 id="ledgers-h">Ledgers</h2>';
  const none = [l.time, l.waiting, l.knowledge].every((t) => t.suppressed);
  if (none) {
    return `${head}<p class="empty">Fewer than ${l.minGroupSize} people named a time sink, a wait or a judgment they check, so no ledger is shown.</p></section>`;
  }
  const hidden = [l.time, l.waiting, l.knowledge].some((t) => t.rows.some((r) => r.suppressed));
  return `${head}<p>What the workforce named in the survey’s ledger step: where time leaks, where work waits, where experience is locked up. Totals are over everything named; medians are per person naming a row.${
    hidden
      ? ` <strong>Hidden</strong> marks a row fewer than ${l.minGroupSize} people named, or one hidden with it so it cannot be worked out from the total; hidden rows still count in the totals.`
      : ''
  }</p>${headline(l)}<h3>Time</h3>${l.time.suppressed ? `<p class="empty">Fewer than ${l.minGroupSize} people named a time sink.</p>` : timeTable(l.time)}${labels(
    l.time,
  )}<h3>Waiting</h3>${l.waiting.suppressed ? `<p class="empty">Fewer than ${l.minGroupSize} people named a wait.</p>` : waitTables(l.waiting)}${labels(
    l.waiting,
  )}<h3>Knowledge</h3>${l.knowledge.suppressed ? `<p class="empty">Fewer than ${l.minGroupSize} people named a judgment they check.</p>` : knowledgeTable(l.knowledge)}${labels(
    l.knowledge,
  )}</section>`;
}
