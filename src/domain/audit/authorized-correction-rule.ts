import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { closedWeekEvidence, closedWeekPhrase, isClosedWeekEdit } from './closed-week-edit.js';
import { editorSubject, signedAmount, weekLabel } from './finding-wording.js';
import { matchingCorrection } from '../corrections/correction-match.js';

/**
 * AUTHORIZED_CORRECTION (billing-domain.md §3.3): the change POST_CLOSE_EDIT describes, made by
 * someone holding `billing.correct`, or carrying out an approved correction request (issue #12:
 * same sheet, row, field and value, soon after the approval; `details.correctionRequestId` links
 * it to the request). Always INFO: it is recorded, not alarmed.
 */
export const authorizedCorrectionRule: ChangeRule = (change, context): AuditFinding | undefined => {
  const facts = changeFactsOf(change, context);
  if (!isClosedWeekEdit(change, facts)) return undefined;
  const request = matchingCorrection(change, context.approvedCorrections, context.correctionMatchWindowMs);
  if (!facts.editor.corrector && !request) return undefined;
  const evidence = closedWeekEvidence(facts);
  if (request) {
    return {
      code: AuditRuleCode.AUTHORIZED_CORRECTION,
      severity: 'INFO',
      deltaCents: facts.impact.deltaCents,
      weekEnding: facts.closedWeek ?? null,
      isHistorical: true,
      issueDescription: `${editorSubject(facts.editor)} ${closedWeekPhrase(change, facts)}, carrying out correction request ${request.requestId} (requested by ${request.requestedBy}, approved by ${request.approvedBy}); impact ${signedAmount(facts.impact.deltaCents)}.`,
      suggestedFix: `No action needed; check that the re-issued report for ${weekLabel(facts.closedWeek)} shows the corrected amount.`,
      reasons: [
        ...evidence.reasons,
        `the change carries out approved correction request ${request.requestId}`,
      ],
      details: {
        ...evidence.details,
        correctionRequestId: request.requestId,
        correctionApprovedBy: request.approvedBy,
        correctionApprovedAt: request.approvedAt.toISOString(),
      },
    };
  }
  return {
    code: AuditRuleCode.AUTHORIZED_CORRECTION,
    severity: 'INFO',
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.closedWeek ?? null,
    isHistorical: true,
    issueDescription: `${editorSubject(facts.editor)}, who holds billing.correct, ${closedWeekPhrase(change, facts)}; impact ${signedAmount(facts.impact.deltaCents)}.`,
    suggestedFix: `No action needed if the correction was expected; check that the re-issued report for ${weekLabel(facts.closedWeek)} shows the corrected amount.`,
    reasons: [...evidence.reasons, 'the editor holds billing.correct'],
    details: evidence.details,
  };
};
