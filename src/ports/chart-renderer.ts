// What the report writers need from a chart engine: a small, typed description of a chart in, a
// PNG out. Specs carry finished numbers and labels (already in the organisation's time zone and
// in display units), so a renderer only draws and never computes or re-zones anything.

/** How values are printed on axes and labels. */
export type ChartValueFormat = 'usd' | 'count' | 'score';

interface ChartSpecBase {
  readonly title: string;
  readonly subtitle?: string;
  /** Second line under "No data" when the chart has nothing to show, saying why. */
  readonly emptyNote?: string;
  readonly valueFormat: ChartValueFormat;
}

/** A matrix of values: `cells[y][x]`, one row per y label and one column per x label. */
export interface HeatmapChartSpec extends ChartSpecBase {
  readonly kind: 'heatmap';
  readonly xLabels: readonly string[];
  readonly yLabels: readonly string[];
  readonly cells: readonly (readonly number[])[];
}

/** One named series of values, aligned with the chart's categories; null is a gap. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** Vertical bars per category, one bar per series. */
export interface BarChartSpec extends ChartSpecBase {
  readonly kind: 'bar';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** Lines over ordered categories (for time, pre-formatted local time labels). */
export interface LineChartSpec extends ChartSpecBase {
  readonly kind: 'line';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Fixed value axis range, e.g. [0, 1] for scores; automatic when absent. */
  readonly valueRange?: readonly [number, number];
}

/** Named shares of a whole; an optional colour per slice (`#rrggbb`). */
export interface PieChartSpec extends ChartSpecBase {
  readonly kind: 'pie';
  readonly slices: readonly { readonly name: string; readonly value: number; readonly color?: string }[];
}

/** Every chart kind a report can ask for. */
export type ChartSpec = HeatmapChartSpec | BarChartSpec | LineChartSpec | PieChartSpec;

/** Draws a chart as a PNG image. */
export interface ChartRenderer {
  /**
   * The chart as PNG bytes. A spec without data (see `chartHasData`) still gives an image, one
   * that says "No data", so a report never loses a chart slot or fails on a quiet run.
   */
  renderChartPng(spec: ChartSpec): Promise<Uint8Array>;
}

/**
 * Whether a spec has anything to draw, the contract every renderer follows. Lines count any
 * value, 0 included (a risk score of 0 is a finding); bars, heatmaps and pies need a non-zero
 * value, because all-zero bars or slices show nothing but axes.
 */
export function chartHasData(spec: ChartSpec): boolean {
  switch (spec.kind) {
    case 'line':
      return spec.series.some((series) => series.values.some((value) => value !== null));
    case 'bar':
      return spec.series.some((series) => series.values.some((value) => value !== null && value !== 0));
    case 'heatmap':
      return spec.cells.some((row) => row.some((value) => value !== 0));
    case 'pie':
      return spec.slices.some((slice) => slice.value > 0);
  }
}
