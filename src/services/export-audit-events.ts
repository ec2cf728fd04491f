// `ledgerline audit export`: the stored trail as CSV or JSON lines, streamed page by page so a
// million events never sit in memory at once.
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { AuditStore } from '../ports/audit-store.js';

export type ExportFormat = 'csv' | 'json';

/** The exported columns: the 25 fields of billing-domain.md §3.4, then the chain fields. */
export const EXPORT_COLUMNS = [
  'timestamp',
  'sheet_id',
  'row_id',
  'work_request',
  'column_name',
  'violation_type',
  'old_value',
  'new_value',
  'delta',
  'changed_by',
  'changed_at',
  'week_ending',
  'is_historical',
  'audit_run_id',
  'severity',
  'issue_description',
  'suggested_fix',
  'sheet_reference',
  'ip_address',
  'device_info',
  'session_id',
  'user_agent',
  'risk_score',
  'anomaly_score',
  'predicted_category',
  'seq',
  'event_id',
  'prev_hash',
  'hash',
] as const;

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

export function exportRowOf(e: ChainedAuditEvent): ExportRow {
  return {
    timestamp: e.timestamp,
    sheet_id: e.sheetId,
    row_id: e.rowId,
    work_request: e.workRequest,
    column_name: e.columnName,
    violation_type: e.violationType,
    old_value: e.oldValue,
    new_value: e.newValue,
    delta: e.deltaCents === null ? null : (e.deltaCents / 100).toFixed(2),
    changed_by: e.changedBy,
    changed_at: e.changedAt,
    week_ending: e.weekEnding,
    is_historical: e.isHistorical,
    audit_run_id: e.auditRunId,
    severity: e.severity,
    issue_description: e.issueDescription,
    suggested_fix: e.suggestedFix,
    sheet_reference: e.sheetReference,
    ip_address: e.ipAddress,
    device_info: e.deviceInfo,
    session_id: e.sessionId,
    user_agent: e.userAgent,
    risk_score: e.riskScore,
    anomaly_score: e.anomalyScore,
    predicted_category: e.predictedCategory,
    seq: e.seq,
    event_id: e.eventId,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Write every event changed at or after `since` (all when undefined), in chain order.
 * @returns how many events were written.
 */
export async function exportAuditEvents(
  audit: AuditStore,
  options: { format: ExportFormat; since?: Date; pageSize?: number },
  write: (chunk: string) => Promise<void> | void,
): Promise<number> {
  const changedFrom = options.since?.toISOString();
  let count = 0;
  if (options.format === 'csv') await write(`${EXPORT_COLUMNS.join(',')}\r\n`);
  for (let fromSeq: number | null = 1; fromSeq !== null;) {
    const page = await audit.listEvents({
      fromSeq,
      limit: options.pageSize ?? 1_000,
      ...(changedFrom ? { changedFrom } : {}),
    });
    const lines = page.events.map((event) => {
      const row = exportRowOf(event);
      return options.format === 'csv'
        ? `${EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`
        : `${JSON.stringify(row)}\n`;
    });
    if (lines.length > 0) await write(lines.join(''));
    count += page.events.length;
    fromSeq = page.nextSeq;
  }
  return count;
}
