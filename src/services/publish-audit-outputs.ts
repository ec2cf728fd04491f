// What a run's audit leaves outside the database (billing-domain.md §3.6, issue: change audit):
// a signed checkpoint of the chain head, the audit sheet brought up to exactly the stored events,
// and the run's audit workbook attached to a summary row that also carries the checkpoint text.
import { auditRunFigures } from '../domain/audit-report/audit-run-figures.js';
import type { AuditRunFigures } from '../domain/audit-report/audit-run-figures.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { summariseFindings } from '../domain/audit/findings-summary.js';
import type { AuditSheet, AuditSheetRow } from '../ports/audit-sheet.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { CheckpointSigner } from '../ports/checkpoint-signer.js';
import { signAuditCheckpoint } from './sign-audit-checkpoint.js';

export interface AuditOutputDependencies {
  audit: AuditStore;
  signer: CheckpointSigner;
  auditSheet?: AuditSheet;
  renderWorkbook: (
    events: readonly ChainedAuditEvent[],
    figures: AuditRunFigures,
    checkpointText: string,
  ) => Promise<Uint8Array>;
}

export interface AuditOutputOptions {
  runId: string;
  now: Date;
  timeZone: string;
  auditSheetId: number | undefined;
}

export interface AuditOutputs {
  checkpoint: string;
  auditSheetRows?: number;
  workbook?: string;
}

const PAGE = 1_000;

/** The row an event becomes on the audit sheet (§3.6 columns). */
export function auditSheetRowOf(event: ChainedAuditEvent): AuditSheetRow {
  const row: AuditSheetRow = {
    'Work Request #': event.workRequest ?? '',
    'Week Ending': event.weekEnding ?? '',
    Column: event.columnName ?? '',
    'Old Value': event.oldValue ?? '',
    'New Value': event.newValue ?? '',
    'Changed By': event.changedBy ?? '',
    'Changed At': event.changedAt ?? '',
    Severity: event.severity,
    Violation: event.violationType,
    'Issue Description': event.issueDescription.slice(0, 4000),
    'Suggested Fix': event.suggestedFix ?? '',
    'Sheet Reference': event.sheetReference ?? '',
    'Source Sheet ID': event.sheetId === null ? '' : String(event.sheetId),
    'Source Row ID': event.rowId === null ? '' : String(event.rowId),
    'Run ID': event.auditRunId ?? event.runId ?? '',
  };
  if (event.deltaCents !== null) row.Delta = event.deltaCents / 100;
  if (event.riskScore !== null) row['Risk Score'] = event.riskScore;
  return row;
}

/** What identifies an event's row on the sheet, read back from either side the same way. */
function rowKey(row: AuditSheetRow): string {
  const part = (value: string | number | undefined) => (value === undefined ? '' : String(value).trim());
  return [
    row['Source Sheet ID'],
    row['Source Row ID'],
    row.Column,
    row['Changed At'],
    row.Violation,
    row['Old Value'],
    row['New Value'],
  ]
    .map(part)
    .join('\u241f');
}

export async function publishAuditOutputs(
  deps: AuditOutputDependencies,
  runEvents: readonly ChainedAuditEvent[],
  options: AuditOutputOptions,
): Promise<AuditOutputs> {
  const signed = await signAuditCheckpoint(deps.audit, deps.signer, {
    runId: options.runId,
    now: options.now,
  });
  const outputs: AuditOutputs = { checkpoint: signed.text };
  if (!deps.auditSheet || options.auditSheetId === undefined) return outputs;
  const sheetId = options.auditSheetId;

  // Every stored event not yet on the sheet — also those a crashed earlier run stored but never wrote.
  const present = new Set((await deps.auditSheet.readRows(sheetId)).map(rowKey));
  const missing: AuditSheetRow[] = [];
  for (let fromSeq: number | null = 1; fromSeq !== null;) {
    const page = await deps.audit.listEvents({ fromSeq, limit: PAGE });
    for (const event of page.events) {
      const row = auditSheetRowOf(event);
      const key = rowKey(row);
      if (!present.has(key)) {
        missing.push(row);
        present.add(key);
      }
    }
    fromSeq = page.nextSeq;
  }
  outputs.auditSheetRows = await deps.auditSheet.appendRows(sheetId, missing);

  const figures = auditRunFigures(runEvents, {
    timeZone: options.timeZone,
    runId: options.runId,
    generatedAt: options.now.toISOString(),
  });
  const workbook = await deps.renderWorkbook(runEvents, figures, signed.text);
  const totals = summariseFindings(runEvents);
  const fileName = `Audit_${options.runId.replace(/[^A-Za-z0-9_-]/g, '_')}.xlsx`;
  await deps.auditSheet.appendRowWithAttachment(
    sheetId,
    {
      'Work Request #': 'RUN SUMMARY',
      'Changed At': options.now.toISOString(),
      Violation: totals.status,
      Delta: totals.netImpactCents / 100,
      'Issue Description': `${totals.eventCount} new audit events (${
        Object.entries(totals.bySeverity)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${n} ${s}`)
          .join(', ') || 'none'
      }). Signed checkpoint: ${signed.text}`.slice(0, 4000),
      'Run ID': options.runId,
    },
    fileName,
    workbook,
  );
  outputs.workbook = fileName;
  return outputs;
}
