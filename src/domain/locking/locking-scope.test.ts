import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLockingScope, lockingAppliesTo, parseLockingScope } from './locking-scope.js';

describe('parseLockingScope', () => {
  it('is off when blank or "off", and everywhere with "all"', () => {
    for (const text of [undefined, '', '  ', 'off', 'OFF'])
      expect(parseLockingScope(text)).toEqual({ ok: true, value: { kind: 'off' } });
    expect(parseLockingScope(' All ')).toEqual({ ok: true, value: { kind: 'all' } });
  });

  it('reads sheet ids and applies only to them', () => {
    const parsed = parseLockingScope('4509506114742148, 12');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(lockingAppliesTo(parsed.value, 12)).toBe(true);
    expect(lockingAppliesTo(parsed.value, 13)).toBe(false);
    expect(describeLockingScope(parsed.value)).toBe('12,4509506114742148');
  });

  it('refuses anything that is not a sheet id, naming it', () => {
    expect(parseLockingScope('12,abc')).toEqual({ ok: false, reason: expect.stringContaining('"abc"') });
    expect(parseLockingScope('12,,13').ok).toBe(false);
    expect(parseLockingScope('on').ok).toBe(false);
  });

  it('round-trips any set of sheet ids through its description', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { minLength: 1 }),
        (ids) => {
          const parsed = parseLockingScope(ids.join(','));
          if (!parsed.ok) return false;
          const again = parseLockingScope(describeLockingScope(parsed.value));
          return again.ok && ids.every((id) => lockingAppliesTo(again.value, id));
        },
      ),
    );
  });
});

describe('lockingAppliesTo', () => {
  it('never applies when off', () => {
    expect(lockingAppliesTo({ kind: 'off' }, 1)).toBe(false);
  });
});
