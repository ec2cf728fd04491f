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
import type { AuditEventRecord, ChainedAuditEvent } from '../domain/audit-chain.js';
import { withAssessment } from '../domain/risk/assess-change.js';
import type { ChangeAssessment } from '../domain/risk/assess-change.js';
import { observeChange } from '../domain/risk/change-observation.js';
import type { ChangeObservation } from '../domain/risk/change-observation.js';
import type { BillableRow } from '../domain/billable-rule.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import { attributeChanges } from './attribute-changes.js';
import type { RiskScorer } from './score-changes.js';
import type { SheetSyncResult } from './sync-source-sheets.js';

export interface SheetAuditResult {
  /** Attributed changes judged (a cell edited twice since the last sync counts twice). */
  changes: number;
  historyCalls: number;
  /** Events newly stored (repeats of stored events are not counted). */
  events: ChainedAuditEvent[];
}

/**
 * With a risk scorer, every watched change is also observed and scored (§3.5): its events carry the
 * scores and explanation, and the change itself is stored for the model — after the events, so a
 * crash in between re-derives both and each store drops what it already has.
 */
export async function auditSheetChanges(
  deps: { source: BillingSheets; audit: AuditStore; scorer?: RiskScorer | undefined },
  result: SheetSyncResult,
  context: AuditContext,
): Promise<SheetAuditResult> {
  const attribution = await attributeChanges(deps.source, result);
  const changes = attribution.changes.filter(isWatchedChange);
  const judged = changes.map((change) => ({ change, findings: findingsFor(change, context) }));
  const scorer = deps.scorer;
  let events: AuditEventRecord[];
  let observations: ChangeObservation[] = [];
  let assessments: ChangeAssessment[] = [];
  if (scorer) {
    observations = judged.map(({ change, findings }) => observeChange(change, findings, context));
    assessments = await scorer.assess(observations);
    events = judged.flatMap(({ change, findings }, i) =>
      auditEventsFor(change, findings, context).map((event) =>
        withAssessment(event, assessments[i]!, scorer.weights),
      ),
    );
  } else {
    events = judged.flatMap(({ change, findings }) => auditEventsFor(change, findings, context));
  }
  const stored = events.length > 0 ? await deps.audit.appendEvents(events) : [];
  if (scorer) await scorer.record(observations, assessments);
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
