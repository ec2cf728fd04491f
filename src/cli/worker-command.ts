import type { Command } from 'commander';
import { startWorker } from '../app/worker.js';
import { commandContext } from './cli-context.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Take cycle, sheet-sync, webhook-batch and alert jobs from the Postgres queue until stopped (LEDGERLINE_QUEUE=pg-boss)',
    )
    .action(async () => {
      const { config, logger } = commandContext();
      const worker = await startWorker(config, logger);
      process.stdout.write(
        `Ledgerline worker ${worker.name} taking jobs (${config.queue.workerConcurrency} sheet syncs and webhook batches at a time)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stdout.write('Stopping: finishing the jobs in hand…\n');
          void worker.stop().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
