// `ledgerline init --create-audit-sheet`: the audit sheet of billing-domain.md §3.6, with exactly
// the columns the audit sheet adapter writes. A sheet of the same name already in that place is
// reused when it has those columns, so a re-run after an interrupted init creates no twin.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { AUDIT_SHEET_COLUMNS } from '../ports/audit-sheet.js';
import type { SmartsheetSetup } from '../ports/billing-sheets.js';
import { inspectAuditSheet } from './setup-sheet-columns.js';

type AuditSheetSetup = Pick<SmartsheetSetup, 'listSheets' | 'sheetsUnder' | 'sheetColumns' | 'createSheet'>;

/** A sheet of this name in that place (a workspace, or the Sheets folder) that has the audit columns. */
export async function findAuditSheet(
  setup: Omit<AuditSheetSetup, 'createSheet'>,
  name: string,
  workspaceId?: number,
): Promise<{ id: number; name: string } | undefined> {
  const title = name.trim();
  const candidates =
    workspaceId === undefined
      ? (await setup.listSheets()).filter((s) => s.location === 'Sheets')
      : await setup.sheetsUnder({ kind: 'workspace', id: workspaceId });
  for (const sheet of candidates.filter((s) => s.name === title)) {
    if ((await inspectAuditSheet(setup, sheet.id)).missingColumns.length === 0)
      return { id: sheet.id, name: sheet.name };
  }
  return undefined;
}

export async function createAuditSheet(
  setup: AuditSheetSetup,
  name: string,
  workspaceId?: number,
): Promise<{ id: number; name: string; created: boolean }> {
  const title = name.trim();
  if (title === '') throw new AppError(ErrorCode.INPUT_INVALID, 'The audit sheet needs a name.');
  const existing = await findAuditSheet(setup, title, workspaceId);
  if (existing) return { ...existing, created: false };
  const created = await setup.createSheet(
    title,
    AUDIT_SHEET_COLUMNS.map((column, index) => ({
      title: column,
      primary: index === 0,
      type: 'TEXT_NUMBER',
    })),
    workspaceId,
  );
  return { ...created, created: true };
}
