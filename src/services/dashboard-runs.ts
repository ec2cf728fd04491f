// The Runs page (issue #7): the history of cycles with their summaries, and one run in full.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { RunRecord, RunStore } from '../ports/store.js';

export const DEFAULT_RUN_LIMIT = 50;
export const MAX_RUN_LIMIT = 500;

export function listRuns(
  runs: RunStore,
  options: { readonly limit: number; readonly kind?: string },
): Promise<RunRecord[]> {
  return runs.listRecentRuns(options);
}

/** One run; AppError NOT_FOUND when no run has that id. */
export async function runDetail(runs: RunStore, runId: string): Promise<RunRecord> {
  const run = await runs.getRun(runId);
  if (!run) throw new AppError(ErrorCode.NOT_FOUND, `No run has the id ${JSON.stringify(runId)}.`);
  return run;
}
