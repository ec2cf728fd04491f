// Init, step 2: the source sheets (by sheet, folder or workspace), the target sheet and the audit
// sheet — each checked for the columns its role needs, and shown with the mapping found. A choice
// that cannot work is refused here, before anything is written.
import { BILLING_FIELDS } from '../../domain/billing-field.js';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { DiscoveredSheet, SetupWorkspace, SmartsheetSetup } from '../../ports/billing-sheets.js';
import {
  inspectAuditSheet,
  inspectSourceSheets,
  inspectTargetSheet,
  sheetProblems,
} from '../../services/setup-sheet-columns.js';
import type { RoleSheetCheck, SourceSheetCheck } from '../../services/setup-sheet-columns.js';
import type { InitFlags, InitIo } from './init-options.js';
import { parseIdList } from './init-options.js';

export interface SheetsChoice {
  values: Record<string, string>;
  /** Set when the audit sheet is to be created once every check has passed. */
  createAudit: { name: string; workspaceId: number | undefined } | undefined;
}

const DEFAULT_AUDIT_SHEET_NAME = 'Ledgerline Audit';

/** `1,3` picks from a numbered list; long numbers are ids; `-` clears. */
function pick(answer: string, list: readonly { id: number }[], what: string): number[] {
  const trimmed = answer.trim();
  if (trimmed === '' || trimmed === '-') return [];
  return trimmed.split(',').flatMap((part) => {
    const n = Number(part.trim());
    if (/^\d+$/.test(part.trim()) && n >= 1 && n <= list.length) return [list[n - 1]?.id as number];
    return parseIdList(part, what);
  });
}

function describeSource(check: SourceSheetCheck): string[] {
  if (!check.mapping) return [`  ✗ sheet ${check.id}: not found or not shared with the token's user`];
  const mapped = BILLING_FIELDS.filter((f) => check.mapping?.columnTitles[f] !== undefined)
    .map((f) => `${f} ← '${check.mapping?.columnTitles[f]}'`)
    .join(', ');
  const lines = [
    `  ${check.mapping.missingRequired.length > 0 ? '✗' : '✓'} '${check.name}' (${check.id}, ${check.location})`,
    `      mapped: ${mapped || 'nothing'}`,
  ];
  if (check.mapping.missingRequired.length > 0)
    lines.push(`      MISSING REQUIRED: ${check.mapping.missingRequired.join(', ')}`);
  if (check.mapping.missingOptional.length > 0)
    lines.push(`      missing optional: ${check.mapping.missingOptional.join(', ')}`);
  return lines;
}

function describeRole(role: string, check: RoleSheetCheck): string {
  if (!check.found) return `  ✗ ${role} sheet ${check.id}: not found or not shared with the token's user`;
  return check.missingColumns.length === 0
    ? `  ✓ ${role} sheet '${check.name}' (${check.id}) has the columns it needs`
    : `  ✗ ${role} sheet '${check.name}' (${check.id}) lacks: ${check.missingColumns.join(', ')}`;
}

const joined = (ids: readonly number[]) => ids.join(',');

