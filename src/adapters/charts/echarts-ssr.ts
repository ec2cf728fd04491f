// The slice of ECharts the report charts use, registered once. Importing the core and only these
// parts (rather than the whole library) keeps server start-up and memory small.
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** Pixel size of a chart. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Renders an option to an SVG document with ECharts' server-side renderer: no DOM, no canvas.
 * The instance is disposed even when rendering throws, so a bad spec cannot leak charts.
 */
export function renderOptionToSvg(option: EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    // notMerge: every chart starts from a clean slate; animation off so the first frame is final.
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
