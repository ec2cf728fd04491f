// The change POST_CLOSE_EDIT and AUTHORIZED_CORRECTION both judge (billing-domain.md §3.3): a
// billing field of a row in a closed week changes. They differ only in who made it.
import type { JsonObject } from '../audit-chain.js';
import type { AttributedChange } from './attributed-change.js';
import type { ChangeFacts } from './change-facts.js';
import { amount, changePhrase, weekLabel } from './finding-wording.js';

/**
 * True when the change edits billing in a closed week: a watched field of a row whose week was
 * closed at `changedAt` (or that the change moved into a closed week), or a billable row added to
 * a closed week. A deleted row is BILLED_ROW_DELETED's case instead.
 */
export function isClosedWeekEdit(change: AttributedChange, facts: ChangeFacts): boolean {
  if (!facts.watched || facts.closedWeek === undefined) return false;
  if (change.kind === 'row-deleted') return false;
  if (change.kind === 'row-created') return facts.after?.billable === true;
  return true;
}

/** What was done to the closed week, as the middle of an issue sentence. */
export function closedWeekPhrase(change: AttributedChange, facts: ChangeFacts): string {
  const week = weekLabel(facts.closedWeek);
  if (change.kind === 'row-created') {
    const price = facts.after?.outcome.billable ? facts.after.outcome.row.priceCents : null;
    return `${changePhrase(change, facts.workRequest)}, a billable unit of ${amount(price)}, to ${week}, which was already closed`;
  }
  if (facts.closedWeekTouch === 'moved-into-closed-week') {
    return `${changePhrase(change, facts.workRequest)}, moving the row into ${week}, which was already closed`;
  }
  return `${changePhrase(change, facts.workRequest)} after ${week} was closed`;
}

/** The reasons and details both rules record. */
export function closedWeekEvidence(facts: ChangeFacts): { reasons: string[]; details: JsonObject } {
  const reasons = [
    facts.closedWeekTouch === 'moved-into-closed-week'
      ? `the change moved the row into the closed week ending ${facts.closedWeek}`
      : `the row's week ending ${facts.closedWeek} was closed when the change was made`,
  ];
  return {
    reasons,
    details: { closedWeekTouch: facts.closedWeekTouch ?? null, closedWeekEnding: facts.closedWeek ?? null },
  };
}
