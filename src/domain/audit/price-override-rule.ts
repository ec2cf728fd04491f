import { cellText } from '../cell-value.js';
import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { amount, editorLabel, editorSubject, rowLabel, signedAmount } from './finding-wording.js';

// A price that follows its unit changes with one of these; a price that moves alone was overridden.
const UNIT_FIELDS = ['quantity', 'cu', 'workType'] as const;

/**
 * PRICE_OVERRIDE (billing-domain.md §3.3): the price changes while quantity, CU and work type do
 * not (compared as typed between the row before and after). The old price must have been a
 * readable amount: a first price typed into a blank cell is data entry, not an override. MEDIUM.
 */
export const priceOverrideRule: ChangeRule = (change, context): AuditFinding | undefined => {
  if (change.kind !== 'cell' || change.field !== 'price') return undefined;
  const facts = changeFactsOf(change, context);
  const { before, after } = facts;
  if (!before || !after || before.parsed.priceCents === undefined) return undefined;
  if (after.parsed.priceCents === before.parsed.priceCents) return undefined;
  const unitChanged = UNIT_FIELDS.some(
    (field) => cellText(before.values[field]) !== cellText(after.values[field]),
  );
  if (unitChanged) return undefined;
  const unit = `quantity ${before.parsed.quantityText ?? '(blank)'}, CU ${before.parsed.cu ?? '(blank)'}, work type ${before.parsed.workTypeText ?? '(blank)'}`;
  return {
    code: AuditRuleCode.PRICE_OVERRIDE,
    severity: 'MEDIUM',
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.weekEnding ?? null,
    isHistorical: facts.closedWeek !== undefined,
    issueDescription: `${editorSubject(facts.editor)} changed the price on ${rowLabel(change, facts.workRequest)} from ${amount(before.parsed.priceCents)} to ${amount(after.parsed.priceCents ?? null)} (${signedAmount(facts.impact.deltaCents)}) while the unit stayed the same (${unit}): a manual price override.`,
    suggestedFix: `Ask ${editorLabel(facts.editor)} why the price was overridden and check it against the contract rate; if it is not justified, restore ${amount(before.parsed.priceCents)}.`,
    reasons: ['the price changed', 'quantity, CU and work type are unchanged'],
    details: {
      oldPriceCents: before.parsed.priceCents,
      newPriceCents: after.parsed.priceCents ?? null,
    },
  };
};
