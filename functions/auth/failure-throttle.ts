import type { Context } from 'hono';
import { TooManyRequests } from '../api/errors';

// 17.15: failed authentication is throttled per client, so a token, a sign-in code or a viewer code cannot be
// guessed at speed. A token bucket per client key, in this process's memory only: the key (an address) is never
// stored or logged, and a restart forgets it. On AWS each Lambda instance keeps its own, behind API Gateway's
// throttle; the secrets are 256 random bits, so this is a second fence, not the first.

export interface FailureThrottleOptions {
  /** Failures a client may have in a burst. */
  burst: number;
  /** Failures a client earns back per minute. */
  perMinute: number;
  /** The client: the socket address locally, the viewer address from API Gateway on AWS. */
  keyOf: (c: Context) => string;
  now?: () => number;
}

export interface FailureThrottle {
  /**
   * Answers 429 with Retry-After when the client used up its failures. `attempts` names them as the client knows
   * them (the bucket is one per client whatever was guessed: a guesser gains nothing by alternating).
   */
  check(c: Context, attempts?: string): void;
  /** Counts one failure against the client. */
  failed(c: Context): void;
}

export function failureThrottle(options: FailureThrottleOptions): FailureThrottle {
  const now = options.now ?? Date.now;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const bucketOf = (key: string, t: number) => {
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    return bucket;
  };
  return {
    check(c, attempts = 'failed sign-in attempts') {
      const t = now();
      const bucket = bucketOf(options.keyOf(c), t);
      if (bucket.tokens < 1) {
        throw new TooManyRequests(
          `too many ${attempts} from this client; wait before trying again`,
          (1 - bucket.tokens) / perMs / 1000,
        );
      }
    },
    failed(c) {
      const t = now();
      if (buckets.size > 10_000) {
        // Clients whose buckets are full again are indistinguishable from new ones.
        for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= options.burst) buckets.delete(key);
      }
      const key = options.keyOf(c);
      const bucket = bucketOf(key, t);
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      buckets.set(key, bucket);
    },
  };
}
