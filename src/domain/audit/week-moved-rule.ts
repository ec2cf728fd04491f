import { isWeekClosed } from '../week-close.js';
import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import {
  amount,
  cellLabel,
  changePhrase,
  columnLabel,
  editorSubject,
  signedAmount,
  weekEndingText,
  weekLabel,
} from './finding-wording.js';
import { atLeast, severityForImpact } from './severity-band.js';

/**
 * WEEK_MOVED (billing-domain.md §3.3): the week ending or the snapshot date of a billed row moves
 * it out of a closed week, often an automation re-stamping a date. For the week ending the weeks
 * are the row's (regrouped, §1.5); for the snapshot date, the weeks the old and new dates fall in
 * (the day blocks of the weekly report). MEDIUM at least, higher by impact band; Δ = −price, the
 * price leaving the old week (§3.2), with both weeks in the details.
 */
export const weekMovedRule: ChangeRule = (change, context): AuditFinding | undefined => {
  if (change.kind !== 'cell' || (change.field !== 'weekEnding' && change.field !== 'snapshotDate')) {
    return undefined;
  }
  const facts = changeFactsOf(change, context);
  const { before, impact, editor } = facts;
  const { fromWeek, toWeek } = impact;
  if (!before?.billable || fromWeek === undefined || fromWeek === toWeek) return undefined;
  if (!isWeekClosed(fromWeek, change.changedAt, context.weekClose)) return undefined;
  const toWeekClosed = toWeek !== undefined && isWeekClosed(toWeek, change.changedAt, context.weekClose);
  const price = before.outcome.billable ? before.outcome.row.priceCents : null;
  const destination = toWeek === undefined ? 'leaving it in no week' : `into ${weekLabel(toWeek)}`;
  const restamp = editor.human ? '' : ' (an automation re-stamp)';
  const suggestedFix = editor.human
    ? `Restore ${columnLabel(change)} to ${cellLabel(change.oldValue)} so the unit stays in the billed ${weekEndingText(fromWeek)}; if it truly belongs elsewhere, credit it there and re-issue both weeks' reports.`
    : `Restore ${columnLabel(change)} to ${cellLabel(change.oldValue)} and change the automation so it does not re-stamp dates on rows of closed weeks.`;
  return {
    code: AuditRuleCode.WEEK_MOVED,
    severity: atLeast('MEDIUM', severityForImpact(impact.deltaCents, context.bands)),
    deltaCents: impact.deltaCents,
    weekEnding: fromWeek,
    isHistorical: true,
    issueDescription: `${editorSubject(editor)} ${changePhrase(change, facts.workRequest)}${restamp}, moving ${amount(price)} out of the closed ${weekEndingText(fromWeek)} ${destination}; impact ${signedAmount(impact.deltaCents)} for the closed week.`,
    suggestedFix,
    reasons: [
      'the row was billable before the change',
      `its ${change.field === 'weekEnding' ? 'week' : 'snapshot date week'} changed from ${fromWeek} to ${toWeek ?? 'none'}`,
      `the week ending ${fromWeek} was closed when the change was made`,
      ...(editor.human ? [] : ['the editor is an automation identity']),
    ],
    details: {
      movedBy: change.field,
      fromWeekEnding: fromWeek,
      toWeekEnding: toWeek ?? null,
      toWeekClosed,
      billedWeekEnding: before.week ?? null,
      automationRestamp: !editor.human,
    },
  };
};
