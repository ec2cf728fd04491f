// Every number of a run's audit workbook (billing-domain.md §3.6), computed from the stored audit
// events alone: the executive summary, the per-editor table and the data behind each chart. One
// pure function, so the workbook, its tests and any other output agree on the same figures.
import type { AuditSeverity, ChainedAuditEvent } from '../audit-chain.js';
import { editorActivityOf } from './editor-activity.js';
import type { EditorActivity } from './editor-activity.js';
import { editorHourHeatmap } from './editor-hour-heatmap.js';
import type { EditorHourHeatmap } from './editor-hour-heatmap.js';
import { placeAuditEvent } from './placed-audit-event.js';
import type { PlacedAuditEvent } from './placed-audit-event.js';
import { severityRank, SEVERITIES_BY_RANK } from './severity-rank.js';
import { formatWallClock, WEEKDAY_LABELS } from './wall-clock-slot.js';
import type { WeekdayLabel } from './wall-clock-slot.js';

/** SECURE: nothing above INFO was found; otherwise CHANGES DETECTED (billing-domain.md §3.6). */
export type AuditRunStatus = 'SECURE' | 'CHANGES DETECTED';

/** Count and money of the events of one severity. */
export interface SeverityFigures {
  readonly severity: AuditSeverity;
  readonly count: number;
  readonly netImpactCents: number;
  readonly absoluteImpactCents: number;
}

/** Count and money of the events of one rule (violation type). */
export interface ViolationFigures {
  readonly violationType: string;
  readonly count: number;
  readonly absoluteImpactCents: number;
}

/** Money moved on one local weekday. */
export interface WeekdayFigures {
  readonly weekday: WeekdayLabel;
  readonly changes: number;
  readonly netImpactCents: number;
  readonly absoluteImpactCents: number;
}

/** One scored event on the risk timeline. */
export interface RiskPoint {
  readonly seq: number;
  /** ISO-8601 instant of the change. */
  readonly at: string;
  /** `YYYY-MM-DD HH:mm` on the organisation's wall clock. */
  readonly localTime: string;
  readonly riskScore: number;
  readonly anomalyScore: number | null;
}

/** What identifies the run the figures describe. */
export interface AuditRunFiguresOptions {
  /** IANA zone of the organisation; hours and weekdays are read on its wall clock. */
  readonly timeZone: string;
  readonly runId: string;
  /** ISO-8601 instant the run produced its outputs (passed in: the domain has no clock). */
  readonly generatedAt: string;
}

/** The figures of one run's audit workbook. */
export interface AuditRunFigures {
  readonly runId: string;
  readonly generatedAt: string;
  readonly timeZone: string;
  readonly status: AuditRunStatus;
  readonly eventCount: number;
  /** Every severity, most serious first, zeros included. */
  readonly bySeverity: readonly SeverityFigures[];
  /** Rules that fired, most frequent first. */
  readonly byViolationType: readonly ViolationFigures[];
  /** Sum of deltaCents: what the changes did to billed money overall. */
  readonly netImpactCents: number;
  /** Sum of |deltaCents|: how much money was touched, whichever way. */
  readonly absoluteImpactCents: number;
  /** Events that carry no money figure (deltaCents null), counted as 0 in the totals. */
  readonly eventsWithoutImpact: number;
  /** Events without `changedAt`, bucketed at their detection time instead. */
  readonly eventsTimedByDetection: number;
  readonly editors: readonly EditorActivity[];
  readonly editorHourHeatmap: EditorHourHeatmap;
  /** Monday..Sunday, all seven present. */
  readonly byWeekday: readonly WeekdayFigures[];
  /** Scored events in time order; empty while the model has not been trained (cold start). */
  readonly riskOverTime: readonly RiskPoint[];
  /**
   * True when no event carries an anomaly score: no trained model judged the run, so its risk
   * scores (if any) come from rules and editor context alone (billing-domain.md §3.5 cold start).
   */
  readonly riskColdStart: boolean;
  /** The model that scored the run's events (`details.risk.modelId`); null in a cold start. */
  readonly riskModelId: string | null;
}

/**
 * Computes the figures of a run's audit workbook from its stored events: counts and money per
 * severity, rule, editor, local hour and weekday, the risk timeline and the run status.
 * Throws AppError(CONFIG_INVALID) for an unknown time zone and AppError(INPUT_INVALID) for an
 * event whose time cannot be read.
 */
