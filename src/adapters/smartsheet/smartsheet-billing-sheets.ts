// The BillingSheets port over the typed client: what sync and publish need, in their words.
import { isSheetAccessLevel } from '../../domain/access-review/sheet-access-level.js';
import { AppError } from '../../domain/app-error.js';
import type {
  BillingSheets,
  DiscoveredSheet,
  ReadRowsOptions,
  RowAttachment,
  SheetContent,
} from '../../ports/billing-sheets.js';
import type { Attachment } from './attachment-schemas.js';
import type { SmartsheetClient } from './smartsheet-client.js';

/** 404/1006 (gone) and 403/1004 (no longer shared) both mean: this sheet cannot be read any more. */
function isGone(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const { status, errorCode } = (error.details ?? {}) as { status?: number; errorCode?: number };
  return status === 404 || status === 403 || errorCode === 1006 || errorCode === 1004;
}

async function unlessGone<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}

function rowAttachment(attachment: Attachment): RowAttachment | undefined {
  if (attachment.parentType !== 'ROW' || attachment.parentId === undefined) return undefined;
  return {
    id: attachment.id,
    name: attachment.name,
    rowId: attachment.parentId,
    sizeInKb: attachment.sizeInKb,
    createdAt: attachment.createdAt?.toISOString(),
  };
}

export function smartsheetBillingSheets(client: SmartsheetClient): BillingSheets {
  let workspaceNames: Promise<Map<number, string>> | undefined;
  const workspaceName = async (id: number) => {
    workspaceNames ??= client.listWorkspaces().then((list) => new Map(list.map((w) => [w.id, w.name])));
    return (await workspaceNames).get(id) ?? `workspace ${id}`;
  };

  async function walk(kind: 'workspace' | 'folder', id: number, location: string, into: DiscoveredSheet[]) {
    const children =
      kind === 'workspace'
        ? await client.getWorkspaceChildren(id, { resourceTypes: ['sheets', 'folders'] })
        : await client.getFolderChildren(id, { resourceTypes: ['sheets', 'folders'] });
    for (const child of children) {
      if (child.resourceType === 'sheet') into.push({ id: child.id, name: child.name, location });
      else if (child.resourceType === 'folder')
        await walk('folder', child.id, `${location}/${child.name}`, into);
    }
  }

  return {
    async sheetsUnder(container) {
      const found: DiscoveredSheet[] = [];
      const root =
        container.kind === 'workspace' ? await workspaceName(container.id) : `folder ${container.id}`;
      await walk(container.kind, container.id, root, found);
      return found;
    },

    async cellHistory(sheetId, rowId, columnId) {
      const history = await client.getCellHistory(sheetId, rowId, columnId);
      return history
        .filter((entry) => entry.modifiedAt !== undefined)
        .map((entry) => ({
          value: typeof entry.value === 'object' ? undefined : entry.value,
          modifiedAt: entry.modifiedAt as Date,
          editorEmail: entry.modifiedBy?.email ?? null,
          editorName: entry.modifiedBy?.name,
        }))
        .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
    },

    sheetVersion: (sheetId) => unlessGone(() => client.getSheetVersion(sheetId)),

    async readSheet(sheetId: number, options: ReadRowsOptions = {}): Promise<SheetContent | undefined> {
      const sheet = await unlessGone(() =>
        client.getSheet(sheetId, {
          ...(options.columnIds ? { columnIds: options.columnIds } : {}),
          ...(options.rowIds ? { rowIds: options.rowIds } : {}),
          ...(options.rowsModifiedSince ? { rowsModifiedSince: options.rowsModifiedSince } : {}),
        }),
      );
      if (!sheet) return undefined;
      return {
        id: sheet.id,
        name: sheet.name,
        version: sheet.version ?? 0,
        permalink: sheet.permalink,
        columns: sheet.columns.map((c) => ({
          id: c.id,
          title: c.title,
          type: c.type ?? 'TEXT_NUMBER',
          primary: c.primary === true,
        })),
        rows: sheet.rows.map((row, index) => ({
          sheetId: sheet.id,
          rowId: row.id,
          rowNumber: row.rowNumber ?? index + 1,
          modifiedAt: row.modifiedAt?.toISOString(),
          // Smartsheet leaves both out on unlocked rows; so do we, to keep unlocked rows as they were.
          ...(row.locked ? { locked: true, lockedForUser: row.lockedForUser === true } : {}),
          cells: row.cells.map((cell) => ({ columnId: cell.columnId, value: cell.value })),
        })),
      };
    },

    async listRowAttachments(sheetId) {
      const all = await client.listSheetAttachments(sheetId);
      return all.map(rowAttachment).filter((a): a is RowAttachment => a !== undefined);
    },

    async listAttachmentsOfRow(sheetId, rowId) {
      const all = await client.listRowAttachments(sheetId, rowId);
      return all.map(rowAttachment).filter((a): a is RowAttachment => a !== undefined);
    },

    async uploadRowAttachment(sheetId, rowId, fileName, bytes) {
      const attachment = await client.uploadRowAttachment(sheetId, rowId, { fileName, bytes });
      return rowAttachment({ ...attachment, parentType: 'ROW', parentId: rowId }) as RowAttachment;
    },

    deleteAttachment: (sheetId, attachmentId) => client.deleteAttachment(sheetId, attachmentId),

    async sheetShares(sheetId) {
      const shares = await unlessGone(() =>
        client.listSheetShares(sheetId, { includeWorkspaceShares: true }),
      );
      return shares?.map((share) => ({
        // Unknown types are reported as groups: whoever they are, they are not one known person.
        type: share.type === 'USER' ? ('USER' as const) : ('GROUP' as const),
        email: share.email ?? null,
        name: share.name ?? null,
        // A level newer than this code is taken as able to edit, so the review still lists it.
        accessLevel: isSheetAccessLevel(share.accessLevel) ? share.accessLevel : ('EDITOR' as const),
        scope: share.scope === 'WORKSPACE' ? ('WORKSPACE' as const) : ('ITEM' as const),
      }));
    },

    requestCounts() {
      const { total, retries, rateLimited, units, byEndpoint } = client.requestCounts();
      return { total, retries, rateLimited, units, ...byEndpoint };
    },
  };
}
