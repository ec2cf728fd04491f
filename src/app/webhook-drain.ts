// Draining the webhook inbox until nothing is due: `serve` does it on its timer in one process, a
// worker when it takes a webhook-batch job. Every round that stored events ends like a run: a signed
// checkpoint that leaves the database, then alerts.
import type { Config } from '../config/index.js';
import { billableRuleContext } from '../domain/billable-rule.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { WorkLock } from '../ports/work-lock.js';
import { isBillableSnapshot } from '../services/plan-weekly-reports.js';
import { processWebhookInbox } from '../services/process-webhook-inbox.js';
import { signAuditCheckpoint } from '../services/sign-audit-checkpoint.js';
import { weekEndDayOf } from './audit-settings.js';
import { newRunId } from './report-cycle.js';
import type { ReportCycle } from './report-cycle.js';
import { riskSettingsFor } from './risk-settings.js';

export interface DrainOptions {
  /** Held per sheet (cluster-wide in a cluster). */
  lock?: WorkLock;
  batchSize?: number;
  /** How long a claimed callback stays with this process before another may take it. */
  leaseMs?: number;
  /** A round's events, stored and chained, with its run id and signed checkpoint text. */
  onEvents(events: readonly ChainedAuditEvent[], runId: string, checkpointText: string): Promise<void>;
}

/** Callbacks processed, until a round finds nothing due. */
export async function drainWebhookInbox(
  cycle: ReportCycle,
  config: Config,
  options: DrainOptions,
): Promise<number> {
  const context = billableRuleContext(new Date(), {
    timeZone: config.billing.timeZone,
    weekEndDay: weekEndDayOf(config),
  });
  let drained = 0;
  for (;;) {
    // Each round is its own run id, so a run's events are exactly the round's.
    const runId = newRunId(new Date()).replace(/^run-/, 'webhook-');
    const result = await processWebhookInbox(
      {
        inbox: cycle.store.inbox,
        sheets: cycle.store.sheets,
        snapshots: cycle.store.snapshots,
        audit: cycle.store.audit,
        risk: cycle.store.risk,
        accessReviews: cycle.store.accessReviews,
        corrections: cycle.store.corrections,
        source: cycle.source,
        ...(options.lock ? { lock: options.lock } : {}),
        now: () => new Date(),
      },
      {
        runId,
        changeAgent: config.smartsheet.changeAgent,
        audit: cycle.auditSettings,
        isBillable: (values) => isBillableSnapshot(values, context),
        risk: riskSettingsFor(config),
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      },
    );
    drained += result.items;
    if (result.events.length > 0) {
      const signed = await signAuditCheckpoint(cycle.store.audit, cycle.signer, { runId, now: new Date() });
      await options.onEvents(result.events, runId, signed.text);
    }
    if (result.items === 0) return drained;
  }
}
