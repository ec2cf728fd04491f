import { describe, expect, it } from 'vitest';
import type { ChartValueFormat } from '../../ports/chart-renderer.js';
import { formatChartValue } from './chart-value-format.js';

describe('formatChartValue', () => {
  it.each<[number, ChartValueFormat, string]>([
    [0, 'usd', '$0'],
    [1234, 'usd', '$1,234'],
    [-1200, 'usd', '-$1,200'],
    [0.4, 'usd', '$0.40'],
    [34000.5, 'usd', '$34K'],
    [1_250_000, 'usd', '$1.3M'],
    [1204, 'count', '1,204'],
    [0.734, 'score', '0.73'],
  ])('%d as %s is %s', (value, format, text) => {
    expect(formatChartValue(value, format)).toBe(text);
  });
});
