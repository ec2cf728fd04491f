// A chart spec as an SVG document: the spec's kind picks its option builder, and a spec with
// nothing to draw gets the "No data" face instead (ChartRenderer contract).
import type { EChartsCoreOption } from 'echarts/core';
import { chartHasData } from '../../ports/chart-renderer.js';
import type { ChartSpec } from '../../ports/chart-renderer.js';
import { barOption } from './bar-option.js';
import { noDataOption } from './chart-frame.js';
import { renderOptionToSvg } from './echarts-ssr.js';
import type { ChartSize } from './echarts-ssr.js';
import { heatmapOption } from './heatmap-option.js';
import { lineOption } from './line-option.js';
import { pieOption } from './pie-option.js';

/** The ECharts option for a spec. */
export function chartOption(spec: ChartSpec): EChartsCoreOption {
  if (!chartHasData(spec)) return noDataOption(spec);
  switch (spec.kind) {
    case 'heatmap':
      return heatmapOption(spec);
    case 'bar':
      return barOption(spec);
    case 'line':
      return lineOption(spec);
    case 'pie':
      return pieOption(spec);
  }
}

/** The chart of a spec as an SVG document of the given size. */
export function chartSvg(spec: ChartSpec, size: ChartSize): string {
  return renderOptionToSvg(chartOption(spec), size);
}
