// The ReportRenderer port on ExcelJS: one weekly Work Request report → the bytes of its .xlsx,
// laid out as billing-domain.md §2.3 and reproducible (same report and branding → same bytes).
import ExcelJS from 'exceljs';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { parseDateTime } from '../../domain/date-time.js';
import type { ReportBranding, ReportRenderer, WeeklyReport } from '../../ports/report-writer.js';
import { addContentHashProperty } from './content-hash-property.js';
import { writeDayBlocks } from './day-blocks-section.js';
import { footerText } from './report-captions.js';
import { writeReportHeader } from './report-header-section.js';
import { readZipEntries, writeReproducibleZip } from './reproducible-zip.js';
import { COLUMN_WIDTHS, PAGE_MARGINS, PAPER_SIZE_A4, SHEET_NAME } from './workbook-layout.js';

/** Written as the workbook's author; a person's name here would vary with who ran the cycle. */
export const WORKBOOK_CREATOR = 'Ledgerline';

export class ExcelReportRenderer implements ReportRenderer {
  async render(report: WeeklyReport, branding: ReportBranding): Promise<Uint8Array> {
    checkTotals(report);
    const workbook = buildWorkbook(report, branding);
    // Stored (uncompressed) first: the package is repacked below, so deflating here is wasted work.
    const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
    const entries = await readZipEntries(new Uint8Array(stored));
    addContentHashProperty(entries, report.contentHash);
    return writeReproducibleZip(entries);
  }
}

function buildWorkbook(report: WeeklyReport, branding: ReportBranding): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS stamps the wall clock into docProps/core.xml; pin every date to the report's own
  // generatedAt, which is derived from the data, so the same rows give the same file.
  const generatedAt = instantOf(report.generatedAt);
  workbook.creator = WORKBOOK_CREATOR;
  workbook.lastModifiedBy = WORKBOOK_CREATOR;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.company = branding.companyName;

  const sheet = workbook.addWorksheet(SHEET_NAME, {
    pageSetup: {
      orientation: 'landscape',
      paperSize: PAPER_SIZE_A4,
      margins: PAGE_MARGINS,
      // The nine columns are wider than an A4 page; print them on one page width, any length.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    headerFooter: { oddFooter: footerText(report.fileName) },
  });
  sheet.columns = Object.values(COLUMN_WIDTHS).map((width) => ({ width }));

  writeReportHeader(workbook, sheet, report, branding);
  writeDayBlocks(sheet, report);
  return workbook;
}

/**
 * DESIGN.md invariant 5: the summary total equals the sum of the printed blocks. The publish use
 * case computes the totals; a workbook that contradicted itself would be worse than no workbook.
 */
function checkTotals(report: WeeklyReport): void {
  let blocksTotal = 0;
  let lineCount = 0;
  for (const block of report.blocks) {
    const linesTotal = block.lines.reduce((sum, line) => sum + line.priceCents, 0);
    if (linesTotal !== block.totalCents) {
      throw inconsistent(
        report,
        `block "${block.label}" totals ${block.totalCents} cents but its lines sum to ${linesTotal}`,
      );
    }
    blocksTotal += block.totalCents;
    lineCount += block.lines.length;
  }
  if (blocksTotal !== report.totalCents) {
    throw inconsistent(
      report,
      `the report totals ${report.totalCents} cents but its blocks sum to ${blocksTotal}`,
    );
  }
  if (lineCount !== report.lineCount) {
    throw inconsistent(
      report,
      `the report counts ${report.lineCount} lines but its blocks hold ${lineCount}`,
    );
  }
}

function inconsistent(report: WeeklyReport, problem: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, `Refusing to render ${report.fileName}: ${problem}.`, {
    details: { fileName: report.fileName },
  });
}

function instantOf(generatedAt: string): Date {
  const parsed = parseDateTime(generatedAt);
  if (!parsed.ok) {
    throw new AppError(ErrorCode.INPUT_INVALID, `Report generatedAt is not a date-time: ${parsed.reason}`);
  }
  return parsed.value;
}
