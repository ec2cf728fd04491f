// Test plumbing for runs against the Smartsheet emulator, over its control plane only (so this file
// needs nothing from emulator/): faults, limits, counters, and a virtual timeline that lets the
// client's backoff and budget waits of minutes pass in milliseconds.

export interface FaultRuleInput {
  route: string;
  kind: 'error-4000' | 'error-4001' | 'error-4002' | 'error-4004' | 'html-502' | 'reset' | 'latency';
  rate?: number;
  count?: number;
  latencyMs?: number;
}

export async function controlCall(
  controlUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${controlUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok)
    throw new Error(`control ${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

export const setFaults = (controlUrl: string, rules: FaultRuleInput[]) =>
  controlCall(controlUrl, 'PUT', '/faults', { rules });

export const setLimits = (
  controlUrl: string,
  limits: { enabled: boolean; perMinute?: number; heavyWeight?: number },
) => controlCall(controlUrl, 'PUT', '/limits', limits);

export interface EmulatorCounts {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
}

export const requestCounts = async (controlUrl: string) =>
  (await controlCall(controlUrl, 'GET', '/requests/counts')) as EmulatorCounts;

/** Back to the seed, no faults, no limit, an empty request log. */
export async function resetEmulator(controlUrl: string): Promise<void> {
  await controlCall(controlUrl, 'POST', '/reset', {});
  await controlCall(controlUrl, 'DELETE', '/faults');
  await controlCall(controlUrl, 'DELETE', '/requests');
  await setLimits(controlUrl, { enabled: false });
}

/**
 * One timeline for the client and the emulator: `sleep(ms)` moves both clocks to the sleeper's
 * wake-up time (never past a later one already reached), so concurrent sleepers do not add up and
 * the emulator's rate-limit window slides exactly as far as the client waited.
 */
export class SharedTimeline {
  private time = Date.UTC(2026, 8, 2, 12, 0, 0);
  readonly sleeps: number[] = [];

  constructor(private readonly controlUrl: string) {}

  readonly now = (): number => this.time;

  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    const wake = this.time + Math.max(0, ms);
    // Our clock moves at once, so concurrent sleepers measure from it; the emulator's follows
    // before this sleeper wakes, so its rate-limit window has slid by the time we call again.
    if (wake > this.time) {
      const skip = wake - this.time;
      this.time = wake;
      await controlCall(this.controlUrl, 'POST', '/clock', { advanceMs: skip });
    }
  };
}
