// What every rule asks about a change, worked out once: the rows on both sides, the impact, the
// editor's standing and whether a closed (billed) week is touched (billing-domain.md §1.5, §3.3).
import type { IsoDate } from '../calendar-date.js';
import { isWeekClosed } from '../week-close.js';
import type { AttributedChange } from './attributed-change.js';
import { isWatchedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';
import { changeRowsOf } from './change-rows.js';
import type { RowState } from './change-rows.js';
import { editorStandingOf } from './editor-standing.js';
import type { EditorStanding } from './editor-standing.js';
import { financialImpactOf } from './financial-impact.js';
import type { FinancialImpact } from './financial-impact.js';

/** How a change touches a closed week. */
export type ClosedWeekTouch =
  /** The row was in the closed week (for a created row: it lands in one). */
  | 'row-in-closed-week'
  /** The row was in no closed week but the change moved it into one. */
  | 'moved-into-closed-week';

/** The facts the rules judge a change by. */
export interface ChangeFacts {
  readonly before: RowState | undefined;
  readonly after: RowState | undefined;
  readonly impact: FinancialImpact;
  readonly editor: EditorStanding;
  /** A watched billing field, or a row creation or deletion (§3.1). */
  readonly watched: boolean;
  /** The row's week before and after the change (regrouped, §1.5). */
  readonly weekBefore: IsoDate | undefined;
  readonly weekAfter: IsoDate | undefined;
  /** The closed week the change touches, judged at `changedAt`; undefined when none is. */
  readonly closedWeek: IsoDate | undefined;
  readonly closedWeekTouch: ClosedWeekTouch | undefined;
  /** The week an event about the change is filed under: the closed week, else the row's week. */
  readonly weekEnding: IsoDate | undefined;
  /** The Work Request the change concerns: the row's before the change, else after. */
  readonly workRequest: string | undefined;
}

const cache = new WeakMap<AttributedChange, WeakMap<AuditContext, ChangeFacts>>();

/**
 * The facts of a change. "Closed week" follows the brief for edits: the row's week before the
 * change (the old week when the week itself changed) is closed at `changedAt` (week-close.ts). A
 * created row is judged by the week it lands in, a deleted one by the week it leaves.
 * **Decision**: a change that moves a row *into* a closed week (from an open week or from none)
 * also touches that closed week, since it changes what that billed week adds up to; WEEK_MOVED
 * covers the opposite direction.
 */
export function changeFactsOf(change: AttributedChange, context: AuditContext): ChangeFacts {
  let byContext = cache.get(change);
  if (!byContext) {
    byContext = new WeakMap();
    cache.set(change, byContext);
  }
  let facts = byContext.get(context);
  if (!facts) {
    facts = computeFacts(change, context);
    byContext.set(context, facts);
  }
  return facts;
}

function computeFacts(change: AttributedChange, context: AuditContext): ChangeFacts {
  const { before, after } = changeRowsOf(change, context);
  const weekBefore = before?.week;
  const weekAfter = after?.week;
  const closed = (week: IsoDate | undefined): week is IsoDate =>
    week !== undefined && isWeekClosed(week, change.changedAt, context.weekClose);
  let closedWeek: IsoDate | undefined;
  let closedWeekTouch: ClosedWeekTouch | undefined;
  if (change.kind === 'row-created') {
    if (closed(weekAfter)) [closedWeek, closedWeekTouch] = [weekAfter, 'row-in-closed-week'];
  } else if (closed(weekBefore)) {
    [closedWeek, closedWeekTouch] = [weekBefore, 'row-in-closed-week'];
  } else if (change.kind === 'cell' && weekAfter !== weekBefore && closed(weekAfter)) {
    [closedWeek, closedWeekTouch] = [weekAfter, 'moved-into-closed-week'];
  }
  return {
    before,
    after,
    impact: financialImpactOf(change, context),
    editor: editorStandingOf(change, context),
    watched: isWatchedChange(change),
    weekBefore,
    weekAfter,
    closedWeek,
    closedWeekTouch,
    weekEnding: closedWeek ?? weekBefore ?? weekAfter,
    workRequest: before?.parsed.workRequest ?? after?.parsed.workRequest,
  };
}
