// Which sheets Ledgerline locks billed weeks on (issue #12): off by default until an admin turns it
// on, for every source sheet or for a list of sheet ids.
import { fail, ok } from '../result.js';
import type { Result } from '../result.js';

export type LockingScope =
  | { readonly kind: 'off' }
  | { readonly kind: 'all' }
  | { readonly kind: 'sheets'; readonly sheetIds: ReadonlySet<number> };

export const LOCKING_OFF: LockingScope = { kind: 'off' };

/**
 * Reads `off`, `all` or a comma-separated list of sheet ids (blank means off). Anything else is a
 * failure naming the bad part, so a typo never silently locks nothing or everything.
 */
export function parseLockingScope(text: string | undefined): Result<LockingScope> {
  const trimmed = (text ?? '').trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'off') return ok(LOCKING_OFF);
  if (trimmed.toLowerCase() === 'all') return ok({ kind: 'all' });
  const ids = new Set<number>();
  for (const part of trimmed.split(',')) {
    const piece = part.trim();
    if (!/^\d{1,16}$/.test(piece) || Number(piece) === 0)
      return fail(`"${piece}" is not a sheet id (expected off, all, or sheet ids separated by commas)`);
    ids.add(Number(piece));
  }
  return ok({ kind: 'sheets', sheetIds: ids });
}

/** Whether billed weeks on this sheet are locked. */
export function lockingAppliesTo(scope: LockingScope, sheetId: number): boolean {
  if (scope.kind === 'off') return false;
  return scope.kind === 'all' || scope.sheetIds.has(sheetId);
}

/** The scope as the config key spells it, for the summary and `lock status`. */
export function describeLockingScope(scope: LockingScope): string {
  if (scope.kind !== 'sheets') return scope.kind;
  return [...scope.sheetIds].sort((a, b) => a - b).join(',');
}
