// What `ledgerline worker` reports on /metrics: its jobs by kind and outcome, how long they took, how
// many are running now, and the Smartsheet requests they made (the same series names as `serve`,
// so one dashboard sums the cluster).
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { JOB_KINDS } from '../ports/job-queue.js';
import type { JobHandler, JobKind } from '../ports/job-queue.js';
import { registerSmartsheetRequestGauges } from './service-metrics.js';
import type { SmartsheetRequestFigures } from './service-metrics.js';

export interface WorkerMetrics {
  /** The handler, counted, timed and kept in the running gauge. */
  instrument(kind: JobKind, handler: JobHandler): JobHandler;
  /** Adds the requests of a client that served one job (and is then dropped) to the totals. */
  addRequests(figures: SmartsheetRequestFigures): void;
}

export function registerWorkerMetrics(
  registry: Registry,
  /** Requests of the clients that live as long as the worker (the cycle's). */
  liveRequests: () => SmartsheetRequestFigures,
): WorkerMetrics {
  const jobs = new Counter({
    name: 'ledgerline_jobs_total',
    help: 'Job attempts this worker ended, by kind and outcome (a failed attempt is retried by the queue)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'ledgerline_job_duration_seconds',
    help: 'Duration of each job attempt, by kind',
    labelNames: ['kind'],
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600],
    registers: [registry],
  });
  const running = new Gauge({
    name: 'ledgerline_jobs_running',
    help: 'Jobs this worker is running now, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  // Every series exists from the start, so a rate() over a fresh worker is 0, not absent.
  for (const kind of JOB_KINDS) {
    running.set({ kind }, 0);
    for (const outcome of ['completed', 'failed']) jobs.inc({ kind, outcome }, 0);
  }
  const finished: SmartsheetRequestFigures = { total: 0, units: 0, rateLimited: 0 };
  registerSmartsheetRequestGauges(registry, () => {
    const live = liveRequests();
    return {
      total: finished.total + live.total,
      units: finished.units + live.units,
      rateLimited: finished.rateLimited + live.rateLimited,
    };
  });

  return {
    instrument(kind, handler) {
      return async (job) => {
        running.inc({ kind });
        const stopTimer = durations.startTimer({ kind });
        try {
          const output = await handler(job);
          jobs.inc({ kind, outcome: 'completed' });
          return output;
        } catch (error) {
          jobs.inc({ kind, outcome: 'failed' });
          throw error;
        } finally {
          stopTimer();
          running.dec({ kind });
        }
      };
    },
    addRequests(figures) {
      finished.total += figures.total;
      finished.units += figures.units;
      finished.rateLimited += figures.rateLimited;
    },
  };
}