export function auditRunFigures(
  events: readonly ChainedAuditEvent[],
  options: AuditRunFiguresOptions,
): AuditRunFigures {
  const placed = events.map((event) => placeAuditEvent(event, options.timeZone));
  const editors = editorActivityOf(placed);
  const riskOverTime = riskTimeline(placed);
  return {
    runId: options.runId,
    generatedAt: options.generatedAt,
    timeZone: options.timeZone,
    status: events.some((event) => event.severity !== 'INFO') ? 'CHANGES DETECTED' : 'SECURE',
    eventCount: events.length,
    bySeverity: severityFigures(placed),
    byViolationType: violationFigures(placed),
    netImpactCents: sum(placed, (item) => item.netImpactCents),
    absoluteImpactCents: sum(placed, (item) => item.absoluteImpactCents),
    eventsWithoutImpact: events.filter((event) => event.deltaCents === null).length,
    eventsTimedByDetection: placed.filter((item) => item.timedByDetection).length,
    editors,
    editorHourHeatmap: editorHourHeatmap(
      placed,
      editors.map((activity) => activity.editor),
    ),
    byWeekday: weekdayFigures(placed),
    riskOverTime,
    riskColdStart: !events.some((event) => event.anomalyScore !== null),
    riskModelId: modelIdOf(events),
  };
}

function sum(placed: readonly PlacedAuditEvent[], value: (item: PlacedAuditEvent) => number): number {
  return placed.reduce((total, item) => total + value(item), 0);
}

function severityFigures(placed: readonly PlacedAuditEvent[]): SeverityFigures[] {
  return SEVERITIES_BY_RANK.map((severity) => {
    const matching = placed.filter((item) => item.event.severity === severity);
    return {
      severity,
      count: matching.length,
      netImpactCents: sum(matching, (item) => item.netImpactCents),
      absoluteImpactCents: sum(matching, (item) => item.absoluteImpactCents),
    };
  });
}

function violationFigures(placed: readonly PlacedAuditEvent[]): ViolationFigures[] {
  const tallies = new Map<string, { count: number; absoluteImpactCents: number }>();
  for (const item of placed) {
    const tally = tallies.get(item.event.violationType) ?? { count: 0, absoluteImpactCents: 0 };
    tally.count += 1;
    tally.absoluteImpactCents += item.absoluteImpactCents;
    tallies.set(item.event.violationType, tally);
  }
  return [...tallies]
    .map(([violationType, tally]) => ({ violationType, ...tally }))
    .sort((a, b) =>
      a.count !== b.count
        ? b.count - a.count
        : a.violationType < b.violationType
          ? -1
          : a.violationType > b.violationType
            ? 1
            : 0,
    );
}

function weekdayFigures(placed: readonly PlacedAuditEvent[]): WeekdayFigures[] {
  return WEEKDAY_LABELS.map((weekday, index) => {
    const matching = placed.filter((item) => item.slot.weekdayIndex === index);
    return {
      weekday,
      changes: matching.length,
      netImpactCents: sum(matching, (item) => item.netImpactCents),
      absoluteImpactCents: sum(matching, (item) => item.absoluteImpactCents),
    };
  });
}

function modelIdOf(events: readonly ChainedAuditEvent[]): string | null {
  for (const event of events) {
    const risk = event.details['risk'] as { modelId?: unknown } | undefined;
    if (event.anomalyScore !== null && typeof risk?.modelId === 'string') return risk.modelId;
  }
  return null;
}

function riskTimeline(placed: readonly PlacedAuditEvent[]): RiskPoint[] {
  const points: (RiskPoint & { instantMs: number })[] = [];
  for (const item of placed) {
    // No score means the model has not judged the event; plotting it as 0 would claim "no risk".
    if (item.event.riskScore === null) continue;
    points.push({
      seq: item.event.seq,
      at: new Date(item.instantMs).toISOString(),
      localTime: formatWallClock(item.slot),
      riskScore: item.event.riskScore,
      anomalyScore: item.event.anomalyScore,
      instantMs: item.instantMs,
    });
  }
  points.sort((a, b) => a.instantMs - b.instantMs || a.seq - b.seq);
  return points.map(({ instantMs: _instantMs, ...point }) => point);
}

/** The most serious severity among the figures that has at least one event; null for none. */
export function highestSeverityFound(figures: Pick<AuditRunFigures, 'bySeverity'>): AuditSeverity | null {
  const found = figures.bySeverity.filter((row) => row.count > 0).map((row) => row.severity);
  return found.sort((a, b) => severityRank(a) - severityRank(b))[0] ?? null;
}
