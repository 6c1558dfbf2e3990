import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { NotFound } from '../errors';
import { ReceiptParams } from '../schemas';
import { sha256Hex } from '../token-hash';
import { validate } from '../validation';

export function responseRoutes(deps: AppDeps): Hono {
  return new Hono().delete('/:receipt', validate('param', ReceiptParams), async (c) => {
    const key = sha256Hex(c.req.valid('param').receipt);
    const existing = await deps.store.getResponse(key);
    if (!existing) throw new NotFound('no response with this receipt');
    if (!existing.withdrawnAt) {
      const withdrawnAt = deps.clock().toISOString();
      // The withdrawal takes a new place in the stream, after any snapshot cursor that may hold the response, so the
      // next report read unfolds it (functions/reports/campaign-stats.ts).
      await deps.store.withdrawResponse(key, withdrawnAt, `${withdrawnAt}#${key.slice(0, 16)}`);
      deps.metrics?.addMetric('ResponseWithdrawn', 'Count', 1);
    }
    return c.body(null, 204);
  });
}
