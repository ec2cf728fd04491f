// The client-side rate limit of smartsheet-api.md §2 and DESIGN.md invariant 6: Smartsheet allows
// 300 requests per minute per token, cell history and file uploads count 10. One budget is shared
// by every call of the process; in a cluster the Postgres budget (adapters/cluster/) replaces it.
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { RequestBudget } from '../../ports/request-budget.js';

export type { RequestBudget } from '../../ports/request-budget.js';

/** Units a request costs against the per-minute budget. */
export const REQUEST_WEIGHT = {
  normal: 1,
  /** Get Cell History, file uploads (simple or multipart) and attachment versions. */
  heavy: 10,
} as const;

export interface TokenBucketOptions {
  /** Units allowed in any 60-second window. Default 300. */
  perMinute?: number;
  /**
   * Units that may go out at once after a quiet spell. The refill rate is (perMinute − burst) per
   * minute, so burst plus one minute of refill never exceeds perMinute in any 60-second window —
   * the same guarantee as Smartsheet's sliding window. Default max(10, 20 % of perMinute), which
   * makes the steady rate 80 % of the limit, the margin §2 recommends.
   */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const WINDOW_MS = 60_000;

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** In-process token bucket; requests queue FIFO so a heavy call is not starved by light ones. */
export class TokenBucketBudget implements RequestBudget {
  readonly perMinute: number;
  readonly burst: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: TokenBucketOptions = {}) {
    this.perMinute = options.perMinute ?? 300;
    this.burst = options.burst ?? Math.max(REQUEST_WEIGHT.heavy, Math.floor(this.perMinute * 0.2));
    if (!(this.burst >= REQUEST_WEIGHT.heavy && this.burst < this.perMinute)) {
      throw new AppError(
        ErrorCode.CONFIG_INVALID,
        `A Smartsheet request budget of ${this.perMinute} per minute (burst ${this.burst}) cannot work: a heavy call (cell history, file upload) costs ${REQUEST_WEIGHT.heavy} units, so the budget needs ${REQUEST_WEIGHT.heavy} ≤ burst < perMinute`,
        {
          hint: `Configure at least ${REQUEST_WEIGHT.heavy + 1} requests per minute (Smartsheet allows 300).`,
        },
      );
    }
    this.refillPerMs = (this.perMinute - this.burst) / WINDOW_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  acquire(weight: number): Promise<void> {
    if (!(weight > 0 && weight <= this.burst)) {
      return Promise.reject(new RangeError(`Request weight ${weight} is outside 1..${this.burst}`));
    }
    // Chaining keeps arrival order: each acquire starts taking only after the previous one got its units.
    const turn = this.queue.then(() => this.take(weight));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Units available right now (for tests and the run summary). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  private async take(weight: number): Promise<void> {
    for (;;) {
      this.refill();
      const now = this.now();
      if (this.pausedUntil > now) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      if (this.tokens >= weight) {
        this.tokens -= weight;
        return;
      }
      await this.sleep(Math.ceil((weight - this.tokens) / this.refillPerMs));
    }
  }

  private refill(): void {
    const now = this.now();
    if (now > this.refilledAt) {
      this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.refillPerMs);
      this.refilledAt = now;
    }
  }
}
