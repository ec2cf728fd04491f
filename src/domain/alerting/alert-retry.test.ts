import { describe, expect, it } from 'vitest';
import { nextAlertAttemptAt } from './alert-retry.js';

const policy = { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 180_000 };
const now = new Date('2025-08-18T15:00:00.000Z');

describe('nextAlertAttemptAt', () => {
  it('doubles the delay after each failure, up to the cap', () => {
    expect(nextAlertAttemptAt(1, now, policy)).toBe('2025-08-18T15:01:00.000Z');
    expect(nextAlertAttemptAt(2, now, policy)).toBe('2025-08-18T15:02:00.000Z');
    expect(nextAlertAttemptAt(3, now, policy)).toBe('2025-08-18T15:03:00.000Z');
  });

  it('gives up after the last allowed attempt', () => {
    expect(nextAlertAttemptAt(4, now, policy)).toBeNull();
  });
});
