// `ledgerline init` and `doctor`: the sheets a configuration names, and whether each has the columns
// its role needs — source sheets the required billing fields (billing-domain.md §1.2), the target
// sheet a Work Request # column, the audit sheet the columns of §3.6.
import { mapColumns } from '../domain/column-mapping.js';
import type { ColumnMapping } from '../domain/column-mapping.js';
import { AUDIT_SHEET_COLUMNS } from '../ports/audit-sheet.js';
import type { SmartsheetSetup } from '../ports/billing-sheets.js';

export interface SourceSelection {
  sheetIds: readonly number[];
  folderIds: readonly number[];
  workspaceIds: readonly number[];
  /** Walked sheets whose name contains one of these words are skipped (as discovery does). */
  nameExclude: readonly string[];
}

export interface SourceSheetCheck {
  id: number;
  name: string;
  location: string;
  /** Undefined when the sheet does not exist or is not shared with the token's user. */
  mapping: ColumnMapping | undefined;
}

/** A sheet of a fixed role: found or not, and which of its needed columns are missing. */
export interface RoleSheetCheck {
  id: number;
  name: string | undefined;
  found: boolean;
  missingColumns: string[];
}

/** Every source sheet the selection reaches, each with its column mapping. */
export async function inspectSourceSheets(
  setup: Pick<SmartsheetSetup, 'sheetsUnder' | 'sheetColumns'>,
  selection: SourceSelection,
): Promise<SourceSheetCheck[]> {
  const excluded = (name: string) =>
    selection.nameExclude.some((word) => word !== '' && name.toLowerCase().includes(word.toLowerCase()));
  const reached = new Map<number, { name: string; location: string }>();
  const containers = [
    ...selection.workspaceIds.map((id) => ({ kind: 'workspace' as const, id })),
    ...selection.folderIds.map((id) => ({ kind: 'folder' as const, id })),
  ];
  for (const container of containers) {
    for (const sheet of await setup.sheetsUnder(container)) {
      if (!excluded(sheet.name)) reached.set(sheet.id, { name: sheet.name, location: sheet.location });
    }
  }
  for (const id of selection.sheetIds) {
    if (!reached.has(id)) reached.set(id, { name: `sheet ${id}`, location: 'configured id' });
  }
  const checks: SourceSheetCheck[] = [];
  for (const [id, where] of reached) {
    const sheet = await setup.sheetColumns(id);
    checks.push({
      id,
      name: sheet?.name ?? where.name,
      location: where.location,
      mapping: sheet ? mapColumns(sheet.columns) : undefined,
    });
  }
  return checks;
}

export async function inspectTargetSheet(
  setup: Pick<SmartsheetSetup, 'sheetColumns'>,
  sheetId: number,
): Promise<RoleSheetCheck> {
  const sheet = await setup.sheetColumns(sheetId);
  if (!sheet) return { id: sheetId, name: undefined, found: false, missingColumns: [] };
  const hasWorkRequest = mapColumns(sheet.columns).columnIds.workRequest !== undefined;
  return {
    id: sheetId,
    name: sheet.name,
    found: true,
    missingColumns: hasWorkRequest ? [] : ['Work Request #'],
  };
}

export async function inspectAuditSheet(
  setup: Pick<SmartsheetSetup, 'sheetColumns'>,
  sheetId: number,
): Promise<RoleSheetCheck> {
  const sheet = await setup.sheetColumns(sheetId);
  if (!sheet) return { id: sheetId, name: undefined, found: false, missingColumns: [] };
  // The audit sheet adapter matches titles case-insensitively, exactly (smartsheet-audit-sheet.ts).
  const titles = new Set(sheet.columns.map((c) => c.title.trim().toLowerCase()));
  return {
    id: sheetId,
    name: sheet.name,
    found: true,
    missingColumns: AUDIT_SHEET_COLUMNS.filter((title) => !titles.has(title.toLowerCase())),
  };
}

/** One line per problem of the inspected sheets; empty when every sheet can be used. */
export function sheetProblems(
  sources: readonly SourceSheetCheck[],
  roles: readonly { role: 'target' | 'audit'; check: RoleSheetCheck }[],
): string[] {
  const problems: string[] = [];
  if (sources.length === 0) problems.push('No source sheet is selected (or the chosen places hold none).');
  for (const s of sources) {
    if (!s.mapping)
      problems.push(`Source sheet ${s.id} does not exist or is not shared with the token's user.`);
    else if (s.mapping.missingRequired.length > 0)
      problems.push(
        `Source sheet '${s.name}' (${s.id}) lacks required columns: ${s.mapping.missingRequired.join(', ')}.`,
      );
  }
  const sourceIds = new Set(sources.map((s) => s.id));
  for (const { role, check } of roles) {
    // Discovery would read it as billing rows too (and find no billing columns): a loud error later.
    if (sourceIds.has(check.id))
      problems.push(
        `The ${role} sheet ${check.id} is also reached as a source sheet; move it out of the source workspaces and folders.`,
      );
    else if (!check.found)
      problems.push(`The ${role} sheet ${check.id} does not exist or is not shared with the token's user.`);
    else if (check.missingColumns.length > 0)
      problems.push(
        `The ${role} sheet '${check.name ?? check.id}' (${check.id}) lacks the columns: ${check.missingColumns.join(', ')}.`,
      );
  }
  return problems;
}
