// `ledgerline restore <id>` brings a backup's store back (checked, then switched over only once
// confirmed); `ledgerline restore rows` writes a backup's billed values back into Smartsheet rows.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { backupToolsFor, openBackupKit, operatorName } from '../app/backup-kit.js';
import { newRunId } from '../app/report-cycle.js';
import { loadCheckpointSigner } from '../app/audit-signing-key.js';
import { databaseUrl } from '../config/env-value-parsers.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { RestoreTarget } from '../ports/store-copy.js';
import { restoreRows, type RestoreRowsResult } from '../services/restore-rows.js';
import { restoreStore, type RestoreStoreResult } from '../services/restore-store.js';
import { signAuditCheckpoint } from '../services/sign-audit-checkpoint.js';
import { commandContext } from './cli-context.js';

const print = (text: string) => process.stdout.write(`${text}\n`);

async function askOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

function parseTarget(text: string): Exclude<RestoreTarget, { kind: 'temporary' }> {
  const parsed = databaseUrl.safeParse(text);
  if (!parsed.success) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `--to ${text}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      {
        hint: 'Give sqlite:<new file> or postgres://user@host/db?schema=<new schema>.',
      },
    );
  }
  return parsed.data;
}

function parseIds(text: string, what: string): number[] {
  const ids = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (ids.length === 0 || !ids.every((id) => /^\d+$/.test(id) && Number.isSafeInteger(Number(id)))) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `${what} must be Smartsheet ids (digits), comma-separated; got ${text}`,
    );
  }
  return ids.map(Number);
}

function describeStoreRestore(result: RestoreStoreResult): string {
  const lines = [
    `Restored ${result.backupId} into ${result.restoredInto}: audit trail verified (${result.checks.auditTrail.eventCount} events, head ${result.checks.auditTrail.headHash.slice(0, 12)}…), ${result.checks.tablesCompared} tables match the manifest's row counts.`,
  ];
  if (result.migrationsApplied.length > 0)
    lines.push(`Migrated to this version: ${result.migrationsApplied.join(', ')}.`);
  if (result.switched)
    lines.push(
      `It is now the live store; the replaced store is kept at ${result.replacedStoreKeptAt ?? '-'}.`,
    );
  else lines.push('The live store was not changed.');
  return lines.join('\n');
}

function describeRowsRestore(result: RestoreRowsResult): string {
  const lines = result.rows.map((row) => {
    const cells = row.cells.map((c) => `${c.column}: ${c.from ?? 'empty'} → ${c.to ?? 'empty'}`).join(', ');
    return `row ${row.rowId}: ${row.status}${cells ? ` (${cells})` : ''}`;
  });
  if (!result.dryRun) lines.push(`${result.events.length} ROWS_RESTORED event(s) added to the audit trail.`);
  return lines.join('\n');
}

export function registerRestoreCommand(program: Command): void {
  const restore = program
    .command('restore')
    .description('Restore the store from a backup, or billed values into Smartsheet rows (`restore --help`)');

  restore
    .command('store <id>', { isDefault: true })
    .description(
      'Restore backup <id> into a new file or schema, check it, and switch over to it once confirmed (the current store is kept aside)',
    )
    .option('--to <database-url>', 'restore into this new place instead and do not switch over')
    .option('--yes', 'switch over without asking (needed when not on a terminal)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options: { to?: string; yes?: boolean; json?: boolean }) => {
      const target = options.to === undefined ? undefined : parseTarget(options.to);
      const onTerminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
      if (!target && !options.yes && !onTerminal) {
        throw new AppError(
          ErrorCode.INPUT_INVALID,
          'restore switches the live store over: confirm with --yes',
          {
            hint: 'Or restore beside it without switching: --to sqlite:<new file> / postgres://…?schema=<new>.',
          },
        );
      }
      const { config, logger } = commandContext();
      const tools = await backupToolsFor(config, logger);
      const result = await restoreStore(
        {
          folder: tools.folder,
          copier: tools.copier,
          verifiers: await tools.verifiers(),
          confirm: (question) => (options.yes ? Promise.resolve(true) : askOnTerminal(question)),
          now: () => new Date(),
        },
        { backupId: id, ...(target ? { target } : {}) },
      );
      print(options.json ? JSON.stringify(result, null, 2) : describeStoreRestore(result));
    });

  restore
    .command('rows')
    .description(
      'Write the billed values of rows as a backup holds them back into Smartsheet, recorded in the audit trail',
    )
    .requiredOption('--backup <id>', 'the backup whose sheet snapshot holds the values')
    .requiredOption('--sheet <id>', 'the source sheet')
    .requiredOption('--rows <ids>', 'comma-separated row ids')
    .option('--dry-run', 'show what would change; write nothing')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: { backup: string; sheet: string; rows: string; dryRun?: boolean; json?: boolean }) => {
        const [sheetId] = parseIds(options.sheet, '--sheet');
        const rowIds = parseIds(options.rows, '--rows');
        const { config, logger } = commandContext();
        const kit = await openBackupKit(config, logger);
        try {
          if (!kit.source || !kit.writer) {
            throw new AppError(
              ErrorCode.SMARTSHEET_AUTH,
              'restore rows writes to Smartsheet: no API token is configured',
              {
                hint: 'Set SMARTSHEET_API_TOKEN.',
              },
            );
          }
          const runId = newRunId(new Date()).replace(/^run-/, 'restore-');
          const result = await restoreRows(
            {
              folder: kit.folder,
              source: kit.source,
              writer: kit.writer,
              audit: kit.store.audit,
              now: () => new Date(),
            },
            {
              backupId: options.backup,
              sheetId: sheetId as number,
              rowIds,
              dryRun: options.dryRun === true,
              operator: operatorName(),
              runId,
            },
          );
          // Like every run that stores events, the restore ends with a signed checkpoint.
          if (result.events.length > 0) {
            const signer = await loadCheckpointSigner(config, logger);
            await signAuditCheckpoint(kit.store.audit, signer, { runId, now: new Date() });
          }
          print(options.json ? JSON.stringify(result, null, 2) : describeRowsRestore(result));
        } finally {
          await kit.close();
        }
      },
    );
}
