// Vertical bars per category, e.g. impact by weekday.
import type { EChartsCoreOption } from 'echarts/core';
import type { BarChartSpec } from '../../ports/chart-renderer.js';
import { chartFrame } from './chart-frame.js';
import { formatChartValue } from './chart-value-format.js';

// Past this many bars their value labels collide; the axis still tells the story.
const MAX_LABELLED_BARS = 24;

/** The ECharts option of a bar spec that has data. */
export function barOption(spec: BarChartSpec): EChartsCoreOption {
  const format = (value: unknown): string => formatChartValue(Number(value), spec.valueFormat);
  const labelled = spec.categories.length * spec.series.length <= MAX_LABELLED_BARS;
  const withLegend = spec.series.length > 1;
  return {
    ...chartFrame(spec),
    legend: withLegend ? { show: true, bottom: 10 } : { show: false },
    grid: { left: 90, right: 30, top: 80, bottom: withLegend ? 70 : 40 },
    xAxis: { type: 'category', data: [...spec.categories], axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: format } },
    series: spec.series.map((series) => ({
      type: 'bar',
      name: series.name,
      data: series.values.map((value) => value ?? '-'),
      label: {
        show: labelled,
        position: 'top',
        fontSize: 11,
        // Zero bars get no label: a row of "$0" drowns the bars that matter.
        formatter: (params: { value: unknown }) => (Number(params.value) === 0 ? '' : format(params.value)),
      },
    })),
  };
}
