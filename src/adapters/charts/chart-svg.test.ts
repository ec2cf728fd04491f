import { describe, expect, it } from 'vitest';
import { chartHasData } from '../../ports/chart-renderer.js';
import type {
  BarChartSpec,
  ChartSpec,
  HeatmapChartSpec,
  LineChartSpec,
  PieChartSpec,
} from '../../ports/chart-renderer.js';
import { chartSvg } from './chart-svg.js';

const SIZE = { width: 900, height: 480 };
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

const HEATMAP: HeatmapChartSpec = {
  kind: 'heatmap',
  title: 'Impact by editor and hour',
  valueFormat: 'usd',
  xLabels: HOURS,
  yLabels: ['ann@example.com'],
  cells: [HOURS.map((_, hour) => (hour === 9 ? 3000 : 0))],
};
const BAR: BarChartSpec = {
  kind: 'bar',
  title: 'Impact by weekday',
  valueFormat: 'usd',
  categories: ['Mon', 'Tue'],
  series: [{ name: 'Absolute impact', values: [1200, 0] }],
};
const LINE: LineChartSpec = {
  kind: 'line',
  title: 'Risk over time',
  valueFormat: 'score',
  valueRange: [0, 1],
  categories: ['2025-08-18 09:00'],
  series: [{ name: 'Risk score', values: [0] }],
};
const PIE: PieChartSpec = {
  kind: 'pie',
  title: 'Findings by severity',
  valueFormat: 'count',
  slices: [{ name: 'HIGH', value: 2, color: '#c00000' }],
};

const WITH_DATA: readonly ChartSpec[] = [HEATMAP, BAR, LINE, PIE];
const EMPTY: readonly ChartSpec[] = [
  { ...HEATMAP, yLabels: [], cells: [] },
  { ...BAR, series: [{ name: 'Absolute impact', values: [0, 0] }] },
  { ...LINE, categories: [], series: [{ name: 'Risk score', values: [] }] },
  { ...PIE, slices: [{ name: 'HIGH', value: 0 }] },
];

describe('chartSvg', () => {
  it.each(WITH_DATA)('draws a $kind chart with its title and no "No data"', (spec) => {
    expect(chartHasData(spec)).toBe(true);
    const svg = chartSvg(spec, SIZE);
    expect(svg).toContain(spec.title);
    expect(svg).not.toContain('No data');
  });

  it.each(EMPTY)('says "No data" for an empty $kind chart instead of failing', (spec) => {
    expect(chartHasData(spec)).toBe(false);
    const svg = chartSvg({ ...spec, emptyNote: 'Quiet run' }, SIZE);
    expect(svg).toContain(spec.title);
    expect(svg).toContain('No data');
    expect(svg).toContain('Quiet run');
  });

  it('prints values in the spec format, e.g. dollars on the bar labels', () => {
    expect(chartSvg(BAR, SIZE)).toContain('$1,200');
  });

  it('draws at the requested size', () => {
    expect(chartSvg(PIE, SIZE)).toMatch(/^<svg width="900" height="480"/);
  });
});
