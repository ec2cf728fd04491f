// Who may see and change what. Sheet access comes from ownership, the sheet's own shares and the
// shares of the workspace that holds it (directly or through folders), as in Smartsheet. A system
// admin (seed `admin: true`) sees everything, as the seed contract says.
import type { AccessLevel } from '../seed/seed-data.js';
import type { EmulatorState } from '../state/emulator-state.js';
import type { SheetRecord, ShareRecord, UserRecord, WorkspaceRecord } from '../state/state-types.js';

const RANK: Readonly<Record<AccessLevel, number>> = {
  VIEWER: 1,
  COMMENTER: 2,
  EDITOR: 3,
  EDITOR_SHARE: 4,
  ADMIN: 5,
  OWNER: 6,
};

export function atLeast(level: AccessLevel | undefined, minimum: AccessLevel): boolean {
  return level !== undefined && RANK[level] >= RANK[minimum];
}

function higher(a: AccessLevel | undefined, b: AccessLevel | undefined): AccessLevel | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

function shareLevel(shares: readonly ShareRecord[], email: string): AccessLevel | undefined {
  const lower = email.toLowerCase();
  let best: AccessLevel | undefined;
  for (const share of shares) {
    if (share.email.toLowerCase() === lower) best = higher(best, share.accessLevel);
  }
  return best;
}

export function workspaceAccessLevel(workspace: WorkspaceRecord, user: UserRecord): AccessLevel | undefined {
  if (workspace.ownerEmail.toLowerCase() === user.email.toLowerCase()) return 'OWNER';
  const shared = shareLevel(workspace.shares, user.email);
  return user.admin ? higher(shared, 'ADMIN') : shared;
}

/** The workspace a sheet or folder lives in, following parent folders. */
export function workspaceOfFolder(
  state: EmulatorState,
  folderId: number | undefined,
): WorkspaceRecord | undefined {
  const seen = new Set<number>();
  let current = folderId === undefined ? undefined : state.folders.get(folderId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.workspaceId !== undefined) return state.workspaces.get(current.workspaceId);
    current = current.parentFolderId === undefined ? undefined : state.folders.get(current.parentFolderId);
  }
  return undefined;
}

export function workspaceOfSheet(state: EmulatorState, sheet: SheetRecord): WorkspaceRecord | undefined {
  if (sheet.workspaceId !== undefined) return state.workspaces.get(sheet.workspaceId);
  return workspaceOfFolder(state, sheet.folderId);
}

export function sheetAccessLevel(
  state: EmulatorState,
  sheet: SheetRecord,
  user: UserRecord,
): AccessLevel | undefined {
  if (sheet.ownerEmail.toLowerCase() === user.email.toLowerCase()) return 'OWNER';
  let best = shareLevel(sheet.shares, user.email);
  const workspace = workspaceOfSheet(state, sheet);
  if (workspace) {
    // A workspace owner administers the sheets inside; the sheet keeps its own owner.
    const inherited = workspaceAccessLevel(workspace, user);
    best = higher(best, inherited === 'OWNER' ? 'ADMIN' : inherited);
  }
  return user.admin ? higher(best, 'ADMIN') : best;
}
