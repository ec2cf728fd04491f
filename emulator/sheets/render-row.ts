// Row objects (smartsheet-api.md §4.3): one cell per column by default, `include` adds writer info,
// permalinks and attachments.
import { currentAttachments, renderAttachment } from '../attachments/render-attachment.js';
import type { ColumnRecord, RowRecord, SheetRecord } from '../state/state-types.js';
import type { RowPosition } from '../rows/row-tree.js';
import { permalinks } from './permalinks.js';
import { renderCell, type CellJson } from './render-cell.js';
import { miniUser, type RenderContext } from './render-context.js';

export interface RowRenderOptions {
  columns: readonly ColumnRecord[];
  includeSheetId: boolean;
  /** false = `exclude=nonexistentCells`: drop cells that were never populated. */
  nonexistentCells: boolean;
}

export function renderRow(
  ctx: RenderContext,
  sheet: SheetRecord,
  row: RowRecord,
  position: RowPosition | undefined,
  options: RowRenderOptions,
): Record<string, unknown> {
  const cells: CellJson[] = [];
  for (const column of options.columns) {
    const cell = row.cells.get(column.id);
    if (!cell && !column.systemColumnType && !options.nonexistentCells) continue;
    cells.push(renderCell(ctx, column, row, cell));
  }
  const rendered: Record<string, unknown> = { id: row.id };
  if (options.includeSheetId) rendered['sheetId'] = sheet.id;
  rendered['rowNumber'] = position?.rowNumber ?? 0;
  if (position?.siblingId !== undefined) rendered['siblingId'] = position.siblingId;
  if (row.parentId !== undefined) rendered['parentId'] = row.parentId;
  rendered['expanded'] = row.expanded;
  if (row.locked) {
    rendered['locked'] = true;
    rendered['lockedForUser'] = ctx.lockedForUser;
  }
  rendered['createdAt'] = ctx.dates(row.createdAt);
  if (ctx.include.has('writerInfo')) rendered['createdBy'] = miniUser(ctx.state, row.createdBy);
  rendered['modifiedAt'] = ctx.dates(row.modifiedAt);
  if (ctx.include.has('writerInfo')) rendered['modifiedBy'] = miniUser(ctx.state, row.modifiedBy);
  if (ctx.include.has('rowPermalink')) rendered['permaLink'] = permalinks.row(sheet.id, row.id);
  rendered['cells'] = cells;
  if (ctx.include.has('attachments')) {
    const attachments = currentAttachments(
      sheet.attachments.filter((a) => a.parentType === 'ROW' && a.parentId === row.id),
    );
    if (attachments.length > 0)
      rendered['attachments'] = attachments.map((a) => renderAttachment(ctx.state, a, ctx.dates));
  }
  if (ctx.include.has('discussions')) rendered['discussions'] = [];
  return rendered;
}
