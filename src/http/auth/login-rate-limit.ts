// The sign-in rate limit per client address (ASVS 5.0 V6.3.1, with the per-account lockout): a
// sliding window of attempt times in memory. One process's memory is enough for its purpose —
// slowing a guesser on one instance; the lockout, in the database, holds across instances.

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole seconds until the next attempt is allowed; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

/** Addresses remembered at most; past this the stalest are forgotten (bounded memory). */
const MAX_KEYS = 10_000;

export class SlidingWindowRateLimit {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt by `key` at `nowMs` unless the window is full. */
  attempt(key: string, nowMs: number): RateLimitDecision {
    const since = nowMs - this.windowMs;
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! - since) / 1000)) };
    }
    recent.push(nowMs);
    // Re-inserting moves the key to the end, so Map order is least recently used first.
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > MAX_KEYS) {
      const stalest = this.attempts.keys().next().value;
      if (stalest !== undefined) this.attempts.delete(stalest);
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
