import type { JsonObject } from '../domain/audit-chain.js';

/** `partial`: the run finished but some units (a sheet, a group) failed and are in the summary. */
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

/** One execution of a cycle, a webhook batch, a backup…: what `run` reports and the dashboard lists. */
export interface RunRecord {
  readonly id: string;
  /** What ran, e.g. `cycle`, `webhook`, `backup`. */
  readonly kind: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: RunStatus;
  readonly summary: JsonObject | null;
  readonly error: string | null;
}

/** Runs: started at the beginning, finished with their summary. */
export interface RunStore {
  startRun(run: { readonly id: string; readonly kind: string; readonly startedAt: string }): Promise<void>;
  /** Records the outcome; false when no such run is stored. */
  finishRun(
    id: string,
    outcome: {
      readonly finishedAt: string;
      readonly status: Exclude<RunStatus, 'running'>;
      readonly summary: JsonObject | null;
      readonly error: string | null;
    },
  ): Promise<boolean>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** The latest runs first, optionally of one kind. */
  listRecentRuns(options: { readonly limit: number; readonly kind?: string }): Promise<RunRecord[]>;
}
