import { describe, expect, it } from 'vitest';
import { buildAuditContext } from '../audit/testing/build-attributed-change.js';
import { anomalousChangeEvent, anomalousChangeFinding } from './anomalous-change-event.js';
import type { FlaggedScoring } from './anomalous-change-event.js';
import { buildChangeObservation } from './testing/build-change-observation.js';

const context = buildAuditContext();
const scoring: FlaggedScoring = {
  riskScore: 0.734,
  anomalyPercentile: 0.9951,
  topFeatures: [{ label: 'size of the change in dollars (log10)', value: 3.4, typical: 1.2 }],
  rank: 2,
};

describe('anomalousChangeFinding', () => {
  it.each([
    [0, 'LOW'],
    [500, 'LOW'],
    [-250_000, 'HIGH'],
    [1_000_000, 'CRITICAL'],
    [null, 'MEDIUM'],
  ])(
    'gives a change of %s cents the severity of its impact band, at least LOW (%s)',
    (deltaCents, severity) => {
      const finding = anomalousChangeFinding(buildChangeObservation({ deltaCents }), scoring, context);
      expect(finding.severity).toBe(severity);
      expect(finding.deltaCents).toBe(deltaCents);
    },
  );

  it('names the editor, the change, the sheet, the flag rank, the risk and the rarity', () => {
    const finding = anomalousChangeFinding(buildChangeObservation(), scoring, context);
    expect(finding.issueDescription).toBe(
      'jane@example.com changed price on row 12 from $45.95 to $50.95 on Crew A Billing ($5.00): flag 2 of the run, risk 0.73, more unusual than 99.5 % of past changes.',
    );
    expect(finding.reasons).toEqual(['size of the change in dollars (log10) 3.4 (typically 1.2)']);
    expect(finding).toMatchObject({
      code: 'ANOMALOUS_CHANGE',
      weekEnding: '2025-08-17',
      isHistorical: false,
    });
    expect(finding.details).toEqual({ flagRank: 2 });
  });

  it('describes an unknown editor, a deleted row and a cold start without rarity', () => {
    const o = buildChangeObservation({
      editor: null,
      field: 'row-deleted',
      deltaCents: null,
      hoursAfterClose: 5,
    });
    const finding = anomalousChangeFinding(
      o,
      { ...scoring, anomalyPercentile: null, topFeatures: [] },
      context,
    );
    expect(finding.issueDescription).toBe(
      'An unknown editor deleted row 12 on Crew A Billing (an unknown amount): flag 2 of the run, risk 0.73.',
    );
    expect(finding.reasons).toEqual(['risk score within the run’s alert budget']);
    expect(finding.isHistorical).toBe(true);
  });
});

describe('anomalousChangeEvent', () => {
  it('is an ANOMALOUS_CHANGE event placed on the change', () => {
    const o = buildChangeObservation({ revision: 'rev-a' });
    const event = anomalousChangeEvent(o, scoring, context);
    expect(event).toMatchObject({
      violationType: 'ANOMALOUS_CHANGE',
      revision: 'rev-a#ANOMALOUS_CHANGE',
      sheetId: o.sheetId,
      rowId: o.rowId,
      columnName: 'price',
      changedBy: 'jane@example.com',
      changedAt: '2025-08-15T15:00:00.000Z',
      runId: 'run-test',
      severity: 'LOW',
    });
    expect(event.details).toMatchObject({
      flagRank: 2,
      changeKind: 'cell',
      field: 'price',
      rule: 'ANOMALOUS_CHANGE',
    });
  });

  it('keeps the same event id for the same observation and another for another revision', () => {
    const o = buildChangeObservation({ revision: 'rev-a' });
    const first = anomalousChangeEvent(o, scoring, context).eventId;
    expect(anomalousChangeEvent({ ...o }, { ...scoring, rank: 7 }, context).eventId).toBe(first);
    expect(anomalousChangeEvent({ ...o, revision: 'rev-b' }, scoring, context).eventId).not.toBe(first);
  });
});
