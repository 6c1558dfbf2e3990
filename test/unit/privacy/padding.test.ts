import { describe, expect, it } from 'vitest';
import { burstRuleApplies, burstWindowStart, isLateBurst, protectionOf } from '../../../shared/privacy';

describe('the late-burst rule', () => {
  it('flags a group whose answers came mostly in the final window, far more than the rest', () => {
    // 1 real answer and 4 added the last day, beside 10 answered days before.
    expect(isLateBurst({ n: 5, late: 4 }, { n: 10, late: 0 })).toBe(true);
    // A last-day rush after a reminder lifts every group alike.
    expect(isLateBurst({ n: 8, late: 5 }, { n: 40, late: 22 })).toBe(false);
    // Half is not more than half; a single late answer is no burst.
    expect(isLateBurst({ n: 6, late: 3 }, { n: 10, late: 0 })).toBe(false);
    expect(isLateBurst({ n: 1, late: 1 }, { n: 10, late: 0 })).toBe(false);
  });

  it('works on hour buckets: the window is the 24 clock hours ending with the close hour', () => {
    expect(burstWindowStart('2026-03-16T09:00:05.000Z')).toBe('2026-03-15T10');
    expect(burstWindowStart('2026-03-16T00:59:59.999Z')).toBe('2026-03-15T01');
  });

  it('applies only to campaigns that ran at least four windows', () => {
    expect(burstRuleApplies('2026-03-01T09:00:00.000Z', '2026-03-16T09:00:00.000Z')).toBe(true);
    expect(burstRuleApplies('2026-03-14T09:00:00.000Z', '2026-03-16T09:00:00.000Z')).toBe(false);
  });
});

describe('what protects small groups', () => {
  it('is weakest with an open link, and holds only when every answer came through a mailed link', () => {
    expect(protectionOf({ openLink: true, handedOutLinks: 0 }).kind).toBe('open-link');
    expect(protectionOf({ openLink: false, handedOutLinks: 3 }).kind).toBe('handed-out-links');
    expect(protectionOf({ openLink: false, handedOutLinks: 0 })).toMatchObject({
      kind: 'mailed-invitations',
      resistsPadding: true,
    });
  });
});
