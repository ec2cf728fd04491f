// The sync phase of a cluster cycle: one sheet-sync job per sheet, then wait until every one has
// ended. Job ids derive from (run, sheet), so a coordinator redelivered after a crash waits on the
// jobs it already sent instead of sending new ones. It waits for jobs still running past the phase's
// budget (they stop starting new reads, but a sheet being read is finished) so that every event of
// the run is in the store before the run summarises and alerts on them.
import { deterministicJobId } from '../domain/job-identity.js';
import type { JsonObject } from '../domain/audit-chain.js';
import type { DiscoveredSheet } from '../ports/billing-sheets.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { Logger } from '../ports/logger.js';
import { fromJobOutput } from './sync-sheet-job.js';
import type { SheetSyncJobData, SheetSyncJobOutput } from './sync-sheet-job.js';
import type { SheetSyncResult } from './sync-source-sheets.js';

export interface FanOutOptions {
  runId: string;
  startedAt: Date;
  deadline: Date;
  /** How often job states are read. Default 500 ms. */
  pollMs?: number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
}

export interface FanOutResult {
  results: SheetSyncResult[];
  /** Watched-cell changes audited and cell-history calls made, over all sheets. */
  changes: number;
  historyCalls: number;
  /** Smartsheet requests the jobs made, summed (each job counts its own client's). */
  requests: Record<string, number>;
}

export async function fanOutSheetSyncs(
  queue: Pick<JobQueue, 'sendMany' | 'statuses'>,
  sheets: readonly DiscoveredSheet[],
  options: FanOutOptions,
): Promise<FanOutResult> {
  const jobs = sheets.map((sheet) => ({
    sheet,
    id: deterministicJobId(options.runId, 'sheet-sync', sheet.id),
  }));
  // One statement for the run's sheets; a retried coordinator's second send adds nothing.
  await queue.sendMany(
    'sheet-sync',
    jobs.map(({ sheet, id }) => {
      const data: SheetSyncJobData = {
        runId: options.runId,
        startedAt: options.startedAt.toISOString(),
        deadline: options.deadline.toISOString(),
        sheet: { id: sheet.id, name: sheet.name, location: sheet.location },
      };
      return { id, data: data as unknown as JsonObject };
    }),
  );
  const ended = new Map<string, SheetSyncResult>();
  const fanned: FanOutResult = { results: [], changes: 0, historyCalls: 0, requests: {} };
  for (;;) {
    const open = jobs.filter(({ id }) => !ended.has(id));
    const found = new Map(
      (
        await queue.statuses(
          'sheet-sync',
          open.map(({ id }) => id),
        )
      ).map((s) => [s.id, s]),
    );
    for (const { sheet, id } of open) {
      const status = found.get(id);
      if (!status) {
        // Gone before it was seen to end (retention); never expected within a run.
        ended.set(id, skipped(sheet, 'its sheet-sync job is no longer in the queue'));
      } else if (status.state === 'completed' && status.output) {
        const output = status.output as unknown as SheetSyncJobOutput;
        fanned.changes += output.auditedChanges;
        fanned.historyCalls += output.historyCalls;
        for (const [key, n] of Object.entries(output.requests ?? {}))
          fanned.requests[key] = (fanned.requests[key] ?? 0) + n;
        ended.set(id, fromJobOutput(output));
      } else if (status.state === 'failed' || status.state === 'cancelled') {
        const reason = typeof status.output?.message === 'string' ? status.output.message : status.state;
        options.logger.warn({ runId: options.runId, sheetId: sheet.id, jobId: id }, 'sheet-sync job failed');
        ended.set(
          id,
          skipped(sheet, `its sheet-sync job ${status.state}: ${reason}; the next run retries it`),
        );
      }
    }
    if (ended.size === jobs.length) break;
    await options.sleep(options.pollMs ?? 500);
  }
  fanned.results = jobs.map(({ id }) => ended.get(id)!);
  return fanned;
}

function skipped(sheet: DiscoveredSheet, message: string): SheetSyncResult {
  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    outcome: 'skipped',
    rowsFetched: 0,
    changes: [],
    writes: [],
    deletedRowIds: [],
    isNew: false,
    message,
    at: new Date().toISOString(),
  };
}
