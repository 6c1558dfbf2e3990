import { Hono } from 'hono';
import { acceptsWrites, insideClose, writeWindow } from '../../lifecycle/answer-window';
import { storedTime } from '../../store/stored-time';
import type { AppDeps } from '../deps';
import { NotFound, ResultsFinal } from '../errors';
import { sha256Hex } from '../token-hash';
import { validate } from '../validation';

const tooLate = () =>
  new ResultsFinal('the campaign has closed and its results are final; answers can no longer be withdrawn');

export function responseRoutes(deps: AppDeps): Hono {
  return new Hono().delete('/:receipt', validate('param', 'ReceiptParams'), async (c) => {
    const key = sha256Hex(c.req.valid('param').receipt);
    const existing = await deps.store.getResponse(key);
    if (!existing) throw new NotFound('no response with this receipt');
    const read = () => deps.store.getCampaign(existing.campaignId);
    const observedAt = deps.clock();
    const found = await read();
    if (!found) throw tooLate();
    // The withdrawal is dated within the close grace of this read (answer-window.ts), so one taken while the campaign
    // was open is always inside its close: a 204 means the answers are out of the results, a 410 that they stay.
    const { campaign, now } = await writeWindow(deps, { campaign: found, observedAt }, read);
    let withdrawnAt = existing.withdrawnAt;
    if (!withdrawnAt) {
      // Once closed, the results are published: a withdrawal now would change them, and the difference between the
      // two versions would be one person's answers.
      if (!acceptsWrites(campaign, now)) throw tooLate();
      // The hour only (stored-time.ts), inside the close whenever `now` is.
      withdrawnAt = storedTime(now);
      // The withdrawal takes a new place in the stream, after any snapshot cursor that may hold the response, so the
      // next report read unfolds it (functions/reports/campaign-stats.ts).
      const withdrawn = await deps.store.withdrawResponse(key, withdrawnAt, `${withdrawnAt}#${key.slice(0, 16)}`);
      // Null: a concurrent withdrawal of the same receipt won; its time decides.
      if (!withdrawn) withdrawnAt = (await deps.store.getResponse(key))?.withdrawnAt ?? withdrawnAt;
      else deps.metrics?.addMetric('ResponseWithdrawn', 'Count', 1);
    }
    // A repeat answers as the first did: 204 only for a withdrawal the results leave out.
    if (!insideClose(campaign, withdrawnAt)) throw tooLate();
    return c.body(null, 204);
  });
}
