// Lines over ordered categories, e.g. risk score over time.
import type { EChartsCoreOption } from 'echarts/core';
import type { LineChartSpec } from '../../ports/chart-renderer.js';
import { chartFrame } from './chart-frame.js';
import { formatChartValue } from './chart-value-format.js';

// Past this many points the markers merge into a smear; the line alone reads better.
const MAX_MARKED_POINTS = 60;

/** The ECharts option of a line spec that has data. */
export function lineOption(spec: LineChartSpec): EChartsCoreOption {
  const format = (value: unknown): string => formatChartValue(Number(value), spec.valueFormat);
  const withLegend = spec.series.length > 1;
  return {
    ...chartFrame(spec),
    legend: withLegend ? { show: true, bottom: 10 } : { show: false },
    grid: { left: 80, right: 40, top: 80, bottom: withLegend ? 110 : 80 },
    xAxis: {
      type: 'category',
      data: [...spec.categories],
      boundaryGap: false,
      axisLabel: { rotate: 30, hideOverlap: true, fontSize: 10 },
    },
    yAxis: {
      type: 'value',
      ...(spec.valueRange ? { min: spec.valueRange[0], max: spec.valueRange[1] } : {}),
      axisLabel: { formatter: format },
    },
    series: spec.series.map((series) => ({
      type: 'line',
      name: series.name,
      // '-' is ECharts' gap: an unscored point is missing, not zero.
      data: series.values.map((value) => value ?? '-'),
      showSymbol: spec.categories.length <= MAX_MARKED_POINTS,
      connectNulls: false,
    })),
  };
}
