// Recognising the change an approved correction authorised (issue #12): when the audit later sees
// a closed-week cell change, it is an AUTHORIZED_CORRECTION — not a POST_CLOSE_EDIT — only if an
// approved request named the same sheet, row and field, the cell now holds the requested value,
// and the change happened within a window after the approval. Anything else stays a finding.
import type { AttributedChange } from '../audit/attributed-change.js';
import { isCorrectableField } from './correction-request.js';
import { correctionValueKey } from './correction-request.js';
import type { ApprovedCorrection } from './correction-state.js';

/** How long after its approval a change may still be matched to a request (default 24 h). */
export const DEFAULT_CORRECTION_MATCH_WINDOW_MS = 24 * 3_600_000;

/**
 * Smartsheet's clock and ours may differ: a change stamped up to this long before the approval
 * (by Smartsheet's clock) still counts as after it. Five minutes, like the sync's skew margin.
 */
export const CORRECTION_MATCH_SKEW_MS = 5 * 60_000;

/**
 * The approved request a cell change carries out, if any: same sheet, row and field, the new cell
 * value reads as the requested value (`1234.5` and `$1,234.50` are the same price), and `changedAt`
 * falls within [approval − skew, approval + window]. When several match, the latest approval wins.
 */
export function matchingCorrection(
  change: AttributedChange,
  corrections: readonly ApprovedCorrection[] | undefined,
  windowMs: number = DEFAULT_CORRECTION_MATCH_WINDOW_MS,
): ApprovedCorrection | undefined {
  if (!corrections || corrections.length === 0) return undefined;
  if (change.kind !== 'cell' || change.field === undefined || !isCorrectableField(change.field))
    return undefined;
  const field = change.field;
  const observed = correctionValueKey(field, change.newValue);
  if (observed === undefined) return undefined;
  const at = change.changedAt.getTime();
  let best: ApprovedCorrection | undefined;
  for (const correction of corrections) {
    if (correction.sheetId !== change.sheetId || correction.rowId !== change.rowId) continue;
    if (correction.field !== field) continue;
    if (correctionValueKey(field, correction.newValue) !== observed) continue;
    const approved = correction.approvedAt.getTime();
    if (at < approved - CORRECTION_MATCH_SKEW_MS || at > approved + windowMs) continue;
    if (!best || approved > best.approvedAt.getTime()) best = correction;
  }
  return best;
}
