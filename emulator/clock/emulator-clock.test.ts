import { describe, expect, it } from 'vitest';
import { EmulatorClock } from './emulator-clock.js';

function fakeReal(start = 1_000) {
  let t = start;
  return { now: () => t, tick: (ms: number) => (t += ms) };
}

describe('EmulatorClock', () => {
  it('starts at the seed time and follows real time while running', () => {
    const real = fakeReal();
    const clock = new EmulatorClock({
      startAt: Date.parse('2026-09-01T00:00:00Z'),
      frozen: false,
      realNow: real.now,
    });
    real.tick(1_500);
    expect(new Date(clock.now()).toISOString()).toBe('2026-09-01T00:00:01.500Z');
  });

  it('stands still when frozen and moves only by advance/set', () => {
    const real = fakeReal();
    const clock = new EmulatorClock({ startAt: 0, frozen: true, realNow: real.now });
    real.tick(10_000);
    expect(clock.now()).toBe(0);
    clock.advance(60_000);
    expect(clock.now()).toBe(60_000);
    clock.set(120_000);
    expect(clock.now()).toBe(120_000);
    expect(clock.skippedMs).toBe(120_000);
  });

  it('resumes from where it stood when unfrozen', () => {
    const real = fakeReal();
    const clock = new EmulatorClock({ startAt: 5_000, frozen: true, realNow: real.now });
    real.tick(1_000);
    clock.setFrozen(false);
    real.tick(250);
    expect(clock.now()).toBe(5_250);
  });
});
