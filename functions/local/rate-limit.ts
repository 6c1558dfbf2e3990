import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { TooManyRequests } from '../api/errors';

export interface RateLimitOptions {
  /** Submissions a client may make in a burst. */
  burst: number;
  /** Sustained submissions per minute. */
  perMinute: number;
  now?: () => number;
  /** The client key; the socket's remote address by default. */
  keyOf?: (c: Context) => string;
}

/**
 * A token bucket per client socket address, in this process's memory only: the address is never stored or logged,
 * and a restart forgets it. Only the local server uses it; on AWS, API Gateway throttles.
 */
export function submissionRateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const address = options.keyOf ? options.keyOf(c) : (getConnInfo(c).remote.address ?? 'unknown');
    const t = now();
    if (buckets.size > 10_000) {
      // Forget clients whose buckets are full again: they are indistinguishable from new ones.
      for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= options.burst) buckets.delete(key);
    }
    const bucket = buckets.get(address) ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    if (bucket.tokens < 1) {
      buckets.set(address, bucket);
      throw new TooManyRequests(
        'too many submissions from this connection; wait a moment',
        (1 - bucket.tokens) / perMs / 1000,
      );
    }
    bucket.tokens -= 1;
    buckets.set(address, bucket);
    await next();
  };
}
