import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, parseRetryAfter } from './retry-policy.js';
import type { AttemptFailure } from './retry-policy.js';

const http = (status: number, errorCode?: number, retryAfterMs?: number): AttemptFailure => ({
  kind: 'http',
  status,
  errorCode,
  retryAfterMs,
});
const network = (reason: 'refused' | 'timeout' | 'broken'): AttemptFailure => ({
  kind: 'network',
  reason,
  code: 'X',
});
const decide = (failure: AttemptFailure, idempotent: boolean) =>
  decideRetry(failure, { idempotent, retryIndex: 0, random: () => 0 }).action;

describe('decideRetry', () => {
  it.each([
    ['429 / 4003', http(429, 4003)],
    ['503 / 4001 maintenance', http(503, 4001)],
    ['500 / 4004 concurrent update', http(500, 4004)],
    ['connection refused', network('refused')],
  ])('retries %s for every method, POST included', (_name, failure) => {
    expect(decide(failure, true)).toBe('retry');
    expect(decide(failure, false)).toBe('retry');
  });

  it.each([
    ['500 / 4000', http(500, 4000)],
    ['500 / 4002 server timeout', http(500, 4002)],
    ['HTML 502', http(502)],
    ['HTML 503', http(503)],
    ['connection reset', network('broken')],
    ['timeout', network('timeout')],
  ])('retries %s when idempotent, reports it as ambiguous for a POST', (_name, failure) => {
    expect(decide(failure, true)).toBe('retry');
    expect(decide(failure, false)).toBe('ambiguous');
  });

  it.each([
    [400, 1036],
    [401, 1002],
    [403, 1004],
    [404, 1006],
    [410, 4005],
  ])('never retries HTTP %i / %i', (status, errorCode) => {
    expect(decide(http(status, errorCode), true)).toBe('fail');
  });

  it('waits as long as Retry-After says on a 429', () => {
    const decision = decideRetry(http(429, 4003, 7_000), {
      idempotent: false,
      retryIndex: 3,
      random: () => 0.9,
    });
    expect(decision).toEqual({ action: 'retry', delayMs: 7_000, rateLimited: true });
  });
});

describe('backoffDelay', () => {
  it('doubles from 2 s to a 60 s cap with at most 25 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n, () => 0))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(backoffDelay(0, () => 0.999)).toBeCloseTo(2_500, -1);
    expect(backoffDelay(10, () => 0.999)).toBe(60_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores what it cannot read', () => {
    const now = Date.UTC(2026, 8, 2, 10, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 02 Sep 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
