import { describe, expect, it } from 'vitest';
import { lookupCell, realChange, reconcile, shownCells } from '../../../shared/account';
import { makeCellEntry, makeEntry, makeFigures, makeLedger } from './fixtures';

const cellOf = (ledger: ReturnType<typeof makeLedger>) =>
  lookupCell(ledger, { ledger: 'waiting', category: 'approval', heldBy: { department: 'Finance' } });

describe('finding a published cell', () => {
  it('reads a shown row, a kind × holder cell and knowledge with its procedure mix', () => {
    const ledger = makeLedger();
    expect(lookupCell(ledger, { ledger: 'time', category: 'reports_decks' })).toEqual({
      state: 'shown',
      figures: {
        name: 'Reports and slide decks',
        respondents: 30,
        n: 120,
        headline: { median: 8, ci95: [6, 10] },
        total: 240,
      },
    });
    const held = cellOf(ledger);
    expect(held.state === 'shown' && held.figures).toMatchObject({
      respondents: 23,
      total: 368,
      name: 'An approval · Finance',
    });
    const knowledge = lookupCell(ledger, { ledger: 'knowledge', category: 'pricing' });
    expect(knowledge.state === 'shown' && knowledge.figures.sop).toEqual({ none: 8, used: 4 });
  });

  it('shows nothing of a hidden row, an unlisted holder, a suppressed table or a wave without ledger tables', () => {
    const ledger = makeLedger({ hiddenApproval: true });
    expect(lookupCell(ledger, { ledger: 'time', category: 'rework' })).toEqual({ state: 'hidden' });
    expect(cellOf(ledger)).toEqual({ state: 'hidden' });
    expect(
      lookupCell(
        { ...ledger, time: { ...ledger.time, suppressed: true } },
        { ledger: 'time', category: 'reports_decks' },
      ),
    ).toEqual({ state: 'hidden' });
    expect(lookupCell(null, { ledger: 'time', category: 'reports_decks' })).toEqual({ state: 'hidden' });
    // Only shown cells are offered for new entries.
    expect(shownCells(ledger).map((c) => `${c.ref.ledger}:${c.ref.category}`)).toEqual([
      'time:reports_decks',
      'waiting:approval',
      'knowledge:pricing',
    ]);
  });
});

describe('the reconciliation rule', () => {
  it('counts a change as real only when the two intervals do not overlap', () => {
    expect(realChange({ median: 4, ci95: [3, 5] }, { median: 1, ci95: [0.5, 2] })).toBe('lower');
    expect(realChange({ median: 4, ci95: [3, 5] }, { median: 2.5, ci95: [2, 3] })).toBe('none');
    expect(realChange({ median: 4, ci95: [3, 5] }, { median: 7, ci95: [6, 8] })).toBe('higher');
    // Fewer than 6 answers have no interval: no change can count as real.
    expect(realChange({ median: 4, ci95: null }, { median: 1, ci95: [0.5, 2] })).toBe('none');
  });

  it('suggests target met, moving, not moving, worse or not measurable', () => {
    const entry = makeCellEntry({ target: { value: 2 } });
    const at = (median: number, ci95: [number, number]) =>
      reconcile(entry, 'w2', cellOf(makeLedger({ approvalDays: { median, ci95 } })))?.suggestion;
    expect(at(1, [0.5, 2])).toBe('target_met');
    expect(at(2.5, [2, 2.9])).toBe('moving');
    expect(at(3.5, [2.5, 4.5])).toBe('not_moving');
    // Below the target by the point figure, yet within the uncertainty: not counted as moving.
    expect(at(2, [1, 3.5])).toBe('not_moving');
    expect(at(8, [6, 9])).toBe('worse');
    expect(reconcile(entry, 'w2', { state: 'hidden' })).toEqual({ campaignId: 'w2', suggestion: 'not_measurable' });
  });

  it('carries the later figures and the change, and reconciles only entries made from a cell', () => {
    const view = reconcile(makeCellEntry(), 'w2', {
      state: 'shown',
      figures: makeFigures({ headline: { median: 1, ci95: [0.5, 1.5] } }),
    });
    expect(view?.change).toEqual({ headline: -3, real: true });
    expect(view?.figures?.headline.median).toBe(1);
    expect(reconcile(makeEntry(), 'w2', { state: 'hidden' })).toBeNull();
  });
});
