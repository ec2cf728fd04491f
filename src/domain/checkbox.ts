import type { CellValue } from './cell-value.js';

// billing-domain.md §1.3: these spellings, case-insensitively, mean checked.
const CHECKED_WORDS = new Set(['true', 'checked', 'yes', 'y', '1', 'on']);

/**
 * Whether a CHECKBOX cell is checked (billing-domain.md §1.3): boolean `true`, the number 1, or
 * the text `true/checked/yes/y/1/on` in any case. Everything else, blanks included, is unchecked:
 * a checkbox has no "unreadable" state, and unchecked is the safe side for billing.
 */
export function parseCheckbox(value: CellValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'string') return CHECKED_WORDS.has(value.trim().toLowerCase());
  return false;
}
