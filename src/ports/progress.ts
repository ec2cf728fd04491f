// Progress of long phases (sync hundreds of sheets, render thousands of workbooks), reported by the
// use cases and drawn by whoever runs them: bars on a terminal, nothing in tests or cron.

export interface PhaseProgress {
  /** Set (or reset) how many items this phase will process. */
  total(count: number): void;
  /** Count items done; `detail` names the current one (a sheet, a Work Request). */
  advance(by?: number, detail?: string): void;
  done(): void;
}

export interface ProgressReporter {
  phase(name: string): PhaseProgress;
}

const silentPhase: PhaseProgress = {
  total: () => undefined,
  advance: () => undefined,
  done: () => undefined,
};

/** Reports nowhere: for tests, JSON output and non-interactive runs. */
export const silentProgress: ProgressReporter = { phase: () => silentPhase };
