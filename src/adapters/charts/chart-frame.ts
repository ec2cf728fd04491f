// What every report chart shares: white background, the same palette and title block, and the
// "No data" face a chart shows when its spec is empty.
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartSpec } from '../../ports/chart-renderer.js';

/** Series colours in order; the brand red first (billing-domain.md §2.3, `C00000`). */
export const CHART_PALETTE = ['#c00000', '#404040', '#2f6eba', '#e6a100', '#4c9a2a', '#7b4fa0'] as const;

const TEXT_COLOUR = '#404040';

/** The shared part of an option: background, palette, fonts and the title block. */
export function chartFrame(spec: Pick<ChartSpec, 'title' | 'subtitle'>): EChartsCoreOption {
  return {
    // Transparent PNGs turn black in some spreadsheet viewers; paint the background.
    backgroundColor: '#ffffff',
    color: [...CHART_PALETTE],
    textStyle: { fontFamily: 'sans-serif', color: TEXT_COLOUR },
    title: {
      text: spec.title,
      subtext: spec.subtitle ?? '',
      left: 'center',
      top: 12,
      textStyle: { fontSize: 18, fontWeight: 'bold', color: TEXT_COLOUR },
      subtextStyle: { fontSize: 12, color: '#707070' },
    },
  };
}

/** The chart of a spec with nothing to draw: its title, then "No data" and the reason, centred. */
export function noDataOption(spec: ChartSpec): EChartsCoreOption {
  const frame = chartFrame(spec);
  return {
    ...frame,
    title: [
      frame['title'],
      {
        text: 'No data',
        subtext: spec.emptyNote ?? '',
        left: 'center',
        top: 'middle',
        textStyle: { fontSize: 22, fontWeight: 'normal', color: '#909090' },
        subtextStyle: { fontSize: 14, color: '#909090' },
      },
    ],
  };
}
