// The SmartsheetSetup port over the client: what `ledgerline init` and `doctor` ask of Smartsheet —
// who the token is, what it can see, a sheet's columns, and creating the audit sheet.
import { AppError } from '../../domain/app-error.js';
import type { DiscoveredSheet, SmartsheetSetup } from '../../ports/billing-sheets.js';
import { probeCurrentUser } from './current-user-probe.js';
import { smartsheetBillingSheets } from './smartsheet-billing-sheets.js';
import type { SmartsheetClient } from './smartsheet-client.js';

/** 404 (gone) and 403 (not shared) both mean the sheet cannot be used. */
function isGone(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const { status } = (error.details ?? {}) as { status?: number };
  return status === 404 || status === 403;
}

export function smartsheetSetup(
  client: SmartsheetClient,
  access: { baseUrl: string; token: string },
): SmartsheetSetup {
  const sheets = smartsheetBillingSheets(client);
  return {
    // The probe (not the client) so a wrong URL or token fails at once, without retries.
    currentUser: () => probeCurrentUser(access.baseUrl, access.token),

    async listWorkspaces() {
      const workspaces = await client.listWorkspaces();
      return workspaces.map((w) => ({ id: w.id, name: w.name }));
    },

    async listSheets() {
      const found = new Map<number, DiscoveredSheet>();
      for (const workspace of await client.listWorkspaces()) {
        for (const sheet of await sheets.sheetsUnder({ kind: 'workspace', id: workspace.id }))
          found.set(sheet.id, sheet);
      }
      // Sheets outside every workspace live in the user's own Sheets folder.
      for (const sheet of await client.listSheets()) {
        if (!found.has(sheet.id)) found.set(sheet.id, { id: sheet.id, name: sheet.name, location: 'Sheets' });
      }
      return [...found.values()];
    },

    sheetsUnder: (container) => sheets.sheetsUnder(container),

    async sheetColumns(sheetId) {
      try {
        const [summary, columns] = await Promise.all([
          client.getSheet(sheetId, { rowIds: [] }),
          client.getColumns(sheetId),
        ]);
        return {
          name: summary.name,
          columns: columns.map((c) => ({
            id: c.id,
            title: c.title,
            type: c.type ?? 'TEXT_NUMBER',
            primary: c.primary === true,
          })),
        };
      } catch (error) {
        if (isGone(error)) return undefined;
        throw error;
      }
    },

    async createSheet(name, columns, workspaceId) {
      const created = await client.createSheet({ name, columns }, workspaceId);
      return { id: created.id, name: created.name };
    },
  };
}
