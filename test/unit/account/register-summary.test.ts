import { describe, expect, it } from 'vitest';
import {
  accountSummary,
  type ChangeRecord,
  commonTopCells,
  flowIssues,
  landedHistory,
  mergeCommonCells,
  movedBetween,
  registerState,
  reviewCadence,
  signalState,
  stageTwoEvidence,
} from '../../../shared/account';
import { makeCellEntry, makeEntry, makeFlow, makeLedger, makeRecord, makeSignal } from './fixtures';

describe('the stage-two register', () => {
  it('marks a signal past its threshold whichever way it trips, and says when it cannot tell', () => {
    expect(signalState(makeSignal({ current: 13 }))).toBe('past_threshold');
    expect(signalState(makeSignal({ current: 12 }))).toBe('within');
    expect(signalState(makeSignal({ trips: 'below', threshold: 80, current: 72 }))).toBe('past_threshold');
    expect(signalState(makeSignal({ threshold: null }))).toBe('no_threshold');
    expect(signalState(makeSignal({ current: null, measuredOn: null }))).toBe('no_value');
  });

  it('names each live flow’s gaps and red signals, leaving retired flows out', () => {
    const state = registerState([
      makeFlow({ signals: [makeSignal({ current: 15 }), makeSignal({ kind: 'refunds', threshold: null })] }),
      makeFlow({ id: 'f2', name: 'Refund triage', humanExit: null, triggerOwner: null, signals: [] }),
      makeFlow({ id: 'f3', retired: true, humanExit: null }),
    ]);
    expect(state.map((f) => [f.id, f.gaps, f.red])).toEqual([
      ['f1', [], ['repeat inquiries']],
      ['f2', ['no_human_exit', 'no_trigger_owner', 'no_threshold'], []],
    ]);
  });

  it('is evidence for the replacement-only diagnosis, and none when there is no register', () => {
    const evidence = stageTwoEvidence([makeFlow({ humanExit: null, signals: [makeSignal({ current: 20 })] })]);
    expect(evidence.map((e) => [e.source, e.value, e.met])).toEqual([
      ['register:no_human_exit', 1, true],
      ['register:no_adjudicator', 0, false],
      ['register:no_trigger_owner', 0, false],
      ['register:no_threshold', 0, false],
      ['register:past_threshold', 1, true],
    ]);
    expect(stageTwoEvidence([])).toEqual([]);
    expect(stageTwoEvidence([makeFlow({ retired: true })])).toEqual([]);
  });

  it('refuses an unnamed other signal and a value without its day', () => {
    const { id: _id, ...flow } = makeFlow({
      signals: [makeSignal({ kind: 'other' }), makeSignal({ measuredOn: null })],
    });
    expect(flowIssues(flow).map((i) => i.field)).toEqual(['signals.0.label', 'signals.1.measuredOn']);
  });
});

describe('the review summary', () => {
  const removed = makeCellEntry({ status: 'removed', current: { value: 1, perMonth: 4, people: 23, total: 92 } });
  const compressed = makeEntry({
    id: 'e2',
    ledger: 'time',
    title: 'Month-end decks',
    status: 'verified',
    baseline: { value: 14, people: 6 },
    current: { value: 6, people: 6 },
  });
  const structured = makeEntry({
    id: 'e3',
    ledger: 'knowledge',
    title: 'Discount approvals',
    status: 'structured',
    baseline: { value: 9, sop: 'none' },
    current: { value: 2, sop: 'used' },
  });

  it('answers the three questions with the account’s numbers and books freed capacity by the decision in force', () => {
    const summary = accountSummary(
      [removed, compressed, structured, makeEntry({ id: 'e4' })],
      [makeRecord()],
      [makeFlow({ signals: [makeSignal({ current: 30 })] })],
      '2026-06-01',
    );
    expect(summary.questions.compressed.map((d) => [d.title, d.from, d.to])).toEqual([['Month-end decks', 14, 6]]);
    expect(summary.questions.removed.map((d) => [d.title, d.from, d.to])).toEqual([
      ['Approvals held by Finance', 4, 1],
    ]);
    expect(summary.questions.structured[0]).toMatchObject({ from: 9, to: 2, sopFrom: 'none', sopTo: 'used' });
    expect(summary.entries).toEqual({ total: 4, byStatus: { logged: 1, removed: 1, structured: 1, verified: 1 } });
    expect(summary.freed.waiting.byDestination).toEqual({ faster_response: 165.6, learning: 110.4 });
    expect(summary.freed.time.freed).toBe(48);
    expect(summary.register[0]?.red).toEqual(['repeat inquiries']);
    // A decision taken after the day does not apply to it.
    expect(
      accountSummary([removed], [makeRecord({ decidedOn: '2026-07-01' })], [], '2026-06-01').freed.waiting.unallocated,
    ).toBe(276);
  });

  it('counts the entries whose status moved in a window, not their creation', () => {
    const created = makeEntry({ statusLog: [{ status: 'logged', at: '2026-03-10T00:00:00Z' }] });
    const moved = makeEntry({
      id: 'e2',
      statusLog: [
        { status: 'logged', at: '2026-01-10T00:00:00Z' },
        { status: 'targeted', at: '2026-03-10T00:00:00Z' },
      ],
    });
    expect(movedBetween([created, moved], '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z').map((e) => e.id)).toEqual([
      'e2',
    ]);
  });

  it('sets the review log beside the workforce’s view of operating reviews', () => {
    const reviews = [{ heldOn: '2026-05-01' }, { heldOn: '2025-10-01' }];
    expect(reviewCadence(reviews, '2026-06-01', { measure: 'item_favourable', value: 0.3 })).toEqual({
      reviews: 1,
      lastHeldOn: '2026-05-01',
      workforce: { measure: 'item_favourable', value: 0.3 },
      finding: 'reviewed_not_seen',
    });
    expect(reviewCadence(reviews, '2026-06-01', { measure: 'signal_score', value: 62 }).finding).toBe(
      'reviewed_and_seen',
    );
    expect(reviewCadence(reviews, '2026-12-01', null).finding).toBe('not_reviewed');
    expect(reviewCadence(reviews, '2026-06-01', null).finding).toBe('not_measured');
  });
});

