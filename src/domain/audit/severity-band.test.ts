import { describe, expect, it } from 'vitest';
import { DEFAULT_SEVERITY_BANDS } from './audit-context.js';
import { atLeast, severityForImpact } from './severity-band.js';

describe('severityForImpact', () => {
  it.each([
    [0, 'LOW'],
    [10_000, 'LOW'], // exactly $100 is not above $100
    [10_001, 'MEDIUM'],
    [-10_001, 'MEDIUM'], // bands look at |Δ|
    [100_000, 'MEDIUM'], // exactly $1,000
    [100_001, 'HIGH'],
    [999_999, 'HIGH'],
    [1_000_000, 'CRITICAL'], // exactly $10,000 is CRITICAL (≥)
    [-1_000_000, 'CRITICAL'],
    [null, 'MEDIUM'], // unknown impact
  ] as const)('Δ %s cents is %s', (delta, severity) => {
    expect(severityForImpact(delta, DEFAULT_SEVERITY_BANDS)).toBe(severity);
  });

  it('follows configured bands', () => {
    const bands = { critical: 500, high: 100, medium: 10 };
    expect(severityForImpact(11, bands)).toBe('MEDIUM');
    expect(severityForImpact(101, bands)).toBe('HIGH');
    expect(severityForImpact(500, bands)).toBe('CRITICAL');
  });
});

describe('atLeast', () => {
  it('keeps the floor unless the band is more severe', () => {
    expect(atLeast('HIGH', 'LOW')).toBe('HIGH');
    expect(atLeast('HIGH', 'CRITICAL')).toBe('CRITICAL');
    expect(atLeast('MEDIUM', 'MEDIUM')).toBe('MEDIUM');
  });
});
