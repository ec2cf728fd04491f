import type { Command } from 'commander';
import { smartsheetWebhookAdmin } from '../adapters/smartsheet/smartsheet-webhook-admin.js';
import { openReportCycle } from '../app/report-cycle.js';
import { AppError, ErrorCode, ExitCode } from '../domain/app-error.js';
import { silentProgress } from '../ports/progress.js';
import { ensureWebhooks } from '../services/ensure-webhooks.js';
import { commandContext } from './cli-context.js';

export function registerWebhooksCommand(program: Command): void {
  const webhooks = program.command('webhooks').description('Smartsheet webhooks for the source sheets');
  webhooks
    .command('ensure')
    .description(
      'One enabled webhook per source sheet calling LEDGERLINE_PUBLIC_URL (creates, re-enables; serve must be reachable)',
    )
    .option('--reset-secrets', 'rotate every shared secret')
    .action(async (options: { resetSecrets?: boolean }) => {
      const { config, logger } = commandContext();
      if (!config.http.publicUrl) {
        throw new AppError(ErrorCode.CONFIG_INVALID, 'LEDGERLINE_PUBLIC_URL is not set', {
          hint: 'Set it to the https address Smartsheet can reach (ports 443, 8000, 8008, 8080 or 8443), e.g. https://ledgerline.example.com.',
        });
      }
      const cycle = await openReportCycle(config, logger, { progress: silentProgress });
      try {
        const results = await ensureWebhooks(
          {
            admin: smartsheetWebhookAdmin(cycle.client),
            webhooks: cycle.store.webhooks,
            sheets: cycle.store.sheets,
          },
          {
            callbackUrl: `${config.http.publicUrl}/webhooks/smartsheet`,
            resetSecrets: options.resetSecrets === true,
          },
        );
        if (results.length === 0)
          process.stdout.write('No active source sheets yet: run `ledgerline run` first.\n');
        for (const r of results) {
          process.stdout.write(
            `${r.action.padEnd(12)} ${r.status.padEnd(30)} ${r.sheetName} (${r.sheetId})${r.message ? `\n             ${r.message}` : ''}\n`,
          );
        }
        process.exitCode = results.some((r) => r.action === 'failed') ? ExitCode.FAILURE : ExitCode.OK;
      } finally {
        await cycle.close();
      }
    });
  webhooks
    .command('list')
    .description("List this token's sheet webhooks with their status")
    .action(async () => {
      const { config, logger } = commandContext();
      const cycle = await openReportCycle(config, logger, { progress: silentProgress });
      try {
        for (const w of await smartsheetWebhookAdmin(cycle.client).list()) {
          process.stdout.write(
            `${w.id}  ${w.status.padEnd(30)} sheet ${w.sheetId}  ${w.callbackUrl ?? ''}\n`,
          );
        }
      } finally {
        await cycle.close();
      }
    });
  webhooks
    .command('delete <id>')
    .description('Delete a webhook (use ensure to recreate)')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new AppError(ErrorCode.INPUT_INVALID, `'${id}' is not a webhook id`);
      const { config, logger } = commandContext();
      const cycle = await openReportCycle(config, logger, { progress: silentProgress });
      try {
        await smartsheetWebhookAdmin(cycle.client).remove(Number(id));
        process.stdout.write(`Deleted webhook ${id}\n`);
      } finally {
        await cycle.close();
      }
    });
}
