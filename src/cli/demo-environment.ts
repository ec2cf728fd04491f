// Reads what Ledgerline needs to know about an emulator workspace from the seed it was started with:
// which workspaces hold the source sheets, the target and audit sheets, and the token to use.
import type { SeedData } from '../../emulator/seed/seed-data.js';

export interface SeedEnvironment {
  token: string;
  sourceWorkspaceIds: number[];
  targetSheetId: number | undefined;
  auditSheetId: number | undefined;
}

export function seedEnvironment(seed: SeedData): SeedEnvironment {
  const folders = new Map(seed.folders.map((f) => [f.id, f]));
  const workspaceOfFolder = (id: number | undefined): number | undefined => {
    for (
      let folder = id === undefined ? undefined : folders.get(id);
      folder;
      folder = folders.get(folder.parentFolderId ?? -1)
    ) {
      if (folder.workspaceId !== undefined) return folder.workspaceId;
    }
    return undefined;
  };
  const workspaces = new Set<number>();
  for (const sheet of seed.sheets.filter((s) => s.role === 'source')) {
    const workspace = sheet.workspaceId ?? workspaceOfFolder(sheet.folderId);
    if (workspace !== undefined) workspaces.add(workspace);
  }
  const user =
    seed.users.find((u) => u.email === seed.ledgerlineUserEmail) ??
    seed.users.find((u) => u.admin && !u.expired);
  if (!user) throw new Error(`seed ${seed.seed} has no user Ledgerline can work as`);
  return {
    token: user.token,
    sourceWorkspaceIds: [...workspaces].sort((a, b) => a - b),
    targetSheetId: seed.sheets.find((s) => s.role === 'target')?.id,
    auditSheetId: seed.sheets.find((s) => s.role === 'audit')?.id,
  };
}

/** The LEDGERLINE_* variables that point Ledgerline at an emulator seeded with `seed`. */
export function emulatorVariables(seed: SeedData, baseUrl: string): Record<string, string> {
  const env = seedEnvironment(seed);
  return {
    LEDGERLINE_SMARTSHEET_BASE_URL: baseUrl,
    SMARTSHEET_API_TOKEN: env.token,
    LEDGERLINE_SOURCE_WORKSPACE_IDS: env.sourceWorkspaceIds.join(','),
    ...(env.targetSheetId ? { LEDGERLINE_TARGET_SHEET_ID: String(env.targetSheetId) } : {}),
    ...(env.auditSheetId ? { LEDGERLINE_AUDIT_SHEET_ID: String(env.auditSheetId) } : {}),
  };
}
