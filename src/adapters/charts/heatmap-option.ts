// A matrix chart, e.g. impact by editor (rows) × local hour (columns).
import type { EChartsCoreOption } from 'echarts/core';
import type { HeatmapChartSpec } from '../../ports/chart-renderer.js';
import { chartFrame } from './chart-frame.js';
import { formatChartValue } from './chart-value-format.js';

// Long row labels (e-mail addresses) are cut to this width rather than squeezing the matrix. The
// margin beyond it allows for ECharts' server-side text measure, which underestimates wide fonts.
const ROW_LABEL_WIDTH = 170;
const ROW_LABEL_MARGIN = 60;

/** The ECharts option of a heatmap spec that has data. */
export function heatmapOption(spec: HeatmapChartSpec): EChartsCoreOption {
  const data: [number, number, number][] = [];
  let max = 0;
  spec.cells.forEach((row, y) =>
    row.forEach((value, x) => {
      // Empty cells stay blank: a pale square for 0 would suggest a small amount.
      if (value === 0) return;
      data.push([x, y, value]);
      max = Math.max(max, Math.abs(value));
    }),
  );
  const format = (value: unknown): string => formatChartValue(Number(value), spec.valueFormat);
  return {
    ...chartFrame(spec),
    grid: { left: ROW_LABEL_WIDTH + ROW_LABEL_MARGIN, right: 30, top: 70, bottom: 90 },
    xAxis: {
      type: 'category',
      data: [...spec.xLabels],
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: {
      type: 'category',
      data: [...spec.yLabels],
      // The first label is the most important row (the biggest impact); it belongs on top.
      inverse: true,
      axisLabel: { width: ROW_LABEL_WIDTH, overflow: 'truncate', fontSize: 11 },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: max > 0 ? max : 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 12,
      itemHeight: 260,
      calculable: false,
      text: [format(max), format(0)],
      inRange: { color: ['#fde9e7', '#f4a6a0', '#c00000'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: false },
        // Thin white borders keep neighbouring cells of similar shade apart.
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
}
