import { describe, expect, it } from 'vitest';
import { createLogger } from '../adapters/log/pino-logger.js';
import { startScheduler } from './scheduler.js';

const logger = createLogger({ level: 'silent', format: 'json' });

describe('startScheduler', () => {
  it('runs a cron job at start when its last scheduled time passed without a run', async () => {
    let runs = 0;
    const scheduler = await startScheduler(
      [
        {
          name: 'cycle',
          cron: '0 */2 * * *',
          run: async () => void (runs += 1),
          lastRunAt: async () => new Date('2026-11-23T05:00:00Z'),
        },
      ],
      { timeZone: 'America/Chicago', logger, now: () => new Date('2026-11-23T09:30:00Z') },
    );
    await scheduler.idle();
    scheduler.stop();
    expect(runs).toBe(1);
  });

  it('does not catch up when the last run is after the last scheduled time', async () => {
    let runs = 0;
    const scheduler = await startScheduler(
      [
        {
          name: 'cycle',
          cron: '0 */2 * * *',
          run: async () => void (runs += 1),
          lastRunAt: async () => new Date('2026-11-23T08:01:00Z'),
        },
      ],
      { timeZone: 'UTC', logger, now: () => new Date('2026-11-23T09:30:00Z') },
    );
    await scheduler.idle();
    scheduler.stop();
    expect(runs).toBe(0);
  });

  it('never runs a job twice at once', async () => {
    let active = 0;
    let maxActive = 0;
    let release: () => void = () => undefined;
    const scheduler = await startScheduler(
      [
        {
          name: 'slow',
          everySeconds: 3600,
          run: async () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            await new Promise<void>((resolve) => (release = resolve));
            active -= 1;
          },
        },
      ],
      { timeZone: 'UTC', logger },
    );
    const first = scheduler.runNow('slow');
    await scheduler.runNow('slow'); // skipped: the first is still running
    release();
    await first;
    scheduler.stop();
    expect(maxActive).toBe(1);
  });
});
