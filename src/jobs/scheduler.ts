// Runs scheduled units (DESIGN.md §3 jobs/): each names its schedule — a cron in the
// organisation's time zone or a fixed interval — and the work it calls. A unit never overlaps
// itself: a run due while the previous one still goes is skipped and logged. At start, a cron unit
// whose last scheduled time passed without a run (the process was down) logs the miss and runs now.
import { Cron } from 'croner';
import type { Logger } from '../ports/logger.js';

export interface ScheduledJob {
  name: string;
  /** Cron pattern (in the scheduler's time zone) … */
  cron?: string;
  /** … or a fixed interval. */
  everySeconds?: number;
  run(): Promise<unknown>;
  /** When the unit last ran to completion or start, for missed-run detection at start. */
  lastRunAt?(): Promise<Date | undefined>;
}

export interface Scheduler {
  /** Run a unit now (skipped, like a timer tick, if it is already running). */
  runNow(name: string): Promise<void>;
  stop(): void;
  /** Resolves when no unit is running. */
  idle(): Promise<void>;
}

export async function startScheduler(
  jobs: readonly ScheduledJob[],
  options: { timeZone: string; logger: Logger; now?: () => Date },
): Promise<Scheduler> {
  const now = options.now ?? (() => new Date());
  const running = new Map<string, Promise<void>>();
  const byName = new Map(jobs.map((job) => [job.name, job]));

  const runJob = async (job: ScheduledJob): Promise<void> => {
    const current = running.get(job.name);
    if (current) {
      options.logger.warn({ job: job.name }, 'previous run still going; this run is skipped');
      return;
    }
    const work = job
      .run()
      .then(() => undefined)
      .catch((error: unknown) => options.logger.error({ err: error, job: job.name }, 'scheduled job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, work);
    await work;
  };

  const timers: NodeJS.Timeout[] = [];
  const crons: Cron[] = [];
  for (const job of jobs) {
    if (job.cron) {
      crons.push(new Cron(job.cron, { timezone: options.timeZone, protect: true }, () => void runJob(job)));
      if (job.lastRunAt) {
        const due = new Cron(job.cron, { timezone: options.timeZone }).previousRuns(1, now())[0];
        const last = await job.lastRunAt();
        if (due && (!last || last < due)) {
          options.logger.warn(
            { job: job.name, missed: due.toISOString(), lastRun: last?.toISOString() ?? null },
            'a scheduled run was missed; running it now',
          );
          void runJob(job);
        }
      }
    } else if (job.everySeconds) {
      timers.push(setInterval(() => void runJob(job), job.everySeconds * 1000));
    }
  }

  return {
    async runNow(name) {
      const job = byName.get(name);
      if (!job) throw new Error(`No scheduled job named ${name}`);
      await runJob(job);
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
      for (const cron of crons) cron.stop();
    },
    idle: async () => {
      await Promise.all([...running.values()]);
    },
  };
}
