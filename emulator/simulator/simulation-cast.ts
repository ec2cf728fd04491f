// Who plays which part in a simulation, read from the seed: the authorised editors of each sheet (crew
// and billing office, from `authorizedEditors`), those of them without `billing.correct` (whose late
// changes are suspicious), people who can edit a sheet but are not authorised, and the automation
// identity. Only users with a live token act.
import type { SeedData, SeedUser } from '../seed/seed-data.js';

const EDITING_ACCESS = new Set(['OWNER', 'ADMIN', 'EDITOR', 'EDITOR_SHARE']);

export interface SimulationCast {
  tokenOf(email: string): string | undefined;
  userOf(email: string): SeedUser | undefined;
  /** The account that reads sheets for the simulator (reads leave no trace in history). */
  reader: SeedUser;
  authorised(sheetId: number): string[];
  /** Authorised editors without `billing.correct`: a change they make to a billed week is a POST_CLOSE_EDIT. */
  nonCorrectors(sheetId: number): string[];
  /** Editors with edit access to the sheet who are not on its authorised list. */
  outsiders(sheetId: number): string[];
  automation?: SeedUser;
}

export function buildCast(seed: SeedData): SimulationCast {
  const users = new Map(seed.users.map((user) => [user.email, user]));
  const active = (email: string): boolean => {
    const user = users.get(email);
    return user !== undefined && !user.expired && !user.automation;
  };
  const correctors = new Set(seed.billingCorrectors ?? []);
  const sheets = new Map(seed.sheets.map((sheet) => [sheet.id, sheet]));
  const editorsOf = (sheetId: number): string[] =>
    (sheets.get(sheetId)?.shares ?? [])
      .filter((share) => EDITING_ACCESS.has(share.accessLevel) && active(share.email))
      .map((share) => share.email);
  const authorised = (sheetId: number): string[] => {
    const listed = seed.authorizedEditors?.[String(sheetId)];
    // Without a configured list every editor counts as authorised, as Ledgerline would treat it.
    return (listed ?? editorsOf(sheetId)).filter(active);
  };

  const reader =
    (seed.ledgerlineUserEmail !== undefined ? users.get(seed.ledgerlineUserEmail) : undefined) ??
    seed.users.find((user) => user.admin && !user.expired);
  if (!reader)
    throw new Error('the seed has no account to read sheets with (ledgerlineUserEmail or an admin)');
  const automation = seed.users.find((user) => user.automation && !user.expired);

  const cast: SimulationCast = {
    tokenOf: (email) => users.get(email)?.token,
    userOf: (email) => users.get(email),
    reader,
    authorised,
    nonCorrectors: (sheetId) => authorised(sheetId).filter((email) => !correctors.has(email)),
    outsiders: (sheetId) => {
      const allowed = new Set(authorised(sheetId));
      // Owners and administrators are left out: an unknown "editor" is the realistic case.
      return (sheets.get(sheetId)?.shares ?? [])
        .filter(
          (share) =>
            (share.accessLevel === 'EDITOR' || share.accessLevel === 'EDITOR_SHARE') && active(share.email),
        )
        .map((share) => share.email)
        .filter((email) => !allowed.has(email) && email !== seed.ledgerlineUserEmail);
    },
  };
  if (automation) cast.automation = automation;
  return cast;
}
