// What to do after a failed attempt (smartsheet-api.md §1.5, §1.6, §9.7). Pure decisions, no I/O, so
// every row of the table has a unit test. The HTTP layer measures time and sleeps.

/** A failed attempt as the HTTP layer observed it. */
export type AttemptFailure =
  | {
      kind: 'http';
      status: number;
      /** Smartsheet's errorCode, when the body was JSON. */
      errorCode?: number | undefined;
      refId?: string | undefined;
      message?: string | undefined;
      /** `Retry-After` converted to milliseconds, when the response had one. */
      retryAfterMs?: number | undefined;
    }
  | {
      kind: 'network';
      /**
       * `refused`: the connection was never made (ECONNREFUSED, DNS), so the request provably was
       * not processed. `timeout` and `broken` (reset, socket closed mid-response): it may have been.
       */
      reason: 'refused' | 'timeout' | 'broken';
      code: string;
    };

export type RetryDecision =
  | { action: 'retry'; delayMs: number; rateLimited: boolean }
  /** Permanent for this request: fix and resend (4xx), or a 5xx the caller must not replay blindly. */
  | { action: 'fail' }
  /** A non-idempotent request may have been applied: the caller must re-read and reconcile. */
  | { action: 'ambiguous' };

export const BACKOFF_START_MS = 2_000;
export const BACKOFF_CAP_MS = 60_000;

/**
 * Exponential backoff 2 s, 4 s, 8 s … capped at 60 s, stretched by up to 25 % of random jitter so
 * parallel workers that failed together do not retry together.
 */
export function backoffDelay(retryIndex: number, random: () => number): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_START_MS * 2 ** Math.min(retryIndex, 16));
  return Math.min(BACKOFF_CAP_MS, Math.round(base * (1 + 0.25 * random())));
}

/** Smartsheet codes that mean "not processed, try again" even for a POST (§9.7). */
const SAFE_TO_REPEAT_CODES = new Set([4001, 4003, 4004]);

/** Codes and statuses that are transient for an idempotent request. */
function isTransient(failure: Extract<AttemptFailure, { kind: 'http' }>): boolean {
  if (failure.errorCode !== undefined && failure.errorCode >= 4000 && failure.errorCode <= 4004) return true;
  return failure.status >= 500;
}

export function isRateLimited(failure: AttemptFailure): boolean {
  return failure.kind === 'http' && (failure.status === 429 || failure.errorCode === 4003);
}

/**
 * @param retryIndex 0 for the first retry.
 * @param idempotent false for POSTs that create something (add rows, upload, create webhook): those
 *   are repeated only when the failure proves the request was not applied.
 */
export function decideRetry(
  failure: AttemptFailure,
  options: { idempotent: boolean; retryIndex: number; random: () => number },
): RetryDecision {
  const backoff = () => backoffDelay(options.retryIndex, options.random);
  if (failure.kind === 'network') {
    if (failure.reason === 'refused' || options.idempotent) {
      return { action: 'retry', delayMs: backoff(), rateLimited: false };
    }
    return { action: 'ambiguous' };
  }
  if (isRateLimited(failure)) {
    return { action: 'retry', delayMs: failure.retryAfterMs ?? backoff(), rateLimited: true };
  }
  if (!isTransient(failure)) return { action: 'fail' };
  if (
    options.idempotent ||
    (failure.errorCode !== undefined && SAFE_TO_REPEAT_CODES.has(failure.errorCode))
  ) {
    return { action: 'retry', delayMs: backoff(), rateLimited: false };
  }
  // 4000, 4002, an HTML 502 from a proxy…: the server may have applied the POST before failing.
  return { action: 'ambiguous' };
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** A broken connection, a timeout or a 5xx that is not "please retry" may hide an applied write. */
export function mayHaveBeenApplied(failure: AttemptFailure): boolean {
  if (failure.kind === 'network') return failure.reason !== 'refused';
  if (isRateLimited(failure) || failure.errorCode === 4001 || failure.errorCode === 4004) return false;
  return failure.status >= 500;
}
