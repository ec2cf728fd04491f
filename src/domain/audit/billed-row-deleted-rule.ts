import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { amount, editorLabel, rowLabel, signedAmount, unitLabel, weekLabel } from './finding-wording.js';
import { atLeast, severityForImpact } from './severity-band.js';

/**
 * BILLED_ROW_DELETED (billing-domain.md §3.3): a billable row of a closed week disappears.
 * HIGH, CRITICAL when the price reaches the critical band. Δ = −price (§3.2).
 */
export const billedRowDeletedRule: ChangeRule = (change, context): AuditFinding | undefined => {
  if (change.kind !== 'row-deleted') return undefined;
  const facts = changeFactsOf(change, context);
  const before = facts.before;
  if (!before?.outcome.billable || facts.closedWeek === undefined) return undefined;
  const { priceCents } = before.outcome.row;
  return {
    code: AuditRuleCode.BILLED_ROW_DELETED,
    severity: atLeast('HIGH', severityForImpact(facts.impact.deltaCents, context.bands)),
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.closedWeek,
    isHistorical: true,
    issueDescription: `Billable ${rowLabel(change, facts.workRequest)}, ${unitLabel(before.parsed)} for ${amount(priceCents)} in ${weekLabel(facts.closedWeek)}, was deleted after the week closed (deleted by ${editorLabel(facts.editor)}); impact ${signedAmount(facts.impact.deltaCents)}.`,
    suggestedFix: `Restore the row (Smartsheet's deleted-rows history or Ledgerline's last snapshot hold its values), or confirm with the Work Request owner that the unit was billed in error and issue a credit of ${amount(priceCents)}.`,
    reasons: [
      'the row was billable before it disappeared',
      `its week ending ${facts.closedWeek} was closed when it disappeared`,
    ],
    details: { deletedPriceCents: priceCents, closedWeekEnding: facts.closedWeek },
  };
};
