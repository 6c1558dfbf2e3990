import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/store/store';
import { call, type Harness, startHarness } from '../http/harness';
import { buildWorld, type World } from './support';

// Red-team finding 14 of issue 17: `GET /api/v1/campaigns/{id}` answered a foreign existing campaign in 8.3 ms and a
// missing one in 5.9 ms (the grant was read only after the campaign was found), so one request told them apart 74%
// of the time. Timing itself is never tested (a noisy clock): the code path is. Both answers must make the same
// store calls, all started before the first one ends, so neither waits on the other.

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.app);
});
afterAll(() => h.close());

interface Trace {
  events: string[];
}

/** The store, recording `start name` and `end name` of every call. */
function traced(store: Store, trace: Trace): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        trace.events.push(`start ${String(name)}`);
        try {
          return await value.apply(target, args);
        } finally {
          trace.events.push(`end ${String(name)}`);
        }
      };
    },
  });
}

async function storeCallsOf(token: string, campaignId: string) {
  const trace: Trace = { events: [] };
  const app = h.withDeps({ store: traced(h.store, trace) });
  const res = await call(app, 'GET', `/api/v1/campaigns/${campaignId}`, { token });
  // The bearer token's own lookup comes first and is the same for both: what follows is the route's.
  const route = trace.events.slice(trace.events.indexOf('end getToken') + 1);
  return { status: res.status, body: res.body, route };
}

describe('telling a foreign campaign from a missing one', () => {
  it('makes the same store calls, in parallel, for a foreign campaign and a missing one', async () => {
    for (const who of [w.consultantB, w.executiveB]) {
      const foreign = await storeCallsOf(who.token, w.a.campaignId);
      const missing = await storeCallsOf(who.token, 'no-such-campaign-0000');
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.route.map((e) => e.replace(/^(start|end) /, '')).sort()).toEqual(
        missing.route.map((e) => e.replace(/^(start|end) /, '')).sort(),
      );
      // Every call starts before the first one ends: no read waits for the campaign to be found.
      for (const route of [foreign.route, missing.route]) {
        const firstEnd = route.findIndex((e) => e.startsWith('end '));
        expect(
          route.slice(firstEnd).some((e) => e.startsWith('start ')),
          route.join(', '),
        ).toBe(false);
      }
      // And the answers say the same but for the id.
      expect(foreign.body.detail.replace(w.a.campaignId, 'ID')).toBe(
        missing.body.detail.replace('no-such-campaign-0000', 'ID'),
      );
    }
  });

  it('still serves the campaign to those who may see it', async () => {
    for (const who of [w.consultantA, w.executiveA]) {
      const res = await call(h.app, 'GET', `/api/v1/campaigns/${w.a.campaignId}`, { token: who.token });
      expect(res.status).toBe(200);
    }
  });
});
