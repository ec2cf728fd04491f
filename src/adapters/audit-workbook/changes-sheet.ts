// The change details table (billing-domain.md §3.6): one row per audit event of the run, in chain
// order, with everything an auditor needs to judge it and a link back to the row in Smartsheet.
import type { CellValue, Workbook } from 'exceljs';
import type { ChainedAuditEvent } from '../../domain/audit-chain.js';
import {
  CURRENCY_FORMAT,
  DATE_FORMAT,
  LOCAL_TIME_FORMAT,
  NOTE_FONT,
  SCORE_FORMAT,
  severityFill,
  SEVERITY_FONT,
  styleHeaderRow,
} from './audit-workbook-styles.js';
import { cellText, optionalCellText } from './cell-text.js';
import { calendarDateValue, localTimeValue } from './local-time-value.js';

export const CHANGES_SHEET = 'Changes';

/** What a change row needs besides its event. */
export interface ChangesContext {
  readonly timeZone: string;
  /** True while no event of the run has a risk score: the model is untrained. */
  readonly riskColdStart: boolean;
}

/** The risk cell of an unscored event: why there is no number, never a made-up one. */
export const RISK_COLD_START_TEXT = 'cold start: rules only';
export const RISK_NOT_SCORED_TEXT = 'not scored';

interface ChangeColumn {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
  readonly wrap?: boolean;
  readonly value: (event: ChainedAuditEvent, context: ChangesContext) => CellValue;
}

/** The columns of the Changes sheet, in order. */
export function changeColumns(timeZone: string): readonly ChangeColumn[] {
  return [
    { header: 'Seq', width: 8, value: (event) => event.seq },
    {
      header: `Changed At (${timeZone})`,
      width: 18,
      numFmt: LOCAL_TIME_FORMAT,
      value: (event, context) => localTimeValue(event.changedAt, context.timeZone),
    },
    { header: 'Work Request #', width: 16, value: (event) => optionalCellText(event.workRequest) },
    {
      header: 'Week Ending',
      width: 12,
      numFmt: DATE_FORMAT,
      value: (event) => calendarDateValue(event.weekEnding),
    },
    // Smartsheet ids have 16 digits, one more than Excel keeps exactly: store them as text.
    { header: 'Sheet ID', width: 19, value: (event) => idText(event.sheetId) },
    { header: 'Row ID', width: 19, value: (event) => idText(event.rowId) },
    { header: 'Column', width: 20, value: (event) => optionalCellText(event.columnName) },
    { header: 'Old Value', width: 18, value: (event) => optionalCellText(event.oldValue) },
    { header: 'New Value', width: 18, value: (event) => optionalCellText(event.newValue) },
    {
      header: 'Delta',
      width: 14,
      numFmt: CURRENCY_FORMAT,
      value: (event) => (event.deltaCents === null ? null : event.deltaCents / 100),
    },
    { header: 'Changed By', width: 28, value: (event) => optionalCellText(event.changedBy) },
    { header: 'Severity', width: 11, value: (event) => event.severity },
    { header: 'Violation', width: 24, value: (event) => cellText(event.violationType) },
    { header: 'Risk Score', width: 20, numFmt: SCORE_FORMAT, value: riskValue },
    {
      header: 'Anomaly Score',
      width: 14,
      numFmt: SCORE_FORMAT,
      value: (event) => event.anomalyScore,
    },
    {
      header: 'Issue Description',
      width: 50,
      wrap: true,
      value: (event) => cellText(event.issueDescription),
    },
    {
      header: 'Suggested Fix',
      width: 40,
      wrap: true,
      value: (event) => optionalCellText(event.suggestedFix),
    },
    { header: 'Sheet Reference', width: 16, value: (event) => sheetLink(event.sheetReference) },
    {
      header: `Detected At (${timeZone})`,
      width: 18,
      numFmt: LOCAL_TIME_FORMAT,
      value: (event, context) => localTimeValue(event.timestamp, context.timeZone),
    },
    { header: 'Event Hash', width: 20, value: (event) => event.hash },
  ];
}

/** Adds the Changes sheet: a header, then one row per event in seq order. */
export function writeChangesSheet(
  workbook: Workbook,
  events: readonly ChainedAuditEvent[],
  context: ChangesContext,
): void {
  const sheet = workbook.addWorksheet(CHANGES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = changeColumns(context.timeZone);
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.getRow(1);
  header.values = columns.map((column) => column.header);
  styleHeaderRow(header);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const severityColumn = columns.findIndex((column) => column.header === 'Severity') + 1;
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  ordered.forEach((event, index) => {
    const row = sheet.getRow(index + 2);
    columns.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      const value = column.value(event, context);
      cell.value = value;
      // Number formats only for numbers and dates: on a text such as "cold start" they do nothing
      // but confuse a reader who inspects the cell.
      if (column.numFmt && (typeof value === 'number' || value instanceof Date)) cell.numFmt = column.numFmt;
      if (column.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      if (isHyperlink(value)) cell.font = LINK_FONT;
    });
    row.getCell(severityColumn).fill = severityFill(event.severity);
    row.getCell(severityColumn).font = SEVERITY_FONT;
  });
  if (ordered.length === 0) {
    sheet.getCell('A2').value = 'No changes were found in this run.';
    sheet.getCell('A2').font = NOTE_FONT;
  }
}

// Spreadsheet programs do not style a hyperlink cell by themselves.
const LINK_FONT = { color: { argb: 'FF0563C1' }, underline: true } as const;

function isHyperlink(value: CellValue): boolean {
  return typeof value === 'object' && value !== null && 'hyperlink' in value;
}

function riskValue(event: ChainedAuditEvent, context: ChangesContext): CellValue {
  if (event.riskScore !== null) return event.riskScore;
  return context.riskColdStart ? RISK_COLD_START_TEXT : RISK_NOT_SCORED_TEXT;
}

function idText(id: number | null): string | null {
  return id === null ? null : String(id);
}

/**
 * A clickable link for http(s) permalinks only: anything else is shown as text, so a crafted
 * value cannot become a `file:` or script link in an auditor's spreadsheet.
 */
function sheetLink(reference: string | null): CellValue {
  if (reference === null) return null;
  let url: URL;
  try {
    url = new URL(reference);
  } catch {
    return cellText(reference);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return cellText(reference);
  return { text: 'Open row', hyperlink: url.href, tooltip: cellText(url.href).slice(0, 255) };
}
