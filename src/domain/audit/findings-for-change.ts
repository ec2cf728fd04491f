// The per-change rule catalogue (billing-domain.md §3.3) and the one entry point that applies it.
import type { AttributedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';
import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { authorizedCorrectionRule } from './authorized-correction-rule.js';
import { billedRowDeletedRule } from './billed-row-deleted-rule.js';
import { dataQualityRule } from './data-quality-rule.js';
import { postCloseEditRule } from './post-close-edit-rule.js';
import { priceOverrideRule } from './price-override-rule.js';
import { priceRateMismatchRule } from './price-rate-mismatch-rule.js';
import { unauthorizedEditorRule } from './unauthorized-editor-rule.js';
import { uncompletedAfterCloseRule } from './uncompleted-after-close-rule.js';
import { weekMovedRule } from './week-moved-rule.js';

/**
 * The rules judged for every change, in the order of the §3.3 table. DUPLICATE_UNIT is not here:
 * it looks at all billable rows at once (duplicate-unit-rule.ts).
 */
export const CHANGE_RULES: readonly ChangeRule[] = [
  postCloseEditRule,
  authorizedCorrectionRule,
  billedRowDeletedRule,
  uncompletedAfterCloseRule,
  weekMovedRule,
  priceRateMismatchRule,
  priceOverrideRule,
  unauthorizedEditorRule,
  dataQualityRule,
];

// These name a post-close edit precisely; when one fires, POST_CLOSE_EDIT would only repeat it.
const SPECIFIC_POST_CLOSE_CODES: ReadonlySet<string> = new Set([
  AuditRuleCode.UNCOMPLETED_AFTER_CLOSE,
  AuditRuleCode.WEEK_MOVED,
]);

/**
 * Every finding one change raises: a change can raise several (a non-corrector overriding a price
 * in a closed week from off the sheet's list: POST_CLOSE_EDIT + PRICE_OVERRIDE +
 * UNAUTHORIZED_EDITOR). One overlap is removed: when UNCOMPLETED_AFTER_CLOSE or WEEK_MOVED fires,
 * the generic POST_CLOSE_EDIT for the same change is dropped, since it describes the same edit with
 * the same impact and would double the alert. A benign change (open week, authorised editor, price
 * on contract, clean data) raises nothing.
 */
export function findingsFor(change: AttributedChange, context: AuditContext): AuditFinding[] {
  const findings = CHANGE_RULES.flatMap((rule) => rule(change, context) ?? []);
  const specific = findings.some((finding) => SPECIFIC_POST_CLOSE_CODES.has(finding.code));
  return specific ? findings.filter((finding) => finding.code !== AuditRuleCode.POST_CLOSE_EDIT) : findings;
}
