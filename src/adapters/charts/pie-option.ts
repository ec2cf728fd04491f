// Shares of a whole, e.g. findings by severity.
import type { EChartsCoreOption } from 'echarts/core';
import type { PieChartSpec } from '../../ports/chart-renderer.js';
import { chartFrame } from './chart-frame.js';
import { formatChartValue } from './chart-value-format.js';

/** The ECharts option of a pie spec that has data. */
export function pieOption(spec: PieChartSpec): EChartsCoreOption {
  // Empty slices would only stack their labels on top of each other.
  const slices = spec.slices.filter((slice) => slice.value > 0);
  return {
    ...chartFrame(spec),
    legend: { show: true, orient: 'vertical', left: 20, top: 'middle' },
    series: [
      {
        type: 'pie',
        // One palette colour per slice, not one per series.
        colorBy: 'data',
        radius: ['35%', '65%'],
        center: ['55%', '55%'],
        label: {
          formatter: (params: { name: string; value: unknown; percent?: number }) =>
            `${params.name}: ${formatChartValue(Number(params.value), spec.valueFormat)} (${Math.round(params.percent ?? 0)}%)`,
        },
        data: slices.map((slice) => ({
          name: slice.name,
          value: slice.value,
          ...(slice.color ? { itemStyle: { color: slice.color } } : {}),
        })),
      },
    ],
  };
}
