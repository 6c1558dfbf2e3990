import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import { type LedgerAnswers, ledgerDesignFor, ledgerReport } from '../../../shared/ledger';
import { createAccumulator } from '../../../shared/scoring';
import { renderReportBody } from '../../../web/report/render-report';
import { makeResponse } from '../../factories';
import { makeReportModel as reportModel } from './report-fixture';

const design = ledgerDesignFor(CURRENT_INSTRUMENT, { labels: { keepDays: 30 } }, ['Finance', 'Sales'])!;
function ledgerOf(ledgers: LedgerAnswers[]) {
  const acc = createAccumulator(CURRENT_INSTRUMENT);
  for (const ledger of ledgers) acc.add(makeResponse({ ledger }));
  return ledgerReport({ design, stats: acc.toStats().ledger!, n: ledgers.length, minGroupSize: 5 });
}

describe('the report’s ledgers', () => {
  const ledger = ledgerOf([
    ...Array.from({ length: 12 }, (_, i) => ({
      time: [{ category: 'rework', hoursPerWeek: 6, reason: 'only_me', label: i ? 'claims <b>rework</b>' : 'weekly' }],
      waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4 }],
    })),
    // Two small groups, hidden together: three people each, six in all, so no complement is needed.
    ...Array.from({ length: 3 }, () => ({ time: [{ category: 'checking', hoursPerWeek: 30 }] })),
    ...Array.from({ length: 3 }, () => ({ time: [{ category: 'data_entry', hoursPerWeek: 1 }] })),
  ]);

  it('leads with the headline numbers, ranks rows by cost, marks hidden rows without figures, and escapes labels', () => {
    const html = renderReportBody({ ...reportModel(), ledger });
    expect(html).toContain('<a href="#ledgers">Ledgers</a>');
    expect(html).toContain(
      '<strong>165 hours a week</strong> go to time sinks, the most to rework (72 hours a week, 12 people)',
    );
    expect(html).toContain(
      'Work waits <strong>144 working days a month</strong>; the longest: an approval held by Finance',
    );
    // Checking and data entry (3 each) are hidden; they still count in the 165 hours.
    const time = html.slice(html.indexOf('Where the hours go'), html.indexOf('<h3>Waiting'));
    expect(time).toMatch(/<th scope="row">Checking others’ work<\/th><td class="sup">hidden<\/td>/);
    expect(time).not.toMatch(/>(30|90|3)</);
    // A category nobody named is hidden too once anything is: a shown zero would bound the hidden ones.
    expect(time).toMatch(/Coordination and status meetings<\/th><td class="sup">hidden/);
    expect(html).toContain('claims &lt;b&gt;rework&lt;/b&gt; (11)');
    expect(html).not.toContain('<b>rework</b>');
  });

  it('says why a ledger is missing, and shows no section for an instrument without one', () => {
    const few = ledgerOf(Array.from({ length: 3 }, () => ({ time: [{ category: 'rework', hoursPerWeek: 2 }] })));
    expect(renderReportBody({ ...reportModel(), ledger: few })).toContain(
      'Fewer than 5 people named a time sink, a wait or a judgment they check',
    );
    const { ledger: _none, ...old } = reportModel();
    expect(renderReportBody(old)).not.toContain('id="ledgers"');
  });
});
