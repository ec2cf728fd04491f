// Row writes (smartsheet-api.md §5 #7–#9, §5.3): add, update and delete in chunks Smartsheet
// accepts, each whole operation holding the sheet's write slot so writes to one sheet never overlap.
import { z } from 'zod';
import { AppError } from '../../domain/app-error.js';
import { apiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { resultSchema } from './envelope-schemas.js';
import type { BulkItemFailure } from './envelope-schemas.js';
import { rowSchema } from './sheet-schemas.js';
import type { CellPrimitive, Row } from './sheet-schemas.js';

/** Smartsheet's cap per add/update request (§5.3). */
export const ROWS_PER_REQUEST = 500;
/** Row ids per delete request: the ids travel in the URL (16 digits each). */
export const DELETE_IDS_PER_REQUEST = 200;

export interface CellWrite {
  columnId: number;
  /** `""` clears the cell. */
  value?: CellPrimitive;
  formula?: string;
  objectValue?: unknown;
  /** `null` removes a hyperlink (with `value: ""`). */
  hyperlink?: { url?: string; sheetId?: number; reportId?: number } | null;
  /** false = lenient parsing of the value. Smartsheet's default is true. */
  strict?: boolean;
  overrideValidation?: boolean;
}

/** One location specifier per request, the same for all rows (§5.3). */
export interface RowLocation {
  toTop?: boolean;
  toBottom?: boolean;
  parentId?: number;
  siblingId?: number;
  above?: boolean;
}

export interface NewRow extends RowLocation {
  cells: CellWrite[];
  expanded?: boolean;
  locked?: boolean;
}

/** Only the cells that change: read-only fields such as rowNumber or createdAt are refused (1032). */
export interface RowUpdate extends RowLocation {
  id: number;
  cells?: CellWrite[];
  expanded?: boolean;
  locked?: boolean;
  indent?: number;
  outdent?: number;
}

export interface RowWriteOptions {
  /** Write the valid rows and report the others in `failedItems` instead of failing the whole chunk. */
  allowPartialSuccess?: boolean;
}

export interface RowWriteResult {
  /** The rows as Smartsheet stored them, in request order (failed ones left out). */
  rows: Row[];
  /** The sheet version after the last chunk. */
  version: number | undefined;
  /** Failures, with `index` into the caller's array (not into a chunk). */
  failedItems: BulkItemFailure[];
}

export interface DeleteRowsOptions {
  /** Skip ids that no longer exist instead of failing the request (404/1006) and deleting nothing. */
  ignoreRowsNotFound?: boolean;
}

/** The body is an array, so `result` is too; a single object is tolerated all the same. */
const rowsResultSchema = resultSchema(z.union([z.array(rowSchema), rowSchema.transform((row) => [row])]));
const deletedIdsResultSchema = resultSchema(z.array(z.int()));

export function addRows(
  ctx: EndpointContext,
  sheetId: number,
  rows: readonly NewRow[],
  options: RowWriteOptions = {},
): Promise<RowWriteResult> {
  // A POST: after a broken connection the rows may exist already, so it is never retried blindly.
  return writeRowsInChunks(ctx, 'POST', sheetId, rows, options);
}

export function updateRows(
  ctx: EndpointContext,
  sheetId: number,
  rows: readonly RowUpdate[],
  options: RowWriteOptions = {},
): Promise<RowWriteResult> {
  return writeRowsInChunks(ctx, 'PUT', sheetId, rows, options);
}

async function writeRowsInChunks(
  ctx: EndpointContext,
  method: 'POST' | 'PUT',
  sheetId: number,
  rows: readonly (NewRow | RowUpdate)[],
  options: RowWriteOptions,
): Promise<RowWriteResult> {
  const route = apiRoute(method, '/sheets/{sheetId}/rows', { sheetId });
  const query = { allowPartialSuccess: options.allowPartialSuccess ? true : undefined };
  return ctx.writes.run(sheetId, async () => {
    const written: RowWriteResult = { rows: [], version: undefined, failedItems: [] };
    for (let start = 0; start < rows.length; start += ROWS_PER_REQUEST) {
      const chunk = rows.slice(start, start + ROWS_PER_REQUEST);
      try {
        const result = await ctx.http.call({
          route,
          query,
          body: { kind: 'json', value: chunk },
          schema: rowsResultSchema,
        });
        written.rows.push(...result.result);
        written.version = result.version ?? written.version;
        for (const failure of result.failedItems ?? []) {
          written.failedItems.push({ ...failure, index: failure.index + start });
        }
      } catch (error) {
        throw withEarlierChunks(error, start, rows.length, written.rows);
      }
    }
    return written;
  });
}

/**
 * A later chunk failed after earlier ones were stored: the caller must know which rows exist now,
 * or it would write them a second time.
 */
function withEarlierChunks(
  error: unknown,
  failedAt: number,
  total: number,
  written: readonly Row[],
): unknown {
  if (!(error instanceof AppError) || failedAt === 0) return error;
  return new AppError(
    error.code,
    `${error.message} (rows 1–${failedAt} of ${total} were already written; ${written.length} stored)`,
    {
      hint: error.hint,
      cause: error,
      details: { ...error.details, writtenCount: failedAt, writtenRowIds: written.map((row) => row.id) },
    },
  );
}

/** Deletes rows (and their children, whose ids come back too). Returns every deleted row id. */
export function deleteRows(
  ctx: EndpointContext,
  sheetId: number,
  rowIds: readonly number[],
  options: DeleteRowsOptions = {},
): Promise<number[]> {
  const route = apiRoute('DELETE', '/sheets/{sheetId}/rows', { sheetId });
  return ctx.writes.run(sheetId, async () => {
    const deleted: number[] = [];
    for (let start = 0; start < rowIds.length; start += DELETE_IDS_PER_REQUEST) {
      const ids = rowIds.slice(start, start + DELETE_IDS_PER_REQUEST);
      try {
        const result = await ctx.http.call({
          route,
          query: { ids, ignoreRowsNotFound: options.ignoreRowsNotFound ?? false },
          schema: deletedIdsResultSchema,
        });
        deleted.push(...result.result);
      } catch (error) {
        if (!(error instanceof AppError) || start === 0) throw error;
        throw new AppError(error.code, `${error.message} (${deleted.length} rows were already deleted)`, {
          hint: error.hint,
          cause: error,
          details: { ...error.details, deletedRowIds: deleted },
        });
      }
    }
    return deleted;
  });
}
