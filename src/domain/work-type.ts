import type { CellValue } from './cell-value.js';

/** The kind of work a unit was billed for; it selects which contract price applies. */
export type WorkType = 'install' | 'removal' | 'transfer' | 'unknown';

// billing-domain.md §1.3: the shortest prefixes that tell the work types apart.
const WORK_TYPE_PREFIXES: ReadonlyArray<readonly [string, WorkType]> = [
  ['inst', 'install'],
  ['rem', 'removal'],
  ['tran', 'transfer'],
  ['xfr', 'transfer'],
];

/**
 * Reads the free-text Work Type (billing-domain.md §1.3) by prefix, case-insensitively:
 * `Inst`, `Install`, `INSTALLATION` → install; `Rem`, `Removal` → removal; `Trans`, `Transfer`,
 * `Xfr` → transfer. Anything else, including blanks and shorter prefixes such as `in`, is unknown.
 */
export function parseWorkType(value: CellValue): WorkType {
  if (typeof value !== 'string') return 'unknown';
  const text = value.trim().toLowerCase();
  for (const [prefix, workType] of WORK_TYPE_PREFIXES) {
    if (text.startsWith(prefix)) return workType;
  }
  return 'unknown';
}
