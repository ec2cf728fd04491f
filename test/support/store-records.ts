/**
 * Builders for store records with plausible defaults; each test overrides only what it is about.
 * Ids derive from a counter so records built in one test never collide.
 */
import type { AuditEventRecord } from '../../src/domain/audit-chain.js';
import type { RowSnapshot, SheetRecord, UserRecord } from '../../src/ports/store.js';

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}

export function buildSheet(overrides: Partial<SheetRecord> = {}): SheetRecord {
  const n = next();
  return {
    id: 4_583_173_393_800_000 + n,
    name: `Billing ${n}`,
    role: 'source',
    locationPath: 'Billing/2025',
    version: 1,
    columnMap: { workRequest: 1001, weekEnding: 1002, price: 1003 },
    missingColumns: [],
    status: 'active',
    lastSyncedAt: '2025-08-18T14:00:00.000Z',
    lastSeenAt: '2025-08-18T14:00:00.000Z',
    ...overrides,
  };
}

export function buildSnapshot(sheetId: number, overrides: Partial<RowSnapshot> = {}): RowSnapshot {
  const n = next();
  return {
    sheetId,
    rowId: 7_260_200_000_000_000 + n,
    rowNumber: n,
    modifiedAt: '2025-08-18T13:00:00.000Z',
    contentHash: `hash-${n}`,
    values: {
      workRequest: '89708709',
      weekEnding: '2025-08-17',
      price: 1234.56,
      completed: true,
      note: null,
    },
    billable: true,
    deletedAt: null,
    lastRunId: 'run-1',
    ...overrides,
  };
}

export function buildAuditEvent(overrides: Partial<AuditEventRecord> = {}): AuditEventRecord {
  const n = next();
  return {
    eventId: `evt-${n}`,
    revision: `rev-${n}`,
    runId: 'run-1',
    timestamp: '2025-08-18T14:00:00.000Z',
    sheetId: 4_583_173_393_803_140,
    rowId: 7_260_200_000_000_000 + n,
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
    auditRunId: 'run-1',
    severity: 'MEDIUM',
    issueDescription: 'Price changed after the week closed',
    suggestedFix: 'Confirm the correction with the billing office',
    sheetReference: 'https://app.smartsheet.com/sheets/abc?rowId=1',
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: 0.62,
    anomalyScore: 0.3125,
    predictedCategory: 'correction',
    details: { rules: ['POST_CLOSE_EDIT'], features: { absDelta: 30_000, hourOfDay: 8 } },
    ...overrides,
  };
}

export function buildUser(overrides: Partial<UserRecord> = {}): UserRecord {
  const n = next();
  return {
    id: `user-${n}`,
    email: `user${n}@example.com`,
    displayName: `User ${n}`,
    role: 'auditor',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    totpSecret: null,
    mfaEnabled: false,
    totpLastStep: null,
    recoveryCodes: [],
    failedLogins: 0,
    lockedUntil: null,
    disabledAt: null,
    lastLoginAt: null,
    createdAt: '2025-08-01T09:00:00.000Z',
    updatedAt: '2025-08-01T09:00:00.000Z',
    ...overrides,
  };
}
