// Callback retries (smartsheet-api.md §6.8): up to 14 retries, the first 7 with exponential backoff,
// then one every 3 hours. Smartsheet does not publish the backoff base; "real" uses 1 minute. The
// compressed schedule keeps the same shape at a scale a test can wait for (about 2 s in total).

export type RetrySchedule = 'compressed' | 'real';

export function retryDelays(schedule: RetrySchedule): number[] {
  const base = schedule === 'real' ? 60_000 : 10;
  const steady = schedule === 'real' ? 3 * 3_600_000 : 100;
  const exponential = Array.from({ length: 7 }, (_, n) => base * 2 ** n);
  return [...exponential, ...Array.from({ length: 7 }, () => steady)];
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'fatal';

/** Only 200 is success; 4xx (but 410) and 5xx and timeouts are retried; anything else ends delivery. */
export function classifyCallbackStatus(status: number | undefined): DeliveryOutcome {
  if (status === undefined) return 'retry';
  if (status === 200) return 'delivered';
  if (status === 410) return 'fatal';
  if ((status >= 400 && status <= 499) || (status >= 500 && status <= 599)) return 'retry';
  return 'fatal';
}
