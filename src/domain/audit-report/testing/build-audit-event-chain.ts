// Test builder: stored audit events as the store hands them back, properly hash-chained, so
// report tests work on the same shape as production (STYLE.md: builders that create their own
// prerequisites).
import { chainHash, GENESIS_HASH } from '../../audit-chain.js';
import type { AuditEventRecord, ChainedAuditEvent } from '../../audit-chain.js';

/** The run test events belong to unless a test says otherwise. */
export const TEST_RUN_ID = 'run-2025-08-18T15-00';

/**
 * A price edit after close: $1,200.00 → $1,500.00 (+$300.00) on WR 89708709 by
 * foreman@example.com on Monday 2025-08-18 08:59:12 CDT, MEDIUM, unscored (cold start).
 */
export function buildAuditEventRecord(overrides: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    eventId: 'evt-1',
    revision: 'rev-1',
    runId: TEST_RUN_ID,
    timestamp: '2025-08-18T15:00:00.000Z',
    sheetId: 4_583_173_393_803_140,
    rowId: 7_260_200_000_000_001,
    workRequest: '89708709',
    columnName: 'Units Total Price',
    violationType: 'POST_CLOSE_EDIT',
    oldValue: '1200.00',
    newValue: '1500.00',
    deltaCents: 30_000,
    changedBy: 'foreman@example.com',
    changedAt: '2025-08-18T13:59:12.000Z',
    weekEnding: '2025-08-17',
    isHistorical: false,
    auditRunId: TEST_RUN_ID,
    severity: 'MEDIUM',
    issueDescription: 'Price changed after the week closed',
    suggestedFix: 'Confirm the correction with the billing office',
    sheetReference: 'https://app.smartsheet.com/sheets/abc?rowId=7260200000000001',
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {},
    ...overrides,
  };
}

/**
 * A hash-chained run of events, one per override, seq from `firstSeq` (default 1). Event ids,
 * revisions and row ids are made distinct unless an override names them.
 */
export function buildAuditEventChain(
  overrides: readonly Partial<AuditEventRecord>[],
  firstSeq = 1,
): ChainedAuditEvent[] {
  let prevHash = GENESIS_HASH;
  return overrides.map((override, index) => {
    const seq = firstSeq + index;
    const record = buildAuditEventRecord({
      eventId: `evt-${seq}`,
      revision: `rev-${seq}`,
      rowId: 7_260_200_000_000_000 + seq,
      ...override,
    });
    const hash = chainHash(prevHash, record);
    const event: ChainedAuditEvent = { ...record, seq, prevHash, hash };
    prevHash = hash;
    return event;
  });
}
