import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { changePhrase, editorLabel, editorSubject, signedAmount } from './finding-wording.js';

/**
 * UNAUTHORIZED_EDITOR (billing-domain.md §3.3): someone not on the sheet's authorised-editor list
 * changes a billing field (or adds or deletes a billing row). An unknown editor is on no list.
 * Automation identities are judged too: list them if their edits are expected. HIGH. Off when no
 * list is configured for the sheet.
 */
export const unauthorizedEditorRule: ChangeRule = (change, context): AuditFinding | undefined => {
  const facts = changeFactsOf(change, context);
  if (!facts.watched || facts.editor.authorised !== false) return undefined;
  const who = editorLabel(facts.editor);
  return {
    code: AuditRuleCode.UNAUTHORIZED_EDITOR,
    severity: 'HIGH',
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.weekEnding ?? null,
    isHistorical: facts.closedWeek !== undefined,
    issueDescription: `${editorSubject(facts.editor)}, who is not on the authorised-editor list of "${change.sheetName}", ${changePhrase(change, facts.workRequest)}; impact ${signedAmount(facts.impact.deltaCents)}.`,
    suggestedFix:
      facts.editor.email === null
        ? 'Find out from the sheet owner who made this change (Smartsheet did not say), then review it.'
        : `Confirm whether ${who} should edit this sheet: add them to its authorised-editor list, or remove their access and review the change.`,
    reasons: [
      facts.editor.email === null
        ? 'the editor is unknown, so not on the list'
        : `${facts.editor.email} is not on the sheet's authorised-editor list`,
    ],
    details: {},
  };
};
