import { describe, expect, it } from 'vitest';
import { canonicalAuditEvent } from '../audit-chain.js';
import { auditEventId, auditEventsFor, rowReference } from './audit-event.js';
import { findingsFor } from './findings-for-change.js';
import {
  AFTER_CLOSE,
  AUDIT_NOW,
  buildAuditContext,
  buildCellChange,
  buildRowDeleted,
  MALLORY,
  TEST_ROW_ID,
} from './testing/build-attributed-change.js';
import { TEST_SHEET_ID } from '../testing/build-billing-row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function eventsOf(
  change = buildCellChange('price', '$4,595.00', { editor: MALLORY, columnName: 'Units Total Price' }),
) {
  const context = buildAuditContext();
  return auditEventsFor(change, findingsFor(change, context), context);
}

describe('auditEventsFor', () => {
  it('builds one complete §3.4 event per finding', () => {
    const events = eventsOf();
    expect(events.map((event) => event.violationType)).toEqual([
      'POST_CLOSE_EDIT',
      'PRICE_OVERRIDE',
      'UNAUTHORIZED_EDITOR',
    ]);
    expect(events[0]).toMatchObject({
      runId: 'run-test',
      auditRunId: 'run-test',
      timestamp: AUDIT_NOW.toISOString(),
      sheetId: TEST_SHEET_ID,
      rowId: TEST_ROW_ID,
      workRequest: '89708709',
      columnName: 'Units Total Price',
      oldValue: '$45.95',
      newValue: '$4,595.00',
      deltaCents: 454_905,
      changedBy: 'mallory@example.com',
      changedAt: AFTER_CLOSE.toISOString(),
      weekEnding: '2025-08-17',
      isHistorical: true,
      severity: 'HIGH',
      sheetReference: `https://app.smartsheet.com/sheets/abc123?rowId=${TEST_ROW_ID}`,
      ipAddress: null,
      deviceInfo: null,
      sessionId: null,
      userAgent: null,
      riskScore: null,
      anomalyScore: null,
      predictedCategory: null,
    });
    expect(events[0]?.issueDescription).toContain(
      'Mallory Doe (mallory@example.com) changed Units Total Price',
    );
    expect(events[0]?.suggestedFix).toContain('restore "$45.95"');
    // The store hashes exactly this form; it must accept every field.
    for (const event of events) expect(() => canonicalAuditEvent(event)).not.toThrow();
  });

  it('explains itself in details: rule, reasons, editor, impact, both weeks, cold start', () => {
    const [event] = eventsOf(buildCellChange('weekEnding', '2025-08-24', { editor: MALLORY }));
    expect(event?.violationType).toBe('WEEK_MOVED');
    expect(event?.details).toMatchObject({
      rule: 'WEEK_MOVED',
      coldStart: true,
      changeRevision: AFTER_CLOSE.toISOString(),
      fromWeekEnding: '2025-08-17',
      toWeekEnding: '2025-08-24',
      weekEndingBefore: '2025-08-17',
      weekEndingAfter: '2025-08-24',
      editor: { email: 'mallory@example.com', human: true, corrector: false, authorised: false },
      impact: { deltaCents: -4595, basis: 'week-moved' },
    });
    expect((event?.details['reasons'] as string[]).length).toBeGreaterThan(0);
  });

  it('gives the findings of one change distinct revisions and ids', () => {
    const events = eventsOf();
    expect(events.map((event) => event.revision)).toEqual([
      `${AFTER_CLOSE.toISOString()}#POST_CLOSE_EDIT`,
      `${AFTER_CLOSE.toISOString()}#PRICE_OVERRIDE`,
      `${AFTER_CLOSE.toISOString()}#UNAUTHORIZED_EDITOR`,
    ]);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(3);
    for (const event of events) expect(event.eventId).toMatch(UUID);
  });

  it('gives the same change processed twice identical events, ids and all', () => {
    expect(eventsOf()).toEqual(eventsOf());
    expect(eventsOf().map((event) => event.eventId)).toEqual(eventsOf().map((event) => event.eventId));
  });

  it('describes a deleted row in its old value', () => {
    const [event] = eventsOf(buildRowDeleted());
    expect(event).toMatchObject({
      violationType: 'BILLED_ROW_DELETED',
      columnName: null,
      oldValue: 'WR 89708709 · 1 × ALB-6-AUR1 at pole P-101 · $45.95 · week ending 2025-08-17',
      newValue: null,
      changedBy: null,
      revision: `row-deleted@${AFTER_CLOSE.toISOString()}#BILLED_ROW_DELETED`,
    });
  });

  it('builds no events without findings', () => {
    expect(auditEventsFor(buildCellChange('price', '$1.00'), [], buildAuditContext())).toEqual([]);
  });
});

describe('auditEventId', () => {
  it('is a UUID derived from the natural key alone', () => {
    const key = { sheetId: 1, rowId: 2, columnName: 'Price', revision: 'r1#POST_CLOSE_EDIT' };
    expect(auditEventId(key)).toMatch(UUID);
    expect(auditEventId(key)).toBe(auditEventId({ ...key }));
    expect(auditEventId(key)).not.toBe(auditEventId({ ...key, revision: 'r1#PRICE_OVERRIDE' }));
  });
});

describe('rowReference', () => {
  it('adds the row id to the sheet permalink', () => {
    expect(rowReference('https://app.smartsheet.com/sheets/abc', 5)).toBe(
      'https://app.smartsheet.com/sheets/abc?rowId=5',
    );
    expect(rowReference('https://x.test/s?view=grid', 5)).toBe('https://x.test/s?view=grid&rowId=5');
    expect(rowReference(undefined, 5)).toBeNull();
  });
});
