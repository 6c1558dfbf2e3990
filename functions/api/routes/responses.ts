import { Hono } from 'hono';
import { isClosed } from '../../lifecycle/campaign-state';
import type { AppDeps } from '../deps';
import { NotFound, ResultsFinal } from '../errors';
import { sha256Hex } from '../token-hash';
import { validate } from '../validation';

export function responseRoutes(deps: AppDeps): Hono {
  return new Hono().delete('/:receipt', validate('param', 'ReceiptParams'), async (c) => {
    const key = sha256Hex(c.req.valid('param').receipt);
    const existing = await deps.store.getResponse(key);
    if (!existing) throw new NotFound('no response with this receipt');
    if (!existing.withdrawnAt) {
      const now = deps.clock();
      const campaign = await deps.store.getCampaign(existing.campaignId);
      // Once closed, the results are published: a withdrawal now would change them, and the difference between the
      // two versions would be one person's answers.
      if (!campaign || isClosed(campaign, now)) {
        throw new ResultsFinal('the campaign has closed and its results are final; answers can no longer be withdrawn');
      }
      const withdrawnAt = now.toISOString();
      // The withdrawal takes a new place in the stream, after any snapshot cursor that may hold the response, so the
      // next report read unfolds it (functions/reports/campaign-stats.ts).
      await deps.store.withdrawResponse(key, withdrawnAt, `${withdrawnAt}#${key.slice(0, 16)}`);
      deps.metrics?.addMetric('ResponseWithdrawn', 'Count', 1);
    }
    return c.body(null, 204);
  });
}
