import { describe, expect, it } from 'vitest';
import { bookFreedCapacity, capacityIssues, communicationOf, freedOf, recordInForce } from '../../../shared/account';
import { CURRENT_INSTRUMENT, findInstrument } from '../../../shared/instrument';
import type { CapacityDistribution } from '../../../shared/report-model';
import { makeCellEntry, makeEntry, makeRecord } from './fixtures';

const removed = makeCellEntry({ status: 'removed', current: { value: 1, perMonth: 4, people: 23, total: 92 } });

describe('the capacity-allocation record', () => {
  it('needs a share, at most 100% in all, and the precondition of every chosen destination', () => {
    expect(capacityIssues(makeRecord())).toEqual([]);
    const fields = (r: Parameters<typeof capacityIssues>[0]) => capacityIssues(r).map((i) => i.field);
    expect(fields(makeRecord({ shares: {}, preconditions: {} }))).toEqual(['shares']);
    expect(fields(makeRecord({ shares: { faster_response: 70, learning: 40 } }))).toEqual(['shares']);
    expect(fields(makeRecord({ preconditions: { faster_response: 'One day' } }))).toEqual(['preconditions.learning']);
    expect(fields(makeRecord({ preconditions: { ...makeRecord().preconditions, cost_down: 'x' } }))).toEqual([
      'preconditions.cost_down',
    ]);
    expect(fields(makeRecord({ toldStaffOn: '2026-03-05', toldHow: null }))).toEqual(['toldHow']);
    expect(fields(makeRecord({ toldStaffOn: '2026-02-01', toldHow: 'All-hands' }))).toEqual(['toldStaffOn']);
  });

  it('is the latest decision taken on or before the day', () => {
    const records = [
      makeRecord({ id: 'a', decidedOn: '2026-01-10' }),
      makeRecord({ id: 'b', decidedOn: '2026-03-01' }),
    ];
    expect(recordInForce(records, '2026-02-01')?.id).toBe('a');
    expect(recordInForce(records, '2026-03-01')?.id).toBe('b');
    expect(recordInForce(records, '2025-12-31')).toBeNull();
  });
});

describe('freed capacity', () => {
  it('is the baseline load minus the current one, for entries whose work is done', () => {
    expect(freedOf(removed)).toBe(276);
    expect(freedOf({ ...removed, status: 'incision_running' })).toBe(0);
    // A reading above the baseline frees nothing, and takes nothing back.
    expect(freedOf({ ...removed, current: { value: 5, total: 500 } })).toBe(0);
  });

  it('is booked by the shares, the rest unallocated; without a record all of it is unallocated', () => {
    const time = makeEntry({
      ledger: 'time',
      status: 'compressed',
      baseline: { value: 14, people: 6 },
      current: { value: 6, people: 6 },
    });
    const booked = bookFreedCapacity([removed, time], makeRecord());
    expect(booked.waiting).toEqual({
      unit: 'waiting_days_per_month',
      freed: 276,
      byDestination: { faster_response: 165.6, learning: 110.4 },
      unallocated: 0,
    });
    expect(booked.time.freed).toBe(48);
    expect(
      bookFreedCapacity(
        [removed],
        makeRecord({ shares: { faster_response: 50 }, preconditions: { faster_response: 'x' } }),
      ).waiting.unallocated,
    ).toBe(138);
    expect(bookFreedCapacity([removed], null).waiting).toMatchObject({
      freed: 276,
      byDestination: {},
      unallocated: 276,
    });
  });
});

describe('the capacity answers as a communication measure', () => {
  const instrument = CURRENT_INSTRUMENT;
  const decided = (told: number, notTold: number, notDecided: number, unknown: number): CapacityDistribution => {
    const counts = { decided_told: told, decided_not_told: notTold, not_decided: notDecided, dont_know: unknown };
    const n = told + notTold + notDecided + unknown;
    return { n, counts, shares: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) };
  };
  const decision: CapacityDistribution = {
    n: 40,
    counts: { faster_response: 30, cost_down: 10 },
    shares: { faster_response: 0.75, cost_down: 0.25 },
  };

  it('tells "nothing decided" from "decided but not told"', () => {
    expect(communicationOf(instrument, null, decided(2, 3, 25, 10), decision, 5).finding).toBe('nothing_decided');
    const notTold = communicationOf(instrument, makeRecord(), decided(5, 20, 10, 5), decision, 5);
    expect(notTold.finding).toBe('decided_not_told');
    expect(notTold.workforce).toEqual({ n: 40, told: 0.125, notTold: 0.5, notDecided: 0.25, unknown: 0.125 });
    expect(
      communicationOf(
        instrument,
        makeRecord({ toldStaffOn: '2026-03-02', toldHow: 'Town hall' }),
        decided(5, 20, 10, 5),
        decision,
        5,
      ).finding,
    ).toBe('told_but_not_heard');
    const told = communicationOf(instrument, makeRecord(), decided(30, 5, 3, 2), decision, 5);
    expect(told.finding).toBe('decided_and_told');
    // 60% faster response + 40% learning leads with growth; the workforce names faster response most: they match.
    expect(told.directions).toEqual({ recorded: 'growth', workforce: 'growth', match: true });
    expect(communicationOf(instrument, null, decided(30, 5, 3, 2), decision, 5).finding).toBe(
      'believed_without_record',
    );
  });

  it('is not measured without published answers to "has leadership decided"', () => {
    expect(communicationOf(instrument, makeRecord(), undefined, decision, 5).finding).toBe('not_measured');
    expect(communicationOf(instrument, makeRecord(), decided(1, 1, 1, 0), decision, 5).finding).toBe('not_measured');
    const old = findInstrument(instrument.id, '2026.1')!;
    expect(communicationOf(old, makeRecord(), decided(30, 5, 3, 2), decision, 5).finding).toBe('not_measured');
  });
});
