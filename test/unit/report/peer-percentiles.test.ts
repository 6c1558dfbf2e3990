import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latestWaves,
  MIN_PEERS,
  NO_SCORE,
  type PeerWave,
  peerPercentiles,
  TOO_FEW_PEERS,
} from '../../../shared/report/peer-percentiles';

const wave = (
  orgId: string,
  scores: Record<string, number | null> | null,
  closedAt = '2026-02-01T00:00:00.000Z',
  campaignId = `${orgId}-${closedAt}`,
): PeerWave => ({ orgId, campaignId, closedAt, createdAt: '2026-01-01T00:00:00.000Z', scores });

/** Other organisations o1..oN, scoring roles 10, 20, ... */
const others = (n: number): PeerWave[] =>
  Array.from({ length: n }, (_, i) => wave(`o${i + 1}`, { roles: (i + 1) * 10, knowledge: 50 }));

describe('peer percentiles', () => {
  it('ranks among other organisations by mid-rank, and says how many peers', () => {
    const r = peerPercentiles({ orgId: 'me', scores: { roles: 35, knowledge: 50 } }, others(6), ['roles', 'knowledge']);
    expect(r.peers).toBe(6);
    expect(r.peerCounts).toEqual({ roles: 6, knowledge: 6 });
    // Three of six below 35: 50th percentile; knowledge ties all six: half of them count.
    expect(r.percentiles).toEqual({ roles: 50, knowledge: 50 });
    expect(r.reasons).toEqual({ roles: null, knowledge: null });
  });

  it('gives no percentile below five other organisations, with the reason', () => {
    const r = peerPercentiles({ orgId: 'me', scores: { roles: 35 } }, others(MIN_PEERS - 1), ['roles']);
    expect(r.peers).toBe(4);
    expect(r.percentiles.roles).toBeNull();
    expect(r.reasons.roles).toBe(TOO_FEW_PEERS);
    expect(TOO_FEW_PEERS).toBe('fewer than 5 other organisations');
    expect(peerPercentiles({ orgId: 'me', scores: { roles: 35 } }, others(5), ['roles']).percentiles.roles).toBe(60);
  });

  it("never counts the organisation's own waves, earlier or later", () => {
    const own = [wave('me', { roles: 0 }, '2025-01-01T00:00:00.000Z'), wave('me', { roles: 100 })];
    const r = peerPercentiles({ orgId: 'me', scores: { roles: 35 } }, [...own, ...others(5)], ['roles']);
    expect(r.peers).toBe(5);
    expect(r.percentiles.roles).toBe(60);
  });

  it('counts each other organisation once, by its latest closed wave', () => {
    const earlier = wave('o1', { roles: 90 }, '2025-06-01T00:00:00.000Z');
    const r = peerPercentiles({ orgId: 'me', scores: { roles: 35 } }, [earlier, ...others(5)], ['roles']);
    // o1's latest wave scores 10, below 35; its earlier 90 is not counted.
    expect(r.peers).toBe(5);
    expect(r.percentiles.roles).toBe(60);
    expect(latestWaves([earlier, ...others(1)]).get('o1')?.scores?.roles).toBe(10);
  });

  it('leaves a suppressed wave and a withheld layer out of the peers', () => {
    const waves = [...others(5), wave('small', null), wave('masked', { roles: null, knowledge: 70 })];
    const r = peerPercentiles({ orgId: 'me', scores: { roles: 35, knowledge: 60 } }, waves, ['roles', 'knowledge']);
    expect(r.peers).toBe(6);
    expect(r.peerCounts).toEqual({ roles: 5, knowledge: 6 });
    // An organisation whose latest wave is too small is no peer, even with an earlier wave that showed.
    const hidden = [wave('o9', { roles: 1 }, '2025-01-01T00:00:00.000Z'), wave('o9', null)];
    expect(peerPercentiles({ orgId: 'me', scores: { roles: 35 } }, hidden, ['roles']).peers).toBe(0);
  });

  it('gives no percentile for a measure the campaign has no score on', () => {
    const r = peerPercentiles({ orgId: 'me', scores: { roles: null } }, others(6), ['roles']);
    expect(r.percentiles.roles).toBeNull();
    expect(r.reasons.roles).toBe(NO_SCORE);
  });

  it('stays in 0..100, does not depend on the order of the peers, and never falls when the score rises', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 20 });
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 99 }), (values, score) => {
        const waves = values.map((v, i) => wave(`o${i}`, { roles: v }));
        const p = peerPercentiles({ orgId: 'me', scores: { roles: score } }, waves, ['roles']).percentiles.roles!;
        const reversed = peerPercentiles({ orgId: 'me', scores: { roles: score } }, [...waves].reverse(), ['roles']);
        const higher = peerPercentiles({ orgId: 'me', scores: { roles: score + 1 } }, waves, ['roles']);
        return p >= 0 && p <= 100 && reversed.percentiles.roles === p && higher.percentiles.roles! >= p;
      }),
    );
  });
});
