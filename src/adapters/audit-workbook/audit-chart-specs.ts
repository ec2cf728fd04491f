// The four charts of the audit workbook (billing-domain.md §3.6), as specs built from the run's
// figures: numbers only converted to display units (cents → dollars), never recomputed.
import type { AuditRunFigures } from '../../domain/audit-report/audit-run-figures.js';
import type {
  BarChartSpec,
  ChartSpec,
  HeatmapChartSpec,
  LineChartSpec,
  PieChartSpec,
} from '../../ports/chart-renderer.js';
import { SEVERITY_COLOURS } from './audit-workbook-styles.js';

/** A chart of the workbook: what it is called on the Charts sheet and how to draw it. */
export interface AuditChart {
  readonly caption: string;
  readonly spec: ChartSpec;
}

const HOUR_LABELS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

/** The workbook's charts in the order the Charts sheet shows them. */
export function auditCharts(figures: AuditRunFigures): readonly AuditChart[] {
  return [
    { caption: 'Impact by editor and hour of day', spec: editorHourSpec(figures) },
    { caption: 'Impact by weekday', spec: weekdaySpec(figures) },
    { caption: 'Findings by severity', spec: severitySpec(figures) },
    { caption: 'Risk over time', spec: riskSpec(figures) },
  ];
}

function editorHourSpec(figures: AuditRunFigures): HeatmapChartSpec {
  return {
    kind: 'heatmap',
    title: 'Impact by editor × hour of day',
    subtitle: `Absolute impact, local hour in ${figures.timeZone}`,
    emptyNote: 'No change with a financial impact in this run',
    valueFormat: 'usd',
    xLabels: HOUR_LABELS,
    yLabels: figures.editorHourHeatmap.editors,
    cells: figures.editorHourHeatmap.cells.map((row) => row.map((cents) => cents / 100)),
  };
}

function weekdaySpec(figures: AuditRunFigures): BarChartSpec {
  return {
    kind: 'bar',
    title: 'Impact by weekday',
    subtitle: `Local weekday in ${figures.timeZone}`,
    emptyNote: 'No change with a financial impact in this run',
    valueFormat: 'usd',
    categories: figures.byWeekday.map((day) => day.weekday),
    series: [
      { name: 'Absolute impact', values: figures.byWeekday.map((day) => day.absoluteImpactCents / 100) },
      { name: 'Net impact', values: figures.byWeekday.map((day) => day.netImpactCents / 100) },
    ],
  };
}

function severitySpec(figures: AuditRunFigures): PieChartSpec {
  return {
    kind: 'pie',
    title: 'Findings by severity',
    subtitle: `${figures.eventCount} finding(s)`,
    emptyNote: 'No findings in this run',
    valueFormat: 'count',
    slices: figures.bySeverity.map((row) => ({
      name: row.severity,
      value: row.count,
      color: SEVERITY_COLOURS[row.severity],
    })),
  };
}

function riskSpec(figures: AuditRunFigures): LineChartSpec {
  const points = figures.riskOverTime;
  const withAnomaly = points.some((point) => point.anomalyScore !== null);
  return {
    kind: 'line',
    title: 'Risk over time',
    subtitle: `Scored changes by local time in ${figures.timeZone}`,
    emptyNote: figures.riskColdStart
      ? 'Risk scores: cold start (rules only)'
      : 'No scored change in this run',
    valueFormat: 'score',
    valueRange: [0, 1],
    categories: points.map((point) => point.localTime),
    series: [
      { name: 'Risk score', values: points.map((point) => point.riskScore) },
      ...(withAnomaly ? [{ name: 'Anomaly score', values: points.map((point) => point.anomalyScore) }] : []),
    ],
  };
}
