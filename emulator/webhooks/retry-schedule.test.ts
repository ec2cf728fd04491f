import { describe, expect, it } from 'vitest';
import { classifyCallbackStatus, retryDelays } from './retry-schedule.js';

describe('retry schedule', () => {
  it('has 14 retries: 7 exponential then 7 steady', () => {
    expect(retryDelays('compressed')).toEqual([
      10, 20, 40, 80, 160, 320, 640, 100, 100, 100, 100, 100, 100, 100,
    ]);
    const real = retryDelays('real');
    expect(real).toHaveLength(14);
    expect(real[7]).toBe(3 * 3_600_000);
  });

  it('classifies responses per the retry table', () => {
    expect(classifyCallbackStatus(200)).toBe('delivered');
    expect(classifyCallbackStatus(201)).toBe('fatal');
    expect(classifyCallbackStatus(302)).toBe('fatal');
    expect(classifyCallbackStatus(410)).toBe('fatal');
    expect(classifyCallbackStatus(404)).toBe('retry');
    expect(classifyCallbackStatus(503)).toBe('retry');
    expect(classifyCallbackStatus(undefined)).toBe('retry');
  });
});
