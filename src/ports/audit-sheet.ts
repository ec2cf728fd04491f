// The audit sheet in Smartsheet (billing-domain.md §3.6): one row per stored event, plus a summary
// row per run carrying the run's audit workbook and signed checkpoint.

/** The audit sheet's columns, by title, in the order of §3.6. */
export const AUDIT_SHEET_COLUMNS = [
  'Work Request #',
  'Week Ending',
  'Column',
  'Old Value',
  'New Value',
  'Delta',
  'Changed By',
  'Changed At',
  'Severity',
  'Violation',
  'Risk Score',
  'Issue Description',
  'Suggested Fix',
  'Sheet Reference',
  'Source Sheet ID',
  'Source Row ID',
  'Run ID',
] as const;

export type AuditSheetColumn = (typeof AUDIT_SHEET_COLUMNS)[number];
export type AuditSheetRow = Partial<Record<AuditSheetColumn, string | number>>;

export interface AuditSheet {
  /** The rows already on the sheet, so a re-run appends only what is missing. */
  readRows(sheetId: number): Promise<AuditSheetRow[]>;
  /** Append rows at the bottom, at most 500 per request; returns how many were added. */
  appendRows(sheetId: number, rows: readonly AuditSheetRow[]): Promise<number>;
  /** Add one row and attach a file to it (the run summary and its workbook). */
  appendRowWithAttachment(
    sheetId: number,
    row: AuditSheetRow,
    fileName: string,
    bytes: Uint8Array,
  ): Promise<void>;
}
