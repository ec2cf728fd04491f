import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { closedWeekEvidence, closedWeekPhrase, isClosedWeekEdit } from './closed-week-edit.js';
import { matchingCorrection } from '../corrections/correction-match.js';
import { cellLabel, editorLabel, editorSubject, signedAmount } from './finding-wording.js';
import { severityForImpact } from './severity-band.js';

/**
 * POST_CLOSE_EDIT (billing-domain.md §3.3): a billing field of a row in a closed week changes, by
 * someone without `billing.correct` (an unknown editor included), unless it carries out an approved
 * correction request (issue #12; then AUTHORIZED_CORRECTION judges it). Severity by impact band.
 */
export const postCloseEditRule: ChangeRule = (change, context): AuditFinding | undefined => {
  const facts = changeFactsOf(change, context);
  if (!isClosedWeekEdit(change, facts) || facts.editor.corrector) return undefined;
  if (matchingCorrection(change, context.approvedCorrections, context.correctionMatchWindowMs))
    return undefined;
  const evidence = closedWeekEvidence(facts);
  const restore =
    change.kind === 'row-created'
      ? 'delete the row or move it to an open week'
      : `restore ${cellLabel(change.oldValue)}`;
  return {
    code: AuditRuleCode.POST_CLOSE_EDIT,
    severity: severityForImpact(facts.impact.deltaCents, context.bands),
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.closedWeek ?? null,
    isHistorical: true,
    issueDescription: `${editorSubject(facts.editor)} ${closedWeekPhrase(change, facts)}; impact ${signedAmount(facts.impact.deltaCents)}.`,
    suggestedFix: `Confirm the change with ${editorLabel(facts.editor)}. If it is a genuine correction, have someone with billing.correct approve it and re-issue the week's report; otherwise ${restore}.`,
    reasons: [...evidence.reasons, 'the editor does not hold billing.correct'],
    details: evidence.details,
  };
};
