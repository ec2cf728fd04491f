// How the audit workbook looks: the house brand red for headers, one colour per severity used by
// both the tables and the charts, and the number formats of money, scores and local times.
import type { Fill, Font, Row } from 'exceljs';
import type { AuditSeverity } from '../../domain/audit-chain.js';

/** Money stays a number (so Excel sums still work), shown as dollars, negatives in red. */
export const CURRENCY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';
/** Local wall-clock date-times; the header or label names the time zone. */
export const LOCAL_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const SCORE_FORMAT = '0.00';

const BRAND_RED = 'FFC00000';
const WHITE = 'FFFFFFFF';

/** Severity colours as `#rrggbb`, most serious darkest; charts and cells share them. */
export const SEVERITY_COLOURS: Readonly<Record<AuditSeverity, string>> = {
  CRITICAL: '#7f0000',
  HIGH: '#c00000',
  MEDIUM: '#e6a100',
  LOW: '#2f6eba',
  INFO: '#a6a6a6',
};

/** A solid fill in an ARGB colour. */
export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The fill of a severity cell, its chart colour. */
export function severityFill(severity: AuditSeverity): Fill {
  return solidFill(`FF${SEVERITY_COLOURS[severity].slice(1).toUpperCase()}`);
}

/** White on grey reads on every severity colour, INFO's grey included. */
export const SEVERITY_FONT: Partial<Font> = { bold: true, color: { argb: WHITE } };

export const TITLE_FONT: Partial<Font> = { bold: true, size: 16, color: { argb: 'FF404040' } };
export const SECTION_FONT: Partial<Font> = { bold: true, size: 12, color: { argb: 'FF404040' } };
export const LABEL_FONT: Partial<Font> = { bold: true };
export const NOTE_FONT: Partial<Font> = { italic: true, color: { argb: 'FF707070' } };

/** Status fills: Excel's own "good" green and "bad" red. */
export const SECURE_FILL = solidFill('FFC6EFCE');
export const CHANGES_FILL = solidFill('FFFFC7CE');

/** Table headers: bold white on the brand red, as the weekly reports (billing-domain.md §2.3). */
export function styleHeaderRow(row: Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: WHITE } };
    cell.fill = solidFill(BRAND_RED);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}
