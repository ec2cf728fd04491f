/**
 * When a failed alert is tried again: exponential backoff from a base delay, capped, until a
 * maximum number of attempts, after which the alert stays failed with its last error.
 */

/** How failed sends are retried. */
export interface AlertRetryPolicy {
  /** Attempts in all, the first included; after the last failure the alert gives up. */
  readonly maxAttempts: number;
  /** Delay after the first failure; each further failure doubles it. */
  readonly baseDelayMs: number;
  /** No retry waits longer than this. */
  readonly maxDelayMs: number;
}

/** 1 min, 2, 4, 8 … capped at 1 h, six attempts: a mail server outage of a few hours is ridden out. */
export const DEFAULT_ALERT_RETRY_POLICY: AlertRetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 60_000,
  maxDelayMs: 3_600_000,
};

/**
 * The instant of the next attempt after attempt number `attempt` (1-based) failed at `now`, or
 * null when that was the last attempt the policy allows.
 */
export function nextAlertAttemptAt(attempt: number, now: Date, policy: AlertRetryPolicy): string | null {
  if (attempt >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return new Date(now.getTime() + delay).toISOString();
}
