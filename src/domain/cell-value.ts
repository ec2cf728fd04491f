/**
 * What a Smartsheet cell can hold once read from the API: a string, a number or a boolean, or
 * nothing at all when the cell is empty (smartsheet-api.md §4.4). `null` is tolerated because some
 * stored snapshots and exports write empty cells that way.
 */
export type CellValue = string | number | boolean | null | undefined;

/** True when the cell holds nothing a person typed: absent, null, or only whitespace. */
export function isBlankCell(value: CellValue): value is null | undefined | '' {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The cell as display text, trimmed; undefined when blank. Numbers use JavaScript's shortest
 * round-trip form so `12` stays `12`, and booleans read `true`/`false`.
 */
export function cellText(value: CellValue): string | undefined {
  if (isBlankCell(value)) return undefined;
  return typeof value === 'string' ? value.trim() : String(value);
}

/** A short quoted rendering of a raw value for messages, so a finding shows what was typed. */
export function describeCellValue(value: CellValue): string {
  if (value === undefined) return 'empty';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
