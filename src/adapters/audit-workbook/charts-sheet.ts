// The Charts sheet: each chart of the run as an embedded PNG under a caption that says, in words,
// whether it holds data, so the workbook reads right even where images are not shown.
import type { Workbook } from 'exceljs';
import { chartHasData } from '../../ports/chart-renderer.js';
import type { ChartRenderer } from '../../ports/chart-renderer.js';
import type { AuditChart } from './audit-chart-specs.js';
import { NOTE_FONT, SECTION_FONT, TITLE_FONT } from './audit-workbook-styles.js';
import { fitWidth, pngSize } from './png-size.js';

export const CHARTS_SHEET = 'Charts';

/** Charts wider than this (e.g. drawn at 2× for print) are shown scaled down to it. */
const MAX_DISPLAY_WIDTH_PX = 900;
// Excel's default row is 15 pt, 20 px on screen.
const ROW_HEIGHT_PX = 20;

/** Renders the charts (concurrently: the renderer may rasterise in parallel) and embeds them. */
export async function writeChartsSheet(
  workbook: Workbook,
  charts: readonly AuditChart[],
  renderer: ChartRenderer,
): Promise<void> {
  const images = await Promise.all(charts.map((chart) => renderer.renderChartPng(chart.spec)));
  const sheet = workbook.addWorksheet(CHARTS_SHEET);
  sheet.getColumn(1).width = 60;
  sheet.getCell('A1').value = 'Charts';
  sheet.getCell('A1').font = TITLE_FONT;

  // One-based row of the next caption; each block is caption, note line, image, spacer row.
  let captionRow = 3;
  charts.forEach((chart, index) => {
    const png = images[index];
    if (!png) return;
    sheet.getCell(captionRow, 1).value = chart.caption;
    sheet.getCell(captionRow, 1).font = SECTION_FONT;
    if (!chartHasData(chart.spec)) {
      sheet.getCell(captionRow + 1, 1).value =
        `No data${chart.spec.emptyNote ? `: ${chart.spec.emptyNote}` : ''}`;
      sheet.getCell(captionRow + 1, 1).font = NOTE_FONT;
    }
    const shown = fitWidth(pngSize(png), MAX_DISPLAY_WIDTH_PX);
    // ExcelJS declares its own Buffer type; a Node Buffer over the same bytes is what it reads.
    const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    const imageId = workbook.addImage({ buffer: buffer as unknown as ArrayBuffer, extension: 'png' });
    // Anchors are zero-based: row index captionRow + 1 is the second line below the caption.
    sheet.addImage(imageId, { tl: { col: 0, row: captionRow + 1 }, ext: shown, editAs: 'oneCell' });
    captionRow += 3 + Math.ceil(shown.height / ROW_HEIGHT_PX);
  });
}
