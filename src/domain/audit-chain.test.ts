import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  auditNaturalKey,
  canonicalAuditEvent,
  canonicalJson,
  chainHash,
  verifyChain,
  type AuditEventRecord,
  type ChainedAuditEvent,
  type JsonValue,
} from './audit-chain.js';

function sampleEvent(overrides: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    eventId: 'evt-1',
    revision: '42',
    runId: 'run-1',
    timestamp: '2025-08-18T14:00:00.000Z',
    sheetId: 4583173393803140,
    rowId: 7260200000000000,
    workRequest: '89708709',
    columnName: 'Units Total Price',
    violationType: 'POST_CLOSE_EDIT',
    oldValue: '1200.00',
    newValue: '1500.00',
    deltaCents: 30000,
    changedBy: 'foreman@example.com',
    changedAt: '2025-08-18T13:59:12.000Z',
    weekEnding: '2025-08-17',
    isHistorical: false,
    auditRunId: 'run-1',
    severity: 'MEDIUM',
    issueDescription: 'Price changed after the week closed',
    suggestedFix: 'Confirm the correction with the billing office',
    sheetReference: 'https://app.smartsheet.com/sheets/abc?rowId=7260200000000000',
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: 0.62,
    anomalyScore: 0.3125,
    predictedCategory: 'correction',
    details: { rules: ['POST_CLOSE_EDIT'], features: { absDelta: 30000, hourOfDay: 8 } },
    ...overrides,
  };
}

function chain(events: readonly AuditEventRecord[]): ChainedAuditEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, index) => {
    const hash = chainHash(prevHash, event);
    const chained = { ...event, seq: index + 1, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

/** A different value of the same type for every field, to prove each one is covered by the hash. */
const changedFields: { readonly [K in keyof AuditEventRecord]-?: AuditEventRecord[K] } = {
  eventId: 'evt-2',
  revision: '43',
  runId: 'run-2',
  timestamp: '2025-08-18T14:00:00.001Z',
  sheetId: 1,
  rowId: 2,
  workRequest: '89708710',
  columnName: 'Quantity',
  violationType: 'PRICE_OVERRIDE',
  oldValue: '1200.01',
  newValue: '1500.01',
  deltaCents: 30001,
  changedBy: 'office@example.com',
  changedAt: '2025-08-18T13:59:13.000Z',
  weekEnding: '2025-08-24',
  isHistorical: true,
  auditRunId: 'run-2',
  severity: 'HIGH',
  issueDescription: 'Something else',
  suggestedFix: null,
  sheetReference: null,
  ipAddress: '203.0.113.9',
  deviceInfo: 'desktop',
  sessionId: 'sess-1',
  userAgent: 'Mozilla/5.0',
  riskScore: 0.63,
  anomalyScore: 0.3126,
  predictedCategory: 'suspicious_override',
  details: { rules: ['PRICE_OVERRIDE'] },
};

describe('canonicalAuditEvent', () => {
  it('does not depend on the order keys were written in, at any depth', () => {
    const event = sampleEvent();
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as unknown as AuditEventRecord;
    const reorderedDetails = {
      ...event,
      details: { features: { hourOfDay: 8, absDelta: 30000 }, rules: ['POST_CLOSE_EDIT'] },
    };

    expect(canonicalAuditEvent(reordered)).toBe(canonicalAuditEvent(event));
    expect(chainHash(GENESIS_HASH, reorderedDetails)).toBe(chainHash(GENESIS_HASH, event));
  });

  it('changes when any single field changes', () => {
    const base = chainHash(GENESIS_HASH, sampleEvent());
    for (const [field, value] of Object.entries(changedFields)) {
      const changed = sampleEvent({ [field]: value });
      expect(chainHash(GENESIS_HASH, changed), field).not.toBe(base);
    }
  });

  it('writes nulls out and treats equal instants in different spellings as one', () => {
    const event = sampleEvent({ suggestedFix: null, timestamp: '2025-08-18T09:00:00-05:00' });

    expect(canonicalAuditEvent(event)).toContain('"suggested_fix":null');
    expect(canonicalAuditEvent(event)).toBe(
      canonicalAuditEvent({ ...event, timestamp: '2025-08-18T14:00:00.000Z' }),
    );
  });

  it('refuses values it cannot represent exactly', () => {
    expect(() => canonicalAuditEvent(sampleEvent({ deltaCents: 10.5 }))).toThrow(RangeError);
    expect(() => canonicalAuditEvent(sampleEvent({ riskScore: Number.NaN }))).toThrow(RangeError);
    expect(() => canonicalAuditEvent(sampleEvent({ weekEnding: '08/17/2025' }))).toThrow(RangeError);
    expect(() => canonicalAuditEvent(sampleEvent({ changedAt: 'yesterday' }))).toThrow(RangeError);
  });
});

describe('canonicalJson', () => {
  it('gives the same text for any key order and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as JsonValue;
        const text = canonicalJson(json);
        expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(json)));
      }),
    );
  });
});

describe('auditNaturalKey', () => {
  it('keeps parts apart even when a column name contains separators', () => {
    const a = auditNaturalKey({ sheetId: 1, rowId: 2, columnName: 'A","3', revision: '4' });
    const b = auditNaturalKey({ sheetId: 1, rowId: 2, columnName: 'A', revision: '3","4' });
    expect(a).not.toBe(b);
  });
});

describe('verifyChain', () => {
  const events = chain([
    sampleEvent({ eventId: 'a', revision: '1' }),
    sampleEvent({ eventId: 'b', revision: '2' }),
    sampleEvent({ eventId: 'c', revision: '3' }),
  ]);

  it('accepts an intact chain and reports its head', () => {
    expect(verifyChain(events)).toEqual({
      firstBadSeq: null,
      reason: null,
      verifiedCount: 3,
      lastHash: events[2]?.hash,
    });
  });

  it('points at an edited event', () => {
    const edited = events.map((event) => (event.seq === 2 ? { ...event, newValue: '1.00' } : event));
    expect(verifyChain(edited)).toMatchObject({ firstBadSeq: 2, reason: 'hash-mismatch', verifiedCount: 1 });
  });

  it('points at the event after a deleted one', () => {
    const withoutSecond = events.filter((event) => event.seq !== 2);
    expect(verifyChain(withoutSecond)).toMatchObject({ firstBadSeq: 3, reason: 'prev-hash-mismatch' });
  });

  it('resumes from a checkpoint hash', () => {
    const tail = events.slice(1);
    expect(verifyChain(tail, events[0]?.hash).firstBadSeq).toBeNull();
    expect(verifyChain(tail).firstBadSeq).toBe(2);
  });
});
