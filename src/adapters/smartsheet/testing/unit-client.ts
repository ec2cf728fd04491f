// A SmartsheetClient over a ScriptedFetch and a VirtualClock, for unit tests without a server.
import { TokenBucketBudget } from '../request-budget.js';
import { SmartsheetClient } from '../smartsheet-client.js';
import type { SmartsheetClientOptions } from '../smartsheet-client.js';
import { ScriptedFetch } from './scripted-fetch.js';
import type { Responder } from './scripted-fetch.js';
import { VirtualClock } from './virtual-clock.js';

export const UNIT_BASE_URL = 'https://api.test/2.0';

export function unitClient(responder?: Responder, options: Partial<SmartsheetClientOptions> = {}) {
  const clock = new VirtualClock();
  const server = new ScriptedFetch(responder);
  const budget = new TokenBucketBudget({ perMinute: 100_000, now: clock.now, sleep: clock.sleep });
  const client = new SmartsheetClient({
    baseUrl: UNIT_BASE_URL,
    token: 'unit-token',
    budget,
    fetch: server.fetch,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0,
    ...options,
  });
  return { client, server, clock, budget };
}
