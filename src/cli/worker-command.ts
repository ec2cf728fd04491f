import type { Command } from 'commander';
import { startWorker } from '../app/worker.js';
import { commandContext } from './cli-context.js';
import { integerOption } from './option-parsers.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Take cycle, sheet-sync, webhook-batch and alert jobs from the Postgres queue until stopped (LEDGERLINE_QUEUE=pg-boss)',
    )
    .option(
      '--port <port>',
      'answer /health, /ready and /metrics on this port (0 = any free one) instead of LEDGERLINE_WORKER_PORT',
      integerOption('port', 0, 65_535),
    )
    .action(async (options: { port?: number }) => {
      const { config, logger } = commandContext();
      const worker = await startWorker(
        config,
        logger,
        options.port === undefined ? {} : { port: options.port },
      );
      process.stdout.write(
        `Ledgerline worker ${worker.name} taking jobs (${config.queue.workerConcurrency} sheet syncs and webhook batches at a time)\n` +
          (worker.probeUrl ? `Probes: ${worker.probeUrl}/health, /ready and /metrics\n` : ''),
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
