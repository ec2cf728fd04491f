// Cell objects (smartsheet-api.md §4.4). Empty cells carry only columnId; system cells (created/
// modified by and date) are computed from the row so they always agree with it.
import type { CellValue } from '../seed/seed-data.js';
import { displayValueFor } from '../format/display-value.js';
import type { CellRecord, ColumnRecord, Hyperlink, RowRecord } from '../state/state-types.js';
import { permalinks } from './permalinks.js';
import type { RenderContext } from './render-context.js';
import { typeAtLevel } from './render-column.js';

export type CellJson = Record<string, unknown> & { columnId: number };

function renderHyperlink(link: Hyperlink): Record<string, unknown> {
  const url =
    link.url ??
    (link.sheetId !== undefined
      ? permalinks.sheet(link.sheetId)
      : link.reportId !== undefined
        ? permalinks.report(link.reportId)
        : link.sightId !== undefined
          ? permalinks.sight(link.sightId)
          : undefined);
  return {
    ...(url !== undefined ? { url } : {}),
    ...(link.sheetId !== undefined ? { sheetId: link.sheetId } : {}),
    ...(link.reportId !== undefined ? { reportId: link.reportId } : {}),
    ...(link.sightId !== undefined ? { sightId: link.sightId } : {}),
  };
}

/** The stored (or system-derived) content of a cell, before rendering. */
function contentOf(
  column: ColumnRecord,
  row: RowRecord,
  cell: CellRecord | undefined,
): CellRecord | undefined {
  switch (column.systemColumnType) {
    case 'CREATED_BY':
      return { value: row.createdBy };
    case 'MODIFIED_BY':
      return { value: row.modifiedBy };
    case 'CREATED_DATE':
      return { value: row.createdAt };
    case 'MODIFIED_DATE':
      return { value: row.modifiedAt };
    default:
      return cell;
  }
}

function wireValue(ctx: RenderContext, column: ColumnRecord, value: CellValue): CellValue {
  if (column.systemColumnType === 'CREATED_DATE' || column.systemColumnType === 'MODIFIED_DATE') {
    return ctx.dates(value as number);
  }
  if (ctx.numericDates && typeof value === 'string') {
    if (column.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
    if (column.type === 'DATETIME' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  }
  return value;
}

function objectValueOf(
  ctx: RenderContext,
  column: ColumnRecord,
  content: CellRecord,
  value: CellValue,
): unknown {
  if (content.objectValue) return content.objectValue;
  const name = (email: string) => ctx.state.displayName(email);
  switch (column.type) {
    case 'CONTACT_LIST':
      return typeof value === 'string' ? { objectType: 'CONTACT', email: value, name: name(value) } : value;
    case 'MULTI_CONTACT_LIST':
      return {
        objectType: 'MULTI_CONTACT',
        values: String(value)
          .split(',')
          .map((email) => email.trim())
          .filter(Boolean)
          .map((email) => ({ objectType: 'CONTACT', email, name: name(email) })),
      };
    case 'MULTI_PICKLIST':
      return {
        objectType: 'MULTI_PICKLIST',
        values: String(value)
          .split(',')
          .map((option) => option.trim())
          .filter(Boolean),
      };
    default:
      return wireValue(ctx, column, value);
  }
}

export function renderCell(
  ctx: RenderContext,
  column: ColumnRecord,
  row: RowRecord,
  cell: CellRecord | undefined,
): CellJson {
  const type = typeAtLevel(column.type, ctx.level);
  const rendered: CellJson = { columnId: column.id };
  if (ctx.include.has('columnType')) rendered['columnType'] = type;
  const content = contentOf(column, row, cell);
  if (!content) return rendered;

  const value = content.value;
  if (value !== undefined) {
    // At a level that exposes a MULTI_* type Smartsheet drops `value` in favour of objectValue.
    const multiExposed = type === 'MULTI_CONTACT_LIST' || type === 'MULTI_PICKLIST';
    if (!multiExposed) rendered['value'] = wireValue(ctx, column, value);
    if (ctx.include.has('objectValue')) rendered['objectValue'] = objectValueOf(ctx, column, content, value);
    const display = column.systemColumnType?.endsWith('_DATE')
      ? undefined
      : displayValueFor({ ...column, type }, value, (email) => ctx.state.displayName(email));
    if (display !== undefined) rendered['displayValue'] = display;
  }
  if (content.formula !== undefined) rendered['formula'] = content.formula;
  if (content.hyperlink) rendered['hyperlink'] = renderHyperlink(content.hyperlink);
  return rendered;
}
