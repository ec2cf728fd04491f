import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, type ChainedAuditEvent } from '../audit-chain.js';
import { auditNaturalKey } from '../audit-chain.js';
import {
  jobRetriedEvent,
  violationRevertedEvent,
  violationReviewedEvent,
  violationsExportedEvent,
  type ActionContext,
} from './dashboard-action-events.js';

const context = (actionId: string): ActionContext => ({
  actionId,
  actor: 'auditor@example.com',
  now: new Date('2025-08-20T17:00:00.000Z'),
  origin: {
    ipAddress: '10.1.2.3',
    userAgent: 'Firefox/128.0',
    deviceInfo: 'Firefox on Linux',
    sessionId: 's-9',
  },
});

const reviewed = {
  seq: 41,
  eventId: 'evt-41',
  sheetId: 7,
  rowId: 9,
  columnName: 'Units Total Price',
  workRequest: '89708709',
  weekEnding: '2025-08-17',
  sheetReference: 'https://app.smartsheet.com/sheets/x?rowId=9',
  violationType: 'POST_CLOSE_EDIT',
  oldValue: '45.95',
  newValue: '65.95',
  deltaCents: 2_000,
  details: { sheetName: 'North Crew 11' },
} as unknown as ChainedAuditEvent;

describe('dashboard action events', () => {
  it('records who exported what, from where, outside any run', () => {
    const event = violationsExportedEvent(
      { filter: { severities: ['HIGH'], maxSeq: 40 }, sort: { key: 'seq', order: 'desc' }, rowCount: 12 },
      context('a-1'),
    );
    expect(event).toMatchObject({
      violationType: 'VIOLATIONS_EXPORTED',
      severity: 'INFO',
      runId: null,
      changedBy: 'auditor@example.com',
      ipAddress: '10.1.2.3',
      deviceInfo: 'Firefox on Linux',
      sessionId: 's-9',
      userAgent: 'Firefox/128.0',
      details: {
        rowCount: 12,
        filter: { severities: ['HIGH'], maxSeq: 40 },
        sort: { key: 'seq', order: 'desc' },
      },
    });
    // Storable: the chain can hash it.
    expect(chainHash(GENESIS_HASH, event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('places a review on the reviewed cell under a natural key of its own', () => {
    const first = violationReviewedEvent(reviewed, { status: 'resolved', comment: 'ok' }, context('a-1'));
    const second = violationReviewedEvent(reviewed, { status: 'resolved', comment: 'ok' }, context('a-2'));
    expect(first).toMatchObject({
      sheetId: 7,
      rowId: 9,
      newValue: 'resolved',
      details: { reviewedSeq: 41, comment: 'ok' },
    });
    expect(auditNaturalKey(first)).not.toBe(auditNaturalKey(second));
    expect(first.eventId).not.toBe(second.eventId);
  });

  it('records a revert as the inverse change', () => {
    const event = violationRevertedEvent(
      reviewed,
      { comment: null, writtenAs: 'api@example.com', field: 'price' },
      context('a-3'),
    );
    expect(event).toMatchObject({
      oldValue: '65.95',
      newValue: '45.95',
      deltaCents: -2_000,
      details: { writtenAs: 'api@example.com' },
    });
    expect(event.issueDescription).toContain('from 65.95 to 45.95');
  });

  it('records a job retry by kind and id, from where, outside any run and any sheet', () => {
    const id = '0b7d6a8e-3c1f-4a52-9f0e-5d2c8b1a7e44';
    const event = jobRetriedEvent(
      { kind: 'sheet-sync', id, lastError: 'Smartsheet answered 503' },
      context('a-4'),
    );
    expect(event).toMatchObject({
      violationType: 'JOB_RETRIED',
      severity: 'INFO',
      runId: null,
      sheetId: null,
      oldValue: 'failed',
      newValue: 'retry',
      ipAddress: '10.1.2.3',
      sessionId: 's-9',
      details: { jobKind: 'sheet-sync', jobId: id, lastError: 'Smartsheet answered 503' },
    });
    expect(event.issueDescription).toBe(
      `auditor@example.com put the failed sheet-sync job ${id} back in the queue.`,
    );
    expect(chainHash(GENESIS_HASH, event)).toMatch(/^[0-9a-f]{64}$/);
  });
});
