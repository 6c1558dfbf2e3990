import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { TooManyRequests } from '../../../functions/api/errors';
import { failureThrottle } from '../../../functions/auth/failure-throttle';

// A stand-in request: the throttle reads nothing of it but the key its options derive.
const client = (address: string) => ({ address }) as unknown as Context;

function throttle() {
  let t = 0;
  const limiter = failureThrottle({
    burst: 3,
    perMinute: 6,
    keyOf: (c) => (c as unknown as { address: string }).address,
    now: () => t,
  });
  return { limiter, advance: (ms: number) => (t += ms) };
}

const refusal = (fn: () => void): TooManyRequests | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof TooManyRequests) return e;
    throw e;
  }
};

describe('failureThrottle (17.15)', () => {
  it('lets a burst of failures through, then answers 429 with the wait until one is earned back', () => {
    const { limiter, advance } = throttle();
    const a = client('192.0.2.1');
    for (let i = 0; i < 3; i++) {
      expect(refusal(() => limiter.check(a))).toBeNull();
      limiter.failed(a);
    }
    const refused = refusal(() => limiter.check(a));
    expect(refused?.status).toBe(429);
    // 6 a minute: one failure is earned back after 10 s.
    expect(refused?.headers['Retry-After']).toBe('10');
    // Another client is not held back by the first one's failures.
    expect(refusal(() => limiter.check(client('192.0.2.2')))).toBeNull();
    advance(10_000);
    expect(refusal(() => limiter.check(a))).toBeNull();
  });

  it('names the attempts as the client made them: a wrong saved-answers code is not a sign-in', () => {
    const { limiter } = throttle();
    const a = client('192.0.2.1');
    for (let i = 0; i < 3; i++) limiter.failed(a);
    expect(refusal(() => limiter.check(a))?.message).toBe(
      'too many failed sign-in attempts from this client; wait before trying again',
    );
    expect(refusal(() => limiter.check(a, 'wrong codes for saved answers'))?.message).toBe(
      'too many wrong codes for saved answers from this client; wait before trying again',
    );
  });
});
