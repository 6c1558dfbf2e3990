import { describe, expect, it } from 'vitest';
import { type ChangeRecord, dataAsOf, landedHistory } from '../../../shared/account';

// An account item read as it stood at a time (the register at a wave's close, docs/METHOD.md §7.5): the landed
// changes after that time undone from the item's data, each field back to its value before.

const change = (
  version: number,
  at: string,
  fields: ChangeRecord['fields'],
  parentId: string | null,
): ChangeRecord => ({
  kind: 'flow',
  itemId: 'f1',
  version,
  changeId: `c${version}`,
  parentId,
  at,
  by: { role: 'executive', subject: 's' },
  fields,
  patchHash: `h${version}`,
});

const created = change(
  1,
  '2026-03-01T10:00:00.000Z',
  [
    { field: 'name', from: null, to: 'Refund chat' },
    { field: 'humanExit', from: null, to: null },
  ],
  null,
);
const exitAdded = change(2, '2026-03-05T10:00:00.000Z', [{ field: 'humanExit', from: null, to: 'Phone line' }], 'c1');
const renamed = change(3, '2026-03-09T10:00:00.000Z', [{ field: 'name', from: 'Refund chat', to: 'Refunds' }], 'c2');
const now = { id: 'f1', name: 'Refunds', humanExit: 'Phone line' };
const chain = [created, exitAdded, renamed];

describe('an account item as it stood', () => {
  it('undoes the changes made after the time, newest first', () => {
    expect(dataAsOf(now, chain, '2026-03-06T00:00:00.000Z')).toEqual({
      id: 'f1',
      name: 'Refund chat',
      humanExit: 'Phone line',
    });
    expect(dataAsOf(now, chain, '2026-03-02T00:00:00.000Z')).toEqual({
      id: 'f1',
      name: 'Refund chat',
      humanExit: null,
    });
  });

  it('keeps the item as it is when nothing changed after the time, and a change at the very time counts', () => {
    expect(dataAsOf(now, chain, '2026-03-10T00:00:00.000Z')).toEqual(now);
    expect(dataAsOf(now, chain, renamed.at)).toEqual(now);
  });

  it('has no item before its creation', () => {
    expect(dataAsOf(now, chain, '2026-02-28T00:00:00.000Z')).toBeNull();
  });

  it('ignores a change on no chain (a writer that lost, or crashed before the item write)', () => {
    const lost = change(3, '2026-03-07T10:00:00.000Z', [{ field: 'humanExit', from: 'Phone line', to: 'Mail' }], 'c2');
    const landed = landedHistory('c3', [created, exitAdded, { ...lost, changeId: 'lost' }, renamed]);
    expect(landed.map((c) => c.changeId)).toEqual(['c1', 'c2', 'c3']);
    expect(dataAsOf(now, landed, '2026-03-08T00:00:00.000Z')).toEqual({
      id: 'f1',
      name: 'Refund chat',
      humanExit: 'Phone line',
    });
  });
});
