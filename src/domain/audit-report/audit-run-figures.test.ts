import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditSeverity } from '../audit-chain.js';
import { auditRunFigures, highestSeverityFound } from './audit-run-figures.js';
import { UNKNOWN_EDITOR } from './placed-audit-event.js';
import { buildAuditEventChain, TEST_RUN_ID } from './testing/build-audit-event-chain.js';

const OPTIONS = { timeZone: 'America/Chicago', runId: TEST_RUN_ID, generatedAt: '2025-08-18T15:00:00.000Z' };

describe('auditRunFigures', () => {
  it('calls an empty run SECURE with zero counts, an empty heatmap and a cold-start risk', () => {
    const figures = auditRunFigures([], OPTIONS);

    expect(figures.status).toBe('SECURE');
    expect(figures.eventCount).toBe(0);
    expect(figures.bySeverity.map((row) => [row.severity, row.count])).toEqual([
      ['CRITICAL', 0],
      ['HIGH', 0],
      ['MEDIUM', 0],
      ['LOW', 0],
      ['INFO', 0],
    ]);
    expect(figures.netImpactCents).toBe(0);
    expect(figures.editorHourHeatmap).toEqual({ editors: [], cells: [] });
    expect(figures.byWeekday.map((day) => day.weekday)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    expect(figures.riskOverTime).toEqual([]);
    expect(figures.riskColdStart).toBe(true);
    expect(highestSeverityFound(figures)).toBeNull();
  });

  it.each<[AuditSeverity[], string]>([
    [['INFO', 'INFO'], 'SECURE'],
    [['INFO', 'LOW'], 'CHANGES DETECTED'],
    [['CRITICAL'], 'CHANGES DETECTED'],
  ])('severities %j give status %s', (severities, status) => {
    const events = buildAuditEventChain(severities.map((severity) => ({ severity })));
    expect(auditRunFigures(events, OPTIONS).status).toBe(status);
  });

  it('totals signed and absolute impact, per severity and per rule', () => {
    const events = buildAuditEventChain([
      { severity: 'HIGH', violationType: 'POST_CLOSE_EDIT', deltaCents: 250_000 },
      { severity: 'HIGH', violationType: 'BILLED_ROW_DELETED', deltaCents: -120_000 },
      { severity: 'LOW', violationType: 'DATA_QUALITY', deltaCents: null },
      { severity: 'MEDIUM', violationType: 'POST_CLOSE_EDIT', deltaCents: -4_500 },
    ]);

    const figures = auditRunFigures(events, OPTIONS);

    expect(figures.netImpactCents).toBe(250_000 - 120_000 - 4_500);
    expect(figures.absoluteImpactCents).toBe(250_000 + 120_000 + 4_500);
    expect(figures.eventsWithoutImpact).toBe(1);
    expect(figures.bySeverity.find((row) => row.severity === 'HIGH')).toEqual({
      severity: 'HIGH',
      count: 2,
      netImpactCents: 130_000,
      absoluteImpactCents: 370_000,
    });
    expect(figures.byViolationType).toEqual([
      { violationType: 'POST_CLOSE_EDIT', count: 2, absoluteImpactCents: 254_500 },
      { violationType: 'BILLED_ROW_DELETED', count: 1, absoluteImpactCents: 120_000 },
      { violationType: 'DATA_QUALITY', count: 1, absoluteImpactCents: 0 },
    ]);
    expect(highestSeverityFound(figures)).toBe('HIGH');
  });

  it('buckets weekdays on the organisation wall clock, not UTC', () => {
    const events = buildAuditEventChain([
      // Monday 03:00 UTC is Sunday 22:00 in Chicago.
      { changedAt: '2025-08-18T03:00:00Z', deltaCents: 1_000 },
      { changedAt: '2025-08-18T15:00:00Z', deltaCents: -300 },
    ]);

    const byWeekday = auditRunFigures(events, OPTIONS).byWeekday;

    expect(byWeekday.find((day) => day.weekday === 'Sun')).toMatchObject({
      changes: 1,
      absoluteImpactCents: 1_000,
    });
    expect(byWeekday.find((day) => day.weekday === 'Mon')).toMatchObject({
      changes: 1,
      netImpactCents: -300,
      absoluteImpactCents: 300,
    });
  });

  it('puts both 01:30s of the fall-back night in hour 1 and skips the missing spring hour', () => {
    const events = buildAuditEventChain([
      { changedAt: '2025-11-02T06:30:00Z', deltaCents: 100 },
      { changedAt: '2025-11-02T07:30:00Z', deltaCents: 200 },
      { changedAt: '2025-03-09T08:00:00Z', deltaCents: 400 },
    ]);

    const row = auditRunFigures(events, OPTIONS).editorHourHeatmap.cells[0];

    expect(row?.[1]).toBe(300);
    expect(row?.[2]).toBe(0);
    expect(row?.[3]).toBe(400);
  });

  it('summarises each editor, unknown editors together, biggest impact first', () => {
    const events = buildAuditEventChain([
      { changedBy: 'ann@example.com', changedAt: '2025-08-18T14:00:00Z', deltaCents: 500, severity: 'LOW' },
      {
        changedBy: 'ann@example.com',
        changedAt: '2025-08-12T09:00:00Z',
        deltaCents: -700,
        severity: 'HIGH',
        riskScore: 0.4,
      },
      {
        changedBy: null,
        changedAt: null,
        timestamp: '2025-08-18T15:00:00Z',
        deltaCents: -9_000,
        severity: 'CRITICAL',
      },
    ]);

    const figures = auditRunFigures(events, OPTIONS);

    expect(figures.editors.map((editor) => editor.editor)).toEqual([UNKNOWN_EDITOR, 'ann@example.com']);
    expect(figures.editors[1]).toMatchObject({
      changes: 2,
      netImpactCents: -200,
      absoluteImpactCents: 1_200,
      firstChangeAt: '2025-08-12T09:00:00.000Z',
      lastChangeAt: '2025-08-18T14:00:00.000Z',
      highestSeverity: 'HIGH',
      maxRiskScore: 0.4,
    });
    expect(figures.editors[1]?.countsBySeverity).toMatchObject({ HIGH: 1, LOW: 1, INFO: 0 });
    expect(figures.editors[0]).toMatchObject({
      firstChangeAt: '2025-08-18T15:00:00.000Z',
      maxRiskScore: null,
    });
    expect(figures.eventsTimedByDetection).toBe(1);
  });

  it('calls a run scored on rules alone a cold start, and names the model that scored a run', () => {
    const rulesOnly = buildAuditEventChain([
      { riskScore: 0.55, anomalyScore: null, details: { risk: { modelId: null } } },
    ]);
    expect(auditRunFigures(rulesOnly, OPTIONS)).toMatchObject({ riskColdStart: true, riskModelId: null });

    const modelled = buildAuditEventChain([
      { riskScore: 0.3, anomalyScore: null },
      { riskScore: 0.8, anomalyScore: 0.66, details: { risk: { modelId: 'v4' } } },
    ]);
    expect(auditRunFigures(modelled, OPTIONS)).toMatchObject({ riskColdStart: false, riskModelId: 'v4' });
  });

  it('plots only scored events on the risk timeline, in time order with local labels', () => {
    const events = buildAuditEventChain([
      { changedAt: '2025-08-18T14:00:00Z', riskScore: 0.9, anomalyScore: 0.7 },
      { changedAt: '2025-08-18T10:00:00Z', riskScore: null },
      { changedAt: '2025-08-18T09:00:00Z', riskScore: 0.2, anomalyScore: null },
    ]);

    const figures = auditRunFigures(events, OPTIONS);

    expect(figures.riskColdStart).toBe(false);
    expect(figures.riskOverTime).toEqual([
      {
        seq: 3,
        at: '2025-08-18T09:00:00.000Z',
        localTime: '2025-08-18 04:00',
        riskScore: 0.2,
        anomalyScore: null,
      },
      {
        seq: 1,
        at: '2025-08-18T14:00:00.000Z',
        localTime: '2025-08-18 09:00',
        riskScore: 0.9,
        anomalyScore: 0.7,
      },
    ]);
  });

  it('keeps every cent in every breakdown: severities, weekdays, editors and heatmap agree', () => {
    const editors = ['ann@example.com', 'bob@example.com', null];
    const severities: AuditSeverity[] = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
    const eventArb = fc.record({
      changedBy: fc.constantFrom(...editors),
      severity: fc.constantFrom(...severities),
      deltaCents: fc.option(fc.integer({ min: -5_000_000, max: 5_000_000 }), { nil: null }),
      changedAt: fc
        .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) })
        .map((ms) => new Date(ms).toISOString()),
    });
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.constantFrom('America/Chicago', 'Asia/Kolkata', 'UTC'),
        (overrides, timeZone) => {
          const figures = auditRunFigures(buildAuditEventChain(overrides), { ...OPTIONS, timeZone });
          const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
          expect(total(figures.bySeverity.map((row) => row.count))).toBe(overrides.length);
          expect(total(figures.bySeverity.map((row) => row.absoluteImpactCents))).toBe(
            figures.absoluteImpactCents,
          );
          expect(total(figures.byWeekday.map((day) => day.netImpactCents))).toBe(figures.netImpactCents);
          expect(total(figures.editors.map((editor) => editor.absoluteImpactCents))).toBe(
            figures.absoluteImpactCents,
          );
          expect(total(figures.editorHourHeatmap.cells.flat())).toBe(figures.absoluteImpactCents);
        },
      ),
      { numRuns: 60 },
    );
  });
});
