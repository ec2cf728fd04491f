// Structural checks of a SeedData: every reference resolves, ids are unique safe integers in the
// Smartsheet range, columns and cells are well-typed. The emulator can refuse a broken seed with every
// problem listed instead of failing later on one request.
import { isCalendarDate } from './zoned-time.js';
import { MAX_ID_EXCLUSIVE, MIN_ID } from './id-allocator.js';
import type { SeedData, SeedSheet } from './seed-data.js';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Every structural problem of a seed; empty when it is sound. */
export function seedProblems(seed: SeedData): string[] {
  const problems: string[] = [];
  const ids = new Set<number>();
  const checkId = (id: number, what: string): void => {
    if (!Number.isSafeInteger(id) || id < MIN_ID || id >= MAX_ID_EXCLUSIVE)
      problems.push(`${what}: id ${id} out of range`);
    if (ids.has(id)) problems.push(`${what}: id ${id} is not unique`);
    ids.add(id);
  };
  if (!ISO_TIMESTAMP.test(seed.now)) problems.push(`now is not a Smartsheet timestamp: ${seed.now}`);

  const emails = new Set<string>();
  const tokens = new Set<string>();
  for (const user of seed.users) {
    checkId(user.id, `user ${user.email}`);
    if (emails.has(user.email)) problems.push(`user ${user.email}: e-mail is not unique`);
    if (tokens.has(user.token)) problems.push(`user ${user.email}: token is not unique`);
    emails.add(user.email);
    tokens.add(user.token);
  }
  const knownUser = (email: string, what: string): void => {
    if (!emails.has(email)) problems.push(`${what}: unknown user ${email}`);
  };

  const workspaceIds = new Set<number>();
  for (const workspace of seed.workspaces) {
    checkId(workspace.id, `workspace ${workspace.name}`);
    workspaceIds.add(workspace.id);
    knownUser(workspace.ownerEmail, `workspace ${workspace.name} owner`);
    for (const share of workspace.shares) knownUser(share.email, `workspace ${workspace.name} share`);
  }
  const folderIds = new Set<number>();
  for (const folder of seed.folders) {
    checkId(folder.id, `folder ${folder.name}`);
    folderIds.add(folder.id);
  }
  for (const folder of seed.folders) {
    const parents =
      (folder.workspaceId === undefined ? 0 : 1) + (folder.parentFolderId === undefined ? 0 : 1);
    if (parents !== 1)
      problems.push(`folder ${folder.name}: needs exactly one of workspaceId / parentFolderId`);
    if (folder.workspaceId !== undefined && !workspaceIds.has(folder.workspaceId)) {
      problems.push(`folder ${folder.name}: unknown workspace ${folder.workspaceId}`);
    }
    if (folder.parentFolderId !== undefined && !folderIds.has(folder.parentFolderId)) {
      problems.push(`folder ${folder.name}: unknown parent folder ${folder.parentFolderId}`);
    }
  }

  const sheetIds = new Set<number>();
  for (const sheet of seed.sheets) {
    sheetIds.add(sheet.id);
    checkId(sheet.id, `sheet ${sheet.name}`);
    if (sheet.workspaceId !== undefined && sheet.folderId !== undefined) {
      problems.push(`sheet ${sheet.name}: both workspaceId and folderId set`);
    }
    if (sheet.workspaceId !== undefined && !workspaceIds.has(sheet.workspaceId)) {
      problems.push(`sheet ${sheet.name}: unknown workspace ${sheet.workspaceId}`);
    }
    if (sheet.folderId !== undefined && !folderIds.has(sheet.folderId)) {
      problems.push(`sheet ${sheet.name}: unknown folder ${sheet.folderId}`);
    }
    knownUser(sheet.ownerEmail, `sheet ${sheet.name} owner`);
    for (const share of sheet.shares) knownUser(share.email, `sheet ${sheet.name} share`);
    problems.push(...sheetProblems(sheet, checkId, knownUser));
  }

  for (const [sheetId, editors] of Object.entries(seed.authorizedEditors ?? {})) {
    if (!sheetIds.has(Number(sheetId))) problems.push(`authorizedEditors: unknown sheet ${sheetId}`);
    for (const email of editors) knownUser(email, `authorizedEditors of ${sheetId}`);
  }
  for (const email of seed.billingCorrectors ?? []) knownUser(email, 'billingCorrectors');
  if (seed.ledgerlineUserEmail !== undefined) knownUser(seed.ledgerlineUserEmail, 'ledgerlineUserEmail');
  const cus = new Set(seed.catalogue.map((unit) => unit.cu));
  if (cus.size !== seed.catalogue.length) problems.push('catalogue: compatible-unit codes are not unique');
  return problems;
}

function sheetProblems(
  sheet: SeedSheet,
  checkId: (id: number, what: string) => void,
  knownUser: (email: string, what: string) => void,
): string[] {
  const problems: string[] = [];
  const where = `sheet ${sheet.name}`;
  const primaries = sheet.columns.filter((column) => column.primary);
  if (primaries.length !== 1 || primaries[0]?.type !== 'TEXT_NUMBER') {
    problems.push(`${where}: needs exactly one TEXT_NUMBER primary column`);
  }
  const titles = new Set(sheet.columns.map((column) => column.title));
  if (titles.size !== sheet.columns.length) problems.push(`${where}: column titles are not unique`);
  const columns = new Map(sheet.columns.map((column) => [column.id, column]));
  for (const column of sheet.columns) checkId(column.id, `${where} column ${column.title}`);

  for (const row of sheet.rows) {
    checkId(row.id, `${where} row`);
    knownUser(row.createdBy, `${where} row ${row.id} createdBy`);
    knownUser(row.modifiedBy, `${where} row ${row.id} modifiedBy`);
    if (
      !ISO_TIMESTAMP.test(row.createdAt) ||
      !ISO_TIMESTAMP.test(row.modifiedAt) ||
      row.modifiedAt < row.createdAt
    ) {
      problems.push(`${where} row ${row.id}: bad createdAt/modifiedAt`);
    }
    const seen = new Set<number>();
    for (const cell of row.cells) {
      const column = columns.get(cell.columnId);
      if (!column) {
        problems.push(`${where} row ${row.id}: unknown column ${cell.columnId}`);
        continue;
      }
      if (seen.has(cell.columnId)) problems.push(`${where} row ${row.id}: column ${column.title} twice`);
      seen.add(cell.columnId);
      const value = cell.value;
      if (value === undefined) continue;
      const ok =
        column.type === 'CHECKBOX'
          ? typeof value === 'boolean'
          : column.type === 'DATE'
            ? isCalendarDate(value)
            : column.type === 'DATETIME'
              ? typeof value === 'string' && ISO_TIMESTAMP.test(value)
              : column.type === 'PICKLIST'
                ? typeof value === 'string' && (column.options ?? []).includes(value)
                : typeof value !== 'boolean';
      if (!ok)
        problems.push(
          `${where} row ${row.id}: ${JSON.stringify(value)} does not fit ${column.type} ${column.title}`,
        );
    }
  }
  return problems;
}
