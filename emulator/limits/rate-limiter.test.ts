import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

function limiter(perMinute = 300) {
  let now = 0;
  const rl = new RateLimiter({ enabled: true, perMinute, heavyWeight: 10 }, () => now);
  return { rl, tick: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows exactly the budget, then rejects with a Retry-After', () => {
    const { rl } = limiter(300);
    for (let i = 0; i < 300; i += 1) expect(rl.tryConsume('t', 1).ok).toBe(true);
    expect(rl.tryConsume('t', 1)).toEqual({ ok: false, retryAfterSeconds: 60 });
  });

  it('counts heavy calls as their weight', () => {
    const { rl } = limiter(300);
    for (let i = 0; i < 30; i += 1) expect(rl.tryConsume('t', 10).ok).toBe(true);
    expect(rl.tryConsume('t', 1).ok).toBe(false);
  });

  it('frees the budget as the window slides and keeps tokens apart', () => {
    const { rl, tick } = limiter(2);
    rl.tryConsume('a', 1);
    tick(30_000);
    rl.tryConsume('a', 1);
    expect(rl.tryConsume('a', 1)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(rl.tryConsume('b', 1).ok).toBe(true);
    tick(30_001);
    expect(rl.tryConsume('a', 1).ok).toBe(true);
  });

  it('lets everything through when disabled', () => {
    const { rl } = limiter(1);
    rl.update({ enabled: false });
    for (let i = 0; i < 5; i += 1) expect(rl.tryConsume('t', 10).ok).toBe(true);
  });
});
