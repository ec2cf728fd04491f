// What `serve` and a cycle send to the cluster's queue, and the alerts job. Ids derive from what a job
// is about, so the same send from a retried coordinator, or from two `serve` processes in the same
// slot, is one job.
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { deterministicJobId } from '../domain/job-identity.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { JobQueue } from '../ports/job-queue.js';
import { lockKeys } from '../ports/work-lock.js';
import type { WorkLock } from '../ports/work-lock.js';
import { listRunEvents } from './list-run-events.js';

/** Callbacks one webhook-batch job claims per round; a job keeps claiming until the inbox is empty. */
export const WEBHOOK_BATCH_SIZE = 100;

/** The scheduled (or requested) cycle; with one waiting already, this send is dropped. */
export function enqueueCycle(queue: Pick<JobQueue, 'send'>, runId: string, reason: string) {
  return queue.send('cycle', { runId, reason }, { singletonKey: 'cycle' });
}

/** A run's alert digest, once per run. */
export function enqueueRunAlerts(queue: Pick<JobQueue, 'send'>, runId: string, checkpointText?: string) {
  return queue.send(
    'alerts',
    { runId, ...(checkpointText ? { checkpointText } : {}) },
    { id: deterministicJobId(runId, 'alerts') },
  );
}

/** Alerts whose delivery failed earlier, once per `slot` (e.g. the minute). */
export function enqueueAlertRetry(queue: Pick<JobQueue, 'send'>, slot: number) {
  return queue.send('alerts', { retry: true }, { id: deterministicJobId('alert-retry', slot) });
}

/**
 * Enough webhook-batch jobs for `pending` callbacks, at most `parallelism`, once per `slot` (the
 * inbox poll's tick): workers then drain the inbox in parallel, sheet by sheet under the sheet lock.
 */
export async function enqueueWebhookBatches(
  queue: Pick<JobQueue, 'send'>,
  pending: number,
  options: { slot: number; parallelism: number },
): Promise<number> {
  const jobs = Math.min(options.parallelism, Math.ceil(pending / WEBHOOK_BATCH_SIZE));
  let sent = 0;
  for (let i = 0; i < jobs; i += 1) {
    const id = await queue.send(
      'webhook-batch',
      { slot: options.slot },
      {
        id: deterministicJobId('webhook-batch', options.slot, i),
      },
    );
    if (id) sent += 1;
  }
  return sent;
}

export interface AlertJobDependencies {
  audit: Pick<AuditStore, 'listEvents'>;
  lock: WorkLock;
  send(events: readonly ChainedAuditEvent[], runId: string, checkpointText?: string): Promise<unknown>;
  retry(): Promise<void>;
}

/**
 * The alerts job: a run's digest, or the retry of failed deliveries. One delivery runs at a time in
 * the cluster (two senders could both pick up the same due alert); a repeated run digest is dropped
 * by the alert store's dedupe keys, so a redelivered job sends nothing twice.
 */
export async function runAlertJob(
  deps: AlertJobDependencies,
  data: { readonly runId?: unknown; readonly checkpointText?: unknown; readonly retry?: unknown },
): Promise<{ events: number }> {
  return deps.lock.withLock(lockKeys.alertDelivery, async () => {
    if (data.retry === true) {
      await deps.retry();
      return { events: 0 };
    }
    if (typeof data.runId !== 'string') throw new Error('An alerts job needs a runId or retry: true');
    const events = await listRunEvents(deps.audit, data.runId);
    if (events.length > 0)
      await deps.send(
        events,
        data.runId,
        typeof data.checkpointText === 'string' ? data.checkpointText : undefined,
      );
    return { events: events.length };
  });
}
