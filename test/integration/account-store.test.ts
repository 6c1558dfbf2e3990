import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountItemRecord } from '../../functions/store/account-store';
import { type ChangeRecord, landedHistory } from '../../shared/account';
import { type Harness, startHarness } from '../http/harness';

// The account's store adapter against dynalite: creation is one item whatever the retries, a stale writer loses
// without a trace in the history, and concurrent writers on one version leave exactly one change on the chain.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const AT = '2026-03-02T09:00:00.000Z';
const by = { role: 'executive' as const, subject: 'tok1' };

function change(itemId: string, version: number, parentId: string | null, patchHash = 'p'): ChangeRecord {
  return { kind: 'entry', itemId, version, changeId: randomUUID(), parentId, at: AT, by, fields: [], patchHash };
}

function record(orgId: string, id: string, version: number, changeId: string, data: unknown): AccountItemRecord {
  return { kind: 'entry', orgId, id, version, changeId, createHash: 'h1', createdAt: AT, updatedAt: AT, data };
}

describe('account items in the table', () => {
  it('creates once: a second creation with the same id answers the stored item and leaves no extra change', async () => {
    const orgId = randomUUID();
    const c1 = change('e1', 1, null);
    expect(await h.store.createAccountItem(record(orgId, 'e1', 1, c1.changeId, { title: 'a' }), c1)).toEqual({
      created: true,
    });
    const c2 = change('e1', 1, null);
    const again = await h.store.createAccountItem(record(orgId, 'e1', 1, c2.changeId, { title: 'b' }), c2);
    expect(again.created).toBe(false);
    expect(!again.created && again.existing.data).toEqual({ title: 'a' });
    expect((await h.store.listAccountChanges(orgId, 'entry', 'e1')).map((c) => c.changeId)).toEqual([c1.changeId]);
  });

  it('lets one of many concurrent writers of a version win; the history holds exactly the winners', async () => {
    const orgId = randomUUID();
    const c1 = change('e1', 1, null);
    await h.store.createAccountItem(record(orgId, 'e1', 1, c1.changeId, { n: 0 }), c1);
    let head = { version: 1, changeId: c1.changeId };
    for (let round = 1; round <= 3; round++) {
      const attempts = Array.from({ length: 8 }, (_, i) => change('e1', head.version + 1, head.changeId, `w${i}`));
      const results = await Promise.all(
        attempts.map((c, i) =>
          h.store.updateAccountItem(
            record(orgId, 'e1', head.version + 1, c.changeId, { n: round, writer: i }),
            c,
            head,
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = (await h.store.getAccountItem<{ writer: number }>(orgId, 'entry', 'e1'))!;
      expect(stored.version).toBe(head.version + 1);
      expect(stored.changeId).toBe(attempts[stored.data.writer]!.changeId);
      head = { version: stored.version, changeId: stored.changeId };
    }
    const changes = await h.store.listAccountChanges(orgId, 'entry', 'e1');
    // Losers dropped their records; whatever a crash would leave is off the chain anyway.
    expect(landedHistory(head.changeId, changes).map((c) => c.version)).toEqual([1, 2, 3, 4]);
    expect(changes).toHaveLength(4);
  });

  it('ignores a change whose item write never happened (a crash between the two writes)', async () => {
    const orgId = randomUUID();
    const c1 = change('e1', 1, null);
    await h.store.createAccountItem(record(orgId, 'e1', 1, c1.changeId, {}), c1);
    // A stale writer: its change is written, its conditional item put fails.
    const stale = change('e1', 2, 'not-the-head');
    expect(
      await h.store.updateAccountItem(record(orgId, 'e1', 2, stale.changeId, {}), stale, { version: 1, changeId: 'x' }),
    ).toBe(false);
    const stored = (await h.store.getAccountItem(orgId, 'entry', 'e1'))!;
    expect(landedHistory(stored.changeId, await h.store.listAccountChanges(orgId, 'entry', 'e1'))).toHaveLength(1);
  });

  it('keeps kinds and organisations apart, and stores magnitudes the table cannot hold as 0', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    for (const [orgId, kind] of [
      [a, 'entry'],
      [a, 'flow'],
      [b, 'entry'],
    ] as const) {
      const c = { ...change('x1', 1, null), kind };
      await h.store.createAccountItem({ ...record(orgId, 'x1', 1, c.changeId, { v: 1e-200 }), kind }, c);
    }
    expect((await h.store.listAccountItems(a, 'entry')).map((i) => i.orgId)).toEqual([a]);
    expect(await h.store.listAccountItems(a, 'review')).toEqual([]);
    expect(await h.store.getAccountItem(b, 'flow', 'x1')).toBeNull();
    expect((await h.store.getAccountItem(a, 'flow', 'x1'))?.data).toEqual({ v: 0 });
  });
});
