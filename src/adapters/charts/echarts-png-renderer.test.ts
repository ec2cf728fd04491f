import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../ports/chart-renderer.js';
import { DEFAULT_CHART_SIZE, EchartsPngRenderer } from './echarts-png-renderer.js';
import { readPngHeader } from './testing/read-png-header.js';

const WEEKDAYS: ChartSpec = {
  kind: 'bar',
  title: 'Impact by weekday',
  valueFormat: 'usd',
  categories: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  series: [{ name: 'Absolute impact', values: [1200, 0, 340, 0, 0, 0, 99] }],
};

describe('EchartsPngRenderer', () => {
  const renderer = new EchartsPngRenderer();

  it('renders a PNG of the configured size', async () => {
    const png = await renderer.renderChartPng(WEEKDAYS);
    expect(readPngHeader(png)).toMatchObject(DEFAULT_CHART_SIZE);
  });

  it('gives the same bytes for the same spec', async () => {
    const [first, second] = await Promise.all([
      renderer.renderChartPng(WEEKDAYS),
      renderer.renderChartPng(WEEKDAYS),
    ]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('renders an empty chart as an image rather than failing', async () => {
    const png = await renderer.renderChartPng({
      kind: 'pie',
      title: 'Findings',
      valueFormat: 'count',
      slices: [],
    });
    expect(readPngHeader(png)).toMatchObject(DEFAULT_CHART_SIZE);
  });

  it('scales by the pixel ratio for sharper prints', async () => {
    const png = await new EchartsPngRenderer({ width: 400, height: 300, pixelRatio: 2 }).renderChartPng(
      WEEKDAYS,
    );
    expect(readPngHeader(png)).toMatchObject({ width: 800, height: 600 });
  });

  it('still draws the chart when no font can be found', async () => {
    const png = await new EchartsPngRenderer({ loadSystemFonts: false }).renderChartPng(WEEKDAYS);
    expect(readPngHeader(png)).toMatchObject(DEFAULT_CHART_SIZE);
  });
});
