// The change audit of one synced sheet (billing-domain.md §3): attribute each change through cell
// history, judge it with the rule catalogue, and append the events to the hash-chained trail —
// before the sheet's snapshots move on, so a crash in between re-derives the same changes and the
// natural keys drop the repeats (DESIGN.md invariant 3).
import { isWatchedChange } from '../domain/audit/attributed-change.js';
import { auditEventsFor } from '../domain/audit/audit-event.js';
import type { AuditContext } from '../domain/audit/audit-context.js';
import { duplicateUnitEvents, duplicateUnitFindings } from '../domain/audit/duplicate-unit-rule.js';
import type { SheetDirectory } from '../domain/audit/duplicate-unit-rule.js';
import { findingsFor } from '../domain/audit/findings-for-change.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { BillableRow } from '../domain/billable-rule.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import { attributeChanges } from './attribute-changes.js';
import type { SheetSyncResult } from './sync-source-sheets.js';

export interface SheetAuditResult {
  /** Attributed changes judged (a cell edited twice since the last sync counts twice). */
  changes: number;
  historyCalls: number;
  /** Events newly stored (repeats of stored events are not counted). */
  events: ChainedAuditEvent[];
}

export async function auditSheetChanges(
  deps: { source: BillingSheets; audit: AuditStore },
  result: SheetSyncResult,
  context: AuditContext,
): Promise<SheetAuditResult> {
  const attribution = await attributeChanges(deps.source, result);
  const changes = attribution.changes.filter(isWatchedChange);
  const events = changes.flatMap((change) => auditEventsFor(change, findingsFor(change, context), context));
  const stored = events.length > 0 ? await deps.audit.appendEvents(events) : [];
  return { changes: changes.length, historyCalls: attribution.historyCalls, events: stored };
}

/**
 * DUPLICATE_UNIT across every billable row of every sheet: a state of the sheets rather than a
 * change, found each run and stored once per duplicated pair (its natural key is stable).
 */
export async function auditDuplicateUnits(
  audit: AuditStore,
  billable: readonly BillableRow[],
  context: AuditContext,
  sheets: SheetDirectory,
): Promise<ChainedAuditEvent[]> {
  const events = duplicateUnitEvents(duplicateUnitFindings(billable, context, sheets), context, sheets);
  return events.length > 0 ? audit.appendEvents(events) : [];
}