describe('across a portfolio', () => {
  it('counts how often a time sink or wait is among a company’s top ones, from published rows only', () => {
    const a = makeLedger();
    const b = makeLedger();
    b.time.rows = [
      {
        id: 'rework',
        name: 'Rework',
        suppressed: false,
        respondents: 9,
        hoursPerWeek: 50,
        hours: { median: 5, ci95: null },
      },
    ];
    const { companies, cells } = commonTopCells([a, b], 1);
    expect(companies).toBe(2);
    expect(cells.map((c) => [c.ledger, c.category, c.companies])).toEqual([
      ['waiting', 'approval', 2],
      ['time', 'reports_decks', 1],
      ['time', 'rework', 1],
    ]);
  });

  it('adds up the pages’ tallies to the portfolio’s, however the companies are cut into pages', () => {
    const rework = (hoursPerWeek: number) => ({
      id: 'rework',
      name: 'Rework',
      suppressed: false,
      respondents: 9,
      hoursPerWeek,
      hours: { median: 5, ci95: null },
    });
    const ledgers = [makeLedger(), makeLedger(), makeLedger({ hiddenApproval: true }), makeLedger(), makeLedger()];
    ledgers[1]!.time.rows = [rework(50)];
    ledgers[3]!.time.rows.push(rework(1));
    ledgers[4]!.waiting.suppressed = true;
    const whole = commonTopCells(ledgers, 2);
    expect(whole.cells.length).toBeGreaterThan(2);
    // Every cut of the five companies into consecutive pages.
    for (let cuts = 0; cuts < 16; cuts++) {
      const pages: (typeof ledgers)[] = [[]];
      ledgers.forEach((l, i) => {
        if (i > 0 && cuts & (1 << (i - 1))) pages.push([]);
        pages.at(-1)!.push(l);
      });
      expect(mergeCommonCells(pages.map((p) => commonTopCells(p, 2)))).toEqual(whole);
    }
    expect(mergeCommonCells([])).toEqual({ companies: 0, cells: [] });
  });
});

describe('an item’s history', () => {
  const change = (version: number, changeId: string, parentId: string | null): ChangeRecord => ({
    kind: 'entry',
    itemId: 'e1',
    version,
    changeId,
    parentId,
    at: `2026-03-0${version}T00:00:00Z`,
    by: { role: 'executive', subject: 't1' },
    fields: [],
    patchHash: changeId,
  });

  it('is the chain from the item’s change back to its creation; lost writers’ changes are left out', () => {
    const changes = [
      change(1, 'a', null),
      change(2, 'b', 'a'),
      change(2, 'lost', 'a'),
      change(3, 'c', 'b'),
      change(4, 'crashed', 'c'),
    ];
    expect(landedHistory('c', changes).map((c) => c.changeId)).toEqual(['a', 'b', 'c']);
    expect(landedHistory('a', changes).map((c) => c.changeId)).toEqual(['a']);
  });
});
