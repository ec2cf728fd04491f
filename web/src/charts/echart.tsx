// One ECharts chart on the canvas renderer, sized by its CSS box. Only the chart types and
// components the dashboard uses are registered, which keeps the bundle small. Tooltips render
// as rich text on the canvas: ECharts' HTML tooltips carry inline style attributes that the
// CSP (style-src 'self') refuses.
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

interface EChartProps {
  readonly option: EChartsCoreOption;
  /** What the chart shows, for screen readers. */
  readonly label: string;
  readonly className?: string;
  readonly testId?: string;
}

export function EChart({ option, label, className, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        aria: { enabled: true },
        textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        ...option,
        tooltip: { renderMode: 'richText', ...(option.tooltip as object | undefined) },
      },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={container}
      className={className ?? 'chart'}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
