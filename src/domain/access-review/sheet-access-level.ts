// Smartsheet's access levels on a sheet (smartsheet-api.md §4.1), ranked, for the access review
// (billing-domain.md §4): who may only look, who may change billing cells, who may re-share.

/** Every level, lowest first. COMMENTER is only reported with accessApiLevel=1. */
export const SHEET_ACCESS_LEVELS = [
  'VIEWER',
  'COMMENTER',
  'EDITOR',
  'EDITOR_SHARE',
  'ADMIN',
  'OWNER',
] as const;

export type SheetAccessLevel = (typeof SHEET_ACCESS_LEVELS)[number];

/** A level's place: VIEWER 0 … OWNER 5. */
export function accessRank(level: SheetAccessLevel): number {
  return SHEET_ACCESS_LEVELS.indexOf(level);
}

export function isSheetAccessLevel(value: unknown): value is SheetAccessLevel {
  return typeof value === 'string' && (SHEET_ACCESS_LEVELS as readonly string[]).includes(value);
}

/** The highest of some levels; undefined for none. */
export function highestAccess(levels: Iterable<SheetAccessLevel>): SheetAccessLevel | undefined {
  let best: SheetAccessLevel | undefined;
  for (const level of levels) if (best === undefined || accessRank(level) > accessRank(best)) best = level;
  return best;
}

/** Levels that can change who else has access (share, administer, own): high privilege. */
export function isPrivilegedAccess(level: SheetAccessLevel): boolean {
  return accessRank(level) >= accessRank('EDITOR_SHARE');
}

/** Levels that can change cell values, and so billed money. */
export function canEditCells(level: SheetAccessLevel): boolean {
  return accessRank(level) >= accessRank('EDITOR');
}
