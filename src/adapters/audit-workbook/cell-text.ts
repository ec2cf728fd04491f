// Text from sheets and editors reaches the workbook verbatim; a few characters would make the
// file unreadable (XML forbids most control characters) or be cut by Excel at its cell limit.

/** Excel's maximum characters in a cell. */
const EXCEL_CELL_LIMIT = 32_767;
// Tab, line feed and carriage return are allowed in XML 1.0; the other C0 controls are not.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe to store in a cell: forbidden characters dropped, cut at Excel's limit with an ellipsis. */
export function cellText(text: string): string {
  const clean = text.replace(XML_FORBIDDEN, '');
  return clean.length <= EXCEL_CELL_LIMIT ? clean : `${clean.slice(0, EXCEL_CELL_LIMIT - 1)}…`;
}

/** `cellText`, or an empty cell for null. */
export function optionalCellText(text: string | null): string | null {
  return text === null ? null : cellText(text);
}
