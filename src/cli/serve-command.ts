import type { Command } from 'commander';
import { startService } from '../app/serve.js';
import { commandContext } from './cli-context.js';
import { integerOption } from './option-parsers.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the webhook receiver, the inbox processor and the scheduled cycle until stopped')
    .option(
      '--port <port>',
      'listen on this port instead of LEDGERLINE_HTTP_PORT',
      integerOption('port', 0, 65_535),
    )
    .action(async (options: { port?: number }) => {
      const { config, logger } = commandContext();
      const service = await startService(
        config,
        logger,
        options.port === undefined ? {} : { port: options.port },
      );
      process.stdout.write(
        `Ledgerline serve listening on ${service.url}\n` +
          `  webhook callbacks  POST ${config.http.publicUrl ?? service.url}/webhooks/smartsheet\n` +
          `  health             ${service.url}/health, /ready, /metrics\n` +
          `  cycle              ${config.http.cycleCron}; version sweep ${config.http.sweepCron} (${config.billing.timeZone})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stdout.write('Stopping: finishing in-flight work…\n');
          void service.stop().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
