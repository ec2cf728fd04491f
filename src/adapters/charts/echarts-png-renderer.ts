// The ChartRenderer port on ECharts' server-side SVG output rasterised by resvg: no browser, no
// native canvas build, and no network (fonts come from the machine or the files configured).
import { renderAsync } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { ChartRenderer, ChartSpec } from '../../ports/chart-renderer.js';
import { chartSvg } from './chart-svg.js';
import type { ChartSize } from './echarts-ssr.js';

/** Size of every chart unless configured: fits a landscape page and a spreadsheet window. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 900, height: 480 };

/** Debian's fonts-dejavu-core, present on the project's machines and most Linux images. */
export const DEFAULT_CHART_FONT_FAMILY = 'DejaVu Sans';

/** How charts are drawn. Every field is optional. */
export interface EchartsPngRendererOptions {
  readonly width?: number;
  readonly height?: number;
  /** Output pixels per chart pixel; 2 gives sharper prints at four times the bytes. */
  readonly pixelRatio?: number;
  /** The family drawn for ECharts' generic `sans-serif` text. */
  readonly fontFamily?: string;
  /** Font files or folders to load besides (or, with loadSystemFonts false, instead of) the system's. */
  readonly fontFiles?: readonly string[];
  readonly fontDirs?: readonly string[];
  readonly loadSystemFonts?: boolean;
}

/**
 * Draws chart specs as PNG: ECharts SSR → SVG → resvg. Same spec and options, same bytes
 * (animation off, fixed size and locale). When no usable font is found, resvg draws the chart
 * without its text rather than failing.
 */
export class EchartsPngRenderer implements ChartRenderer {
  readonly size: ChartSize;
  private readonly resvgOptions: ResvgRenderOptions;

  constructor(options: EchartsPngRendererOptions = {}) {
    this.size = {
      width: options.width ?? DEFAULT_CHART_SIZE.width,
      height: options.height ?? DEFAULT_CHART_SIZE.height,
    };
    const fontFamily = options.fontFamily ?? DEFAULT_CHART_FONT_FAMILY;
    const pixelRatio = options.pixelRatio ?? 1;
    this.resvgOptions = {
      fitTo: pixelRatio === 1 ? { mode: 'original' } : { mode: 'zoom', value: pixelRatio },
      background: '#ffffff',
      font: {
        loadSystemFonts: options.loadSystemFonts ?? true,
        fontFiles: [...(options.fontFiles ?? [])],
        fontDirs: [...(options.fontDirs ?? [])],
        defaultFontFamily: fontFamily,
        sansSerifFamily: fontFamily,
      },
      logLevel: 'off',
    };
  }

  async renderChartPng(spec: ChartSpec): Promise<Uint8Array> {
    const svg = chartSvg(spec, this.size);
    // renderAsync rasterises on libuv's thread pool, keeping a serving process responsive.
    const image = await renderAsync(svg, this.resvgOptions);
    return new Uint8Array(image.asPng());
  }
}
