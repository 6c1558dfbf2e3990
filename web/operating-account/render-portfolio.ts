// The consultant dashboard's "Operating accounts" panel: each company's account in a row, and across the portfolio
// the time sinks and waits most often among a company's top three (counted from cells published in each company).

import { FREED_LABELS, LEDGER_LABELS, LEDGERS, type LedgerName, mergeCommonCells } from '../../shared/account';
import { esc } from '../html';

export interface PortfolioAccountsModel {
  orgs: {
    orgId: string;
    name: string;
    entries: { total: number; byStatus: Record<string, number> };
    questions: Record<'compressed' | 'removed' | 'structured', unknown[]>;
    freed: Record<LedgerName, { freed: number; unallocated: number }>;
    capacityDecided: boolean;
    red: { flow: string; signal: string }[];
    flows: number;
    lastReview: string | null;
    latestWave: { name: string } | null;
  }[];
  common: {
    companies: number;
    cells: { ledger: 'time' | 'waiting'; category: string; name: string; companies: number }[];
  };
  /** The cursor of the page after this one (GET /api/v1/portfolio/accounts is paged), null on the last. */
  next?: string | null;
}

/** The pages of GET /api/v1/portfolio/accounts as one: the companies in order, the common cells' counts added up. */
export function mergeAccountPages(pages: readonly PortfolioAccountsModel[]): PortfolioAccountsModel {
  return {
    orgs: pages.flatMap((p) => p.orgs),
    common: mergeCommonCells(pages.map((p) => p.common)),
    next: null,
  };
}

const num = (v: number) => String(Math.round(v * 10) / 10);

/** `accountLink(orgId)` gives the account page's link for an organisation (the dashboard passes its token in it). */
export function renderPortfolioAccounts(model: PortfolioAccountsModel, accountLink: (orgId: string) => string): string {
  const rows = model.orgs.map((o) => {
    const done = o.questions.compressed.length + o.questions.removed.length + o.questions.structured.length;
    const freed = LEDGERS.filter((l) => o.freed[l].freed > 0)
      .map(
        (l) =>
          `${num(o.freed[l].freed)} ${FREED_LABELS[l].en}${o.freed[l].unallocated > 0 ? ` (${num(o.freed[l].unallocated)} not allocated)` : ''}`,
      )
      .join('; ');
    const red = o.red.length
      ? `<span class="red">${esc(o.red.map((r) => `${r.signal} (${r.flow})`).join('; '))}</span>`
      : o.flows > 0
        ? 'none past threshold'
        : 'no flows registered';
    const id = `acc-${esc(o.orgId)}`;
    return `<tr><th scope="row" id="${id}">${esc(o.name)}</th><td class="num">${o.entries.total}</td><td class="num">${done}</td><td>${esc(
      freed || '–',
    )}</td><td>${o.capacityDecided ? 'recorded' : '<span class="warn">none</span>'}</td><td>${red}</td><td>${esc(o.lastReview ?? '–')}</td><td><a class="button" href="${esc(
      accountLink(o.orgId),
    )}" target="_blank" rel="noopener" aria-describedby="${id}">Account</a></td></tr>`;
  });
  const table = rows.length
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Operating accounts"><table class="data"><caption>Operating accounts of the portfolio</caption><thead><tr><th scope="col">Organisation</th><th scope="col" class="num">Entries</th><th scope="col" class="num">Done</th><th scope="col">Freed</th><th scope="col">Capacity decision</th><th scope="col">Stage-two signals</th><th scope="col">Last review</th><th scope="col">Links</th></tr></thead><tbody>${rows.join(
        '',
      )}</tbody></table></div>`
    : '<p class="muted">No organisations yet.</p>';
  const common = model.common.cells.filter((c) => c.companies > 0).slice(0, 10);
  const commonTable = common.length
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="Most common top cells"><table class="data"><caption>Among a company’s top three, in how many of the ${
        model.common.companies
      } companies with published ledger tables</caption><thead><tr><th scope="col">Ledger</th><th scope="col">Time sink or wait</th><th scope="col" class="num">Companies</th></tr></thead><tbody>${common
        .map(
          (c) =>
            `<tr><td>${esc(LEDGER_LABELS[c.ledger].en)}</td><th scope="row">${esc(c.name)}</th><td class="num">${c.companies}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '<p class="muted">No company has published ledger tables yet.</p>';
  return `${table}<h3>Most common top time sinks and waits</h3>${commonTable}`;
}
