// From findings to stored audit events (billing-domain.md §3.4): one event per finding, with the
// 25 fields, a natural key that makes re-processing idempotent and an id derived from that key.
import { createHash } from 'node:crypto';
import { auditNaturalKey } from '../audit-chain.js';
import type { AuditEventRecord, JsonObject } from '../audit-chain.js';
import { cellText } from '../cell-value.js';
import type { AttributedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';
import type { AuditFinding } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import type { RowState } from './change-rows.js';
import { unitLabel } from './finding-wording.js';

/**
 * The revision an event of a finding is stored under: the change's revision, `#`, the rule code.
 * The store keeps one event per natural key (sheet, row, column, revision); every finding of one
 * change shares sheet, row, column and the change's revision, so without the code the second
 * finding of a change would be dropped as a duplicate of the first. With it, each finding keeps its
 * own event while re-processing the same change still yields the same keys, and is dropped.
 */
export function findingRevision(changeRevision: string, finding: Pick<AuditFinding, 'code'>): string {
  return `${changeRevision}#${finding.code}`;
}

/**
 * A UUID-shaped id derived from an event's natural key: SHA-256 of the key, formatted as an RFC 9562
 * version-8 (custom) UUID. The same change processed twice gets the same id; no randomness.
 */
export function auditEventId(
  event: Pick<AuditEventRecord, 'sheetId' | 'rowId' | 'columnName' | 'revision'>,
): string {
  const hex = createHash('sha256')
    .update(`ledgerline.audit-event.v1\n${auditNaturalKey(event)}`, 'utf8')
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The link to a row: the sheet permalink with `rowId=<id>` added to its query; null without one. */
export function rowReference(sheetPermalink: string | undefined, rowId: number): string | null {
  if (sheetPermalink === undefined || sheetPermalink === '') return null;
  const separator = sheetPermalink.includes('?') ? '&' : '?';
  return `${sheetPermalink}${separator}rowId=${rowId}`;
}

/** Where an event is placed and what it says about its subject, besides the finding itself. */
export interface AuditEventPlacement {
  readonly sheetId: number | null;
  readonly rowId: number | null;
  readonly columnName: string | null;
  /** The subject's revision; the finding's code is appended (see findingRevision). */
  readonly changeRevision: string;
  readonly workRequest: string | null;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly changedBy: string | null;
  readonly changedAt: Date | null;
  readonly sheetReference: string | null;
  /** Details common to every finding of the subject; the finding's own details and reasons join them. */
  readonly details: JsonObject;
}

/**
 * One stored event for a finding at a placement: every §3.4 field, with `timestamp` the run's
 * `now`, both run ids the context's, and the fields Smartsheet edits cannot supply (IP, device,
 * session, user agent) null. Risk, anomaly and category are null until the model scores the event
 * (`details.coldStart` says so).
 */
export function auditEventOf(
  placement: AuditEventPlacement,
  finding: AuditFinding,
  context: AuditContext,
): AuditEventRecord {
  const revision = findingRevision(placement.changeRevision, finding);
  const key = {
    sheetId: placement.sheetId,
    rowId: placement.rowId,
    columnName: placement.columnName,
    revision,
  };
  return {
    eventId: auditEventId(key),
    revision,
    runId: context.runId,
    timestamp: context.now.toISOString(),
    sheetId: placement.sheetId,
    rowId: placement.rowId,
    workRequest: placement.workRequest,
    columnName: placement.columnName,
    violationType: finding.code,
    oldValue: placement.oldValue,
    newValue: placement.newValue,
    deltaCents: finding.deltaCents,
    changedBy: placement.changedBy,
    changedAt: placement.changedAt?.toISOString() ?? null,
    weekEnding: finding.weekEnding,
    isHistorical: finding.isHistorical,
    auditRunId: context.runId,
    severity: finding.severity,
    issueDescription: finding.issueDescription,
    suggestedFix: finding.suggestedFix,
    sheetReference: placement.sheetReference,
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {
      ...finding.details,
      ...placement.details,
      rule: finding.code,
      reasons: [...finding.reasons],
      changeRevision: placement.changeRevision,
      // No anomaly model has scored this event yet (§3.5); scores and category are filled later.
      coldStart: true,
    },
  };
}

/**
 * The stored events for one change: one per finding (see auditEventOf). The column is the sheet's
 * title for the cell (the field name when the title is unknown; null for a row created or deleted).
 * Old and new values are the cells as text; for a whole row, a one-line summary of it.
 */
export function auditEventsFor(
  change: AttributedChange,
  findings: readonly AuditFinding[],
  context: AuditContext,
): AuditEventRecord[] {
  if (findings.length === 0) return [];
  const placement = placementOf(change, context);
  return findings.map((finding) => auditEventOf(placement, finding, context));
}

/** Where the events of a change are placed and what they say about it besides a finding. */
export function placementOf(change: AttributedChange, context: AuditContext): AuditEventPlacement {
  const facts = changeFactsOf(change, context);
  const { editor, impact } = facts;
  return {
    sheetId: change.sheetId,
    rowId: change.rowId,
    columnName: change.kind === 'cell' ? (change.columnName ?? change.field ?? null) : null,
    changeRevision: change.revision,
    workRequest: facts.workRequest ?? null,
    oldValue: change.kind === 'cell' ? (cellText(change.oldValue) ?? null) : rowSummary(facts.before),
    newValue: change.kind === 'cell' ? (cellText(change.newValue) ?? null) : rowSummary(facts.after),
    changedBy: editor.email,
    changedAt: change.changedAt,
    sheetReference: rowReference(change.sheetPermalink, change.rowId),
    details: {
      changeKind: change.kind,
      field: change.field ?? null,
      sheetName: change.sheetName,
      rowNumber: change.rowNumber,
      changeAgent: change.changeAgent ?? null,
      editor: {
        email: editor.email,
        name: editor.name,
        human: editor.human,
        corrector: editor.corrector,
        authorised: editor.authorised,
      },
      impact: {
        deltaCents: impact.deltaCents,
        basis: impact.basis,
        unitPriceCents: impact.unitPriceCents ?? null,
        unitPriceSource: impact.unitPriceSource ?? null,
        fromWeekEnding: impact.fromWeek ?? null,
        toWeekEnding: impact.toWeek ?? null,
      },
      weekEndingBefore: facts.weekBefore ?? null,
      weekEndingAfter: facts.weekAfter ?? null,
      closedWeekEnding: facts.closedWeek ?? null,
    },
  };
}

// `WR 89708709 · 1 × ALB-6-AUR1 at pole P-101 · $45.95 · week ending 2025-08-17`.
function rowSummary(state: RowState | undefined): string | null {
  if (!state) return null;
  const { parsed, values } = state;
  const parts = [
    parsed.workRequest === undefined ? 'no WR' : `WR ${parsed.workRequest}`,
    unitLabel(parsed),
    cellText(values.price) ?? 'no price',
    parsed.weekEnding === undefined ? 'no week ending' : `week ending ${parsed.weekEnding}`,
  ];
  if (!parsed.completed) parts.push('not completed');
  return parts.join(' · ');
}
