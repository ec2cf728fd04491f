// What `serve` reports on /metrics beyond the webhook receiver's own series: cycle durations and
// outcomes, audit events stored, and the Smartsheet request budget spent.
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import type { RequestCountsSnapshot, SmartsheetClient } from '../adapters/smartsheet/index.js';
import type { CycleSummary } from '../services/run-report-cycle.js';

export interface ServiceMetrics {
  recordCycle(summary: CycleSummary): void;
  recordWebhookEvents(count: number): void;
}

export function registerServiceMetrics(registry: Registry, client: SmartsheetClient): ServiceMetrics {
  const cycles = new Counter({
    name: 'ledgerline_cycles_total',
    help: 'Cycles run, by status',
    labelNames: ['status'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'ledgerline_cycle_duration_seconds',
    help: 'Duration of each cycle phase',
    labelNames: ['phase'],
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800, 3600],
    registers: [registry],
  });
  const events = new Counter({
    name: 'ledgerline_audit_events_total',
    help: 'Audit events stored, by source',
    labelNames: ['source'],
    registers: [registry],
  });
  for (const source of ['cycle', 'webhook']) events.inc({ source }, 0);
  registerSmartsheetRequestGauges(registry, () => client.requestCounts());
  return {
    recordCycle(summary) {
      cycles.inc({ status: summary.status });
      for (const [phase, ms] of Object.entries(summary.durationsMs)) durations.observe({ phase }, ms / 1000);
      events.inc({ source: 'cycle' }, summary.audit.findings.eventCount);
    },
    recordWebhookEvents: (count) => events.inc({ source: 'webhook' }, count),
  };
}

/** The Smartsheet figures a process reports (`serve` and `worker` alike, so a dashboard sums them). */
export type SmartsheetRequestFigures = Pick<RequestCountsSnapshot, 'total' | 'units' | 'rateLimited'>;

export function registerSmartsheetRequestGauges(
  registry: Registry,
  counts: () => SmartsheetRequestFigures,
): void {
  // Read on each scrape, so the figures are the client's own counts, never a second bookkeeping.
  new Gauge({
    name: 'ledgerline_smartsheet_requests_total',
    help: 'Smartsheet API requests sent by this process (retries included)',
    registers: [registry],
    collect() {
      this.set(counts().total);
    },
  });
  new Gauge({
    name: 'ledgerline_smartsheet_budget_units_total',
    help: 'Smartsheet rate-limit units spent by this process (heavy calls count 10)',
    registers: [registry],
    collect() {
      this.set(counts().units);
    },
  });
  new Gauge({
    name: 'ledgerline_smartsheet_rate_limited_total',
    help: '429 answers received from Smartsheet',
    registers: [registry],
    collect() {
      this.set(counts().rateLimited);
    },
  });
}
