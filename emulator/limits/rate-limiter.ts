// Per-token request budget (smartsheet-api.md §2): a sliding 60-second window of request units,
// 300 by default, where cell history and file uploads weigh 10. Rejected requests cost nothing, so
// a client that backs off gets its budget back after the window slides.

export interface RateLimitSettings {
  enabled: boolean;
  perMinute: number;
  heavyWeight: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

interface Spend {
  at: number;
  units: number;
}

export class RateLimiter {
  private readonly spends = new Map<string, Spend[]>();

  constructor(
    public settings: RateLimitSettings,
    /** Monotonic ms; the runtime adds clock skips so `advanceMs` also frees the budget. */
    private readonly now: () => number,
  ) {}

  update(partial: Partial<RateLimitSettings>): void {
    this.settings = { ...this.settings, ...partial };
  }

  reset(): void {
    this.spends.clear();
  }

  /** Charges `units` to the token if they fit in the window. */
  tryConsume(token: string, units: number): RateDecision {
    if (!this.settings.enabled) return { ok: true };
    const now = this.now();
    const recent = (this.spends.get(token) ?? []).filter((spend) => spend.at > now - WINDOW_MS);
    const used = recent.reduce((sum, spend) => sum + spend.units, 0);
    if (used + units <= this.settings.perMinute) {
      recent.push({ at: now, units });
      this.spends.set(token, recent);
      return { ok: true };
    }
    this.spends.set(token, recent);
    return { ok: false, retryAfterSeconds: this.secondsUntilFits(recent, used, units, now) };
  }

  private secondsUntilFits(recent: Spend[], used: number, units: number, now: number): number {
    let remaining = used;
    for (const spend of recent) {
      remaining -= spend.units;
      if (remaining + units <= this.settings.perMinute) {
        return Math.max(1, Math.ceil((spend.at + WINDOW_MS - now) / 1000));
      }
    }
    return WINDOW_MS / 1000;
  }
}
