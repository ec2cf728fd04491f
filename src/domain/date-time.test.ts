import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateTime } from './date-time.js';

describe('parseDateTime', () => {
  it.each([
    ['2017-10-09T01:54:15Z', '2017-10-09T01:54:15.000Z'],
    ['2026-09-02T17:04:23.795+0000', '2026-09-02T17:04:23.795Z'],
    ['2026-09-02T17:04:23.795+00:00', '2026-09-02T17:04:23.795Z'],
    ['2026-09-02T12:04:23-0500', '2026-09-02T17:04:23.000Z'],
    ['2026-09-02T17:04Z', '2026-09-02T17:04:00.000Z'],
    ['2026-09-02T17:04:23.123456789Z', '2026-09-02T17:04:23.123Z'],
    ['2026-09-02T17:04:23.5Z', '2026-09-02T17:04:23.500Z'],
    [' 2026-01-01T00:00:00Z ', '2026-01-01T00:00:00.000Z'],
  ])('reads %j as %s', (text, iso) => {
    const result = parseDateTime(text);
    expect(result.ok && result.value.toISOString()).toBe(iso);
  });

  it.each([
    [undefined, 'empty'],
    ['', 'empty'],
    [1700000000000, 'ISO-8601 text'],
    ['2026-09-02T17:04:23', 'with a zone'],
    ['2026-09-02 17:04:23Z', 'with a zone'],
    ['2026-09-02', 'with a zone'],
    ['2026-02-30T10:00:00Z', 'real date-time'],
    ['2026-09-02T24:00:00Z', 'real date-time'],
    ['2026-09-02T10:60:00Z', 'real date-time'],
    ['2026-09-02T10:00:00+2500', 'real zone offset'],
  ])('refuses %j', (value, reason) => {
    const result = parseDateTime(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('reads back every instant in the API shape and in the webhook shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const webhook = iso.replace('Z', '+0000');
        const fromIso = parseDateTime(iso);
        const fromWebhook = parseDateTime(webhook);
        expect(fromIso.ok && fromIso.value.getTime()).toBe(ms);
        expect(fromWebhook.ok && fromWebhook.value.getTime()).toBe(ms);
      }),
    );
  });
});
