import { describe, expect, it } from 'vitest';
import { auditRunFigures } from '../../domain/audit-report/audit-run-figures.js';
import {
  buildAuditEventChain,
  TEST_RUN_ID,
} from '../../domain/audit-report/testing/build-audit-event-chain.js';
import { auditCharts } from './audit-chart-specs.js';

const OPTIONS = { timeZone: 'America/Chicago', runId: TEST_RUN_ID, generatedAt: '2025-08-18T15:00:00Z' };

function chartsOf(events: Parameters<typeof buildAuditEventChain>[0]) {
  const [heatmap, weekday, severity, risk] = auditCharts(
    auditRunFigures(buildAuditEventChain(events), OPTIONS),
  );
  return { heatmap: heatmap?.spec, weekday: weekday?.spec, severity: severity?.spec, risk: risk?.spec };
}

describe('auditCharts', () => {
  it('shows money in dollars in the heatmap and weekday charts', () => {
    const { heatmap, weekday } = chartsOf([{ changedAt: '2025-08-18T14:30:00Z', deltaCents: -12_345 }]);

    expect(heatmap).toMatchObject({ kind: 'heatmap', yLabels: ['foreman@example.com'] });
    expect(heatmap?.kind === 'heatmap' && heatmap.cells[0]?.[9]).toBe(123.45);
    expect(weekday?.kind === 'bar' && weekday.series.map((series) => series.values[0])).toEqual([
      123.45, -123.45,
    ]);
  });

  it('colours severity slices and keeps their counts', () => {
    const { severity } = chartsOf([{ severity: 'HIGH' }, { severity: 'HIGH' }, { severity: 'INFO' }]);

    expect(severity?.kind === 'pie' && severity.slices.filter((slice) => slice.value > 0)).toEqual([
      { name: 'HIGH', value: 2, color: '#c00000' },
      { name: 'INFO', value: 1, color: '#a6a6a6' },
    ]);
  });

  it('explains an empty risk chart as a cold start, not as zero risk', () => {
    const { risk } = chartsOf([{ riskScore: null }]);

    expect(risk).toMatchObject({
      kind: 'line',
      categories: [],
      emptyNote: 'Risk scores: cold start (rules only)',
    });
  });

  it('adds the anomaly series only when some event has an anomaly score', () => {
    const withoutAnomaly = chartsOf([{ riskScore: 0.3 }]).risk;
    const withAnomaly = chartsOf([{ riskScore: 0.3, anomalyScore: 0.8 }]).risk;

    expect(withoutAnomaly?.kind === 'line' && withoutAnomaly.series.map((series) => series.name)).toEqual([
      'Risk score',
    ]);
    expect(withAnomaly?.kind === 'line' && withAnomaly.series.map((series) => series.values)).toEqual([
      [0.3],
      [0.8],
    ]);
  });
});
