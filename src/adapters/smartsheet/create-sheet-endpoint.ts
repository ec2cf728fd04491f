// Create Sheet (smartsheet-api.md §5): a new empty sheet from a name and column definitions, in a
// workspace or in the token user's Sheets folder. `ledgerline init` uses it for the audit sheet.
import { z } from 'zod';
import { apiRoute } from './api-route.js';
import { idSchema } from './common-schemas.js';
import type { EndpointContext } from './endpoint-context.js';
import { resultSchema } from './envelope-schemas.js';

export interface NewSheet {
  name: string;
  /** Exactly one column must be primary, of type TEXT_NUMBER. */
  columns: readonly { title: string; primary?: boolean; type: 'TEXT_NUMBER' }[];
}

const createdSheetSchema = z.object({ id: idSchema, name: z.string() });
export type CreatedSheet = z.infer<typeof createdSheetSchema>;

/**
 * A POST that is not retried blindly by callers: after a broken connection the sheet may exist,
 * so `init` lists sheets before creating again.
 */
export async function createSheet(
  ctx: EndpointContext,
  sheet: NewSheet,
  workspaceId?: number,
): Promise<CreatedSheet> {
  const route =
    workspaceId === undefined
      ? apiRoute('POST', '/sheets')
      : apiRoute('POST', '/workspaces/{workspaceId}/sheets', { workspaceId });
  const result = await ctx.http.call({
    route,
    body: { kind: 'json', value: { name: sheet.name, columns: sheet.columns } },
    schema: resultSchema(createdSheetSchema),
  });
  return result.result;
}
