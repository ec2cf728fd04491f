import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { AuditStore } from '../ports/audit-store.js';
import { exportAuditEvents } from '../services/export-audit-events.js';
import type { ExportFormat } from '../services/export-audit-events.js';

function sinceOption(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `--since must be a date (2026-09-01) or an ISO instant, got '${value}'`,
    );
  }
  return date;
}

/** `audit export`: the trail as CSV or JSON lines, on stdout or into a file. */
export function registerAuditExportCommand(
  audit: Command,
  openAuditStore: () => Promise<{ audit: AuditStore; close(): Promise<void> }>,
): void {
  audit
    .command('export')
    .description('Write stored audit events as CSV or JSON lines (all 25 fields plus chain hashes)')
    .option('--since <date>', 'only events changed at or after this date or instant', sinceOption)
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { since?: Date; format: string; out?: string }) => {
      if (options.format !== 'csv' && options.format !== 'json') {
        throw new AppError(ErrorCode.INPUT_INVALID, `--format must be csv or json, got '${options.format}'`);
      }
      const target = options.out ? createWriteStream(options.out, { flags: 'wx' }) : process.stdout;
      const store = await openAuditStore();
      try {
        const count = await exportAuditEvents(
          store.audit,
          { format: options.format as ExportFormat, ...(options.since ? { since: options.since } : {}) },
          async (chunk) => {
            if (!target.write(chunk)) await once(target, 'drain');
          },
        );
        if (options.out) {
          target.end();
          await once(target, 'finish');
          process.stderr.write(`Wrote ${count} events to ${options.out}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
