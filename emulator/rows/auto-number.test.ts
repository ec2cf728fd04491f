import { describe, expect, it } from 'vitest';
import { formatAutoNumber } from './auto-number.js';

describe('formatAutoNumber', () => {
  const at = Date.parse('2026-09-02T10:00:00Z');

  it('zero-fills the counter between prefix and suffix', () => {
    expect(formatAutoNumber({ prefix: 'WR-', fill: '00000' }, 42, at)).toBe('WR-00042');
  });

  it('expands date tokens of the creation day', () => {
    expect(formatAutoNumber({ prefix: '{YYYY}-{MM}-{DD}-', suffix: '-X', fill: '000' }, 7, at)).toBe(
      '2026-09-02-007-X',
    );
  });

  it('prints the bare number without a format', () => {
    expect(formatAutoNumber(undefined, 12, at)).toBe('12');
  });
});