export async function chooseSheets(
  setup: SmartsheetSetup,
  flags: InitFlags,
  current: Record<string, string>,
  io: InitIo,
): Promise<SheetsChoice> {
  const nameExclude = (current.LEDGERLINE_SHEET_NAME_EXCLUDE ?? 'Archive').split(',').map((w) => w.trim());
  let workspaces: SetupWorkspace[] = [];
  let sheets: DiscoveredSheet[] = [];
  if (io.prompter) {
    workspaces = await setup.listWorkspaces();
    sheets = (await setup.listSheets()).sort((a, b) =>
      a.location === b.location ? a.name.localeCompare(b.name) : a.location.localeCompare(b.location),
    );
    io.out('\nWorkspaces the token can see:');
    workspaces.forEach((w, i) => io.out(`  [${i + 1}] ${w.name} (${w.id})`));
    io.out('Sheets:');
    sheets.forEach((s, i) => io.out(`  [${i + 1}] ${s.location} / ${s.name} (${s.id})`));
  }

  for (;;) {
    const sourceWorkspaces = flags.sourceWorkspaces ?? current.LEDGERLINE_SOURCE_WORKSPACE_IDS ?? '';
    const sourceFolders = flags.sourceFolders ?? current.LEDGERLINE_SOURCE_FOLDER_IDS ?? '';
    const sourceSheets = flags.sourceSheets ?? current.LEDGERLINE_SOURCE_SHEET_IDS ?? '';
    const selection = io.prompter
      ? {
          workspaceIds: pick(
            await io.prompter.ask(
              'Source workspaces (numbers from the list or ids, - for none)',
              sourceWorkspaces || '-',
            ),
            workspaces,
            'source workspaces',
          ),
          folderIds: parseIdList(
            await io.prompter.ask('Source folder ids (- for none)', sourceFolders || '-'),
            'source folders',
          ),
          sheetIds: pick(
            await io.prompter.ask(
              'Source sheets (numbers from the list or ids, - for none)',
              sourceSheets || '-',
            ),
            sheets,
            'source sheets',
          ),
        }
      : {
          workspaceIds: parseIdList(sourceWorkspaces, '--source-workspaces'),
          folderIds: parseIdList(sourceFolders, '--source-folders'),
          sheetIds: parseIdList(sourceSheets, '--source-sheets'),
        };
    const sources = await inspectSourceSheets(setup, { ...selection, nameExclude });
    io.out(`\nColumn mapping of the ${sources.length} source sheet(s):`);
    for (const check of sources) for (const line of describeSource(check)) io.out(line);

    const target = await chooseTarget(setup, flags, current, io, sheets);
    const audit = await chooseAudit(setup, flags, current, io, sheets, workspaces);
    const roles = [
      ...(target.check ? [{ role: 'target' as const, check: target.check }] : []),
      ...(audit.check ? [{ role: 'audit' as const, check: audit.check }] : []),
    ];
    for (const { role, check } of roles) io.out(describeRole(role, check));
    const problems = sheetProblems(sources, roles);
    const auditWorkspace = audit.create?.workspaceId;
    if (auditWorkspace !== undefined && selection.workspaceIds.includes(auditWorkspace))
      problems.push(
        `The audit sheet would be created in source workspace ${auditWorkspace} and read as a source; choose another place.`,
      );
    if (problems.length === 0) {
      return {
        values: {
          LEDGERLINE_SOURCE_SHEET_IDS: joined(selection.sheetIds),
          LEDGERLINE_SOURCE_FOLDER_IDS: joined(selection.folderIds),
          LEDGERLINE_SOURCE_WORKSPACE_IDS: joined(selection.workspaceIds),
          LEDGERLINE_TARGET_SHEET_ID: target.id === undefined ? '' : String(target.id),
          LEDGERLINE_AUDIT_SHEET_ID: audit.id === undefined ? '' : String(audit.id),
        },
        createAudit: audit.create,
      };
    }
    if (!io.prompter) {
      throw new AppError(
        ErrorCode.CONFIG_INVALID,
        `These sheets cannot be used:\n  ${problems.join('\n  ')}`,
        {
          hint: 'Choose other sheets (or deselect these), or add the missing columns; nothing was written.',
        },
      );
    }
    io.out(
      `\nThese sheets cannot be used:\n  ${problems.join('\n  ')}\nChoose again (or fix the sheets and re-run init).`,
    );
    // Offer what was just typed as the new defaults.
    current = {
      ...current,
      LEDGERLINE_SOURCE_WORKSPACE_IDS: joined(selection.workspaceIds),
      LEDGERLINE_SOURCE_FOLDER_IDS: joined(selection.folderIds),
      LEDGERLINE_SOURCE_SHEET_IDS: joined(selection.sheetIds),
    };
  }
}

async function chooseTarget(
  setup: SmartsheetSetup,
  flags: InitFlags,
  current: Record<string, string>,
  io: InitIo,
  sheets: readonly DiscoveredSheet[],
): Promise<{ id: number | undefined; check: RoleSheetCheck | undefined }> {
  const known = flags.targetSheet ?? current.LEDGERLINE_TARGET_SHEET_ID ?? '';
  const answer = io.prompter
    ? await io.prompter.ask('Target sheet, one row per Work Request (number or id, - for none)', known || '-')
    : known;
  const [id] = io.prompter ? pick(answer, sheets, 'target sheet') : parseIdList(answer, '--target-sheet');
  return { id, check: id === undefined ? undefined : await inspectTargetSheet(setup, id) };
}

async function chooseAudit(
  setup: SmartsheetSetup,
  flags: InitFlags,
  current: Record<string, string>,
  io: InitIo,
  sheets: readonly DiscoveredSheet[],
  workspaces: readonly SetupWorkspace[],
): Promise<{
  id: number | undefined;
  check: RoleSheetCheck | undefined;
  create?: SheetsChoice['createAudit'];
}> {
  if (flags.createAuditSheet) {
    const workspaceId = flags.auditWorkspace
      ? parseIdList(flags.auditWorkspace, '--audit-workspace')[0]
      : undefined;
    return { id: undefined, check: undefined, create: { name: flags.createAuditSheet, workspaceId } };
  }
  const known = flags.auditSheet ?? current.LEDGERLINE_AUDIT_SHEET_ID ?? '';
  if (!io.prompter) {
    const [id] = parseIdList(known, '--audit-sheet');
    return { id, check: id === undefined ? undefined : await inspectAuditSheet(setup, id) };
  }
  const answer = await io.prompter.ask(
    "Audit sheet (number or id, 'new' to create one with the right columns, - for none)",
    known || 'new',
  );
  if (answer.trim().toLowerCase() === 'new') {
    const name = await io.prompter.ask('Name of the new audit sheet', DEFAULT_AUDIT_SHEET_NAME);
    const where = await io.prompter.ask(
      'Create it in workspace (number or id, - for your Sheets folder)',
      '-',
    );
    return {
      id: undefined,
      check: undefined,
      create: { name, workspaceId: pick(where, workspaces, 'workspace')[0] },
    };
  }
  const [id] = pick(answer, sheets, 'audit sheet');
  return { id, check: id === undefined ? undefined : await inspectAuditSheet(setup, id) };
}
