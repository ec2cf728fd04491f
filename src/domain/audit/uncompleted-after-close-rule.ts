import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { amount, columnLabel, editorSubject, rowLabel, signedAmount, weekLabel } from './finding-wording.js';
import { severityForImpact } from './severity-band.js';

/**
 * UNCOMPLETED_AFTER_CLOSE (billing-domain.md §3.3): "completed" is unchecked on a row that was
 * billed in a closed week, taking its price off a bill already sent. Severity by impact band;
 * Δ = −price (§3.2).
 */
export const uncompletedAfterCloseRule: ChangeRule = (change, context): AuditFinding | undefined => {
  if (change.kind !== 'cell' || change.field !== 'completed') return undefined;
  const facts = changeFactsOf(change, context);
  const { before, after } = facts;
  if (!before?.billable || after?.parsed.completed !== false) return undefined;
  if (facts.closedWeek === undefined || facts.closedWeekTouch !== 'row-in-closed-week') return undefined;
  return {
    code: AuditRuleCode.UNCOMPLETED_AFTER_CLOSE,
    severity: severityForImpact(facts.impact.deltaCents, context.bands),
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.closedWeek,
    isHistorical: true,
    issueDescription: `${editorSubject(facts.editor)} unchecked ${columnLabel(change)} on ${rowLabel(change, facts.workRequest)} after ${weekLabel(facts.closedWeek)} was billed; impact ${signedAmount(facts.impact.deltaCents)}.`,
    suggestedFix: `If the unit was completed, check the box again; if it was billed in error, confirm with the foreman and issue a credit of ${amount(before.outcome.billable ? before.outcome.row.priceCents : null)} for ${weekLabel(facts.closedWeek)}.`,
    reasons: [
      'the row was billable (completed) before the change',
      'completed is unchecked after the change',
      `its week ending ${facts.closedWeek} was closed when the change was made`,
    ],
    details: { closedWeekEnding: facts.closedWeek },
  };
};
